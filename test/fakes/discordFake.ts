import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

/**
 * A small Discord on 127.0.0.1 for the real discord.js client: REST under
 * `/api/v10` (node:http) and the gateway (ws) on the same port. It records
 * every REST call so tests can assert on exactly what the bot sent, and lets
 * tests dispatch interactions and messages, and drop the gateway connection.
 * A session is kept per shard (the `[id, count]` of IDENTIFY), each with its
 * own server, as Discord routes a server's events to one shard only.
 */

/** One REST request as the bot made it. */
export interface RecordedCall {
  readonly method: string
  /** Path after `/api/v10`, e.g. `/interactions/1/tok/callback`. */
  readonly path: string
  readonly query: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test code reads whatever the bot sent
  readonly body: any
  readonly headers: IncomingHttpHeaders
  /** When the fake answered it (performance.now()), or null while it is in flight. */
  answeredAt: number | null
}

/** A person in the fake: who asks. */
export interface FakeUser {
  readonly id: string
  readonly username: string
}

type Predicate = (call: RecordedCall) => boolean

export interface FakeDiscord {
  /** What `DISCORD_API_URL` is set to: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string
  readonly ids: { readonly app: string; readonly bot: string; readonly guild: string; readonly channel: string }
  readonly bot: FakeUser
  readonly calls: RecordedCall[]
  /** Gateway opcodes received, in order (2 = IDENTIFY, 6 = RESUME), with their payloads. */
  readonly gatewayLog: { op: number; d: unknown }[]
  /** Resolves with the first call, already made or still to come, that matches. */
  waitForCall(predicate: Predicate, timeoutMs?: number): Promise<RecordedCall>
  /** Resolves once the gateway has sent READY (`identified`) or RESUMED (`resumed`) this many times in all. */
  waitForSessions(kind: 'identified' | 'resumed', count: number, timeoutMs?: number): Promise<void>
  /** Dispatches a slash command (INTERACTION_CREATE) from shard `shard`'s server once that shard's session is live; returns the interaction's id and token. */
  interact(command: string, options?: Record<string, string>, user?: FakeUser, shard?: number): Promise<{ id: string; token: string }>
  /** Dispatches an autocomplete interaction: `typed` so far in option `option` of `command`. */
  typeAhead(command: string, option: string, typed: string, user?: FakeUser): Promise<{ id: string; token: string }>
  /** Dispatches MESSAGE_CREATE: in the server channel (`dm: false`) or a DM. */
  say(message: { content: string; mentionsBot?: boolean; mentionEveryone?: boolean; dm?: boolean; user?: FakeUser; bot?: boolean }): Promise<{ id: string; channel: string }>
  /** Closes a shard's live gateway connection (shard 0 unless told) with this close code, as Discord does. */
  closeGateway(code: number, shard?: number): void
  /** The next REST call that matches fails with this status. */
  failNext(predicate: Predicate, status: number): void
  /**
   * Takes Embed Links from the bot (or gives it back): as Discord does, a
   * channel message with embeds then fails with 403 Missing Permissions
   * (code 50013); content alone still goes through.
   */
  setEmbedLinks(allowed: boolean): void
  /** Takes Send Messages from the bot (or gives it back): every channel message then fails with 403 Missing Permissions. */
  setSendMessages(allowed: boolean): void
  /** The next REST call that matches is answered only after this many milliseconds (an answer in flight). */
  delayNext(predicate: Predicate, ms: number): void
  close(): Promise<void>
}

const GATEWAY = { dispatch: 0, heartbeat: 1, identify: 2, resume: 6, invalidSession: 9, hello: 10, heartbeatAck: 11 } as const

let nextSnowflake = 1_300_000_000_000_000_000n
/** A fresh, rising snowflake id. */
export function snowflake(): string {
  nextSnowflake += 1n
  return nextSnowflake.toString()
}

export const ALICE: FakeUser = { id: '2100000000000000001', username: 'alice' }

/** What `GET /gateway/bot` recommends: how many shards, and how many may identify at once (per 5 s). */
export interface FakeDiscordOptions {
  readonly recommendedShards?: number
  readonly maxConcurrency?: number
}

