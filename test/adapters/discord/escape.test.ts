import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { ECHO_MAX_CHARACTERS, escapeEcho, escapeVerbatim } from '../../../src/adapters/discord/escape.js'
import { HOSTILE_INPUTS } from '../../fixtures/hostile.js'
import { displayed, liveMarkdown, liveMentions } from './markdown.js'

describe('escapeVerbatim', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 2_000 })], { seed: 7_7_7, numRuns: 500 })(
    'GIVEN any text THEN Discord displays the escaped text exactly as the original',
    (text) => {
      expect(displayed(escapeVerbatim(text))).toBe(text)
    },
  )

  test.prop([fc.string({ unit: fc.constantFrom(...'\\*_~`|[]<>#-+.@1 \nab'), maxLength: 200 })], { seed: 31_337, numRuns: 1_000 })(
    'GIVEN text made of markdown characters THEN it still displays exactly, and nothing in it is live',
    (text) => {
      const escaped = escapeVerbatim(text)
      expect(displayed(escaped)).toBe(text)
      expect(liveMarkdown(escaped)).toEqual([])
      expect(liveMentions(escaped)).toEqual([])
    },
  )

  it('GIVEN plain prose THEN it is sent unchanged', () => {
    const prose = '“At least 304 people were killed in the bloody crackdown on protests in Iran in November.'
    expect(escapeVerbatim(prose)).toBe(prose)
  })
})

describe('escapeEcho', () => {
  it.each(HOSTILE_INPUTS.map((s, i) => [i, s] as const))('GIVEN hostile input #%i THEN the echo is one short line with nothing live', (_, hostile) => {
    const echo = escapeEcho(hostile)
    expect(echo).not.toMatch(/[\n\r\u0000-\u001f\u200b-\u200f\u202a-\u202e\u2060]/)
    expect(liveMentions(echo)).toEqual([])
    expect(liveMarkdown(echo)).toEqual([])
    // Cut before escaping: escaping never sees more than the cap, and at most doubles it.
    expect([...displayed(echo)].length).toBeLessThanOrEqual(ECHO_MAX_CHARACTERS)
    expect(echo.length).toBeLessThanOrEqual(4 * ECHO_MAX_CHARACTERS)
  })

  test.prop([fc.string({ unit: fc.constantFrom(...'\\*_~`|[]()<>#-+.@1 ab:/'), maxLength: 150 })], { seed: 2_718, numRuns: 1_000 })(
    'GIVEN a one-line question made of markdown characters THEN the echo displays it as typed, with nothing live',
    (question) => {
      const echo = escapeEcho(question)
      expect(displayed(echo)).toBe(question.replace(/\s+/g, ' ').trim())
      expect(liveMarkdown(echo)).toEqual([])
      expect(liveMentions(echo)).toEqual([])
    },
  )

  it('GIVEN a short question THEN it reads as typed', () => {
    expect(displayed(escapeEcho('Who said *that* about @everyone?'))).toBe('Who said *that* about @everyone?')
  })

  it('GIVEN a long question THEN it is cut with an ellipsis', () => {
    const echo = escapeEcho('word '.repeat(100))
    expect(echo.endsWith('…')).toBe(true)
    expect([...echo].length).toBeLessThanOrEqual(ECHO_MAX_CHARACTERS)
  })
})
