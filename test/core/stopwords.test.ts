import { describe, expect, it } from 'vitest'
import { misspeltStopWord, QUESTION_STOP_WORDS, STOP_WORDS } from '../../src/core/stopwords.js'

/** The plain definition: the stop word of five letters or more that the word, or the word less one letter, is one deletion of (or is). */
function slipOf(word: string): string | undefined {
  if (word.length < 4) return undefined
  const long = [...STOP_WORDS, ...QUESTION_STOP_WORDS].filter((w) => w.length >= 5)
  const deletions = (w: string) => [...Array(w.length).keys()].map((i) => w.slice(0, i) + w.slice(i + 1))
  const keyed = new Map<string, string>()
  for (const w of long) {
    keyed.set(w, w)
    for (const d of deletions(w)) if (!keyed.has(d)) keyed.set(d, w)
  }
  return keyed.get(word) ?? deletions(word).map((d) => keyed.get(d)).find((w) => w !== undefined)
}

describe('misspeltStopWord', () => {
  it('GIVEN a stop word with a letter dropped, added, changed or swapped THEN the stop word', () => {
    expect(misspeltStopWord('happend')).toBe('happened')
    expect(misspeltStopWord('becuase')).toBe('because')
    expect(misspeltStopWord('zorblax')).toBeUndefined()
  })

  it('GIVEN every one-letter slip of every stop word, and words that are none THEN what the plain definition gives', () => {
    const words: string[] = []
    for (const w of [...STOP_WORDS, ...QUESTION_STOP_WORDS].filter((s) => s.length >= 5)) {
      for (let i = 0; i <= w.length; i++) {
        words.push(w.slice(0, i) + w.slice(i + 1), `${w.slice(0, i)}q${w.slice(i)}`, `${w.slice(0, i)}x${w.slice(i + 1)}`)
        if (i + 1 < w.length) words.push(w.slice(0, i) + w[i + 1]! + w[i]! + w.slice(i + 2))
      }
    }
    words.push('telcos', 'disintegrated', 'protesters', 'rajavi', 'xhappened', 'hxappened')
    let slips = 0
    for (const word of words) {
      const expected = slipOf(word)
      expect(misspeltStopWord(word), word).toBe(expected)
      if (expected !== undefined) slips++
    }
    expect(slips).toBeGreaterThan(words.length / 2)
  })
})
