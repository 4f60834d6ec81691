import {
  ApplicationIntegrationType,
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js'

/**
 * The slash commands, defined once: `register.ts` sends them to Discord and
 * the runtime reads their names and options from here.
 */

/** Command and option names, as users type them. */
export const COMMAND = {
  ask: 'ask',
  sources: 'sources',
  quotes: 'quotes',
  articles: 'articles',
} as const

export const OPTION = { question: 'question', speaker: 'speaker' } as const

/** Longest question Discord lets a user type into `/ask`. */
export const QUESTION_MAX_LENGTH = 300
/** Longest speaker name for `/quotes`. */
export const SPEAKER_MAX_LENGTH = 100

function command(name: string, description: string): SlashCommandBuilder {
  return new SlashCommandBuilder()
    .setName(name)
    .setDescription(description)
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
}

/** The JSON bodies Discord's `PUT …/commands` takes. */
export const COMMANDS: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
  command(COMMAND.ask, 'Ask about the loaded articles; the answer is their own words, quoted and attributed.')
    .addStringOption((o) =>
      o
        .setName(OPTION.question)
        .setDescription('Your question, e.g. How many people were killed?')
        .setRequired(true)
        .setMaxLength(QUESTION_MAX_LENGTH),
    )
    .toJSON(),
  command(COMMAND.sources, 'Who is quoted in the loaded articles, how often, and where.').toJSON(),
  command(COMMAND.quotes, 'Everything one speaker is quoted as saying, with citations.')
    .addStringOption((o) =>
      o
        .setName(OPTION.speaker)
        .setDescription('A name as the articles give it, e.g. Rajavi or Amnesty International')
        .setRequired(true)
        .setMaxLength(SPEAKER_MAX_LENGTH)
        .setAutocomplete(true),
    )
    .toJSON(),
  command(COMMAND.articles, 'The articles Verbatim has loaded, with dates and links.').toJSON(),
]
