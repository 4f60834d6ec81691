/**
 * The index as structured-clonable data (typed arrays, Maps, Sets, strings)
 * for a restart cache, and the way back. Everything the build derived is
 * kept as it was built (the engine's postings, the lexicon's tables, the
 * common postings, the speaker directory), so that restoring computes
 * nothing again; turning the snapshot into bytes is the adapter's business.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { restoreEngine, serializeEngine, type SerializedEngine } from './engineSnapshot.js'
import { restoreTree, serializeTree, type SerializedTree } from './searchableMapSnapshot.js'
import { ENGINE_OPTIONS, INDEX_FORMAT, startsOf, type IndexedStatement, type Lexicon, type StatementIndex, type TermSets } from './search.js'
import { restoreDirectory, serializeDirectory, type SerializedDirectory } from './directorySnapshot.js'
import type { Article } from './types.js'

/** An index as structured-clonable data: what `buildIndex` computed, as it computed it. */
export interface SerializedIndex {
  readonly format: number
  readonly statements: number
  readonly engine: SerializedEngine
  /** The lexicon's terms by id. */
  readonly terms: readonly string[]
  readonly documentFrequency: Uint32Array
  readonly statementTerms: TermSets
  readonly articleIndex: Uint32Array
  readonly features: Uint8Array
  readonly properTerms: Uint8Array
  /** The spelling vocabulary: its tree of words, and their counts in the tree's order. */
  readonly vocabulary: SerializedTree
  readonly vocabularyCounts: Uint32Array
  readonly commonPostings: ReadonlyMap<number, Uint32Array>
  readonly speakers: SerializedDirectory
}

/** The index as structured-clonable data (for a cache keyed by the articles' content; the articles themselves are not included). */
export function serializeIndex(index: StatementIndex): SerializedIndex {
  const { lexicon } = index
  const vocabulary = serializeTree<number>(lexicon.vocabulary as unknown as { _tree: unknown; _prefix: unknown })
  return {
    format: INDEX_FORMAT,
    statements: index.statements.length,
    engine: serializeEngine(index.engine),
    terms: [...lexicon.termIds.keys()],
    documentFrequency: lexicon.documentFrequency,
    statementTerms: lexicon.statementTerms,
    articleIndex: lexicon.articleIndex,
    features: lexicon.features,
    properTerms: lexicon.properTerms,
    vocabulary: vocabulary.tree,
    vocabularyCounts: Uint32Array.from(vocabulary.values),
    commonPostings: lexicon.commonPostings,
    speakers: serializeDirectory(index.speakers),
  }
}

/**
 * Restores an index snapshotted from the same articles, or returns null when
 * it does not fit them (another format, other statements, tables of the
 * wrong size): then build it again.
 */
export function restoreIndex(articles: readonly Article[], data: SerializedIndex): StatementIndex | null {
  const statements = articles.flatMap((a) => a.statements)
  const n = statements.length
  const terms = data.terms.length
  const fits =
    data.format === INDEX_FORMAT &&
    data.statements === n &&
    data.statementTerms.start.length === n + 1 &&
    data.statementTerms.start[n] === data.statementTerms.list.length &&
    data.articleIndex.length === n &&
    data.features.length === n &&
    data.documentFrequency.length === terms &&
    data.properTerms.length === terms &&
    data.vocabularyCounts.length === data.vocabulary.values &&
    data.speakers.contextOf.length === n &&
    largest(data.articleIndex) < articles.length &&
    largest(data.statementTerms.list) < terms
  if (!fits) return null
  const engine = restoreEngine<IndexedStatement>(data.engine, ENGINE_OPTIONS)
  const speakers = engine && restoreDirectory(data.speakers)
  const words = speakers && restoreTree(data.vocabulary, (i) => data.vocabularyCounts[i]!)
  if (!engine || !speakers || !words) return null
  const vocabulary = new SearchableMap<number>(words as Map<string, never>)
  const termIds = new Map<string, number>()
  data.terms.forEach((term, i) => termIds.set(term, i))
  const lexicon: Lexicon = {
    termIds,
    documentFrequency: data.documentFrequency,
    statementTerms: data.statementTerms,
    articleStart: startsOf(articles),
    articleIndex: data.articleIndex,
    features: data.features,
    properTerms: data.properTerms,
    vocabulary,
    commonPostings: data.commonPostings,
  }
  const articleOf = statements.map((_, i) => articles[data.articleIndex[i]!]!)
  return { articles, statements, articleOf, engine, lexicon, speakers }
}

/** The largest number in an array (-1 for none); a plain loop, as the term sets hold millions. */
function largest(values: Uint32Array): number {
  let max = -1
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!
  return max
}
