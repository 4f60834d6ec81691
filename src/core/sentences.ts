/**
 * Paragraph → sentences, with offsets. `Intl.Segmenter` keeps exact offsets
 * and is fast; a small merge step mends the places where it splits too eagerly
 * (after abbreviations and initials, and after a quoted question or
 * exclamation that the sentence goes on from: `“Why?” asked X`).
 */

export interface Span {
  readonly start: number
  readonly end: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/** Titles that always precede a name, so a split after them is always wrong. */
const ALWAYS_BEFORE_NAME = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'pvt',
  'gov', 'sen', 'rep', 'rev', 'st', 'mt', 'ft', 'fr', 'hon', 'pres', 'supt', 'insp', 'det', 'amb', 'messrs', 'vs',
])

/** Abbreviations that do not end a sentence when a figure follows: `Dec. 16`, `No. 10`. */
const BEFORE_FIGURE = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'no', 'nos', 'vol', 'art', 'fig', 'approx', 'p', 'pp', 'ch', 'sec',
])

/** Abbreviations that rarely end a sentence and are often followed by a name: `Amazon Inc. Chief`. */
const BEFORE_CAPITAL = new Set(['inc', 'corp', 'co', 'ltd', 'bros', 'jr', 'sr', 'cf', 'al', 'univ', 'dept', 'ave', 'blvd'])

/** Words that usually open a sentence, so a capital after an abbreviation that precedes one is a new sentence. */
const SENTENCE_OPENING = /^(?:The|A|An|It|Its|He|She|They|We|I|You|His|Her|Their|Our|But|And|Or|So|Yet|In|On|At|As|If|When|While|After|Before|Since|This|That|These|Those|There|Here|Some|Many|Most|Meanwhile|However|Still|Also|Then|Now|Earlier|Later|Last|Officials|Mr|Mrs|Ms|Dr)\b/u

/** Sentence spans of `text[start, end)`, trimmed of surrounding white space. */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const slice = text.slice(start, end)
  const raw: Span[] = []
  for (const part of segmenter.segment(slice)) {
    const s = start + part.index
    // An ellipsis before a capital ends a sentence (`on myself… My family know`); the segmenter does not split there.
    let from = s
    for (const m of part.segment.matchAll(/…[”"’']?\s+(?=[“"‘']?\p{Lu})/gu)) {
      raw.push({ start: from, end: s + m.index + m[0].length })
      from = s + m.index + m[0].length
    }
    raw.push({ start: from, end: s + part.segment.length })
  }
  const merged: Span[] = []
  for (const span of raw) {
    const previous = merged[merged.length - 1]
    if (previous && shouldMerge(text.slice(previous.start, previous.end), text.slice(span.start, span.end))) {
      merged[merged.length - 1] = { start: previous.start, end: span.end }
    } else {
      merged.push(span)
    }
  }
  return merged.map((span) => trim(text, span)).filter((span) => span.end > span.start)
}

function shouldMerge(before: string, after: string): boolean {
  const head = before.trimEnd()
  const next = after.trimStart()
  if (next === '') return true
  // No space between the parts: a split inside a token (`<!here>`, `Yahoo!News`), never a sentence end.
  if (head.length === before.length && next.length === after.length) return true
  // "“Why?” asked Jane." / "'Stop!' he shouted.": a quotation ending in ? or ! that the sentence continues.
  if (/[?!][”"’']$/.test(head) && /^[a-z]/.test(next)) return true
  // A sentence continues after a lower-case word: "the U.S. military", "5 p.m. local time".
  if (/^[a-z]/.test(next) && /\.$/.test(head) && !/[”"’']$/.test(head)) return true
  const lastWord = /(?:^|[\s(“"'‘])([A-Za-z][A-Za-z.]*)\.$/.exec(head)?.[1]
  if (!lastWord) return false
  const word = lastWord.toLowerCase()
  if (ALWAYS_BEFORE_NAME.has(word)) return true
  // Initials: "J. R. R. Tolkien", "Donald J. Trump".
  if (/^[A-Z]$/.test(lastWord) && /^[A-Z]/.test(next)) return true
  // `10:30 p.m. Tuesday`, `the U.S. Embassy`: dotted initials go on unless a usual sentence opening follows.
  if (/^(?:[a-z]\.){2,}$|^(?:[A-Z]\.){2,}$/.test(lastWord + '.') && /^\p{Lu}/u.test(next) && !SENTENCE_OPENING.test(next)) return true
  // `8:51 p.m. (1451 GMT)`: a bracket after a dotted abbreviation goes on with the sentence.
  if (/^(?:[a-zA-Z]\.){2,}$/.test(lastWord + '.') && /^\(/.test(next)) return true
  if (BEFORE_FIGURE.has(word) && /^\d/.test(next)) return true
  if (BEFORE_CAPITAL.has(word) && /^[A-Z]/.test(next) && !SENTENCE_OPENING.test(next)) return true
  return false
}

function trim(text: string, span: Span): Span {
  let { start, end } = span
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return { start, end }
}
