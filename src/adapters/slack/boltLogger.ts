import { LogLevel, type Logger as BoltLogger } from '@slack/bolt'
import type { Logger } from '../../logger.js'

/**
 * Bolt, its Web API client and its Socket Mode client log through Verbatim's
 * logger, so their lines are structured and scrubbed of secrets like ours.
 * Our logger's level decides what is written; Bolt's `setLevel` is ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const log = logger.child({ component: 'slack' })
  const write = (level: 'debug' | 'info' | 'warn' | 'error', parts: unknown[]) => {
    if (!log.isLevelEnabled(level)) return
    const err = parts.find((p) => p instanceof Error)
    const text = parts
      .filter((p) => !(p instanceof Error))
      .map(describe)
      .join(' ')
    if (err === undefined) log[level](text)
    else log[level]({ err }, text)
  }
  return {
    debug: (...parts) => write('debug', parts),
    info: (...parts) => write('info', parts),
    warn: (...parts) => write('warn', parts),
    error: (...parts) => write('error', parts),
    setLevel: () => {},
    getLevel: () => boltLevel(log.level),
    setName: () => {},
  }
}

/** Bolt's name for one of our log levels. */
export function boltLevel(level: string): LogLevel {
  if (level === 'trace' || level === 'debug') return LogLevel.DEBUG
  if (level === 'info') return LogLevel.INFO
  if (level === 'warn') return LogLevel.WARN
  return LogLevel.ERROR
}

function describe(part: unknown): string {
  if (typeof part === 'string') return part
  try {
    return JSON.stringify(part) ?? String(part)
  } catch {
    return String(part)
  }
}
