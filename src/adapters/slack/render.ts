import { articleLabel, attributionLine, speakerLabel } from '../../core/format.js'
import type { Answer, ArticleRef, Quote, SourceEntry } from '../../core/types.js'
import { fitWhole } from '../render/fit.js'
import { escapeClipped, escapeMrkdwn, linkOrLabel } from './escape.js'

/**
 * Answers as Slack Block Kit messages. Pure: the same Answer gives the same
 * message. Every interpolated string is escaped, and Slack's limits hold by
 * construction: a section's text is at most 3,000 characters, a message at most
 * 50 blocks. Quotes are never cut: one that does not fit is left out, and the
 * message says so and where to find it (¶N).
 */

/** Slack's limit on a section's text (and on a context element's). */
export const SECTION_TEXT_MAX = 3_000
/** Slack's limit on blocks in one message. */
export const MESSAGE_BLOCKS_MAX = 50

/** Slack's `mrkdwn` text object; `verbatim` stops Slack auto-linking URLs and channel names in it. */
export interface MrkdwnText {
  type: 'mrkdwn'
  text: string
  verbatim: true
}

/** The two Block Kit blocks Verbatim uses. */
export type SlackBlock = { type: 'section'; text: MrkdwnText } | { type: 'context'; elements: MrkdwnText[] }

/**
 * A message as a slash command's acknowledgement or `chat.postMessage` takes it.
 * `text` is the plain fallback for notifications and clients without blocks.
 */
export interface SlackMessage {
  response_type: 'in_channel' | 'ephemeral'
  text: string
  blocks: SlackBlock[]
}

/** How to use Verbatim in Slack, shown with the usage help. */
export const USAGE =
  'Ask with `/ask <question>`, or mention me with a question. `/ask sources` or `/sources`: who is quoted. ' +
  '`/quotes <speaker>`: everything a speaker is quoted as saying. `/articles`: what is loaded.'

/** Titles and names (never quotes) are shortened to this many characters. */
const LABEL_MAX = 300
/** A line of a list; short enough that a section always has room for one. */
const LINE_MAX = 1_000
const FALLBACK_QUESTION_MAX = 200

/** An answer in channel (a section per quote, its article in a context block), a refusal ephemeral. */
export function renderSlack(answer: Answer): SlackMessage {
  if (!answer.answered) {
    const blocks: SlackBlock[] = [section(escapeClipped(answer.note, SECTION_TEXT_MAX))]
    // An ephemeral reply does not show the command it answers: say what was asked.
    if (answer.reason === 'empty') blocks.push(context(escapeMrkdwn(USAGE)))
    else blocks.push(context(`You asked: “${escapeClipped(answer.question, LABEL_MAX)}”`))
    return { response_type: 'ephemeral', text: escapeClipped(answer.note, SECTION_TEXT_MAX), blocks }
  }

  const fitting = answer.quotes.filter((q) => quoteText(q).length <= SECTION_TEXT_MAX)
  // One block per quote, one more where the article changes (its context block);
  // the note and the "left out" line are kept out of the budget beforehand.
  const budget = MESSAGE_BLOCKS_MAX - 2
  const { kept } = fitWhole(
    fitting.map((quote, i) => ({ quote, cost: i > 0 && fitting[i - 1]?.article.id === quote.article.id ? 1 : 2 })),
    (item) => item.cost,
    budget,
  )
  const shown = kept.map((k) => k.quote)
  const left = answer.quotes.filter((q) => !shown.includes(q))

  const blocks: SlackBlock[] = []
  if (answer.note !== null) blocks.push(context(`:warning: ${escapeClipped(answer.note, SECTION_TEXT_MAX - 10)}`))
  shown.forEach((quote, i) => {
    blocks.push(section(quoteText(quote)))
    const next = shown[i + 1]
    if (next === undefined || next.article.id !== quote.article.id) blocks.push(articleContext(quote.article))
  })
  if (left.length > 0) blocks.push(context(leftOutLine(left)))

  return { response_type: 'in_channel', text: fallback(answer.question, shown, left.length), blocks }
}

/** Who is quoted and how often, most quoted first. */
export function renderSources(entries: readonly SourceEntry[]): SlackMessage {
  if (entries.length === 0) return notice('No one is quoted in the loaded articles yet.')
  // With one article, naming it on every line says nothing.
  const oneArticle = new Set(entries.flatMap((e) => e.articles.map((a) => a.id))).size === 1
  const lines = entries.map((e) => {
    const times = e.count === 1 ? '1 quote' : `${e.count} quotes`
    const where = oneArticle ? '' : ` (${e.articles.map((a) => clipPlain(a.title, LABEL_MAX)).join('; ')})`
    return escapeClipped(`• ${clipPlain(speakerLabel(e), LABEL_MAX)}: ${times}${where}`, LINE_MAX)
  })
  const speakers = entries.length === 1 ? '1 speaker' : `${entries.length} speakers`
  return list(`Who is quoted: ${speakers}`, lines, 'speaker')
}

