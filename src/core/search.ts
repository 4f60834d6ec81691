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
import { ENGINE_LAYOUT, internalsOf, isFreshEngine } from './engineInternals.js'
import { FilledOnUse, IndexedMap } from './lazyMaps.js'
import { buildSpeakerDirectory, type SpeakerDirectory } from './speakerMentions.js'
import { createStemmer, indexTerms, initialisms, synonymWords, toUnits, unitsOf, type Stemmer } from './terms.js'
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
export const INDEX_FORMAT = 6
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

/** How a term of an analysed statement counts toward telling names from common nouns (`Lexicon.properTerms`). */
const MARK = { other: 0, sentenceStart: 1, inside: 2, insideCapitalised: 3 } as const

/**
 * What indexing reads from an article's own statements, in the order the
 * index takes it. Depends on the article alone, so it can be computed apart
 * from the index (on another thread) and added later.
 */
export interface ArticleAnalysis {
  /** The terms of each statement, in order, repeats kept, joined by SEPARATOR: what minisearch indexes. */
  readonly terms: readonly string[]
  /** For each term of each statement, one statement after another, a MARK: a stem at a sentence start, inside a sentence (capitalised or not), or another term. */
  readonly marks: Uint8Array
  /** Content words of four letters or more, folded, each once in the order first seen: the spelling vocabulary. */
  readonly words: readonly string[]
  /** How often the article uses each of `words`. */
  readonly wordCounts: Uint32Array
  /** Feature flags of each statement (features.ts). */
  readonly features: Uint8Array
}

/** Analyses an article's statements for the index. Pure; `stemmer` only remembers stems (createStemmer). */
export function analyseArticle(article: Article, stemmer: Stemmer = createStemmer()): ArticleAnalysis {
  // `PPP` in a statement is also `People Power Party`, where the article says so.
  const defined = definedAcronyms(article.statements.map((st) => st.text))
  const expansions = new Map([...defined].map(([acronym, words]) => [acronym, indexTerms(unitsOf(words, stemmer))]))
  const joined: string[] = []
  const marks: number[] = []
  const wordCounts = new Map<string, number>()
  const features = new Uint8Array(article.statements.length)
  for (let i = 0; i < article.statements.length; i++) {
    const statement = article.statements[i]!
    const terms: string[] = []
    const units = toUnits(tokenize(cleanForMatching(statement.text)), stemmer)
    for (const unit of units) {
      const { token } = unit
      if (!unit.stop) {
        const form = token.forms[0]!
        if (token.kind === 'word' && form.length >= 4) wordCounts.set(form, (wordCounts.get(form) ?? 0) + 1)
        const mark = token.sentenceStart ? MARK.sentenceStart : token.capitalized ? MARK.insideCapitalised : MARK.inside
        for (const stem of unit.stems) {
          terms.push(stem)
          marks.push(mark)
        }
      }
      for (const concept of unit.concepts) {
        terms.push(concept)
        marks.push(MARK.other)
      }
      if (token.kind === 'acronym' && expansions.size > 0) {
        for (const form of token.forms) {
          for (const term of expansions.get(form) ?? []) {
            terms.push(term)
            marks.push(MARK.other)
          }
        }
      }
    }
    // `International Criminal Court` is also `ICC` to a question.
    for (const initials of initialisms(statement.text)) {
      terms.push(initials)
      marks.push(MARK.other)
    }
    joined.push(terms.join(SEPARATOR))
    features[i] = featuresOf(units)
  }
  return { terms: joined, marks: Uint8Array.from(marks), words: [...wordCounts.keys()], wordCounts: Uint32Array.from(wordCounts.values()), features }
}

/** Builds an index one article at a time, in order: the same index as `buildIndex` over the same articles. */
export interface IndexBuilder {
  /** Adds an article (its analysis may be computed elsewhere: `analyseArticle`). */
  add(article: Article, analysis?: ArticleAnalysis): void
  /** The index of every article added. The builder is spent. */
  finish(): StatementIndex
}

