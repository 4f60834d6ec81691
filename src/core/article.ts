import { attribute } from './attribution.js'
import { splitSentences, type Span } from './sentences.js'
import type { Article, ArticleMeta } from './types.js'

/** An article as given: plain text (title on the first line, paragraphs separated by blank lines) and what is known about it. */
export interface ArticleInput {
  readonly id: string
  readonly text: string
  /** Metadata known from elsewhere (front matter, the HTML page); it wins over what the text suggests. */
  readonly meta?: Partial<Omit<ArticleMeta, 'id' | 'headings'>>
}

/** A block of the text (one non-blank line) and what it is. */
export interface Block extends Span {
  readonly role: 'title' | 'byline' | 'heading' | 'credit' | 'body'
  /** Where the quotable text starts, after a dateline. */
  readonly bodyStart: number
}

/** The page furniture that is never article text: ad slots and their labels. */
const FURNITURE = [
  /^\d{2,4}\s*[x×]\s*\d{2,4}$/i,
  /^(advertisement|advertising|sponsored|story continues below( advertisement)?|skip advertisement)$/i,
]
const BYLINE = /^(?:by|reporting by|written by|words by|story by|report by)\s+(.{2,100}?)\.?$/i
const CREDIT = /^(?:[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*)*(?:,\s*|\s+and\s+)?)+\s+(?:contributed|reported from|contributed reporting|contributed to this report)\b.{0,120}$/u
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const DATE = `${MONTH}\\s+\\d{1,2}(?:,?\\s+\\d{4})?`
/** `SEOUL, South Korea — `, `LONDON — `, `Iran, December 16, 2019—`: a place and/or a date, then a dash. */
const DATELINE = new RegExp(
  `^(?:(?:[A-Z][\\p{L}.'’]*(?:[ -][A-Z][\\p{L}.'’]*){0,3})(?:,\\s*[A-Z][\\p{L}.'’]*(?:[ -][A-Z][\\p{L}.'’]*){0,3})?)?(?:,?\\s*(${DATE}))?(?:\\s*\\(\\p{Lu}[\\p{L}.]{0,12}\\))?\\s*(?:—|–|--|-\\s)\\s*`,
  'u',
)

/** Reads an article: drops furniture and repeats, finds its title, byline, dateline and headings, then splits and attributes its statements. */
export function readArticle(input: ArticleInput): Article {
  const original = input.text
  const blocks = classifyBlocks(original)
  const title = blocks.find((b) => b.role === 'title')
  const bylineBlock = blocks.find((b) => b.role === 'byline')
  const creditBlocks = blocks.filter((b) => b.role === 'credit')
  const body = blocks.filter((b) => b.role === 'body')
  const datelineDate = body.slice(0, 2).map((b) => dateOf(original.slice(b.start, b.bodyStart))).find(Boolean)
  const byline =
    (bylineBlock && BYLINE.exec(original.slice(bylineBlock.start, bylineBlock.end))?.[1]) ??
    reporterCredit(creditBlocks.map((b) => original.slice(b.start, b.end)))

  const meta: ArticleMeta = {
    id: input.id,
    title: input.meta?.title ?? (title ? original.slice(title.start, title.end) : input.id),
    headings: blocks.filter((b) => b.role === 'heading').map((b) => original.slice(b.start, b.end)),
    ...definedOnly({
      date: input.meta?.date ?? datelineDate,
      url: input.meta?.url,
      byline: input.meta?.byline ?? byline,
      publisher: input.meta?.publisher,
    }),
  }

  const paragraphs = body.map((b) => ({ start: b.bodyStart, end: b.end }))
  const sentences = paragraphs.flatMap((p, i) =>
    splitSentences(original, p.start, p.end).map((span, j) => ({ ...span, paragraph: i + 1, sentence: j + 1 })),
  )
  const { statements, speakers } = attribute(original, meta, sentences)
  return { meta, original, paragraphs, statements, speakers }
}

