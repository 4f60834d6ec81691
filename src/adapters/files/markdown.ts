import { articleText, cleanDate, type Converted } from './text.js'

/** The front-matter keys Verbatim reads; `author` is taken as the byline, `link` and `canonical` as the url. */
const KEYS: Readonly<Record<string, 'title' | 'url' | 'date' | 'byline' | 'publisher'>> = {
  title: 'title',
  url: 'url',
  link: 'url',
  canonical: 'url',
  date: 'date',
  published: 'date',
  byline: 'byline',
  author: 'byline',
  publisher: 'publisher',
  source: 'publisher',
}

/**
 * A Markdown article → the plain-text form (title line, then one paragraph a
 * line) and the metadata of its front matter:
 *
 * ```md
 * ---
 * title: Attack stokes instability fears
 * url: https://example.com/story
 * date: 2015-03-18
 * byline: Erin Cunningham
 * publisher: The Washington Post
 * ---
 * CAIRO — Gunmen opened fire …
 * ```
 *
 * Front matter is read as flat `key: value` lines (values may be quoted);
 * that is all an article's metadata needs, so no YAML library. The body's
 * markup is removed (emphasis, links, headings' `#`, list and quote markers)
 * and hard-wrapped lines are joined, so quotes hold the words a reader sees;
 * offsets point into this plain text, not into the Markdown.
 */
export function markdownToArticle(source: string, fallbackTitle: string): Converted {
  const split = splitFrontMatter(source)
  if (!split.ok) return split
  const { fields, body } = split
  const paragraphs = markdownParagraphs(body)
  let title = fields.title
  if (paragraphs[0]?.heading && (title === undefined || paragraphs[0].text === title)) {
    title ??= paragraphs[0].text
    paragraphs.shift()
  }
  if (title === undefined) title = paragraphs.shift()?.text
  if (paragraphs.length === 0) return { ok: false, reason: 'no article text after the title' }
  const date = cleanDate(fields.date)
  return {
    ok: true,
    text: articleText(title ?? fallbackTitle, paragraphs.map((p) => p.text)),
    meta: {
      ...(title !== undefined ? { title } : {}),
      ...(fields.url && /^https?:\/\//i.test(fields.url) && URL.canParse(fields.url) ? { url: fields.url } : {}),
      ...(date ? { date } : {}),
      ...(fields.byline ? { byline: fields.byline } : {}),
      ...(fields.publisher ? { publisher: fields.publisher } : {}),
    },
  }
}

type Fields = Partial<Record<'title' | 'url' | 'date' | 'byline' | 'publisher', string>>

/** Front matter between `---` lines at the very start, or none. */
function splitFrontMatter(source: string): { ok: true; fields: Fields; body: string } | { ok: false; reason: string } {
  const lines = source.split(/\r?\n/)
  if (lines[0]?.trim() !== '---') return { ok: true, fields: {}, body: source }
  const close = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line))
  if (close < 0) return { ok: false, reason: 'front matter is not closed (no second --- line)' }
  const fields: Fields = {}
  for (const line of lines.slice(1, close)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!match) continue
    const key = KEYS[match[1]!.toLowerCase()]
    const value = unquote(match[2]!.replace(/\s+#.*$/, '').trim())
    if (key && value !== '' && fields[key] === undefined) fields[key] = value
  }
  return { ok: true, fields, body: lines.slice(close + 1).join('\n') }
}

function unquote(value: string): string {
  if (/^"(?:[^"\\]|\\.)*"$/.test(value)) return value.slice(1, -1).replace(/\\(.)/g, '$1').trim()
  if (/^'(?:[^']|'')*'$/.test(value)) return value.slice(1, -1).replace(/''/g, "'").trim()
  return value
}

interface Paragraph {
  readonly text: string
  readonly heading: boolean
}

/** The body's paragraphs, headings and list items, each one line of plain text. */
function markdownParagraphs(body: string): Paragraph[] {
  const paragraphs: Paragraph[] = []
  let lines: string[] = []
  let fence: string | null = null
  const flush = () => {
    const text = inline(lines.join(' '))
    if (/[\p{L}\p{N}]/u.test(text)) paragraphs.push({ text, heading: false })
    lines = []
  }
  for (const raw of body.replace(/<!--[\s\S]*?-->/g, '').split(/\r?\n/)) {
    // Code is not article prose: fenced blocks are left out.
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1]
    if (fence !== null) {
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null
      continue
    }
    if (fenceMark) {
      flush()
      fence = fenceMark
      continue
    }
    const line = raw.replace(/^\s{0,3}(?:>\s?)+/, '').trim()
    if (line === '' || /^(?:[-*_]\s*){3,}$/.test(line)) {
      flush()
      continue
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line)
    if (heading) {
      flush()
      const text = inline(headingText(heading[1]!))
      if (text !== '') paragraphs.push({ text, heading: true })
      continue
    }
    const item = /^(?:[-*+]|\d{1,3}[.)])\s+(.*)$/.exec(line)
    if (item) {
      flush()
      lines.push(item[1]!)
      continue
    }
    // Setext headings: the line under a heading (`===` / `---`) is not text.
    if (/^=+$/.test(line)) continue
    lines.push(line)
  }
  flush()
  return paragraphs
}

/**
 * Inline markup → the words a reader sees. Every span is bounded (a link's
 * text, an emphasis) so that no line, however hostile, makes a pattern
 * backtrack over the whole paragraph.
 */
function inline(text: string): string {
  return text
    .replace(/!\[[^\]\n]{0,500}\]\([^)\s]{0,2000}\)/g, '')
    .replace(/\[([^\]\n]{1,500})\]\([^)\s]{0,2000}\)/g, '$1')
    .replace(/\[([^\]\n]{1,500})\]\[[^\]\n]{0,100}\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]{1,2000})>/g, '$1')
    .replace(/`([^`\n]{1,500})`/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]{0,500}?\S)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]{0,500}?\S)\*(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_\n]{0,500}?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** `## Talks planned ##` → `Talks planned`: the closing hashes go, without a pattern that could backtrack. */
function headingText(rest: string): string {
  let text = rest.trimEnd()
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end < text.length && (end === 0 || /\s/.test(text[end - 1]!))) text = text.slice(0, end).trimEnd()
  return text
}
