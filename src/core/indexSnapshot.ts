/**
 * The index in a form JSON can hold, for a restart cache: minisearch's own
 * `toJSON` plus the lexicon, and the way back.
 */
import MiniSearch from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import {
  commonPostingsOf,
  ENGINE_OPTIONS,
  INDEX_FORMAT,
  startsOf,
  type IndexedStatement,
  type Lexicon,
  type StatementIndex,
  type TermSets,
} from './search.js'
import { buildSpeakerDirectory } from './speakerMentions.js'
import type { Article } from './types.js'

/** Term sets as JSON holds them. */
interface SerializedTermSets {
  readonly list: readonly number[]
  readonly start: readonly number[]
}

/** The index in a form JSON can hold: minisearch's own `toJSON`, plus the lexicon. */
export interface SerializedIndex {
  readonly format: number
  readonly statements: number
  readonly engine: ReturnType<MiniSearch['toJSON']>
  readonly terms: readonly string[]
  readonly documentFrequency: readonly number[]
  readonly statementTerms: SerializedTermSets
  readonly articleIndex: readonly number[]
  readonly features: readonly number[]
  readonly properTerms: readonly number[]
  readonly vocabulary: readonly (readonly [string, number])[]
}

/** Serialises an index (for a cache keyed by the articles' content; the articles themselves are not included). */
export function serializeIndex(index: StatementIndex): SerializedIndex {
  const { lexicon } = index
  const sets = (s: TermSets): SerializedTermSets => ({ list: Array.from(s.list), start: Array.from(s.start) })
  return {
    format: INDEX_FORMAT,
    statements: index.statements.length,
    engine: index.engine.toJSON(),
    terms: [...lexicon.termIds.keys()],
    documentFrequency: Array.from(lexicon.documentFrequency),
    statementTerms: sets(lexicon.statementTerms),
    articleIndex: Array.from(lexicon.articleIndex),
    features: Array.from(lexicon.features),
    properTerms: Array.from(lexicon.properTerms),
    vocabulary: [...lexicon.vocabulary.entries()],
  }
}

/**
 * Restores an index serialised from the same articles, or returns null when
 * it does not fit them (another format, other statements): then build it again.
 */
export function restoreIndex(articles: readonly Article[], data: SerializedIndex): StatementIndex | null {
  const statements = articles.flatMap((a) => a.statements)
  const fits =
    data.format === INDEX_FORMAT &&
    data.statements === statements.length &&
    data.statementTerms.start.length === statements.length + 1
  if (!fits) return null
  const engine = MiniSearch.loadJS<IndexedStatement>(data.engine, ENGINE_OPTIONS)
  const vocabulary = SearchableMap.from(data.vocabulary as [string, number][]) as SearchableMap<number>
  const sets = (s: SerializedTermSets): TermSets => ({ list: Uint32Array.from(s.list), start: Uint32Array.from(s.start) })
  const documentFrequency = Uint32Array.from(data.documentFrequency)
  const statementTerms = sets(data.statementTerms)
  const lexicon: Lexicon = {
    termIds: new Map(data.terms.map((term, i) => [term, i])),
    documentFrequency,
    statementTerms,
    articleStart: startsOf(articles),
    articleIndex: Uint32Array.from(data.articleIndex),
    features: Uint8Array.from(data.features),
    properTerms: Uint8Array.from(data.properTerms),
    vocabulary,
    commonPostings: commonPostingsOf(documentFrequency, statementTerms),
  }
  const articleOf = statements.map((_, i) => articles[lexicon.articleIndex[i]!]!)
  return { articles, statements, articleOf, engine, lexicon, speakers: buildSpeakerDirectory(articles, statements) }
}
