import { describe, expect, it } from 'vitest'
import { namedPlaces, namesPlaceBesides, statementPlacesOf } from '../../src/core/features.js'
import { readArticle } from '../../src/core/article.js'
import { buildIndex } from '../../src/core/search.js'
import { readFixtureArticle } from '../../scripts/eval.js'
import { stem, unitsOf } from '../../src/core/terms.js'
import { expectRememberedAsRead } from './statementMemo.js'

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

describe('statementPlacesOf', () => {
  it('GIVEN every statement of the fixture articles THEN the places it names, asked once or twice', () => {
    const index = buildIndex(['tunisia-bardo-wapo-2015.txt', 'obama-gun-laws-bbc-2015.txt'].map((n) => readArticle(readFixtureArticle(n))))
    const naming = expectRememberedAsRead(index, statementPlacesOf(index), namedPlaces, (places) => places.length > 0)
    expect(naming).toBeGreaterThan(5)
  })
})
