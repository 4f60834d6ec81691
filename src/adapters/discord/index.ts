import { Client, Events, GatewayIntentBits, MessageFlags, Options, Partials, Status, type ClientOptions } from 'discord.js'
import type { Config } from '../../config.js'
import type { Library } from '../../core/library.js'
import type { Logger } from '../../logger.js'
import type { RateLimiter } from '../rateLimit.js'
import { answerInteraction, answerMention, describeError, isForBot, suggest } from './handlers.js'
import { noMentions, notice } from './render.js'

/** What the Discord adapter needs from the rest of the app. */
export interface DiscordDeps {
  library: Library
  config: NonNullable<Config['discord']>
  rateLimiter: RateLimiter
  logger: Logger
  /** discord.js options laid over Verbatim's (tests pass a quicker identify throttler). */
  clientOptions?: Partial<ClientOptions>
}

/** How long stop() waits for the gateway to settle, and then for the client to close. */
const SETTLE_MS = 5_000

/**
 * Logs in to Discord and answers `/ask`, `/quotes`, `/sources`, `/articles`,
 * mentions and DMs until stopped. Resolves once the bot is ready.
 * `stop()` takes no new questions, lets answers in flight finish, then
 * disconnects.
 */
export async function startDiscord(deps: DiscordDeps): Promise<{ stop(): Promise<void> }> {
  const { config, logger } = deps
  const client = new Client(clientOptions(config, deps.clientOptions))
  const inFlight = new Set<Promise<void>>()
  let accepting = true
  const track = (work: Promise<void>) => {
    inFlight.add(work)
    void work.finally(() => inFlight.delete(work))
  }

  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isAutocomplete()) {
      if (accepting) track(suggest(interaction, deps))
      return
    }
    if (!interaction.isChatInputCommand()) return
    if (!accepting) {
      const closing = { ...notice('Verbatim is restarting; ask again in a minute.'), flags: MessageFlags.Ephemeral } as const
      track(interaction.reply(closing).then(noop, (error: unknown) => logger.warn({ err: describeError(error, [interaction.token]) }, 'Discord: could not say we are restarting')))
      return
    }
    track(answerInteraction(interaction, deps))
  })
  client.on(Events.MessageCreate, (message) => {
    const botId = client.user?.id
    if (!accepting || !botId || !isForBot(message, botId)) return
    track(answerMention(message, botId, deps))
  })
  // An 'error' event with no listener would crash the process; these are the gateway's own troubles.
  client.on(Events.Error, (error) => logger.error({ err: describeError(error, []) }, 'Discord: client error'))
  client.on(Events.ShardError, (error, shard) => logger.warn({ err: describeError(error, []), shard }, 'Discord: gateway connection error'))
  client.on(Events.ShardReconnecting, (shard) => accepting && logger.info({ shard }, 'Discord: reconnecting to the gateway'))
  client.on(Events.ShardResume, (shard, replayed) => logger.info({ shard, replayed }, 'Discord: gateway session resumed'))
  client.on(Events.ShardDisconnect, (event, shard) => logger.error({ code: event.code, shard }, 'Discord: gateway closed for good'))

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()))
  await client.login(config.token)
  await ready
  logger.info({ bot: client.user?.tag, servers: client.guilds.cache.size }, 'Discord: ready')

  return {
    async stop() {
      accepting = false
      // Loop: a "we are restarting" notice sent meanwhile is in flight too.
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
      await destroy(client)
      logger.info('Discord: disconnected')
    },
  }
}

function clientOptions(config: DiscordDeps['config'], overrides: Partial<ClientOptions> = {}): ClientOptions {
  return {
    // Minimal intents. Message content is privileged and not needed: Discord sends it for DMs and for messages that mention the bot.
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    // DM channels are not cached; without this partial, DMs never reach messageCreate.
    partials: [Partials.Channel],
    allowedMentions: noMentions(),
    failIfNotExists: false,
    makeCache: Options.cacheWithLimits({ ...Options.DefaultMakeCacheSettings, MessageManager: 0, ReactionManager: 0 }),
    ...shardOptions(config.sharding),
    ...overrides,
    rest: { api: config.apiUrl, ...overrides.rest },
    ws: { ...overrides.ws },
  }
}

/** The shards this process's client opens: all of them, or those a ShardingManager gave this process. */
function shardOptions(sharding: DiscordDeps['config']['sharding']): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (sharding === undefined) return {}
  if (sharding.mode === 'shard') return { shards: [...sharding.ids], shardCount: sharding.count }
  if (sharding.shards === 'auto') return { shards: 'auto' }
  return { shards: Array.from({ length: sharding.shards }, (_, i) => i), shardCount: sharding.shards }
}

/**
 * Destroys the client, but only once every shard is ready or resumed:
 * @discordjs/ws never finishes destroying a shard caught between IDENTIFY and
 * READY. Each wait is bounded, so shutdown always ends.
 */
async function destroy(client: Client): Promise<void> {
  const settled = () => client.ws.shards.every((shard) => shard.status === Status.Ready)
  if (!settled()) {
    await new Promise<void>((resolve) => {
      const check = () => {
        if (!settled()) return
        done()
      }
      const done = () => {
        clearTimeout(timer)
        client.off(Events.ShardReady, check).off(Events.ShardResume, check)
        resolve()
      }
      const timer = setTimeout(done, SETTLE_MS)
      client.on(Events.ShardReady, check).on(Events.ShardResume, check)
    })
  }
  await Promise.race([client.destroy(), new Promise<void>((resolve) => setTimeout(resolve, SETTLE_MS).unref())])
}

function noop(): void {}
