/**
 * A question that names a figure (`is the 304 figure accurate?`, `is the
 * 1,500 figure legit?`) asks about a claim: the statement giving that figure
 * answers, and so does every other speaker's figure for the same thing.
 * What the figure counts is read off the statement that gives it (`304
 * people were killed` → `people killed`), and asked again as a count.
 */
import { figuresOf } from './features.js'
import type { Query } from './question.js'
import type { Unit } from './terms.js'

/** How many words after a figure may say what it counts: `304 people were killed`. */
const COUNTED_WITHIN = 4

/** The figures the question names, as the index holds them (`1500`); not years (`2019`), which count nothing. */
export function namedFigures(query: Query): ReadonlySet<string> {
  const figures = new Set<string>()
  for (const slot of query.slots) for (const alternative of slot.anyOf) for (const t of alternative) if (/^\d/.test(t) && !YEAR.test(t)) figures.add(t)
  return figures
}

/** A year as `figuresOf` reads one (features.ts): four digits from 1900 to 2099. */
const YEAR = /^(?:19|20)\d\d$/

/**
 * A question for what one of `figures` counts in a text (its units,
 * terms.ts `unitsOf`): `how many` and the content words right after it
 * (`how many people killed`); null where the text gives none of the
 * figures, or nothing after it.
 */
export function countQuestionFor(units: readonly Unit[], figures: ReadonlySet<string>): string | null {
  // A figure, not a year or a day of a month (`in 2019`).
  const at = figuresOf(units).find(({ value }) => figures.has(value))?.at
  if (at === undefined) return null
  const words: string[] = []
  for (let i = at + 1; i < Math.min(units.length, at + 1 + COUNTED_WITHIN); i++) {
    const unit = units[i]!
    if (unit.token.kind === 'number') break
    if (!unit.stop) words.push(unit.token.forms[0]!)
  }
  return words.length > 0 ? `how many ${words.join(' ')}` : null
}
