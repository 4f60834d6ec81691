/**
 * `npm start`: the composition of Verbatim. Settings (once, from `.env` and
 * the environment) → logger → the articles in DATA_DIR → every configured
 * platform (Discord, Slack, or both in one process), or the REPL when none is
 * configured or `--repl` is given. Structured logs go to stderr; the REPL's
 * own output to stdout.
 *
 * With Discord shards in processes of their own (`DISCORD_SHARDS` set,
 * `DISCORD_SHARD_PROCESSES=per-shard`) this process is their manager: it
 * makes sure the index cache holds the articles, then spawns this same script
 * once per shard, and serves Slack itself if Slack is configured. A shard
 * process (spawned by the manager) runs Discord only, for its shards, and
 * restores the library from that cache.
 */
import { fileURLToPath } from 'node:url'
import { readConfig, type Config } from './config.js'
import { createRateLimiter, type RateLimiter } from './adapters/rateLimit.js'
import { createLoadCache, loadArticles } from './adapters/files.js'
import { isStopShard } from './adapters/discord/shardMessages.js'
import { readAheadCache } from './adapters/cacheReadAhead.js'
import { ensureCachedLibrary, openCachedLibrary } from './adapters/indexCache.js'
import { holdLibrary, watchLibrary, type LibraryHolder } from './adapters/watch.js'
import type { ArticleInput, Library } from './core/library.js'
import { createLogger, type Logger } from './logger.js'
import { createShutdown, installProcessHandlers, type ProcessLike, type Shutdown } from './shutdown.js'

const USAGE = `Usage: npm start [-- --repl]

Starts Verbatim on every platform configured in .env (Discord, Slack, or both);
with none configured, or with --repl, opens the REPL on the articles in DATA_DIR.
Every setting is listed, with a comment, in .env.example.`

/** What the command line asks for. */
type Mode = { repl: boolean } | { help: true } | { unknown: string }

function parseArgs(args: readonly string[]): Mode {
  let repl = false
  for (const arg of args) {
    if (arg === '--repl') repl = true
    else if (arg === '--help' || arg === '-h') return { help: true }
    else return { unknown: arg }
  }
  return { repl }
}

/**
 * A Library that answers from whatever the holder holds now, so that a hot
 * reload reaches every adapter without their knowing: each call reads the
 * current library once, and a question in flight finishes on the one it began with.
 */
function liveLibrary(holder: LibraryHolder): Library {
  return {
    get articles() {
      return holder.current.articles
    },
    ask: (question, options) => holder.current.ask(question, options),
    sources: () => holder.current.sources(),
    quotesBy: (speaker, options) => holder.current.quotesBy(speaker, options),
    list: () => holder.current.list(),
  }
}

/** A configured platform and how to start it; the SDK is imported only when it is. */
interface Platform {
  readonly name: 'discord' | 'slack'
  start(): Promise<{ stop(): Promise<void>; port?: number }>
}

/** Where this process stands among Discord's shard processes: on its own, their manager, or one of them. */
type Role = 'standalone' | 'shard manager' | 'shard'

function roleOf(config: Config): Role {
  const mode = config.discord?.sharding?.mode
  return mode === 'manager' ? 'shard manager' : mode === 'shard' ? 'shard' : 'standalone'
}

/** How much longer than SHUTDOWN_GRACE_MS a shard manager waits, for its shard processes to finish theirs and exit. */
const SHARD_EXIT_MARGIN_MS = 2_000

/** This script, which a shard manager spawns once per shard. */
const MAIN_SCRIPT = fileURLToPath(import.meta.url)

/**
 * Node flags for the shard processes: this process's own (a memory limit, the
 * TypeScript loader `npm start` runs under) but the inspector's, whose port
 * they would fight over; plus tsx where this script is TypeScript and no tsx
 * flag is there (an absolute URL, since `--import tsx` resolves from the cwd).
 */
function shardProcessFlags(): string[] {
  const flags = process.execArgv.filter((flag) => !flag.startsWith('--inspect'))
  const needsLoader = MAIN_SCRIPT.endsWith('.ts') && !flags.some((flag) => flag.includes('tsx'))
  return needsLoader ? [...flags, '--import', import.meta.resolve('tsx')] : flags
}

