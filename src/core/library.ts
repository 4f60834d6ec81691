import { readArticle, type ArticleInput } from './article.js'
import { answerQuestion, type AskOptions } from './answer.js'
import { analyseArticle, buildIndex, type ArticleAnalysis, type StatementIndex } from './search.js'
import { listSources, quotesBy } from './sources.js'
import type { Stemmer } from './terms.js'
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
  return libraryFromArticles(dedupe(inputs).map(readArticle))
}

/** The library of articles already read (`readArticle`, perhaps elsewhere), in order. */
export function libraryFromArticles(articles: readonly Article[]): IndexedLibrary {
  return libraryOver(buildIndex(articles))
}

/** An article read and analysed for the index, apart from the index: what another thread can compute. */
export interface PreparedArticle {
  readonly article: Article
  readonly analysis: ArticleAnalysis
}

/**
 * Reads an article and analyses it for the index (`IndexBuilder.add` in
 * search.ts takes both). Pure; the stemmer (createStemmer) only remembers.
 */
export function prepareArticle(input: ArticleInput, stemmer?: Stemmer): PreparedArticle {
  const article = readArticle(input)
  return { article, analysis: analyseArticle(article, stemmer) }
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
  // Texts are compared only within the same length: a Set of texts would hash every byte of every article
  // (tens of megabytes on a restart), where different articles almost never share a length.
  const byLength = new Map<number, string[]>()
  return inputs.filter((input) => {
    const key = input.text.trim()
    const same = byLength.get(key.length)
    if (!same) {
      byLength.set(key.length, [key])
      return true
    }
    if (same.includes(key)) return false
    same.push(key)
    return true
  })
}
