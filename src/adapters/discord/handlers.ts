import {
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Message,
} from 'discord.js'
import type { Library } from '../../core/library.js'
import { rateLimited } from '../../core/refusal.js'
import type { Logger } from '../../logger.js'
import type { RateLimiter } from '../rateLimit.js'
import { speakerChoices } from './autocomplete.js'
import { COMMAND, OPTION } from './commands.js'
import { questionFromMention } from './mention.js'
import {
  notice,
  renderApology,
  renderApologyText,
  renderArticles,
  renderDiscord,
  renderDiscordText,
  renderSources,
  type DiscordReply,
  type DiscordTextReply,
} from './render.js'

/**
 * The Discord-facing shell: turn an interaction or a message into a call to
 * the library, render the result, send it. Everything that decides what to
 * say lives in the core and the renderer.
 */
export interface HandlerDeps {
  readonly library: Library
  readonly rateLimiter: RateLimiter
  readonly logger: Logger
}

/** The reply to a slash command: pure, given the library. */
export function replyToCommand(library: Library, command: string, option: (name: string) => string): DiscordReply {
  switch (command) {
    case COMMAND.ask:
      return renderDiscord(library.ask(option(OPTION.question)))
    case COMMAND.quotes:
      return renderDiscord(library.quotesBy(option(OPTION.speaker)), { asked: 'speaker' })
    case COMMAND.sources:
      return renderSources(library.sources())
    case COMMAND.articles:
      return renderArticles(library.list())
    default:
      // A command registered by an older version of Verbatim: say so rather than fail.
      return notice('That command is no longer available. Try /ask, /quotes, /sources or /articles.')
  }
}

/**
 * Answers a slash command: the user's cooldown first (an ephemeral notice if
 * hit), then `deferReply` at once, so slow work never loses the interaction,
 * and `editReply` with the answer. A failure gets an ephemeral apology.
 */
export async function answerInteraction(interaction: ChatInputCommandInteraction, deps: HandlerDeps): Promise<void> {
  try {
    const decision = await deps.rateLimiter.take(`discord:${interaction.user.id}`)
    if (!decision.allowed) {
      await interaction.reply({ ...renderDiscord(rateLimited('', decision.retryAfterSeconds)), flags: MessageFlags.Ephemeral })
      return
    }
    await interaction.deferReply()
    const reply = replyToCommand(deps.library, interaction.commandName, (name) => interaction.options.getString(name, true))
    await interaction.editReply(reply)
  } catch (error) {
    deps.logger.error(
      { err: describeError(error, [interaction.token]), command: interaction.commandName, interaction: interaction.id },
      'Discord: answering a command failed',
    )
    await apologise(interaction).catch((apologyError: unknown) =>
      deps.logger.error({ err: describeError(apologyError, [interaction.token]), interaction: interaction.id }, 'Discord: the apology failed too'),
    )
  }
}

/** An ephemeral apology, only the asker sees it; a "thinking…" placeholder left by deferReply is removed. */
async function apologise(interaction: ChatInputCommandInteraction): Promise<void> {
  const apology = { ...renderApology(), flags: MessageFlags.Ephemeral } as const
  if (!interaction.deferred && !interaction.replied) {
    await interaction.reply(apology)
    return
  }
  // Deleted first: Discord turns the first follow-up of a deferred reply into that (public) reply.
  if (interaction.deferred && !interaction.replied) await interaction.deleteReply()
  await interaction.followUp(apology)
}

/** Suggests speakers while `/quotes speaker:` is typed. Not rate limited: Discord sends one per keystroke. */
export async function suggest(interaction: AutocompleteInteraction, deps: HandlerDeps): Promise<void> {
  try {
    const choices = interaction.commandName === COMMAND.quotes ? speakerChoices(deps.library.sources(), interaction.options.getFocused()) : []
    await interaction.respond(choices)
  } catch (error) {
    // Nothing to apologise to: the user just sees no suggestions.
    deps.logger.warn({ err: describeError(error, [interaction.token]), interaction: interaction.id }, 'Discord: suggesting speakers failed')
  }
}

/** Whether a message is for the bot: every DM, and server messages that mention the bot itself (not @everyone, not a role). */
export function isForBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.author.id === botId) return false
  if (message.guildId === null) return true
  return message.mentions.users.has(botId)
}

/** Answers a mention or DM with a reply to the message; a cooldown or a failure is said in the reply. */
export async function answerMention(message: Message, botId: string, deps: HandlerDeps): Promise<void> {
  try {
    const question = questionFromMention(message.content, botId)
    const decision = await deps.rateLimiter.take(`discord:${message.author.id}`)
    const answer = decision.allowed ? deps.library.ask(question) : rateLimited(question, decision.retryAfterSeconds)
    await replyReadably(message, renderDiscord(answer), () => renderDiscordText(answer), deps.logger)
  } catch (error) {
    // Refused even in plain text: Verbatim may not post in this channel (no Send Messages), so no apology either.
    if (isMissingPermissions(error)) {
      deps.logger.warn({ channel: message.channelId, message: message.id }, 'Discord: may not reply in this channel (Missing Permissions)')
      return
    }
    deps.logger.error({ err: describeError(error, []), message: message.id, channel: message.channelId }, 'Discord: answering a mention failed')
    await replyReadably(message, renderApology(), renderApologyText, deps.logger).catch((apologyError: unknown) =>
      deps.logger.error({ err: describeError(apologyError, []), message: message.id }, 'Discord: the apology failed too'),
    )
  }
}

function isMissingPermissions(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.MissingPermissions
}

/**
 * Replies with the embed; where Discord refuses it for want of Embed Links in
 * the channel (50013 Missing Permissions: an embed-only message is refused,
 * not sent bare), replies with the same answer as plain content instead.
 */
async function replyReadably(message: Message, embed: DiscordReply, plain: () => DiscordTextReply, logger: Logger): Promise<void> {
  try {
    await message.reply(embed)
  } catch (error) {
    if (!isMissingPermissions(error)) throw error
    logger.warn({ channel: message.channelId }, 'Discord: no Embed Links permission in this channel; replying in plain text')
    await message.reply(plain())
  }
}

/**
 * What of an error is safe to log: name, message, code, HTTP status and stack,
 * with interaction tokens taken out (the logger scrubs the bot token). Never
 * the request: discord.js errors carry its URL and body.
 */
export function describeError(error: unknown, tokens: readonly string[]): Record<string, unknown> {
  const clean = (text: string) => tokens.reduce((out, token) => (token ? out.split(token).join('[redacted]') : out), text)
  if (!(error instanceof Error)) return { message: clean(String(error)) }
  const { code, status } = error as { code?: unknown; status?: unknown }
  return {
    name: error.name,
    message: clean(error.message),
    ...(code !== undefined ? { code } : {}),
    ...(status !== undefined ? { status } : {}),
    ...(error.stack ? { stack: clean(error.stack) } : {}),
  }
}
