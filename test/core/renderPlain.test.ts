import { describe, expect, it } from 'vitest'
import { rateLimited, refuse } from '../../src/core/refusal.js'
import { inQuotationMarks, renderPlain } from '../../src/core/renderPlain.js'
import type { Answer, Quote } from '../../src/core/types.js'
import { createLibrary } from '../../src/core/library.js'
import { readFixtureArticle } from '../../scripts/eval.js'
import { HOSTILE_INPUTS } from '../fixtures/hostile.js'

const article = { id: 'seed', title: 'Iran Protests Update', date: 'December 16, 2019' }
const quote = (over: Partial<Quote> = {}): Quote => ({
  text: 'At least 304 people were killed.',
  speaker: 'Amnesty International',
  role: null,
  kind: 'direct',
  cue: 'said',
  article,
  paragraph: 6,
  sentence: 2,
  start: 0,
  end: 32,
  ...over,
})

describe('renderPlain', () => {
  it('GIVEN an answer THEN each quote in quotation marks, its attribution below, and the article in a footer', () => {
    const answer: Answer = { answered: true, question: 'q', quotes: [quote()], disagreement: false, note: null }
    expect(renderPlain(answer)).toBe(
      '“At least 304 people were killed.”\n— Amnesty International · ¶6\n\nSource: Iran Protests Update (December 16, 2019)',
    )
  })

  it('GIVEN a quote whose own text opens or closes a longer quotation THEN only the missing mark is added', () => {
    const first = (text: string) => renderPlain({ answered: true, question: 'q', quotes: [quote({ text })], disagreement: false, note: null }).split('\n')[0]
    expect(first('“At least 304 people were killed.')).toBe('“At least 304 people were killed.”')
    expect(first('Others are at risk,” the group said.')).toBe('“Others are at risk,” the group said.')
    expect(first('“We are afraid,” she said.')).toBe('“We are afraid,” she said.')
    expect(first('"At least 304 people were killed.')).toBe('"At least 304 people were killed."')
    expect(first('He called it "a massacre".')).toBe('He called it "a massacre".')
    expect(first('‘We will go on,’ they said.')).toBe('“‘We will go on,’ they said.”')
  })

  it('GIVEN a speaker with a role THEN the attribution carries it', () => {
    const answer: Answer = {
      answered: true,
      question: 'q',
      quotes: [quote({ speaker: 'Philip Luther', role: 'Research Director at Amnesty International', paragraph: 8 })],
      disagreement: false,
      note: null,
    }
    expect(renderPlain(answer)).toContain('— Philip Luther, Research Director at Amnesty International · ¶8')
  })

  it('GIVEN sources that differ THEN the note stands after the quotes, before the footer', () => {
    const note = 'Sources differ: PMOI and Amnesty International give different figures.'
    const answer: Answer = {
      answered: true,
      question: 'q',
      quotes: [quote({ speaker: 'PMOI', text: 'Over 1,500 killed.', paragraph: 1 }), quote()],
      disagreement: true,
      note,
    }
    const lines = renderPlain(answer).split('\n\n')
    expect(lines).toHaveLength(4)
    expect(lines[2]).toBe(note)
    expect(lines[3]).toMatch(/^Source: /)
  })

  it('GIVEN quotes from two articles THEN the footer names both, once each', () => {
    const other = { id: 'other', title: 'Another piece' }
    const answer: Answer = { answered: true, question: 'q', quotes: [quote(), quote({ article: other }), quote()], disagreement: false, note: null }
    expect(renderPlain(answer).split('\n\n').at(-1)).toBe('Sources: Iran Protests Update (December 16, 2019); Another piece')
  })

  it('GIVEN a refusal THEN only its note', () => {
    expect(renderPlain(refuse('q', 'not-in-article', "The article doesn't say."))).toBe("The article doesn't say.")
    expect(renderPlain(rateLimited('q', 2.2))).toBe('Slow down a little: try again in 3 s.')
  })

  it('GIVEN real answers, hostile questions included THEN every quote text and speaker stands verbatim and nothing of the question is echoed', () => {
    const library = createLibrary([readFixtureArticle('000_97c02de7d0eb7492.txt')])
    for (const question of ['How many people were killed?', 'What did Rajavi say?', ...HOSTILE_INPUTS]) {
      const answer = library.ask(question)
      const text = renderPlain(answer)
      if (!answer.answered) {
        expect(text).toBe(answer.note)
        continue
      }
      for (const q of answer.quotes) {
        expect(text).toContain(`${inQuotationMarks(q.text)}\n`)
        expect(inQuotationMarks(q.text)).toContain(q.text)
        expect(text).toContain(q.speaker)
      }
      if (question.length > 3) expect(text).not.toContain(question)
    }
  })
})