/**
 * The platforms this process runs. A shard manager runs Discord as shard
 * processes and, without a library of its own, nothing that answers; a shard
 * process runs Discord only: Slack there would bind SLACK_PORT once per shard
 * (or take Socket Mode events once per shard), so the manager serves Slack.
 */
function configuredPlatforms(
  config: Config,
  role: Role,
  deps: { library: Library | undefined; rateLimiter: RateLimiter; logger: Logger; giveUp: (reason: string) => void },
): Platform[] {
  const { library, giveUp, ...rest } = deps
  const platforms: Platform[] = []
  const discord = config.discord
  const sharding = discord?.sharding
  if (discord && sharding?.mode === 'manager') {
    const shards = sharding.shards
    platforms.push({
      name: 'discord',
      start: async () =>
        (await import('./adapters/discord/shards.js')).startShardManager({
          config: discord,
          shards,
          script: MAIN_SCRIPT,
          execArgv: shardProcessFlags(),
          logger: deps.logger,
          onCrashLoop: giveUp,
        }),
    })
  } else if (discord && library) {
    platforms.push({
      name: 'discord',
      start: async () => (await import('./adapters/discord/index.js')).startDiscord({ ...rest, library, config: discord }),
    })
  }
  const slack = config.slack
  if (slack && library && role !== 'shard') {
    platforms.push({
      name: 'slack',
      start: async () => (await import('./adapters/slack/index.js')).startSlack({ ...rest, library, config: slack }),
    })
  }
  return platforms
}

/**
 * The process as a shard's shutdown sees it. Ctrl-C or systemd signal the
 * whole group, so a shard gets the signal and its manager's stop request in
 * either order: one signal that comes after the request is that same stop,
 * not a second one (which would mean "exit now, unclean"). Later ones count.
 */
function shardSignals(asked: { byManager: boolean }, logger: Logger): ProcessLike {
  return {
    on(event: string, listener: (...args: unknown[]) => void) {
      if (event !== 'SIGINT' && event !== 'SIGTERM') return process.on(event, listener)
      return process.on(event, (signal: NodeJS.Signals) => {
        if (!asked.byManager) return listener(signal)
        asked.byManager = false
        logger.info({ signal }, `${signal} while stopping at the shard manager's request: the same stop`)
      })
    },
  } as ProcessLike
}

/** Starts every platform at once. If one cannot start, none runs: a half-started bot would look healthy while deaf on one side. */
async function startPlatforms(platforms: readonly Platform[], shutdown: Shutdown, logger: Logger): Promise<boolean> {
  const results = await Promise.allSettled(
    platforms.map(async (platform) => {
      const running = await platform.start()
      shutdown.add({ name: platform.name, stop: () => running.stop() })
      return running
    }),
  )
  results.forEach((result, i) => {
    if (result.status === 'rejected') logger.fatal({ err: result.reason, platform: platforms[i]!.name }, `could not start ${platforms[i]!.name}`)
  })
  return results.every((r) => r.status === 'fulfilled')
}

async function runRepl(holder: LibraryHolder, shutdown: Shutdown, logger: Logger): Promise<void> {
  const { startRepl } = await import('./adapters/repl.js')
  const abort = new AbortController()
  const ended = startRepl({ library: holder, input: process.stdin, output: process.stdout, signal: abort.signal, log: logger })
  shutdown.add({
    name: 'repl',
    stop: async () => {
      abort.abort()
      await ended
    },
  })
  await ended
}

