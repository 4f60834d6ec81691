import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { attributionLine } from '../../../src/core/format.js'
import { rateLimited } from '../../../src/core/refusal.js'
import type { Answer, ArticleRef, Quote, SourceEntry } from '../../../src/core/types.js'
import { unescapeSlack } from '../../../src/adapters/slack/escape.js'
import {
  MESSAGE_BLOCKS_MAX,
  SECTION_TEXT_MAX,
  renderApology,
  renderArticles,
  renderSlack,
  renderSources,
  type SlackMessage,
} from '../../../src/adapters/slack/render.js'
import { HOSTILE_INPUTS } from '../../fixtures/hostile.js'
import { allTexts, liveTokens, sectionTexts } from './slackText.js'

const article: ArticleRef = { id: 'a1', title: 'Iran protests', date: 'December 16, 2019', url: 'https://news.example/iran?a=1&b=2' }
const other: ArticleRef = { id: 'a2', title: 'Second article' }

function quote(text: string, overrides: Partial<Quote> = {}): Quote {
  return {
    text,
    speaker: 'Amnesty International',
    role: null,
    kind: 'direct',
    cue: 'Amnesty said',
    article,
    paragraph: 3,
    sentence: 1,
    start: 0,
    end: text.length,
    ...overrides,
  }
}

function answered(quotes: Quote[], extra: Partial<{ question: string; note: string | null }> = {}): Answer {
  const note = extra.note ?? null
  return { answered: true, question: extra.question ?? 'How many?', quotes, disagreement: note !== null, note }
}

/** The quote's section as a reader sees it: each line block-quoted, then the attribution. */
function shownAs(q: Quote): string {
  return [...q.text.split('\n').map((line) => `> ${line}`), attributionLine(q)].join('\n')
}

function expectWithinLimits(message: SlackMessage): void {
  expect(message.blocks.length).toBeLessThanOrEqual(MESSAGE_BLOCKS_MAX)
  for (const text of allTexts(message)) expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_MAX)
}

