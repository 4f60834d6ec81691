/**
 * Do the sources differ? For a question that asks for a quantity, each
 * answering statement's figures for the thing asked about (the figures that
 * stand near the question's own words: `304 people were killed`) are
 * grouped by speaker; speakers whose figures share nothing with each other's
 * disagree. The note only names them: the bot never states a figure itself.
 */
import { figuresOf } from './features.js'
import type { Slot } from './question.js'
import { unitsOf, type Unit } from './terms.js'

/** How far (in tokens) a figure may stand from a word of the question to count as a figure for it. */
const NEAR = 6

/** Spelled figures compared as numbers: `two gunmen` and `2 gunmen` agree. */
const NUMBER_WORDS: Readonly<Record<string, string>> = {
  two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11',
  twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18',
  nineteen: '19', twenty: '20', thirty: '30', forty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80',
  ninety: '90',
}

/** Vague quantities: they answer `how many` (`Thousands have been arrested`) but are not compared. */
const VAGUE_QUANTITIES = new Set([
  'hundreds', 'thousands', 'millions', 'dozens', 'tens', 'scores', 'several', 'hundred', 'thousand', 'million', 'dozen',
  'number', 'toll', 'tally', 'figure', 'count', 'percent',
])

/** What a statement gives for the quantity a question asks about. */
export interface QuantityFit {
  /** Figures standing near the question's words (`304` in `304 people were killed`), as numbers. */
  readonly figures: ReadonlySet<string>
  /** Some quantity, exact or vague, stands near the question's words. */
  readonly quantified: boolean
}

/** The figures a statement gives for what the question asks about. */
export function figuresFor(text: string, slots: readonly Slot[]): QuantityFit {
  const units = unitsOf(text)
  const near = units.map((unit) => matchesSlot(unit, slots))
  const isNear = (at: number): boolean => {
    for (let i = Math.max(0, at - NEAR); i <= Math.min(units.length - 1, at + NEAR); i++) if (near[i]) return true
    return false
  }
  const figures = new Set<string>()
  let quantified = false
  for (const { value, at } of figuresOf(units)) {
    if (isNear(at)) figures.add(value)
  }
  units.forEach((unit, at) => {
    if (unit.token.kind !== 'word') return
    const form = unit.token.forms[0]!
    const value = NUMBER_WORDS[form]
    if (value && isNear(at)) figures.add(value)
    else if (VAGUE_QUANTITIES.has(form) && isNear(at)) quantified = true
  })
  return { figures, quantified: quantified || figures.size > 0 }
}

function matchesSlot(unit: Unit, slots: readonly Slot[]): boolean {
  if (unit.stop) return false
  return slots.some((slot) =>
    slot.anyOf.some((alternative) => alternative.some((t) => unit.stems.includes(t) || unit.concepts.includes(t))),
  )
}

/** One speaker's figures, as the answer gives them. */
export interface SpeakerFigures {
  readonly speaker: string
  readonly figures: ReadonlySet<string>
}

/**
 * Groups speakers who share a figure; more than one group means the sources
 * differ. Returns each group's first speaker (in the order given: best quote
 * first), or an empty list when they agree.
 */
export function differingSpeakers(entries: readonly SpeakerFigures[]): string[] {
  const groups: { speakers: string[]; figures: Set<string> }[] = []
  for (const { speaker, figures } of entries) {
    if (figures.size === 0) continue
    const group = groups.find((g) => g.speakers.includes(speaker) || [...figures].some((f) => g.figures.has(f)))
    if (group) {
      if (!group.speakers.includes(speaker)) group.speakers.push(speaker)
      for (const f of figures) group.figures.add(f)
    } else {
      groups.push({ speakers: [speaker], figures: new Set(figures) })
    }
  }
  return groups.length > 1 ? groups.map((g) => g.speakers[0]!) : []
}

/** `Sources differ: A and B give different figures.`: names only, never a claim. */
export function disagreementNote(speakers: readonly string[]): string {
  const names =
    speakers.length <= 2 ? speakers.join(' and ') : `${speakers.slice(0, -1).join(', ')} and ${speakers[speakers.length - 1]!}`
  return `Sources differ: ${names} give different figures.`
}
