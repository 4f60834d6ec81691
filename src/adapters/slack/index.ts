import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Config } from '../../config.js'
import type { Library } from '../../core/library.js'
import type { Logger } from '../../logger.js'
import type { RateLimiter } from '../rateLimit.js'
import { createSlackApp, slackMode } from './app.js'
import { createEventDedupe } from './dedupe.js'
import { createLifecycle } from './lifecycle.js'
import { registerListeners } from './listeners.js'

export { renderSlack } from './render.js'

/** How long idle keep-alive connections may hold up shutdown after the answers in flight are done. */
const CLOSE_CONNECTIONS_AFTER_MS = 1_000

/**
 * Starts Verbatim in Slack: `/ask` (and `/sources`, `/quotes`, `/articles`)
 * and mentions, over HTTP (`SLACK_SIGNING_SECRET`, events at `/slack/events`
 * on `port`) or Socket Mode (`SLACK_APP_TOKEN`). Resolves once Slack accepted
 * the bot token and the app listens; `port` is the bound port in HTTP mode.
 * `stop()` stops taking new questions, lets the answers in flight finish, then
 * stops the app.
 */
export async function startSlack(deps: {
  library: Library
  config: NonNullable<Config['slack']>
  rateLimiter: RateLimiter
  logger: Logger
  host?: string
}): Promise<{ stop(): Promise<void>; port?: number }> {
  const { config, logger } = deps
  const lifecycle = createLifecycle()
  const mode = slackMode(config)
  const app = createSlackApp(config, { logger, accepting: lifecycle.accepting })
  registerListeners(app, { ...deps, lifecycle, dedupe: createEventDedupe() })

  await app.init().catch((error: unknown) => {
    throw rejectedByOrUnreachable(error, 'SLACK_BOT_TOKEN', 'auth.test')
  })

  let server: Server | undefined
  let port: number | undefined
  if (mode === 'socket') {
    await app.start().catch((error: unknown) => {
      throw rejectedByOrUnreachable(error, 'SLACK_APP_TOKEN', 'apps.connections.open')
    })
  } else {
    server = await app.start({ port: config.port, ...(deps.host !== undefined ? { host: deps.host } : {}) }).catch((error: unknown) => {
      throw new Error(`Slack could not listen on SLACK_PORT ${config.port} (${slackErrorCode(error)})`, { cause: error })
    })
    port = (server.address() as AddressInfo).port
  }
  logger.info({ component: 'slack', mode, ...(port !== undefined ? { port } : {}) }, 'Slack is listening')

  let stopping: Promise<void> | undefined
  const stop = () => {
    stopping ??= (async () => {
      lifecycle.close()
      await lifecycle.drain()
      const closing = app.stop()
      // Keep-alive connections would hold server.close() open; the answers on them are done.
      server?.closeIdleConnections()
      const cut = setTimeout(() => server?.closeAllConnections(), CLOSE_CONNECTIONS_AFTER_MS)
      try {
        await closing
      } finally {
        clearTimeout(cut)
      }
      logger.info({ component: 'slack' }, 'Slack stopped')
    })()
    return stopping
  }
  return port !== undefined ? { stop, port } : { stop }
}

/** A start-up failure that names the variable to look at, never its value. */
function rejectedByOrUnreachable(error: unknown, variable: string, method: string): Error {
  const code = slackErrorCode(error)
  const rejected = typeof (error as { data?: { error?: unknown } } | null)?.data?.error === 'string'
  const message = rejected
    ? `Slack rejected ${variable} (${method}: ${code})`
    : `Could not reach Slack's Web API at SLACK_API_URL to check ${variable} (${method}: ${code})`
  return new Error(message, { cause: error })
}

/** Slack's error code (`invalid_auth`), the client's (`slack_webapi_request_error`) or the system's (`EADDRINUSE`). */
function slackErrorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return 'unknown error'
  const e = error as { data?: { error?: unknown }; code?: unknown }
  if (typeof e.data?.error === 'string') return e.data.error
  return typeof e.code === 'string' ? e.code : 'unknown error'
}
