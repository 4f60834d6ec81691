/**
 * The words of the benchmark corpus: the real articles' own words (their
 * frequency order gives the common head of the distribution) and invented
 * ones for the long tail, names, places and organisations, made of syllables
 * so that every seed gives the same lists.
 */
import { STOP_WORDS } from '../../src/core/stopwords.js'
import type { Random } from './random.js'

/** Word lists the generator draws from, most common first. */
export interface Vocabulary {
  /** Content words: the real articles' words by frequency, then invented ones. */
  readonly words: readonly string[]
  readonly firstNames: readonly string[]
  readonly lastNames: readonly string[]
  readonly places: readonly string[]
  /** Distinctive words of organisation names (`Velmora` in `the Velmora Institute`). */
  readonly organisations: readonly string[]
  /** Every word above, folded: what an off-topic question must avoid. */
  readonly known: ReadonlySet<string>
}

const ONSETS = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'sh', 'ch', 'gr', 'h', 'j', 'y']
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ei', 'ou', 'ia']
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 'm', 'k', 'th', 'nd', 'rt', 'sk']

/** An invented word of two to four syllables: `velmora`, `trashkin`. */
export function pseudoWord(random: Random, syllables = random.int(2, 3)): string {
  let word = ''
  for (let i = 0; i < syllables; i++) {
    word += random.pick(ONSETS) + random.pick(VOWELS)
    if (i === syllables - 1 || random.chance(0.3)) word += random.pick(CODAS)
  }
  return word
}

/** The words of real article texts, folded, commonest first (ties in alphabetical order). */
export function realWords(texts: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const text of texts) {
    for (const match of text.toLowerCase().matchAll(/[a-z]+(?:['’][a-z]+)?/g)) {
      const word = match[0].replace(/['’]s$/, '')
      if (word.length < 3 || STOP_WORDS.has(word) || word.includes("'") || word.includes('’')) continue
      counts.set(word, (counts.get(word) ?? 0) + 1)
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([word]) => word)
}

/** Builds the vocabulary: `tail` invented content words after the real ones, and the name lists. */
export function buildVocabulary(random: Random, realTexts: readonly string[], tail = 60_000): Vocabulary {
  const real = realWords(realTexts)
  const known = new Set<string>([...STOP_WORDS, ...real])
  const fresh = (count: number, syllables?: () => number): string[] => {
    const out: string[] = []
    while (out.length < count) {
      const word = pseudoWord(random, syllables?.())
      if (word.length < 4 || known.has(word)) continue
      known.add(word)
      out.push(word)
    }
    return out
  }
  const capital = (w: string): string => w[0]!.toUpperCase() + w.slice(1)
  return {
    words: [...real, ...fresh(tail)],
    firstNames: fresh(1_500, () => 2).map(capital),
    lastNames: fresh(20_000, () => random.int(2, 3)).map(capital),
    places: fresh(6_000, () => random.int(2, 3)).map(capital),
    organisations: fresh(5_000, () => random.int(2, 3)).map(capital),
    known,
  }
}