describe('renderSlack', () => {
  it('GIVEN an answer THEN it goes in channel with a block-quoted section per quote, verbatim, attributed and cited', () => {
    const quotes = [quote('At least 304 people were killed.'), quote('Over 1,500 killed.', { speaker: 'PMOI/MEK', paragraph: 7 })]
    const message = renderSlack(answered(quotes))

    expect(message.response_type).toBe('in_channel')
    expect(sectionTexts(message).map(unescapeSlack)).toEqual(quotes.map(shownAs))
    expect(sectionTexts(message)[1]).toContain('— PMOI/MEK · ¶7')
  })

  it('GIVEN quotes from one article with a link THEN one context block links its title and date, with & escaped', () => {
    const message = renderSlack(answered([quote('One.'), quote('Two.')]))
    const contexts = message.blocks.filter((b) => b.type === 'context')

    expect(contexts).toHaveLength(1)
    expect(allTexts(message)).toContain('From <https://news.example/iran?a=1&amp;b=2|Iran protests (December 16, 2019)>')
  })

  it('GIVEN quotes from two articles THEN each run of quotes is followed by its own article', () => {
    const message = renderSlack(answered([quote('One.'), quote('Two.', { article: other }), quote('Three.')]))

    expect(message.blocks.map((b) => b.type)).toEqual(['section', 'context', 'section', 'context', 'section', 'context'])
    expect(allTexts(message)).toContain('From Second article')
    expect(message.text).toContain('from 2 articles')
  })

  it('GIVEN an article URL that is not http(s) THEN the title is shown without a link', () => {
    const message = renderSlack(answered([quote('One.', { article: { id: 'x', title: 'T', url: 'javascript:alert(1)' } })]))

    expect(liveTokens(message)).toEqual([])
    expect(allTexts(message)).toContain('From T')
  })

  it('GIVEN sources that differ THEN the note is a line of the message', () => {
    const message = renderSlack(answered([quote('304 killed.'), quote('1,500 killed.')], { note: 'The sources give different figures.' }))

    expect(allTexts(message).some((t) => t.includes('The sources give different figures.'))).toBe(true)
  })

  it('GIVEN a refusal THEN it is ephemeral, says why and what was asked', () => {
    const message = renderSlack({ answered: false, question: 'Who won?', reason: 'not-in-article', note: "The article doesn't say." })

    expect(message.response_type).toBe('ephemeral')
    expect(message.text).toBe("The article doesn't say.")
    expect(allTexts(message)).toContain('You asked: “Who won?”')
  })

  it('GIVEN an empty question THEN the usage help is shown, ephemeral', () => {
    const message = renderSlack({ answered: false, question: '', reason: 'empty', note: 'Ask a question.' })

    expect(message.response_type).toBe('ephemeral')
    expect(allTexts(message).join('\n')).toContain('/ask &lt;question&gt;')
    expect(liveTokens(message)).toEqual([])
  })

  it('GIVEN a rate-limited user THEN the notice is ephemeral and says when to try again', () => {
    const message = renderSlack(rateLimited('How many?', 12))

    expect(message.response_type).toBe('ephemeral')
    expect(message.text).toContain('12 s')
  })

  it('GIVEN more quotes than 50 blocks hold THEN whole quotes are dropped and the message says how many', () => {
    const quotes = Array.from({ length: 60 }, (_, i) =>
      quote(`Quote number ${i}.`, { paragraph: i + 1, article: i % 2 === 0 ? article : other }),
    )
    const message = renderSlack(answered(quotes))
    const shown = sectionTexts(message).map(unescapeSlack)

    expectWithinLimits(message)
    for (const text of shown) expect(quotes.map(shownAs)).toContain(text)
    const dropped = quotes.length - shown.length
    expect(dropped).toBeGreaterThan(0)
    expect(allTexts(message).join('\n')).toContain(`${dropped} more quotes left out`)
  })

  it('GIVEN a quote longer than a section holds THEN it is left out whole, cited by paragraph, never cut', () => {
    const long = 'word '.repeat(700).trim()
    const message = renderSlack(answered([quote('Short one.'), quote(long, { paragraph: 9 })]))

    expectWithinLimits(message)
    expect(sectionTexts(message)).toHaveLength(1)
    expect(allTexts(message).join('\n')).not.toContain('word word')
    expect(allTexts(message).join('\n')).toContain('1 more quote left out')
    expect(allTexts(message).join('\n')).toContain('¶9')
  })

  it('GIVEN only quotes too long for a section THEN the message says so instead of showing none silently', () => {
    const message = renderSlack(answered([quote('word '.repeat(700).trim(), { paragraph: 2 })]))

    expect(sectionTexts(message)).toHaveLength(0)
    expect(message.text).toContain('too long for Slack')
    expect(allTexts(message).join('\n')).toContain('1 more quote left out')
  })

  it('GIVEN a quote that fits only before escaping THEN the escaped length decides', () => {
    const ampersands = '&'.repeat(1_000)
    const message = renderSlack(answered([quote(ampersands)]))

    expectWithinLimits(message)
    expect(sectionTexts(message)).toHaveLength(0)
  })
})

describe('GIVEN every hostile input as question, quote, speaker, title, note and name', () => {
  for (const hostile of HOSTILE_INPUTS) {
    const label = JSON.stringify(hostile.slice(0, 40))
    const hostileArticle: ArticleRef = { id: 'h', title: hostile, date: hostile }
    const messages: [string, SlackMessage][] = [
      ['answer', renderSlack(answered([quote(hostile, { speaker: hostile, role: hostile, article: hostileArticle })], { question: hostile, note: hostile }))],
      ['refusal', renderSlack({ answered: false, question: hostile, reason: 'not-in-article', note: `No one called "${hostile}" is quoted.` })],
      ['usage help', renderSlack({ answered: false, question: hostile, reason: 'empty', note: hostile })],
      ['sources', renderSources([{ speaker: hostile, role: hostile, count: 2, articles: [hostileArticle] }])],
      ['articles', renderArticles([hostileArticle, { id: 'u', title: hostile, url: `https://x.example/${hostile}` }])],
    ]
    for (const [kind, message] of messages) {
      it(`${label} in an ${kind} THEN nothing is live and every limit holds`, () => {
        expect(liveTokens(message)).toEqual([])
        expectWithinLimits(message)
      })
    }
    it(`${label} as a quote THEN it is shown verbatim or left out whole`, () => {
      const q = quote(hostile, { speaker: hostile })
      const shown = sectionTexts(renderSlack(answered([q]))).map(unescapeSlack)
      expect(shown.length === 0 || shown[0] === shownAs(q)).toBe(true)
    })
  }
})

