import { pino, type DestinationStream, type Logger } from 'pino'

export type { Logger } from 'pino'

/** Field paths whose values are secrets wherever they appear in a log record. */
const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
  '*.*.headers.authorization',
  '*.*.headers.Authorization',
  'config.headers',
  '*.config.headers',
]

/**
 * A structured logger that never writes a secret. Paths that usually hold one
 * are redacted; beyond that every line is scrubbed of the configured secrets'
 * values, because errors from SDKs can carry a token in a message or URL.
 */
export function createLogger(options: {
  level: string
  secrets?: readonly string[]
  destination?: DestinationStream
}): Logger {
  const secrets = (options.secrets ?? []).filter((s) => s.length >= 4)
  return pino(
    {
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: {
        streamWrite: (line) => scrub(line, secrets),
      },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  )
}

/** Replaces every occurrence of a secret, also JSON-escaped, with a marker. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text
  for (const secret of secrets) {
    for (const form of new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)])) {
      if (form.length > 0) out = out.split(form).join('[redacted]')
    }
  }
  return out
}