/** One gateway session: a shard's live connection, with its own sequence numbers. */
interface Session {
  readonly socket: WebSocket
  readonly sessionId: string
  readonly shard: readonly [number, number]
  seq: number
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const ids = { app: '1100000000000000001', bot: '1100000000000000001', guild: '1200000000000000001', channel: '1200000000000000002' }
  const bot: FakeUser = { id: ids.bot, username: 'Verbatim' }
  const calls: RecordedCall[] = []
  const gatewayLog: { op: number; d: unknown }[] = []
  const callWaiters = new Set<{ predicate: Predicate; resolve: (c: RecordedCall) => void }>()
  const failures: { predicate: Predicate; status: number }[] = []
  let embedLinks = true
  let sendMessages = true
  const delays: { predicate: Predicate; ms: number }[] = []
  const commandIds = new Map<string, string>()
  const sessionCounts = { identified: 0, resumed: 0 }
  const sessionWaiters = new Set<() => void>()
  /** Each shard's latest session, by shard id: live while its socket is open, resumable after. */
  const sessions = new Map<number, Session>()

  const http = createServer((req, res) => void handleRest(req, res))
  const wss = new WebSocketServer({ server: http })
  http.listen(0, '127.0.0.1')
  await once(http, 'listening')
  const port = (http.address() as AddressInfo).port
  const origin = `127.0.0.1:${port}`

  function userJson(user: FakeUser, isBot = false) {
    return { id: user.id, username: user.username, discriminator: '0', global_name: user.username, avatar: null, bot: isBot }
  }

