import { fc, test as propTest } from '@fast-check/vitest'
import { describe, expect, test } from 'vitest'
import { createLogger, createScrubber, scrub } from '../src/logger.js'

const DISCORD_TOKEN = 'MTQzOTk1NjQ0Mzc4OTEyMzQ1Ng.GhQz7w.kP0tR8sVw3yB1nM5cX7fJ2hL4dA6qWe'
const SLACK_BOT_TOKEN = 'xoxb-7310-4412-uY5tR3eW1qA9sD7fG'
const SIGNING_SECRET = '8e4b1f0c3a8d7e6f5a4b3c2d1e0f9a8b'
const SECRETS = [DISCORD_TOKEN, SLACK_BOT_TOKEN, SIGNING_SECRET]

/** A logger writing into an array of lines, as it would write to stderr. */
function capture(level = 'info') {
  const lines: string[] = []
  const logger = createLogger({ level, secrets: SECRETS, destination: { write: (line: string) => void lines.push(line) } })
  return { logger, lines, text: () => lines.join('') }
}

function expectNoSecretIn(text: string) {
  for (const secret of SECRETS) {
    for (let i = 0; i + 8 <= secret.length; i++) expect(text).not.toContain(secret.slice(i, i + 8))
    expect(text).not.toContain(encodeURIComponent(secret))
  }
}

describe('createLogger', () => {
  test('GIVEN a level THEN lines below it are not written and lines at it are JSON with the message', () => {
    const { logger, lines } = capture('warn')
    logger.info('quiet')
    logger.warn({ platform: 'slack' }, 'loud')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'loud', platform: 'slack', name: 'verbatim' })
  })

  test('GIVEN secrets in the usual fields THEN each is redacted', () => {
    const { logger, text } = capture()
    logger.info(
      {
        token: DISCORD_TOKEN,
        config: { botToken: SLACK_BOT_TOKEN, signingSecret: SIGNING_SECRET, appToken: 'xapp-1-A1-2-abc' },
        request: { headers: { authorization: `Bearer ${SLACK_BOT_TOKEN}`, 'x-slack-signature': 'v0=abcdef' } },
      },
      'starting',
    )
    const record = JSON.parse(text())
    expect(record.token).toBe('[redacted]')
    expect(record.config).toMatchObject({ botToken: '[redacted]', signingSecret: '[redacted]', appToken: '[redacted]' })
    expect(record.request.headers).toEqual({ authorization: '[redacted]', 'x-slack-signature': '[redacted]' })
    expectNoSecretIn(text())
  })

  test('GIVEN an SDK error that carries the token in its message, URL and request options THEN the line holds none of it', () => {
    const { logger, text } = capture()
    const error = Object.assign(new Error(`An API error occurred: invalid_auth for token ${SLACK_BOT_TOKEN}`), {
      code: 'slack_webapi_platform_error',
      url: `http://127.0.0.1:9/api/chat.postMessage?token=${encodeURIComponent(SLACK_BOT_TOKEN)}`,
      config: { headers: { Authorization: `Bearer ${SLACK_BOT_TOKEN}` }, data: `token=${SLACK_BOT_TOKEN}&channel=C1` },
      cause: new Error(`Bot ${DISCORD_TOKEN} rejected`),
    })
    logger.error({ err: error }, 'answering failed')
    const record = JSON.parse(text())
    expect(record.err.message).toContain('invalid_auth')
    expect(record.err.code).toBe('slack_webapi_platform_error')
    expect(record.err.config.headers).toBe('[redacted]')
    expectNoSecretIn(text())
  })

  test('GIVEN the first twelve characters of a token in a message THEN they are redacted too', () => {
    const { logger, text } = capture()
    logger.warn(`token looks like ${DISCORD_TOKEN.slice(0, 12)}… and ${SIGNING_SECRET.slice(-10)}`)
    expect(JSON.parse(text()).msg).toBe('token looks like [redacted]… and [redacted]')
  })
})

describe('createScrubber', () => {
  test('GIVEN Discord and Slack callback URLs THEN the per-interaction token is redacted and the ids kept', () => {
    const clean = createScrubber([])
    const interactionToken = 'aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmFiY2RlZmdoaWprbG1ub3A'
    expect(clean(`PATCH /api/v10/webhooks/1439951234567890123/${interactionToken}/messages/@original`)).toBe(
      'PATCH /api/v10/webhooks/1439951234567890123/[redacted]/messages/@original',
    )
    expect(clean(`POST /api/v10/interactions/1439951234567890124/${interactionToken}/callback`)).toBe(
      'POST /api/v10/interactions/1439951234567890124/[redacted]/callback',
    )
    expect(clean('respond to https://hooks.slack.com/commands/T0123/4567/AbCdEf0123 failed')).toBe(
      'respond to https://hooks.slack.com/commands/[redacted] failed',
    )
  })

  test('GIVEN tokens that are not configured THEN their shapes are still redacted', () => {
    const clean = createScrubber([])
    expect(clean('xoxp-1-2-3abc xoxa-2-zz xapp-1-A07-881-0c9b Authorization: Bearer abcdefgh12345')).toBe(
      '[redacted] [redacted] [redacted] Authorization: Bearer [redacted]',
    )
    expect(clean(`login with ${DISCORD_TOKEN}`)).toBe('login with [redacted]')
  })

  test('GIVEN ordinary log text THEN it is left alone', () => {
    const clean = createScrubber(SECRETS)
    const lines = [
      'Bot Verbatim#1234 ready in 3 servers',
      'slack listening on http://127.0.0.1:3000/slack/events',
      'answered "How many people were killed?" with 3 quotes in 2 ms',
      '{"level":30,"time":1733500000000,"pid":4242,"hostname":"box","msg":"stopped"}',
    ]
    for (const line of lines) expect(clean(line)).toBe(line)
  })

  test('GIVEN secrets shorter than the window THEN whole occurrences are still redacted', () => {
    expect(scrub('pin 4242 and 424', ['4242'])).toBe('pin [redacted] and 424')
  })

  propTest.prop(
    [
      fc.string({ unit: 'grapheme-ascii', minLength: 8, maxLength: 60 }),
      fc.string({ maxLength: 40 }),
      fc.string({ maxLength: 40 }),
      fc.nat(),
      fc.nat(),
    ],
    { seed: 6_007, numRuns: 300 },
  )('GIVEN any secret and any stretch of eight or more of it inside any text THEN no eight of its characters survive', (secret, before, after, a, b) => {
    const from = a % (secret.length - 7)
    const to = from + 8 + (b % (secret.length - from - 7))
    const out = createScrubber([secret])(before + secret.slice(from, to) + after)
    const windows = Array.from({ length: secret.length - 7 }, (_, i) => secret.slice(i, i + 8))
    for (const window of windows) expect(out).not.toContain(window)
  })
})
