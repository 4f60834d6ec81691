import { spawn } from 'node:child_process'
import { createHmac } from 'node:crypto'
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, test } from 'vitest'
import { speakerLabel } from '../src/core/format.js'
import { createLibrary } from '../src/core/library.js'
import { displayed } from './adapters/discord/markdown.js'
import { startFakeDiscord, type FakeDiscord, type RecordedCall } from './fakes/discordFake.js'
import { freePort } from './fakes/freePort.js'

/**
 * `npm start` as a user runs it: the real entry point in a child process,
 * settings only through its environment and `.env`, Discord and Slack faked
 * (or unreachable) on 127.0.0.1. Every run plants canary secrets and checks
 * that none of them reaches stdout or stderr, whole, encoded or in part.
 */

const ROOT = resolve(import.meta.dirname, '..')
const MAIN = join(ROOT, 'src/main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const DATA = join(ROOT, 'data')

/** Valid-looking secrets that appear nowhere else, so that any eight characters of one in the output is a leak. */
const CANARY = {
  DISCORD_TOKEN: 'MTQ0MDAwY2FuYXJ5ZGlzYw.Gq7Kz2.cAnArY_d1sc0rd-T0ken7Vw3yB1nM5cX7fJ2',
  SLACK_BOT_TOKEN: 'xoxb-5150-6160-cAnArYsLaCkB0tT0kenQz',
  SLACK_SIGNING_SECRET: 'c4a7a2f95e13d0b8cafe5eedc0ffee42',
  SLACK_APP_TOKEN: 'xapp-1-A0CNRY77-9190-cAnArYaPpT0kEn4d3c2b1a',
} as const

/** Every way a canary could show up: whole, URL-encoded, base64, or any eight characters of it. */
function leaksIn(output: string): string[] {
  const found: string[] = []
  for (const [name, secret] of Object.entries(CANARY)) {
    const forms = [encodeURIComponent(secret), Buffer.from(secret).toString('base64').slice(0, 16)]
    for (let i = 0; i + 8 <= secret.length; i++) forms.push(secret.slice(i, i + 8))
    for (const form of forms) if (output.includes(form)) found.push(`${name}: ${form}`)
  }
  return found
}

interface Run {
  stdout: string
  stderr: string
  readonly exited: Promise<number | null>
  /** Resolves once stderr has a log line matching `pattern`. */
  logged(pattern: RegExp, timeoutMs?: number): Promise<void>
  /** Resolves once stdout matches `pattern`. */
  answered(pattern: RegExp, timeoutMs?: number): Promise<void>
  signal(signal: NodeJS.Signals): void
  write(text: string): void
  end(): void
  /** The JSON log lines written to stderr so far. */
  records(): Record<string, unknown>[]
}

const children: { kill(): void }[] = []
const servers: Server[] = []
const discords: FakeDiscord[] = []
afterEach(async () => {
  for (const child of children.splice(0)) child.kill()
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))))
  await Promise.all(discords.splice(0).map((d) => d.close()))
})

