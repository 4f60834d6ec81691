/**
 * Text → tokens for matching (never for display). Keeps what news questions
 * turn on: figures (`1,500` → `1500`, `21st`), acronyms (`U.S.` → `u.s.`),
 * slashed names (`PMOI/MEK` → `pmoi/mek`, `pmoi`, `mek`), possessives
 * (`people’s` → `people`), curly apostrophes.
 *
 * Every pattern here is linear: one character class repeated, separated by
 * single connector characters that the class does not contain, so no input
 * can make it backtrack.
 */

/** One token of a text, folded for matching. */
export interface Token {
  /** The folded forms to match: the token first, then its parts (`pmoi/mek`, `pmoi`, `mek`). */
  readonly forms: readonly string[]
  readonly kind: 'word' | 'number' | 'ordinal' | 'acronym' | 'time'
  /** Starts with a capital letter in the text. */
  readonly capitalized: boolean
  /** Nothing but a sentence boundary (or the start) before it: a capital here says little. */
  readonly sentenceStart: boolean
  /** Written with `'s` (`Amnesty’s`). */
  readonly possessive: boolean
  /** A `%` follows the figure. */
  readonly percent: boolean
}

/** Control characters become spaces; format characters (zero-width, bidi overrides, soft hyphen) vanish. */
const CONTROL = /\p{Cc}+/gu
const FORMAT = /\p{Cf}+/gu
const MARKS = /\p{M}+/gu
/** Text that needs no Unicode normalisation: printable ASCII and the usual typographic punctuation. */
const PLAIN = /^[\x20-\x7e\u2018\u2019\u201c\u201d\u2013\u2014]*$/

/**
 * The text as matching sees it: control, zero-width and bidi characters
 * stripped, compatibility forms folded (NFKC: `＠` → `@`, `ﬁ` → `fi`), accents
 * dropped (`François` → `Francois`). Case is kept: the tokenizer needs it.
 */
export function cleanForMatching(text: string): string {
  if (PLAIN.test(text)) return text
  return text.replace(CONTROL, ' ').replace(FORMAT, '').normalize('NFKD').replace(MARKS, '').normalize('NFKC')
}

/**
 * A run of letters and digits, joined by single connectors: apostrophes,
 * periods, slashes, ampersands, hyphens, and commas or colons between digits.
 */
