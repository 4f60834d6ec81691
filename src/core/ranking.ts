/**
 * Query → the statements that answer it, scored. Retrieval asks minisearch
 * for the query's rarest terms only (within a postings budget, so a question
 * of common words over 10,000 articles does not score half the index);
 * each hit is then checked against every slot of the question in its
 * precomputed term set, which gives its coverage: the IDF-weighted share of
 * the question it answers.
 */
import { FEATURE, namesPlaceBesides, statementPlacesOf } from './features.js'
import type { Query, Slot, Source } from './question.js'
import { scoredHit, searchScores, setHolds, statementsHolding, type ScoredHit } from './lookup.js'
import { reportsSpeechOf } from './reportedSpeech.js'
import { COMMON_TERM, type StatementIndex } from './search.js'
import { statementUnitsOf } from './memo.js'
import { sortedBy } from './sortedBy.js'

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

/** A candidate, in one shape however it was reached: code that reads candidates meets one hidden class. */
export function candidateOf(id: number, coverage: number, bySource: boolean, fitsType: boolean, score: number): Candidate {
  return { id, coverage, bySource, fitsType, score }
}

/** How many postings retrieval may walk before it leaves a question's commonest terms to the coverage check. */
const POSTINGS_BUDGET = 3_000
/**
 * Hits checked for coverage, best BM25 first: BM25 weighs terms by rarity as
 * coverage does, so a statement past the first thousand holds little of the
 * question. Only large corpora reach it.
 */
const HITS_CHECKED = 1_000
/** Candidates kept for composing the answer. */
const POOL = 40

/**
 * Statements that cover at least `floor` of the question, best first.
 * Retrieval first asks for the rarest terms only (within `budget` postings);
 * it asks again with every term only when a statement holding none of the
 * rare ones could still cover more than the best found.
 */
export function rankCandidates(index: StatementIndex, query: Query, floor: number, budget = POSTINGS_BUDGET): Candidate[] {
  const ranked = rankHits(index, query, floor, budget)
  return query.type === 'place' ? placesBesidesAsked(index, query, ranked) : ranked
}

/**
 * For `where`: a statement whose only places are those the question names
 * does not give the place asked for; it loses its type bonus, and the order
 * is settled again.
 */
function placesBesidesAsked(index: StatementIndex, query: Query, ranked: readonly Candidate[]): Candidate[] {
  const asked = new Set(query.slots.flatMap((slot) => slot.anyOf.flat()))
  const placesOfStatement = statementPlacesOf(index)
  const checked = ranked.map((c) => {
    if (!c.fitsType || namesPlaceBesides(placesOfStatement(c.id), asked)) return c
    return candidateOf(c.id, c.coverage, c.bySource, false, c.score - TYPE_BONUS.place)
  })
  return checked.sort((a, b) => b.score - a.score)
}

function rankHits(index: StatementIndex, query: Query, floor: number, budget: number): Candidate[] {
  const slotWeight = query.slots.reduce((sum, slot) => sum + slot.weight, 0)
  if (slotWeight === 0) return []
  // Every hit is the source's (the search is filtered to it): its weight is covered by each.
  const given = sourceWeight(query)
  const totalWeight = slotWeight + given
  const { chosen, all, reachable } = retrievalTerms(index, query.slots, totalWeight, budget, given)
  // Common words only (`Where was the Authority?`): their statements where they weigh most, not every posting.
  if (commonOnly(index, all, budget)) return scoreHits(index, query, [], totalWeight, floor, commonHits(index, all))
  const first = scoreHits(index, query, chosen, totalWeight, floor)
  if (chosen.length === all.length) return first
  // Asking again pays only if a statement outside the first search could reach the floor and beat the best found.
  const best = first.reduce((most, c) => Math.max(most, c.coverage), 0)
  if (reachable < floor || best >= reachable) return first
  // Again with every term; a common one brings its kept statements, not all its postings.
  const common = all.filter((t) => frequencyOf(index, t) > COMMON_TERM)
  const rest = all.filter((t) => frequencyOf(index, t) <= COMMON_TERM)
  return scoreHits(index, query, rest, totalWeight, floor, commonHits(index, common))
}

