/**
 * A library in a form a restart cache can hold, and the way back: reading and
 * indexing need not be done again for the same inputs.
 */
import type { ArticleInput } from './article.js'
import { restoreIndex, serializeIndex, type SerializedIndex } from './indexSnapshot.js'
import { dedupe, libraryOver, type IndexedLibrary } from './library.js'
import { createStringTable, KINDS } from './stringTable.js'
import type { Article, Statement } from './types.js'

/**
 * A library as structured-clonable data, for a cache keyed by its inputs:
 * the read articles without their text (the inputs give it again, and every
 * statement's text is a slice of it), the statements of all articles in
 * typed columns with their strings numbered once, and the index. Typed
 * arrays, Maps and strings only where the data is large, so that the adapter
 * can write it as bytes that load without parsing numbers.
 */
export interface SerializedLibrary {
  readonly format: number
  readonly articles: readonly SerializedArticle[]
  /** Article a's statements are `statementStart[a] .. statementStart[a + 1]` in the columns. */
  readonly statementStart: Uint32Array
  /** Paragraph offsets of all articles (start, end, start, end, …); article a's are pairs `paragraphStart[a] .. paragraphStart[a + 1]`. */
  readonly paragraphs: Uint32Array
  readonly paragraphStart: Uint32Array
  /** The statements' strings (article, speaker, role, cue), each once. */
  readonly strings: readonly string[]
  /** One entry a statement in each column; strings by number in `strings`, -1 for null. */
  readonly columns: StatementColumns
  readonly index: SerializedIndex
}

/** An article without its text, statements or paragraphs. */
export type SerializedArticle = Omit<Article, 'original' | 'statements' | 'paragraphs'>

export interface StatementColumns {
  readonly article: Int32Array
  readonly paragraph: Uint32Array
  readonly sentence: Uint32Array
  readonly start: Uint32Array
  readonly end: Uint32Array
  readonly speaker: Int32Array
  readonly role: Int32Array
  readonly kind: Uint8Array
  readonly cue: Int32Array
}

/** Bumped whenever the shape above changes. */
const LIBRARY_FORMAT = 2

/** Serialises a library: reading and indexing need not be done again for the same inputs. */
export function serializeLibrary(library: IndexedLibrary): SerializedLibrary {
  const { articles } = library
  const statements = articles.flatMap((a) => a.statements)
  const { strings, numberOf } = createStringTable()
  const column = <A extends Int32Array | Uint32Array | Uint8Array>(Type: { from(values: number[]): A }, value: (s: Statement) => number): A =>
    Type.from(statements.map(value))
  const statementStart = new Uint32Array(articles.length + 1)
  const paragraphStart = new Uint32Array(articles.length + 1)
  articles.forEach((a, i) => {
    statementStart[i + 1] = statementStart[i]! + a.statements.length
    paragraphStart[i + 1] = paragraphStart[i]! + a.paragraphs.length
  })
  return {
    format: LIBRARY_FORMAT,
    articles: articles.map(({ original: _, statements: __, paragraphs: ___, ...rest }) => rest),
    statementStart,
    paragraphs: Uint32Array.from(articles.flatMap((a) => a.paragraphs.flatMap((p) => [p.start, p.end]))),
    paragraphStart,
    strings,
    columns: {
      article: column(Int32Array, (s) => numberOf(s.article)),
      paragraph: column(Uint32Array, (s) => s.paragraph),
      sentence: column(Uint32Array, (s) => s.sentence),
      start: column(Uint32Array, (s) => s.start),
      end: column(Uint32Array, (s) => s.end),
      speaker: column(Int32Array, (s) => numberOf(s.speaker)),
      role: column(Int32Array, (s) => numberOf(s.role)),
      kind: column(Uint8Array, (s) => KINDS.indexOf(s.kind)),
      cue: column(Int32Array, (s) => numberOf(s.cue)),
    },
    index: serializeIndex(library.index),
  }
}

/**
 * The library `createLibrary(inputs)` gives, restored from `serializeLibrary`
 * of it; null when the data does not fit the inputs (other articles, an older
 * format, columns of the wrong size): then create it again.
 */
export function restoreLibrary(inputs: readonly ArticleInput[], data: SerializedLibrary): IndexedLibrary | null {
  const texts = dedupe(inputs)
  const count = data.statementStart[data.articles.length]
  const { columns } = data
  const fits =
    data.format === LIBRARY_FORMAT &&
    texts.length === data.articles.length &&
    data.statementStart.length === texts.length + 1 &&
    data.paragraphStart.length === texts.length + 1 &&
    data.paragraphStart[texts.length]! * 2 === data.paragraphs.length &&
    Object.values(columns).every((c: ArrayLike<number>) => c.length === count)
  if (!fits) return null
  const articles: Article[] = []
  for (const [i, stored] of data.articles.entries()) {
    const article = restoreArticle(texts[i]!, stored, data, i)
    if (!article) return null
    articles.push(article)
  }
  const index = restoreIndex(articles, data.index)
  return index ? libraryOver(index) : null
}

function restoreArticle(input: ArticleInput, stored: SerializedArticle, data: SerializedLibrary, a: number): Article | null {
  if (stored.meta.id !== input.id) return null
  const { strings } = data
  const { article: articleColumn, paragraph, sentence, start: startColumn, end: endColumn, speaker: speakerColumn, role, kind: kindColumn, cue } = data.columns
  const original = input.text
  const string = (n: number): string | null => (n < 0 ? null : (strings[n] ?? null))
  const statements: Statement[] = []
  for (let k = data.statementStart[a]!; k < data.statementStart[a + 1]!; k++) {
    const start = startColumn[k]!
    const end = endColumn[k]!
    const kind = KINDS[kindColumn[k]!]
    const article = string(articleColumn[k]!)
    const speaker = string(speakerColumn[k]!)
    if (end > original.length || start > end || !kind || article === null || speaker === null) return null
    statements.push({
      article,
      paragraph: paragraph[k]!,
      sentence: sentence[k]!,
      text: original.slice(start, end),
      start,
      end,
      speaker,
      role: string(role[k]!),
      kind,
      cue: string(cue[k]!),
    })
  }
  // Answering never reads an article's paragraphs (each statement carries its ¶N): they are made when something
  // reads them, through an enumerable getter that equality, JSON and structured clone read as any other property.
  let paragraphs: { start: number; end: number }[] | undefined
  return {
    ...stored,
    original,
    statements,
    get paragraphs() {
      return (paragraphs ??= paragraphsOf(data, a))
    },
  }
}

function paragraphsOf(data: SerializedLibrary, a: number): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = []
  for (let k = data.paragraphStart[a]! * 2; k < data.paragraphStart[a + 1]! * 2; k += 2) {
    paragraphs.push({ start: data.paragraphs[k]!, end: data.paragraphs[k + 1]! })
  }
  return paragraphs
}
