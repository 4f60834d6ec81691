import { afterEach, describe, expect, it } from 'vitest'
import { createRateLimiter } from '../../../src/adapters/rateLimit.js'
import { unescapeSlack } from '../../../src/adapters/slack/escape.js'
import { startSlack } from '../../../src/adapters/slack/index.js'
import { createLogger } from '../../../src/logger.js'
import { startFakeSocketMode, type FakeSocketMode } from '../../fakes/slack/socketMode.js'
import { FAKE_BOT_USER_ID, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack/webApi.js'
import { BOT_TOKEN, testLibrary } from './harness.js'
import { liveTokens, sectionTexts } from './slackText.js'

const APP_TOKEN = 'xapp-canary-app-token-71c4e0d2'

let stops: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const stop of stops.reverse()) await stop()
  stops = []
})

async function startSocketApp(): Promise<{ api: FakeSlackApi; socket: FakeSocketMode }> {
  const api = await startFakeSlackApi({ validToken: BOT_TOKEN })
  const socket = await startFakeSocketMode()
  api.socketUrl = socket.url
  stops.push(api.close, socket.close)
  const slack = await startSlack({
    library: testLibrary(),
    config: { botToken: BOT_TOKEN, appToken: APP_TOKEN, port: 0, apiUrl: api.url },
    rateLimiter: createRateLimiter({ questions: 100, windowSeconds: 60 }),
    logger: createLogger({ level: 'silent', secrets: [BOT_TOKEN, APP_TOKEN] }),
  })
  stops.push(slack.stop)
  await socket.connected
  return { api, socket }
}

describe('GIVEN the real Bolt app in Socket Mode against a fake Socket Mode server on 127.0.0.1', () => {
  it('GIVEN /ask over the socket THEN the acknowledgement carries the answer, in channel, with the core quotes', async () => {
    const { socket } = await startSocketApp()
    const question = 'How many people were killed?'

    const ack = await socket.deliver('slash_commands', {
      command: '/ask',
      text: question,
      user_id: 'U1',
      team_id: 'T0FAKE',
      channel_id: 'C0NEWS',
      response_url: 'http://127.0.0.1:9/unused',
    })

    const expected = testLibrary().ask(question)
    if (!expected.answered) throw new Error('expected an answer')
    expect(ack.response_type).toBe('in_channel')
    const shown = sectionTexts(ack).map(unescapeSlack).join('\n')
    for (const quote of expected.quotes) expect(shown).toContain(quote.text)
    expect(liveTokens(ack)).toEqual([])
  })

  it('GIVEN start-up THEN the socket URL was asked for with the app-level token, not the bot token', async () => {
    const { api } = await startSocketApp()

    expect(api.callsTo('apps.connections.open')[0]?.authorization).toBe(`Bearer ${APP_TOKEN}`)
  })

  it('GIVEN a mention over the socket THEN it is answered in its thread through the Web API', async () => {
    const { api, socket } = await startSocketApp()

    await socket.deliver('events_api', {
      team_id: 'T0FAKE',
      api_app_id: 'A0VERBATIM',
      type: 'event_callback',
      event_id: 'EvSocket1',
      event_time: 1,
      event: { type: 'app_mention', user: 'U2', text: `<@${FAKE_BOT_USER_ID}> How many were killed?`, ts: '1700000000.000200', channel: 'C0NEWS' },
    })
    const call = await api.waitForCall((c) => c.body.thread_ts === '1700000000.000200')

    expect(call.method).toBe('chat.postMessage')
    expect(call.authorization).toBe(`Bearer ${BOT_TOKEN}`)
  })

  it('GIVEN an app-level token Slack rejects THEN start-up fails naming SLACK_APP_TOKEN, never its value', async () => {
    const api = await startFakeSlackApi({ validToken: BOT_TOKEN })
    stops.push(api.close)

    const starting = startSlack({
      library: testLibrary(),
      config: { botToken: BOT_TOKEN, appToken: APP_TOKEN, port: 0, apiUrl: api.url },
      rateLimiter: createRateLimiter({ questions: 100, windowSeconds: 60 }),
      logger: createLogger({ level: 'silent' }),
    })

    await expect(starting).rejects.toThrow(/Slack rejected SLACK_APP_TOKEN \(apps.connections.open: invalid_auth\)/)
    await starting.catch((e: Error) => expect(e.message).not.toContain(APP_TOKEN))
  })
})
