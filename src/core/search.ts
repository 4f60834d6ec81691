/**
 * The statement index: minisearch over pre-analysed terms (stems and synonym
 * concepts, see terms.ts), plus what a question needs without touching the
 * text again: each statement's term set (for coverage), its features (figures,
 * dates, names), document frequencies, the spelling vocabulary and the
 * speaker directory. Everything is computed here, once; a question only
 * looks up.
 */
import MiniSearch, { type Options } from 'minisearch'
import SearchableMap from 'minisearch/SearchableMap'
import { definedAcronyms } from './acronyms.js'
import { featuresOf } from './features.js'
import { buildSpeakerDirectory, type SpeakerDirectory } from './speakerMentions.js'
import { createStemmer, indexTerms, synonymWords, toUnits, unitsOf } from './terms.js'
import { cleanForMatching, tokenize } from './tokenize.js'
import type { Article, Statement } from './types.js'

/** What minisearch stores per statement: its number and its analysed terms, space-separated. */
export interface IndexedStatement {
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

/** Sets of term ids, one per item, sorted, in one array: item i's are `list[start[i] .. start[i + 1])`. */
export interface TermSets {
  readonly list: Uint32Array
  readonly start: Uint32Array
}

/** Terms, their frequencies, and what each statement holds, compactly. */
export interface Lexicon {
  readonly termIds: ReadonlyMap<string, number>
  /** Statements holding each term, by term id. */
  readonly documentFrequency: Uint32Array
  /** The terms of each statement. */
  readonly statementTerms: TermSets
  /** The first statement of each article, and one past the last: article a's are `articleStart[a] .. articleStart[a + 1]`. */
  readonly articleStart: Uint32Array
  /** Each statement's article (position in `articles`). */
  readonly articleIndex: Uint32Array
  /** Feature flags of each statement (features.ts). */
  readonly features: Uint8Array
  /** 1 for a term mostly written with a capital inside a sentence: a name (`Sudan`), not a common noun (`museum`). */
  readonly properTerms: Uint8Array
  /** Every word seen (folded, four letters or more) and how often: for correcting a question's spelling. */
  readonly vocabulary: SearchableMap<number>
  /**
   * For each common term (held by more than COMMON_TERM statements), the
   * COMMON_KEPT shortest statements that hold it: where it weighs most. A
   * question of common words only is answered from these, not by walking
   * tens of thousands of postings.
   */
  readonly commonPostings: ReadonlyMap<number, Uint32Array>
}

/** A term held by more statements than this is common: retrieval walks its postings only when it must. */
export const COMMON_TERM = 3_000
/** How many statements of a common term are kept for questions of common words only. */
const COMMON_KEPT = 1_000

/** Bumped whenever analysis changes, so that a persisted index from older code is not trusted. */
export const INDEX_FORMAT = 5
/** Between the analysed terms of a statement as minisearch stores them. */
export const SEPARATOR = ' '

/** Splits analysed terms as stored. */
export const splitTerms = (text: string): string[] => (text === '' ? [] : text.split(SEPARATOR))

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
  const stemmer = createStemmer()
  const termIds = new Map<string, number>()
  // Per term id, kept packed (one push per new term): statements holding it, and how often it stands inside a
  // sentence, capitalised or not.
  const frequency: number[] = []
  const inside: number[] = []
  const capitalised: number[] = []
  /** The last statement that held each term: a statement's terms are counted once each without a Set. */
  const lastHeldBy: number[] = []
  const idOf = (term: string): number => {
    let id = termIds.get(term)
    if (id === undefined) {
      id = termIds.size
      termIds.set(term, id)
      frequency.push(0)
      inside.push(0)
      capitalised.push(0)
      lastHeldBy.push(-1)
    }
    return id
  }
  const statementSets: number[][] = []
  const articleIndex = new Uint32Array(statements.length)
  const features = new Uint8Array(statements.length)
  const wordCounts = new Map<string, number>()
  const engine = new MiniSearch<IndexedStatement>(ENGINE_OPTIONS)

