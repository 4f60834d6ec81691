import { fc, test } from '@fast-check/vitest'
import SearchableMap from 'minisearch/SearchableMap'
import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/core/article.js'
import { buildIndex, type Lexicon } from '../../src/core/search.js'
import { correctSpelling, groupByLength, inVocabulary, nearestInGroup, nearestInTree } from '../../src/core/spelling.js'
import { readFixtureArticle } from '../../scripts/eval.js'

const NAMES = ['000_97c02de7d0eb7492.txt', 'iran-amnesty-torture-2020.txt', 'korea-impeachment-nbc-2024.txt', 'obama-gun-laws-bbc-2015.txt', 'sudan-sanctions-nyt-2017.txt', 'tunisia-bardo-wapo-2015.txt']
const index = buildIndex(NAMES.map((n) => readArticle(readFixtureArticle(n))))

describe('correctSpelling', () => {
  it('GIVEN a typo one letter off THEN the nearest word the articles use', () => {
    expect(correctSpelling(index.lexicon, 'kiled')).toBe('killed')
    expect(correctSpelling(index.lexicon, 'sanctoins')).toBe('sanctions')
  })

  it('GIVEN a known word with an ending THEN the word it extends', () => {
    expect(correctSpelling(index.lexicon, 'brutalism')).toBe('brutal')
  })

  it('GIVEN a word whose near neighbour starts differently THEN no correction', () => {
    expect(correctSpelling(index.lexicon, 'original')).not.toBe('criminal')
  })

  it('GIVEN a short or known word THEN no correction', () => {
    expect(correctSpelling(index.lexicon, 'rain')).toBeNull()
    expect(correctSpelling(index.lexicon, 'killed')).toBeNull()
    expect(correctSpelling(index.lexicon, 'protestors')).toBeNull()
  })

  it('GIVEN equally near words THEN the more frequent one, then the first alphabetically', () => {
    const lexicon = lexiconOf([['barns', 1], ['burns', 3], ['berns', 3]])
    expect(correctSpelling(lexicon, 'birns')).toBe('berns')
  })
})

/** The correction as minisearch's radix tree gives it (`fuzzyGet`): the oracle the scan must agree with. */
function correctByTree(lexicon: Lexicon, word: string): string | null {
  if (word.length < 5 || lexicon.vocabulary.has(word)) return null
  let best: string | null = null
  let bestDistance = Infinity
  let bestCount = -1
  const first = word[0]!
  for (const [rest, [count, d]] of lexicon.vocabulary.atPrefix(first).fuzzyGet(word.slice(1), word.length >= 8 ? 2 : 1)) {
    const candidate = first + rest
    if (d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && candidate < best!)))) {
      best = candidate
      bestDistance = d
      bestCount = count
    }
  }
  if (best !== null) return best
  for (let length = word.length - 1; length >= Math.max(4, word.length - 3); length--) {
    if (lexicon.vocabulary.has(word.slice(0, length))) return word.slice(0, length)
  }
  return null
}

/** A lexicon holding only a vocabulary: all spelling reads. */
function lexiconOf(words: [string, number][]): Lexicon {
  return { vocabulary: SearchableMap.from(words) } as unknown as Lexicon
}

// Few letters, so that words are often near one another; `é` and a digit exercise the bits for other characters.
const letter = fc.constantFrom('a', 'b', 'e', 'n', 'r', 's', 't', 'é', '1')
const word = (min: number, max: number) => fc.array(letter, { minLength: min, maxLength: max }).map((cs) => cs.join(''))

describe('the scan agrees with the radix tree', () => {
  test.prop([fc.array(fc.tuple(word(4, 11), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), fc.array(word(5, 12), { minLength: 1, maxLength: 20 })], {
    numRuns: 300,
    seed: 20191116,
  })('GIVEN any vocabulary and word THEN the scan of its letter\'s words finds the word the tree does, at distance 1 and 2', (words, asked) => {
    const lexicon = lexiconOf(words)
    for (const w of asked) {
      const group = groupByLength(lexicon, w[0]!)
      for (const distance of [1, 2]) expect(nearestInGroup(group, w[0]!, w.slice(1), distance)).toBe(nearestInTree(lexicon, w, distance))
    }
  })

  test.prop([fc.array(fc.tuple(word(4, 11), fc.integer({ min: 0, max: 3 })), { maxLength: 60 }), fc.array(word(5, 12), { minLength: 40, maxLength: 60 })], {
    numRuns: 60,
    seed: 7,
  })('GIVEN many corrections, before and after their letters are grouped THEN the correction fuzzyGet gives', (words, asked) => {
    const lexicon = lexiconOf(words)
    for (const w of asked) expect(correctSpelling(lexicon, w)).toBe(correctByTree(lexicon, w))
  })

  it('GIVEN first characters no word starts with THEN no correction, whatever the character', () => {
    const lexicon = lexiconOf([['killed', 2]])
    for (let code = 0x4e00; code < 0x4e00 + 40; code++) {
      const odd = `${String.fromCharCode(code)}illed`
      for (let i = 0; i < 20; i++) expect(correctSpelling(lexicon, odd)).toBeNull()
    }
    expect(groupByLength(lexicon, '\u4e00')).toBe(groupByLength(lexicon, '\u4e01'))
  })

  it('GIVEN every fixture word with a letter dropped, swapped or doubled THEN the same correction as fuzzyGet, by tree and by scan', () => {
    const typos = [...index.lexicon.vocabulary.keys()].flatMap((w) => [w.slice(0, 2) + w.slice(3), w.slice(0, 1) + w[2]! + w[1]! + w.slice(3), w + w.slice(-1), `${w}s`])
    let corrected = 0
    for (const w of typos) {
      const expected = correctByTree(index.lexicon, w)
      expect(correctSpelling(index.lexicon, w)).toBe(expected)
      const distance = w.length >= 8 ? 2 : 1
      expect(nearestInGroup(groupByLength(index.lexicon, w[0]!), w[0]!, w.slice(1), distance)).toBe(nearestInTree(index.lexicon, w, distance))
      if (expected !== null) corrected++
    }
    expect(corrected).toBeGreaterThan(typos.length / 4)
  })
})

describe('inVocabulary', () => {
  it('GIVEN every vocabulary word and every one with a letter dropped or added THEN what the vocabulary tree says, before and after its letter is grouped', () => {
    const vocabulary = [...index.lexicon.vocabulary.entries()]
    const words = vocabulary.flatMap(([w]) => [w, w.slice(1), `${w}x`, w.slice(0, -1), w.toUpperCase()]).concat('', 'é')
    const fresh = lexiconOf(vocabulary)
    let known = 0
    for (const w of words) {
      const expected = fresh.vocabulary.has(w)
      expect(inVocabulary(fresh, w)).toBe(expected)
      if (w !== '') correctSpelling(fresh, `${w[0]!}zzzzzzzz`)
      expect(inVocabulary(fresh, w)).toBe(expected)
      if (expected) known++
    }
    expect(known).toBeGreaterThan(words.length / 5)
  })
})
