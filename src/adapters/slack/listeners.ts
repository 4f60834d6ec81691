import type { App } from '@slack/bolt'
import type { Library } from '../../core/library.js'
import { rateLimited } from '../../core/refusal.js'
import type { Logger } from '../../logger.js'
import type { RateLimiter } from '../rateLimit.js'
import type { EventDedupe } from './dedupe.js'
import { renderApology, renderArticles, renderRestarting, renderSlack, renderSources, type SlackMessage } from './render.js'
import { parseCommand, parseMention, type SlackRequest } from './request.js'

/** Whether new questions are taken, and the answers still being worked on. */
export interface Lifecycle {
  accepting(): boolean
  /** Runs `work`, counting it as in flight until it settles. */
  track<T>(work: () => Promise<T>): Promise<T>
}

export interface ListenerDeps {
  readonly library: Library
  readonly rateLimiter: RateLimiter
  readonly logger: Logger
  readonly lifecycle: Lifecycle
  readonly dedupe: EventDedupe
}

/**
 * Verbatim's Slack listeners: every slash command routed to this app, and
 * mentions. Listeners hold no logic of their own: parse, limit, ask the
 * library, render, send. One failing request is logged and apologised for;
 * it never reaches Bolt's own error handling.
 */
export function registerListeners(app: App, deps: ListenerDeps): void {
  const log = deps.logger.child({ component: 'slack' })

  app.command(/^\//, async ({ command, ack }) => {
    if (!deps.lifecycle.accepting()) return ack(renderRestarting())
    await deps.lifecycle.track(async () => {
      const where = { command: command.command, team: command.team_id, user: command.user_id }
      const message = await replySafely(parseCommand(command.command, command.text), `slack:${command.team_id}:${command.user_id}`, deps, log, where)
      await ack(message)
    })
  })

  app.event('app_mention', async ({ event, body, context, client }) => {
    const eventId = body.event_id ?? `${event.channel}:${event.ts}`
    if (!deps.dedupe.firstSighting(eventId)) {
      log.info({ eventId, retryNum: context.retryNum }, 'Skipped an event already answered')
      return
    }
    const user = event.user
    if (user === undefined || event.bot_id !== undefined) return
    if (!deps.lifecycle.accepting()) {
      log.warn({ eventId }, 'Dropped a mention that arrived while shutting down')
      return
    }
    await deps.lifecycle.track(async () => {
      const team = body.team_id ?? context.teamId ?? 'unknown'
      const where = { event: 'app_mention', eventId, team, user }
      const thread = { channel: event.channel, thread_ts: event.thread_ts ?? event.ts }
      const message = await replySafely(parseMention(event.text, context.botUserId), `slack:${team}:${user}`, deps, log, where)
      const post = (m: SlackMessage) =>
        m.response_type === 'in_channel'
          ? client.chat.postMessage({ ...thread, text: m.text, blocks: m.blocks, unfurl_links: false, unfurl_media: false })
          : client.chat.postEphemeral({ ...thread, user, text: m.text, blocks: m.blocks })
      try {
        await post(message)
      } catch (error) {
        log.error({ err: error, ...where }, 'Could not post an answer to Slack')
        await post(renderApology()).catch((again: unknown) => log.error({ err: again, ...where }, 'Could not post the apology either'))
      }
    })
  })

  // Anything that still escapes a listener (Bolt's own failures) is logged, never rethrown.
  app.error(async (error) => {
    log.error({ err: error }, 'Bolt reported an error')
  })
}

/** The reply to one request, or an apology if working it out failed. */
async function replySafely(
  request: SlackRequest,
  userKey: string,
  deps: ListenerDeps,
  log: Logger,
  where: Record<string, unknown>,
): Promise<SlackMessage> {
  try {
    const message = await reply(request, userKey, deps)
    log.debug({ ...where, request: request.kind, blocks: message.blocks.length }, 'Answered')
    return message
  } catch (error) {
    log.error({ err: error, ...where, request: request.kind }, 'Answering a Slack request failed')
    return renderApology()
  }
}

/** What Verbatim says to one request: the library's answer, or the rate limiter's notice. */
export async function reply(request: SlackRequest, userKey: string, deps: Pick<ListenerDeps, 'library' | 'rateLimiter'>): Promise<SlackMessage> {
  const decision = await deps.rateLimiter.take(userKey)
  if (!decision.allowed) return renderSlack(rateLimited(asked(request), decision.retryAfterSeconds))
  switch (request.kind) {
    case 'ask':
      return renderSlack(deps.library.ask(request.question))
    case 'quotes':
      return renderSlack(deps.library.quotesBy(request.speaker))
    case 'sources':
      return renderSources(deps.library.sources())
    case 'articles':
      return renderArticles(deps.library.list())
  }
}

function asked(request: SlackRequest): string {
  return request.kind === 'ask' ? request.question : request.kind === 'quotes' ? request.speaker : request.kind
}
