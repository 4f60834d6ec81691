import { describe, expect, it } from 'vitest'
import { parseCommand, parseMention } from '../../../src/adapters/slack/request.js'

describe('parseCommand', () => {
  it('GIVEN /ask with a question THEN the question, unescaped as the person typed it', () => {
    expect(parseCommand('/ask', '  Who said a&amp;b &lt;x&gt;? ')).toEqual({ kind: 'ask', question: 'Who said a&b <x>?' })
  })

  it('GIVEN /ask sources or /ask articles, in any case THEN those lists', () => {
    expect(parseCommand('/ask', 'Sources?')).toEqual({ kind: 'sources' })
    expect(parseCommand('/ask', ' articles ')).toEqual({ kind: 'articles' })
  })

  it('GIVEN /ask quotes <name> or quotes by <name> THEN that speaker', () => {
    expect(parseCommand('/ask', 'quotes Rajavi')).toEqual({ kind: 'quotes', speaker: 'Rajavi' })
    expect(parseCommand('/ask', 'quotes by Maryam Rajavi')).toEqual({ kind: 'quotes', speaker: 'Maryam Rajavi' })
  })

  it('GIVEN /sources, /articles and /quotes (or renamed /verbatim-quotes) THEN the command decides', () => {
    expect(parseCommand('/sources', 'ignored')).toEqual({ kind: 'sources' })
    expect(parseCommand('/articles', '')).toEqual({ kind: 'articles' })
    expect(parseCommand('/quotes', ' Amnesty &amp; co ')).toEqual({ kind: 'quotes', speaker: 'Amnesty & co' })
    expect(parseCommand('/verbatim-quotes', 'Luther')).toEqual({ kind: 'quotes', speaker: 'Luther' })
  })

  it('GIVEN a question that merely starts with a keyword THEN it is a question', () => {
    expect(parseCommand('/ask', 'sources say how many died?')).toEqual({ kind: 'ask', question: 'sources say how many died?' })
  })
})

describe('parseMention', () => {
  it('GIVEN a mention of the bot, plain or with a label THEN the question without it', () => {
    expect(parseMention('<@UBOT> How many were killed?', 'UBOT')).toEqual({ kind: 'ask', question: 'How many were killed?' })
    expect(parseMention('Hey <@UBOT|verbatim>, sources', 'UBOT')).toEqual({ kind: 'ask', question: 'Hey , sources' })
  })

  it('GIVEN other mentions in the question THEN they stay, for the renderer to escape', () => {
    expect(parseMention('<@UBOT> did <@U123> say it?', 'UBOT')).toEqual({ kind: 'ask', question: 'did <@U123> say it?' })
  })

  it('GIVEN only the bot mention THEN an empty question', () => {
    expect(parseMention('<@UBOT>', 'UBOT')).toEqual({ kind: 'ask', question: '' })
  })

  it('GIVEN sources after the mention THEN the sources list', () => {
    expect(parseMention('<@UBOT> sources', 'UBOT')).toEqual({ kind: 'sources' })
  })
})
