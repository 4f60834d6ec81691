/**
 * Where a paragraph's quotations are. Handles curly and straight double and
 * single quotation marks, tells apostrophes (`people’s`, `don't`, `brothers'`)
 * from closing marks, and carries a quotation left open at the end of a
 * paragraph into the next one, as news style does for long quotations.
 */

export interface Quotation {
  /** Offset of the opening mark (or the paragraph start, when carried over). */
  readonly start: number
  /** Offset just past the closing mark (or the paragraph end, when left open). */
  readonly end: number
  readonly open: boolean
  readonly carried: boolean
}

const OPENERS: Record<string, string> = { '“': '”', '"': '"', '‘': '’', "'": "'", '«': '»' }

/** Finds quotations in `text[start, end)`; `carried` is true when the previous paragraph left one open. */
export function findQuotations(text: string, start: number, end: number, carried: boolean): Quotation[] {
  const found: Quotation[] = []
  let openAt = carried ? start : -1
  let closer = carried ? '”' : ''
  let isCarried = carried
  for (let i = start; i < end; i++) {
    const ch = text[i]!
    if (openAt < 0) {
      if (ch in OPENERS && isOpening(text, i, start)) {
        openAt = i
        closer = OPENERS[ch]!
        isCarried = false
      }
      continue
    }
    // A carried quotation re-opens with a mark at the paragraph start: skip it.
    if (isCarried && i === start && ch in OPENERS) {
      closer = OPENERS[ch]!
      continue
    }
    if ((ch === closer || (closer === '"' && ch === '”') || (closer === '”' && ch === '"')) && isClosing(text, i, end)) {
      found.push({ start: openAt, end: i + 1, open: false, carried: isCarried })
      openAt = -1
      isCarried = false
    }
  }
  if (openAt >= 0) found.push({ start: openAt, end, open: true, carried: isCarried })
  return found
}

function isOpening(text: string, i: number, start: number): boolean {
  const ch = text[i]!
  const before = i > start ? text[i - 1]! : ' '
  const after = text[i + 1] ?? ' '
  if (/\s/.test(after)) return false
  if (ch === '“' || ch === '«') return true
  // Straight and single marks open only after a space, bracket, dash or colon: never inside a word.
  return /[\s(\[—–:-]/.test(before) || i === start
}

function isClosing(text: string, i: number, end: number): boolean {
  const ch = text[i]!
  if (ch === '”' || ch === '»') return true
  const before = text[i - 1] ?? ' '
  const after = i + 1 < end ? text[i + 1]! : ' '
  if (/\s/.test(before)) return false
  // `don't`, `people’s`: a mark between letters is an apostrophe.
  if (/\p{L}/u.test(after)) return false
  return true
}
