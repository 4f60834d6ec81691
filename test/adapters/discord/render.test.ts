import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  DISCORD_LIMITS,
  renderApology,
  renderApologyText,
  renderArticles,
  renderDiscord,
  renderDiscordText,
  renderSources,
  type DiscordReply,
} from '../../../src/adapters/discord/render.js'
import { attributionLine } from '../../../src/core/format.js'
import { rateLimited } from '../../../src/core/refusal.js'
import type { Answer, ArticleRef, Quote } from '../../../src/core/types.js'
import { HOSTILE_INPUTS } from '../../fixtures/hostile.js'
import { fixtureLibrary } from './library.js'
import { displayed, liveMarkdown, liveMentions } from './markdown.js'

const ARTICLE: ArticleRef = { id: 'a', title: 'Iran Protests Update', date: 'December 16, 2019', url: 'https://example.org/iran' }

function quote(text: string, over: Partial<Quote> = {}): Quote {
  return {
    text,
    speaker: 'Philip Luther',
    role: null,
    kind: 'direct',
    cue: 'said Philip Luther',
    article: ARTICLE,
    paragraph: 3,
    sentence: 1,
    start: 0,
    end: text.length,
    ...over,
  }
}

function answered(quotes: Quote[], over: Partial<Extract<Answer, { answered: true }>> = {}): Answer {
  return { answered: true, question: 'How many people were killed?', quotes, disagreement: false, note: null, ...over }
}

function description(reply: DiscordReply): string {
  return reply.embeds[0]?.description ?? ''
}

/** A quote as a reader sees it in the embed: every line block-quoted, then its attribution. */
function shownQuote(q: Quote): string {
  return `${q.text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')}\n${attributionLine(q)}`
}