async function main(args: readonly string[]): Promise<void> {
  const mode = parseArgs(args)
  if ('help' in mode) {
    process.stdout.write(`${USAGE}\n`)
    return
  }
  if ('unknown' in mode) {
    process.stderr.write(`Unknown option ${JSON.stringify(mode.unknown)}.\n\n${USAGE}\n`)
    process.exit(2)
  }

  const parsed = readConfig()
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  - ${p}`).join('\n')
    process.stderr.write(`Verbatim cannot start: fix these settings (in .env or the environment):\n${lines}\nEvery setting is described in .env.example.\n`)
    process.exit(1)
  }
  const config = parsed.config

  const platformsWanted = !mode.repl && (config.discord !== undefined || config.slack !== undefined)
  // The REPL's logs on a terminal share the screen with its answers: progress lines would only get in the way there.
  const quiet = !platformsWanted && Boolean(process.stderr.isTTY) && config.logLevel === 'info'
  const level = quiet ? 'warn' : config.logLevel
  const role = platformsWanted ? roleOf(config) : 'standalone'
  const sharding = config.discord?.sharding
  const baseLogger = createLogger({ level, secrets: config.secrets })
  // Shard processes write to their manager's stderr: each line says whose it is.
  const logger = sharding?.mode === 'shard' ? baseLogger.child({ shard: sharding.ids }) : baseLogger
  // A manager's deadline covers its shards' own (the same setting) and their exit.
  const graceMs = config.shutdownGraceMs + (role === 'shard manager' ? SHARD_EXIT_MARGIN_MS : 0)
  const shutdown = createShutdown({ logger, graceMs })
  const asked = { byManager: false }
  installProcessHandlers(role === 'shard' ? shardSignals(asked, logger) : process, shutdown, logger, (code) => process.exit(code))
  const stopWith = async (reason: string, code: 0 | 1 = 0) => process.exit(await shutdown.run(reason, code))
  if (role === 'shard') {
    process.on('message', (message) => {
      if (!isStopShard(message)) return
      asked.byManager = !shutdown.started
      void stopWith('the shard manager asked')
    })
    // Without its manager a shard would run on unsupervised, and the next manager would start that shard again.
    process.once('disconnect', () => void stopWith('the shard manager is gone'))
  }

  const loadStarted = performance.now()
  const cache = createLoadCache()
  // The cache file is read on another thread while this one reads the articles (a shard manager without Slack
  // restores nothing: its shard processes do).
  const readAhead = role === 'shard manager' && !config.slack ? null : readAheadCache(config.indexCacheDir)
  const { articles, problems } = await loadArticles(config.dataDir, { cache })
  for (const problem of problems) logger.warn({ file: problem.file, reason: problem.reason }, 'skipped an article file')
  if (articles.length === 0) {
    readAhead?.cancel()
    logger.fatal({ dataDir: config.dataDir }, `no articles to answer from in ${config.dataDir}: add .txt, .md or .html files, or set DATA_DIR`)
    return stopWith('no articles', 1)
  }

  let library: Library | undefined
  if (role === 'shard manager' && !config.slack) {
    const indexCache = await ensureCachedLibrary(articles, config.indexCacheDir).catch((error: unknown) => {
      logger.warn({ err: error, dir: config.indexCacheDir }, 'could not save the index cache; each shard process will index the articles itself')
      return 'unsaved' as const
    })
    const ms = Math.round(performance.now() - loadStarted)
    logger.info({ dataDir: config.dataDir, articles: articles.length, skipped: problems.length, indexCache, ms }, 'articles indexed for the shard processes')
  } else {
    const { library: loaded, cache: indexCache, writeError } = await openCachedLibrary(articles, { dir: config.indexCacheDir, readAhead })
    if (writeError) logger.warn({ err: writeError, dir: config.indexCacheDir }, 'could not save the index cache; the next start will index again')
    const ms = Math.round(performance.now() - loadStarted)
    logger.info({ dataDir: config.dataDir, articles: loaded.articles.length, skipped: problems.length, indexCache, ms }, 'articles loaded')

    const holder = holdLibrary(loaded)
    const watcher = watchLibrary(config.dataDir, (next) => (holder.current = next), { log: logger, cache, since: articles })
    shutdown.add({ name: 'article watcher', stop: async () => watcher.close() })
    if (!platformsWanted) {
      if (mode.repl && (config.discord || config.slack)) logger.info('--repl given: Discord and Slack are not started')
      await runRepl(holder, shutdown, logger)
      return stopWith('the REPL ended')
    }
    library = liveLibrary(holder)
  }

  const rateLimiter = createRateLimiter(config.rateLimit)
  const giveUp = (reason: string) => void stopWith(reason, 1)
  const platforms = configuredPlatforms(config, role, { library, rateLimiter, logger, giveUp })
  if (role === 'shard' && config.slack) logger.debug('Slack is served by the shard manager, not by shard processes')
  logger.info({ platforms: platforms.map((p) => p.name), role }, `starting ${platforms.map((p) => p.name).join(' and ')}`)
  if (!(await startPlatforms(platforms, shutdown, logger))) return stopWith('start-up failed', 1)
  if (!shutdown.started) logger.info({ platforms: platforms.map((p) => p.name), role }, 'Verbatim is running; SIGINT or SIGTERM stops it')
}

await main(process.argv.slice(2))
