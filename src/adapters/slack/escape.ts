/**
 * Slack's text escaping. Slack treats `&`, `<` and `>` as control characters
 * (`<!channel>`, `<@U123>`, `<https://x|label>`); escaped, they show as the
 * original text and do nothing, so quotes stay verbatim on screen.
 */

/** `a&b <!channel>` → `a&amp;b &lt;!channel&gt;`: shows as typed, pings nobody, links nowhere. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
}

/**
 * Undoes the escaping Slack applies to what people type, so the core sees the
 * question as typed (`a&amp;b` → `a&b`). `&amp;` last, so `&amp;lt;` stays `&lt;`.
 */
export function unescapeSlack(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&')
}

/**
 * Escapes a label (a title, a name: never a quote) and, if it is longer than
 * `max` characters once escaped, ends it early with `…` on a whole character.
 */
export function escapeClipped(text: string, max: number): string {
  const escaped = escapeMrkdwn(text)
  if (escaped.length <= max) return escaped
  let out = ''
  for (const char of text) {
    const next = escapeMrkdwn(char)
    if (out.length + next.length + 1 > max) break
    out += next
  }
  return `${out}…`
}

/**
 * A link Slack shows as `label` and opens at `url`, for URLs from the loaded
 * articles' metadata only. Anything but http(s) is shown as the bare label.
 */
export function linkOrLabel(url: string | undefined, label: string, max: number): string {
  const safe = url === undefined ? null : safeUrl(url)
  if (safe === null || safe.length > max / 2) return escapeClipped(label, max)
  return `<${safe}|${escapeClipped(label, max - safe.length - 3)}>`
}

function safeUrl(url: string): string | null {
  if (!URL.canParse(url)) return null
  const parsed = new URL(url)
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null
  // `|` would end the URL part of `<url|label>`; the WHATWG serialiser leaves it as is.
  return escapeMrkdwn(parsed.href.replace(/\|/g, '%7C'))
}
