/**
 * Spelling correction against the index's vocabulary: `kiled` → `killed`.
 *
 * The nearest word by Levenshtein distance (1, or 2 for a word of eight
 * letters or more) among the words with the same first letter. At first a
 * correction searches the vocabulary's radix tree (minisearch's `fuzzyGet`);
 * once a first letter has had a few corrections, its words are grouped in
 * compact arrays by length (one pass over its part of the tree), and later
 * corrections scan those, passing over a word whose letters differ too much
 * to be near before any distance is worked out. Both give the same word. A
 * question after a restart so never waits for the grouping of tens of
 * thousands of words, and a bot that corrects often scans instead of walking.
 */
import { bitCount } from './bits.js'
import { levenshteinRows, levenshteinWithin, type LevenshteinRows } from './levenshtein.js'
import { perOwner } from './memo.js'
import type { Lexicon } from './search.js'

/**
 * A corrected spelling for a word the index has never seen, or null: the
 * nearest known word (`kiled` → `killed`, `protestors` → `protesters`), else
 * a known word it extends by a short ending (`youngest` → `young`).
 */
export function correctSpelling(lexicon: Lexicon, word: string): string | null {
  if (word.length < 5 || inVocabulary(lexicon, word)) return null
  const first = word[0]!
  const distance = word.length >= 8 ? 2 : 1
  const initial = groupedAfterUse(lexicon, first)
  const nearest = initial ? nearestInGroup(initial, first, word.slice(1), distance) : nearestInTree(lexicon, word, distance)
  if (nearest !== null) return nearest
  for (let length = word.length - 1; length >= Math.max(4, word.length - 3); length--) {
    // Grouped, a length no word of the letter has is passed over before the prefix is cut and looked up.
    if (initial && !hasLength(initial, length - 1)) continue
    const prefix = word.slice(0, length)
    if (inVocabulary(lexicon, prefix)) return prefix
  }
  return null
}

/**
 * Is the word (folded) in the vocabulary? Once its first letter's words are
 * grouped, a hash lookup among them; until then a walk of the tree.
 */
export function inVocabulary(lexicon: Lexicon, word: string): boolean {
  const initial = word === '' ? undefined : initialsOf(lexicon.vocabulary).get(word[0]!)
  return typeof initial === 'object' ? initial.known.has(word.slice(1)) : lexicon.vocabulary.has(word)
}

/** Which is nearer: the candidate at `d` used `count` times, or the best so far? Nearest, then most frequent, then first alphabetically. */
function nearer(candidate: string, d: number, count: number, best: string | null, bestDistance: number, bestCount: number): boolean {
  return d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && candidate < best!)))
}

/**
 * The nearest word within `distance` with the same first letter (typing
 * rarely gets the first letter wrong: `original` is not a misspelt
 * `criminal`), by a walk of the vocabulary's radix tree. Null for none.
 */
export function nearestInTree(lexicon: Lexicon, word: string, distance: number): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  let bestCount = -1
  const first = word[0]!
  for (const [rest, [count, d]] of lexicon.vocabulary.atPrefix(first).fuzzyGet(word.slice(1), distance)) {
    const candidate = first + rest
    if (nearer(candidate, d, count, best, bestDistance, bestCount)) {
      best = candidate
      bestDistance = d
      bestCount = count
    }
  }
  return best
}

/**
 * The vocabulary's words that start with one letter, by length: those of
 * length `l` (counted after the first letter) are `[start[l], start[l + 1])`.
 */
export interface Initial {
  /** Each word without its first letter. */
  readonly rests: readonly string[]
  readonly counts: Uint32Array
  /** Which letters each rest holds, and which it holds twice or more (see `lettersOf`). */
  readonly once: Uint32Array
  readonly twice: Uint32Array
  readonly start: Uint32Array
  /** The rests, for telling a known word (a hash lookup, where the vocabulary's tree is a walk). */
  readonly known: ReadonlySet<string>
}

/**
 * Each vocabulary's first letters: how many corrections each has had, then,
 * from the GROUP_AFTER-th on, its words grouped.
 */
