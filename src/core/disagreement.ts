/**
 * Do the sources differ? For a question that asks for a quantity, each
 * answering statement's figures for the thing asked about (the figures that
 * stand near the question's own words: `304 people were killed`) are
 * grouped by speaker; speakers whose figures share nothing with each other's
 * disagree. The note only names them: the bot never states a figure itself.
 */
import { figuresOf } from './features.js'
import { rememberedPerStatement } from './memo.js'
import type { Query, Slot } from './question.js'
import { holdsAnyTerm, type Unit } from './terms.js'

/** How far (in tokens) a figure may stand from a word of the question to count as a figure for it. */
const NEAR = 6

/** Spelled figures compared as numbers: `two gunmen` and `2 gunmen` agree. */
const NUMBER_WORDS: ReadonlyMap<string, string> = new Map(Object.entries({
  zero: '0', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11',
  twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80',
  ninety: '90',
}))

/** Vague quantities: they answer `how many` (`Thousands have been arrested`) but are not compared. */
const VAGUE_QUANTITIES = new Set([
  'hundreds', 'thousands', 'millions', 'dozens', 'tens', 'scores', 'several', 'hundred', 'thousand', 'million', 'dozen',
  'number', 'toll', 'tally', 'figure', 'count', 'percent', 'one',
])

/** What a statement gives for the quantity a question asks about. */
export interface QuantityFit {
  /** Figures for what is counted (`304` in `304 people were killed`), as numbers: the ones compared across speakers. */
  readonly figures: ReadonlySet<string>
  /** Some quantity, exact or vague, stands near the question's words. */
  readonly quantified: boolean
}

/** Stems of lengths of time. */
const TIME_UNITS = new Set(['second', 'minut', 'hour', 'day', 'week', 'month', 'year', 'decad'])

/** Words between a figure and what it counts: `at least 28 more victims`, `192 of the seats`. */
const BEFORE_UNIT = new Set(['more', 'other', 'additional', 'extra', 'of', 'the', 'than', 'some', 'new', 'further'])
/** What a figure of people counts: `304 people`, `1,500 civilians`, `28 victims`, `504 protesters`. */
const PEOPLE_UNITS = new Set(['~people', '~children', '~protest', '~tourist', '~death', '~arrest', '~injury', '~lawmaker', '~soldier', '~police'])
/** Verbs a figure may stand before instead of a noun (`Over 1,500 killed`): they fit any count of people. */
const EVENT_UNITS = new Set(['~death', '~injury', '~arrest', '~execution'])

/** A term any count of people or victims may hold: `~people`, `~death`, `~arrest`, … */
export function countsVictims(term: string): boolean {
  return PEOPLE_UNITS.has(term) || EVENT_UNITS.has(term)
}

/** A figure or number word of a statement, and where it stands. */
export interface StatedNumber {
  readonly value: string
  /** Its unit's position in the statement. */
  readonly at: number
  /** `one`: `1` only for a length of time (`one day`), not for a count (`one of the victims`). */
  readonly forDurationOnly: boolean
}

/** A statement's quantities: what every `how many` reads of it, whatever the question. */
export interface Quantities {
  /** Its figures (features.ts `figuresOf`), then its number words (`six`), in order. */
  readonly numeric: readonly StatedNumber[]
  /** Where it says a vague quantity (`hundreds`, `the toll`): some quantity, though no figure. */
  readonly vague: readonly number[]
}

/** The quantities a statement (its units) gives: read once a statement, for any question (memo.ts). */
export function quantitiesIn(units: readonly Unit[]): Quantities {
  const numeric: StatedNumber[] = figuresOf(units).map(({ value, at }) => ({ value, at, forDurationOnly: false }))
  const vague: number[] = []
  units.forEach((unit, at) => {
    if (unit.token.kind !== 'word') return
    const form = unit.token.forms[0]!
    const value = NUMBER_WORDS.get(form)
    if (value) {
      numeric.push({ value, at, forDurationOnly: false })
      return
    }
    if (form === 'one') numeric.push({ value: '1', at, forDurationOnly: true })
    if (VAGUE_QUANTITIES.has(form)) vague.push(at)
  })
  return numeric.length === 0 && vague.length === 0 ? NO_QUANTITIES : { numeric, vague }
}

const NO_QUANTITIES: Quantities = { numeric: [], vague: [] }

/**
 * How many statements' quantities are kept per index (up to twice as many
 * between clear-outs: BoundedMemo), about 200 bytes each, or none for a
 * statement without any.
 */
const QUANTITIES_KEPT = 30_000

/** The quantities a statement gives (`quantitiesIn`), remembered per index: every `how many` reads them for its candidates. */
export const statementQuantitiesOf = rememberedPerStatement(QUANTITIES_KEPT, quantitiesIn)

/**
 * Reads the figures statements give for what the question asks about: near
 * the words of what is counted (or of the question), and counting the same
 * kind of thing (`two gunmen` is not a count of the people killed). What
 * depends on the question alone is worked out once; the reader takes a
 * statement's units (terms.ts `unitsOf`) and its quantities (`quantitiesIn`
 * of the same units).
 */