describe('renderSources and renderArticles', () => {
  const sources: SourceEntry[] = [
    { speaker: 'Amnesty International', role: null, count: 4, articles: [article] },
    { speaker: 'Philip Luther', role: 'Middle East director', count: 1, articles: [article, other] },
  ]

  it('GIVEN sources THEN each speaker is listed with how often and where, in channel', () => {
    const message = renderSources(sources)
    const text = allTexts(message).join('\n')

    expect(message.response_type).toBe('in_channel')
    expect(text).toContain('• Amnesty International: 4 quotes (Iran protests)')
    expect(text).toContain('• Philip Luther, Middle East director: 1 quote (Iran protests; Second article)')
  })

  it('GIVEN everyone quoted in the same one article THEN the lines do not repeat its title', () => {
    const text = allTexts(renderSources([sources[0]!, { ...sources[1]!, articles: [article] }])).join('\n')

    expect(text).toContain('• Amnesty International: 4 quotes\n')
    expect(text).not.toContain('Iran protests')
  })

  it('GIVEN no one quoted THEN an ephemeral notice says so', () => {
    expect(renderSources([]).response_type).toBe('ephemeral')
  })

  it('GIVEN thousands of speakers THEN the list keeps to the limits and counts the rest', () => {
    const many = Array.from({ length: 3_000 }, (_, i) => ({ ...sources[0]!, speaker: `Speaker ${i} ${'x'.repeat(80)}` }))
    const message = renderSources(many)

    expectWithinLimits(message)
    expect(allTexts(message).join('\n')).toMatch(/…and \d+ more speakers\./)
  })

  it('GIVEN articles THEN each is listed with its date and link where known', () => {
    const text = allTexts(renderArticles([article, other])).join('\n')

    expect(text).toContain('• <https://news.example/iran?a=1&amp;b=2|Iran protests (December 16, 2019)>')
    expect(text).toContain('• Second article')
  })

  it('GIVEN a failure THEN the apology is ephemeral', () => {
    expect(renderApology().response_type).toBe('ephemeral')
  })
})

describe('GIVEN arbitrary answers (fixed seed)', () => {
  const mentionish = fc.constantFrom('<!channel>', '<!here>', '<@U123>', '<#C1>', '<https://e.example|x>', '&', '<', '>', '\n', '')
  const text = fc
    .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), mentionish), { maxLength: 30 })
    .map((parts) => parts.join(''))
  const arbitraryQuote = fc.record({ text, speaker: text, paragraph: fc.nat(500), title: text }).map((r) =>
    quote(r.text, { speaker: r.speaker, paragraph: r.paragraph, article: { id: r.title, title: r.title } }),
  )

  test.prop([fc.array(arbitraryQuote, { maxLength: 70 }), text, fc.option(text)], { seed: 20_191_216, numRuns: 200 })(
    'THEN no live mention, the limits hold, and every shown quote is verbatim',
    (quotes, question, note) => {
      const message = renderSlack(answered(quotes, { question, note }))
      expect(liveTokens(message)).toEqual([])
      expectWithinLimits(message)
      const expected = quotes.map(shownAs)
      for (const shown of sectionTexts(message).map(unescapeSlack)) expect(expected).toContain(shown)
    },
  )
})
