/**
 * `npm start`: the composition of Verbatim. Settings (once, from `.env` and
 * the environment) → logger → the articles in DATA_DIR → every configured
 * platform (Discord, Slack, or both in one process), or the REPL when none is
 * configured or `--repl` is given. Structured logs go to stderr; the REPL's
 * own output to stdout.
 */
import { readConfig, type Config } from './config.js'
import { createRateLimiter, type RateLimiter } from './adapters/rateLimit.js'
import { createLoadCache, loadArticles } from './adapters/files.js'
import { openCachedLibrary } from './adapters/indexCache.js'
import { holdLibrary, watchLibrary, type LibraryHolder } from './adapters/watch.js'
import type { Library } from './core/library.js'
import { createLogger, type Logger } from './logger.js'
import { createShutdown, installProcessHandlers, type Shutdown } from './shutdown.js'

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

function configuredPlatforms(config: Config, deps: { library: Library; rateLimiter: RateLimiter; logger: Logger }): Platform[] {
  const platforms: Platform[] = []
  const discord = config.discord
  if (discord) {
    platforms.push({
      name: 'discord',
      start: async () => (await import('./adapters/discord/index.js')).startDiscord({ ...deps, config: discord }),
    })
  }
  const slack = config.slack
  if (slack) {
    platforms.push({
      name: 'slack',
      start: async () => (await import('./adapters/slack/index.js')).startSlack({ ...deps, config: slack }),
    })
  }
  return platforms
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
  const logger = createLogger({ level, secrets: config.secrets })
  const shutdown = createShutdown({ logger, graceMs: config.shutdownGraceMs })
  installProcessHandlers(process, shutdown, logger, (code) => process.exit(code))
  const stopWith = async (reason: string, code: 0 | 1 = 0) => process.exit(await shutdown.run(reason, code))

  const loadStarted = performance.now()
  const cache = createLoadCache()
  const { articles, problems } = await loadArticles(config.dataDir, { cache })
  for (const problem of problems) logger.warn({ file: problem.file, reason: problem.reason }, 'skipped an article file')
  if (articles.length === 0) {
    logger.fatal({ dataDir: config.dataDir }, `no articles to answer from in ${config.dataDir}: add .txt, .md or .html files, or set DATA_DIR`)
    return stopWith('no articles', 1)
  }
  const { library, cache: indexCache, writeError } = await openCachedLibrary(articles, { dir: config.indexCacheDir })
  if (writeError) logger.warn({ err: writeError, dir: config.indexCacheDir }, 'could not save the index cache; the next start will index again')
  const ms = Math.round(performance.now() - loadStarted)
  logger.info({ dataDir: config.dataDir, articles: library.articles.length, skipped: problems.length, indexCache, ms }, 'articles loaded')

  const holder = holdLibrary(library)
  const watcher = watchLibrary(config.dataDir, (next) => (holder.current = next), { log: logger, cache, since: articles })
  shutdown.add({ name: 'article watcher', stop: async () => watcher.close() })

  if (!platformsWanted) {
    if (mode.repl && (config.discord || config.slack)) logger.info('--repl given: Discord and Slack are not started')
    await runRepl(holder, shutdown, logger)
    return stopWith('the REPL ended')
  }

  const rateLimiter = createRateLimiter(config.rateLimit)
  const platforms = configuredPlatforms(config, { library: liveLibrary(holder), rateLimiter, logger })
  logger.info({ platforms: platforms.map((p) => p.name) }, `starting ${platforms.map((p) => p.name).join(' and ')}`)
  if (!(await startPlatforms(platforms, shutdown, logger))) return stopWith('start-up failed', 1)
  if (!shutdown.started) logger.info({ platforms: platforms.map((p) => p.name) }, 'Verbatim is running; SIGINT or SIGTERM stops it')
}

await main(process.argv.slice(2))
