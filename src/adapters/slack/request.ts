import { unescapeSlack } from './escape.js'

/** What someone asks Verbatim for in Slack, by slash command or mention. */
export type SlackRequest =
  | { readonly kind: 'ask'; readonly question: string }
  | { readonly kind: 'quotes'; readonly speaker: string }
  | { readonly kind: 'sources' }
  | { readonly kind: 'articles' }

/**
 * The request a slash command makes. The command's name decides (`/sources`,
 * `/quotes`, `/articles`; anything else asks), so a workspace may rename them
 * (`/verbatim-quotes`) in its manifest.
 */
export function parseCommand(command: string, text: string): SlackRequest {
  const name = command.toLowerCase()
  const typed = unescapeSlack(text)
  if (name.endsWith('sources')) return { kind: 'sources' }
  if (name.endsWith('articles')) return { kind: 'articles' }
  if (name.endsWith('quotes')) return { kind: 'quotes', speaker: typed.trim() }
  return parseAsk(typed)
}

/** A mention's request: its text without the bot's own mention, read like `/ask`. */
export function parseMention(text: string, botUserId: string | undefined): SlackRequest {
  const withoutBot = botUserId === undefined ? text : text.split(new RegExp(`<@${escapeRegExp(botUserId)}(?:\\|[^>]*)?>`)).join('')
  return parseAsk(unescapeSlack(withoutBot))
}

/** `sources`, `articles`, `quotes <name>`, or else a question. */
function parseAsk(text: string): SlackRequest {
  const trimmed = text.trim()
  const keyword = trimmed.toLowerCase().replace(/[?!.]+$/, '')
  if (keyword === 'sources') return { kind: 'sources' }
  if (keyword === 'articles') return { kind: 'articles' }
  const quotes = /^quotes\s+(?:by\s+)?(\S[\s\S]*)$/i.exec(trimmed)
  if (quotes) return { kind: 'quotes', speaker: quotes[1]!.trim() }
  return { kind: 'ask', question: trimmed }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
