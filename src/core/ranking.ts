/**
 * Query → the statements that answer it, scored. Retrieval asks minisearch
 * for the query's rarest terms only (within a postings budget, so a question
 * of common words over 10,000 articles does not score half the index);
 * each hit is then checked against every slot of the question in its
 * precomputed term set, which gives its coverage: the IDF-weighted share of
 * the question it answers.
 */
import { FEATURE } from './features.js'
import type { Query, Slot } from './question.js'
import { holdsTerm, searchTerms, type Hit, type StatementIndex } from './search.js'

/** A statement that may answer, and how well. */
export interface Candidate {
  readonly id: number
  /** IDF-weighted share of the question's slots it covers, 0…1. */
  readonly coverage: number
  /** Said by the speaker the question asks about. */
  readonly bySource: boolean
  /** Holds what the question type asks for (a figure for `how many`, a date for `when`). */
  readonly fitsType: boolean
  readonly score: number
}

/** How many postings retrieval may walk before it leaves a question's commonest terms to the coverage check. */
const POSTINGS_BUDGET = 40_000
/** Candidates kept for composing the answer. */
const POOL = 40

/**
 * Statements that cover at least `floor` of the question, best first.
 * `floor` lets retrieval skip common terms when no statement lacking the rare
 * ones could reach it.
 */
export function rankCandidates(index: StatementIndex, query: Query, floor: number): Candidate[] {
  const { lexicon, statements } = index
  const totalWeight = query.slots.reduce((sum, slot) => sum + slot.weight, 0)
  if (totalWeight === 0) return []
  const terms = retrievalTerms(index, query.slots, totalWeight, floor)
  const source = query.source
  const filter = source
    ? (id: number) => source.names.has(statements[id]!.speaker) || source.terms.every((t) => holds(index, id, t))
    : undefined
  const hits = searchTerms(index, terms, filter)
  if (hits.length === 0) return []
  const topScore = hits[0]!.score

  const pool: Candidate[] = []
  for (const hit of hits) {
    const { covered, namedInText } = coverageOf(index, hit, query.slots)
    const coverage = covered / totalWeight
    if (coverage < floor) continue
    const statement = statements[hit.id]!
    const bySource = source !== null && source.names.has(statement.speaker)
    const fitsType = typeFits(query.type, lexicon.features[hit.id]!)
    const score =
      3 * coverage +
      0.7 * (hit.score / topScore) +
      (fitsType ? TYPE_BONUS[query.type] : 0) +
      (bySource ? 1.5 : 0) +
      // `Who is Rajavi?`: the statement that names her (and gives her role) over one she merely said.
      0.6 * namedInText +
      (statement.paragraph <= 2 ? 0.15 : 0)
    insertTop(pool, { id: hit.id, coverage, bySource, fitsType, score })
  }
  return pool
}

const TYPE_BONUS: Record<Query['type'], number> = { quantity: 1, time: 0.6, place: 0.5, person: 0.4, reason: 0, other: 0 }

function typeFits(type: Query['type'], features: number): boolean {
  switch (type) {
    case 'quantity':
      return (features & FEATURE.figure) !== 0
    case 'time':
      return (features & FEATURE.date) !== 0
    case 'place':
      return (features & FEATURE.place) !== 0
    case 'person':
      return (features & FEATURE.name) !== 0
    default:
      return false
  }
}

/**
 * The terms to retrieve by: the rarest first, until the postings budget is
 * spent; all of them when a statement holding none of the rare ones could
 * still cover `floor` of the question (then skipping would lose answers).
 */
function retrievalTerms(index: StatementIndex, slots: readonly Slot[], totalWeight: number, floor: number): string[] {
  const byTerm = new Map<string, number>()
  for (const slot of slots) {
    for (const alternative of slot.anyOf) {
      for (const term of alternative) byTerm.set(term, frequencyOf(index, term))
    }
  }
  const sorted = [...byTerm.entries()].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1))
  const chosen = new Set<string>()
  let postings = 0
  for (const [term, frequency] of sorted) {
    if (chosen.size > 0 && postings + frequency > POSTINGS_BUDGET) break
    chosen.add(term)
    postings += frequency
  }
  if (chosen.size === sorted.length) return [...chosen]
  // Weight a statement could still cover while holding none of the chosen terms.
  const reachable = slots
    .filter((slot) => !slot.anyOf.some((alternative) => alternative.some((t) => chosen.has(t))) || slot.speakers !== null)
    .reduce((sum, slot) => sum + slot.weight, 0)
  return reachable / totalWeight >= floor ? sorted.map(([term]) => term) : [...chosen]
}

function frequencyOf(index: StatementIndex, term: string): number {
  const id = index.lexicon.termIds.get(term)
  return id === undefined ? 0 : index.lexicon.documentFrequency[id]!
}

/** The weight of the slots a hit covers, and the share of the speakers named in the question that it names in its text. */
function coverageOf(index: StatementIndex, hit: Hit, slots: readonly Slot[]): { covered: number; namedInText: number } {
  let covered = 0
  let named = 0
  let speakerSlots = 0
  const speaker = index.statements[hit.id]!.speaker
  for (const slot of slots) {
    const inText = slot.anyOf.some((alternative) => alternative.every((t) => holds(index, hit.id, t)))
    if (inText || slot.speakers?.has(speaker)) covered += slot.weight
    if (slot.speakers) {
      speakerSlots++
      if (inText) named++
    }
  }
  return { covered, namedInText: speakerSlots === 0 ? 0 : named / speakerSlots }
}

function holds(index: StatementIndex, id: number, term: string): boolean {
  const termId = index.lexicon.termIds.get(term)
  return termId !== undefined && holdsTerm(index.lexicon, id, termId)
}

/** Keeps the POOL best candidates, best first, without sorting every hit. */
function insertTop(pool: Candidate[], candidate: Candidate): void {
  if (pool.length === POOL && candidate.score <= pool[POOL - 1]!.score) return
  let at = pool.length
  while (at > 0 && pool[at - 1]!.score < candidate.score) at--
  pool.splice(at, 0, candidate)
  if (pool.length > POOL) pool.pop()
}
