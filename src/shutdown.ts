import type { Logger } from './logger.js'

/** Something that runs until told to stop: a platform adapter, the REPL. */
export interface Stoppable {
  readonly name: string
  /** Stops taking new questions, lets answers in flight finish, disconnects. */
  stop(): Promise<void>
}

/** Stops every running part once, within a deadline, and says with which exit code. */
export interface Shutdown {
  /** Registers a running part. One added after shutdown began is stopped at once. */
  add(part: Stoppable): void
  /** True once shutdown has begun: start-up uses it to stop what it is still starting. */
  readonly started: boolean
  /**
   * Stops every part (all at once) and resolves with the exit code: 0 when all
   * stopped in time, 1 when one failed or the deadline passed. Later calls
   * return the first call's promise.
   */
  run(reason: string, code?: 0 | 1): Promise<0 | 1>
}

/**
 * The one shutdown of a process. `graceMs` bounds the whole of it: answers in
 * flight finishing and every disconnect. A part still stopping at the deadline
 * is named in the log and left behind, and the code is 1, so that a
 * supervisor sees an unclean stop.
 */
export function createShutdown(options: { logger: Logger; graceMs: number }): Shutdown {
  const { logger, graceMs } = options
  const parts: Stoppable[] = []
  /** Stops under way: every part once shutdown runs, and parts that finish starting while it runs. */
  const stopping: Promise<boolean>[] = []
  const pending = new Set<string>()
  let running: Promise<0 | 1> | undefined

  const stopOne = (part: Stoppable) => {
    pending.add(part.name)
    stopping.push(
      (async () => {
        try {
          await part.stop()
          logger.info({ part: part.name }, `${part.name} stopped`)
          return true
        } catch (error) {
          logger.error({ err: error, part: part.name }, `${part.name} failed to stop cleanly`)
          return false
        } finally {
          pending.delete(part.name)
        }
      })(),
    )
  }

  /** Waits for every stop, including any begun while waiting. */
  const allStopped = async () => {
    const results: boolean[] = []
    for (let i = 0; i < stopping.length; i++) results.push(await stopping[i]!)
    return results
  }

  return {
    get started() {
      return running !== undefined
    },
    add(part) {
      if (running) stopOne(part)
      else parts.push(part)
    },
    run(reason, code = 0) {
      running ??= (async () => {
        logger.info({ reason, graceMs, parts: parts.map((p) => p.name) }, `shutting down (${reason}): finishing answers in flight, then disconnecting`)
        parts.forEach(stopOne)
        let timer: NodeJS.Timeout | undefined
        const deadline = new Promise<'deadline'>((resolve) => {
          timer = setTimeout(() => resolve('deadline'), graceMs)
          timer.unref()
        })
        const outcome = await Promise.race([allStopped(), deadline])
        clearTimeout(timer)
        if (outcome === 'deadline') {
          const names = [...pending]
          logger.error({ stillStopping: names, graceMs }, `shutdown deadline passed after ${graceMs} ms; exiting without waiting for: ${names.join(', ')}`)
          return 1
        }
        return outcome.every(Boolean) ? code : 1
      })()
      return running
    },
  }
}

/** The slice of `process` the fault and signal handlers need, so tests can pass their own. */
export interface ProcessLike {
  on(event: 'SIGINT' | 'SIGTERM', listener: (signal: NodeJS.Signals) => void): unknown
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown
}

/**
 * Wires signals and faults to the shutdown:
 * - SIGINT / SIGTERM: graceful shutdown, exit 0; a second signal exits at once with 1.
 * - An unhandled rejection is logged and the process keeps running: it comes
 *   from one event's work, and rule 4 says one bad event never takes the bot down.
 * - An uncaught exception is logged, then the process shuts down gracefully
 *   and exits 1: after one, Node's state is unknown (a half-run callback, a
 *   leaked lock), so carrying on could answer wrongly for hours. A supervisor
 *   (systemd, Docker's restart policy, Kubernetes) starts it again.
 */
export function installProcessHandlers(
  proc: ProcessLike,
  shutdown: Shutdown,
  logger: Logger,
  exit: (code: number) => void,
): void {
  const finish = (reason: string, code: 0 | 1) => {
    void shutdown.run(reason, code).then(exit)
  }
  const onSignal = (signal: NodeJS.Signals) => {
    if (shutdown.started) {
      logger.warn({ signal }, `${signal} again: exiting now`)
      exit(1)
      return
    }
    finish(signal, 0)
  }
  proc.on('SIGINT', onSignal)
  proc.on('SIGTERM', onSignal)
  proc.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (a bug): logged, still running')
  })
  proc.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'uncaught exception (a bug): shutting down')
    if (!shutdown.started) finish('uncaught exception', 1)
  })
}
