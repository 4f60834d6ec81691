import { config as loadDotenv } from 'dotenv'
import { z } from 'zod'

/**
 * The zod schema over the environment. This module is the only reader of
 * `process.env`; everything else receives a parsed `Config`.
 *
 * Every problem names the variable and says why; no message is ever built
 * from a value, so a secret cannot leak through a configuration error.
 */

/** Variables that hold secrets: their values go to the logger's scrubber and nowhere else. */
const SECRET_VARIABLES = ['DISCORD_TOKEN', 'SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN'] as const

const text = (fallback: string) => z.string().default(fallback)

/** A secret as pasted into `.env`: a stray space or quote is the usual mistake, and it fails only later, at the platform. */
const secret = (shape?: { pattern: RegExp; message: string }) =>
  z
    .string()
    .refine((value) => !/[\s"'`]/.test(value), { message: 'must not contain spaces or quotes', abort: true })
    .refine((value) => !shape || shape.pattern.test(value), { message: shape?.message ?? '' })
    .optional()

const url = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value) && URL.canParse(value), { message: 'must be an http(s) URL' })

/** Digits only: `3e3`, `0x10`, `1.5` and `-1` are mistakes, not numbers. */
const wholeNumber = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback
      const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
      if (!(value >= min && value <= max)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number from ${min} to ${max}` })
        return z.NEVER
      }
      return value
    })

const snowflake = (what: string) =>
  z
    .string()
    .regex(/^\d{5,25}$/, { message: `must be a numeric ${what} id` })
    .optional()

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
/** `per-shard`: a process for each shard under discord.js's ShardingManager; `single`: every shard in this process. */
const SHARD_PROCESSES = ['per-shard', 'single'] as const

const schema = z.object({
  DATA_DIR: text('data'),
  /** Where the built index is kept between restarts (keyed by the articles' content). */
  INDEX_CACHE_DIR: text('.cache'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  /** Questions one user may ask per window, on every platform. */
  RATE_LIMIT_QUESTIONS: wholeNumber(5, 1, 10_000),
  RATE_LIMIT_WINDOW_SECONDS: wholeNumber(30, 1, 86_400),
  /** How long answers in flight may take to finish after SIGINT/SIGTERM. */
  SHUTDOWN_GRACE_MS: wholeNumber(5_000, 0, 60_000),

  DISCORD_TOKEN: secret({
    // The bot token is three dot-separated parts; the OAuth2 client secret (a common mix-up) has none.
    pattern: /^[\w-]{10,}\.[\w-]{4,}\.[\w-]{10,}$/,
    message: 'must be the bot token from the Bot page (three parts separated by dots, no "Bot " prefix), not the client secret',
  }),
  DISCORD_APP_ID: snowflake('application'),
  DISCORD_GUILD_ID: snowflake('server'),
  DISCORD_API_URL: url('https://discord.com/api'),
  DISCORD_SHARDS: z
    .string()
    .regex(/^(auto|[1-9]\d{0,4})$/, { message: 'must be "auto" or a whole number of shards' })
    .optional(),
  DISCORD_SHARD_PROCESSES: z.enum(SHARD_PROCESSES, { message: `must be one of ${SHARD_PROCESSES.join(', ')}` }).default('per-shard'),

  SLACK_BOT_TOKEN: secret({ pattern: /^xoxb-/, message: 'must be a bot token (it starts with xoxb-)' }),
  SLACK_SIGNING_SECRET: secret(),
  SLACK_APP_TOKEN: secret({ pattern: /^xapp-/, message: 'must be an app-level token (it starts with xapp-)' }),
  SLACK_PORT: wholeNumber(3000, 1, 65_535),
  SLACK_API_URL: url('https://slack.com/api/'),
})

type Env = z.infer<typeof schema>
type Variable = keyof Env

/**
 * What discord.js's ShardingManager hands each process it spawns: not settings
 * a person writes (so not in `SETTINGS` or `.env.example`), but read here all
 * the same, this being the one reader of the environment.
 */
const spawnedSchema = z
  .object({
    SHARDING_MANAGER: z.string(),
    SHARDS: z.string().transform((raw, ctx) => {
      // discord.js writes one id (`0`); its Client also accepts a JSON list (`[0,1]`).
      const ids = /^\d{1,5}$/.test(raw) ? [Number(raw)] : /^\[\d{1,5}(,\d{1,5})*\]$/.test(raw) ? (JSON.parse(raw) as number[]) : null
      if (ids) return ids
      ctx.addIssue({ code: 'custom', message: 'must be a shard id or a JSON list of shard ids (discord.js\'s ShardingManager sets it)' })
      return z.NEVER
    }),
    SHARD_COUNT: z
      .string()
      .regex(/^[1-9]\d{0,4}$/, { message: 'must be a whole number of shards (discord.js\'s ShardingManager sets it)' })
      .transform(Number),
  })
  .superRefine((spawned, ctx) => {
    if (spawned.SHARDS.some((id) => id >= spawned.SHARD_COUNT)) ctx.addIssue({ code: 'custom', path: ['SHARDS'], message: 'must name shards below SHARD_COUNT' })
  })

/** The shards a ShardingManager gave this process, if one spawned it. */
function spawnedShard(given: Readonly<Record<string, string>>): { shard?: { ids: number[]; count: number }; problems: string[] } {
  if (!('SHARDING_MANAGER' in given)) return { problems: [] }
  const missing = (['SHARDS', 'SHARD_COUNT', 'DISCORD_TOKEN'] as const).filter((variable) => !(variable in given))
  if (missing.length > 0) return { problems: missing.map((variable) => `${variable} is required when SHARDING_MANAGER is set (discord.js's ShardingManager sets it for the processes it spawns)`) }
  const parsed = spawnedSchema.safeParse(given)
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${String(issue.path[0])} ${issue.code === 'custom' || issue.code === 'invalid_format' ? issue.message : 'is not valid'}`) }
  return { shard: { ids: parsed.data.SHARDS, count: parsed.data.SHARD_COUNT }, problems: [] }
}

/** The name of every setting, as in `.env.example`. */
export const SETTINGS: readonly string[] = Object.keys(schema.shape)

/** Settings that only make sense together, checked on presence alone so they are reported beside any malformed value. */
function inconsistencies(set: (variable: Variable) => boolean): string[] {
  const problems: string[] = []
  if (set('DISCORD_TOKEN') && !set('DISCORD_APP_ID')) problems.push('DISCORD_APP_ID is required when DISCORD_TOKEN is set')
  if (!set('DISCORD_TOKEN') && (set('DISCORD_APP_ID') || set('DISCORD_GUILD_ID') || set('DISCORD_SHARDS')))
    problems.push('DISCORD_TOKEN is required when DISCORD_APP_ID, DISCORD_GUILD_ID or DISCORD_SHARDS is set')
  if (set('DISCORD_SHARD_PROCESSES') && !set('DISCORD_SHARDS')) problems.push('DISCORD_SHARDS is required when DISCORD_SHARD_PROCESSES is set')
  if (set('SLACK_BOT_TOKEN') && !set('SLACK_SIGNING_SECRET') && !set('SLACK_APP_TOKEN'))
    problems.push('SLACK_SIGNING_SECRET is required when SLACK_BOT_TOKEN is set (or set SLACK_APP_TOKEN for Socket Mode)')
  if (!set('SLACK_BOT_TOKEN') && (set('SLACK_SIGNING_SECRET') || set('SLACK_APP_TOKEN')))
    problems.push('SLACK_BOT_TOKEN is required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set')
  return problems
}

/** Every setting, parsed and checked. */
export interface Config {
  readonly dataDir: string
  readonly indexCacheDir: string
  readonly logLevel: Env['LOG_LEVEL']
  readonly rateLimit: { readonly questions: number; readonly windowSeconds: number }
  readonly shutdownGraceMs: number
  readonly discord?: {
    readonly token: string
    readonly appId: string
    readonly guildId?: string
    readonly apiUrl: string
    /** Absent: one shard, in this process. */
    readonly sharding?: DiscordSharding
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

/**
 * How the bot's gateway shards run (`DISCORD_SHARDS`, `DISCORD_SHARD_PROCESSES`):
 * - `one-process`: every shard in this process's client;
 * - `manager`: this process spawns, watches and respawns a process for each shard;
 * - `shard`: this process is one of those, spawned by a manager, for shards `ids` of `count`.
 */
export type DiscordSharding =
  | { readonly mode: 'one-process'; readonly shards: 'auto' | number }
  | { readonly mode: 'manager'; readonly shards: 'auto' | number }
  | { readonly mode: 'shard'; readonly ids: readonly number[]; readonly count: number }

function discordSharding(e: Env, spawned: { ids: number[]; count: number } | undefined): DiscordSharding | undefined {
  if (spawned) return { mode: 'shard', ...spawned }
  if (!e.DISCORD_SHARDS) return undefined
  const shards = e.DISCORD_SHARDS === 'auto' ? ('auto' as const) : Number(e.DISCORD_SHARDS)
  return { mode: e.DISCORD_SHARD_PROCESSES === 'per-shard' ? 'manager' : 'one-process', shards }
}

/** A parse either gives a config or names each wrong variable and why; never a value. */
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: readonly string[] }

/**
 * Parses a set of variables. Pure: pass `process.env` or a test's own object.
 * A variable set to blank (`SLACK_PORT=` copied from `.env.example`) counts as unset.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const given = Object.fromEntries(
    [...Object.keys(schema.shape), ...Object.keys(spawnedSchema.shape)]
      .map((variable) => [variable, env[variable]?.trim()] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined && entry[1] !== ''),
  )
  const parsed = schema.safeParse(given)
  const spawned = spawnedShard(given)
  const problems = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((issue) => {
          const variable = String(issue.path[0] ?? 'configuration')
          // Our own messages say why; zod's stock ones could in principle quote the input, so they are not used.
          const why = issue.code === 'custom' || issue.code === 'invalid_format' || issue.code === 'invalid_value' ? issue.message : 'is not valid'
          return `${variable} ${why}`
        })),
    ...spawned.problems,
    ...inconsistencies((variable) => variable in given),
  ]
  if (!parsed.success || problems.length > 0) return { ok: false, problems: [...new Set(problems)] }

  const e = parsed.data
  const sharding = discordSharding(e, spawned.shard)
  const config: Config = {
    dataDir: e.DATA_DIR,
    indexCacheDir: e.INDEX_CACHE_DIR,
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
            ...(sharding ? { sharding } : {}),
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
    secrets: SECRET_VARIABLES.map((variable) => e[variable]).filter((s): s is string => typeof s === 'string' && s.length > 0),
  }
  return { ok: true, config }
}

/** Loads `.env` (if there is one) into the environment, then parses it. The only reader of `process.env`. */
export function readConfig(): ConfigResult {
  loadDotenv({ quiet: true })
  return parseConfig(process.env)
}
