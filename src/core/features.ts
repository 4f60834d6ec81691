/**
 * What kind of information a statement holds, read from its tokens once at
 * index time: figures (for `how many`), dates (`when`), names (`who`) and
 * places (`where`). Also the figures themselves, for comparing what
 * different speakers say.
 */
import { rememberedPerStatement } from './memo.js'
import type { Unit } from './terms.js'

/** Bit flags of {@link featuresOf}. */
export const FEATURE = { figure: 1, date: 2, name: 4, place: 8 } as const

const MONTHS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
])
const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'])
const RELATIVE_TIME = new Set([
  'today', 'yesterday', 'tonight', 'tomorrow', 'ago', 'decade', 'decades', 'century', 'weekend', 'morning',
  'afternoon', 'evening', 'night', 'overnight', 'earlier', 'later', 'since', 'until', 'dawn', 'midnight', 'noon',
  'a.m.', 'p.m.', 'recently', 'formerly', 'previously',
])
/** Periods that date something only with a pointer: `last week`, `this year`, `a month earlier`, `two years ago`. */
const PERIODS = new Set(['week', 'weeks', 'month', 'months', 'year', 'years', 'fall', 'spring', 'summer', 'winter', 'weekend'])
const PERIOD_BEFORE = new Set(['last', 'this', 'next', 'that', 'same', 'previous', 'following', 'coming', 'past'])
const PERIOD_AFTER = new Set(['ago', 'earlier', 'later', 'before', 'after'])
/** Spelled quantities: `eight votes`, `hundreds of people`, `tens of thousands`. */
const QUANTITY_WORDS = new Set([
  'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty', 'fifty', 'sixty',
  'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions', 'billion',
  'billions', 'dozen', 'dozens', 'tens', 'zero', 'half', 'percent', 'several', 'scores', 'number', 'toll', 'tally',
  'figure', 'figures',
])
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'across', 'outside', 'inside', 'into', 'to', 'toward', 'towards', 'throughout'])

/** A figure in a statement: its value and the token it stands at. */
export interface Figure {
  readonly value: string
  readonly at: number
}

/** Bit flags: which kinds of answer a statement can give. */
export function featuresOf(units: readonly Unit[]): number {
  let flags = 0
  for (let i = 0; i < units.length; i++) {
    const { token } = units[i]!
    const form = token.forms[0]!
    if (token.kind === 'time') flags |= FEATURE.date
    if (token.kind === 'number') {
      if (isYear(form) || afterMonth(units, i)) flags |= FEATURE.date
      else flags |= FEATURE.figure
    } else if (token.kind === 'word' && QUANTITY_WORDS.has(form)) {
      flags |= FEATURE.figure
    }
    // `the 1990s`, `the 90s`
    if (token.kind === 'ordinal' && /s$/.test(form)) flags |= FEATURE.date
    if (isDateWord(units, i)) flags |= FEATURE.date
    if (token.capitalized && !token.sentenceStart && (token.kind === 'word' || token.kind === 'acronym') && form !== 'i') {
      flags |= FEATURE.name
      const before = units[i - 1]?.token
      if (before && PLACE_PREPOSITIONS.has(before.forms[0]!)) flags |= FEATURE.place
    }
  }
  return flags
}

/**
 * Does the text name a place (a capitalised word after `in`, `to`, `from`…;
 * its `namedPlaces`) none of whose terms is in `asked`? A `where` question is not
 * answered by the place it names itself (`where is Obama going after Kenya`:
 * `he travels on to Ethiopia`, not `Mr Obama lands in Kenya`).
 */
export function namesPlaceBesides(places: readonly (readonly string[])[], asked: ReadonlySet<string>): boolean {
  return places.some((terms) => !terms.some((t) => asked.has(t)))
}

/** The places a text (as units) names, each as its terms (stems, then concepts): what `namesPlaceBesides` reads. */
export function namedPlaces(units: readonly Unit[]): string[][] {
  const places: string[][] = []
  for (let i = 1; i < units.length; i++) {
    const { token } = units[i]!
    if (!token.capitalized || token.sentenceStart || (token.kind !== 'word' && token.kind !== 'acronym')) continue
    if (!PLACE_PREPOSITIONS.has(units[i - 1]!.token.forms[0]!)) continue
    places.push([...units[i]!.stems, ...units[i]!.concepts])
  }
  return places
}

/** The figures a statement gives: numbers that are not years or days of a month (`304`, `1500`, `13`). */
export function figuresOf(units: readonly Unit[]): Figure[] {
  const figures: Figure[] = []
  units.forEach((unit, i) => {
    const form = unit.token.forms[0]!
    if (unit.token.kind === 'number' && !isYear(form) && !afterMonth(units, i)) figures.push({ value: form, at: i })
  })
  return figures
}

function isYear(form: string): boolean {
  if (form.length !== 4) return false
  const n = Number(form)
  return n >= 1900 && n <= 2099
}

function afterMonth(units: readonly Unit[], i: number): boolean {
  const before = units[i - 1]?.token
  return before !== undefined && before.capitalized && MONTHS.has(before.forms[0]!)
}

function isDateWord(units: readonly Unit[], i: number): boolean {
  const { token } = units[i]!
  const form = token.forms[0]!
  if (token.capitalized && (MONTHS.has(form) || WEEKDAYS.has(form))) return true
  if (PERIODS.has(form)) {
    return PERIOD_BEFORE.has(units[i - 1]?.token.forms[0] ?? '') || PERIOD_AFTER.has(units[i + 1]?.token.forms[0] ?? '')
  }
  return RELATIVE_TIME.has(form)
}

/**
 * How many statements' places are kept per index (up to twice as many
 * between clear-outs: BoundedMemo), about 160 bytes each.
 */
const PLACES_KEPT = 30_000
const NO_PLACES: readonly (readonly string[])[] = []

/** The places a statement names (`namedPlaces`), remembered per index: a `where` question reads them for every candidate. */
export const statementPlacesOf = rememberedPerStatement(PLACES_KEPT, (units): readonly (readonly string[])[] => {
  const places = namedPlaces(units)
  return places.length === 0 ? NO_PLACES : places
})