/** The loaded articles, in load order, with dates and links where known. */
export function renderArticles(articles: readonly ArticleRef[]): SlackMessage {
  if (articles.length === 0) return notice('No articles are loaded.')
  const lines = articles.map((a) => `• ${linkOrLabel(a.url, articleLabel(a), LINE_MAX - 2)}`)
  const count = articles.length === 1 ? '1 article' : `${articles.length} articles`
  return list(`Loaded: ${count}`, lines, 'article')
}

/** What a person sees when answering failed: short, ephemeral, no details. */
export function renderApology(): SlackMessage {
  return notice('Sorry, something went wrong while answering. It has been logged; please try again.')
}

/** What a person sees when they ask while Verbatim is shutting down. */
export function renderRestarting(): SlackMessage {
  return notice('Verbatim is restarting. Please ask again in a few seconds.')
}

/** `> line` for each line of the quote (escaped, whole), then `— Speaker · ¶N`. */
function quoteText(quote: Quote): string {
  const lines = quote.text.split('\n').map((line) => `> ${escapeMrkdwn(line)}`)
  return [...lines, escapeMrkdwn(attributionLine(quote))].join('\n')
}

function articleContext(article: ArticleRef): SlackBlock {
  return context(`From ${linkOrLabel(article.url, articleLabel(article), LABEL_MAX * 2)}`)
}

function leftOutLine(left: readonly Quote[]): string {
  const where = left.map((q) => `¶${q.paragraph}`)
  const quotes = left.length === 1 ? '1 more quote' : `${left.length} more quotes`
  return escapeClipped(`${quotes} left out to fit Slack's limits (${where.join(', ')}).`, SECTION_TEXT_MAX)
}

function fallback(question: string, shown: readonly Quote[], left: number): string {
  if (shown.length === 0) {
    return escapeClipped(`“${clipPlain(question, FALLBACK_QUESTION_MAX)}”: the quotes that answer it are too long for Slack`, SECTION_TEXT_MAX)
  }
  const titles = new Set(shown.map((q) => q.article.id))
  const from = titles.size === 1 ? `from ${shown[0]?.article.title ?? ''}` : `from ${titles.size} articles`
  const count = shown.length === 1 ? '1 verbatim quote' : `${shown.length} verbatim quotes`
  const more = left > 0 ? ` (${left} more left out)` : ''
  return escapeClipped(
    `“${clipPlain(question, FALLBACK_QUESTION_MAX)}”: ${count} ${clipPlain(from, LABEL_MAX)}${more}`,
    SECTION_TEXT_MAX,
  )
}

/** A heading and one line per item, packed into as few sections as fit; what does not fit is counted. */
function list(heading: string, lines: readonly string[], noun: string): SlackMessage {
  // Room for the heading and the "…and N more" line.
  const { sections, packed } = packSections(lines, MESSAGE_BLOCKS_MAX - 2)
  const blocks = [section(escapeMrkdwn(heading)), ...sections.map(section)]
  const more = lines.length - packed
  if (more > 0) blocks.push(context(`…and ${more} more ${more === 1 ? noun : `${noun}s`}.`))
  return { response_type: 'in_channel', text: escapeMrkdwn(heading), blocks }
}

/** Whole lines (each at most LINE_MAX) joined into at most `maxSections` section texts. */
function packSections(lines: readonly string[], maxSections: number): { sections: string[]; packed: number } {
  const sections: string[] = []
  let current = ''
  let packed = 0
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`
    if (joined.length > SECTION_TEXT_MAX) {
      if (sections.length + 1 >= maxSections) break
      sections.push(current)
      current = line
    } else {
      current = joined
    }
    packed++
  }
  if (current !== '') sections.push(current)
  return { sections, packed }
}

function notice(text: string): SlackMessage {
  return { response_type: 'ephemeral', text, blocks: [section(escapeMrkdwn(text))] }
}

function section(text: string): SlackBlock {
  return { type: 'section', text: { type: 'mrkdwn', text, verbatim: true } }
}

function context(text: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text, verbatim: true }] }
}

/** Shortens plain text (escaped later) to `max` characters on a whole character. */
function clipPlain(text: string, max: number): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