const TOKEN = /[\p{L}\p{N}]+(?:(?:['’ʼ.\/&\-‐‑]|(?<=\p{N})[,:](?=\p{N}))[\p{L}\p{N}]+)*/gu
const TOKEN_ASCII = /[A-Za-z0-9]+(?:(?:['’.\/&\-]|(?<=[0-9])[,:](?=[0-9]))[A-Za-z0-9]+)*/g
const APOSTROPHE = /['’ʼ]/
const APOSTROPHES = /['’ʼ]/g
const HYPHEN = /[-‐‑]/
const DIGITS = /^\p{N}+$/u
const FIGURE = /^\p{N}+(?:[.,]\p{N}+)*$/u
const ORDINAL = /^\p{N}+(?:st|nd|rd|th|s)$/iu
const CLOCK = /^\p{N}{1,2}:\p{N}{2}$/u
const PLAIN_WORD = /^[A-Za-z]+$/
const UPPER = /\p{Lu}/u
const LOWER = /\p{Ll}/u
/** What may stand between a sentence's end and its first word. */
const SENTENCE_END = new Set(['.', '!', '?', '“', '"', '‘', "'", '(', '[', '—', '–', ':', ';', '…', '\n'])

/** Tokens of a text that has been through {@link cleanForMatching}. */
export function tokenize(clean: string): Token[] {
  const tokens: Token[] = []
  // Plain text (nearly all news) takes the same pattern over ASCII classes, which runs faster.
  const pattern = PLAIN.test(clean) ? TOKEN_ASCII : TOKEN
  pattern.lastIndex = 0
  for (let match = pattern.exec(clean); match !== null; match = pattern.exec(clean)) {
    const raw = match[0]
    const start = match.index
    const sentenceStart = startsSentence(clean, start)
    if (PLAIN_WORD.test(raw)) {
      // Most tokens are plain words: no figure, apostrophe, period or slash to read.
      const first = raw.charCodeAt(0)
      const capitalized = first >= 65 && first <= 90
      if (raw === 'US') tokens.push(token(['u.s.'], 'acronym', capitalized, sentenceStart, false, false))
      else tokens.push(token([raw.toLowerCase()], capitalized && allCapitals(raw) ? 'acronym' : 'word', capitalized, sentenceStart, false, false))
      continue
    }
    const end = start + raw.length
    const context = {
      sentenceStart,
      percent: clean[end] === '%' || (clean[end] === ' ' && clean.startsWith('per cent', end + 1)) || clean.startsWith(' percent', end),
    }
    // Hyphenated words are their parts: `fact-finding` matches `fact finding`.
    const pieces = HYPHEN.test(raw) ? raw.split(HYPHEN) : [raw]
    pieces.forEach((piece, i) => {
      if (piece !== '') pushPiece(tokens, piece, context, i === 0)
    })
  }
  return tokens
}

function pushPiece(tokens: Token[], raw: string, context: { sentenceStart: boolean; percent: boolean }, first: boolean): void {
  const capitalized = UPPER.test(raw[0] ?? '')
  const sentenceStart = first && context.sentenceStart

  if (CLOCK.test(raw)) {
    tokens.push(token([raw], 'time', capitalized, sentenceStart, false, false))
    return
  }
  if (FIGURE.test(raw)) {
    // `1,500` and `1500` are one figure; `3.5` keeps its point.
    tokens.push(token([raw.replace(/,/g, '')], 'number', capitalized, sentenceStart, false, context.percent))
    return
  }
  if (ORDINAL.test(raw)) {
    tokens.push(token([raw.toLowerCase()], 'ordinal', capitalized, sentenceStart, false, false))
    return
  }

  let word = raw
  let possessive = false
  if (APOSTROPHE.test(word)) {
    const parts = word.split(APOSTROPHE)
    const last = parts[parts.length - 1]!
    if (parts.length > 1 && (last === 's' || last === 'S')) {
      possessive = true
      parts.pop()
    }
    word = parts.join('')
  }

  if (word.includes('.')) {
    const parts = word.split('.')
    if (parts.every((p) => p.length <= 2 && !DIGITS.test(p))) {
      // `U.S`, `p.m`, `Ph.D`: an abbreviation, kept whole so that `U.S.` never becomes the pronoun `us`.
      tokens.push(token([`${parts.join('.').toLowerCase()}.`], 'acronym', capitalized, sentenceStart, possessive, false))
      return
    }
    // `Iran.The` (a missing space), `example.com`: separate words.
    parts.forEach((p, i) => {
      if (p !== '') pushPiece(tokens, p, context, first && i === 0)
    })
    return
  }

  if (word.includes('/') || word.includes('&')) {
    const parts = word.split(/[/&]/).filter((p) => p !== '').map(fold)
    tokens.push(token([fold(word), ...parts], isAcronym(word) ? 'acronym' : 'word', capitalized, sentenceStart, possessive, false))
    return
  }

  if (word === 'US') {
    // The country in capitals, not the pronoun.
    tokens.push(token(['u.s.'], 'acronym', capitalized, sentenceStart, possessive, false))
    return
  }
  tokens.push(token([fold(word)], isAcronym(word) ? 'acronym' : 'word', capitalized, sentenceStart, possessive, false))
}

/** A token, its fields always in one order: every token has one shape, which keeps the code that reads them fast. */
export function token(
  forms: readonly string[],
  kind: Token['kind'],
  capitalized: boolean,
  sentenceStart: boolean,
  possessive: boolean,
  percent: boolean,
): Token {
  return { forms, kind, capitalized, sentenceStart, possessive, percent }
}

/** `NCRI`: two or more ASCII letters, every one a capital. */
function allCapitals(word: string): boolean {
  if (word.length < 2) return false
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code < 65 || code > 90) return false
  }
  return true
}

function fold(word: string): string {
  return word.toLowerCase().replace(APOSTROPHES, '')
}

/** `NCRI`, `PMOI/MEK`: two or more letters, all capitals. */
function isAcronym(word: string): boolean {
  return word.length >= 2 && UPPER.test(word) && !LOWER.test(word)
}

function startsSentence(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text[i]!
    if (ch === ' ' || ch === '\t' || ch === '\u00a0') continue
    return SENTENCE_END.has(ch)
  }
  return true
}
