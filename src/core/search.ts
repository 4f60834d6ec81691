/**
 * The statement index: minisearch over pre-analysed terms (stems and synonym
 * concepts, see terms.ts), plus what a question needs without touching the
 * text again: each statement's term set (for coverage), its features (figures,
 * dates, names), document frequencies, the spelling vocabulary and the
 * speaker directory. Everything is computed here, once; a question only
 * looks up.
 */
import MiniSearch, { type Options, type SearchResult } from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { featuresOf } from './features.js'
import { buildSpeakerDirectory, type SpeakerDirectory } from './speakerMentions.js'
import { createStemmer, indexTerms, isSynonymWord, synonymWords, toUnits, unitsOf } from './terms.js'
import { STOP_WORDS } from './stopwords.js'
import { cleanForMatching, tokenize } from './tokenize.js'
import type { Article, Statement } from './types.js'

/** What minisearch stores per statement: its number and its analysed terms, space-separated. */
interface IndexedStatement {
  readonly id: number
  readonly terms: string
}

/** The statements of every loaded article and everything needed to answer over them. */
export interface StatementIndex {
  readonly articles: readonly Article[]
  readonly statements: readonly Statement[]
  readonly engine: MiniSearch<IndexedStatement>
  /** The article of each statement, by statement number. */
  readonly articleOf: readonly Article[]
  readonly lexicon: Lexicon
  readonly speakers: SpeakerDirectory
}

/** Terms, their frequencies, and each statement's terms, compactly. */
export interface Lexicon {
  readonly termIds: ReadonlyMap<string, number>
  /** Statements holding each term, by term id. */
  readonly documentFrequency: Uint32Array
  /** Statement i's term ids, sorted: `termList[termStart[i] .. termStart[i + 1])`. */
  readonly termList: Uint32Array
  readonly termStart: Uint32Array
  /** Feature flags of each statement (features.ts). */
  readonly features: Uint8Array
  /** Every word seen (folded, four letters or more) and how often: for correcting a question's spelling. */
  readonly vocabulary: SearchableMap<number>
}

/** Bumped whenever analysis changes, so that a persisted index from older code is not trusted. */
const INDEX_FORMAT = 1
const SEPARATOR = ' '

const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(SEPARATOR))

/**
 * minisearch's options. Documents arrive analysed, so indexing only splits;
 * a plain `engine.search(question)` analyses the question the same way
 * (stems, concepts, stop words), which is the raw floor to compare against.
 */
export const ENGINE_OPTIONS: Options<IndexedStatement> = {
  idField: 'id',
  fields: ['terms'],
  tokenize: splitTerms,
  processTerm: (term) => term,
  searchOptions: {
    tokenize: (question) => questionTermsPlain(question),
    processTerm: (term) => term,
  },
}

/** Indexes every statement of the articles. */
export function buildIndex(articles: readonly Article[]): StatementIndex {
  const statements = articles.flatMap((a) => a.statements)
  const articleOf = articles.flatMap((a) => a.statements.map(() => a))
  const stemmer = createStemmer()
  const termIds = new Map<string, number>()
  const frequency: number[] = []
  const termStart = new Uint32Array(statements.length + 1)
  const perStatement: Uint32Array[] = []
  const features = new Uint8Array(statements.length)
  const vocabulary = new SearchableMap<number>()
  const engine = new MiniSearch<IndexedStatement>(ENGINE_OPTIONS)

  let total = 0
  statements.forEach((statement, id) => {
    const units = toUnits(tokenize(cleanForMatching(statement.text)), stemmer)
    const terms = indexTerms(units)
    engine.add({ id, terms: terms.join(SEPARATOR) })
    const unique = new Set<number>()
    for (const term of terms) {
      let termId = termIds.get(term)
      if (termId === undefined) {
        termId = termIds.size
        termIds.set(term, termId)
        frequency.push(0)
      }
      if (!unique.has(termId)) {
        unique.add(termId)
        frequency[termId]!++
      }
    }
    for (const unit of units) {
      const form = unit.token.forms[0]!
      if (unit.token.kind === 'word' && !unit.stop && form.length >= 4) vocabulary.set(form, (vocabulary.get(form) ?? 0) + 1)
    }
    perStatement.push(Uint32Array.from(unique).sort())
    features[id] = featuresOf(units)
    total += unique.size
    termStart[id + 1] = total
  })

  // Synonyms are words too: `fatalites` corrects to `fatalities` though no statement says it.
  for (const word of synonymWords()) if (!vocabulary.has(word)) vocabulary.set(word, 0)

  const termList = new Uint32Array(total)
  perStatement.forEach((ids, i) => termList.set(ids, termStart[i]!))
  const lexicon: Lexicon = {
    termIds,
    documentFrequency: Uint32Array.from(frequency),
    termList,
    termStart,
    features,
    vocabulary,
  }
  return { articles, statements, articleOf, engine, lexicon, speakers: buildSpeakerDirectory(articles, statements) }
}

