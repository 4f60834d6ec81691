import { readArticle, type ArticleInput } from './article.js'
import { answerQuestion, type AskOptions } from './answer.js'
import { buildIndex, type StatementIndex } from './search.js'
import { listSources, quotesBy } from './sources.js'
import type { Answer, Article, ArticleRef, SourceEntry } from './types.js'

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

/** A library with the index it answers from: for persisting it (`serializeLibrary` in librarySnapshot.ts) and measuring its engine. */
export interface IndexedLibrary extends Library {
  readonly index: StatementIndex
}

/** Reads and indexes articles. Pure: the same inputs give the same library. */
export function createLibrary(inputs: readonly ArticleInput[]): IndexedLibrary {
  return libraryOver(buildIndex(dedupe(inputs).map(readArticle)))
}

/** The library answering from an index (built or restored). */
export function libraryOver(index: StatementIndex): IndexedLibrary {
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

/** The same text twice is one article, whatever its file was called. */
export function dedupe(inputs: readonly ArticleInput[]): ArticleInput[] {
  const seen = new Set<string>()
  return inputs.filter((input) => {
    const key = input.text.trim()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
