import { afterEach, describe, expect, it } from 'vitest'
import type { Answer } from '../../../src/core/types.js'
import type { Library } from '../../../src/core/library.js'
import { createRateLimiter, type RateLimiter } from '../../../src/adapters/rateLimit.js'
import { unescapeSlack } from '../../../src/adapters/slack/escape.js'
import { startSlack } from '../../../src/adapters/slack/index.js'
import { createLogger } from '../../../src/logger.js'
import { mentionEventBody, nowSeconds, slackSignature, slashCommandBody } from '../../fakes/slack/signing.js'
import { FAKE_BOT_USER_ID, startFakeSlackApi, startResponseUrlListener, type RecordedCall } from '../../fakes/slack/webApi.js'
import { BOT_TOKEN, SIGNING_SECRET, startHarness, testLibrary, waitForLog, type Harness } from './harness.js'
import { HOSTILE_INPUTS } from '../../fixtures/hostile.js'
import { allTexts, liveTokens, sectionTexts } from './slackText.js'

const FORM = 'application/x-www-form-urlencoded'
const JSON_TYPE = 'application/json'
const HOSTILE_QUESTION = '<!channel> <@U123> a&b <https://x|y>'
const HOSTILE_ESCAPED = '&lt;!channel&gt; &lt;@U123&gt; a&amp;b &lt;https://x|y&gt;'

let harness: Harness | undefined
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  await harness?.stop()
  harness = undefined
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

let users = 0
/** A fresh user for each request, so that rate limits never cross tests. */
const newUser = () => `U${String(++users).padStart(6, '0')}`

function ask(text: string, extra: Partial<Parameters<typeof slashCommandBody>[0]> = {}): string {
  return slashCommandBody({ command: '/ask', text, user_id: newUser(), ...extra })
}

/** Every quote of the core's answer, verbatim, with its speaker, is in the message Slack received. */
function expectQuotesOf(answer: Answer, message: unknown): void {
  if (!answer.answered) throw new Error(`expected an answer, got a refusal: ${answer.note}`)
  const shown = sectionTexts(message as object).map(unescapeSlack).join('\n')
  for (const quote of answer.quotes) {
    expect(shown).toContain(quote.text)
    expect(shown).toContain(quote.speaker)
  }
}

function mention(text: string, extra: Partial<Parameters<typeof mentionEventBody>[0]> = {}) {
  const ts = `${nowSeconds()}.${String(++users).padStart(6, '0')}`
  const fields = { event_id: `Ev${users}`, text, user: newUser(), ts, ...extra }
  return { fields, body: mentionEventBody(fields) }
}

