/**
 * How much two statements share, by their index terms: near-duplicates (the
 * same sentence in two articles, a standfirst and the lead it sums up) are
 * quoted once; statements of different articles that share little beyond the
 * question's words are about different things.
 */
import type { Lexicon } from './search.js'

/** Share of terms two statements must have in common (Jaccard) to count as saying the same. */
const SAME = 0.6

/** Terms statements `a` and `b` both hold, leaving out the `except` term ids. */
export function sharedTerms(lexicon: Lexicon, a: number, b: number, except: ReadonlySet<number> = new Set()): number {
  const { list, start } = lexicon.statementTerms
  let i = start[a]!
  const iEnd = start[a + 1]!
  let j = start[b]!
  const jEnd = start[b + 1]!
  let shared = 0
  // Both lists are sorted: one merge pass.
  while (i < iEnd && j < jEnd) {
    const x = list[i]!
    const y = list[j]!
    if (x === y) {
      if (!except.has(x)) shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared
}

/** True when statements `a` and `b` hold mostly the same terms. */
export function nearDuplicate(lexicon: Lexicon, a: number, b: number): boolean {
  const { start } = lexicon.statementTerms
  const sizeA = start[a + 1]! - start[a]!
  const sizeB = start[b + 1]! - start[b]!
  if (sizeA === 0 || sizeB === 0) return sizeA === sizeB
  const shared = sharedTerms(lexicon, a, b)
  return shared / (sizeA + sizeB - shared) >= SAME
}
