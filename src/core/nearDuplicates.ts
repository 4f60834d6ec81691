/**
 * Near-duplicate statements: the same sentence in two articles (wire copy),
 * or two sentences that say much the same (a standfirst and the lead it
 * sums up). An answer quotes one of them.
 */
import type { Lexicon } from './search.js'

/** Share of terms two statements must have in common (Jaccard) to count as saying the same. */
const SAME = 0.6

/** True when statements `a` and `b` hold mostly the same terms. */
export function nearDuplicate(lexicon: Lexicon, a: number, b: number): boolean {
  const { list: termList, start: termStart } = lexicon.statementTerms
  let i = termStart[a]!
  const iEnd = termStart[a + 1]!
  let j = termStart[b]!
  const jEnd = termStart[b + 1]!
  const sizeA = iEnd - i
  const sizeB = jEnd - j
  if (sizeA === 0 || sizeB === 0) return sizeA === sizeB
  let shared = 0
  // Both lists are sorted: one merge pass.
  while (i < iEnd && j < jEnd) {
    const x = termList[i]!
    const y = termList[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared / (sizeA + sizeB - shared) >= SAME
}
