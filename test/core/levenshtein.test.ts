import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { levenshteinRows, levenshteinWithin } from '../../src/core/levenshtein.js'

/** Plain dynamic-programming Levenshtein distance. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: a.length + 1 }, (_, j) => j)
  for (let i = 1; i <= b.length; i++) {
    const next = [i]
    for (let j = 1; j <= a.length; j++) next[j] = Math.min(row[j - 1]! + (a[j - 1] === b[i - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1)
    row = next
  }
  return row[a.length]!
}

const letter = fc.constantFrom('a', 'b', 'e', 'n', 'r', 'é', '1')
const word = (max: number) => fc.array(letter, { maxLength: max }).map((cs) => cs.join(''))

describe('levenshteinWithin', () => {
  test.prop([word(12), word(12), fc.integer({ min: 0, max: 3 })], { numRuns: 500, seed: 7 })(
    'GIVEN any two words and a limit THEN the distance where it is within the limit, else the limit + 1',
    (a, b, limit) => {
      expect(levenshteinWithin(a, b, limit)).toBe(Math.min(levenshtein(a, b), limit + 1))
    },
  )

  test.prop([word(120), fc.array(word(120), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 4 })], { numRuns: 100, seed: 11 })(
    'GIVEN long words compared with one set of rows THEN each distance as if compared alone',
    (a, others, limit) => {
      const rows = levenshteinRows(a.length)
      for (const b of [...others, a.slice(1), `${a}r`]) expect(levenshteinWithin(a, b, limit, rows)).toBe(Math.min(levenshtein(a, b), limit + 1))
    },
  )

  it('GIVEN rows made for a shorter word THEN it refuses rather than read past them', () => {
    expect(() => levenshteinWithin('abcdef', 'abcdeg', 1, levenshteinRows(3))).toThrow(/rows for 3 characters/)
  })
})
