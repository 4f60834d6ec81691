/**
 * How Discord reads the markdown we send, written independently of the
 * renderer so the tests check it rather than restate it.
 */

/** What a reader sees: Discord drops a backslash before any character that is not a letter, digit or space. */
export function displayed(markdown: string): string {
  return markdown.replace(/\\([^0-9A-Za-z\s])/g, '$1')
}

/** Characters that format, link or mention and are not escaped: each would change what the reader sees. */
export function liveMarkdown(markdown: string): string[] {
  const live: string[] = []
  for (let i = 0; i < markdown.length; i++) {
    const ch = markdown[i]!
    if (ch === '\\') {
      i++ // the next character is escaped
      continue
    }
    if ('*_`[<'.includes(ch)) live.push(ch)
    // One tilde or bar is plain text; two strike through or hide as a spoiler.
    else if ((ch === '~' || ch === '|') && markdown[i + 1] === ch) live.push(ch + ch)
  }
  return live
}

/** Mentions Discord would render as a pill or highlight (and ping, but for allowed_mentions). */
export function liveMentions(markdown: string): string[] {
  const unescaped = /(?<!\\)(?:\\\\)*(@(?:everyone|here)\b|<@[!&]?\d+>|<#\d+>)/g
  return [...markdown.matchAll(unescaped)].map((m) => m[1]!)
}
