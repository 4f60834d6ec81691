/**
 * Acronyms an article defines: `People Power Party (PPP)`, `National Council
 * of Resistance of Iran (NCRI)`, `People's Mojahedin Organization of Iran
 * (PMOI/MEK)`. A statement that later says `PPP` is then also found by
 * `party`. Read from the article's own text, once, at index time.
 */

/** Words an acronym may skip: `Council of Resistance of Iran` is `CRI`. */
const SKIPPED = new Set(['of', 'the', 'and', 'for', 'on', 'in', 'de', '&'])
/** `(NCRI)`, `(PMOI/MEK)`: capitals in parentheses. */
const DEFINITION = /\((\p{Lu}{2,8})(?:\/\p{Lu}{2,8})?\)/gu

/** Acronym (folded) → the words it stands for, as the article spells them. */
export function definedAcronyms(texts: readonly string[]): Map<string, string> {
  const found = new Map<string, string>()
  for (const text of texts) {
    for (const match of text.matchAll(DEFINITION)) {
      const acronym = match[1]!
      const words = text.slice(Math.max(0, match.index - 120), match.index).trim().split(/\s+/)
      const expansion = spelledOut(words, acronym)
      if (expansion) found.set(acronym.toLowerCase(), expansion)
    }
  }
  return found
}

/** The words at the end of `words` whose initials spell the acronym, skipping small words; or null. */
function spelledOut(words: readonly string[], acronym: string): string | null {
  let letter = acronym.length - 1
  let start = words.length
  for (let i = words.length - 1; i >= 0 && letter >= 0; i--) {
    const word = words[i]!.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '')
    if (word === '') return null
    if (SKIPPED.has(word.toLowerCase()) && letter < acronym.length - 1) continue
    if (word[0]!.toUpperCase() !== acronym[letter]) return null
    letter--
    start = i
  }
  return letter < 0 ? words.slice(start).join(' ') : null
}
