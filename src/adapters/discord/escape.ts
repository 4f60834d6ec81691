/**
 * Discord reads `\` before any ASCII punctuation as "show this character as
 * it is", so a backslash escape changes what is sent, never what is read.
 * That is how article text stays verbatim on screen: escaped, not altered.
 */

/** Characters that format, link or mention wherever they stand (`@` so not even `@everyone` is highlighted). */
const ANYWHERE = new Set(['\\', '*', '_', '~', '`', '|', '[', ']', '<', '@'])
/** Characters that start a heading, list, block quote or subtext only at the start of a line. */
const LINE_START = new Set(['#', '-', '+', '>'])

/**
 * Article text (a quote, a speaker, a title) escaped so that Discord shows it
 * character for character: no bold, spoiler, code, masked link, mention pill,
 * heading or list can come out of it. One pass, linear in the text's length.
 */
export function escapeVerbatim(text: string): string {
  let out = ''
  let atLineStart = true
  let digitsAtLineStart = false
  for (const ch of text) {
    if (ch === '\n') {
      out += ch
      atLineStart = true
      digitsAtLineStart = false
      continue
    }
    const numberedList = digitsAtLineStart && ch === '.'
    if (ANYWHERE.has(ch) || (atLineStart && LINE_START.has(ch)) || numberedList) out += '\\'
    out += ch
    if (atLineStart && ch >= '0' && ch <= '9') digitsAtLineStart = true
    else if (!(digitsAtLineStart && ch >= '0' && ch <= '9')) digitsAtLineStart = false
    if (ch !== ' ' && ch !== '\t') atLineStart = false
  }
  return out
}

/** How much of what a user typed is echoed back: enough to recognise the question. */
export const ECHO_MAX_CHARACTERS = 200

// Control, format (zero-width, bidi override) and line-breaking characters.
const INVISIBLE_OR_BREAKING = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu

/**
 * Text a user typed, shown back to them on one line: invisible and bidi
 * characters dropped, cut to {@link ECHO_MAX_CHARACTERS}, then escaped like
 * article text, so it displays as typed and no formatting, link or mention
 * can come out of it, whatever `allowed_mentions` says.
 *
 * Not discord.js's `escapeMarkdown`: it leaves mentions and `@everyone` alone,
 * and by design skips `_` inside what looks like a custom emoji (`<:a_b_c`) or
 * a URL, so once `<` is escaped too, `_b_` turns italic again (a property test
 * found it). Its regular expressions are also super-linear on long input.
 */
export function escapeEcho(text: string, max = ECHO_MAX_CHARACTERS): string {
  const oneLine = text.replace(INVISIBLE_OR_BREAKING, ' ').replace(/\s+/g, ' ').trim()
  const characters = [...oneLine]
  const cut = characters.length > max ? `${characters.slice(0, max - 1).join('').trimEnd()}…` : oneLine
  return escapeVerbatim(cut)
}
