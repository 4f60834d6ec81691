import { fc, test as propTest } from '@fast-check/vitest'
import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseDotenv } from 'dotenv'
import { parseConfig, SETTINGS, type ConfigResult } from '../src/config.js'

/** Values shaped like the real thing, each with a marker that no message could contain by chance. */
const DISCORD_TOKEN = 'MTQzOTk1Zq9dX2.GhQz7w.Zq9kP0tR8sVw3yB1nM5cX7fJ2hL4dA6'
const DISCORD_APP_ID = '1439951234567890123'
const SLACK_BOT_TOKEN = 'xoxb-7310Zq9-4412-uY5tR3eW1qA9sD7fG'
const SLACK_SIGNING_SECRET = 'Zq9e4b1f0c3a8d7e6f5a4b3c2d1e0f9a8'
const SLACK_APP_TOKEN = 'xapp-1-A07Zq9-8812-0c9b8a7f6e5d4c3b2a1'

function problems(result: ConfigResult): string {
  expect(result.ok).toBe(false)
  return result.ok ? '' : result.problems.join('\n')
}

/** No value of `env` appears in `text`, whole, URL-encoded, or by its first or last eight characters. */
function expectNoValueIn(text: string, env: Record<string, string>) {
  for (const value of Object.values(env)) {
    const forms = [value, encodeURIComponent(value), value.slice(0, 8), value.slice(-8)].filter((f) => f.length >= 4)
    for (const form of forms) expect(text, `a value leaked: ${form}`).not.toContain(form)
  }
  expect(text).not.toContain('Zq9')
}

