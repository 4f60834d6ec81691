import type { IncomingMessage, ServerResponse } from 'node:http'
import { HTTPReceiver, type Logger as BoltLogger } from '@slack/bolt'

/** Slack's window for a request's timestamp, both ways. Bolt checks only the past. */
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60

/**
 * Bolt's HTTPReceiver (signature check, `url_verification`, ack handling) with
 * two checks in front of it, made before Bolt reads a byte of the body:
 * - a request timestamped more than 5 minutes in the future gets 401 (Bolt
 *   rejects stale ones only; a future one could be replayed for longer);
 * - while shutting down, Events API deliveries get 503, so Slack delivers them
 *   again later (to the next instance) instead of losing them. Slash commands
 *   still reach Bolt, whose listener tells the person to ask again.
 */
export function createGuardedReceiver(options: {
  signingSecret: string
  logger: BoltLogger
  accepting: () => boolean
  now?: () => number
}): HTTPReceiver {
  const now = options.now ?? Date.now
  const receiver = new HTTPReceiver({ signingSecret: options.signingSecret, logger: options.logger })
  const bolt = receiver.requestListener
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    const status = turnedAway(req, now(), options.accepting())
    if (status === null) return bolt(req, res)
    if (status === 401) options.logger.warn('Turned away a request timestamped in the future')
    // Drain the body so the connection can be reused.
    req.resume()
    res.writeHead(status, status === 503 ? { 'retry-after': '30' } : {})
    res.end()
  }
  return receiver
}

/** The status to answer without Bolt, or null to hand the request to Bolt. */
export function turnedAway(req: Pick<IncomingMessage, 'headers'>, nowMs: number, accepting: boolean): 401 | 503 | null {
  const timestamp = Number(req.headers['x-slack-request-timestamp'])
  if (Number.isFinite(timestamp) && timestamp > nowMs / 1000 + TIMESTAMP_TOLERANCE_SECONDS) return 401
  if (!accepting && req.headers['content-type']?.startsWith('application/json')) return 503
  return null
}
