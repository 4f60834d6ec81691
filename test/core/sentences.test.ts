import { describe, expect, it } from 'vitest'
import { splitSentences } from '../../src/core/sentences.js'

const split = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end))

describe('splitSentences', () => {
  it('GIVEN abbreviations, initials and times THEN it does not split inside the sentence', () => {
    expect(split('He met Mr. Luther and Gen. Smith on Dec. 16 in the U.S. at 5 p.m. local time. Then he left.')).toEqual([
      'He met Mr. Luther and Gen. Smith on Dec. 16 in the U.S. at 5 p.m. local time.',
      'Then he left.',
    ])
    expect(split('Donald J. Trump spoke. J. R. R. Tolkien wrote.')).toEqual(['Donald J. Trump spoke.', 'J. R. R. Tolkien wrote.'])
    expect(split('It began at 10:30 p.m. Tuesday and ended. Hundreds stormed the U.S. Embassy in Tunis.')).toEqual([
      'It began at 10:30 p.m. Tuesday and ended.',
      'Hundreds stormed the U.S. Embassy in Tunis.',
    ])
  })

  it('GIVEN a quoted question the sentence goes on from THEN it stays one sentence', () => {
    expect(split('“Why?” asked Jane. “Stop!” he shouted at them.')).toEqual(['“Why?” asked Jane.', '“Stop!” he shouted at them.'])
  })

  it('GIVEN a ! or ? inside a token THEN it does not end the sentence', () => {
    expect(split('Staff wrote <!here> must see this. Then Yahoo!News ran it.')).toEqual(['Staff wrote <!here> must see this.', 'Then Yahoo!News ran it.'])
  })

  it('GIVEN a sentence ending at the U.S. THEN the next one still starts', () => {
    expect(split('Relations soured with the U.S. The talks failed.')).toEqual(['Relations soured with the U.S.', 'The talks failed.'])
  })

  it('GIVEN an ellipsis before a capital THEN it ends the sentence, and before a small letter it does not', () => {
    expect(split('I urinated on myself… My family knows. They would stop… until I was better.')).toEqual([
      'I urinated on myself…',
      'My family knows.',
      'They would stop… until I was better.',
    ])
  })

  it('GIVEN non-breaking spaces and figures THEN offsets slice back to the source untouched', () => {
    const text = 'Over 1,500 were killed.\u00a0 At least 304 died, Amnesty said.'
    const spans = splitSentences(text)
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Over 1,500 were killed.', 'At least 304 died, Amnesty said.'])
  })
})