  function messageJson(channelId: string, body: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return {
      id: snowflake(),
      channel_id: channelId,
      author: userJson(bot, true),
      content: body['content'] ?? '',
      embeds: body['embeds'] ?? [],
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      components: [],
      pinned: false,
      type: 0,
      flags: body['flags'] ?? 0,
      ...extra,
    }
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${origin}`)
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const text = Buffer.concat(chunks).toString('utf8')
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '')
    const call: RecordedCall = {
      method: req.method ?? 'GET',
      path,
      query: url.search,
      body: text && req.headers['content-type']?.includes('json') ? JSON.parse(text) : text,
      headers: req.headers,
      answeredAt: null,
    }
    calls.push(call)
    for (const waiter of callWaiters) if (waiter.predicate(call)) waiter.resolve(call)

    const send = (status: number, json?: unknown) => {
      call.answeredAt = performance.now()
      res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' })
      res.end(json === undefined ? undefined : JSON.stringify(json))
    }
    const delay = delays.findIndex((d) => d.predicate(call))
    if (delay >= 0) await new Promise((r) => setTimeout(r, delays.splice(delay, 1)[0]!.ms))
    const failure = failures.findIndex((f) => f.predicate(call))
    if (failure >= 0) {
      return send(failures.splice(failure, 1)[0]!.status, { message: 'Injected failure', code: 0 })
    }

    const m = (pattern: RegExp) => pattern.exec(`${call.method} ${path}`)
    let match: RegExpExecArray | null
    if (m(/^GET \/gateway\/bot$/)) {
      return send(200, {
        url: `ws://${origin}`,
        shards: options.recommendedShards ?? 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: options.maxConcurrency ?? 1 },
      })
    }
    if (m(/^POST \/interactions\/\d+\/[^/]+\/callback$/)) return send(204)
    if ((match = m(/^PATCH \/webhooks\/(\d+)\/[^/]+\/messages\/@original$/))) {
      return send(200, messageJson(ids.channel, call.body, { webhook_id: match[1], application_id: ids.app }))
    }
    if (m(/^DELETE \/webhooks\/\d+\/[^/]+\/messages\/@original$/)) return send(204)
    if ((match = m(/^POST \/webhooks\/(\d+)\/[^/]+$/))) {
      return send(200, messageJson(ids.channel, call.body, { webhook_id: match[1], application_id: ids.app }))
    }
    if ((match = m(/^POST \/channels\/(\d+)\/messages$/))) {
      const embeds = Array.isArray(call.body?.embeds) && call.body.embeds.length > 0
      if (!sendMessages || (!embedLinks && embeds)) return send(403, { message: 'Missing Permissions', code: 50013 })
      const reply = call.body?.message_reference ? { type: 19, message_reference: call.body.message_reference } : {}
      return send(200, messageJson(match[1]!, call.body, reply))
    }
    if ((match = m(/^PUT \/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      const registered = (call.body as { name: string }[]).map((command) => {
        const id = commandIds.get(command.name) ?? snowflake()
        commandIds.set(command.name, id)
        return { ...command, id, application_id: match![1], version: snowflake(), ...(match![2] ? { guild_id: match![2] } : {}) }
      })
      return send(200, registered)
    }
    return send(404, { message: `Unknown route ${call.method} ${path}`, code: 0 })
  }

  function sendFrame(socket: WebSocket, frame: unknown): void {
    socket.send(JSON.stringify(frame))
  }

  function dispatch(t: string, d: unknown, session: Session): void {
    session.seq += 1
    sendFrame(session.socket, { op: GATEWAY.dispatch, t, s: session.seq, d })
  }

  /** Shard `shard`'s one server: the fake's usual one on shard 0 of 1, else the first id Discord's rule `(id >> 22) % count` routes there. */
  function serverOn([shard, count]: readonly [number, number]): { guild: string; channel: string } {
    let guild = BigInt(ids.guild)
    while (Number((guild >> 22n) % BigInt(count)) !== shard) guild += 1n << 22n
    return guild === BigInt(ids.guild) ? { guild: ids.guild, channel: ids.channel } : { guild: guild.toString(), channel: (guild + 1n).toString() }
  }

  function sessionBegan(kind: 'identified' | 'resumed'): void {
    sessionCounts[kind] += 1
    for (const wake of sessionWaiters) wake()
  }

  function guildJson(server: { guild: string; channel: string }) {
    return {
      id: server.guild,
      name: 'Newsroom',
      icon: null,
      owner_id: ALICE.id,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [{ id: server.guild, name: '@everyone', permissions: '0', position: 0, color: 0, hoist: false, managed: false, mentionable: false, flags: 0 }],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_flags: 0,
      premium_tier: 0,
      preferred_locale: 'en-US',
      nsfw_level: 0,
      member_count: 2,
      large: false,
      unavailable: false,
      joined_at: new Date().toISOString(),
      channels: [{ id: server.channel, type: 0, name: 'news', position: 0, permission_overwrites: [], guild_id: server.guild }],
      threads: [],
      members: [],
      voice_states: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    }
  }

  wss.on('connection', (socket) => {
    sendFrame(socket, { op: GATEWAY.hello, d: { heartbeat_interval: 45_000 } })
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { op: number; d: Record<string, unknown> }
      gatewayLog.push({ op: frame.op, d: frame.d })
      if (frame.op === GATEWAY.heartbeat) return sendFrame(socket, { op: GATEWAY.heartbeatAck })
      if (frame.op === GATEWAY.identify) {
        const [id, count] = (frame.d['shard'] as [number, number] | undefined) ?? [0, 1]
        const session: Session = { socket, sessionId: `session-${snowflake()}`, shard: [id, count], seq: 0 }
        sessions.set(id, session)
        const server = serverOn(session.shard)
        dispatch(
          'READY',
          {
            v: 10,
            user: { ...userJson(bot, true), verified: true, flags: 0, mfa_enabled: false },
            guilds: [{ id: server.guild, unavailable: true }],
            session_id: session.sessionId,
            resume_gateway_url: `ws://${origin}`,
            shard: session.shard,
            application: { id: ids.app, flags: 0 },
          },
          session,
        )
        dispatch('GUILD_CREATE', guildJson(server), session)
        return sessionBegan('identified')
      }
      if (frame.op === GATEWAY.resume) {
        const previous = [...sessions.values()].find((s) => s.sessionId === frame.d['session_id'])
        if (!previous) return sendFrame(socket, { op: GATEWAY.invalidSession, d: false })
        const session: Session = { ...previous, socket }
        sessions.set(session.shard[0], session)
        dispatch('RESUMED', {}, session)
        return sessionBegan('resumed')
      }
    })
  })

  async function liveSession(shard: number): Promise<Session> {
    const deadline = Date.now() + 10_000
    for (;;) {
      const session = sessions.get(shard)
      if (session && session.socket.readyState === session.socket.OPEN) return session
      if (Date.now() > deadline) throw new Error(`fake Discord: no live gateway session on shard ${shard} within 10 s`)
      await new Promise((r) => setTimeout(r, 10))
    }
  }

  async function sendInteraction(type: 2 | 4, command: string, options: unknown[], user: FakeUser, shard = 0): Promise<{ id: string; token: string }> {
    const session = await liveSession(shard)
    const { guild, channel } = serverOn(session.shard)
    const id = snowflake()
    const token = `interaction-token-${id}`
    dispatch(
      'INTERACTION_CREATE',
      {
        id,
        application_id: ids.app,
        type,
        token,
        version: 1,
        guild_id: guild,
        channel_id: channel,
        channel: { id: channel, type: 0, name: 'news', guild_id: guild },
        guild: { id: guild, locale: 'en-US', features: [] },
        member: { user: userJson(user), roles: [], permissions: '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
        data: { id: commandIds.get(command) ?? snowflake(), name: command, type: 1, options },
        locale: 'en-US',
        guild_locale: 'en-US',
        app_permissions: '0',
        // Without these two discord.js drops the interaction silently.
        entitlements: [],
        authorizing_integration_owners: {},
        context: 0,
      },
      session,
    )
    return { id, token }
  }

  return {
    apiUrl: `http://${origin}/api`,
    ids,
    bot,
    calls,
    gatewayLog,

    waitForCall(predicate, timeoutMs = 10_000) {
      const found = calls.find(predicate)
      if (found) return Promise.resolve(found)
      return new Promise((resolve, reject) => {
        const waiter = {
          predicate,
          resolve: (call: RecordedCall) => {
            clearTimeout(timer)
            callWaiters.delete(waiter)
            resolve(call)
          },
        }
        const timer = setTimeout(() => {
          callWaiters.delete(waiter)
          reject(new Error(`fake Discord: no matching REST call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`))
        }, timeoutMs)
        callWaiters.add(waiter)
      })
    },

    waitForSessions(kind, count, timeoutMs = 15_000) {
      if (sessionCounts[kind] >= count) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const wake = () => {
          if (sessionCounts[kind] < count) return
          clearTimeout(timer)
          sessionWaiters.delete(wake)
          resolve()
        }
        const timer = setTimeout(() => {
          sessionWaiters.delete(wake)
          reject(new Error(`fake Discord: ${kind} ${sessionCounts[kind]} times, not ${count}, within ${timeoutMs} ms`))
        }, timeoutMs)
        sessionWaiters.add(wake)
      })
    },

    interact(command, options = {}, user = ALICE, shard = 0) {
      return sendInteraction(2, command, Object.entries(options).map(([name, value]) => ({ name, type: 3, value })), user, shard)
    },

    typeAhead(command, option, typed, user = ALICE) {
      return sendInteraction(4, command, [{ name: option, type: 3, value: typed, focused: true }], user)
    },

    async say({ content, mentionsBot = true, mentionEveryone = false, dm = false, user = ALICE, bot: fromBot = false }) {
      // Discord sends every DM on shard 0; server messages here come from shard 0's server.
      const session = await liveSession(0)
      const server = serverOn(session.shard)
      const id = snowflake()
      const channel = dm ? `3${user.id.slice(1)}` : server.channel
      dispatch(
        'MESSAGE_CREATE',
        {
          id,
          channel_id: channel,
          // Discord sends the channel's type; discord.js needs it to make a DM channel it has never seen.
          channel_type: dm ? 1 : 0,
          ...(dm ? {} : { guild_id: server.guild, member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 } }),
          author: userJson(user, fromBot),
          content,
          timestamp: new Date().toISOString(),
          edited_timestamp: null,
          tts: false,
          mention_everyone: mentionEveryone,
          mentions: mentionsBot ? [userJson(bot, true)] : [],
          mention_roles: [],
          attachments: [],
          embeds: [],
          components: [],
          pinned: false,
          type: 0,
          flags: 0,
        },
        session,
      )
      return { id, channel }
    },

    closeGateway(code, shard = 0) {
      sessions.get(shard)?.socket.close(code, 'closed by the fake')
    },

    failNext(predicate, status) {
      failures.push({ predicate, status })
    },

    setEmbedLinks(allowed) {
      embedLinks = allowed
    },

    setSendMessages(allowed) {
      sendMessages = allowed
    },

    delayNext(predicate, ms) {
      delays.push({ predicate, ms })
    },

    async close() {
      for (const socket of wss.clients) socket.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
