import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { bitCount } from '../../src/core/bits.js'

describe('bitCount', () => {
  test.prop([fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 })], { numRuns: 2000, seed: 3 })('GIVEN any 32-bit value THEN how many of its bits are set', (value) => {
    let expected = 0
    for (let bit = 0; bit < 32; bit++) if ((value >>> bit) & 1) expected++
    expect(bitCount(value)).toBe(expected)
  })
})