/** Starts `npm start` in an empty folder (so no stray .env is read) with only these variables. */
function start(env: Record<string, string>, options: { args?: string[]; cwd?: string; preload?: string } = {}): Run {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), 'verbatim-main-'))
  const args = ['--import', TSX, ...(options.preload ? ['--import', pathToFileURL(options.preload).href] : []), MAIN, ...(options.args ?? [])]
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: DATA, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  children.push({ kill: () => child.kill('SIGKILL') })
  const watchers: { stream: 'stdout' | 'stderr'; pattern: RegExp; resolve: () => void }[] = []
  const waitFor = (stream: 'stdout' | 'stderr', pattern: RegExp, timeoutMs = 15_000) => {
    if (pattern.test(run[stream])) return Promise.resolve()
    return new Promise<void>((resolveSeen, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${stream} matching ${pattern} in:\n${run[stream]}\n${run.stderr}`)), timeoutMs)
      watchers.push({ stream, pattern, resolve: () => (clearTimeout(timer), resolveSeen()) })
    })
  }
  const check = () => {
    for (const w of watchers.splice(0)) (w.pattern.test(run[w.stream]) ? w.resolve() : watchers.push(w))
  }
  const run: Run = {
    stdout: '',
    stderr: '',
    exited: new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code))),
    logged: (pattern, timeoutMs) => waitFor('stderr', pattern, timeoutMs),
    answered: (pattern, timeoutMs) => waitFor('stdout', pattern, timeoutMs),
    signal: (signal) => void child.kill(signal),
    write: (text) => void child.stdin.write(text),
    end: () => void child.stdin.end(),
    records: () =>
      run.stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  }
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    run.stdout += chunk
    check()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    run.stderr += chunk
    check()
  })
  return run
}

async function listen(handler: (req: IncomingMessage, body: string) => { status: number; json: unknown }): Promise<number> {
  const server = createServer((req, res) => {
    let body = ''
    req.setEncoding('utf8').on('data', (c: string) => (body += c))
    req.on('end', () => {
      const { status, json } = handler(req, body)
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json))
    })
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return (server.address() as AddressInfo).port
}

/** A Slack Web API that knows the bot (auth.test) and refuses to post (`invalid_auth`), recording who called. */
async function fakeSlackApi() {
  const calls: { method: string; authorization: string }[] = []
  const port = await listen((req, _body) => {
    const method = (req.url ?? '').replace(/^\/api\//, '')
    calls.push({ method, authorization: String(req.headers.authorization ?? '') })
    if (method === 'auth.test') {
      return { status: 200, json: { ok: true, url: 'https://verbatim-test.slack.com/', team: 'Test', user: 'verbatim', team_id: 'T0TEAM', user_id: 'U0BOT', bot_id: 'B0BOT' } }
    }
    return { status: 200, json: { ok: false, error: 'invalid_auth' } }
  })
  return { url: `http://127.0.0.1:${port}/api/`, calls }
}

function signed(secret: string, body: string, timestamp = Math.floor(Date.now() / 1000)) {
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`
  return { 'content-type': 'application/json', 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature }
}

/** Sends a signed `/ask` to a running Slack adapter, as Slack would, and returns the HTTP response's body. */
async function slashAsk(port: number, text: string): Promise<{ status: number; body: string }> {
  const form = new URLSearchParams({ command: '/ask', text, team_id: 'T0TEAM', user_id: 'U0ASKER', channel_id: 'C0CHAN', response_url: 'http://127.0.0.1:9/respond', trigger_id: '1' }).toString()
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { ...signed(CANARY.SLACK_SIGNING_SECRET, form), 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
  })
  return { status: response.status, body: await response.text() }
}

/** How a text appears inside Slack's JSON: escaped as Slack asks (& < > only), then JSON-encoded. */
const inSlackJson = (text: string) => JSON.stringify(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')).slice(1, -1)

const seed = createLibrary([{ id: '000_97c02de7d0eb7492.txt', text: readFileSync(join(DATA, '000_97c02de7d0eb7492.txt'), 'utf8') }])

// Each test starts Node with tsx: seconds apiece on a busy machine, so a roomy timeout (a bound, not a measurement).
describe('npm start', { timeout: 60_000 }, () => {
  test('GIVEN no platform settings and questions piped in THEN the REPL answers them verbatim on stdout, logs go to stderr, and it exits 0', async () => {
    const run = start({})
    const question = 'How many people were killed?'
    run.write(`${question}\n:sources\n`)
    run.end()
    expect(await run.exited).toBe(0)
    const answer = seed.ask(question)
    expect(answer.answered).toBe(true)
    if (answer.answered) for (const quote of answer.quotes) expect(run.stdout).toContain(quote.text)
    expect(run.stdout).not.toMatch(/"level":/)
    expect(run.records().map((r) => r.msg)).toContain('articles loaded')
  })

  test('GIVEN --repl with both platforms configured THEN only the REPL runs, nothing connects, and no secret is printed', async () => {
    const api = await fakeSlackApi()
    const run = start({ ...CANARY, SLACK_APP_TOKEN: '', DISCORD_APP_ID: '1440000000000000001', SLACK_API_URL: api.url, DISCORD_API_URL: 'http://127.0.0.1:9/api' }, { args: ['--repl'] })
    run.write('Who said it?\n')
    run.end()
    expect(await run.exited).toBe(0)
    expect(api.calls).toEqual([])
    expect(run.stderr).toContain('--repl given: Discord and Slack are not started')
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN --help THEN usage on stdout and exit 0; GIVEN an unknown option THEN usage on stderr and exit 2', async () => {
    const help = start({}, { args: ['--help'] })
    expect(await help.exited).toBe(0)
    expect(help.stdout).toMatch(/^Usage: npm start/)
    const wrong = start({}, { args: ['--discord'] })
    expect(await wrong.exited).toBe(2)
    expect(wrong.stderr).toMatch(/Unknown option "--discord"/)
  })

  test('GIVEN a bad .env THEN start-up stops with exit 1, names each wrong variable and why, and prints no value', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'verbatim-env-'))
    writeFileSync(
      join(cwd, '.env'),
      [
        `DISCORD_TOKEN=${CANARY.DISCORD_TOKEN}`,
        `SLACK_BOT_TOKEN=${CANARY.SLACK_BOT_TOKEN}`,
        `SLACK_APP_TOKEN=${CANARY.SLACK_BOT_TOKEN}`,
        `SLACK_SIGNING_SECRET="${CANARY.SLACK_SIGNING_SECRET} oops"`,
        'SLACK_PORT=70000',
        'LOG_LEVEL=chatty',
      ].join('\n'),
    )
    const run = start({}, { cwd })
    expect(await run.exited).toBe(1)
    expect(run.stdout).toBe('')
    const named = run.stderr.split('\n').filter((l) => l.startsWith('  - ')).map((l) => l.slice(4).split(' ')[0])
    expect(named.sort()).toEqual(['DISCORD_APP_ID', 'LOG_LEVEL', 'SLACK_APP_TOKEN', 'SLACK_PORT', 'SLACK_SIGNING_SECRET'])
    expect(run.stderr).toMatch(/SLACK_PORT must be a whole number from 1 to 65535/)
    expect(run.stderr).toMatch(/DISCORD_APP_ID is required when DISCORD_TOKEN is set/)
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN the environment overrides .env THEN the environment wins', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'verbatim-env-'))
    writeFileSync(join(cwd, '.env'), 'LOG_LEVEL=chatty\n')
    const run = start({ LOG_LEVEL: 'debug' }, { cwd })
    run.end()
    expect(await run.exited).toBe(0)
  })

  test('GIVEN Discord and Slack credentials pointing at nothing on 127.0.0.1 THEN start-up fails fast with exit 1, says which platform failed, and prints no secret', async () => {
    const closed = await freePort()
    const run = start({
      ...CANARY,
      SLACK_APP_TOKEN: '',
      DISCORD_APP_ID: '1440000000000000001',
      DISCORD_API_URL: `http://127.0.0.1:${closed}/api`,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      SLACK_PORT: String(await freePort()),
    })
    expect(await run.exited).toBe(1)
    const fatal = run.records().filter((r) => r.level === 60)
    expect(fatal.map((r) => r.platform).sort()).toEqual(['discord', 'slack'])
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN a Discord token the API rejects (401) THEN start-up fails with exit 1 and the token is nowhere in the output', async () => {
    const seen: string[] = []
    const port = await listen((req) => {
      seen.push(String(req.headers.authorization ?? ''))
      return { status: 401, json: { message: '401: Unauthorized', code: 0 } }
    })
    const run = start({ DISCORD_TOKEN: CANARY.DISCORD_TOKEN, DISCORD_APP_ID: '1440000000000000001', DISCORD_API_URL: `http://127.0.0.1:${port}/api` })
    expect(await run.exited).toBe(1)
    // The fake really was sent the token: the output had something to leak.
    expect(seen).toContain(`Bot ${CANARY.DISCORD_TOKEN}`)
    expect(run.records().find((r) => r.level === 60)).toMatchObject({ platform: 'discord' })
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN Slack in Socket Mode and no Slack to connect to THEN start-up fails with exit 1 and neither token is printed', async () => {
    const closed = await freePort()
    const run = start({ SLACK_BOT_TOKEN: CANARY.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: CANARY.SLACK_APP_TOKEN, SLACK_API_URL: `http://127.0.0.1:${closed}/api/` })
    expect(await run.exited).toBe(1)
    expect(run.records().find((r) => r.level === 60)).toMatchObject({ platform: 'slack' })
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN Slack running THEN a badly signed request is turned away, a failing answer is logged, SIGTERM stops it with exit 0, and no secret is printed', async () => {
    const api = await fakeSlackApi()
    const port = await freePort()
    const run = start({ SLACK_BOT_TOKEN: CANARY.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: CANARY.SLACK_SIGNING_SECRET, SLACK_API_URL: api.url, SLACK_PORT: String(port), LOG_LEVEL: 'debug' })
    await run.logged(/Verbatim is running/)
    const events = `http://127.0.0.1:${port}/slack/events`
    const mention = JSON.stringify({
      token: 'legacy',
      team_id: 'T0TEAM',
      api_app_id: 'A0APP',
      type: 'event_callback',
      event_id: 'Ev0CANARYTEST',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_mention', user: 'U0ASKER', text: '<@U0BOT> how many people were killed?', ts: '1733500000.000100', channel: 'C0CHAN', event_ts: '1733500000.000100' },
    })
    const forged = await fetch(events, { method: 'POST', headers: signed('not-the-secret', mention), body: mention })
    expect(forged.status).toBe(401)
    const real = await fetch(events, { method: 'POST', headers: signed(CANARY.SLACK_SIGNING_SECRET, mention), body: mention })
    expect(real.status).toBe(200)
    await run.logged(/Could not post the apology either/)
    // Slack was really sent the token, so the failure had it to hand.
    expect(api.calls.filter((c) => c.method === 'chat.postMessage').map((c) => c.authorization)).toContain(`Bearer ${CANARY.SLACK_BOT_TOKEN}`)
    run.signal('SIGTERM')
    expect(await run.exited).toBe(0)
    expect(run.records().map((r) => r.msg)).toEqual(expect.arrayContaining(['slack stopped', 'Could not post an answer to Slack']))
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN a bug that leaves a promise rejected and then throws, each error carrying the tokens THEN both are logged without them, the rejection is survived, the exception stops it with exit 1', async () => {
    const api = await fakeSlackApi()
    const preload = join(mkdtempSync(join(tmpdir(), 'verbatim-crash-')), 'crash.mjs')
    // On SIGUSR2 (sent once the REPL has answered) it misbehaves the way a careless SDK call would.
    writeFileSync(
      preload,
      `const token = process.env.SLACK_BOT_TOKEN, discord = process.env.DISCORD_TOKEN
      process.on('SIGUSR2', () => {
        Promise.reject(Object.assign(new Error('request to /api/chat.postMessage?token=' + encodeURIComponent(token) + ' failed'), { config: { headers: { Authorization: 'Bearer ' + token } } }))
        setTimeout(() => { throw Object.assign(new Error('gateway identify failed for Bot ' + discord + ' (' + token.slice(0, 12) + '…)'), { requestOptions: { token } }) }, 200)
      })`,
    )
    const run = start(
      { SLACK_BOT_TOKEN: CANARY.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: CANARY.SLACK_SIGNING_SECRET, SLACK_API_URL: api.url, SLACK_PORT: String(await freePort()), DISCORD_TOKEN: CANARY.DISCORD_TOKEN, DISCORD_APP_ID: '1440000000000000001', DISCORD_API_URL: 'http://127.0.0.1:9/api' },
      { preload, args: ['--repl'] },
    )
    run.write('How many people were killed?\n')
    await run.answered(/killed/)
    run.signal('SIGUSR2')
    expect(await run.exited).toBe(1)
    const records = run.records()
    const rejection = records.find((r) => r.level === 50 && String(r.msg).startsWith('unhandled promise rejection'))
    const crash = records.find((r) => r.level === 60 && String(r.msg).startsWith('uncaught exception'))
    expect(rejection).toMatchObject({ err: { message: expect.stringContaining('chat.postMessage') } })
    expect(crash).toMatchObject({ err: { message: expect.stringContaining('gateway identify failed') } })
    // Survived the rejection: the exception came later and still found the REPL running, which then stopped cleanly.
    expect(records.map((r) => r.msg)).toContain('repl stopped')
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN Discord and Slack both configured THEN one process answers on both, and SIGTERM lets a Discord answer in flight finish before exiting 0', async () => {
    const discord = await startFakeDiscord()
    discords.push(discord)
    const slackApi = await fakeSlackApi()
    const port = await freePort()
    const run = start({
      DISCORD_TOKEN: CANARY.DISCORD_TOKEN,
      DISCORD_APP_ID: discord.ids.app,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_BOT_TOKEN: CANARY.SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET: CANARY.SLACK_SIGNING_SECRET,
      SLACK_API_URL: slackApi.url,
      SLACK_PORT: String(port),
      SHUTDOWN_GRACE_MS: '8000',
    })
    await run.logged(/Verbatim is running/)
    const question = 'How many people were killed?'
    const answer = seed.ask(question)
    if (!answer.answered) throw new Error('the seed article answers this question')

    // Slack: a signed /ask is answered in the HTTP response, with every quote (escaped as Slack asks) and speaker.
    const slack = await slashAsk(port, question)
    expect(slack.status).toBe(200)
    for (const quote of answer.quotes) {
      expect(slack.body).toContain(inSlackJson(quote.text))
      expect(slack.body).toContain(inSlackJson(speakerLabel(quote)))
    }

    // Discord: /ask is deferred, and its answer held up by the fake while SIGTERM arrives.
    const isEdit = (token: string) => (c: RecordedCall) => c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`)
    const isCallback = (token: string) => (c: RecordedCall) => c.method === 'POST' && c.path.endsWith(`/${token}/callback`)
    let editToken = ''
    discord.delayNext((c) => editToken !== '' && isEdit(editToken)(c), 1_500)
    const { token } = await discord.interact('ask', { question })
    editToken = token
    await discord.waitForCall(isCallback(token))
    const editSent = discord.waitForCall(isEdit(token))
    await editSent
    const signalledAt = performance.now()
    run.signal('SIGTERM')
    expect(await run.exited).toBe(0)
    const edit = await editSent
    // The answer was delivered after SIGTERM arrived, and before the process exited.
    expect(edit.answeredAt).toBeGreaterThan(signalledAt)
    const shown = displayed(edit.body.embeds.map((e: { description?: string }) => e.description ?? '').join('\n'))
    for (const quote of answer.quotes) expect(shown).toContain(quote.text)
    const messages = run.records().map((r) => String(r.msg))
    expect(messages.indexOf('discord stopped')).toBeGreaterThan(messages.findIndex((m) => m.startsWith('shutting down (SIGTERM)')))
    expect(messages).toContain('slack stopped')
    expect(leaksIn(run.stdout + run.stderr)).toEqual([])
  })

  test('GIVEN Slack running WHEN an article is added to DATA_DIR THEN questions are answered from it without a restart', async () => {
    const data = mkdtempSync(join(tmpdir(), 'verbatim-data-'))
    const seedFile = '000_97c02de7d0eb7492.txt'
    const added = 'tunisia-bardo-wapo-2015.txt'
    copyFileSync(join(DATA, seedFile), join(data, seedFile))
    const api = await fakeSlackApi()
    const port = await freePort()
    const run = start({ DATA_DIR: data, SLACK_BOT_TOKEN: CANARY.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: CANARY.SLACK_SIGNING_SECRET, SLACK_API_URL: api.url, SLACK_PORT: String(port) })
    await run.logged(/Verbatim is running/)
    const question = 'Who attacked the Bardo museum?'
    const before = createLibrary([{ id: seedFile, text: readFileSync(join(data, seedFile), 'utf8') }]).ask(question)
    const after = createLibrary([
      { id: seedFile, text: readFileSync(join(data, seedFile), 'utf8') },
      { id: added, text: readFileSync(join(ROOT, 'test/fixtures/articles', added), 'utf8') },
    ]).ask(question)
    if (before.answered || !after.answered) throw new Error('the question must be answered by the added article only')

    expect((await slashAsk(port, question)).body).toContain(inSlackJson(before.note))
    copyFileSync(join(ROOT, 'test/fixtures/articles', added), join(data, added))
    await run.logged(/reloaded the articles/)
    const answer = await slashAsk(port, question)
    for (const quote of after.quotes) expect(answer.body).toContain(inSlackJson(quote.text))
    run.signal('SIGTERM')
    expect(await run.exited).toBe(0)
  })
})
