/**
 * Looking things up in a built index: term sets, document frequencies, the
 * engine's hits for exact terms, and whether a word is known. What a
 * question does per word; nothing here builds anything.
 */
import type { SearchResult } from 'minisearch'
import { bitCount } from './bits.js'
import { internalsOf, type EngineInternals } from './engineInternals.js'
import { BoundedMemo } from './memo.js'
import { SEPARATOR, splitTerms, type Lexicon, type StatementIndex, type TermSets } from './search.js'
import { STOP_WORDS } from './stopwords.js'
import { sortedBy } from './sortedBy.js'
import { inVocabulary } from './spelling.js'
import { isSynonymWord } from './terms.js'

/** True when item `i` of the sets holds term `termId` (binary search in its sorted list). */
export function setHolds(sets: TermSets, i: number, termId: number): boolean {
  let low = sets.start[i]!
  let high = sets.start[i + 1]! - 1
  const list = sets.list
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

/** A hit of a search: statement number and BM25 score. */
export interface ScoredHit {
  readonly id: number
  readonly score: number
  /** Of `searchScores`' hits: bit t set when the hit matched `terms[t]` (its first time in `terms`). */
  readonly mask?: number
}

/** A hit in one shape, mask or none: code that reads hits meets one hidden class. */
export function scoredHit<M extends number | undefined>(id: number, score: number, mask: M): ScoredHit & { readonly mask: M } {
  return { id, score, mask }
}

/** A hit from the engine: statement number, BM25 score, and which query terms it matched. */
export interface Hit extends ScoredHit {
  readonly matched: readonly string[]
}

/**
 * Statements matching any of the terms, best BM25 first (the first `limit` of them). Exact terms only:
 * spelling was corrected and synonyms expanded before, so no prefix or fuzzy
 * search runs over the whole index.
 *
 * The same hits, scores and order as `engine.search(terms.join(' '), { combineWith: 'OR' })`,
 * without its per-posting objects: minisearch's BM25 (its formula and
 * defaults, summed in the same order) read off its own posting lists.
 */
export function searchTerms(index: StatementIndex, terms: readonly string[], filter?: (id: number) => boolean, limit = Infinity): Hit[] {
  const asked = askedTerms(terms)
  if (asked.length > MASK_TERMS) return searchByEngine(index, asked, filter, limit)
  return scoreTerms(index, asked, filter, limit).map(({ id, score, mask }) => ({
    id,
    score,
    matched: asked.filter((term, t) => (mask & (1 << t)) !== 0 && asked.indexOf(term) === t),
  }))
}

/**
 * `searchTerms`' hits without the terms each matched as strings: a hit holds a term exactly when its
 * statement's term set does; where the terms are plain (no separator, none empty, at most 31), each hit's
 * `mask` says which it matched.
 */
export function searchScores(index: StatementIndex, terms: readonly string[], filter?: (id: number) => boolean, limit = Infinity, order: HitOrder = 'best-first'): ScoredHit[] {
  const asked = askedTerms(terms)
  if (asked.length > MASK_TERMS) return searchByEngine(index, asked, filter, limit).map(({ id, score }) => scoredHit(id, score, undefined))
  const hits = scoreTerms(index, asked, filter, limit, order)
  return terms.every((t) => t !== '' && !t.includes(SEPARATOR)) ? hits : hits.map(({ id, score }) => scoredHit(id, score, undefined))
}

/**
 * The order of a search's hits: best first (BM25, ties in the order the
 * engine met them), or as met, for a caller that orders only what it keeps
 * (the same hits; ties at the limit are the first met either way). The
 * engine's own search, for a question of many terms, gives them best first
 * in both cases, which is an order as met among ties too.
 */
export type HitOrder = 'best-first' | 'as-met'

/** The terms as the engine would read them joined: split again, empty ones dropped. */
function askedTerms(terms: readonly string[]): string[] {
  // Plain terms (nearly always) come back as they are: joining and splitting them again changes nothing.
  if (terms.every((t) => t !== '' && !t.includes(SEPARATOR))) return [...terms]
  return splitTerms(terms.join(SEPARATOR)).filter((t) => t !== '')
}

/** The statements holding a term (none for a term the index never saw), in the engine's order. */
export function statementsHolding(index: StatementIndex, term: string): number[] {
  const engine = internalsOf(index.engine)
  const postings = postingsOfTerm(engine, term)
  const ids: number[] = []
  if (postings) for (const doc of postings.keys()) ids.push(engine._documentIds.get(doc) as number)
  return ids
}

/** A matched term is one bit of a 32-bit mask. */
const MASK_TERMS = 31

function scoreTerms(
  index: StatementIndex,
  asked: readonly string[],
  filter: ((id: number) => boolean) | undefined,
  limit: number,
  order: HitOrder = 'best-first',
): (ScoredHit & { readonly mask: number })[] {
  if (asked.length === 0) return []
  const engine = internalsOf(index.engine)
  const fieldId = engine._fieldIds[FIELD]!
  const documentCount = engine._documentCount
  const norms = lengthNorms(engine, fieldId)
  const postingLists = asked.map((term) => postingsOfTerm(engine, term))
  // Per document in the order minisearch meets them (its results' order before sorting): score and matched terms.
  // A document's place among them is kept in the engine's scratch array, cleared again before returning.
  const places = placesOf(engine)
  const docs: number[] = []
  const scores: number[] = []
  const masks: number[] = []
  try {
    postingLists.forEach((postings, t) => {
      if (!postings) return
      const bit = 1 << asked.indexOf(asked[t]!)
      const matching = postings.size
      const inverse = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5))
      postings.forEach((frequency, doc) => {
        let norm = norms[doc]!
        // Not worked out yet (NaN): a restored engine makes a document's lengths only when asked for them.
        if (norm !== norm) norm = norms[doc] = lengthNorm(engine, fieldId, doc)
        const score = inverse * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + norm))
        const place = places[doc]!
        if (place === 0) {
          docs.push(doc)
          places[doc] = docs.length
          scores.push(score)
          masks.push(bit)
        } else {
          scores[place - 1] = scores[place - 1]! + score
          masks[place - 1] = masks[place - 1]! | bit
        }
      })
    })
  } finally {
    // Left as found even if a search fails, or the next would read this one's places.
    for (const doc of docs) places[doc] = 0
  }
  const kept: number[] = []
  for (let slot = 0; slot < docs.length; slot++) {
    scores[slot] = scores[slot]! * bitCount(masks[slot]!)
    if (!filter || filter(engine._documentIds.get(docs[slot]!) as number)) kept.push(slot)
  }
  return best(kept, scores, limit, order).map((slot) => scoredHit(engine._documentIds.get(docs[slot]!) as number, scores[slot]!, masks[slot]!))
}

