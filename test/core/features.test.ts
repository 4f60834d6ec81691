import { describe, expect, it } from 'vitest'
import { namedPlaces, namesPlaceBesides } from '../../src/core/features.js'
import { stem, unitsOf } from '../../src/core/terms.js'

const besides = (text: string, ...asked: string[]): boolean => namesPlaceBesides(namedPlaces(unitsOf(text)), new Set(asked.map(stem)))

describe('namesPlaceBesides', () => {
  it('GIVEN a place the question does not name THEN it counts', () => {
    expect(besides('She will then travel on to Berlin for a summit.', 'paris')).toBe(true)
  })

  it('GIVEN only the places the question names, or capitals that are no place THEN it does not', () => {
    expect(besides('She met officials in Paris on Monday.', 'paris')).toBe(false)
    expect(besides('Berlin is where the summit is held.', 'paris')).toBe(false)
    expect(besides('She met Ana Lopes and the French officials.', 'paris')).toBe(false)
  })
})
