import type { ArticleInput } from '../../core/library.js'

/** What a reader of one file format gives: the article's text and metadata, or why the file is not an article. */
export type Converted =
  | { readonly ok: true; readonly text: string; readonly meta: NonNullable<ArticleInput['meta']> }
  | { readonly ok: false; readonly reason: string }

/**
 * Bytes → a string, or why they are not text: empty, binary (NUL bytes or
 * control characters), or not valid in their encoding. UTF-8 unless the caller
 * names another encoding (an HTML page's declared charset). A byte order mark
 * is dropped.
 */
export function decodeText(bytes: Uint8Array, encoding = 'utf-8'): { ok: true; text: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'empty file' }
  if (bytes.includes(0)) return { ok: false, reason: 'not text (binary data)' }
  let text: string
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return { ok: false, reason: `not text (not valid ${encoding.toUpperCase()})` }
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file' }
  if (controlShare(text) > 0.01) return { ok: false, reason: 'not text (binary data)' }
  return { ok: true, text }
}

/** The share of C0 control characters other than tab, line feed, form feed and carriage return. */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192)
  const controls = sample.match(/[\u0001-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0
  return controls / sample.length
}

/** The plain-text form every reader produces: the title line, a blank line, then one paragraph a line, separated by blank lines. */
export function articleText(title: string, paragraphs: readonly string[]): string {
  return `${[title, ...paragraphs].join('\n\n')}\n`
}

/**
 * A publication date as `YYYY-MM-DD` where it is an ISO date (the calendar
 * date the page wrote, not shifted to UTC), a date `Date.parse` reads, or
 * else the text as given.
 */
export function cleanDate(value: string | undefined): string | undefined {
  const text = value?.trim()
  if (!text) return undefined
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)
  if (iso) return iso[1]
  const time = Date.parse(text)
  if (!Number.isNaN(time) && /\d{4}/.test(text)) return new Date(time).toISOString().slice(0, 10)
  return text.length <= 60 ? text : undefined
}
