/**
 * Remembers which Slack events were seen, so a retried event (Slack resends
 * after 3 s or a non-2xx, with `X-Slack-Retry-Num`) is answered once. Bounded:
 * at most `capacity` ids, each forgotten after `ttlMs` (Slack's last retry
 * comes about 5 minutes after the first delivery).
 */
export interface EventDedupe {
  /** True the first time an id is seen within its time to live, false after. */
  firstSighting(eventId: string): boolean
  readonly size: number
}

export function createEventDedupe(options: { capacity?: number; ttlMs?: number; now?: () => number } = {}): EventDedupe {
  const capacity = options.capacity ?? 10_000
  const ttlMs = options.ttlMs ?? 15 * 60_000
  const now = options.now ?? Date.now
  // A Map iterates in insertion order, so the first keys are the oldest.
  const seenAt = new Map<string, number>()

  function forgetExpired(at: number): void {
    for (const [id, time] of seenAt) {
      if (at - time < ttlMs && seenAt.size <= capacity) break
      seenAt.delete(id)
    }
  }

  return {
    firstSighting(eventId) {
      const at = now()
      forgetExpired(at)
      if (seenAt.has(eventId)) return false
      seenAt.set(eventId, at)
      forgetExpired(at)
      return true
    },
    get size() {
      return seenAt.size
    },
  }
}
