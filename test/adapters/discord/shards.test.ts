import { spawn } from 'node:child_process'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadLibrary } from '../../../src/adapters/files.js'
import { speakerLabel } from '../../../src/core/format.js'
import { ALICE, startFakeDiscord, type FakeDiscord, type RecordedCall } from '../../fakes/discordFake.js'
import { displayed } from './markdown.js'
import { freePort } from '../../fakes/freePort.js'

/**
 * `DISCORD_SHARDS=auto npm start` for real: src/main.ts in a child process
 * becomes discord.js's ShardingManager, asks the fake Discord on 127.0.0.1 how
 * many shards to run (two), and spawns a process for each, which connect to
 * the fake's gateway with the real discord.js client. Everything is read back
 * from what the fake saw and from the JSON log lines on stderr.
 */

const ROOT = resolve(import.meta.dirname, '../../..')
const MAIN = join(ROOT, 'src/main.ts')
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
const DATA = join(ROOT, 'data')
const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfakeX.canary-bot-token-0123456789'

type LogRecord = Record<string, unknown> & { msg: string }

interface Manager {
  stderr: string
  readonly exited: Promise<number | null>
  records(): LogRecord[]
  /** Resolves with the first log record, from the manager or a shard, that matches. */
  logged(match: (record: LogRecord) => boolean, timeoutMs?: number): Promise<LogRecord>
  signal(signal: NodeJS.Signals): void
}