/** True when statement `id` holds term `termId` (binary search in its sorted term list). */
export function holdsTerm(lexicon: Lexicon, id: number, termId: number): boolean {
  let low = lexicon.termStart[id]!
  let high = lexicon.termStart[id + 1]! - 1
  const list = lexicon.termList
  while (low <= high) {
    const middle = (low + high) >>> 1
    const value = list[middle]!
    if (value === termId) return true
    if (value < termId) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** How many statements hold a term (0 for a term the index never saw). */
export function documentFrequency(lexicon: Lexicon, term: string): number {
  const id = lexicon.termIds.get(term)
  return id === undefined ? 0 : lexicon.documentFrequency[id]!
}

/** A hit from the engine: statement number, BM25 score, and which query terms it matched. */
export interface Hit {
  readonly id: number
  readonly score: number
  readonly matched: readonly string[]
}

/**
 * Statements matching any of the terms, best BM25 first. Exact terms only:
 * spelling was corrected and synonyms expanded before, so no prefix or fuzzy
 * search runs over the whole index.
 */
export function searchTerms(index: StatementIndex, terms: readonly string[], filter?: (id: number) => boolean): Hit[] {
  if (terms.length === 0) return []
  const results: SearchResult[] = index.engine.search(terms.join(SEPARATOR), {
    tokenize: splitTerms,
    processTerm: (term) => term,
    combineWith: 'OR',
    ...(filter ? { filter: (result: SearchResult) => filter(result.id as number) } : {}),
  })
  return results.map((r) => ({ id: r.id as number, score: r.score, matched: r.queryTerms }))
}

/** The terms of a question for a plain search: content words as the index holds them. */
function questionTermsPlain(question: string): string[] {
  const terms: string[] = []
  for (const unit of unitsOf(question)) {
    if (unit.stop) continue
    if (unit.concepts.length > 0) terms.push(...unit.concepts)
    else if (!unit.inPhrase) terms.push(unit.stems[0]!)
  }
  return terms
}

/**
 * A corrected spelling for a word the index has never seen, or null: the
 * nearest known word (`kiled` → `killed`, `protestors` → `protesters`), else
 * a known word it extends by a short ending (`youngest` → `young`).
 */
export function correctSpelling(lexicon: Lexicon, word: string): string | null {
  if (word.length < 5 || lexicon.vocabulary.has(word)) return null
  const distance = word.length >= 8 ? 2 : 1
  let best: string | null = null
  let bestDistance = Infinity
  let bestCount = -1
  // The nearest word; among equally near ones the most frequent, then the first in order (deterministic).
  for (const [candidate, [count, d]] of lexicon.vocabulary.fuzzyGet(word, distance)) {
    const better = d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && candidate < best!)))
    if (better) {
      best = candidate
      bestDistance = d
      bestCount = count
    }
  }
  if (best !== null) return best
  for (let length = word.length - 1; length >= Math.max(4, word.length - 3); length--) {
    const prefix = word.slice(0, length)
    if (lexicon.vocabulary.has(prefix)) return prefix
  }
  return null
}

/** True when a question word needs no correction: the index or the synonym list knows it. */
export function isKnownWord(lexicon: Lexicon, form: string, stemmed: string): boolean {
  return STOP_WORDS.has(form) || lexicon.vocabulary.has(form) || lexicon.termIds.has(stemmed) || isSynonymWord(stemmed)
}

/** The index in a form JSON can hold: minisearch's own `toJSON`, plus the lexicon. */
export interface SerializedIndex {
  readonly format: number
  readonly statements: number
  readonly engine: ReturnType<MiniSearch['toJSON']>
  readonly terms: readonly string[]
  readonly documentFrequency: readonly number[]
  readonly termList: readonly number[]
  readonly termStart: readonly number[]
  readonly features: readonly number[]
  readonly vocabulary: readonly (readonly [string, number])[]
}

/** Serialises an index (for a cache keyed by the articles' content; the articles themselves are not included). */
export function serializeIndex(index: StatementIndex): SerializedIndex {
  const { lexicon } = index
  return {
    format: INDEX_FORMAT,
    statements: index.statements.length,
    engine: index.engine.toJSON(),
    terms: [...lexicon.termIds.keys()],
    documentFrequency: Array.from(lexicon.documentFrequency),
    termList: Array.from(lexicon.termList),
    termStart: Array.from(lexicon.termStart),
    features: Array.from(lexicon.features),
    vocabulary: [...lexicon.vocabulary.entries()],
  }
}

/**
 * Restores an index serialised from the same articles, or returns null when
 * it does not fit them (another format, another number of statements): then
 * build it again.
 */
export function restoreIndex(articles: readonly Article[], data: SerializedIndex): StatementIndex | null {
  const statements = articles.flatMap((a) => a.statements)
  if (data.format !== INDEX_FORMAT || data.statements !== statements.length || data.termStart.length !== statements.length + 1) {
    return null
  }
  const engine = MiniSearch.loadJS<IndexedStatement>(data.engine, ENGINE_OPTIONS)
  const vocabulary = new SearchableMap<number>()
  for (const [word, count] of data.vocabulary) vocabulary.set(word, count)
  const lexicon: Lexicon = {
    termIds: new Map(data.terms.map((term, i) => [term, i])),
    documentFrequency: Uint32Array.from(data.documentFrequency),
    termList: Uint32Array.from(data.termList),
    termStart: Uint32Array.from(data.termStart),
    features: Uint8Array.from(data.features),
    vocabulary,
  }
  const articleOf = articles.flatMap((a) => a.statements.map(() => a))
  return { articles, statements, articleOf, engine, lexicon, speakers: buildSpeakerDirectory(articles, statements) }
}
