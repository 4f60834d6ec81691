import { readFileSync } from 'node:fs'
import { createLibrary, type Library } from '../../../src/core/library.js'
import { createLogger } from '../../../src/logger.js'
import { createRateLimiter, type RateLimiter } from '../../../src/adapters/rateLimit.js'
import { startSlack } from '../../../src/adapters/slack/index.js'
import { signedHeaders } from '../../fakes/slack/signing.js'
import { startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack/webApi.js'

/**
 * The real Bolt app, started by `startSlack` on an ephemeral 127.0.0.1 port
 * against the fake Web API, with counters on what the listeners reach (the
 * library and the rate limiter) and the log lines kept for reading.
 */

export const SIGNING_SECRET = 'canary-signing-secret-8f3a1c9e'
export const BOT_TOKEN = 'xoxb-canary-bot-token-5d2b7e41'

const SEED = readFileSync(new URL('../../fixtures/articles/000_97c02de7d0eb7492.txt', import.meta.url), 'utf8')

/** An article built to be hostile: mentions and a disguised link in its title and quotes. */
export const HOSTILE_ARTICLE_TEXT = [
  'Council vote <!channel> <https://evil.example|Reuters>',
  '',
  '"Everyone <!here> must see the flood barrier plan <@U0BOSS> & its costs," said Mayor Ada Crane.',
  '',
  'The barrier will cost 40 million, the council said.',
].join('\n')

export function testLibrary(): Library {
  return createLibrary([
    { id: 'seed', text: SEED },
    { id: 'hostile', text: HOSTILE_ARTICLE_TEXT },
  ])
}

export interface Harness {
  readonly api: FakeSlackApi
  readonly library: Library
  readonly url: string
  readonly logs: string[]
  /** How many times a listener reached the library or the rate limiter. */
  readonly reached: { count: number }
  stop(): Promise<void>
  /** POSTs a body signed with the app's signing secret (or as `sign` says). */
  post(body: string, contentType: string, extra?: { timestamp?: number; headers?: Record<string, string>; secret?: string }): Promise<Response>
}

export async function startHarness(
  options: { library?: Library; rateLimiter?: RateLimiter; validToken?: string } = {},
): Promise<Harness> {
  const api = await startFakeSlackApi({ validToken: options.validToken ?? BOT_TOKEN })
  const base = options.library ?? testLibrary()
  const reached = { count: 0 }
  const counted = <A extends unknown[], R>(f: (...args: A) => R) => (...args: A): R => {
    reached.count++
    return f(...args)
  }
  const library: Library = {
    articles: base.articles,
    ask: counted(base.ask),
    sources: counted(base.sources),
    quotesBy: counted(base.quotesBy),
    list: counted(base.list),
  }
  const limiter = options.rateLimiter ?? createRateLimiter({ questions: 1_000, windowSeconds: 60 })
  const rateLimiter: RateLimiter = { take: counted((key: string) => limiter.take(key)) }
  const logs: string[] = []
  const logger = createLogger({ level: 'debug', secrets: [BOT_TOKEN, SIGNING_SECRET], destination: { write: (line: string) => void logs.push(line) } })
  const slack = await startSlack({
    library,
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.url },
    rateLimiter,
    logger,
    host: '127.0.0.1',
  })
  const url = `http://127.0.0.1:${slack.port}/slack/events`
  return {
    api,
    library: base,
    url,
    logs,
    reached,
    async stop() {
      await slack.stop()
      await api.close()
    },
    post(body, contentType, extra = {}) {
      const headers = { ...signedHeaders(extra.secret ?? SIGNING_SECRET, body, contentType, extra.timestamp), ...extra.headers }
      return fetch(url, { method: 'POST', headers, body })
    },
  }
}

/** Resolves when a log line matching `pattern` has been written. */
export async function waitForLog(logs: readonly string[], pattern: RegExp, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const line = logs.find((l) => pattern.test(l))
    if (line !== undefined) return line
    if (Date.now() > deadline) throw new Error(`No log line matched ${pattern}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}
