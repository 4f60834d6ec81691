import { realpathSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { REST, Routes } from 'discord.js'
import { readConfig, type Config, type ConfigResult } from '../../config.js'
import { scrub } from '../../logger.js'
import { COMMANDS } from './commands.js'

/** Where the commands went: one server (instant, for development) or every server the bot is in. */
export interface Registration {
  readonly scope: 'guild' | 'global'
  readonly names: readonly string[]
}

/**
 * Registers Verbatim's slash commands through Discord's REST API: to the
 * server `DISCORD_GUILD_ID` names when it is set, else globally. A `PUT`
 * replaces the whole set, so commands Verbatim no longer has disappear.
 */
export async function registerCommands(config: NonNullable<Config['discord']>): Promise<Registration> {
  const rest = new REST({ api: config.apiUrl }).setToken(config.token)
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.appId, config.guildId)
    : Routes.applicationCommands(config.appId)
  const registered = (await rest.put(route, { body: COMMANDS })) as readonly { name: string }[]
  return { scope: config.guildId ? 'guild' : 'global', names: registered.map((c) => c.name) }
}

/** Where the script writes: the console, or a test's own lines. */
export interface Output {
  log(line: string): void
  error(line: string): void
}

/** `npm run discord:register` given a parsed configuration: 0 when registered, 1 with the reasons when not. */
export async function registerFromConfig(parsed: ConfigResult, out: Output): Promise<number> {
  if (!parsed.ok) {
    out.error(`Cannot register the Discord commands; fix the configuration first:\n${parsed.problems.map((p) => `  - ${p}`).join('\n')}`)
    return 1
  }
  const discord = parsed.config.discord
  if (!discord) {
    out.error('Cannot register the Discord commands: set DISCORD_TOKEN and DISCORD_APP_ID (see .env.example).')
    return 1
  }
  try {
    const { scope, names } = await registerCommands(discord)
    const list = names.map((n) => `/${n}`).join(', ')
    out.log(
      scope === 'guild'
        ? `Registered ${list} in server ${discord.guildId}: usable there now.`
        : `Registered ${list} globally: every server the bot is in gets them, which can take a few minutes to show.`,
    )
    return 0
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    out.error(`Discord refused the commands: ${scrub(reason, parsed.config.secrets)}`)
    return 1
  }
}

function invokedDirectly(): boolean {
  try {
    return process.argv[1] !== undefined && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
  } catch {
    return false
  }
}

if (invokedDirectly()) process.exitCode = await registerFromConfig(readConfig(), console)