/** `npm start` in an empty folder with only these variables. */
function startManager(env: Record<string, string>): Manager {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    cwd: mkdtempSync(join(tmpdir(), 'verbatim-shards-')),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const waiters = new Set<() => void>()
  const manager: Manager = {
    stderr: '',
    exited: new Promise((resolveExit) => child.on('exit', (code) => resolveExit(code))),
    records: () =>
      manager.stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as LogRecord),
    logged(match, timeoutMs = 60_000) {
      return new Promise((resolveSeen, reject) => {
        const check = () => {
          const found = manager.records().find(match)
          if (!found) return
          clearTimeout(timer)
          waiters.delete(check)
          resolveSeen(found)
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no matching log line within ${timeoutMs} ms in:\n${manager.stderr}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
    signal: (signal) => void child.kill(signal),
  }
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    manager.stderr += chunk
    for (const check of [...waiters]) check()
  })
  return manager
}

const isEdit = (token: string) => (c: RecordedCall) => c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`)
const identifiedShards = (fake: FakeDiscord) => fake.gatewayLog.filter((frame) => frame.op === 2).map((frame) => (frame.d as { shard: [number, number] }).shard)
const shardOf = (record: LogRecord) => record['shard']

/** The core's source, which the index cache's key covers: another change in this shared tree rightly invalidates the cache. */
function coreSource(): string {
  const dir = join(ROOT, 'src/core')
  const hash = createHash('sha256')
  for (const name of readdirSync(dir).sort()) hash.update(`${name}\0`).update(readFileSync(join(dir, name)))
  return hash.digest('hex')
}

/** The fake Discord advising two shards, and `DISCORD_SHARDS=auto npm start` against it, once both shards have identified. */
async function startSharded(env: Record<string, string> = {}): Promise<{ fake: FakeDiscord; manager: Manager }> {
  // max_concurrency 16, as Discord gives large bots: shards may start 5.5 s / 16 apart.
  const fake = await startFakeDiscord({ recommendedShards: 2, maxConcurrency: 16 })
  const manager = startManager({
    DISCORD_TOKEN: TOKEN,
    DISCORD_APP_ID: fake.ids.app,
    DISCORD_API_URL: fake.apiUrl,
    DISCORD_SHARDS: 'auto',
    DATA_DIR: DATA,
    INDEX_CACHE_DIR: mkdtempSync(join(tmpdir(), 'verbatim-shards-cache-')),
    ...env,
  })
  await fake.waitForSessions('identified', 2, 80_000)
  return { fake, manager }
}

/** The process ids of every shard process the manager started (for one shard, or all), in order. */
const shardPids = (manager: Manager, shard?: number) =>
  manager
    .records()
    .filter((r) => /^Discord: shard \d+ process started$/.test(r.msg) && (shard === undefined || r['shard'] === shard))
    .map((r) => r['shardPid'] as number)

/** Whatever a test left running: the manager, its shard processes, then the fake (last: clients of a closed fake reconnect forever). */
async function cleanUp(run: { fake?: FakeDiscord; manager?: Manager }): Promise<void> {
  run.manager?.signal('SIGKILL')
  await run.manager?.exited
  // A shard process whose manager dies stops itself on the IPC disconnect; this is for one that could not.
  for (const pid of run.manager ? shardPids(run.manager) : []) {
    try {
      process.kill(pid, 'SIGKILL')
    } catch {
      // Already gone.
    }
  }
  await run.fake?.close()
}

// Starting Node with tsx three times over on a busy 2-core machine takes seconds apiece: roomy bounds, not measurements.
describe('DISCORD_SHARDS=auto: npm start as a ShardingManager of shard processes', { timeout: 90_000 }, () => {
  let fake: FakeDiscord
  let manager: Manager
  const question = 'How many people were killed?'
  let expected: Awaited<ReturnType<typeof loadLibrary>>['library']
  let coreAtStart = ''

  beforeAll(async () => {
    coreAtStart = coreSource()
    expected = (await loadLibrary(DATA)).library
    ;({ fake, manager } = await startSharded())
  }, 90_000)

  afterAll(async () => {
    await cleanUp({ fake, manager })
  })

  it('GIVEN Discord recommends 2 shards THEN the manager asks through DISCORD_API_URL and each shard identifies as [id, 2] from its own process', async () => {
    expect(fake.calls.some((c) => c.method === 'GET' && c.path === '/gateway/bot')).toBe(true)
    expect(identifiedShards(fake).sort()).toEqual([
      [0, 2],
      [1, 2],
    ])
    const started = manager.records().filter((r) => /^Discord: shard \d process started$/.test(r.msg))
    expect(started.map(shardOf).sort()).toEqual([0, 1])
    expect(new Set(started.map((r) => r['shardPid'])).size).toBe(2)
    const ready = await Promise.all([0, 1].map((id) => manager.logged((r) => r.msg === 'Discord: ready' && JSON.stringify(shardOf(r)) === `[${id}]`)))
    expect(ready.map((r) => r['pid'])).toEqual(started.sort((a, b) => Number(a['shard']) - Number(b['shard'])).map((r) => r['shardPid']))
  })

  it('GIVEN the manager built the index cache THEN each shard process restores it rather than indexing again', async (context) => {
    context.skip(coreSource() !== coreAtStart, 'src/core was edited while the processes started: the cache was rightly rebuilt')
    const warmed = manager.records().find((r) => r.msg === 'articles indexed for the shard processes')
    expect(warmed?.['indexCache']).toBe('miss')
    const loads = manager.records().filter((r) => r.msg === 'articles loaded')
    expect(loads.map((r) => [shardOf(r), r['indexCache']]).sort()).toEqual([
      [[0], 'hit'],
      [[1], 'hit'],
    ])
  })

  it('GIVEN /ask on each shard THEN the process holding that shard answers it with the quotes and their speakers', async () => {
    for (const shard of [0, 1]) {
      const { token } = await fake.interact('ask', { question }, ALICE, shard)
      const edit = await fake.waitForCall(isEdit(token), 20_000)
      const answer = expected.ask(question)
      expect(answer.answered).toBe(true)
      if (!answer.answered) continue
      const shown = displayed(edit.body.embeds.map((e: { description?: string }) => e.description ?? '').join('\n'))
      for (const quote of answer.quotes) {
        expect(shown).toContain(quote.text)
        expect(shown).toContain(`— ${speakerLabel(quote)} · ¶${quote.paragraph}`)
      }
    }
  })

  it('GIVEN shard 1 process crashes THEN it is logged, respawned, identifies as [1, 2] again and answers', async () => {
    const first = manager.records().find((r) => r.msg === 'Discord: shard 1 process started')
    process.kill(first!['shardPid'] as number, 'SIGKILL')
    const died = await manager.logged((r) => r.msg === 'Discord: shard 1 process died; respawning it')
    expect(died).toMatchObject({ level: 50, shard: 1, signal: 'SIGKILL' })
    await fake.waitForSessions('identified', 3, 60_000)
    expect(identifiedShards(fake).at(-1)).toEqual([1, 2])
    const restarted = manager.records().filter((r) => r.msg === 'Discord: shard 1 process started')
    expect(restarted).toHaveLength(2)
    expect(restarted[1]!['shardPid']).not.toBe(first!['shardPid'])
    const { token } = await fake.interact('ask', { question }, ALICE, 1)
    const edit = await fake.waitForCall(isEdit(token), 20_000)
    expect(edit.body.embeds.length).toBeGreaterThan(0)
  })

  it('GIVEN SIGTERM to the manager THEN every shard process stops cleanly (exit 0, gateway closed) and the manager exits 0', async () => {
    manager.signal('SIGTERM')
    expect(await manager.exited).toBe(0)
    const exits = manager.records().filter((r) => /^Discord: shard \d process exited$/.test(r.msg))
    expect(exits.map((r) => [shardOf(r), r['code']]).sort()).toEqual([
      [0, 0],
      [1, 0],
    ])
    expect(manager.records().filter((r) => r.msg === 'Discord: disconnected').map(shardOf).sort()).toEqual([[0], [1]])
    // Stopping is not dying: nothing is respawned.
    expect(manager.records().filter((r) => r.msg === 'Discord: shard 0 process started')).toHaveLength(1)
  })
})

/** A Slack Web API on 127.0.0.1 that knows the bot (auth.test, all Bolt needs to start in HTTP mode) and nothing else. */
async function startFakeSlackApi(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const known = req.url?.endsWith('/auth.test')
    const body = known ? { ok: true, team_id: 'T0TEAM', user_id: 'U0BOT', bot_id: 'B0BOT', url: 'https://verbatim-test.slack.com/' } : { ok: false, error: 'unknown_method' }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/api/`, close: () => new Promise((done) => server.close(() => done())) }
}

