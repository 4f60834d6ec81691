import { describe, expect, it } from 'vitest'
import { buildIndex } from '../../src/core/search.js'
import { readArticle } from '../../src/core/article.js'
import { figureReader, quantitiesIn, statementQuantitiesOf } from '../../src/core/disagreement.js'
import { readFixtureArticle } from '../../scripts/eval.js'
import { parseQuestion } from '../../src/core/question.js'
import { cleanForMatching } from '../../src/core/tokenize.js'
import { unitsOf } from '../../src/core/terms.js'
import { expectRememberedAsRead } from './statementMemo.js'

describe('quantitiesIn', () => {
  it('GIVEN figures, number words, `one` and vague quantities THEN each where it stands, figures first', () => {
    const quantities = quantitiesIn(unitsOf('One of the 304 victims was held for six days, and hundreds more for one week.'))
    expect(quantities.numeric.map((q) => [q.value, q.forDurationOnly])).toEqual([['304', false], ['1', true], ['6', false], ['1', true]])
    expect(quantities.vague).toHaveLength(3) // `One`, `hundreds`, `one`
  })
})

describe('figureReader', () => {
  const index = buildIndex([readArticle({ id: 'a', text: 'Detentions\n\nOne of the detainees was held for one week, the lawyer said.\n\nAt least 304 people were killed, Amnesty said.' })])
  const read = (question: string, statement: string) => {
    const query = parseQuestion(cleanForMatching(question), index)
    const units = unitsOf(statement)
    return figureReader(query.slots, query)(units, quantitiesIn(units))
  }

  it('GIVEN a length of time asked THEN `one week` is a figure of one week', () => {
    expect([...read('how long was the detainee held?', 'One of the detainees was held for one week, the lawyer said.').figures]).toEqual(['1 week'])
  })

  it('GIVEN a count asked THEN `one of` is no figure, though a quantity near the words asked', () => {
    const fit = read('how many detainees were held?', 'One of the detainees was held for one week, the lawyer said.')
    expect(fit.figures.size).toBe(0)
    expect(fit.quantified).toBe(true)
  })

  it('GIVEN a count of people killed asked THEN the figure before `people were killed`', () => {
    expect([...read('how many people were killed?', 'At least 304 people were killed, Amnesty said.').figures]).toEqual(['304'])
  })
})

describe('statementQuantitiesOf', () => {
  it('GIVEN every statement of the seed article THEN the quantities it gives, asked once or twice', () => {
    const index = buildIndex([readArticle(readFixtureArticle('000_97c02de7d0eb7492.txt'))])
    const giving = expectRememberedAsRead(index, statementQuantitiesOf(index), quantitiesIn, (quantities) => quantities.numeric.length > 0)
    expect(giving).toBeGreaterThan(3)
  })
})
