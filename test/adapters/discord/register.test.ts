import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { COMMANDS } from '../../../src/adapters/discord/commands.js'
import { registerCommands, registerFromConfig } from '../../../src/adapters/discord/register.js'
import { parseConfig } from '../../../src/config.js'
import { startFakeDiscord, type FakeDiscord } from '../../fakes/discordFake.js'

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfakeX.canary-register-token-42'
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const SCRIPT = join(ROOT, 'src/adapters/discord/register.ts')
const TSX = join(ROOT, 'node_modules/.bin/tsx')

/** Runs `npm run discord:register`'s script with only these variables, from a folder with no `.env`. */
function runScript(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      TSX,
      [SCRIPT],
      { cwd: mkdtempSync(join(tmpdir(), 'verbatim-register-')), env: { PATH: process.env['PATH'] ?? '', ...env }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
  })
}

function captured() {
  const lines: string[] = []
  const errors: string[] = []
  return { lines, errors, log: (line: string) => void lines.push(line), error: (line: string) => void errors.push(line) }
}

describe('discord:register', () => {
  let fake: FakeDiscord
  beforeAll(async () => {
    fake = await startFakeDiscord()
  })
  afterAll(async () => {
    await fake?.close()
  })

  it('GIVEN a server id THEN the commands are PUT to that server, with the bot token', async () => {
    const result = await registerCommands({ token: TOKEN, appId: fake.ids.app, guildId: fake.ids.guild, apiUrl: fake.apiUrl })
    expect(result).toEqual({ scope: 'guild', names: ['ask', 'sources', 'quotes', 'articles'] })
    const put = await fake.waitForCall((c) => c.method === 'PUT' && c.path === `/applications/${fake.ids.app}/guilds/${fake.ids.guild}/commands`)
    expect(put.body).toEqual(COMMANDS)
    expect(put.headers.authorization).toBe(`Bot ${TOKEN}`)
  })

  it('GIVEN the commands THEN /ask takes a required question of at most 300 characters and /quotes a required speaker', () => {
    const byName = new Map(COMMANDS.map((c) => [c.name, c]))
    expect(byName.get('ask')?.options).toEqual([expect.objectContaining({ name: 'question', type: 3, required: true, max_length: 300 })])
    expect(byName.get('quotes')?.options).toEqual([expect.objectContaining({ name: 'speaker', type: 3, required: true })])
    expect(byName.get('sources')?.options ?? []).toEqual([])
    expect(byName.get('articles')?.options ?? []).toEqual([])
  })

  it('GIVEN no server id THEN the commands are PUT globally', async () => {
    const result = await registerCommands({ token: TOKEN, appId: fake.ids.app, apiUrl: fake.apiUrl })
    expect(result.scope).toBe('global')
    expect(fake.calls.some((c) => c.method === 'PUT' && c.path === `/applications/${fake.ids.app}/commands`)).toBe(true)
  })

  it.concurrent('GIVEN the script with DISCORD_GUILD_ID THEN it registers in that server, says so and exits 0', async () => {
    const before = fake.calls.length
    const run = await runScript({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.ids.app, DISCORD_GUILD_ID: fake.ids.guild, DISCORD_API_URL: fake.apiUrl })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Registered /ask, /sources, /quotes, /articles in server ${fake.ids.guild}`)
    expect(fake.calls.slice(before).map((c) => `${c.method} ${c.path}`)).toEqual([`PUT /applications/${fake.ids.app}/guilds/${fake.ids.guild}/commands`])
  })

  it.concurrent('GIVEN a bad configuration THEN the script names the problem, never the token, and exits 1', async () => {
    const run = await runScript({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: fake.apiUrl })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('DISCORD_APP_ID')
    expect(run.stderr + run.stdout).not.toContain(TOKEN)
  })

  it('GIVEN no Discord settings at all THEN it says which to set and fails', async () => {
    const out = captured()
    expect(await registerFromConfig(parseConfig({}), out)).toBe(1)
    expect(out.errors.join('\n')).toContain('DISCORD_TOKEN')
  })

  it('GIVEN Discord refuses (401) THEN it says so without the token and fails', async () => {
    fake.failNext((c) => c.method === 'PUT', 401)
    const out = captured()
    const code = await registerFromConfig(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.ids.app, DISCORD_API_URL: fake.apiUrl }), out)
    expect(code).toBe(1)
    expect(out.errors.join('\n')).toContain('Discord refused the commands')
    expect([...out.lines, ...out.errors].join('\n')).not.toContain(TOKEN)
  })

  it('GIVEN success without a server id THEN it says the commands went global', async () => {
    const out = captured()
    expect(await registerFromConfig(parseConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APP_ID: fake.ids.app, DISCORD_API_URL: fake.apiUrl }), out)).toBe(0)
    expect(out.lines.join('\n')).toContain('globally')
  })
})
