/**
 * A library in a form a restart cache can hold, and the way back: reading and
 * indexing need not be done again for the same inputs.
 */
import type { ArticleInput } from './article.js'
import { restoreIndex, serializeIndex, type SerializedIndex } from './indexSnapshot.js'
import { dedupe, libraryOver, type IndexedLibrary } from './library.js'
import type { Article, Statement } from './types.js'

/**
 * A library in a form JSON can hold, for a cache keyed by its inputs: the read
 * articles without their text (the inputs give it again, and every statement's
 * text is a slice of it), their statements in columns (a restart reads ten
 * times fewer bytes than one object a statement), and the index.
 */
export interface SerializedLibrary {
  readonly articles: readonly SerializedArticle[]
  readonly index: SerializedIndex
}

/** An article without its text; statements and paragraphs as columns of numbers, strings by number in `strings`. */
export interface SerializedArticle extends Omit<Article, 'original' | 'statements' | 'paragraphs'> {
  /** Paragraph offsets: start, end, start, end, … */
  readonly paragraphs: readonly number[]
  /** The statements' strings (article, speaker, role, cue), each once. */
  readonly strings: readonly string[]
  /** One entry a statement in each column; `role` and `cue` are -1 for null. */
  readonly columns: Readonly<Record<StatementColumn, readonly number[]>>
}

type StatementColumn = 'article' | 'paragraph' | 'sentence' | 'start' | 'end' | 'speaker' | 'role' | 'kind' | 'cue'
const KINDS: readonly Statement['kind'][] = ['direct', 'reported', 'narration']

/** Serialises a library: reading and indexing need not be done again for the same inputs. */
export function serializeLibrary(library: IndexedLibrary): SerializedLibrary {
  return { articles: library.articles.map(serializeArticle), index: serializeIndex(library.index) }
}

function serializeArticle({ original: _, statements, paragraphs, ...rest }: Article): SerializedArticle {
  const strings: string[] = []
  const numbers = new Map<string, number>()
  const numberOf = (text: string | null): number => {
    if (text === null) return -1
    let n = numbers.get(text)
    if (n === undefined) {
      n = strings.push(text) - 1
      numbers.set(text, n)
    }
    return n
  }
  const column = (value: (s: Statement) => number): number[] => statements.map(value)
  return {
    ...rest,
    paragraphs: paragraphs.flatMap((p) => [p.start, p.end]),
    strings,
    columns: {
      article: column((s) => numberOf(s.article)),
      paragraph: column((s) => s.paragraph),
      sentence: column((s) => s.sentence),
      start: column((s) => s.start),
      end: column((s) => s.end),
      speaker: column((s) => numberOf(s.speaker)),
      role: column((s) => numberOf(s.role)),
      kind: column((s) => KINDS.indexOf(s.kind)),
      cue: column((s) => numberOf(s.cue)),
    },
  }
}

/**
 * The library `createLibrary(inputs)` gives, restored from `serializeLibrary`
 * of it; null when the data does not fit the inputs (other articles, an older
 * index format): then create it again.
 */
export function restoreLibrary(inputs: readonly ArticleInput[], data: SerializedLibrary): IndexedLibrary | null {
  const texts = dedupe(inputs)
  if (texts.length !== data.articles.length) return null
  const articles: Article[] = []
  for (const [i, stored] of data.articles.entries()) {
    const article = restoreArticle(texts[i]!, stored)
    if (!article) return null
    articles.push(article)
  }
  const index = restoreIndex(articles, data.index)
  return index ? libraryOver(index) : null
}

function restoreArticle(input: ArticleInput, stored: SerializedArticle): Article | null {
  const { paragraphs: flat, strings, columns, ...rest } = stored
  if (rest.meta.id !== input.id) return null
  const original = input.text
  const count = columns.start.length
  const string = (n: number): string | null => (n < 0 ? null : (strings[n] ?? null))
  const statements: Statement[] = []
  for (let k = 0; k < count; k++) {
    const start = columns.start[k]!
    const end = columns.end[k]!
    const kind = KINDS[columns.kind[k]!]
    const article = string(columns.article[k]!)
    const speaker = string(columns.speaker[k]!)
    if (end > original.length || start > end || !kind || article === null || speaker === null) return null
    statements.push({
      article,
      paragraph: columns.paragraph[k]!,
      sentence: columns.sentence[k]!,
      text: original.slice(start, end),
      start,
      end,
      speaker,
      role: string(columns.role[k]!),
      kind,
      cue: string(columns.cue[k]!),
    })
  }
  const paragraphs: { start: number; end: number }[] = []
  for (let k = 0; k + 1 < flat.length; k += 2) paragraphs.push({ start: flat[k]!, end: flat[k + 1]! })
  return { ...rest, original, paragraphs, statements }
}