/** Splits the text into blocks (non-blank lines) and names what each is. */
export function classifyBlocks(original: string): Block[] {
  const blocks: Block[] = []
  const seen = new Set<string>()
  let inList = false
  let offset = 0
  for (const line of original.split('\n')) {
    const lineStart = offset
    offset += line.length + 1
    const leading = line.length - line.trimStart().length
    const text = line.trim()
    if (text === '') continue
    if (FURNITURE.some((pattern) => pattern.test(text))) continue
    // A paragraph repeated verbatim (a standfirst printed twice) is kept once.
    if (seen.has(text)) continue
    seen.add(text)
    const start = lineStart + leading
    const end = start + text.length
    const previous = blocks[blocks.length - 1]
    // Lines after `X also said:` that end without a stop are list items, not headings.
    inList = previous !== undefined && previous.role === 'body' && (original.slice(previous.start, previous.end).endsWith(':') || (inList && !TERMINATED.test(original.slice(previous.start, previous.end))))
    const firstBody = !blocks.some((b) => b.role === 'body')
    const role = blocks.length === 0 ? 'title' : roleOf(text, blocks.length, inList, firstBody)
    const bodyStart = role === 'body' ? start + datelineLength(text, blocks) : start
    blocks.push({ start, end, role, bodyStart })
  }
  return blocks
}

const TERMINATED = /[.!?…]["”’')\]]?$/

function roleOf(text: string, position: number, inList: boolean, firstBody: boolean): Block['role'] {
  if (BYLINE.test(text) && text.length <= 100 && !/[.!?]["”’']?$/.test(text.replace(/\.$/, ''))) return 'byline'
  if (!inList && isHeading(text, firstBody)) return 'heading'
  if (position > 1 && text.length <= 240 && (CREDIT.test(text) || /\bcontributed (?:to this report|reporting)\b/.test(text))) return 'credit'
  return 'body'
}

/** A short line with no sentence ending: a section heading, perhaps in quotation marks. A standfirst may be short too, so the first body line must be shorter still. */
function isHeading(text: string, firstBody: boolean): boolean {
  const words = text.split(/\s+/).length
  if (words > (firstBody ? 8 : 14) || text.length > (firstBody ? 70 : 110)) return false
  if (/[.!?,;:]$/.test(text) || /[.!?,;:]["”’']$/.test(text)) return false
  if (/^[a-z]/.test(text)) return false
  return true
}

/** The length of a dateline at the start of one of the first body paragraphs, else 0. */
function datelineLength(text: string, earlier: readonly Block[]): number {
  if (earlier.filter((b) => b.role === 'body').length >= 2) return 0
  const match = DATELINE.exec(text.slice(0, 80))
  if (!match || match[0].length >= text.length) return 0
  const lead = match[0]
  // A place must look like one: all capitals (`LONDON`) or followed by a date; otherwise it is a sentence with a dash.
  const place = lead.split(/[,—–(-]/)[0]!.trim()
  const hasDate = match[1] !== undefined
  if (!hasDate && !(place.length > 0 && place === place.toUpperCase() && /\p{Lu}{2}/u.test(place))) return 0
  return lead.length
}

function dateOf(dateline: string): string | undefined {
  return new RegExp(DATE, 'u').exec(dateline)?.[0]
}

/** `Stella Kim reported from Seoul, and Jennifer Jett from Hong Kong.` → `Stella Kim and Jennifer Jett`. */
function reporterCredit(credits: readonly string[]): string | undefined {
  for (const credit of credits) {
    if (!/\breported from\b/.test(credit)) continue
    const names = [...credit.matchAll(/(?:^|,\s*(?:and\s+)?|\band\s+)((?:[A-Z][\p{L}'’-]+\s+){1,3}?)(?:reported\s+)?from\b/gu)]
      .map((m) => m[1]!.trim())
      .filter(Boolean)
    if (names.length > 0) return names.join(' and ')
  }
  return undefined
}

function definedOnly<T extends Record<string, string | undefined>>(record: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<Record<keyof T, string>>
}