const initialsOf = perOwner((_vocabulary: object) => new Map<string, number | Initial>())

/** Corrections of one first letter that walk the tree before its words are grouped. */
const GROUP_AFTER = 16

/** The first letter's words grouped, counting this correction; null while they are not (yet) worth grouping. */
function groupedAfterUse(lexicon: Lexicon, first: string): Initial | null {
  const initials = initialsOf(lexicon.vocabulary)
  const known = initials.get(first) ?? 0
  if (typeof known === 'object') return known
  if (known + 1 < GROUP_AFTER) {
    initials.set(first, known + 1)
    return null
  }
  const initial = groupByLength(lexicon, first)
  initials.set(first, initial)
  return initial
}

/**
 * The nearest word within `distance` with the same first letter, scanning
 * the letter's words of a length within `distance` of the word's: the same
 * word `nearestInTree` finds. `rest` is the word without its first letter.
 */
export function nearestInGroup(initial: Initial, first: string, rest: string, distance: number): string | null {
  const [once, twice] = lettersOf(rest)
  const { rests, counts, start } = initial
  // Made when a word first passes the letters' test: most searches (a word no article is near) need none.
  let rows: LevenshteinRows | null = null
  let best: string | null = null
  let bestDistance = Infinity
  let bestCount = -1
  const longest = start.length - 2
  for (let length = Math.max(0, rest.length - distance); length <= Math.min(longest, rest.length + distance); length++) {
    for (let i = start[length]!; i < start[length + 1]!; i++) {
      // An edit takes away one letter and adds one at most, which changes one bit of `once` or `twice` each: a word
      // whose bits differ in more than twice the distance cannot be near.
      if (bitCount(once ^ initial.once[i]!) + bitCount(twice ^ initial.twice[i]!) > 2 * distance) continue
      rows ??= levenshteinRows(rest.length)
      const d = levenshteinWithin(rest, rests[i]!, distance, rows)
      if (d > distance) continue
      const candidate = first + rests[i]!
      if (nearer(candidate, d, counts[i]!, best, bestDistance, bestCount)) {
        best = candidate
        bestDistance = d
        bestCount = counts[i]!
      }
    }
  }
  return best
}

/** The vocabulary's words starting with `first`, grouped by length (one shared empty group where none does). */
export function groupByLength(lexicon: Lexicon, first: string): Initial {
  const byLength: [string, number][][] = []
  for (const [word, count] of lexicon.vocabulary.atPrefix(first)) {
    const rest = word.slice(first.length)
    ;(byLength[rest.length] ??= []).push([rest, count])
  }
  if (byLength.length === 0) return NO_WORDS
  const rests: string[] = []
  const counts: number[] = []
  const start = new Uint32Array(byLength.length + 1)
  for (let length = 0; length < byLength.length; length++) {
    for (const [rest, count] of byLength[length] ?? []) {
      rests.push(rest)
      counts.push(count)
    }
    start[length + 1] = rests.length
  }
  const letters = rests.map(lettersOf)
  return {
    rests,
    counts: Uint32Array.from(counts),
    once: Uint32Array.from(letters, ([once]) => once),
    twice: Uint32Array.from(letters, ([, twice]) => twice),
    start,
    known: new Set(rests),
  }
}

/** Does the group hold a word of `length` characters after its first letter? */
function hasLength(initial: Initial, length: number): boolean {
  return length + 1 < initial.start.length && initial.start[length]! < initial.start[length + 1]!
}

/** The group of a first letter no word starts with: one for all, so that odd first characters cost nothing kept. */
const NO_WORDS: Initial = { rests: [], counts: new Uint32Array(0), once: new Uint32Array(0), twice: new Uint32Array(0), start: new Uint32Array(1), known: new Set() }

/**
 * A bit for each letter a-z the text holds (one of six more bits for any
 * other character), and the same bits for the letters it holds twice or more.
 */
function lettersOf(text: string): [once: number, twice: number] {
  let once = 0
  let twice = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    const bit = 1 << (code >= 97 && code <= 122 ? code - 97 : 26 + (code % 6))
    twice |= once & bit
    once |= bit
  }
  return [once, twice]
}

