import { EventEmitter } from 'node:events'
import { describe, expect, test } from 'vitest'
import { createLogger } from '../src/logger.js'
import { createShutdown, installProcessHandlers, type ProcessLike, type Stoppable } from '../src/shutdown.js'

function capture() {
  const records: Record<string, unknown>[] = []
  const logger = createLogger({ level: 'info', destination: { write: (line: string) => void records.push(JSON.parse(line)) } })
  return { logger, records, messages: () => records.map((r) => String(r.msg)) }
}

/** A part whose stop takes `ms` (or never ends, or fails), recording when it was asked and when it finished. */
function part(name: string, behaviour: { ms?: number; never?: boolean; fails?: boolean } = {}) {
  const events: string[] = []
  const stoppable: Stoppable = {
    name,
    stop: () => {
      events.push('asked')
      if (behaviour.never) return new Promise<void>(() => {})
      return new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          events.push('done')
          if (behaviour.fails) reject(new Error(`${name} socket already closed`))
          else resolve()
        }, behaviour.ms ?? 0),
      )
    },
  }
  return { stoppable, events }
}

describe('createShutdown', () => {
  test('GIVEN two running parts THEN both are asked to stop at once, both finish, and the code is 0', async () => {
    const { logger, messages } = capture()
    const shutdown = createShutdown({ logger, graceMs: 1_000 })
    const slow = part('discord', { ms: 30 })
    const fast = part('slack')
    shutdown.add(slow.stoppable)
    shutdown.add(fast.stoppable)
    const done = shutdown.run('SIGTERM')
    expect(slow.events).toEqual(['asked'])
    expect(fast.events).toEqual(['asked'])
    expect(await done).toBe(0)
    expect(slow.events).toEqual(['asked', 'done'])
    expect(messages()).toEqual(expect.arrayContaining(['discord stopped', 'slack stopped']))
    expect(messages()[0]).toMatch(/shutting down \(SIGTERM\)/)
  })

  test('GIVEN a part that fails to stop THEN the others still stop, the failure is logged and the code is 1', async () => {
    const { logger, records } = capture()
    const shutdown = createShutdown({ logger, graceMs: 1_000 })
    const broken = part('discord', { fails: true })
    const fine = part('slack', { ms: 10 })
    shutdown.add(broken.stoppable)
    shutdown.add(fine.stoppable)
    expect(await shutdown.run('SIGINT')).toBe(1)
    expect(fine.events).toEqual(['asked', 'done'])
    const failure = records.find((r) => r.msg === 'discord failed to stop cleanly')
    expect(failure).toMatchObject({ level: 50, part: 'discord', err: { message: 'discord socket already closed' } })
  })

  test('GIVEN a part that never finishes THEN shutdown gives up at the deadline, names it, and the code is 1', async () => {
    const { logger, records } = capture()
    const shutdown = createShutdown({ logger, graceMs: 40 })
    shutdown.add(part('discord', { never: true }).stoppable)
    shutdown.add(part('slack').stoppable)
    expect(await shutdown.run('SIGTERM')).toBe(1)
    expect(records.at(-1)).toMatchObject({ level: 50, stillStopping: ['discord'], graceMs: 40 })
  })

  test('GIVEN shutdown asked for twice THEN each part is stopped once and both callers get the same code', async () => {
    const { logger } = capture()
    const shutdown = createShutdown({ logger, graceMs: 1_000 })
    const p = part('repl', { ms: 5 })
    shutdown.add(p.stoppable)
    expect(shutdown.started).toBe(false)
    const [a, b] = await Promise.all([shutdown.run('SIGINT'), shutdown.run('SIGTERM')])
    expect([a, b]).toEqual([0, 0])
    expect(p.events).toEqual(['asked', 'done'])
    expect(shutdown.started).toBe(true)
  })

  test('GIVEN a part that finishes starting while shutdown runs THEN it is stopped too, and waited for', async () => {
    const { logger } = capture()
    const shutdown = createShutdown({ logger, graceMs: 1_000 })
    shutdown.add(part('discord', { ms: 30 }).stoppable)
    const done = shutdown.run('SIGTERM')
    const latecomer = part('slack', { ms: 20 })
    await new Promise((r) => setTimeout(r, 10))
    shutdown.add(latecomer.stoppable)
    expect(await done).toBe(0)
    expect(latecomer.events).toEqual(['asked', 'done'])
  })

  test('GIVEN a failure code for an uncaught exception THEN a clean stop still exits 1', async () => {
    const { logger } = capture()
    const shutdown = createShutdown({ logger, graceMs: 1_000 })
    shutdown.add(part('slack').stoppable)
    expect(await shutdown.run('uncaught exception', 1)).toBe(1)
  })
})

describe('installProcessHandlers', () => {
  function setup(graceMs = 1_000) {
    const { logger, records } = capture()
    const proc = new EventEmitter()
    const shutdown = createShutdown({ logger, graceMs })
    const exits: number[] = []
    let exited: (code: number) => void = () => {}
    const exitedOnce = new Promise<number>((resolve) => (exited = resolve))
    installProcessHandlers(proc as unknown as ProcessLike, shutdown, logger, (code) => {
      exits.push(code)
      exited(code)
    })
    return { proc, shutdown, records, exits, exitedOnce }
  }

  test('GIVEN SIGTERM THEN the parts stop and the process exits 0', async () => {
    const { proc, shutdown, exitedOnce } = setup()
    const p = part('slack', { ms: 10 })
    shutdown.add(p.stoppable)
    proc.emit('SIGTERM', 'SIGTERM')
    expect(await exitedOnce).toBe(0)
    expect(p.events).toEqual(['asked', 'done'])
  })

  test('GIVEN a second SIGINT while stopping THEN the process exits 1 at once, without waiting', async () => {
    const { proc, shutdown, exits, records } = setup()
    shutdown.add(part('discord', { never: true }).stoppable)
    proc.emit('SIGINT', 'SIGINT')
    proc.emit('SIGINT', 'SIGINT')
    expect(exits).toEqual([1])
    expect(records.some((r) => r.msg === 'SIGINT again: exiting now')).toBe(true)
  })

  test('GIVEN an unhandled rejection THEN it is logged as an error and nothing stops', async () => {
    const { proc, shutdown, exits, records } = setup()
    const p = part('slack')
    shutdown.add(p.stoppable)
    proc.emit('unhandledRejection', new Error('editReply failed: Unknown interaction'))
    await new Promise((r) => setTimeout(r, 20))
    expect(records.at(-1)).toMatchObject({ level: 50, err: { message: 'editReply failed: Unknown interaction' } })
    expect(p.events).toEqual([])
    expect(exits).toEqual([])
    expect(shutdown.started).toBe(false)
  })

  test('GIVEN an uncaught exception THEN it is logged as fatal, the parts stop gracefully, and the process exits 1', async () => {
    const { proc, shutdown, records, exitedOnce } = setup()
    const p = part('discord', { ms: 10 })
    shutdown.add(p.stoppable)
    proc.emit('uncaughtException', new TypeError("Cannot read properties of undefined (reading 'quotes')"))
    expect(await exitedOnce).toBe(1)
    expect(p.events).toEqual(['asked', 'done'])
    expect(records.find((r) => r.level === 60)).toMatchObject({ err: { type: 'TypeError' } })
  })
})
