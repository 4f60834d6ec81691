import type { Answer, RefusalReason } from './types.js'

/** A refusal: an expected outcome, so a value, never an exception. */
export function refuse(question: string, reason: RefusalReason, note: string): Answer {
  return { answered: false, question, reason, note }
}

/** The answer for a user who asked too often: the adapters' rate limiter decides, the core words it. */
export function rateLimited(question: string, retryAfterSeconds: number): Answer {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  return refuse(question, 'rate-limited', `Slow down a little: try again in ${seconds} s.`)
}
