import { once } from 'node:events'
import type { ChildProcess } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { REST, Routes, ShardingManager, type RESTGetAPIGatewayBotResult, type Shard } from 'discord.js'
import type { Config } from '../../config.js'
import type { Logger } from '../../logger.js'
import { describeError } from './handlers.js'
import { STOP_SHARD } from './shardMessages.js'

/** What Discord advises for this bot: how many shards, and how many may identify at once in each 5 s. */
export interface GatewayAdvice {
  readonly shards: number
  readonly maxConcurrency: number
}

/**
 * Asks Discord (`GET /gateway/bot`) through the configured REST base, so a
 * proxy or a test double answers it too: discord.js's own
 * `fetchRecommendedShardCount` always goes to discord.com. A bad token fails
 * here, before any process is spawned.
 */
export async function fetchGatewayAdvice(config: { token: string; apiUrl: string }): Promise<GatewayAdvice> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token)
  const info = (await rest.get(Routes.gatewayBot())) as RESTGetAPIGatewayBotResult
  return { shards: info.shards, maxConcurrency: info.session_start_limit.max_concurrency }
}

/** discord.js's spacing between shard spawns; Discord allows `max_concurrency` IDENTIFYs in each 5 s. */
const IDENTIFY_WINDOW_MS = 5_500
/** How long a shard process may take to load the articles and connect before the next one starts anyway. */
const READY_TIMEOUT_MS = 120_000
/** A shard that dies this often is crash-looping: discord.js would respawn it at once, forever, burning CPU. */
const CRASH_LOOP = { deaths: 5, windowMs: 60_000 } as const

export interface ShardManagerDeps {
  readonly config: NonNullable<Config['discord']>
  /** How many shards in all: Discord's advice, or a fixed number. */
  readonly shards: 'auto' | number
  /** The script every shard process runs (src/main.ts), and the Node flags it needs (the TypeScript loader). */
  readonly script: string
  readonly execArgv: readonly string[]
  readonly logger: Logger
  /** Called once a shard is crash-looping: the manager should stop (exit 1), for its supervisor to restart it with a back-off. */
  readonly onCrashLoop: (reason: string) => void
}

/** A running manager: how many shards it runs, and how to stop them all. */
export interface RunningShards {
  readonly count: number
  /** Stops respawning, asks every shard process to stop and waits for each to exit; rejects if one exits unclean. */
  stop(): Promise<void>
}

/**
 * Runs the bot as one process per gateway shard under discord.js's
 * ShardingManager: each process is `script` with SHARDING_MANAGER, SHARDS and
 * SHARD_COUNT in its environment, and one that exits is respawned (and logged).
 * Shards start one after another, each once the one before is ready and at
 * least 5.5 s / max_concurrency later, so Discord's IDENTIFY limit holds across
 * processes. Resolves once shard 0 is ready (a start that cannot get one shard
 * up fails as a whole); the rest follow in the background.
 */
export async function startShardManager(deps: ShardManagerDeps): Promise<RunningShards> {
  const { config, logger } = deps
  const advice = await fetchGatewayAdvice(config)
  const count = deps.shards === 'auto' ? advice.shards : deps.shards
  const spacingMs = Math.ceil(IDENTIFY_WINDOW_MS / Math.max(1, advice.maxConcurrency))
  const ids = Array.from({ length: count }, (_, i) => i)
  const manager = new ShardingManager(deps.script, {
    totalShards: count,
    shardList: ids,
    mode: 'process',
    respawn: true,
    execArgv: [...deps.execArgv],
    token: config.token,
  })
  let stopping = false
  /** Shards whose current process has been ready, and so listens for the stop request (main.ts listens before it connects). */
  const listening = new Set<Shard>()
  logger.info({ shards: count, recommended: advice.shards, spacingMs }, `Discord: running ${count} shard processes`)

  const launch = async (id: number) => {
    const shard = manager.createShard(id)
    shard.on('spawn', () => listening.delete(shard)).on('ready', () => listening.add(shard))
    watch(shard, logger, () => stopping, deps.onCrashLoop)
    await Promise.all([shard.spawn(READY_TIMEOUT_MS), id < count - 1 ? sleep(spacingMs) : undefined])
  }
  const stop = async () => {
    stopping = true
    manager.respawn = false
    const unclean = (await Promise.all(manager.shards.map(async (shard) => ((await stopProcess(shard.process, listening.has(shard))) ? null : shard.id)))).filter((id) => id !== null)
    if (unclean.length > 0) throw new Error(`shard processes ${unclean.join(', ')} did not exit cleanly`)
  }

  try {
    await launch(0)
  } catch (error) {
    await stop().catch(() => {})
    throw new Error('Discord: shard 0 did not become ready', { cause: error })
  }
  void (async () => {
    for (const id of ids.slice(1)) {
      if (stopping) return
      // A shard that misses its ready wait is still running (or being respawned); the next one starts regardless.
      await launch(id).catch((error: unknown) => stopping || logger.warn({ err: describeError(error, []), shard: id }, 'Discord: shard not ready in time; starting the next'))
    }
    if (!stopping) logger.info({ shards: count }, 'Discord: every shard process started')
  })()
  return { count, stop }
}

/**
 * Logs a shard's life: its process starting, becoming ready, and exiting
 * (which, unless stopping, discord.js answers with a respawn), and gives up
 * on a shard that keeps dying.
 */
function watch(shard: Shard, logger: Logger, stopping: () => boolean, onCrashLoop: (reason: string) => void): void {
  let deaths: number[] = []
  shard.on('spawn', (child) => logger.info({ shard: shard.id, shardPid: (child as ChildProcess).pid }, `Discord: shard ${shard.id} process started`))
  shard.on('ready', () => logger.info({ shard: shard.id }, `Discord: shard ${shard.id} ready`))
  shard.on('death', (child) => {
    const { exitCode: code, signalCode: signal } = child as ChildProcess
    if (stopping()) return logger.info({ shard: shard.id, code, signal }, `Discord: shard ${shard.id} process exited`)
    logger.error({ shard: shard.id, code, signal }, `Discord: shard ${shard.id} process died; respawning it`)
    const now = Date.now()
    deaths = [...deaths.filter((at) => now - at < CRASH_LOOP.windowMs), now]
    if (deaths.length === CRASH_LOOP.deaths) {
      const reason = `shard ${shard.id} died ${CRASH_LOOP.deaths} times within ${CRASH_LOOP.windowMs / 1000} s`
      logger.fatal({ shard: shard.id }, `Discord: ${reason}; stopping every shard rather than respawning it again`)
      onCrashLoop(reason)
    }
  })
  // Emitted when a respawn fails; without a listener it would crash the manager.
  shard.on('error', (error) => logger.error({ err: describeError(error, []), shard: shard.id }, `Discord: shard ${shard.id} could not be respawned`))
}

/**
 * Asks a shard process to stop, then waits for its exit: true when it
 * stopped cleanly or was not running. One that `listens` is asked over IPC;
 * one still starting may not listen yet and has nothing in flight, so it gets
 * SIGTERM, and ending by that signal counts as clean.
 */
async function stopProcess(child: ChildProcess | null, listens: boolean): Promise<boolean> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return true
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>
  if (child.connected && listens) child.send(STOP_SHARD, (error) => error && child.kill('SIGTERM'))
  else child.kill('SIGTERM')
  const [code, signal] = await exited
  return code === 0 || (!listens && signal === 'SIGTERM')
}