/** Every limit Discord checks, computed from what is sent. */
function expectWithinLimits(reply: DiscordReply): void {
  expect(reply.embeds.length).toBeLessThanOrEqual(10)
  let total = 0
  for (const embed of reply.embeds) {
    expect((embed.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription)
    expect((embed.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle)
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter)
    expect((embed.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFields)
    total += (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length
    total += (embed.author?.name ?? '').length + (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal)
  expect(reply.allowedMentions).toEqual({ parse: [], repliedUser: false })
}

/** The first paragraph of the description: the echoed question. */
function echoedHeading(reply: DiscordReply): string {
  const first = description(reply).split('\n\n')[0] ?? ''
  return first.startsWith('**Q:** ') ? first : ''
}

describe('renderDiscord', () => {
  it('GIVEN an answer from the seed article THEN every quote is shown verbatim in a block quote, followed by its speaker and paragraph', () => {
    const answer = fixtureLibrary('seed').ask('How many people were killed?')
    expect(answer.answered).toBe(true)
    if (!answer.answered) return
    const reply = renderDiscord(answer)
    const shown = displayed(description(reply))
    for (const q of answer.quotes) expect(shown).toContain(shownQuote(q))
    expect(reply.embeds[0]?.footer?.text).toContain(answer.quotes[0]!.article.title)
    expectWithinLimits(reply)
  })

  it('GIVEN an answer THEN the question is echoed and the attribution reads "— Speaker, role · ¶N"', () => {
    const reply = renderDiscord(answered([quote('We counted 304 dead.', { role: 'Amnesty’s director', paragraph: 7 })]))
    expect(displayed(description(reply))).toContain('**Q:** How many people were killed?')
    expect(displayed(description(reply))).toContain('> We counted 304 dead.\n— Philip Luther, Amnesty’s director · ¶7')
  })

  it('GIVEN one article with a link THEN the link is the title and the article is named in the footer', () => {
    const embed = renderDiscord(answered([quote('One.')])).embeds[0]!
    expect(embed.url).toBe('https://example.org/iran')
    expect(embed.footer?.text).toContain('Iran Protests Update (December 16, 2019)')
  })

  it('GIVEN quotes from two articles THEN each attribution names its article and the footer counts them', () => {
    const other: ArticleRef = { id: 'b', title: 'Amnesty: 304 dead', url: 'https://example.org/amnesty(2)' }
    const reply = renderDiscord(answered([quote('One.'), quote('Two.', { article: other, speaker: 'Amnesty International' })]))
    const text = description(reply)
    expect(text).toContain('· [Iran Protests Update (December 16, 2019)](https://example.org/iran)')
    // A parenthesis in the link would end the masked link early: it is percent-encoded.
    expect(text).toContain('· [Amnesty: 304 dead](https://example.org/amnesty%282%29)')
    expect(reply.embeds[0]?.footer?.text).toContain('From 2 articles')
    expect(reply.embeds[0]?.url).toBeUndefined()
  })

  it('GIVEN sources that differ THEN the note is shown under the quotes', () => {
    const note = 'Sources differ: Amnesty International says 304, PMOI/MEK says 1,500.'
    const reply = renderDiscord(answered([quote('At least 304.'), quote('Over 1,500.')], { disagreement: true, note }))
    const shown = displayed(description(reply))
    expect(shown).toContain(note)
    expect(shown.indexOf(note)).toBeGreaterThan(shown.indexOf('Over 1,500.'))
  })

  it('GIVEN more quotes than fit THEN whole quotes are dropped from the end and the embed says how many', () => {
    const quotes = Array.from({ length: 12 }, (_, i) => quote(`Statement ${i}: ${'word '.repeat(80)}end.`))
    const reply = renderDiscord(answered(quotes))
    expectWithinLimits(reply)
    const shown = displayed(description(reply))
    const kept = quotes.filter((q) => shown.includes(shownQuote(q)))
    expect(kept.length).toBeGreaterThan(0)
    expect(kept.length).toBeLessThan(quotes.length)
    expect(kept).toEqual(quotes.slice(0, kept.length))
    expect(shown).toContain(`${quotes.length - kept.length} quotes left out to fit Discord’s message limits.`)
    // No fragment of a dropped quote is shown.
    for (const q of quotes.slice(kept.length)) expect(shown).not.toContain(q.text.slice(0, 14))
  })

  it('GIVEN a single quote longer than an embed THEN it is left out whole, never cut, and the embed says so', () => {
    const reply = renderDiscord(answered([quote('long '.repeat(1_000))]))
    expectWithinLimits(reply)
    expect(description(reply)).not.toContain('long long')
    expect(description(reply)).toContain('1 quote left out')
  })

  it('GIVEN the article does not say THEN the refusal says so plainly and echoes the question', () => {
    const reply = renderDiscord({ answered: false, question: 'Who won the match?', reason: 'not-in-article', note: "The article doesn't say." })
    expect(displayed(description(reply))).toContain('**Q:** Who won the match?')
    expect(displayed(description(reply))).toContain("The article doesn't say.")
  })

  it('GIVEN an empty question THEN usage help shows how to ask', () => {
    const answer = fixtureLibrary('seed').ask('   ')
    const text = description(renderDiscord(answer))
    expect(text).toContain('/ask question:')
    expect(text).toContain('/sources')
    expect(text).toContain('mention me')
  })

  it('GIVEN a rate-limited user THEN the reply says when to try again, without echoing the question', () => {
    const text = description(renderDiscord(rateLimited('@everyone again?', 7.2)))
    expect(text).toContain('try again in 8 s')
    expect(text).not.toContain('everyone')
  })

  it('GIVEN a speaker lookup THEN the heading names the speaker asked for', () => {
    const answer = fixtureLibrary('seed').quotesBy('Rajavi')
    const reply = renderDiscord(answer, { asked: 'speaker' })
    expect(displayed(description(reply))).toContain('**Quotes from** Rajavi')
    if (answer.answered) for (const q of answer.quotes) expect(displayed(description(reply))).toContain(shownQuote(q))
    expectWithinLimits(reply)
  })
})

describe('renderDiscordText (a channel without Embed Links)', () => {
  it('GIVEN an answer THEN the content shows what the embed shows: question, quotes, attributions, note, and the article last', () => {
    const note = 'Sources differ: Amnesty International and PMOI/MEK give different figures.'
    const answer = answered([quote('At least 304 people were killed.'), quote('Over 1,500 killed.', { speaker: 'Maryam Rajavi' })], { disagreement: true, note })
    const { content, allowedMentions } = renderDiscordText(answer)
    const shown = displayed(content)
    expect(allowedMentions).toEqual({ parse: [], repliedUser: false })
    expect(shown.startsWith('**Q:** How many people were killed?')).toBe(true)
    if (!answer.answered) throw new Error('unreachable')
    for (const q of answer.quotes) expect(shown).toContain(shownQuote(q))
    expect(shown).toContain(note)
    expect(shown.trim().split('\n').at(-1)).toMatch(/^-# \[Iran Protests Update \(December 16, 2019\)\]\(https:\/\/example\.org\/iran\) · Verbatim/)
  })

  it('GIVEN more quotes than 2,000 characters hold THEN whole quotes are left out, never cut, and counted', () => {
    const quotes = Array.from({ length: 8 }, (_, i) => quote(`Statement ${i}: ${'word '.repeat(60)}end.`))
    const { content } = renderDiscordText(answered(quotes))
    expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content)
    const shown = displayed(content)
    const kept = quotes.filter((q) => shown.includes(shownQuote(q)))
    expect(kept.length).toBeGreaterThan(0)
    expect(kept).toEqual(quotes.slice(0, kept.length))
    expect(shown).toContain(`${quotes.length - kept.length} quotes left out`)
    for (const q of quotes.slice(kept.length)) expect(shown).not.toContain(q.text.slice(0, 14))
  })

  it.each(HOSTILE_INPUTS.map((s, i) => [i, s] as const))('GIVEN hostile input #%i as question and quote THEN nothing in the content is live', (_, hostile) => {
    const { content } = renderDiscordText(answered([quote(hostile)], { question: hostile }))
    expect(liveMentions(content)).toEqual([])
    expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content)
  })

  it('GIVEN a long question full of markdown, a long note and a very long link THEN the content still fits and still shows the quote', () => {
    const article = { ...ARTICLE, url: `https://example.org/${'a'.repeat(600)}` }
    const q = quote('At least 304 people were killed.', { article })
    const answer = answered([q], { question: '*_'.repeat(300), disagreement: true, note: `Sources differ: ${'*_'.repeat(240)}` })
    const { content } = renderDiscordText(answer)
    expect(content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content)
    expect(displayed(content)).toContain(shownQuote(q))
  })

  it('GIVEN a refusal or a failure THEN the content says so in the same words as the embed', () => {
    const refusal: Answer = { answered: false, question: 'Who won the match?', reason: 'not-in-article', note: "The article doesn't say." }
    expect(renderDiscordText(refusal).content).toBe(description(renderDiscord(refusal)))
    expect(renderApologyText().content).toBe(description(renderApology()))
  })
})

describe('renderDiscord with hostile input', () => {
  it.each(HOSTILE_INPUTS.map((s, i) => [i, s] as const))(
    'GIVEN hostile input #%i as the question THEN the echo pings nobody, links nowhere and formats nothing',
    (_, hostile) => {
      const reply = renderDiscord(answered([quote('Calm words.')], { question: hostile }))
      const heading = echoedHeading(reply)
      expect(liveMentions(heading)).toEqual([])
      expect(liveMarkdown(heading.replace(/^\*\*Q:\*\* /, ''))).toEqual([])
      expect(heading).not.toContain('\n')
      expect(heading.length).toBeLessThan(600)
      expectWithinLimits(reply)
    },
  )

  it.each(HOSTILE_INPUTS.map((s, i) => [i, s] as const))(
    'GIVEN hostile input #%i as article text THEN the quote is shown exactly as written, in its block quote, with nothing live',
    (_, hostile) => {
      const q = quote(hostile, { speaker: hostile.slice(0, 40) || 'Someone' })
      const reply = renderDiscord(answered([q], { question: 'what?' }))
      expectWithinLimits(reply)
      const text = description(reply)
      if (text.includes('1 quote left out')) {
        expect(hostile.length + 50).toBeGreaterThan(DISCORD_LIMITS.embedDescription / 2)
        return
      }
      expect(displayed(text)).toContain(shownQuote(q))
      const quoteLines = text.split('\n').filter((line) => line.startsWith('> ')).map((line) => line.slice(2))
      for (const line of quoteLines) expect(liveMarkdown(line)).toEqual([])
      expect(liveMentions(text)).toEqual([])
    },
  )

  it.each([
    String.raw`a backslash before a star \*still not bold* and a mention \<@123456789012345678>`,
    'C:\\Users\\everyone\\ ends with a backslash \\',
    '# a heading\n- a list item\n-# subtext\n> a quote\n1. a numbered line',
  ])('GIVEN article text %j with backslashes or line-start markdown THEN it is shown exactly, with nothing live', (text) => {
    const q = quote(text)
    const raw = description(renderDiscord(answered([q])))
    expect(displayed(raw)).toContain(shownQuote(q))
    const quoteLines = raw.split('\n').filter((line) => line.startsWith('> ')).map((line) => line.slice(2))
    expect(quoteLines).toHaveLength(text.split('\n').length)
    for (const line of quoteLines) {
      expect(liveMarkdown(line)).toEqual([])
      expect(line).not.toMatch(/^(#|-|>|\d+\.)/)
    }
  })

  test.prop(
    [
      fc.string({ unit: 'binary', maxLength: 600 }),
      fc.array(fc.record({ text: fc.string({ unit: 'binary', minLength: 1, maxLength: 1_500 }), speaker: fc.string({ maxLength: 80 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      fc.option(fc.string({ unit: 'binary', maxLength: 800 }), { nil: null }),
    ],
    { seed: 4_2024, numRuns: 300 },
  )('GIVEN arbitrary questions and quotes THEN limits hold, shown quotes are a verbatim prefix, the rest are counted, nothing pings', (question, raw, note) => {
    const quotes = raw.map((r, i) => quote(r.text, { speaker: r.speaker || 'Someone', paragraph: i + 1 }))
    const reply = renderDiscord(answered(quotes, { question, note, disagreement: note !== null }))
    expectWithinLimits(reply)
    const text = description(reply)
    const shown = displayed(text)
    let kept = 0
    while (kept < quotes.length && shown.includes(shownQuote(quotes[kept]!))) kept++
    if (kept < quotes.length) expect(shown).toContain(`${quotes.length - kept} quote`)
    expect(liveMentions(echoedHeading(reply))).toEqual([])
    for (const line of text.split('\n').filter((l) => l.startsWith('> '))) expect(liveMarkdown(line.slice(2))).toEqual([])
  })
})

describe('renderSources and renderArticles', () => {
  it('GIVEN the fixture articles THEN /sources lists each speaker with a count and their articles, within limits', () => {
    const library = fixtureLibrary('all')
    const entries = library.sources()
    const reply = renderSources(entries)
    expectWithinLimits(reply)
    const shown = displayed(description(reply))
    const first = entries[0]!
    expect(shown).toContain(`${first.speaker}`)
    expect(shown).toContain(first.count === 1 ? '1 quote' : `${first.count} quotes`)
    const listed = entries.filter((e) => shown.includes(`${e.speaker}`)).length
    if (listed < entries.length) expect(shown).toContain('left out')
  })

  it('GIVEN more speakers than fit THEN whole lines are dropped and counted', () => {
    const entries = Array.from({ length: 400 }, (_, i) => ({ speaker: `Speaker number ${i}`, role: 'a role', count: 400 - i, articles: [ARTICLE] }))
    const reply = renderSources(entries)
    expectWithinLimits(reply)
    const shown = displayed(description(reply))
    const listed = entries.filter((e) => shown.includes(`${e.speaker}, a role`)).length
    expect(shown).toContain(`${entries.length - listed} speakers left out`)
  })

  it('GIVEN hostile speaker names and titles THEN nothing in /sources or /articles is live', () => {
    const entries = HOSTILE_INPUTS.map((s, i) => ({ speaker: s.slice(0, 300), role: null, count: i + 1, articles: [{ id: `${i}`, title: s.slice(0, 200) }] }))
    const sources = renderSources(entries)
    const articles = renderArticles(HOSTILE_INPUTS.map((s, i) => ({ id: `${i}`, title: s.slice(0, 200) })))
    for (const reply of [sources, articles]) {
      expectWithinLimits(reply)
      const text = description(reply)
      expect(liveMentions(text)).toEqual([])
      // The only live markdown is our own: `**name**:` on each /sources line and the italic "left out" line.
      const live = liveMarkdown(text)
      expect(live.filter((ch) => ch !== '*')).toEqual([])
      const boldLines = text.split('\n').filter((line) => line.startsWith('**')).length
      const italicLines = text.includes('left out to fit') ? 1 : 0
      expect(live.length).toBe(4 * boldLines + 2 * italicLines)
    }
    const shown = displayed(description(sources))
    for (const e of entries.filter((e) => shown.includes(`${e.count} quote`))) expect(shown).toContain(e.speaker)
  })

  it('GIVEN the fixture articles THEN /articles lists each title with its date, linked where a link is known', () => {
    const list = fixtureLibrary('all').list()
    const reply = renderArticles([...list, { id: 'x', title: 'Linked', date: '2020', url: 'https://example.org/x' }])
    const text = description(reply)
    for (const a of list) expect(displayed(text)).toContain(a.title)
    expect(text).toContain('[Linked (2020)](https://example.org/x)')
  })

  it('GIVEN nothing loaded THEN both say so', () => {
    expect(description(renderSources([]))).toContain('No one is quoted')
    expect(description(renderArticles([]))).toContain('No articles')
  })

  it('GIVEN a failure THEN the apology is short and pings nobody', () => {
    const reply = renderApology()
    expect(description(reply)).toMatch(/^Sorry/)
    expectWithinLimits(reply)
  })
})
