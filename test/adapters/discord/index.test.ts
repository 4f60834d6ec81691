import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDiscord } from '../../../src/adapters/discord/index.js'
import { createRateLimiter } from '../../../src/adapters/rateLimit.js'
import { speakerLabel } from '../../../src/core/format.js'
import type { Library } from '../../../src/core/library.js'
import type { Answer } from '../../../src/core/types.js'
import { createLogger } from '../../../src/logger.js'
import { ALICE, startFakeDiscord, type FakeDiscord, type FakeUser, type RecordedCall } from '../../fakes/discordFake.js'
import { fixtureLibrary } from './library.js'
import { displayed, liveMentions } from './markdown.js'

/**
 * The real discord.js client against the fake Discord on 127.0.0.1: what the
 * bot sends is read back from the REST calls the fake recorded.
 */

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfakeX.canary-bot-token-0123456789'
const BOB: FakeUser = { id: '2100000000000000002', username: 'bob' }

interface Running {
  fake: FakeDiscord
  bot: { stop(): Promise<void> }
  logLines: string[]
  /** Stops the bot, then the fake. */
  stop(): Promise<void>
}

async function startBot(options: { library?: Library; questionsPerMinute?: number } = {}): Promise<Running> {
  const fake = await startFakeDiscord()
  const logLines: string[] = []
  const logger = createLogger({ level: 'debug', secrets: [TOKEN], destination: { write: (line: string) => void logLines.push(line) } })
  const bot = await startDiscord({
    library: options.library ?? fixtureLibrary('all'),
    config: { token: TOKEN, appId: fake.ids.app, apiUrl: fake.apiUrl },
    rateLimiter: createRateLimiter({ questions: options.questionsPerMinute ?? 1_000, windowSeconds: 60 }),
    logger,
    // The default throttler makes a second IDENTIFY wait 5 s; Discord's limit is not ours to test.
    clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
  })
  return {
    fake,
    bot,
    logLines,
    async stop() {
      // The client first: closing the fake first would leave it reconnecting every 500 ms.
      await bot.stop()
      await fake.close()
    },
  }
}

