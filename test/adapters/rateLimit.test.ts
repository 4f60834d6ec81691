import { RateLimiterMemory } from 'rate-limiter-flexible'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { createRateLimiter, type BackendOptions } from '../../src/adapters/rateLimit.js'

/** Asks `times` times as one user and returns the decisions in order. */
async function ask(limiter: ReturnType<typeof createRateLimiter>, user: string, times: number) {
  const decisions = []
  for (let i = 0; i < times; i++) decisions.push(await limiter.take(user))
  return decisions
}

describe('createRateLimiter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2025-01-01T00:00:00Z') })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  test('GIVEN 3 questions per 30 s THEN the first 3 are allowed and the 4th is told to wait the rest of the window', async () => {
    const limiter = createRateLimiter({ questions: 3, windowSeconds: 30 })
    const first = await ask(limiter, 'discord:1', 3)
    expect(first).toEqual([{ allowed: true }, { allowed: true }, { allowed: true }])
    vi.advanceTimersByTime(10_000)
    expect(await limiter.take('discord:1')).toEqual({ allowed: false, retryAfterSeconds: 20 })
  })

  test('GIVEN a user at their limit THEN another user, and the same id on another platform, may still ask', async () => {
    const limiter = createRateLimiter({ questions: 1, windowSeconds: 60 })
    expect(await limiter.take('discord:42')).toEqual({ allowed: true })
    expect((await limiter.take('discord:42')).allowed).toBe(false)
    expect(await limiter.take('discord:43')).toEqual({ allowed: true })
    expect(await limiter.take('slack:T1:42')).toEqual({ allowed: true })
  })

  test('GIVEN the window has passed THEN the user may ask again, a full allowance', async () => {
    const limiter = createRateLimiter({ questions: 2, windowSeconds: 5 })
    await ask(limiter, 'slack:T1:U1', 2)
    expect((await limiter.take('slack:T1:U1')).allowed).toBe(false)
    vi.advanceTimersByTime(5_001)
    expect(await ask(limiter, 'slack:T1:U1', 3)).toEqual([{ allowed: true }, { allowed: true }, { allowed: false, retryAfterSeconds: 5 }])
  })

  test('GIVEN less than a second left THEN the wait is rounded up to 1 s, never 0', async () => {
    const limiter = createRateLimiter({ questions: 1, windowSeconds: 2 })
    await limiter.take('u')
    vi.advanceTimersByTime(1_900)
    expect(await limiter.take('u')).toEqual({ allowed: false, retryAfterSeconds: 1 })
  })

  test('GIVEN a user who keeps asking while limited THEN the wait does not grow (refused questions are not held against them)', async () => {
    const limiter = createRateLimiter({ questions: 1, windowSeconds: 10 })
    await limiter.take('u')
    for (let i = 0; i < 20; i++) await limiter.take('u')
    vi.advanceTimersByTime(10_001)
    expect(await limiter.take('u')).toEqual({ allowed: true })
  })

  test('GIVEN a backend THEN it is built from the configured limit, and two instances sharing it share the counts', async () => {
    const seen: BackendOptions[] = []
    let shared: RateLimiterMemory | undefined
    const backend = (options: BackendOptions) => {
      seen.push(options)
      return (shared ??= new RateLimiterMemory(options))
    }
    const instanceA = createRateLimiter({ questions: 2, windowSeconds: 60 }, { backend })
    const instanceB = createRateLimiter({ questions: 2, windowSeconds: 60 }, { backend })
    expect(seen[0]).toEqual({ points: 2, duration: 60, keyPrefix: 'verbatim-questions' })
    expect(await instanceA.take('slack:T1:U1')).toEqual({ allowed: true })
    expect(await instanceB.take('slack:T1:U1')).toEqual({ allowed: true })
    expect((await instanceA.take('slack:T1:U1')).allowed).toBe(false)
  })

  test('GIVEN a backend that fails THEN take rejects with its error rather than deciding', async () => {
    const broken = new RateLimiterMemory({ points: 1, duration: 1 })
    vi.spyOn(broken, 'consume').mockRejectedValue(new Error('redis: connection refused'))
    const limiter = createRateLimiter({ questions: 1, windowSeconds: 1 }, { backend: () => broken })
    await expect(limiter.take('u')).rejects.toThrow('connection refused')
  })
})
