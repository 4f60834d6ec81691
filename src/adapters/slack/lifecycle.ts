import type { Lifecycle } from './listeners.js'

/** A lifecycle that can be closed to new work and waited on until the work in flight settles. */
export interface ClosableLifecycle extends Lifecycle {
  /** Stops taking new questions. */
  close(): void
  /** Resolves once every tracked piece of work has settled (successfully or not). */
  drain(): Promise<void>
}

export function createLifecycle(): ClosableLifecycle {
  let open = true
  const inFlight = new Set<Promise<unknown>>()
  return {
    accepting: () => open,
    track(work) {
      const running = work()
      inFlight.add(running)
      const forget = () => inFlight.delete(running)
      running.then(forget, forget)
      return running
    },
    close() {
      open = false
    },
    async drain() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight])
    },
  }
}