describe('GIVEN the real Bolt app on 127.0.0.1 and a fake Slack Web API', () => {
  it('GIVEN a signed /ask THEN it is answered in channel with the core answer quotes, verbatim, with their speakers', async () => {
    harness = await startHarness()
    const responseUrl = await startResponseUrlListener()
    cleanups.push(responseUrl.close)
    const question = 'How many people were killed?'

    const res = await harness.post(ask(question, { response_url: responseUrl.url }), FORM)
    const message = await read(res)

    expect(res.status).toBe(200)
    expect(message.response_type).toBe('in_channel')
    expectQuotesOf(harness.library.ask(question), message)
    expect(liveTokens(message)).toEqual([])
    // The answer is the acknowledgement itself: nothing is posted to the response_url as well.
    expect(responseUrl.received).toEqual([])
  })

  it('GIVEN /ask sources, /sources, /articles and /quotes THEN each renders what the library says', async () => {
    harness = await startHarness()
    const { library } = harness

    const viaAsk = await read(harness.post(ask('sources'), FORM))
    const viaCommand = await read(harness.post(slashCommandBody({ command: '/sources', text: '', user_id: newUser() }), FORM))
    const articles = await read(harness.post(slashCommandBody({ command: '/articles', text: '', user_id: newUser() }), FORM))
    const quotes = await read(harness.post(slashCommandBody({ command: '/quotes', text: 'Rajavi', user_id: newUser() }), FORM))

    expect(viaAsk).toEqual(viaCommand)
    const listed = allTexts(viaAsk).map(unescapeSlack).join('\n')
    for (const source of library.sources().slice(0, 20)) expect(listed).toContain(`• ${source.speaker}`)
    const titles = allTexts(articles).map(unescapeSlack).join('\n')
    for (const article of library.list()) expect(titles).toContain(article.title)
    expectQuotesOf(library.quotesBy('Rajavi'), quotes)
  })

  it('GIVEN an empty /ask THEN the usage help comes back ephemeral', async () => {
    harness = await startHarness()

    const message = await read(harness.post(ask('   '), FORM))

    expect(message.response_type).toBe('ephemeral')
    expect(allTexts(message).join('\n')).toContain('/ask &lt;question&gt;')
  })

  describe('GIVEN requests Slack did not sign as it does', () => {
    const cases: [string, (body: string) => Record<string, string>][] = [
      ['a bad signature', (body) => ({ 'x-slack-signature': slackSignature('wrong-secret', nowSeconds(), body) })],
      ['a missing signature header', () => ({ 'x-slack-signature': '' })],
      ['a missing timestamp header', () => ({ 'x-slack-request-timestamp': '' })],
      ['a stale timestamp', (body) => stamped(body, nowSeconds() - 6 * 60)],
      ['a timestamp from the future', (body) => stamped(body, nowSeconds() + 6 * 60)],
    ]
    for (const [name, headers] of cases) {
      it(`GIVEN ${name} THEN 401 and no handler ran`, async () => {
        harness = await startHarness()
        const body = ask('How many people were killed?')

        const res = await fetch(harness.url, { method: 'POST', headers: withoutBlank({ 'content-type': FORM, ...stamped(body, nowSeconds()), ...headers(body) }), body })

        expect(res.status).toBe(401)
        expect(harness.reached.count).toBe(0)
        expect(harness.api.calls).toEqual([])
      })
    }

    it('GIVEN a timestamp a little ahead (clock skew under 5 minutes) THEN it is answered', async () => {
      harness = await startHarness()
      const body = ask('How many people were killed?')

      const res = await harness.post(body, FORM, { timestamp: nowSeconds() + 60 })

      expect(res.status).toBe(200)
    })
  })

  it('GIVEN url_verification THEN the challenge comes back', async () => {
    harness = await startHarness()
    const body = JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' })

    const res = await harness.post(body, JSON_TYPE)

    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ challenge: 'c-123' })
  })

  it('GIVEN a mention THEN it is answered in the thread of that message, with the bot token', async () => {
    harness = await startHarness()
    const question = 'who said it was a crime?'
    const { fields, body } = mention(`<@${FAKE_BOT_USER_ID}> ${question}`)

    const res = await harness.post(body, JSON_TYPE)
    const call = await harness.api.waitForCall((c) => c.body.thread_ts === fields.ts)

    expect(res.status).toBe(200)
    expect(call.method).toBe('chat.postMessage')
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`)
    expect(call.body.channel).toBe('C0NEWS')
    expect(call.body).not.toHaveProperty('link_names')
    expectQuotesOf(harness.library.ask(question), call.body)
  })

  it('GIVEN a mention inside a thread THEN the answer goes to that thread', async () => {
    harness = await startHarness()
    const { fields, body } = mention(`<@${FAKE_BOT_USER_ID}> How many were killed?`, { thread_ts: '1700000000.000001' })

    await harness.post(body, JSON_TYPE)
    const call = await harness.api.waitForCall((c) => c.body.user === undefined && c.body.thread_ts === '1700000000.000001')

    expect(call.body.thread_ts).not.toBe(fields.ts)
  })

  it('GIVEN an event Slack retries THEN it is answered once', async () => {
    harness = await startHarness()
    const { fields, body } = mention(`<@${FAKE_BOT_USER_ID}> How many were killed?`)

    await harness.post(body, JSON_TYPE)
    await harness.api.waitForCall((c) => c.body.thread_ts === fields.ts)
    const retry = await harness.post(body, JSON_TYPE, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } })
    await waitForLog(harness.logs, new RegExp(`"eventId":"${fields.event_id}".*already answered`))

    expect(retry.status).toBe(200)
    expect(harness.api.calls.filter((c) => c.body.thread_ts === fields.ts)).toHaveLength(1)
  })

  describe('GIVEN the hostile question ' + HOSTILE_QUESTION, () => {
    it('THEN /ask shows it escaped everywhere it appears, pinging nobody', async () => {
      harness = await startHarness()

      const message = await read(harness.post(ask(HOSTILE_QUESTION), FORM))

      expect(liveTokens(message)).toEqual([])
      expect(allTexts(message).join('\n')).toContain(HOSTILE_ESCAPED)
      expect(JSON.stringify(message)).not.toMatch(/<!channel>|<@U123>|<https:\/\/x\|y>/)
    })

    it('THEN a mention (as Slack escapes what people type) is answered with it escaped', async () => {
      harness = await startHarness()
      const { fields, body } = mention(`<@${FAKE_BOT_USER_ID}> <!channel> <@U123> a&amp;b <https://x|y>`)

      await harness.post(body, JSON_TYPE)
      const call = await harness.api.waitForCall((c) => c.body.thread_ts === fields.ts)

      expect(liveTokens(call.body)).toEqual([])
      expect(allTexts(call.body).join('\n')).toContain(HOSTILE_ESCAPED)
    })

    it('THEN /quotes with it as the name refuses, ephemeral, with the name escaped', async () => {
      harness = await startHarness()

      const message = await read(harness.post(slashCommandBody({ command: '/quotes', text: HOSTILE_QUESTION, user_id: newUser() }), FORM))

      expect(message.response_type).toBe('ephemeral')
      expect(liveTokens(message)).toEqual([])
      expect(message.text).toContain(HOSTILE_ESCAPED)
    })
  })

  it('GIVEN every hostile input as an /ask, sent raw as the worst case THEN every reply is 200 and nothing in it is live', async () => {
    harness = await startHarness()

    for (const hostile of HOSTILE_INPUTS) {
      const res = await harness.post(ask(hostile), FORM)
      const message = await read(res)

      expect(res.status).toBe(200)
      expect(liveTokens(message), JSON.stringify(hostile.slice(0, 60))).toEqual([])
    }
  })

  it('GIVEN an article with mentions and a disguised link in it THEN its quotes and title are shown, escaped, linking nowhere', async () => {
    harness = await startHarness()
    const question = 'flood barrier plan costs'
    const answer = harness.library.ask(question)

    const message = await read(harness.post(ask(question), FORM))

    expect(liveTokens(message)).toEqual([])
    expectQuotesOf(answer, message)
    expect(message.text).toContain('&lt;https://evil.example|Reuters&gt;')
  })

  it('GIVEN a user over the rate limit THEN the notice is ephemeral and nothing is answered', async () => {
    harness = await startHarness({ rateLimiter: createRateLimiter({ questions: 2, windowSeconds: 60 }) })
    const user = newUser()
    const question = 'How many people were killed?'

    for (let i = 0; i < 2; i++) expect((await read(harness.post(ask(question, { user_id: user }), FORM))).response_type).toBe('in_channel')
    const limited = await read(harness.post(ask(question, { user_id: user }), FORM))
    const other = await read(harness.post(ask(question), FORM))

    expect(limited.response_type).toBe('ephemeral')
    expect(limited.text).toMatch(/try again in \d+ s/)
    expect(sectionTexts(limited)).toHaveLength(1)
    expect(other.response_type).toBe('in_channel')
  })

  it('GIVEN a request that fails THEN an ephemeral apology, the failure logged without secrets, and the next request is answered', async () => {
    const base = testLibrary()
    const failing: Library = {
      ...base,
      ask: (q, o) => {
        if (q.includes('explode')) throw new Error(`boom while holding ${BOT_TOKEN} and ${SIGNING_SECRET}`)
        return base.ask(q, o)
      },
    }
    harness = await startHarness({ library: failing })

    const failed = await harness.post(ask('explode please'), FORM)
    const next = await read(harness.post(ask('How many people were killed?'), FORM))

    expect(failed.status).toBe(200)
    expect((await read(failed)).text).toMatch(/^Sorry, something went wrong/)
    expect(next.response_type).toBe('in_channel')
    const log = harness.logs.join('\n')
    expect(log).toMatch(/Answering a Slack request failed/)
    expect(log).not.toContain(BOT_TOKEN)
    expect(log).not.toContain(SIGNING_SECRET)
  })

  it('GIVEN Slack refuses to post an answer THEN the asker gets an ephemeral apology in the thread', async () => {
    harness = await startHarness()
    harness.api.failNext('chat.postMessage', 'channel_not_found')
    const { fields, body } = mention(`<@${FAKE_BOT_USER_ID}> How many were killed?`)

    await harness.post(body, JSON_TYPE)
    const apology = await harness.api.waitForCall((c) => c.method === 'chat.postEphemeral' && c.body.thread_ts === fields.ts)

    expect(apology.body.user).toBe(fields.user)
    expect(String(apology.body.text)).toMatch(/^Sorry/)
  })

  it('GIVEN a mention that is refused THEN the refusal is ephemeral to the asker, in the thread', async () => {
    harness = await startHarness()
    const { fields, body } = mention(`<@${FAKE_BOT_USER_ID}>`)

    await harness.post(body, JSON_TYPE)
    const call: RecordedCall = await harness.api.waitForCall((c) => c.body.thread_ts === fields.ts)

    expect(call.method).toBe('chat.postEphemeral')
    expect(call.body.user).toBe(fields.user)
  })

  it('GIVEN stop() while an answer is in flight THEN it is finished, new questions are turned away, then the app stops', async () => {
    let release: () => void = () => {}
    let entered: () => void = () => {}
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const gate = new Promise<void>((resolve) => (release = resolve))
    const limiter = createRateLimiter({ questions: 100, windowSeconds: 60 })
    const slow: RateLimiter = {
      async take(key) {
        entered()
        await gate
        return limiter.take(key)
      },
    }
    const h = await startHarness({ rateLimiter: slow })
    const question = 'How many people were killed?'

    const inFlight = h.post(ask(question), FORM)
    await inside
    const stopped = h.stop()
    let hasStopped = false
    void stopped.then(() => (hasStopped = true))
    const lateCommand = await read(h.post(ask(question), FORM))
    const lateEvent = await h.post(mention(`<@${FAKE_BOT_USER_ID}> hi`).body, JSON_TYPE)
    expect(hasStopped).toBe(false)
    release()
    const answered = await read(inFlight)
    await stopped

    expect(answered.response_type).toBe('in_channel')
    expectQuotesOf(h.library.ask(question), answered)
    expect(lateCommand.text).toMatch(/restarting/)
    expect(lateEvent.status).toBe(503)
    await expect(h.post(ask(question), FORM)).rejects.toThrow()
  })

  it('GIVEN a bot token Slack rejects THEN start-up fails naming the variable, never its value', async () => {
    const api = await startFakeSlackApi({ validToken: 'xoxb-the-right-one' })
    cleanups.push(api.close)
    const logs: string[] = []

    const starting = startSlack({
      library: testLibrary(),
      config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.url },
      rateLimiter: createRateLimiter({ questions: 5, windowSeconds: 60 }),
      logger: createLogger({ level: 'debug', secrets: [BOT_TOKEN, SIGNING_SECRET], destination: { write: (l: string) => void logs.push(l) } }),
      host: '127.0.0.1',
    })

    await expect(starting).rejects.toThrow(/Slack rejected SLACK_BOT_TOKEN \(auth.test: invalid_auth\)/)
    await starting.catch((e: Error) => expect(e.message).not.toContain(BOT_TOKEN))
    expect(logs.join('\n')).not.toContain(BOT_TOKEN)
  })

  it('GIVEN a Web API nobody answers at THEN start-up fails saying Slack could not be reached, naming SLACK_API_URL', async () => {
    const api = await startFakeSlackApi()
    const deadUrl = api.url
    await api.close()

    const starting = startSlack({
      library: testLibrary(),
      config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: deadUrl },
      rateLimiter: createRateLimiter({ questions: 5, windowSeconds: 60 }),
      logger: createLogger({ level: 'silent' }),
      host: '127.0.0.1',
    })

    await expect(starting).rejects.toThrow(/Could not reach Slack's Web API at SLACK_API_URL to check SLACK_BOT_TOKEN/)
  })
})

/** What Slack received as the HTTP response to a slash command. */
interface Reply {
  response_type?: string
  text?: string
  blocks?: unknown[]
}

async function read(response: Response | Promise<Response>): Promise<Reply> {
  return (await (await response).json()) as Reply
}

function stamped(body: string, timestamp: number): Record<string, string> {
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body) }
}

function withoutBlank(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''))
}