/**
 * BM25's length term of each document (by short id), `k · (1 − b + b · length / average)`, computed as
 * minisearch computes it: one table an engine, NaN until a search meets the document, made again if
 * documents were added.
 */
function lengthNorms(engine: EngineInternals, fieldId: number): Float64Array {
  const known = NORMS.get(engine)
  if (known && known.documents === engine._documentCount && known.norms.length === engine._nextId) return known.norms
  const norms = new Float64Array(engine._nextId).fill(NaN)
  NORMS.set(engine, { documents: engine._documentCount, norms })
  return norms
}

function lengthNorm(engine: EngineInternals, fieldId: number, doc: number): number {
  return BM25.k * (1 - BM25.b + (BM25.b * engine._fieldLength.get(doc)![fieldId]!) / engine._avgFieldLength[fieldId]!)
}

/** The length terms of each engine searched (one table an index, gone with it). */
const NORMS = new WeakMap<EngineInternals, { documents: number; norms: Float64Array }>()

/** How many terms' posting lists are remembered per engine. */
const POSTINGS_KEPT = 20_000

/**
 * Each engine's posting lists (of the statements field) by term, remembered while its documents stay the
 * same: a question's terms recur, and a hash lookup is cheaper than a walk down minisearch's radix tree.
 */
const POSTINGS = new WeakMap<EngineInternals, { documents: number; nextId: number; byTerm: BoundedMemo<string, Map<number, number> | null> }>()

