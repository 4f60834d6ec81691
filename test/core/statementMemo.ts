import { expect } from 'vitest'
import type { StatementIndex } from '../../src/core/search.js'
import { unitsOf, type Unit } from '../../src/core/terms.js'

/**
 * Checks a per-statement memo (memo.ts `rememberedPerStatement`) against
 * reading each statement afresh, asking it twice; returns how many
 * statements `counts` holds for, so that a test can show the check met some.
 */
export function expectRememberedAsRead<T>(index: StatementIndex, remembered: (id: number) => T, read: (units: readonly Unit[]) => T, counts: (value: T) => boolean): number {
  let counted = 0
  index.statements.forEach((statement, id) => {
    const expected = read(unitsOf(statement.text))
    expect(remembered(id)).toEqual(expected)
    expect(remembered(id)).toEqual(expected)
    if (counts(expected)) counted++
  })
  return counted
}