/** An empty index builder. */
export function createIndexBuilder(): IndexBuilder {
  const stemmer = createStemmer()
  const articles: Article[] = []
  const statements: Statement[] = []
  const termIds = new Map<string, number>()
  // Per term id, kept packed (one push per new term): statements holding it, and how often it stands inside a
  // sentence, capitalised or not.
  const frequency: number[] = []
  const inside: number[] = []
  const capitalised: number[] = []
  /** The last statement that held each term: a statement's terms are counted once each without a Set. */
  const lastHeldBy: number[] = []
  /** Where each term stands in the current statement's `held` run. */
  const heldAt: number[] = []
  // The distinct terms of every statement, one statement after another, and how often each occurs in it:
  // statement s's are `held[heldStart[s] .. heldStart[s + 1])`.
  const held: number[] = []
  const heldCount: number[] = []
  const heldStart: number[] = [0]
  const articleIndexes: number[] = []
  const features: number[] = []
  const wordCounts = new Map<string, number>()
  const engineBuild = startEngine()
  let finished = false

  const add = (article: Article, analysis: ArticleAnalysis = analyseArticle(article, stemmer)): void => {
    if (finished) throw new Error('IndexBuilder: add after finish')
    const a = articles.length
    articles.push(article)
    const { marks } = analysis
    let at = 0
    for (let i = 0; i < article.statements.length; i++) {
      const statement = article.statements[i]!
      const id = statements.length
      statements.push(statement)
      const joined = analysis.terms[i]!
      const terms = splitTerms(joined)
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k]!
        let termId = termIds.get(term)
        if (termId === undefined) {
          termId = termIds.size
          termIds.set(term, termId)
          frequency.push(0)
          inside.push(0)
          capitalised.push(0)
          lastHeldBy.push(-1)
          heldAt.push(0)
          engineBuild.addTerm(term, termId)
        }
        if (lastHeldBy[termId] !== id) {
          lastHeldBy[termId] = id
          frequency[termId]!++
          heldAt[termId] = held.length
          held.push(termId)
          heldCount.push(1)
        } else {
          heldCount[heldAt[termId]!]!++
        }
        const mark = marks[at + k]!
        if (mark >= MARK.inside) {
          inside[termId]!++
          if (mark === MARK.insideCapitalised) capitalised[termId]!++
        }
      }
      heldStart.push(held.length)
      features.push(analysis.features[i]!)
      articleIndexes.push(a)
      at += terms.length
    }
    // Article by article in first-seen order: the vocabulary's words go in as they would one occurrence at a time.
    analysis.words.forEach((word, w) => wordCounts.set(word, (wordCounts.get(word) ?? 0) + analysis.wordCounts[w]!))
  }

  const finish = (): StatementIndex => {
    if (finished) throw new Error('IndexBuilder: finish twice')
    finished = true
    // Synonyms are words too: `fatalites` corrects to `fatalities` though no statement says it.
    for (const word of synonymWords()) if (!wordCounts.has(word)) wordCounts.set(word, 0)
    const vocabulary = SearchableMap.from(wordCounts) as SearchableMap<number>
    const articleIndex = Uint32Array.from(articleIndexes)
    const documentFrequency = Uint32Array.from(frequency)
    const start = Uint32Array.from(heldStart)
    engineBuild.complete(documentFrequency, { list: Uint32Array.from(held), start }, Uint32Array.from(heldCount))
    const { engine } = engineBuild
    const statementTerms = sortedTermSets(Uint32Array.from(held), start)
    const properTerms = Uint8Array.from(inside, (n, termId) => (2 * capitalised[termId]! > n ? 1 : 0))
    const lexicon: Lexicon = {
      termIds,
      documentFrequency,
      statementTerms,
      articleStart: startsOf(articles),
      articleIndex,
      features: Uint8Array.from(features),
      properTerms,
      vocabulary,
      commonPostings: commonPostingsOf(documentFrequency, statementTerms),
    }
    const articleOf = statements.map((_, i) => articles[articleIndex[i]!]!)
    return { articles, statements, articleOf, engine, lexicon, speakers: buildSpeakerDirectory(articles, statements) }
  }

  return { add, finish }
}