describe('DISCORD_SHARDS=auto with Slack configured too, stopped from a terminal', { timeout: 90_000 }, () => {
  let run: { fake: FakeDiscord; manager: Manager }
  let slackApi: Awaited<ReturnType<typeof startFakeSlackApi>>
  let slackPort = 0

  beforeAll(async () => {
    slackApi = await startFakeSlackApi()
    slackPort = await freePort()
    run = await startSharded({ SLACK_BOT_TOKEN: 'xoxb-1-2-shardtest', SLACK_SIGNING_SECRET: 'shard-test-signing-secret', SLACK_API_URL: slackApi.url, SLACK_PORT: String(slackPort) })
    await Promise.all([0, 1].map((id) => run.manager.logged((r) => r.msg === `Discord: shard ${id} ready`)))
  }, 90_000)

  afterAll(async () => {
    await cleanUp(run ?? {})
    await slackApi?.close()
  })

  it('GIVEN Slack settings as well THEN the manager serves Slack on SLACK_PORT and the shard processes run Discord only', async () => {
    await run.manager.logged((r) => r.msg === 'Verbatim is running; SIGINT or SIGTERM stops it' && r['role'] === 'shard manager')
    const starts = run.manager.records().filter((r) => r.msg.startsWith('starting '))
    expect(starts.map((r) => [r['role'], r['platforms']]).sort()).toEqual([
      ['shard manager', ['discord', 'slack']],
      ['shard', ['discord']],
      ['shard', ['discord']],
    ])
    // Someone answers at SLACK_PORT, and checks signatures: the manager, the one process that started Slack.
    const forged = await fetch(`http://127.0.0.1:${slackPort}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)), 'x-slack-signature': 'v0=forged' },
      body: '{}',
    })
    expect(forged.status).toBe(401)
  })

  it('GIVEN SIGINT to the manager and then to its shard processes (Ctrl-C, or systemd stopping the group) while an answer is in flight THEN it is delivered, each shard stops once, cleanly, and the manager exits 0', async () => {
    // Shard 1's answer is held at Discord for 1.5 s, so shard 1 is still stopping when the group's signal reaches it.
    run.fake.delayNext((c) => c.method === 'PATCH', 1_500)
    const { token } = await run.fake.interact('ask', { question: 'How many people were killed?' }, ALICE, 1)
    const edit = await run.fake.waitForCall(isEdit(token), 20_000)
    run.manager.signal('SIGINT')
    // The order that matters: the manager's stop request first, the signal after (signal first is one shutdown begun twice).
    await run.manager.logged((r) => r.msg.startsWith('shutting down (the shard manager asked)') && JSON.stringify(shardOf(r)) === '[1]')
    for (const pid of shardPids(run.manager)) {
      try {
        process.kill(pid, 'SIGINT')
      } catch {
        // Shard 0, with nothing in flight, may be gone already.
      }
    }
    expect(await run.manager.exited).toBe(0)
    expect(edit.answeredAt).not.toBeNull()
    const exits = run.manager.records().filter((r) => /^Discord: shard \d process exited$/.test(r.msg))
    expect(exits.map((r) => [shardOf(r), r['code']]).sort()).toEqual([
      [0, 0],
      [1, 0],
    ])
    expect(run.manager.records().some((r) => r.msg === "SIGINT while stopping at the shard manager's request: the same stop")).toBe(true)
    expect(run.manager.stderr).not.toContain('exiting now')
    expect(run.manager.records().some((r) => r.msg === 'slack stopped')).toBe(true)
  })
})

describe('DISCORD_SHARDS=auto with a token Discord rejects', { timeout: 60_000 }, () => {
  it('GIVEN /gateway/bot answers 401 THEN npm start exits 1 before spawning any shard process, and the token is not printed', async () => {
    const fake = await startFakeDiscord({ recommendedShards: 2 })
    fake.failNext((c) => c.path === '/gateway/bot', 401)
    const manager = startManager({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.ids.app, DISCORD_API_URL: fake.apiUrl, DISCORD_SHARDS: 'auto', DATA_DIR: DATA })
    try {
      expect(await manager.exited).toBe(1)
      expect(manager.records().some((r) => r.msg === 'could not start discord')).toBe(true)
      expect(shardPids(manager)).toEqual([])
      expect(fake.gatewayLog).toEqual([])
      for (const part of TOKEN.split('.')) expect(manager.stderr).not.toContain(part)
    } finally {
      await cleanUp({ fake, manager })
    }
  })
})

describe('DISCORD_SHARDS=auto with a shard that keeps dying', { timeout: 90_000 }, () => {
  it('GIVEN shard 1 dies 5 times within a minute THEN the manager stops respawning it, stops shard 0 cleanly and exits 1 for its supervisor', async () => {
    const run = await startSharded()
    try {
      await run.manager.logged((r) => r.msg === 'Discord: every shard process started')
      for (let n = 1; n <= 5; n++) {
        await run.manager.logged(() => shardPids(run.manager, 1).length >= n)
        process.kill(shardPids(run.manager, 1)[n - 1]!, 'SIGKILL')
      }
      expect(await run.manager.exited).toBe(1)
      const fatal = run.manager.records().find((r) => r['level'] === 60)
      expect(fatal).toMatchObject({ shard: 1, msg: expect.stringContaining('shard 1 died 5 times within 60 s') })
      expect(run.manager.records().filter((r) => r.msg === 'Discord: shard 1 process died; respawning it')).toHaveLength(5)
      const exits = run.manager.records().filter((r) => r.msg === 'Discord: shard 0 process exited')
      expect(exits.map((r) => r['code'])).toEqual([0])
      // The respawn discord.js had already begun is stopped too, within the deadline.
      expect(run.manager.stderr).not.toContain('shutdown deadline passed')
    } finally {
      await cleanUp(run)
    }
  })
})
