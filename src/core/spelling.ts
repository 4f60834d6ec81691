/**
 * Spelling correction against the index's vocabulary: `kiled` → `killed`.
 *
 * The nearest word by Levenshtein distance (1, or 2 for a word of eight
 * letters or more) among the words with the same first letter. A question
 * word no article uses is tried against every such word once, so the search
 * is a scan of compact arrays rather than a walk of the vocabulary's radix
 * tree: the words are grouped by first letter (made on first use) and by
 * length, and a word whose letters differ too much to be near is passed over
 * before any distance is worked out. The result is the one minisearch's
 * `fuzzyGet` would give: every word within the distance is considered.
 */
import { bitCount } from './bits.js'
import { perOwner } from './memo.js'
import type { Lexicon } from './search.js'

/**
 * A corrected spelling for a word the index has never seen, or null: the
 * nearest known word (`kiled` → `killed`, `protestors` → `protesters`), else
 * a known word it extends by a short ending (`youngest` → `young`).
 */
export function correctSpelling(lexicon: Lexicon, word: string): string | null {
  if (word.length < 5) return null
  const initial = initialOf(lexicon, word[0]!)
  const rest = word.slice(1)
  if (initial.known.has(rest)) return null
  const nearest = nearestWord(initial, word[0]!, rest, word.length >= 8 ? 2 : 1)
  if (nearest !== null) return nearest
  for (let length = word.length - 1; length >= Math.max(4, word.length - 3); length--) {
    if (initial.known.has(rest.slice(0, length - 1))) return word.slice(0, length)
  }
  return null
}

/**
 * Is the word (folded) in the vocabulary? Once its first letter's words are
 * grouped (a correction asked for them), a hash lookup among them; until
 * then a walk of the vocabulary's tree, so that a question after a restart
 * does not wait for the grouping of tens of thousands of words.
 */
export function inVocabulary(lexicon: Lexicon, word: string): boolean {
  if (word === '') return lexicon.vocabulary.has(word)
  const initial = initialsOf(lexicon.vocabulary).get(word[0]!)
  return initial ? initial.known.has(word.slice(1)) : lexicon.vocabulary.has(word)
}

/**
 * The vocabulary's words that start with one letter, by length: those of
 * length `l` (counted after the first letter) are `[start[l], start[l + 1])`.
 */
interface Initial {
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

/** Each vocabulary's words by first letter, grouped when a word with that letter is first corrected. */
const initialsOf = perOwner((_vocabulary: object) => new Map<string, Initial>())

/**
 * The nearest word within `distance` with the same first letter (typing
 * rarely gets the first letter wrong: `original` is not a misspelt
 * `criminal`); among equally near ones the most frequent, then the first in
 * alphabetical order. Null for none.
 */
function nearestWord(initial: Initial, first: string, rest: string, distance: number): string | null {
  const [once, twice] = lettersOf(rest)
  const { rests, counts, start } = initial
  let best: string | null = null
  let bestDistance = Infinity
  let bestCount = -1
  const longest = start.length - 2
  for (let length = Math.max(0, rest.length - distance); length <= Math.min(longest, rest.length + distance); length++) {
    for (let i = start[length]!; i < start[length + 1]!; i++) {
      // An edit takes away one letter and adds one at most, which changes one bit of `once` or `twice` each: a word
      // whose bits differ in more than twice the distance cannot be near.
      if (bitCount(once ^ initial.once[i]!) + bitCount(twice ^ initial.twice[i]!) > 2 * distance) continue
      const d = levenshteinWithin(rest, rests[i]!, distance)
      if (d > distance) continue
      const count = counts[i]!
      const candidate = first + rests[i]!
      if (d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && candidate < best!)))) {
        best = candidate
        bestDistance = d
        bestCount = count
      }
    }
  }
  return best
}

/** The vocabulary's words starting with `first`, grouped on first use. */
function initialOf(lexicon: Lexicon, first: string): Initial {
  const initials = initialsOf(lexicon.vocabulary)
  let initial = initials.get(first)
  if (initial === undefined) {
    initial = groupByLength(lexicon, first)
    initials.set(first, initial)
  }
  return initial
}

/** The vocabulary's words starting with `first`, grouped by length. */
function groupByLength(lexicon: Lexicon, first: string): Initial {
  const byLength: [string, number][][] = []
  for (const [word, count] of lexicon.vocabulary.atPrefix(first)) {
    const rest = word.slice(first.length)
    ;(byLength[rest.length] ??= []).push([rest, count])
  }
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


/** Scratch rows for `levenshteinWithin`, grown as needed (one thread, one call at a time). */
let previousRow = new Int32Array(64)
let currentRow = new Int32Array(64)

/**
 * The Levenshtein distance between `a` and `b` where it is at most `limit`,
 * else `limit + 1`: only the cells within `limit` of the diagonal are worked
 * out, and the rows stop once none is within the limit.
 */
export function levenshteinWithin(a: string, b: string, limit: number): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > limit) return limit + 1
  if (previousRow.length <= n) {
    previousRow = new Int32Array(2 * n + 2)
    currentRow = new Int32Array(2 * n + 2)
  }
  let previous = previousRow
  let current = currentRow
  const over = limit + 1
  for (let j = 0; j <= n; j++) previous[j] = j <= limit ? j : over
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - limit)
    const to = Math.min(n, i + limit)
    current[0] = i <= limit ? i : over
    if (from > 1) current[from - 1] = over
    let rowLeast = current[0]!
    const char = b.charCodeAt(i - 1)
    for (let j = from; j <= to; j++) {
      const replace = previous[j - 1]! + (a.charCodeAt(j - 1) === char ? 0 : 1)
      const remove = previous[j]! + 1
      const insert = current[j - 1]! + 1
      let cell = replace < remove ? replace : remove
      if (insert < cell) cell = insert
      if (cell > over) cell = over
      current[j] = cell
      if (cell < rowLeast) rowLeast = cell
    }
    if (to < n) current[to + 1] = over
    if (rowLeast > limit) return over
    const swap = previous
    previous = current
    current = swap
  }
  return Math.min(previous[n]!, over)
}
