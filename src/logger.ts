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
  '*.headers["x-slack-signature"]',
  'config.headers',
  '*.config.headers',
]

/**
 * Shapes of secrets that are not in the configuration but can still reach a
 * log line: platform tokens of any kind, authorization header values, and the
 * per-interaction tokens that Discord and Slack put in callback URLs (anyone
 * holding one can answer as the bot until it expires).
 */
const SECRET_SHAPES: readonly [RegExp, string][] = [
  [/\bxox[abposre]-[\w-]+/g, '[redacted]'],
  [/\bxapp-[\w-]+/g, '[redacted]'],
  [/\b(Bearer|Basic)\s+[\w.~+/=-]{8,}/g, '$1 [redacted]'],
  // Discord bot tokens: base64 of the user id, a timestamp, an HMAC.
  [/\b[\w-]{23,30}\.[\w-]{6,7}\.[\w-]{27,45}\b/g, '[redacted]'],
  [/(\/(?:webhooks|interactions)\/\d{5,25}\/)[\w.-]{20,}/g, '$1[redacted]'],
  [/(hooks\.slack\.com\/(?:commands|actions|services|workflows|triggers)\/)[^\s"'?#]+/g, '$1[redacted]'],
]

/** Any run of at least this many characters of a configured secret counts as leaking it. */
const LEAK_WINDOW = 8

/**
 * A structured logger (JSON lines, to stderr unless told otherwise) that never
 * writes a secret. Paths that usually hold one are redacted; beyond that every
 * line is scrubbed of the configured secrets' values, in part as well as whole,
 * and of anything shaped like a token, because errors from SDKs can carry one
 * in a message, a URL or request options.
 */
export function createLogger(options: {
  level: string
  secrets?: readonly string[]
  destination?: DestinationStream
}): Logger {
  const scrubber = createScrubber(options.secrets ?? [])
  return pino(
    {
      name: 'verbatim',
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      hooks: { streamWrite: scrubber },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  )
}

/**
 * Builds a function that removes every configured secret from a text: whole,
 * JSON-escaped or URL-encoded, and any run of eight or more of its characters
 * (a truncated token is still a leak), plus anything shaped like a token.
 */
export function createScrubber(secrets: readonly string[]): (text: string) => string {
  const forms = [...new Set(secrets.filter((s) => s.length >= 4).flatMap((s) => [s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)]))]
  const short = forms.filter((f) => f.length < LEAK_WINDOW)
  const windows = new Set<string>()
  for (const form of forms) for (let i = 0; i + LEAK_WINDOW <= form.length; i++) windows.add(form.slice(i, i + LEAK_WINDOW))

  return (text) => {
    let out = text
    for (const form of short) out = out.split(form).join('[redacted]')
    if (windows.size > 0) out = redactWindows(out, windows)
    for (const [shape, replacement] of SECRET_SHAPES) out = out.replace(shape, replacement)
    return out
  }
}

/** Replaces every stretch of `text` covered by a known window with one marker. */
function redactWindows(text: string, windows: ReadonlySet<string>): string {
  let covered: Uint8Array | undefined
  for (let i = 0; i + LEAK_WINDOW <= text.length; i++) {
    if (!windows.has(text.slice(i, i + LEAK_WINDOW))) continue
    covered ??= new Uint8Array(text.length)
    covered.fill(1, i, i + LEAK_WINDOW)
  }
  if (!covered) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    if (covered[i] === 0) out += text[i]
    else if (i === 0 || covered[i - 1] === 0) out += '[redacted]'
  }
  return out
}

/** Replaces every occurrence of a secret (whole, in part, or encoded) with a marker. */
export function scrub(text: string, secrets: readonly string[]): string {
  return createScrubber(secrets)(text)
}
