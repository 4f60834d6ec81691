import type { APIEmbed } from 'discord.js'
import { articleLabel, attributionLine, speakerLabel } from '../../core/format.js'
import type { Answer, ArticleRef, Quote, SourceEntry } from '../../core/types.js'
import { fitWhole } from '../render/fit.js'
import { escapeEcho, escapeVerbatim } from './escape.js'

/** Discord's limits on one message, in characters (UTF-16 code units, which never undercount). */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedDescription: 4_096,
  embedTitle: 256,
  embedFooter: 2_048,
  embedsTotal: 6_000,
  embedFields: 25,
} as const

/** `allowed_mentions` for every send, reply and edit: nobody is pinged, not even the person asked. */
export interface NoMentions {
  parse: []
  repliedUser: false
}

/** A fresh `allowedMentions` value (discord.js may mutate what it is given). */
export function noMentions(): NoMentions {
  return { parse: [], repliedUser: false }
}

/** What the adapter sends: one embed and no content, so nothing in it can ping. */
export interface DiscordReply {
  embeds: APIEmbed[]
  allowedMentions: NoMentions
}

/** How a rendered answer introduces itself: the question asked, or the speaker looked up. */
export interface RenderOptions {
  readonly asked?: 'question' | 'speaker'
}

const COLOURS = { answer: 0x2b6cb0, disagreement: 0xd69e2e, refusal: 0x718096, apology: 0xc53030 } as const
const FOOTER = 'Verbatim · only the articles’ own words · ¶N is the paragraph'
const SEPARATOR = '\n\n'

/**
 * An Answer as a Discord embed: each quote as a block quote shown exactly as
 * the article has it, then `— Speaker · ¶N`; the disagreement note where
 * sources differ; the article in the footer (its link as the title) or, when
 * quotes come from several articles, after each attribution. Quotes that do
 * not fit Discord's limits are left out whole, and the embed says how many.
 */
export function renderDiscord(answer: Answer, options: RenderOptions = {}): DiscordReply {
  const heading = headingFor(answer.question, options.asked ?? 'question')
  if (!answer.answered) return reply({ description: refusalText(answer, heading), color: COLOURS.refusal })

  const { articles, single, blocks, note } = answerParts(answer)
  const description = fitDescription([heading], blocks, [note], leftOutLine('quote'))
  const embed: APIEmbed = {
    description,
    color: answer.disagreement ? COLOURS.disagreement : COLOURS.answer,
    footer: { text: `${single ? fitText(articleLabel(single), 900) : `From ${articles.length} articles`} · ${FOOTER}` },
  }
  if (single?.url && isWebLink(single.url)) Object.assign(embed, { title: 'Read the article', url: single.url })
  return reply(embed)
}

/** What the adapter sends where it may not embed (no Embed Links in the channel): message content only. */
export interface DiscordTextReply {
  content: string
  allowedMentions: NoMentions
}

/**
 * An Answer as plain message content, for a channel where Verbatim may not
 * send embeds: the same quotes, attributions and note as `renderDiscord`,
 * whole quotes only, in Discord's 2,000 characters, the article as a last
 * small line.
 */
export function renderDiscordText(answer: Answer, options: RenderOptions = {}): DiscordTextReply {
  // Content has half an embed's room: the echoed question is held shorter, so the quotes keep theirs.
  const heading = headingFor(answer.question, options.asked ?? 'question', TEXT_ECHO_MAX)
  if (!answer.answered) return text(refusalText(answer, heading))

  const { articles, single, blocks, note } = answerParts(answer)
  const linked = single ? linkedLabel(single, 300) : `From ${articles.length} articles`
  // A link long enough to crowd out the quotes is left out: the title and date still name the article.
  const source = linked.length > 600 && single ? escapeVerbatim(fitText(articleLabel(single), 300)) : linked
  const fit = (tail: readonly string[]) => fitDescription([heading], blocks, tail, leftOutLine('quote'), SEPARATOR, DISCORD_LIMITS.content)
  const content = fit([note, `-# ${source} · ${FOOTER}`])
  // Only where the fixed parts alone overrun (a long question, note and link all at once) does the source line go.
  return text(content.length <= DISCORD_LIMITS.content ? content : fit([note]))
}

/** How much of the question the plain-text reply echoes, in characters before escaping. */
const TEXT_ECHO_MAX = 200

/** The apology as plain message content (see `renderDiscordText`). */
export function renderApologyText(): DiscordTextReply {
  return text(APOLOGY)
}

/** The quotes (with their articles where they come from several), and the note, as both renderings show them. */
function answerParts(answer: Extract<Answer, { answered: true }>) {
  const articles = distinctArticles(answer.quotes)
  const single = articles.length === 1 ? articles[0] : undefined
  const blocks = answer.quotes.map((quote) => quoteBlock(quote, single === undefined))
  // The note is the core's own sentence, not a quote: bounded so the quotes keep the room.
  const note = answer.note ? `⚖️ ${escapeVerbatim(fitText(answer.note, 500))}` : ''
  return { articles, single, blocks, note }
}

