import { describe, expect, it } from 'vitest'
import { LEMMAS } from '../../src/core/lemmas.js'
import { initialisms, stem, unitsOf } from '../../src/core/terms.js'

const stems = (text: string) => unitsOf(text).map((u) => u.stems[0])

describe('terms', () => {
  it('GIVEN irregular verb forms THEN they stem like their base and its regular forms', () => {
    expect(stems('fled flees fleeing')).toEqual(['flee', 'flee', 'flee'])
    expect(stems('broke broken breaks')).toEqual(['break', 'break', 'break'])
    expect(stems('spoke spoken speaking')).toEqual(['speak', 'speak', 'speak'])
  })

  it('GIVEN irregular plurals and nouns whose stem changes THEN they meet their base word', () => {
    expect(stem('children')).toBe(stem('child'))
    expect(stem('women')).toBe(stem('woman'))
    expect(stem('explosion')).toBe(stem('exploded'))
    expect(stem('investors')).toBe(stem('invest'))
  })

  it('GIVEN forms that are mostly another word in news THEN they are left alone', () => {
    for (const form of ['wound', 'fed', 'ground', 'leaves', 'pressure', 'governor']) expect(LEMMAS.has(form)).toBe(false)
    expect(stem('wound')).not.toBe(stem('wind'))
  })

  it('GIVEN a word the synonym list knows in an irregular form THEN it keeps its concept', () => {
    expect(unitsOf('they fled')[1]!.concepts).toContain('~escape')
  })

  it('GIVEN names of capitalised words THEN their initials, small words and titles left out', () => {
    expect(initialisms('after it joins the International Criminal Court at The Hague')).toEqual(['icc'])
    expect(initialisms('said the Council of Economic Advisers and Mr. Trump')).toEqual(['cea'])
    expect(initialisms('In Washington, the Palestinian Authority said')).toEqual(['pa'])
  })

  it('GIVEN a lone capitalised word or a sentence of small words THEN no initials', () => {
    expect(initialisms('Washington said it would. The deal is off.')).toEqual([])
  })
})
