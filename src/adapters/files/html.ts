import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import { articleText, cleanDate, type Converted } from './text.js'

/*
 * The little of the DOM this module touches. The project compiles without the
 * DOM library (Node has no DOM); linkedom's objects have these members.
 */
interface DomNode {
  readonly nodeType: number
  readonly textContent: string | null
  readonly childNodes: ArrayLike<DomNode>
}
interface DomElement extends DomNode {
  readonly tagName: string
  getAttribute(name: string): string | null
}
interface DomDocument {
  querySelector(selector: string): DomElement | null
  querySelectorAll(selector: string): ArrayLike<DomElement>
}

/**
 * A saved web page → the article's plain text (title line, then one paragraph
 * a line, separated by blank lines) and what the page says about itself.
 *
 * The text Verbatim holds for a page is this extracted text: every quote's
 * offsets point into it, not into the HTML.
 */
export function htmlToArticle(html: string, fallbackTitle: string): Converted {
  if (!/<[a-z!/]/i.test(html)) return { ok: false, reason: 'not HTML (no tags found)' }
  // linkedom needs a whole document; a bare fragment of paragraphs is a page's body.
  const page = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`
  let document: DomDocument
  try {
    document = parseHTML(page).document as DomDocument
  } catch (error) {
    return { ok: false, reason: `bad HTML (${messageOf(error)})` }
  }
  // Read the page's own metadata first: Readability rewrites the document as it goes.
  const meta = pageMeta(document, html)
  let parsed: ReturnType<Readability<DomNode>['parse']>
  try {
    parsed = new Readability<DomNode>(document, { serializer: (node: DomNode) => node }).parse()
  } catch (error) {
    return { ok: false, reason: `bad HTML (${messageOf(error)})` }
  }
  const paragraphs = parsed?.content ? blocksOf(parsed.content) : []
  if (paragraphs.length === 0) return { ok: false, reason: 'no article text found in the page' }

  const title = oneLine(parsed?.title ?? '') || meta.title || fallbackTitle
  const byline = meta.byline ?? cleanByline(parsed?.byline)
  const publisher = meta.publisher ?? (oneLine(parsed?.siteName ?? '') || undefined)
  const date = meta.date ?? cleanDate(parsed?.publishedTime ?? undefined)
  return {
    ok: true,
    text: articleText(title, paragraphs),
    meta: definedOnly({ title, url: meta.url, date, byline, publisher }),
  }
}

/** Elements whose start and end break a paragraph. */
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'DD', 'DIV', 'DL', 'DT', 'FOOTER', 'H1', 'H2', 'H3', 'H4',
  'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD',
  'TR', 'UL',
])
/** Elements that are never article prose: photo captions with their credits, scripts, forms. */
const SKIP = new Set(['FIGURE', 'FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SVG', 'IFRAME', 'SELECT', 'TEXTAREA'])

/** The text of each block of the extracted article, white space collapsed as a browser would. */
function blocksOf(root: DomNode): string[] {
  const blocks: string[] = []
  let buffer = ''
  const flush = () => {
    const text = oneLine(buffer)
    // A block with no letter or figure (a stray full stop between links) is not a paragraph.
    if (/[\p{L}\p{N}]/u.test(text)) blocks.push(text)
    buffer = ''
  }
  const walk = (node: DomNode): void => {
    if (node.nodeType === 3) {
      buffer += node.textContent ?? ''
      return
    }
    if (node.nodeType !== 1) return
    const tag = (node as DomElement).tagName.toUpperCase()
    if (SKIP.has(tag)) return
    if (tag === 'BR') return flush()
    const block = BLOCK.has(tag)
    if (block) flush()
    for (const child of Array.from(node.childNodes)) walk(child)
    if (block) flush()
  }
  walk(root)
  flush()
  return blocks
}

/**
 * Collapses white space as a reader sees it. No-break spaces count as spaces:
 * pages scatter `&nbsp;` where a plain space is meant, and a quote should
 * hold what a reader sees (the corpus texts beside the pages do the same).
 */
function oneLine(text: string): string {
  return text.replace(/[ \t\n\r\f\u00a0]+/g, ' ').trim()
}

interface PageMeta {
  title?: string
  url?: string
  date?: string
  byline?: string
  publisher?: string
}

/** Title, link, date, byline and publisher from the page's head and structured data. */
function pageMeta(document: DomDocument, html: string): PageMeta {
  const metaContent = (selector: string) => oneLine(document.querySelector(selector)?.getAttribute('content') ?? '') || undefined
  const ld = jsonLd(document)
  const url =
    httpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ??
    httpUrl(metaContent('meta[property="og:url"]')) ??
    httpUrl(savedFromUrl(html))
  // Structured publication dates first; a bare <time> may be an update or a comment's time.
  const date = cleanDate(
    metaContent('meta[property="article:published_time"]') ??
      metaContent('meta[property="article:published"]') ??
      stringAt(ld, 'datePublished') ??
      metaContent('meta[itemprop="datePublished"]') ??
      document.querySelector('time[datetime]')?.getAttribute('datetime') ??
      dateInUrl(url),
  )
  const publisher = metaContent('meta[property="og:site_name"]') ?? nameAt(ld, 'publisher')
  const byline = cleanByline(metaContent('meta[name="author"]') ?? nameAt(ld, 'author'))
  const title = metaContent('meta[property="og:title"]') ?? (oneLine(document.querySelector('title')?.textContent ?? '') || undefined)
  return definedOnly({ title, url, date, byline, publisher })
}

/** Every JSON-LD object on the page, `@graph`s and arrays flattened; bad JSON is passed over. */
function jsonLd(document: DomDocument): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = []
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect)
    else if (value && typeof value === 'object') {
      objects.push(value as Record<string, unknown>)
      collect((value as Record<string, unknown>)['@graph'])
    }
  }
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      collect(JSON.parse(script.textContent ?? ''))
    } catch {
      // A page's broken structured data is not the article's problem.
    }
  }
  return objects
}

function stringAt(objects: readonly Record<string, unknown>[], key: string): string | undefined {
  for (const o of objects) {
    const value = o[key]
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return undefined
}

/** `publisher: {name}` or `author: [{name}, …]` or a plain string. */
function nameAt(objects: readonly Record<string, unknown>[], key: string): string | undefined {
  for (const o of objects) {
    const names = [o[key]]
      .flat()
      .map((v) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Record<string, unknown>)['name'] : undefined))
      .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
      .map((v) => v.trim())
    if (names.length > 0) return names.join(' and ')
  }
  return undefined
}

/** The page's address as a browser's "save page" wrote it: `<!-- saved from url=(0023)https://… -->`. */
function savedFromUrl(html: string): string | undefined {
  return /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html.slice(0, 2048))?.[1]
}

/** News sites often file a story under its date: `…/2015/03/18/…`. The last resort. */
function dateInUrl(url: string | undefined): string | undefined {
  const match = url && /\/((?:19|20)\d{2})\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//.exec(url)
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined
}

/** Only absolute http(s) links are kept: a citation must not point anywhere else. */
function httpUrl(value: string | null | undefined): string | undefined {
  const url = value?.trim()
  if (!url || !URL.canParse(url)) return undefined
  return /^https?:$/.test(new URL(url).protocol) ? url : undefined
}

/** `By Erin Cunningham` → `Erin Cunningham`. */
function cleanByline(value: string | null | undefined): string | undefined {
  const text = oneLine(value ?? '').replace(/^by\s+/i, '')
  return text === '' || text.length > 120 ? undefined : text
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 200) : String(error)
}

function definedOnly<T extends object>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> }
}
