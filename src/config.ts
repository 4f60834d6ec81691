import { config as loadDotenv } from 'dotenv'
import { z } from 'zod'

/**
 * The zod schema over the environment. This module is the only reader of
 * `process.env`; everything else receives a parsed `Config`.
 */

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional()

const url = (fallback: string) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), { message: 'must be an http(s) URL' })

const wholeNumber = (fallback: number, min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a whole number' })
    .int({ message: 'must be a whole number' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` })
    .default(fallback)

const schema = z
  .object({
    DATA_DIR: z.string().trim().min(1).default('data'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        message: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    /** Questions one user may ask per window, on every platform. */
    RATE_LIMIT_QUESTIONS: wholeNumber(5, 1, 10_000),
    RATE_LIMIT_WINDOW_SECONDS: wholeNumber(30, 1, 86_400),
    /** How long answers in flight may take to finish after SIGINT/SIGTERM. */
    SHUTDOWN_GRACE_MS: wholeNumber(5_000, 0, 60_000),

    DISCORD_TOKEN: optionalText,
    DISCORD_APP_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
      message: 'must be a numeric application id',
    }),
    DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
      message: 'must be a numeric server id',
    }),
    DISCORD_API_URL: url('https://discord.com/api'),
    DISCORD_SHARDS: optionalText.refine((v) => v === undefined || v === 'auto' || /^[1-9]\d{0,4}$/.test(v), {
      message: 'must be "auto" or a whole number of shards',
    }),

    SLACK_BOT_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_PORT: wholeNumber(3000, 1, 65_535),
    SLACK_API_URL: url('https://slack.com/api/'),
  })
  .superRefine((env, ctx) => {
    const problem = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message })
    if (env.DISCORD_TOKEN && !env.DISCORD_APP_ID) problem('DISCORD_APP_ID', 'is required when DISCORD_TOKEN is set')
    if (env.SLACK_BOT_TOKEN && !env.SLACK_SIGNING_SECRET && !env.SLACK_APP_TOKEN)
      problem('SLACK_SIGNING_SECRET', 'is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)')
    if (env.SLACK_APP_TOKEN && !env.SLACK_BOT_TOKEN) problem('SLACK_BOT_TOKEN', 'is required when SLACK_APP_TOKEN is set')
    if (env.SLACK_APP_TOKEN && !env.SLACK_APP_TOKEN.startsWith('xapp-'))
      problem('SLACK_APP_TOKEN', 'must be an app-level token (it starts with xapp-)')
  })

type Env = z.infer<typeof schema>

/** Every setting, parsed and checked. */
export interface Config {
  readonly dataDir: string
  readonly logLevel: Env['LOG_LEVEL']
  readonly rateLimit: { readonly questions: number; readonly windowSeconds: number }
  readonly shutdownGraceMs: number
  readonly discord?: {
    readonly token: string
    readonly appId: string
    readonly guildId?: string
    readonly apiUrl: string
    readonly shards?: 'auto' | number
  }
  readonly slack?: {
    readonly botToken: string
    readonly signingSecret?: string
    readonly appToken?: string
    readonly port: number
    readonly apiUrl: string
  }
  /** Every secret's value, so that logs can scrub them wherever they appear. */
  readonly secrets: readonly string[]
}

/** A parse either gives a config or names each wrong variable and why; never a value. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: readonly string[] }

/** Parses a set of variables. Pure: pass `process.env` or a test's own object. */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0] ?? 'configuration')
      const why = issue.code === 'invalid_type' ? 'is missing or not text' : issue.message
      return `${variable} ${why}`
    })
    return { ok: false, problems: [...new Set(problems)] }
  }
  const e = parsed.data
  const config: Config = {
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    rateLimit: { questions: e.RATE_LIMIT_QUESTIONS, windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    ...(e.DISCORD_TOKEN && e.DISCORD_APP_ID
      ? {
          discord: {
            token: e.DISCORD_TOKEN,
            appId: e.DISCORD_APP_ID,
            apiUrl: e.DISCORD_API_URL,
            ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
            ...(e.DISCORD_SHARDS ? { shards: e.DISCORD_SHARDS === 'auto' ? ('auto' as const) : Number(e.DISCORD_SHARDS) } : {}),
          },
        }
      : {}),
    ...(e.SLACK_BOT_TOKEN
      ? {
          slack: {
            botToken: e.SLACK_BOT_TOKEN,
            port: e.SLACK_PORT,
            apiUrl: e.SLACK_API_URL,
            ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
            ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
          },
        }
      : {}),
    secrets: [e.DISCORD_TOKEN, e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN].filter(
      (s): s is string => typeof s === 'string' && s.length > 0,
    ),
  }
  return { ok: true, config }
}

/** Loads `.env` (if there is one) into the environment, then parses it. The only reader of `process.env`. */
export function readConfig(): ConfigResult {
  loadDotenv({ quiet: true })
  return parseConfig(process.env)
}