/** `/sources`: who is quoted, how often, and in which articles. */
export function renderSources(entries: readonly SourceEntry[]): DiscordReply {
  if (entries.length === 0) return notice('No one is quoted in the loaded articles yet.')
  const lines = entries.map((entry) => {
    const times = entry.count === 1 ? '1 quote' : `${entry.count} quotes`
    return `**${escapeVerbatim(speakerLabel(entry))}**: ${times} · ${entry.articles.map(linkedLabel).join(', ')}`
  })
  const description = fitDescription([], lines, [], leftOutLine('speaker'), '\n')
  return reply({ title: 'Who is quoted', description, color: COLOURS.answer, footer: { text: FOOTER } })
}

/** `/articles`: what is loaded, with dates and links. */
export function renderArticles(articles: readonly ArticleRef[]): DiscordReply {
  if (articles.length === 0) return notice('No articles are loaded yet.')
  const lines = articles.map((article) => `• ${linkedLabel(article)}`)
  const description = fitDescription([], lines, [], leftOutLine('article'), '\n')
  return reply({ title: 'Loaded articles', description, color: COLOURS.answer })
}

/** The short apology for an event that failed; the details go to the log, not the channel. */
export function renderApology(): DiscordReply {
  return reply({ description: APOLOGY, color: COLOURS.apology })
}

const APOLOGY = 'Sorry, something went wrong while answering that. It has been logged; please try again in a moment.'

/** A plain sentence of Verbatim's own (not user text, not article text). */
export function notice(text: string): DiscordReply {
  return reply({ description: text, color: COLOURS.refusal })
}

/** How to ask, shown for an empty question. */
export const USAGE = [
  'I answer questions about the loaded articles with their own words only: quoted verbatim, cited and attributed.',
  '• `/ask question: How many people were killed?`',
  '• or mention me with your question: `@Verbatim how many people were killed?`',
  '• `/quotes speaker: Rajavi` · `/sources` · `/articles`',
].join('\n')

function refusalText(answer: Extract<Answer, { answered: false }>, heading: string): string {
  // The note can carry what the user typed (a speaker's name), so it is escaped as an echo.
  const parts = [answer.reason === 'empty' || answer.reason === 'rate-limited' ? '' : heading, escapeEcho(answer.note, 500)]
  if (answer.reason === 'empty') parts.push(USAGE)
  return parts.filter(Boolean).join(SEPARATOR)
}

function headingFor(question: string, asked: 'question' | 'speaker', max?: number): string {
  const echoed = escapeEcho(question, max)
  if (echoed === '') return ''
  return asked === 'speaker' ? `**Quotes from** ${echoed}` : `**Q:** ${echoed}`
}

/** One quote: every line block-quoted (a quote with a line break stays inside), then who said it and where. */
function quoteBlock(quote: Quote, withArticle: boolean): string {
  const body = escapeVerbatim(quote.text)
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')
  const where = withArticle ? ` · ${linkedLabel(quote.article)}` : ''
  return `${body}\n${escapeVerbatim(attributionLine(quote))}${where}`
}

/**
 * The description (or content): fixed parts first and last, as many whole
 * items between them as fit in `limit` characters (an embed's 4,096 unless
 * told), and a line saying how many were left out.
 */
function fitDescription(
  head: readonly string[],
  items: readonly string[],
  tail: readonly string[],
  leftOut: (n: number) => string,
  separator = SEPARATOR,
  limit: number = DISCORD_LIMITS.embedDescription,
): string {
  const fixed = [...head, ...tail].filter(Boolean)
  const reserve = leftOut(items.length).length + separator.length
  const fixedCost = fixed.reduce((sum, part) => sum + part.length + separator.length, 0)
  const budget = limit - fixedCost - reserve
  const { kept, dropped } = fitWhole(items, (item) => item.length + separator.length, budget)
  const parts = [...head, ...kept].filter(Boolean).join(separator)
  const rest = [...tail, dropped > 0 ? leftOut(dropped) : ''].filter(Boolean)
  return [parts, ...rest].filter(Boolean).join(SEPARATOR)
}

function leftOutLine(noun: string): (n: number) => string {
  return (n) => `*${n} ${n === 1 ? noun : `${noun}s`} left out to fit Discord’s message limits.*`
}

function distinctArticles(quotes: readonly Quote[]): ArticleRef[] {
  const byId = new Map<string, ArticleRef>()
  for (const quote of quotes) if (!byId.has(quote.article.id)) byId.set(quote.article.id, quote.article)
  return [...byId.values()]
}

/** `Title (date)` escaped (and shortened to `max` where told), as a masked link where the article has a web link. */
function linkedLabel(article: ArticleRef, max = Infinity): string {
  const label = escapeVerbatim(fitText(articleLabel(article), max))
  return article.url && isWebLink(article.url) ? `[${label}](${linkTarget(article.url)})` : label
}

/** A URL that cannot end a masked link early: parentheses and spaces percent-encoded. */
function linkTarget(url: string): string {
  return new URL(url).href.replaceAll('(', '%28').replaceAll(')', '%29')
}

function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s]+$/.test(url) && URL.canParse(url)
}

/** Metadata (a title), not a quote: may be shortened with an ellipsis to fit a field. */
function fitText(text: string, max: number): string {
  if (text.length <= max) return text
  let out = ''
  for (const ch of text) {
    if (out.length + ch.length > max - 1) break
    out += ch
  }
  return `${out}…`
}

function reply(embed: APIEmbed): DiscordReply {
  return { embeds: [embed], allowedMentions: noMentions() }
}

function text(content: string): DiscordTextReply {
  return { content, allowedMentions: noMentions() }
}