  let id = 0
  articles.forEach((article, a) => {
    // `PPP` in a statement is also `People Power Party`, where the article says so.
    const expansions = new Map([...definedAcronyms(article.statements.map((st) => st.text))].map(([acronym, words]) => [acronym, indexTerms(unitsOf(words))]))
    for (const statement of article.statements) {
      const units = toUnits(tokenize(cleanForMatching(statement.text)), stemmer)
      // The same terms as `indexTerms(units)`, each with its id, counted once per statement.
      const terms: string[] = []
      const held: number[] = []
      const hold = (term: string): number => {
        terms.push(term)
        const termId = idOf(term)
        if (lastHeldBy[termId] !== id) {
          lastHeldBy[termId] = id
          frequency[termId]!++
          held.push(termId)
        }
        return termId
      }
      for (const unit of units) {
        const { token } = unit
        if (!unit.stop) {
          const form = token.forms[0]!
          if (token.kind === 'word' && form.length >= 4) wordCounts.set(form, (wordCounts.get(form) ?? 0) + 1)
          for (const stem of unit.stems) {
            const termId = hold(stem)
            if (token.sentenceStart) continue
            inside[termId]!++
            if (token.capitalized) capitalised[termId]!++
          }
        }
        for (const concept of unit.concepts) hold(concept)
        if (token.kind === 'acronym' && expansions.size > 0) {
          for (const form of token.forms) for (const term of expansions.get(form) ?? []) hold(term)
        }
      }
      engine.add({ id, terms: terms.join(SEPARATOR) })
      statementSets.push(held)
      features[id] = featuresOf(units)
      articleIndex[id] = a
      id++
    }
  })

  // Synonyms are words too: `fatalites` corrects to `fatalities` though no statement says it.
  for (const word of synonymWords()) if (!wordCounts.has(word)) wordCounts.set(word, 0)
  const vocabulary = SearchableMap.from(wordCounts) as SearchableMap<number>

  const documentFrequency = Uint32Array.from(frequency)
  const statementTerms = packTermSets(statementSets)
  const properTerms = Uint8Array.from(inside, (n, termId) => (2 * capitalised[termId]! > n ? 1 : 0))
  const lexicon: Lexicon = {
    termIds,
    documentFrequency,
    statementTerms,
    articleStart: startsOf(articles),
    articleIndex,
    features,
    properTerms,
    vocabulary,
    commonPostings: commonPostingsOf(documentFrequency, statementTerms),
  }
  return { articles, statements, articleOf: statements.map((_, i) => articles[articleIndex[i]!]!), engine, lexicon, speakers: buildSpeakerDirectory(articles, statements) }
}

/** The shortest statements of each common term (see `Lexicon.commonPostings`). */
export function commonPostingsOf(documentFrequency: Uint32Array, statementTerms: TermSets): Map<number, Uint32Array> {
  const buckets = new Map<number, number[]>()
  documentFrequency.forEach((df, termId) => df > COMMON_TERM && buckets.set(termId, []))
  if (buckets.size === 0) return new Map()
  const { list, start } = statementTerms
  for (let id = 0; id + 1 < start.length; id++) {
    for (let i = start[id]!; i < start[id + 1]!; i++) buckets.get(list[i]!)?.push(id)
  }
  const size = (id: number) => start[id + 1]! - start[id]!
  const kept = new Map<number, Uint32Array>()
  for (const [termId, ids] of buckets) {
    ids.sort((a, b) => size(a) - size(b) || a - b)
    kept.set(termId, Uint32Array.from(ids.slice(0, COMMON_KEPT)))
  }
  return kept
}

/** Where each article's statements begin among all statements, and where the last ends. */
export function startsOf(articles: readonly Article[]): Uint32Array {
  const start = new Uint32Array(articles.length + 1)
  articles.forEach((article, a) => (start[a + 1] = start[a]! + article.statements.length))
  return start
}

function packTermSets(sets: readonly (readonly number[])[]): TermSets {
  const start = new Uint32Array(sets.length + 1)
  sets.forEach((set, i) => (start[i + 1] = start[i]! + set.length))
  const list = new Uint32Array(start[sets.length]!)
  sets.forEach((set, i) => list.set(Uint32Array.from(set).sort(), start[i]!))
  return { list, start }
}

/** The terms of a question for a plain search: content words as the index holds them. */
function questionTermsPlain(question: string): string[] {
  const terms: string[] = []
  for (const unit of unitsOf(question)) {
    if (unit.stop && unit.concepts.length === 0) continue
    if (unit.concepts.length > 0) terms.push(...unit.concepts)
    else if (!unit.inPhrase) terms.push(unit.stems[0]!)
  }
  return terms
}

