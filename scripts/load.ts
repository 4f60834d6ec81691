/**
 * `npm run load`: drives the Slack HTTP endpoint on 127.0.0.1 with correctly
 * signed `/ask` requests and prints requests per second, p50/p99 latency,
 * non-2xx responses and errors. A benchmark, not a test.
 *
 * The app (the real Bolt app through `startSlack`, the six fixture articles,
 * a fake Slack Web API for `auth.test`) runs in a child process so that the
 * load generator (autocannon) does not share its event loop. Every request is
 * a slash command signed as Slack signs it; the questions are the golden set's,
 * each from its own user, and the rate limit is set high enough never to bite.
 *
 *   npm run load -- [--duration 10] [--connections 10] [--warmup 2] [--json] [--precomputed]
 *
 * `--precomputed` answers every golden question from answers worked out before
 * the run, so the figures are those of the Slack path alone (Bolt, signature
 * check, rate limiter, rendering), without the core's search.
 */
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { createRateLimiter } from '../src/adapters/rateLimit.js'
import { startSlack } from '../src/adapters/slack/index.js'
import { createLibrary, type Library } from '../src/core/library.js'
import { createLogger } from '../src/logger.js'
import { nowSeconds, signedHeaders, slashCommandBody } from '../test/fakes/slack/signing.js'
import { startFakeSlackApi } from '../test/fakes/slack/webApi.js'

const SIGNING_SECRET = 'load-test-signing-secret'
const BOT_TOKEN = 'xoxb-load-test-token'
const ARTICLES = new URL('../test/fixtures/articles/', import.meta.url)
const GOLDEN = new URL('../test/fixtures/golden.json', import.meta.url)
/** Slack's signatures are good for 5 minutes; the run must end inside them. */
const MAX_SECONDS = 240

const { values: args } = parseArgs({
  options: {
    serve: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    json: { type: 'boolean', default: false },
    precomputed: { type: 'boolean', default: false },
  },
})

if (args.serve) await serve()
else await drive()

/** The child: the Slack app on an ephemeral 127.0.0.1 port; prints `{"port": N}` once listening. */
async function serve(): Promise<void> {
  const inputs = readdirSync(ARTICLES)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ id: f, text: readFileSync(new URL(f, ARTICLES), 'utf8') }))
  const api = await startFakeSlackApi({ validToken: BOT_TOKEN })
  const indexed = createLibrary(inputs)
  const answers = new Map(args.precomputed ? goldenQuestions().map((q) => [q, indexed.ask(q)]) : [])
  const library: Library = {
    articles: indexed.articles,
    ask: (question, options) => answers.get(question) ?? indexed.ask(question, options),
    sources: () => indexed.sources(),
    quotesBy: (speaker, options) => indexed.quotesBy(speaker, options),
    list: () => indexed.list(),
  }
  const slack = await startSlack({
    library,
    config: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: api.url },
    rateLimiter: createRateLimiter({ questions: 1_000_000_000, windowSeconds: 1 }),
    logger: createLogger({ level: 'warn', secrets: [BOT_TOKEN, SIGNING_SECRET] }),
    host: '127.0.0.1',
  })
  process.stdout.write(`${JSON.stringify({ port: slack.port, articles: inputs.length })}\n`)
  const stop = () => void slack.stop().then(() => api.close()).then(() => process.exit(0))
  process.once('SIGTERM', stop)
  process.once('SIGINT', stop)
}

interface AutocannonRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: string
}
interface AutocannonResult {
  requests: { average: number; total: number }
  latency: { p50: number; p99: number; average: number; max: number }
  non2xx: number
  errors: number
  timeouts: number
  duration: number
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>

/** The parent: starts the child, loads it with autocannon, prints the figures. */
async function drive(): Promise<void> {
  const duration = Math.min(Number(args.duration), MAX_SECONDS)
  const connections = Number(args.connections)
  const serveArgs = ['--serve', ...(args.precomputed ? ['--precomputed'] : [])]
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...serveArgs], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  process.once('exit', () => child.kill('SIGTERM'))
  const { port, articles } = await firstLine<{ port: number; articles: number }>(child.stdout)
  const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon

  const questions = goldenQuestions()
  const timestamp = nowSeconds()
  const requests: AutocannonRequest[] = questions.map((question, i) => {
    const body = slashCommandBody({ command: '/ask', text: question, user_id: `ULOAD${i}` })
    return { method: 'POST', path: '/slack/events', headers: signedHeaders(SIGNING_SECRET, body, 'application/x-www-form-urlencoded', timestamp), body }
  })
  const url = `http://127.0.0.1:${port}`

  // Once through, outside the timed run: every question must be answered or refused, never apologised for.
  const outcomes = { answered: 0, refused: 0, failed: 0 }
  for (const request of requests) {
    const response = await fetch(`${url}${request.path}`, { method: request.method, headers: request.headers, body: request.body })
    const reply = (await response.json().catch(() => ({}))) as { response_type?: string; text?: string }
    if (response.status !== 200 || reply.text?.startsWith('Sorry')) outcomes.failed++
    else if (reply.response_type === 'in_channel') outcomes.answered++
    else outcomes.refused++
  }

  if (Number(args.warmup) > 0) await autocannon({ url, connections, duration: Number(args.warmup), requests })
  const result = await autocannon({ url, connections, duration, requests })
  child.kill('SIGTERM')

  const figures = {
    requestsPerSecond: Math.round(result.requests.average),
    total: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    ...outcomes,
    seconds: result.duration,
    connections,
    articles,
    questions: questions.length,
    precomputed: args.precomputed,
  }
  // A benchmark, not a test; but a run with failures says so in its exit code.
  if (figures.errors + figures.non2xx + outcomes.failed > 0) process.exitCode = 1
  if (args.json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`)
    return
  }
  process.stdout.write(
    [
      `Slack /ask over HTTP on 127.0.0.1: ${connections} connections, ${figures.seconds} s, ${articles} articles, ${questions.length} signed questions${args.precomputed ? ' (answers precomputed: the Slack path alone)' : ''}`,
      `requests/s  ${figures.requestsPerSecond}  (${figures.total} in all)`,
      `latency     p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms`,
      `non-2xx     ${figures.non2xx}`,
      `errors      ${figures.errors} (timeouts ${figures.timeouts})`,
      `checked     each question once before the run: ${outcomes.answered} answered in channel, ${outcomes.refused} refused, ${outcomes.failed} failed`,
      '',
    ].join('\n'),
  )
}

function goldenQuestions(): string[] {
  return (JSON.parse(readFileSync(GOLDEN, 'utf8')) as { question: string }[]).map((g) => g.question)
}

function firstLine<T>(stream: NodeJS.ReadableStream): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffered = ''
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const newline = buffered.indexOf('\n')
      if (newline >= 0) resolve(JSON.parse(buffered.slice(0, newline)) as T)
    })
    stream.on('end', () => reject(new Error('The Slack app exited before it listened')))
  })
}
