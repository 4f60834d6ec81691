import { describe, expect, it } from 'vitest'
import { questionFromMention } from '../../../src/adapters/discord/mention.js'

const BOT = '1100000000000000001'

describe('questionFromMention', () => {
  it('GIVEN a leading mention THEN the question is the rest', () => {
    expect(questionFromMention(`<@${BOT}> how many people were killed?`, BOT)).toBe('how many people were killed?')
  })

  it('GIVEN a nickname mention or a mention mid-sentence THEN both are taken out', () => {
    expect(questionFromMention(`hey <@!${BOT}>, who said it? <@${BOT}>`, BOT)).toBe('hey  , who said it?')
  })

  it('GIVEN mentions of other users, roles or @everyone THEN they stay in the question (the renderer defuses them)', () => {
    expect(questionFromMention(`<@${BOT}> did <@42> or <@&7> or @everyone say it?`, BOT)).toBe('did <@42> or <@&7> or @everyone say it?')
  })

  it('GIVEN only the mention THEN the question is empty (and the core answers with usage help)', () => {
    expect(questionFromMention(` <@${BOT}> `, BOT)).toBe('')
  })
})