export function figureReader(
  near: readonly Slot[],
  query: Pick<Query, 'slots' | 'counted' | 'counting' | 'duration'>,
): (units: readonly Unit[], quantities: Quantities) => QuantityFit {
  const nearTerms = new Set<string>()
  for (const slot of near) for (const alternative of slot.anyOf) for (const t of alternative) nearTerms.add(t)
  // What is counted is a noun; `killed` in `how many were killed` is what happened to them.
  const countedTerms = new Set(query.counted.flatMap((slot) => slot.anyOf.flat()).filter((t) => !EVENT_UNITS.has(t)))
  // Counting people of any kind (`protesters`), a count of `civilians` or `victims` is a count of them too.
  const countsPeople =
    [...countedTerms].every((t) => PEOPLE_UNITS.has(t)) || query.slots.some((slot) => slot.anyOf.some((a) => a.some((t) => PEOPLE_UNITS.has(t))))

  // The figure the question itself names (`is the 304 figure accurate`) is the one asked about.
  const asked = new Set(query.slots.flatMap((slot) => slot.anyOf.flat()).filter((t) => /^\d/.test(t)))
  return (units, quantities) => {
    // Which words are the question's, worked out only for a statement that has a quantity to place.
    const nearness: Nearness = { units, terms: nearTerms, matched: null }
    const figures = new Set<string>()
    let quantified = false
    if (!query.duration) {
      for (const at of quantities.vague) {
        if (isNear(nearness, at)) {
          quantified = true
          break
        }
      }
    }
    for (const { value, at, forDurationOnly } of quantities.numeric) {
      if (forDurationOnly && !query.duration) continue
      // `how long`: a figure of hours, days or years answers wherever it stands (`a chaotic six hours from the time …`).
      if (query.duration) {
        const unit = unitsAfter(units, at)[0]?.find((t) => TIME_UNITS.has(t))
        if (unit) figures.add(`${value} ${unit}`)
        continue
      }
      if (asked.has(value)) {
        figures.add(value)
        continue
      }
      if (!isNear(nearness, at)) continue
      const following = unitsAfter(units, at)
      // A count must count the asked kind of thing; a length, age or share is compared with its own unit (`54 years`).
      if (!query.counting) figures.add(`${value} ${following[0]?.[0] ?? ''}`.trim())
      else if (fits(following, countedTerms, countsPeople)) figures.add(value)
    }
    return { figures, quantified: quantified || figures.size > 0 }
  }
}

/** A statement's units, the question's terms, and which units hold one (worked out on first use). */
interface Nearness {
  readonly units: readonly Unit[]
  readonly terms: ReadonlySet<string>
  matched: boolean[] | null
}

/** Does a word of the question stand within NEAR units of `at`? */
function isNear(near: Nearness, at: number): boolean {
  const { units } = near
  const matched = (near.matched ??= units.map((unit) => holdsAnyTerm(unit, near.terms)))
  for (let i = Math.max(0, at - NEAR); i <= Math.min(units.length - 1, at + NEAR); i++) if (matched[i]) return true
  return false
}

/**
 * `Over 1,500 killed`: a figure right before the event counts its victims;
 * else one of the next words says what it counts (`following`: unitsAfter).
 */
function fits(following: readonly (readonly string[])[], countedTerms: ReadonlySet<string>, countsPeople: boolean): boolean {
  if (following[0]?.some((unit) => EVENT_UNITS.has(unit))) return true
  for (const words of following) {
    // The verb ends the noun: in `two gunmen died`, the figure counts gunmen.
    if (words.some((unit) => EVENT_UNITS.has(unit))) return false
    if (words.some((unit) => countedTerms.has(unit) || (countsPeople && PEOPLE_UNITS.has(unit)))) return true
  }
  return false
}

/** What the figure at `at` counts: the concepts and stems of each content word right after it (`nine African-American churchgoers`). */
function unitsAfter(units: readonly Unit[], at: number): string[][] {
  const found: string[][] = []
  for (let i = at + 1; i < Math.min(units.length, at + 5); i++) {
    const unit = units[i]!
    if (BEFORE_UNIT.has(unit.token.forms[0]!)) continue
    if ((unit.stop && unit.concepts.length === 0) || unit.token.kind === 'number') break
    found.push([...unit.concepts, ...unit.stems])
  }
  return found
}

/** Does a content unit hold one of the terms (as a stem or a concept)? */
/** One speaker's figures, as the answer gives them. */
export interface SpeakerFigures {
  readonly speaker: string
  readonly figures: ReadonlySet<string>
}

/**
 * Groups speakers who share a figure; more than one group means the sources
 * differ. Figures are compared only with figures of the same unit (`54
 * years` with `10 years`, never with `13 %`). Returns each group's first
 * speaker (in the order given: best quote first), or an empty list when they
 * agree.
 */
export function differingSpeakers(entries: readonly SpeakerFigures[]): string[] {
  const byUnit = new Map<string, { speaker: string; values: Set<string> }[]>()
  for (const { speaker, figures } of entries) {
    for (const figure of figures) {
      const [value, unit = ''] = figure.split(' ')
      const list = byUnit.get(unit) ?? []
      const entry = list.find((e) => e.speaker === speaker)
      if (entry) entry.values.add(value!)
      else list.push({ speaker, values: new Set([value!]) })
      byUnit.set(unit, list)
    }
  }
  for (const list of byUnit.values()) {
    const groups: { speakers: string[]; values: Set<string> }[] = []
    for (const { speaker, values } of list) {
      const group = groups.find((g) => [...values].some((v) => g.values.has(v)))
      if (group) {
        group.speakers.push(speaker)
        for (const v of values) group.values.add(v)
      } else {
        groups.push({ speakers: [speaker], values: new Set(values) })
      }
    }
    if (groups.length > 1) return groups.map((g) => g.speakers[0]!)
  }
  return []
}

/** `Sources differ: A and B give different figures.`: names only, never a claim. */
export function disagreementNote(speakers: readonly string[]): string {
  const names =
    speakers.length <= 2 ? speakers.join(' and ') : `${speakers.slice(0, -1).join(', ')} and ${speakers[speakers.length - 1]!}`
  return `Sources differ: ${names} give different figures.`
}
