import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { sortedBy } from '../../src/core/sortedBy.js'

describe('sortedBy', () => {
  test.prop([fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 60 })], { numRuns: 500, seed: 5 })(
    'GIVEN any list, short or long, with ties THEN the order Array.prototype.sort gives (stable)',
    (pairs) => {
      const byFirst = (a: readonly [number, number], b: readonly [number, number]) => a[0] - b[0]
      expect(sortedBy([...pairs], byFirst)).toEqual([...pairs].sort(byFirst))
    },
  )
})
