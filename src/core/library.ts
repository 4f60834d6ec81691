import { readArticle, type ArticleInput } from './article.js'
import { answerQuestion, type AskOptions } from './answer.js'
import { buildIndex, restoreIndex, serializeIndex, type SerializedIndex, type StatementIndex } from './search.js'
import { listSources, quotesBy } from './sources.js'
import type { Answer, Article, ArticleRef, SourceEntry, Statement } from './types.js'

export type { ArticleInput } from './article.js'
export type { AskOptions } from './answer.js'

/**
 * The loaded articles and their index: the one object adapters hold.
 *
 * ```ts
 * const library = createLibrary([{ id: 'seed', text }])
 * const answer = library.ask('How many people were killed?')
 * ```
 */
export interface Library {
  readonly articles: readonly Article[]
  /** Answers a question with verbatim, attributed quotes, or says why not. */
  ask(question: string, options?: AskOptions): Answer
  /** Who is quoted, how often, in which articles: most quoted first. */
  sources(): readonly SourceEntry[]
  /** Everything a speaker (or one of their aliases) is quoted as saying. */
  quotesBy(speaker: string, options?: AskOptions): Answer
  /** What is loaded, in load order. */
  list(): readonly ArticleRef[]
}

/** A library with the index it answers from: for persisting it (`serializeLibrary`) and measuring its engine. */
export interface IndexedLibrary extends Library {
  readonly index: StatementIndex
}

/** Reads and indexes articles. Pure: the same inputs give the same library. */
export function createLibrary(inputs: readonly ArticleInput[]): IndexedLibrary {
  return libraryOver(buildIndex(dedupe(inputs).map(readArticle)))
}

function libraryOver(index: StatementIndex): IndexedLibrary {
  const { articles } = index
  // Who is quoted never changes for a library: count once, on first use (autocomplete asks on every keystroke).
  let sources: readonly SourceEntry[] | null = null
  return {
    articles,
    index,
    ask: (question, options) => answerQuestion(index, question, options),
    sources: () => (sources ??= listSources(articles)),
    quotesBy: (speaker, options) => quotesBy(index, speaker, options),
    list: () => articles.map((a) => a.meta),
  }
}

/**
 * A library in a form JSON can hold, for a cache keyed by its inputs: the read
 * articles without their text (the inputs give it again, and every statement's
 * text is a slice of it) and the index.
 */
export interface SerializedLibrary {
  readonly articles: readonly (Omit<Article, 'original' | 'statements'> & {
    readonly statements: readonly Omit<Statement, 'text'>[]
  })[]
  readonly index: SerializedIndex
}

/** Serialises a library: reading and indexing need not be done again for the same inputs. */
export function serializeLibrary(library: IndexedLibrary): SerializedLibrary {
  return {
    articles: library.articles.map(({ original: _, statements, ...rest }) => ({
      ...rest,
      statements: statements.map(({ text: _text, ...statement }) => statement),
    })),
    index: serializeIndex(library.index),
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
    const input = texts[i]!
    if (stored.meta.id !== input.id || stored.statements.some((s) => s.end > input.text.length)) return null
    const statements = stored.statements.map((s) => ({ ...s, text: input.text.slice(s.start, s.end) }))
    articles.push({ ...stored, original: input.text, statements })
  }
  const index = restoreIndex(articles, data.index)
  return index ? libraryOver(index) : null
}

/** The same text twice is one article, whatever its file was called. */
function dedupe(inputs: readonly ArticleInput[]): ArticleInput[] {
  const seen = new Set<string>()
  return inputs.filter((input) => {
    const key = input.text.trim()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