/**
 * What a statement by the question's source covers: the source's weight, but
 * at most half the lightest word's, so that being said by the source never
 * stands in for a whole word the question asks about (`what did Trump say
 * about the deficit` is not answered by Trump on infrastructure).
 */
function sourceWeight(query: Query): number {
  if (!query.source || query.slots.length === 0) return 0
  let lightest = Infinity
  for (const slot of query.slots) lightest = Math.min(lightest, slot.weight)
  return Math.min(query.source.weight, lightest / 2)
}

function scoreHits(
  index: StatementIndex,
  query: Query,
  terms: readonly string[],
  totalWeight: number,
  floor: number,
  given: ScoredHit[] = [],
): Candidate[] {
  const { lexicon, statements } = index
  const source = query.source
  const { contextOf } = index.speakers
  const filter = source
    ? (id: number) => source.contexts.has(contextOf[id]!)
    : query.reported
      ? reportingFilter(index, query.reported)
      : undefined
  // The search's hits as met: only those that reach the floor are put in BM25's order below, not hundreds of them.
  const found = terms.length > 0 ? searchScores(index, terms, filter, HITS_CHECKED, 'as-met') : []
  const fromSearch = found.length
  const hits = mergeHits(found, filter ? given.filter((h) => filter(h.id)) : given)
  // A source says little: all it says is worth checking, words matched or not (`… after the attack`). So do the
  // speakers the question names: their statements cover the name without holding it.
  hits.push(...spokenStatements(index, query, hits))
  if (hits.length === 0) return []
  // The best search score, or the first given hit's where the search found none: what the first hit best-first is.
  let topScore = fromSearch > 0 ? 0 : hits[0]!.score
  for (let h = 0; h < fromSearch; h++) topScore = Math.max(topScore, hits[h]!.score)
  topScore = Math.max(topScore, Number.MIN_VALUE)

  const names = query.slots.map((slot) => isName(index, slot))
  const scan: Scan = {
    slots: query.slots,
    alternatives: query.slots.map((slot) => slot.anyOf.map((alternative) => alternative.map((t) => termOf(index, t, terms)))),
    looser: query.slots.map((slot) => slot.looser?.map((alternative) => alternative.map((t) => termOf(index, t, NOTHING))) ?? null),
    names,
    startingPlaces: query.slots.map((slot) => query.type === 'place' && slot.context),
    held: new Uint8Array(query.slots.length),
    left: [],
    given: sourceWeight(query),
    floor: floor * totalWeight,
    memo: null,
    roles: null,
    together: null,
  }
  // The hits that reach the floor (their positions, ascending) and their candidates, side by side.
  const reaching: number[] = []
  const reached: Candidate[] = []
  for (let h = 0; h < hits.length; h++) {
    const hit = hits[h]!
    // The search's own hits come first; the others hold no searched term (or the search would have found them first).
    const covered = coverageOf(index, hit, h < fromSearch, scan)
    const coverage = covered / totalWeight
    if (coverage < floor) continue
    const statement = statements[hit.id]!
    const bySource = source !== null
    const fitsType = typeFits(query.type, lexicon.features[hit.id]!)
    const score =
      3 * coverage +
      0.7 * (hit.score / topScore) +
      (fitsType ? TYPE_BONUS[query.type] : 0) +
      (bySource ? 1.5 : 0) +
      // `Who is Rajavi?`: the statement that names her (and gives her role) over one she merely said.
      (query.type === 'person' ? 0.6 * namedInText(scan) : 0) +
      (statement.paragraph <= 2 ? 0.15 : 0)
    reaching.push(h)
    reached.push(candidateOf(hit.id, coverage, bySource, fitsType, score))
  }
  // Into the pool in the order of the hits best-first (the search's by BM25, ties as met, then the others as given),
  // which decides between candidates of equal score.
  const order = sortedBy(
    reached.map((_, p) => p),
    (p, q) => {
      const a = reaching[p]!
      const b = reaching[q]!
      return a < fromSearch && b < fromSearch ? hits[b]!.score - hits[a]!.score || a - b : a - b
    },
  )
  const pool: Candidate[] = []
  for (const p of order) insertTop(pool, reached[p]!)
  return pool
}

