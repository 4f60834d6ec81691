import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A small fake of Slack's Web API on 127.0.0.1, for the real Bolt app to talk
 * to: it answers `auth.test` (and `apps.connections.open` for Socket Mode),
 * records every other call (`chat.postMessage`, `chat.postEphemeral`, and
 * `apps.connections.open` with the app token it was made with) with its
 * form body as Bolt's WebClient sent it, and can be told to fail a method.
 */

export const FAKE_BOT_USER_ID = 'UVERBATIM'
export const FAKE_TEAM_ID = 'T0FAKE'

/** One Web API call as the fake received it; `blocks` JSON-decoded from the form. */
export interface RecordedCall {
  readonly method: string
  readonly authorization: string | undefined
  readonly body: Record<string, unknown>
}

export interface FakeSlackApi {
  /** The base URL to give Bolt as `slackApiUrl` (ends with `/api/`). */
  readonly url: string
  readonly calls: RecordedCall[]
  /** The calls to one method, in order. */
  callsTo(method: string): RecordedCall[]
  /** The next call to `method` answers `{ ok: false, error }`. */
  failNext(method: string, error?: string): void
  /** Resolves with the first recorded call (past or future) that matches. */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>
  /** Where `apps.connections.open` sends Socket Mode clients. */
  socketUrl: string | undefined
  close(): Promise<void>
}

export async function startFakeSlackApi(options: { validToken?: string } = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = []
  const failures = new Map<string, string>()
  const waiters = new Set<{ match: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }>()

  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? ''
      const authorization = req.headers.authorization
      const body = parseBody(raw, req.headers['content-type'])
      const reply = (payload: Record<string, unknown>) => {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(JSON.stringify(payload))
      }
      const token = authorization?.replace(/^Bearer /, '') ?? (typeof body.token === 'string' ? body.token : undefined)
      if (options.validToken !== undefined && method !== 'apps.connections.open' && token !== options.validToken) {
        return reply({ ok: false, error: 'invalid_auth' })
      }
      if (method === 'auth.test') {
        return reply({ ok: true, url: 'https://fake.slack.test/', team: 'Fake', user: 'verbatim', team_id: FAKE_TEAM_ID, user_id: FAKE_BOT_USER_ID, bot_id: 'BVERBATIM' })
      }
      if (method === 'apps.connections.open') {
        calls.push({ method, authorization, body })
        // Without a Socket Mode server to send clients to, the app token is treated as revoked.
        return reply(fake.socketUrl ? { ok: true, url: fake.socketUrl } : { ok: false, error: 'invalid_auth' })
      }
      const call: RecordedCall = { method, authorization, body }
      calls.push(call)
      for (const waiter of waiters) {
        if (waiter.match(call)) {
          waiters.delete(waiter)
          waiter.resolve(call)
        }
      }
      const failure = failures.get(method)
      if (failure !== undefined) {
        failures.delete(method)
        return reply({ ok: false, error: failure })
      }
      reply({ ok: true, channel: body.channel, ts: `${Date.now() / 1000}`, message_ts: `${Date.now() / 1000}` })
    })
  })
  const port = await listen(server)

  const fake: FakeSlackApi = {
    url: `http://127.0.0.1:${port}/api/`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (method, error = 'internal_error') => void failures.set(method, error),
    waitForCall(match, timeoutMs = 5_000) {
      const found = calls.find(match)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const waiter = {
          match,
          resolve: (call: RecordedCall) => {
            clearTimeout(timer)
            resolve(call)
          },
        }
        const timer = setTimeout(() => {
          waiters.delete(waiter)
          reject(new Error(`No matching Web API call within ${timeoutMs} ms; calls: ${JSON.stringify(calls.map((c) => c.method))}`))
        }, timeoutMs)
        waiters.add(waiter)
      })
    },
    socketUrl: undefined,
    close: () => close(server),
  }
  return fake
}

/** A loopback listener standing in for a slash command's `response_url`. */
export interface ResponseUrlListener {
  readonly url: string
  readonly received: unknown[]
  close(): Promise<void>
}

export async function startResponseUrlListener(): Promise<ResponseUrlListener> {
  const received: unknown[] = []
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      received.push(JSON.parse(raw))
      res.writeHead(200)
      res.end('ok')
    })
  })
  const port = await listen(server)
  return { url: `http://127.0.0.1:${port}/commands/T0FAKE/1/response`, received, close: () => close(server) }
}

function parseBody(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.startsWith('application/json')) return JSON.parse(raw) as Record<string, unknown>
  const body: Record<string, unknown> = Object.fromEntries(new URLSearchParams(raw))
  for (const key of ['blocks', 'attachments']) {
    if (typeof body[key] === 'string') body[key] = JSON.parse(body[key])
  }
  return body
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

function close(server: Server): Promise<void> {
  server.closeAllConnections()
  return new Promise((resolve) => server.close(() => resolve()))
}