const isCallback = (token: string) => (c: RecordedCall) => c.method === 'POST' && c.path.endsWith(`/${token}/callback`)
const isEdit = (token: string) => (c: RecordedCall) => c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`)
const isReplyTo = (messageId: string) => (c: RecordedCall) =>
  c.method === 'POST' && /^\/channels\/\d+\/messages$/.test(c.path) && c.body?.message_reference?.message_id === messageId

/** What the reader sees of a reply: its embeds' descriptions, or its content where it has no embed. */
function descriptionOf(body: { content?: string; embeds?: { description?: string }[] }): string {
  return [body.content ?? '', ...(body.embeds?.map((e) => e.description ?? '') ?? [])].filter(Boolean).join('\n')
}

/** Every quote's text and speaker, as the core gave them, is what the reader sees. */
function expectAnswerShown(body: { embeds?: { description?: string }[] }, answer: Answer): void {
  expect(answer.answered).toBe(true)
  if (!answer.answered) return
  const shown = displayed(descriptionOf(body))
  for (const quote of answer.quotes) {
    expect(shown).toContain(quote.text)
    expect(shown).toContain(`— ${speakerLabel(quote)} · ¶${quote.paragraph}`)
  }
}

function expectNoMentions(body: { allowed_mentions?: unknown; content?: string }): void {
  expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false })
  expect(body.content ?? '').toBe('')
}

describe('startDiscord against the fake Discord', () => {
  let run: Running
  const library = fixtureLibrary('all')

  beforeAll(async () => {
    run = await startBot({ library })
  })
  afterAll(async () => {
    await run?.stop()
  })

  it('GIVEN the bot starts THEN it identifies with Guilds, guild messages and DMs only, never message content', () => {
    const identify = run.fake.gatewayLog.find((frame) => frame.op === 2)
    const intents = (identify?.d as { intents: number }).intents
    expect(intents).toBe(1 | (1 << 9) | (1 << 12))
    expect(intents & (1 << 15)).toBe(0)
  })

  it('GIVEN /ask THEN it defers, then edits @original with every quote verbatim and its speaker, pinging nobody', async () => {
    const question = 'How many people were killed?'
    const { token } = await run.fake.interact('ask', { question })
    const callback = await run.fake.waitForCall(isCallback(token))
    expect(callback.body.type).toBe(5)
    const edit = await run.fake.waitForCall(isEdit(token))
    expectNoMentions(edit.body)
    expectAnswerShown(edit.body, library.ask(question))
    expect(displayed(descriptionOf(edit.body))).toContain(`**Q:** ${question}`)
  })

  it('GIVEN a question full of @everyone, @here, user and role mentions THEN the edit pings nobody and shows no live mention', async () => {
    const question = '@everyone @here <@2100000000000000002> <@&1200000000000000001> how many were killed?'
    const { token } = await run.fake.interact('ask', { question })
    const edit = await run.fake.waitForCall(isEdit(token))
    expectNoMentions(edit.body)
    expect(liveMentions(descriptionOf(edit.body))).toEqual([])
    expect(displayed(descriptionOf(edit.body))).toContain(question)
  })

  it('GIVEN a mention in a server channel THEN the reply goes to that channel, answers from the article and pings nobody', async () => {
    const question = 'how many people were killed?'
    const { id, channel } = await run.fake.say({ content: `<@${run.fake.ids.bot}> ${question}` })
    const reply = await run.fake.waitForCall(isReplyTo(id))
    expect(reply.path).toBe(`/channels/${channel}/messages`)
    expectNoMentions(reply.body)
    expectAnswerShown(reply.body, library.ask(question))
  })

  it('GIVEN a channel where the bot may not embed links THEN the mention is answered in plain text, the same quotes, pinging nobody', async () => {
    run.fake.setEmbedLinks(false)
    try {
      const question = 'how many people were killed?'
      const { id } = await run.fake.say({ content: `<@${run.fake.ids.bot}> ${question}` })
      const plain = await run.fake.waitForCall((c) => isReplyTo(id)(c) && typeof c.body?.content === 'string')
      expect(run.fake.calls.filter(isReplyTo(id))[0]!.body.embeds).toHaveLength(1)
      expect(plain.body.embeds ?? []).toEqual([])
      expect(plain.body.content.length).toBeLessThanOrEqual(2000)
      expect(plain.body.allowed_mentions).toEqual({ parse: [], replied_user: false })
      expect(liveMentions(plain.body.content)).toEqual([])
      expectAnswerShown(plain.body, library.ask(question))
      expect(displayed(plain.body.content)).toContain('Sources differ')
    } finally {
      run.fake.setEmbedLinks(true)
    }
  })

  it('GIVEN a channel where the bot may not post at all THEN it tries the embed and plain text once each, apologises nowhere, and answers the next mention once it may', async () => {
    run.fake.setSendMessages(false)
    let refused: { id: string }
    try {
      refused = await run.fake.say({ content: `<@${run.fake.ids.bot}> how many people were killed?` })
      await run.fake.waitForCall((c) => isReplyTo(refused.id)(c) && typeof c.body?.content === 'string')
    } finally {
      run.fake.setSendMessages(true)
    }
    const { id } = await run.fake.say({ content: `<@${run.fake.ids.bot}> who is Maryam Rajavi?` })
    await run.fake.waitForCall(isReplyTo(id))
    expect(run.fake.calls.filter(isReplyTo(refused.id))).toHaveLength(2)
  })

  it('GIVEN a DM without a mention THEN it is answered in the DM', async () => {
    const question = 'Who is Maryam Rajavi?'
    const { id, channel } = await run.fake.say({ content: question, mentionsBot: false, dm: true, user: BOB })
    const reply = await run.fake.waitForCall(isReplyTo(id))
    expect(reply.path).toBe(`/channels/${channel}/messages`)
    expectNoMentions(reply.body)
    expectAnswerShown(reply.body, library.ask(question))
  })

  it('GIVEN server messages that do not mention the bot, only @everyone, or come from a bot THEN none is answered', async () => {
    const ignored = [
      await run.fake.say({ content: 'how many people were killed?', mentionsBot: false }),
      await run.fake.say({ content: '@everyone how many people were killed?', mentionsBot: false, mentionEveryone: true }),
      await run.fake.say({ content: `<@${run.fake.ids.bot}> how many?`, bot: true, user: { id: '2100000000000000099', username: 'otherbot' } }),
    ]
    // Events are handled in order: once a later mention is answered, the earlier ones were passed over.
    const { id } = await run.fake.say({ content: `<@${run.fake.ids.bot}> who was killed?` })
    await run.fake.waitForCall(isReplyTo(id))
    for (const message of ignored) expect(run.fake.calls.filter(isReplyTo(message.id))).toEqual([])
  })

  it('GIVEN a bare mention THEN the reply is usage help', async () => {
    const { id } = await run.fake.say({ content: `<@${run.fake.ids.bot}>` })
    const reply = await run.fake.waitForCall(isReplyTo(id))
    expect(descriptionOf(reply.body)).toContain('/ask question:')
  })

  it('GIVEN /sources THEN the edit lists who is quoted and how often', async () => {
    const { token } = await run.fake.interact('sources')
    const edit = await run.fake.waitForCall(isEdit(token))
    expectNoMentions(edit.body)
    const top = library.sources()[0]!
    expect(displayed(descriptionOf(edit.body))).toContain(`${speakerLabel(top)}**: ${top.count} quotes`)
  })

  it('GIVEN /quotes speaker:Rajavi THEN the edit carries what Maryam Rajavi is quoted as saying', async () => {
    const { token } = await run.fake.interact('quotes', { speaker: 'Rajavi' })
    const edit = await run.fake.waitForCall(isEdit(token))
    expectNoMentions(edit.body)
    const answer = library.quotesBy('Rajavi')
    expect(answer.answered && answer.quotes.every((q) => q.speaker.includes('Rajavi'))).toBe(true)
    if (!answer.answered) return
    const shown = displayed(descriptionOf(edit.body))
    // All that fit are shown whole; the rest are counted.
    const kept = answer.quotes.filter((q) => shown.includes(q.text))
    expect(kept.length).toBeGreaterThan(0)
    if (kept.length < answer.quotes.length) expect(shown).toContain(`${answer.quotes.length - kept.length} quote`)
  })

  it('GIVEN someone typing /quotes speaker:raj THEN Discord is offered the matching speakers', async () => {
    const { token } = await run.fake.typeAhead('quotes', 'speaker', 'raj')
    const callback = await run.fake.waitForCall(isCallback(token))
    expect(callback.body.type).toBe(8)
    const names = (callback.body.data.choices as { name: string }[]).map((c) => c.name)
    expect(names).toContain('Maryam Rajavi')
    expect(names.every((n) => n.toLowerCase().includes('raj'))).toBe(true)
  })

  it('GIVEN /articles THEN the edit lists every loaded article', async () => {
    const { token } = await run.fake.interact('articles')
    const edit = await run.fake.waitForCall(isEdit(token))
    for (const article of library.list()) expect(displayed(descriptionOf(edit.body))).toContain(article.title)
  })

  it('GIVEN the gateway closes with 4000 THEN the client resumes and a later /ask is still answered', async () => {
    const resumedBefore = run.fake.gatewayLog.filter((f) => f.op === 6).length
    run.fake.closeGateway(4000)
    await run.fake.waitForSessions('resumed', resumedBefore + 1)
    const resume = run.fake.gatewayLog.filter((f) => f.op === 6).at(-1)
    expect((resume?.d as { token: string }).token).toBe(TOKEN)
    const { token } = await run.fake.interact('ask', { question: 'Who said it was a crime against humanity?' })
    expectNoMentions((await run.fake.waitForCall(isEdit(token))).body)
  })

  it('GIVEN the gateway closes with 1000 THEN the client identifies again and a later /ask is still answered', async () => {
    const identifiesBefore = run.fake.gatewayLog.filter((f) => f.op === 2).length
    run.fake.closeGateway(1000)
    await run.fake.waitForSessions('identified', identifiesBefore + 1)
    const question = 'How many people were killed?'
    const { token } = await run.fake.interact('ask', { question })
    expectAnswerShown((await run.fake.waitForCall(isEdit(token))).body, library.ask(question))
  })

  it('GIVEN everything so far THEN every message the bot sent carried allowed_mentions.parse = [] and no token was logged', () => {
    const withMessages = run.fake.calls.filter((c) => c.body && typeof c.body === 'object' && ('embeds' in c.body || 'data' in c.body))
    expect(withMessages.length).toBeGreaterThan(10)
    for (const call of withMessages) {
      // A deferral (5) and autocomplete choices (8) carry no message, so nothing that could mention.
      const body = call.body.type === 5 || call.body.type === 8 ? null : (call.body.data ?? call.body)
      if (body) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false })
    }
    const log = run.logLines.join('')
    expect(log).not.toContain(TOKEN)
    expect(log).not.toContain('interaction-token-')
  })
})

describe('startDiscord when things go wrong', () => {
  it('GIVEN Discord rejects the token THEN startDiscord fails with a clear error that does not contain it', async () => {
    const fake = await startFakeDiscord()
    try {
      fake.failNext((c) => c.path === '/gateway/bot', 401)
      const logger = createLogger({ level: 'silent' })
      const starting = startDiscord({
        library: fixtureLibrary('seed'),
        config: { token: TOKEN, appId: fake.ids.app, apiUrl: fake.apiUrl },
        rateLimiter: createRateLimiter({ questions: 5, windowSeconds: 60 }),
        logger,
      })
      const error = await starting.then(() => null, (e: unknown) => e as Error)
      expect(error?.message).toMatch(/invalid token/i)
      expect(`${error?.message} ${error?.stack}`).not.toContain(TOKEN)
    } finally {
      await fake.close()
    }
  })

  it('GIVEN a user over the limit THEN /ask gets an ephemeral notice and a mention a reply saying when to try again', async () => {
    const run = await startBot({ questionsPerMinute: 1 })
    try {
      const first = await run.fake.interact('ask', { question: 'How many people were killed?' })
      await run.fake.waitForCall(isEdit(first.token))
      const second = await run.fake.interact('ask', { question: 'And who said so?' })
      const notice = await run.fake.waitForCall(isCallback(second.token))
      expect(notice.body.type).toBe(4)
      expect(notice.body.data.flags & 64).toBe(64)
      expect(notice.body.data.allowed_mentions).toEqual({ parse: [], replied_user: false })
      expect(descriptionOf(notice.body.data)).toMatch(/try again in \d+ s/)

      const mention = await run.fake.say({ content: `<@${run.fake.ids.bot}> one more?` })
      const reply = await run.fake.waitForCall(isReplyTo(mention.id))
      expect(descriptionOf(reply.body)).toMatch(/try again in \d+ s/)

      // Another user has a budget of their own.
      const bob = await run.fake.interact('ask', { question: 'How many people were killed?' }, BOB)
      expect((await run.fake.waitForCall(isCallback(bob.token))).body.type).toBe(5)
      expect(run.fake.calls.filter(isEdit(second.token))).toEqual([])
    } finally {
      await run.stop()
    }
  })

  it('GIVEN the answer throws THEN /ask gets an ephemeral apology, a mention an apology reply, the error is logged without tokens, and the next /ask is answered', async () => {
    const real = fixtureLibrary('seed')
    const library: Library = {
      ...real,
      ask: (question, options) => {
        if (question.includes('explode')) throw new Error('boom while answering')
        return real.ask(question, options)
      },
    }
    const run = await startBot({ library })
    try {
      const failing = await run.fake.interact('ask', { question: 'explode please' })
      const apology = await run.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/webhooks/${run.fake.ids.app}/${failing.token}`))
      expect(apology.body.flags & 64).toBe(64)
      expect(apology.body.allowed_mentions).toEqual({ parse: [], replied_user: false })
      expect(descriptionOf(apology.body)).toMatch(/^Sorry/)
      // The "thinking…" placeholder is removed, so nothing public is left hanging.
      expect(run.fake.calls.some((c) => c.method === 'DELETE' && c.path.endsWith(`/${failing.token}/messages/@original`))).toBe(true)

      const mention = await run.fake.say({ content: `<@${run.fake.ids.bot}> explode again` })
      const sorry = await run.fake.waitForCall(isReplyTo(mention.id))
      expectNoMentions(sorry.body)
      expect(descriptionOf(sorry.body)).toMatch(/^Sorry/)

      const question = 'How many people were killed?'
      const next = await run.fake.interact('ask', { question })
      expectAnswerShown((await run.fake.waitForCall(isEdit(next.token))).body, real.ask(question))

      const log = run.logLines.join('')
      expect(log).toContain('boom while answering')
      expect(log).not.toContain(TOKEN)
      expect(log).not.toContain(failing.token)
    } finally {
      await run.stop()
    }
  })

  it('GIVEN Discord rejects the edit THEN the asker still gets an apology and the bot keeps answering', async () => {
    const run = await startBot()
    try {
      run.fake.failNext((c) => c.method === 'PATCH', 400)
      const failing = await run.fake.interact('ask', { question: 'How many people were killed?' })
      const apology = await run.fake.waitForCall((c) => c.method === 'POST' && c.path.endsWith(`/${failing.token}`))
      expect(apology.body.flags & 64).toBe(64)
      const next = await run.fake.interact('ask', { question: 'Who was killed?' })
      expectNoMentions((await run.fake.waitForCall(isEdit(next.token))).body)
      expect(run.logLines.join('')).toContain('Injected failure')
    } finally {
      await run.stop()
    }
  })

  it('GIVEN stop() while an answer is in flight THEN that answer is delivered first, and a new question is told we are restarting', async () => {
    const run = await startBot()
    run.fake.delayNext((c) => c.method === 'PATCH', 400)
    const slow = await run.fake.interact('ask', { question: 'How many people were killed?' })
    await run.fake.waitForCall(isCallback(slow.token))
    const stopping = run.bot.stop()
    const late = await run.fake.interact('ask', { question: 'Too late?' })
    const notice = await run.fake.waitForCall(isCallback(late.token))
    expect(notice.body.type).toBe(4)
    expect(notice.body.data.flags & 64).toBe(64)
    expect(descriptionOf(notice.body.data)).toContain('restarting')
    await stopping
    const stoppedAt = performance.now()
    await run.fake.close()
    const edit = run.fake.calls.find(isEdit(slow.token))
    expect(edit?.answeredAt).toBeTypeOf('number')
    expect(edit!.answeredAt!).toBeLessThan(stoppedAt)
    expect(run.fake.calls.filter(isEdit(late.token))).toEqual([])
    expect(run.logLines.join('')).not.toContain('failed')
  })
})