/** Statements that report what the person said (reportedSpeech.ts); each is read once a search. */
function reportingFilter(index: StatementIndex, person: ReadonlySet<string>): (id: number) => boolean {
  // Only a statement holding one of the person's terms can report them: its term set says so before it is read.
  const { termIds, statementTerms } = index.lexicon
  const ids: number[] = []
  for (const term of person) {
    const id = termIds.get(term)
    if (id !== undefined) ids.push(id)
  }
  const read = new Map<number, boolean>()
  const unitsOfStatement = statementUnitsOf(index)
  return (id) => {
    let reports = read.get(id)
    if (reports === undefined) {
      reports =
        index.statements[id]!.kind !== 'narration' &&
        ids.some((termId) => setHolds(statementTerms, id, termId)) &&
        reportsSpeechOf(unitsOfStatement(id), person)
      read.set(id, reports)
    }
    return reports
  }
}

/** A term of a slot as coverage reads it: its id (-1 for a term no statement holds), and whether the search asked for it. */
interface ScanTerm {
  readonly id: number
  /** A hit holds a searched term exactly when the search matched it: only the search's own hits can. */
  readonly searched: boolean
  /** Its bit in a search hit's `mask` (0 for a term not searched). */
  readonly bit: number
}

function termOf(index: StatementIndex, term: string, searched: readonly string[]): ScanTerm {
  const at = searched.indexOf(term)
  return { id: index.lexicon.termIds.get(term) ?? -1, searched: at >= 0, bit: at >= 0 ? 1 << at : 0 }
}

/** What coverage needs for every hit of one search, worked out once. */
interface Scan {
  readonly slots: readonly Slot[]
  /** Each slot's alternatives, their terms resolved. */
  readonly alternatives: readonly (readonly (readonly ScanTerm[])[])[]
  /** Each slot's related words (`Slot.looser`), their terms resolved; null for none. */
  readonly looser: readonly ((readonly (readonly ScanTerm[])[]) | null)[]
  /** Which slots are names (see `isName`). */
  readonly names: readonly boolean[]
  /**
   * Which slots set the scene of a `where` question (`where is Obama going
   * after Kenya`): the answer is another place, so a statement need not name
   * it to cover it in part.
   */
  readonly startingPlaces: readonly boolean[]
  /** Weight every hit covers before its slots are read: the source's (see `Source.weight`). */
  readonly given: number
  /** Scratch: which slots the current hit's text holds. */
  readonly held: Uint8Array
  /** Scratch: the slots the current hit covers neither in its text, by its speaker nor by a related word. */
  readonly left: number[]
  /** The least covered weight worth finishing the sums for. */
  readonly floor: number
  /**
   * Per article and slot (or pair of slots): what `topicalInArticle` and
   * `togetherInArticle` found. This and the next two are made when first
   * needed: most questions need none.
   */
  memo: Map<number, boolean> | null
  /** Per speaker context: which slots its role holds (`roleHoldsSlot`), two bits a slot: worked out, and held. */
  roles: Map<number, number> | null
  /** Per pair of slots (see `togetherInArticle`): the articles where a statement holds both, or null to read each article. */
  together: Map<number, ReadonlySet<number> | null> | null
}