/** Indexes every statement of the articles. */
export function buildIndex(articles: readonly Article[]): StatementIndex {
  const builder = createIndexBuilder()
  for (const article of articles) builder.add(article)
  return builder.finish()
}

/** The shortest statements of each common term (see `Lexicon.commonPostings`). */
function commonPostingsOf(documentFrequency: Uint32Array, statementTerms: TermSets): Map<number, Uint32Array> {
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

/** The term sets with each statement's terms sorted, in place. */
function sortedTermSets(list: Uint32Array, start: Uint32Array): TermSets {
  for (let i = 0; i + 1 < start.length; i++) list.subarray(start[i]!, start[i + 1]!).sort()
  return { list, start }
}

/** minisearch's engine as the builder makes it (see `startEngine`). */
interface EngineBuild {
  readonly engine: MiniSearch<IndexedStatement>
  /** Puts term number `termId` (numbered from 0 as first seen) in the engine; its postings come with `complete`. */
  addTerm(term: string, termId: number): void
  /** Gives the engine its documents and each term its postings: statement s holds terms `held[s]`, `heldCount` times each. */
  complete(documentFrequency: Uint32Array, held: TermSets, heldCount: Uint32Array): void
}

/**
 * The minisearch engine of the statements, made from their postings rather
 * than by adding each statement (which walks minisearch's radix tree once per
 * term occurrence): the same engine `engine.add` would build, term for term,
 * posting for posting, since terms go in first-seen order (as they are first
 * seen, so that the tree grows while articles are still being read) and
 * postings in statement order, and the average length is summed as minisearch
 * sums it. Its maps are made on first use (lazyMaps.ts), as a restored
 * engine's are.
 */
function startEngine(): EngineBuild {
  const engine = new MiniSearch<IndexedStatement>(ENGINE_OPTIONS)
  const inside = internalsOf(engine)
  if (!(isFreshEngine(inside) && inside._fieldIds.terms === 0)) {
    throw new Error(`startEngine: minisearch's layout is not ${ENGINE_LAYOUT}'s`)
  }
  let postingStart = new Uint32Array(0)
  let docs = new Uint32Array(0)
  let freqs = new Uint32Array(0)
  return {
    engine,
    addTerm(term, termId) {
      // A term's postings become a Map the first time a search reads them: most never are.
      inside._index.set(
        term,
        new FilledOnUse(() => {
          const map = new Map<number, number>()
          for (let i = postingStart[termId]!; i < postingStart[termId + 1]!; i++) map.set(docs[i]!, freqs[i]!)
          return [[0, map] as const]
        }),
      )
    },
    complete(documentFrequency, held, heldCount) {
      const count = held.start.length - 1
      const terms = documentFrequency.length
      postingStart = new Uint32Array(terms + 1)
      for (let t = 0; t < terms; t++) postingStart[t + 1] = postingStart[t]! + documentFrequency[t]!
      docs = new Uint32Array(postingStart[terms]!)
      freqs = new Uint32Array(docs.length)
      const next = postingStart.slice(0, terms)
      const fieldLengths = new Uint32Array(count)
      let average = 0
      for (let s = 0; s < count; s++) {
        const from = held.start[s]!
        const to = held.start[s + 1]!
        for (let i = from; i < to; i++) {
          const at = next[held.list[i]!]!++
          docs[at] = s
          freqs[at] = heldCount[i]!
        }
        fieldLengths[s] = to - from
        // minisearch's running average (addFieldLength), step for step, so that scores agree to the last bit.
        average = (average * s + (to - from)) / (s + 1)
      }
      // Statement s is document s, short id s: the maps by id answer from the arrays, and become Maps only if iterated or changed.
      const position = (key: number): number | undefined => (Number.isInteger(key) && key >= 0 && key < count ? key : undefined)
      const itself = (s: number): number => s
      inside._idToShortId = new IndexedMap(count, itself, position, itself)
      inside._documentIds = new IndexedMap(count, itself, position, itself)
      inside._fieldLength = new IndexedMap(count, itself, position, (s) => [fieldLengths[s]!])
      inside._documentCount = count
      inside._nextId = count
      inside._avgFieldLength[0] = average
    },
  }
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