/** A term's postings in the statements field (document → frequency), or null for a term the engine never saw. */
function postingsOfTerm(engine: EngineInternals, term: string): Map<number, number> | null {
  return postingsOf(engine).get(term, (t) => engine._index.get(t)?.get(engine._fieldIds[FIELD]!) ?? null)
}

function postingsOf(engine: EngineInternals): BoundedMemo<string, Map<number, number> | null> {
  const known = POSTINGS.get(engine)
  if (known && known.documents === engine._documentCount && known.nextId === engine._nextId) return known.byTerm
  const byTerm = new BoundedMemo<string, Map<number, number> | null>(POSTINGS_KEPT)
  POSTINGS.set(engine, { documents: engine._documentCount, nextId: engine._nextId, byTerm })
  return byTerm
}

/**
 * Each engine's scratch array from document (minisearch's short ids, 0 up) to its place among a search's hits,
 * plus one (0: not met): all zeros between searches, so a search allocates and clears only what it touches.
 */
const PLACES = new WeakMap<EngineInternals, Int32Array>()

function placesOf(engine: EngineInternals): Int32Array {
  let places = PLACES.get(engine)
  if (!places || places.length !== engine._nextId) {
    places = new Int32Array(engine._nextId)
    PLACES.set(engine, places)
  }
  return places
}

/** minisearch's default BM25 parameters (ENGINE_OPTIONS sets none). */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const
/** The one field statements are indexed under (ENGINE_OPTIONS). */
const FIELD = 'terms'

/**
 * The `limit` best of `slots` by score, ties in their order: what a stable
 * sort by score would put first; best first, or as `slots` has them.
 */
function best(slots: number[], scores: readonly number[], limit: number, order: HitOrder): number[] {
  if (slots.length <= limit) return order === 'as-met' ? slots : sortedBy(slots, descendingBy(scores))
  const sorted = Float64Array.from(slots, (slot) => scores[slot]!).sort()
  const least = sorted[sorted.length - limit]!
  const above = slots.filter((slot) => scores[slot]! > least)
  if (order === 'as-met') {
    // The same ones as below, in the order met: all above the least score kept, and the first met at it.
    let ties = limit - above.length
    return slots.filter((slot) => scores[slot]! > least || (scores[slot] === least && ties-- > 0))
  }
  for (const slot of slots) if (above.length < limit && scores[slot] === least) above.push(slot)
  return sortedBy(above, descendingBy(scores))
}

/** Orders places by their score, highest first, ties by place. */
function descendingBy(scores: readonly number[]): (a: number, b: number) => number {
  return (a, b) => scores[b]! - scores[a]! || a - b
}

/** The engine's own search: for a question of more terms than `searchTerms` keeps in a mask. */
function searchByEngine(index: StatementIndex, terms: readonly string[], filter: ((id: number) => boolean) | undefined, limit: number): Hit[] {
  const results: SearchResult[] = index.engine.search(terms.join(SEPARATOR), {
    tokenize: splitTerms,
    processTerm: (term) => term,
    combineWith: 'OR',
    ...(filter ? { filter: (result: SearchResult) => filter(result.id as number) } : {}),
  })
  const hits: Hit[] = []
  for (let i = 0; i < results.length && i < limit; i++) {
    const r = results[i]!
    hits.push({ id: r.id as number, score: r.score, matched: r.queryTerms })
  }
  return hits
}

/** True when a question word needs no correction: the index or the synonym list knows it. */
export function isKnownWord(lexicon: Lexicon, form: string, stemmed: string): boolean {
  return STOP_WORDS.has(form) || lexicon.termIds.has(stemmed) || isSynonymWord(stemmed) || inVocabulary(lexicon, form)
}
