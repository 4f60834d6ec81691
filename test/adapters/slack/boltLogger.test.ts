import { LogLevel } from '@slack/bolt'
import { describe, expect, it } from 'vitest'
import { boltLevel, boltLogger } from '../../../src/adapters/slack/boltLogger.js'
import { createLogger } from '../../../src/logger.js'

const TOKEN = 'xoxb-canary-in-a-bolt-log-9e1f'

function capture(level: string) {
  const lines: string[] = []
  const logger = createLogger({ level, secrets: [TOKEN], destination: { write: (l: string) => void lines.push(l) } })
  return { lines, bolt: boltLogger(logger) }
}

describe('boltLogger', () => {
  it("GIVEN Bolt logging an error with a token in it THEN one structured line, the error kept, the token scrubbed", () => {
    const { lines, bolt } = capture('info')

    bolt.error('An unhandled error occurred', new Error(`request with ${TOKEN} failed`), { retry: 1 })

    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0]!) as { level: number; msg: string; component: string; err: { message: string } }
    expect(line).toMatchObject({ level: 50, component: 'slack', msg: 'An unhandled error occurred {"retry":1}' })
    expect(line.err.message).toContain('request with')
    expect(lines[0]).not.toContain(TOKEN)
  })

  it('GIVEN our level THEN Bolt sees the same level, and lines below it are not written', () => {
    const { lines, bolt } = capture('warn')

    bolt.info('chatty')
    bolt.debug('chattier')
    bolt.warn('worth saying')

    expect(bolt.getLevel()).toBe(LogLevel.WARN)
    expect(lines).toHaveLength(1)
    expect(boltLevel('trace')).toBe(LogLevel.DEBUG)
    expect(boltLevel('silent')).toBe(LogLevel.ERROR)
  })
})