/** The share of the speakers named in the question that the last hit named in its own text. */
function namedInText(scan: Scan): number {
  let named = 0
  let speakerSlots = 0
  scan.slots.forEach((slot, k) => {
    if (!slot.speakers) return
    speakerSlots++
    named += scan.held[k]!
  })
  return speakerSlots === 0 ? 0 : named / speakerSlots
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
 * spent; every term; and the most a statement holding none of the chosen
 * terms could cover (its other slots in full, the chosen ones through its
 * speaker or article).
 */
function retrievalTerms(
  index: StatementIndex,
  slots: readonly Slot[],
  totalWeight: number,
  budget: number,
  given: number,
): { chosen: string[]; all: string[]; reachable: number } {
  // A question has a handful of terms: arrays and an insertion sort, rarest first (ties by term), beat a Map and its sort.
  const all: string[] = []
  const frequencies: number[] = []
  for (const slot of slots) {
    for (const alternative of slot.anyOf) {
      for (const term of alternative) {
        if (all.includes(term)) continue
        const frequency = frequencyOf(index, term)
        let at = all.length
        while (at > 0 && (frequencies[at - 1]! > frequency || (frequencies[at - 1] === frequency && all[at - 1]! > term))) at--
        all.splice(at, 0, term)
        frequencies.splice(at, 0, frequency)
      }
    }
  }
  const chosen = new Set<string>()
  let postings = 0
  for (let t = 0; t < all.length; t++) {
    const frequency = frequencies[t]!
    if (chosen.size > 0 && postings + frequency > budget) break
    chosen.add(all[t]!)
    postings += frequency
  }
  // A speaker's own statements come with the first search (see spokenStatements), so outside it only words count.
  let reachable = given
  for (const slot of slots) {
    const needsChosen = slot.anyOf.every((alternative) => alternative.some((t) => chosen.has(t)))
    reachable += needsChosen ? creditPossible(index, slot) * slot.weight : slot.weight
  }
  return { chosen: [...chosen], all, reachable: reachable / totalWeight }
}

/** The most credit a statement that does not hold the slot could still get for it (see `coverageOf`). */
function creditPossible(index: StatementIndex, slot: Slot): number {
  if (slot.anyOf.some((alternative) => alternative.every((t) => index.speakers.contextsWith.has(t)))) return SPEAKER_CREDIT
  if (slot.next.length > 0 && isName(index, slot)) return COMPANION_CREDIT
  if (slot.context) return TOPICAL_CREDIT
  return slot.looser ? LOOSER_CREDIT : 0
}

function frequencyOf(index: StatementIndex, term: string): number {
  const id = index.lexicon.termIds.get(term)
  return id === undefined ? 0 : index.lexicon.documentFrequency[id]!
}

/** At most this many statements of a source (or named speaker) are checked beyond those its words retrieve. */
const SOURCE_STATEMENTS = 200

/** The searched hits, then the given ones the search did not return. */
function mergeHits(searched: ScoredHit[], given: readonly ScoredHit[]): ScoredHit[] {
  if (given.length === 0) return searched
  const seen = new Set(searched.map((h) => h.id))
  for (const hit of given) if (!seen.has(hit.id)) searched.push(hit)
  return searched
}

/** Is every term of the question common, so that even the rarest would overrun the budget? */
function commonOnly(index: StatementIndex, terms: readonly string[], budget: number): boolean {
  if (budget < COMMON_TERM || terms.length === 0) return false
  return terms.every((t) => frequencyOf(index, t) > budget)
}

/** The kept statements of common terms (see `Lexicon.commonPostings`), as hits scored by how many of the terms they hold. */
function commonHits(index: StatementIndex, terms: readonly string[]): ScoredHit[] {
  const matched = new Map<number, string[]>()
  for (const term of terms) {
    const termId = index.lexicon.termIds.get(term)
    for (const id of (termId === undefined ? undefined : index.lexicon.commonPostings.get(termId)) ?? []) {
      const list = matched.get(id)
      if (list) list.push(term)
      else matched.set(id, [term])
    }
  }
  return [...matched].map(([id, terms]) => scoredHit(id, terms.length, undefined)).sort((a, b) => b.score - a.score || a.id - b.id)
}

/**
 * The statements of the question's source, or of the speakers it names, that
 * the search did not return, as hits with no score (up to SOURCE_STATEMENTS).
 */
function spokenStatements(index: StatementIndex, query: Query, hits: readonly ScoredHit[]): ScoredHit[] {
  const ids: (readonly number[])[] = []
  if (query.source) for (const context of query.source.contexts) ids.push(index.speakers.contexts[context]!.statements)
  else {
    for (const slot of query.slots) {
      for (const name of slot.speakers ?? []) ids.push(index.speakers.statementsBy.get(name) ?? [])
    }
  }
  if (ids.length === 0) return []
  const seen = new Set(hits.map((h) => h.id))
  const extra: ScoredHit[] = []
  for (const list of ids) {
    for (const id of list) {
      if (extra.length >= SOURCE_STATEMENTS) return extra
      if (!seen.has(id)) {
        seen.add(id)
        extra.push(scoredHit(id, 0, undefined))
      }
    }
  }
  return extra
}

/** Credit for a slot the statement covers with a related word (`replacing` for `swapping`: synonyms.ts RELATED_GROUPS). */
const LOOSER_CREDIT = 0.6

/** Credit for a slot the statement leaves to its speaker's name or role (`a member of Ennahda’s …` said it). */
const SPEAKER_CREDIT = 0.8
/**
 * Credit for a name the statement leaves to the article: `the Bardo museum`
 * asked, `Tunisia’s most renowned museum` said, and another sentence of the
 * article names the Bardo museum. Only for a name beside a common word the
 * statement holds, and only where the article holds the two together.
 */
const COMPANION_CREDIT = 0.8

/**
 * The weight of the slots a statement covers: in full where it holds a
 * slot's terms or is said by a speaker the slot names; in part where its
 * speaker's role holds them, or its article holds them beside a word of the
 * question the statement holds. Leaves which slots the text holds in
 * `scan.held`. Stops early once the floor is out of reach.
 */
function coverageOf(index: StatementIndex, hit: ScoredHit, searchedHit: boolean, scan: Scan): number {
  const { slots, held } = scan
  const id = hit.id
  let covered = scan.given
  // The most the slots the text misses could still add: a speaker the slot names counts in full, credits in part.
  let reachable = 0
  for (let k = 0; k < slots.length; k++) {
    const slot = slots[k]!
    held[k] = slotHeld(index, hit, searchedHit, scan.alternatives[k]!) ? 1 : 0
    if (held[k]) covered += slot.weight
    else reachable += slot.speakers ? slot.weight : SPEAKER_CREDIT * slot.weight
  }
  if (reachable === 0 || covered + reachable < scan.floor) return covered

  // The context's name is the statement's speaker: read there, the statement object itself is not touched.
  const contextId = index.speakers.contextOf[id]!
  const context = index.speakers.contexts[contextId]!
  const speaker = context.name
  const left = scan.left
  left.length = 0
  let possible = 0
  for (let k = 0; k < slots.length; k++) {
    if (held[k]) continue
    const slot = slots[k]!
    const looser = scan.looser[k]
    if (slot.speakers?.has(speaker)) covered += slot.weight
    else if (roleHoldsSlot(scan, contextId, context.terms, k)) covered += SPEAKER_CREDIT * slot.weight
    else if (looser && holdsAny(index, id, looser)) covered += LOOSER_CREDIT * slot.weight
    else {
      left.push(k)
      possible += COMPANION_CREDIT * slot.weight
    }
  }
  // The article's help is sought only where the statement could reach the floor with it.
  if (left.length === 0 || covered + possible < scan.floor) return covered
  const article = index.lexicon.articleIndex[id]!
  for (const k of left) {
    const slot = slots[k]!
    const companion =
      scan.names[k] &&
      slot.next.some((n) => held[n] && !scan.names[n] && togetherInArticle(index, article, k, n, scan))
    if (companion) covered += COMPANION_CREDIT * slot.weight
    else if (slot.context && (scan.startingPlaces[k] || topicalInArticle(index, article, k, scan))) covered += TOPICAL_CREDIT * slot.weight
  }
  return covered
}

/** Slots up to this many have their role checks remembered per context (two bits each in a number). */
const ROLE_SLOTS = 15

/**
 * Does the context's role hold slot `k` (`roleHolds`)? Remembered per
 * question and context: a speaker's statements are often many of the hits.
 */
function roleHoldsSlot(scan: Scan, contextId: number, terms: ReadonlySet<string>, k: number): boolean {
  const alternatives = scan.slots[k]!.anyOf
  if (scan.slots.length > ROLE_SLOTS) return roleHolds(terms, alternatives)
  const known = scan.roles?.get(contextId) ?? 0
  if (known & (1 << (2 * k))) return (known & (1 << (2 * k + 1))) !== 0
  const holds = roleHolds(terms, alternatives)
  ;(scan.roles ??= new Map()).set(contextId, known | (1 << (2 * k)) | (holds ? 1 << (2 * k + 1) : 0))
  return holds
}

/** Do a speaker's name, role and aliases hold one of the alternatives? */
function roleHolds(terms: ReadonlySet<string>, alternatives: readonly (readonly string[])[]): boolean {
  for (const alternative of alternatives) {
    let all = true
    for (const term of alternative) {
      if (!terms.has(term)) {
        all = false
        break
      }
    }
    if (all) return true
  }
  return false
}

const NOTHING: readonly string[] = []

/**
 * Does the statement hold one of the alternatives? A searched term only when the statement is one of the
 * search's own hits (the search matched it there); any other term by its term set.
 */
function slotHeld(index: StatementIndex, hit: ScoredHit, searchedHit: boolean, alternatives: readonly (readonly ScanTerm[])[]): boolean {
  const sets = index.lexicon.statementTerms
  const { id, mask } = hit
  for (const alternative of alternatives) {
    let all = true
    for (const term of alternative) {
      const holds =
        term.id >= 0 &&
        (!term.searched || searchedHit) &&
        (term.searched && mask !== undefined ? (mask & term.bit) !== 0 : setHolds(sets, id, term.id))
      if (!holds) {
        all = false
        break
      }
    }
    if (all) return true
  }
  return false
}

/** Does the statement hold every term of one of the alternatives (searched or not)? */
function holdsAny(index: StatementIndex, id: number, alternatives: readonly (readonly ScanTerm[])[]): boolean {
  const sets = index.lexicon.statementTerms
  // Loops rather than some/every: this runs for many hits a question, and each call would make two closures.
  for (const alternative of alternatives) {
    let all = true
    for (const term of alternative) {
      if (term.id < 0 || !setHolds(sets, id, term.id)) {
        all = false
        break
      }
    }
    if (all) return true
  }
  return false
}

/**
 * Credit for a slot that only sets the scene (`after the attack`) and is what
 * the statement's whole article is about: a fifth or more of its statements
 * hold it.
 */
const TOPICAL_CREDIT = 0.8
const TOPICAL_SHARE = 0.2
const TOPICAL_LEAST = 3

/** Is the slot a topic of the article: held by a good share of its statements? Remembered per question. */
function topicalInArticle(index: StatementIndex, article: number, slotKey: number, scan: Scan): boolean {
  const key = memoKey(scan, article, slotKey, scan.slots.length)
  const known = scan.memo?.get(key)
  if (known !== undefined) return known
  const [first, end] = statementRange(index, article)
  const alternatives = scan.alternatives[slotKey]!
  let count = 0
  for (let id = first; id < end; id++) if (holdsAny(index, id, alternatives)) count++
  const topical = count >= Math.max(TOPICAL_LEAST, TOPICAL_SHARE * (end - first))
  ;(scan.memo ??= new Map()).set(key, topical)
  return topical
}

/** A number for (article, slot, other slot or `slots.length` for none): the memo's key. */
function memoKey(scan: Scan, article: number, a: number, b: number): number {
  const n = scan.slots.length + 1
  return (article * n + a) * n + b
}

/**
 * A slot that is a name (`Sudan`): it does not stand for a longer name
 * (`South Sudan`) the way `museum` stands for `the Bardo museum`.
 */
function isName(index: StatementIndex, slot: Slot): boolean {
  return slot.anyOf.every((alternative) =>
    alternative.every((t) => {
      const termId = index.lexicon.termIds.get(t)
      return termId !== undefined && index.lexicon.properTerms[termId] === 1
    }),
  )
}

/**
 * Does some statement of the article hold both slots? The articles where one
 * does are found once a question from the statements holding `aKey` (a name:
 * few statements), where they are few enough; otherwise each article's
 * statements are read, remembered per question.
 */
function togetherInArticle(index: StatementIndex, article: number, aKey: number, bKey: number, scan: Scan): boolean {
  const pair = aKey * (scan.slots.length + 1) + bKey
  let articles = scan.together?.get(pair)
  if (articles === undefined) {
    articles = articlesWithBoth(index, aKey, bKey, scan)
    ;(scan.together ??= new Map()).set(pair, articles)
  }
  if (articles) return articles.has(article)
  const key = memoKey(scan, article, aKey, bKey)
  const known = scan.memo?.get(key)
  if (known !== undefined) return known
  const a = scan.alternatives[aKey]!
  const b = scan.alternatives[bKey]!
  let found = false
  const [first, end] = statementRange(index, article)
  for (let id = first; id < end && !found; id++) found = holdsAny(index, id, a) && holdsAny(index, id, b)
  ;(scan.memo ??= new Map()).set(key, found)
  return found
}

/** Statements of a name read to find the articles holding it beside another slot, at most: beyond, articles are read one by one. */
const TOGETHER_POSTINGS = 2_000

/**
 * The articles with a statement holding one of slot `aKey`'s alternatives and
 * one of `bKey`'s, read off the statements holding each alternative's rarest
 * term; null where those are more than TOGETHER_POSTINGS.
 */
function articlesWithBoth(index: StatementIndex, aKey: number, bKey: number, scan: Scan): ReadonlySet<number> | null {
  const rarest: string[] = []
  let postings = 0
  for (const alternative of scan.slots[aKey]!.anyOf) {
    let term: string | null = null
    let least = Infinity
    for (const t of alternative) {
      const frequency = frequencyOf(index, t)
      if (frequency < least) {
        least = frequency
        term = t
      }
    }
    // An alternative of no terms is held by every statement: the articles are read one by one.
    if (term === null) return null
    postings += least
    if (postings > TOGETHER_POSTINGS) return null
    rarest.push(term)
  }
  const a = scan.alternatives[aKey]!
  const b = scan.alternatives[bKey]!
  const articles = new Set<number>()
  for (const term of rarest) {
    for (const id of statementsHolding(index, term)) {
      if (holdsAny(index, id, a) && holdsAny(index, id, b)) articles.add(index.lexicon.articleIndex[id]!)
    }
  }
  return articles
}

/** The statement numbers of an article: `[first, end)`. */
function statementRange(index: StatementIndex, article: number): [number, number] {
  const start = index.lexicon.articleStart
  return [start[article]!, start[article + 1]!]
}

/** Keeps the POOL best candidates, best first, without sorting every hit. */
function insertTop(pool: Candidate[], candidate: Candidate): void {
  if (pool.length === POOL && candidate.score <= pool[POOL - 1]!.score) return
  let at = pool.length
  while (at > 0 && pool[at - 1]!.score < candidate.score) at--
  // Shifted by hand, the last dropped when full: what splice and pop do, without their call for every hit.
  if (pool.length < POOL) pool.push(candidate)
  for (let i = pool.length - 1; i > at; i--) pool[i] = pool[i - 1]!
  pool[at] = candidate
}
