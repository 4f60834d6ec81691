import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

/** Whether a user may ask now, or how many whole seconds until they may. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number }

/** A per-user limit on questions, shared by every platform adapter. */
export interface RateLimiter {
  take(userKey: string): Promise<RateDecision>
}

/** What a counter store is built from: rate-limiter-flexible's own option names. */
export interface BackendOptions {
  readonly points: number
  readonly duration: number
  readonly keyPrefix: string
}

/**
 * `questions` per `windowSeconds` for each user key (`discord:123`, `slack:T1:U2`),
 * in fixed windows that start at a user's first question.
 *
 * rate-limiter-flexible keeps the counters, in memory by default. Several
 * instances behind a load balancer share them by passing another backend:
 *
 * ```ts
 * createRateLimiter(limit, { backend: (o) => new RateLimiterRedis({ ...o, storeClient: redis, insuranceLimiter: new RateLimiterMemory(o) }) })
 * ```
 *
 * A backend that fails (Redis down, no insurance limiter) rejects: that is a
 * fault, not a decision, so it is thrown for the adapter to log and apologise.
 */
export function createRateLimiter(
  limit: { questions: number; windowSeconds: number },
  options: { backend?: (options: BackendOptions) => RateLimiterAbstract } = {},
): RateLimiter {
  const backendOptions: BackendOptions = { points: limit.questions, duration: limit.windowSeconds, keyPrefix: 'verbatim-questions' }
  const limiter = (options.backend ?? ((o) => new RateLimiterMemory(o)))(backendOptions)
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