describe('parseConfig', () => {
  test('GIVEN no variables THEN the defaults and no platform', () => {
    const result = parseConfig({})
    expect(result).toEqual({
      ok: true,
      config: {
        dataDir: 'data',
        indexCacheDir: '.cache',
        logLevel: 'info',
        rateLimit: { questions: 5, windowSeconds: 30 },
        shutdownGraceMs: 5000,
        secrets: [],
      },
    })
  })

  test('GIVEN every variable blank (a copied .env.example) THEN the defaults, as if unset', () => {
    const blank = Object.fromEntries(
      ['DATA_DIR', 'LOG_LEVEL', 'RATE_LIMIT_QUESTIONS', 'SLACK_PORT', 'DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_API_URL'].map((v) => [v, ' ']),
    )
    expect(parseConfig(blank)).toEqual(parseConfig({}))
  })

  test('GIVEN Discord and Slack HTTP settings THEN both platforms and every secret listed for scrubbing', () => {
    const result = parseConfig({
      DISCORD_TOKEN,
      DISCORD_APP_ID,
      DISCORD_GUILD_ID: '998877665544332211',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      DISCORD_SHARDS: 'auto',
      SLACK_BOT_TOKEN,
      SLACK_SIGNING_SECRET,
      SLACK_PORT: '8080',
      LOG_LEVEL: 'debug',
      DATA_DIR: 'articles',
      INDEX_CACHE_DIR: '/var/cache/verbatim',
      RATE_LIMIT_QUESTIONS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      SHUTDOWN_GRACE_MS: '0',
    })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.config.discord).toEqual({
      token: DISCORD_TOKEN,
      appId: DISCORD_APP_ID,
      guildId: '998877665544332211',
      apiUrl: 'http://127.0.0.1:9/api',
      sharding: { mode: 'manager', shards: 'auto' },
    })
    expect(result.config.slack).toEqual({
      botToken: SLACK_BOT_TOKEN,
      signingSecret: SLACK_SIGNING_SECRET,
      port: 8080,
      apiUrl: 'https://slack.com/api/',
    })
    expect(result.config).toMatchObject({ logLevel: 'debug', dataDir: 'articles', indexCacheDir: '/var/cache/verbatim', rateLimit: { questions: 3, windowSeconds: 60 }, shutdownGraceMs: 0 })
    expect([...result.config.secrets].sort()).toEqual([DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET].sort())
  })

  test('GIVEN a Slack bot token and an app token but no signing secret THEN Socket Mode settings', () => {
    const result = parseConfig({ SLACK_BOT_TOKEN, SLACK_APP_TOKEN, DISCORD_SHARDS: undefined })
    expect(result.ok && result.config.slack).toEqual({ botToken: SLACK_BOT_TOKEN, appToken: SLACK_APP_TOKEN, port: 3000, apiUrl: 'https://slack.com/api/' })
    expect(result.ok && result.config.discord).toBeUndefined()
  })

  test('GIVEN a number of shards THEN a process for each, under a manager', () => {
    const result = parseConfig({ DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_SHARDS: '4' })
    expect(result.ok && result.config.discord?.sharding).toEqual({ mode: 'manager', shards: 4 })
  })

  test('GIVEN shards and DISCORD_SHARD_PROCESSES=single THEN every shard in this one process', () => {
    const result = parseConfig({ DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_SHARDS: '4', DISCORD_SHARD_PROCESSES: 'single' })
    expect(result.ok && result.config.discord?.sharding).toEqual({ mode: 'one-process', shards: 4 })
  })

  test('GIVEN no DISCORD_SHARDS THEN no sharding: one shard in this process', () => {
    const result = parseConfig({ DISCORD_TOKEN, DISCORD_APP_ID })
    expect(result.ok && result.config.discord).not.toHaveProperty('sharding')
  })

  /** What a ShardingManager adds to the environment it passes on to a shard process (its own settings come along). */
  const spawnedBy = (shards: string, count: string) => ({ DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_SHARDS: 'auto', SHARDING_MANAGER: 'true', SHARDS: shards, SHARD_COUNT: count })

  test('GIVEN the variables a ShardingManager sets THEN this process is that shard, whatever DISCORD_SHARDS says', () => {
    const result = parseConfig({ ...spawnedBy('1', '2'), SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET })
    expect(result.ok && result.config.discord?.sharding).toEqual({ mode: 'shard', ids: [1], count: 2 })
    const listed = parseConfig(spawnedBy('[0,2]', '3'))
    expect(listed.ok && listed.config.discord?.sharding).toEqual({ mode: 'shard', ids: [0, 2], count: 3 })
  })

  test('GIVEN SHARDS or SHARD_COUNT without SHARDING_MANAGER THEN they are ignored (discord.js reads them only under a manager)', () => {
    const result = parseConfig({ DISCORD_TOKEN, DISCORD_APP_ID, SHARDS: 'Zq9', SHARD_COUNT: 'Zq9' })
    expect(result.ok && result.config.discord).not.toHaveProperty('sharding')
  })

  /** [what is wrong, the variables, the variable that must be named, words of the reason] */
  const failures: [string, Record<string, string>, string, RegExp][] = [
    ['a Discord token without an application id', { DISCORD_TOKEN }, 'DISCORD_APP_ID', /required when DISCORD_TOKEN is set/],
    ['a Discord application id without a token', { DISCORD_APP_ID }, 'DISCORD_TOKEN', /required when DISCORD_APP_ID/],
    ['a Discord server id without a token', { DISCORD_GUILD_ID: '998877665544332211' }, 'DISCORD_TOKEN', /required/],
    ['a Discord token pasted with "Bot "', { DISCORD_TOKEN: `Bot ${DISCORD_TOKEN}`, DISCORD_APP_ID }, 'DISCORD_TOKEN', /spaces or quotes/],
    ['the Discord client secret instead of the bot token', { DISCORD_TOKEN: 'Zq9aB3dE5fG7hJ9kL1mN3pQ5rS7tV9w', DISCORD_APP_ID }, 'DISCORD_TOKEN', /bot token.*not the client secret/],
    ['a quoted Discord token', { DISCORD_TOKEN: `'${DISCORD_TOKEN}'`, DISCORD_APP_ID }, 'DISCORD_TOKEN', /spaces or quotes/],
    ['a Discord application id that is not a number', { DISCORD_TOKEN, DISCORD_APP_ID: 'Zq9-my-bot' }, 'DISCORD_APP_ID', /numeric application id/],
    ['a Discord server id that is not a number', { DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_GUILD_ID: 'Zq9server' }, 'DISCORD_GUILD_ID', /numeric server id/],
    ['a Discord API URL that is not http(s)', { DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_API_URL: 'ftp://Zq9user:pass@host/' }, 'DISCORD_API_URL', /http\(s\) URL/],
    ['a shard count of zero', { DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_SHARDS: '0' }, 'DISCORD_SHARDS', /"auto" or a whole number/],
    ['an unknown way to run shards', { DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_SHARDS: '2', DISCORD_SHARD_PROCESSES: 'Zq9many' }, 'DISCORD_SHARD_PROCESSES', /one of per-shard, single/],
    ['shard processes without shards', { DISCORD_TOKEN, DISCORD_APP_ID, DISCORD_SHARD_PROCESSES: 'single' }, 'DISCORD_SHARDS', /required when DISCORD_SHARD_PROCESSES is set/],
    ['a spawned shard beyond the count', spawnedBy('2', '2'), 'SHARDS', /below SHARD_COUNT/],
    ['a spawned shard id that is a word', spawnedBy('Zq9one', '2'), 'SHARDS', /shard id or a JSON list/],
    ['a spawned shard count that is a word', spawnedBy('0', 'Zq9two'), 'SHARD_COUNT', /whole number of shards/],
    ['a spawned shard without its count', { ...spawnedBy('0', '1'), SHARD_COUNT: '' }, 'SHARD_COUNT', /required when SHARDING_MANAGER is set/],
    ['a spawned shard without a token', { ...spawnedBy('0', '1'), DISCORD_TOKEN: '' }, 'DISCORD_TOKEN', /required when SHARDING_MANAGER is set/],
    ['a Slack bot token without a signing secret or app token', { SLACK_BOT_TOKEN }, 'SLACK_SIGNING_SECRET', /required when SLACK_BOT_TOKEN is set.*SLACK_APP_TOKEN/],
    ['a Slack signing secret without a bot token', { SLACK_SIGNING_SECRET }, 'SLACK_BOT_TOKEN', /required when SLACK_SIGNING_SECRET/],
    ['a Slack app token without a bot token', { SLACK_APP_TOKEN }, 'SLACK_BOT_TOKEN', /required when .*SLACK_APP_TOKEN/],
    ['a Slack user token instead of a bot token', { SLACK_BOT_TOKEN: 'xoxp-Zq9-1234-5678', SLACK_SIGNING_SECRET }, 'SLACK_BOT_TOKEN', /starts with xoxb-/],
    ['a Slack bot token in the app token', { SLACK_BOT_TOKEN, SLACK_APP_TOKEN: SLACK_BOT_TOKEN }, 'SLACK_APP_TOKEN', /starts with xapp-/],
    ['a signing secret with a space in it', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: `${SLACK_SIGNING_SECRET} # prod` }, 'SLACK_SIGNING_SECRET', /spaces or quotes/],
    ['a port above 65535', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_PORT: '65536' }, 'SLACK_PORT', /whole number from 1 to 65535/],
    ['a port of 0', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_PORT: '0' }, 'SLACK_PORT', /from 1 to 65535/],
    ['a negative port', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_PORT: '-80' }, 'SLACK_PORT', /whole number/],
    ['a port in exponent notation', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_PORT: '3e3' }, 'SLACK_PORT', /whole number/],
    ['a port that is a word', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_PORT: 'Zq9http' }, 'SLACK_PORT', /whole number/],
    ['a Slack API URL without a scheme', { SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_API_URL: 'Zq9.example/api' }, 'SLACK_API_URL', /http\(s\) URL/],
    ['an unknown log level', { LOG_LEVEL: 'Zq9loud' }, 'LOG_LEVEL', /one of fatal, error, warn, info, debug, trace, silent/],
    ['a fractional rate limit', { RATE_LIMIT_QUESTIONS: '1.5' }, 'RATE_LIMIT_QUESTIONS', /whole number from 1 to 10000/],
    ['a rate limit of zero', { RATE_LIMIT_QUESTIONS: '0' }, 'RATE_LIMIT_QUESTIONS', /from 1/],
    ['a window of a year', { RATE_LIMIT_WINDOW_SECONDS: '31536000' }, 'RATE_LIMIT_WINDOW_SECONDS', /to 86400/],
    ['a shutdown grace of two minutes', { SHUTDOWN_GRACE_MS: '120000' }, 'SHUTDOWN_GRACE_MS', /from 0 to 60000/],
  ]

  test.each(failures)('GIVEN %s THEN it names the variable and why, and prints no value', (_, env, variable, why) => {
    const text = problems(parseConfig(env))
    const line = text.split('\n').find((l) => l.startsWith(`${variable} `))
    expect(line, text).toBeDefined()
    expect(line).toMatch(why)
    expectNoValueIn(text, env)
  })

  test('GIVEN several wrong variables at once THEN every one is reported, each once', () => {
    const env = { DISCORD_TOKEN, SLACK_BOT_TOKEN, SLACK_PORT: '99999', LOG_LEVEL: 'Zq9', RATE_LIMIT_QUESTIONS: 'many' }
    const result = parseConfig(env)
    const list = result.ok ? [] : result.problems
    expect(list.map((p) => p.split(' ')[0]).sort()).toEqual(
      ['DISCORD_APP_ID', 'LOG_LEVEL', 'RATE_LIMIT_QUESTIONS', 'SLACK_PORT', 'SLACK_SIGNING_SECRET'].sort(),
    )
    expectNoValueIn(list.join('\n'), env)
  })

  test('GIVEN variables the schema does not know THEN they are ignored', () => {
    expect(parseConfig({ PATH: '/usr/bin', HOME: '/root', npm_config_cache: 'x' }).ok).toBe(true)
  })

  const variables = [
    'DATA_DIR', 'INDEX_CACHE_DIR', 'LOG_LEVEL', 'RATE_LIMIT_QUESTIONS', 'RATE_LIMIT_WINDOW_SECONDS', 'SHUTDOWN_GRACE_MS',
    'DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_URL', 'DISCORD_SHARDS', 'DISCORD_SHARD_PROCESSES',
    'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'SLACK_PORT', 'SLACK_API_URL',
  ]
  propTest.prop(
    [fc.dictionary(fc.constantFrom(...variables), fc.string({ unit: 'binary', maxLength: 40 }).map((tail) => `Zq9${tail}`))],
    { seed: 6_006, numRuns: 300 },
  )('GIVEN arbitrary values for any variables THEN no problem ever contains any of them, nor any part that starts one', (env) => {
    const result = parseConfig(env)
    const text = result.ok ? '' : result.problems.join('\n')
    expect(text).not.toContain('Zq9')
    if (!result.ok) for (const p of result.problems) expect(variables).toContain(p.split(' ')[0])
  })

  describe('.env.example', () => {
    const text = readFileSync(join(import.meta.dirname, '../.env.example'), 'utf8')

    test('GIVEN .env.example THEN it lists every setting, each under a comment that explains it', () => {
      const lines = text.split('\n')
      const listed = lines.map((line) => /^([A-Z_]+)=/.exec(line)?.[1]).filter((name): name is string => name !== undefined)
      expect([...listed].sort()).toEqual([...SETTINGS].sort())
      for (const name of listed) {
        const above = lines[lines.findIndex((l) => l.startsWith(`${name}=`)) - 1] ?? ''
        expect(above, `${name} needs a comment line above it`).toMatch(/^# \S.{10,}/)
      }
    })

    test('GIVEN .env.example copied to .env unchanged THEN the settings are valid and no platform starts (the REPL opens)', () => {
      const result = parseConfig(parseDotenv(text))
      expect(result.ok).toBe(true)
      expect(result.ok && [result.config.discord, result.config.slack]).toEqual([undefined, undefined])
    })
  })
})
