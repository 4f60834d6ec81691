import { describe, expect, it } from 'vitest'
import { countQuestionFor } from '../../src/core/namedFigure.js'
import { unitsOf } from '../../src/core/terms.js'

describe('countQuestionFor', () => {
  it('GIVEN a statement giving the figure THEN the question asks for what it counts', () => {
    expect(countQuestionFor(unitsOf('At least 304 people were killed in the crackdown.'), new Set(['304']))).toBe('how many people killed')
    expect(countQuestionFor(unitsOf('The group reported over 1,500 civilians dead.'), new Set(['1500']))).toBe('how many civilians dead')
  })

  it('GIVEN a statement without the figure, or with it only as a year THEN there is no question', () => {
    expect(countQuestionFor(unitsOf('At least 304 people were killed.'), new Set(['305']))).toBeNull()
    expect(countQuestionFor(unitsOf('Protests in 2019 spread to 100 cities.'), new Set(['2019']))).toBeNull()
  })

  it('GIVEN the figure at the end of the statement THEN there is nothing it counts', () => {
    expect(countQuestionFor(unitsOf('The toll rose to 304.'), new Set(['304']))).toBeNull()
  })
})
