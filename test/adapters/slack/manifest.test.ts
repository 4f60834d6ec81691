import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseCommand } from '../../../src/adapters/slack/request.js'

const manifest = readFileSync(new URL('../../../slack-manifest.yaml', import.meta.url), 'utf8')
/** The values of `- key: value` list items and `key: value` lines (no YAML parser is installed; the file is flat enough). */
const valuesOf = (key: string) => [...manifest.matchAll(new RegExp(`^\\s*(?:- )?${key}: (.+)$`, 'gm'))].map((m) => m[1]!.trim())
const listUnder = (key: string) => {
  const block = new RegExp(`^(\\s*)${key}:\\n((?:\\1\\s+- .+\\n)+)`, 'm').exec(manifest)
  return block ? [...block[2]!.matchAll(/- (.+)/g)].map((m) => m[1]!.trim()) : []
}

describe('slack-manifest.yaml', () => {
  it('GIVEN its slash commands THEN each reaches the request the adapter gives it', () => {
    const commands = valuesOf('command')

    expect(commands).toEqual(['/ask', '/sources', '/quotes', '/articles'])
    expect(commands.map((c) => parseCommand(c, 'Rajavi').kind)).toEqual(['ask', 'sources', 'quotes', 'articles'])
  })

  it('GIVEN its scopes and events THEN exactly what the adapter uses', () => {
    expect(listUnder('bot')).toEqual(['commands', 'chat:write', 'app_mentions:read'])
    expect(listUnder('bot_events')).toEqual(['app_mention'])
  })

  it("GIVEN its request URLs THEN all point at Bolt's /slack/events", () => {
    const urls = [...valuesOf('url'), ...valuesOf('request_url')]

    expect(urls).toHaveLength(5)
    for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/)
  })
})
