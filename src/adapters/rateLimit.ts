import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/** Whether a user may ask now, or how many whole seconds until they may. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** A per-user limit on questions, shared by every platform adapter. */
export interface RateLimiter {
  take(userKey: string): Promise<RateDecision>
}

/**
 * `questions` per `windowSeconds` for each user key (`discord:123`, `slack:T1:U2`).
 * rate-limiter-flexible keeps the counters (and can move them to Redis when
 * Verbatim runs as several instances) so we do not hand-roll the windows.
 */
export function createRateLimiter(limit: { questions: number; windowSeconds: number }): RateLimiter {
  const limiter = new RateLimiterMemory({ points: limit.questions, duration: limit.windowSeconds })
  return {
    async take(userKey) {
      try {
        await limiter.consume(userKey, 1)
        return { allowed: true }
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) }
        }
        throw rejection
      }
    },
  }
}
