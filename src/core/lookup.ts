/**
 * Looking things up in a built index: term sets, document frequencies, the
 * engine's hits for exact terms, and spelling against the vocabulary. What a
 * question does per word; nothing here builds anything.
 */
import type { SearchResult } from 'minisearch'
import { SEPARATOR, splitTerms, type Lexicon, type StatementIndex, type TermSets } from './search.js'
import { STOP_WORDS } from './stopwords.js'
import { isSynonymWord } from './terms.js'

/** True when item `i` of the sets holds term `termId` (binary search in its sorted list). */
export function setHolds(sets: TermSets, i: number, termId: number): boolean {
  let low = sets.start[i]!
  let high = sets.start[i + 1]! - 1
  const list = sets.list
  while (low <= high) {
    const middle = (low + high) >>> 1
    const value = list[middle]!
    if (value === termId) return true
    if (value < termId) low = middle + 1
    else high = middle - 1
  }
  return false
}

/** How many statements hold a term (0 for a term the index never saw). */
export function documentFrequency(lexicon: Lexicon, term: string): number {
  const id = lexicon.termIds.get(term)
  return id === undefined ? 0 : lexicon.documentFrequency[id]!
}

/** A hit from the engine: statement number, BM25 score, and which query terms it matched. */
export interface Hit {
  readonly id: number
  readonly score: number
  readonly matched: readonly string[]
}

/**
 * Statements matching any of the terms, best BM25 first (the first `limit` of them). Exact terms only:
 * spelling was corrected and synonyms expanded before, so no prefix or fuzzy
 * search runs over the whole index.
 */
export function searchTerms(index: StatementIndex, terms: readonly string[], filter?: (id: number) => boolean, limit = Infinity): Hit[] {
  if (terms.length === 0) return []
  const results: SearchResult[] = index.engine.search(terms.join(SEPARATOR), {
    tokenize: splitTerms,
    processTerm: (term) => term,
    combineWith: 'OR',
    ...(filter ? { filter: (result: SearchResult) => filter(result.id as number) } : {}),
  })
  const hits: Hit[] = []
  for (let i = 0; i < results.length && i < limit; i++) {
    const r = results[i]!
    hits.push({ id: r.id as number, score: r.score, matched: r.queryTerms })
  }
  return hits
}

/**
 * A corrected spelling for a word the index has never seen, or null: the
 * nearest known word (`kiled` → `killed`, `protestors` → `protesters`), else
 * a known word it extends by a short ending (`youngest` → `young`).
 */
export function correctSpelling(lexicon: Lexicon, word: string): string | null {
  if (word.length < 5 || lexicon.vocabulary.has(word)) return null
  const distance = word.length >= 8 ? 2 : 1
  let best: string | null = null
  let bestDistance = Infinity
  let bestCount = -1
  // Typing rarely gets the first letter wrong (`original` is not a misspelt `criminal`), so only words with the
  // same first letter are searched. The nearest wins; among equally near ones the most frequent, then the first.
  const first = word[0]!
  for (const [rest, [count, d]] of lexicon.vocabulary.atPrefix(first).fuzzyGet(word.slice(1), distance)) {
    const candidate = first + rest
    const better = d < bestDistance || (d === bestDistance && (count > bestCount || (count === bestCount && candidate < best!)))
    if (better) {
      best = candidate
      bestDistance = d
      bestCount = count
    }
  }
  if (best !== null) return best
  for (let length = word.length - 1; length >= Math.max(4, word.length - 3); length--) {
    const prefix = word.slice(0, length)
    if (lexicon.vocabulary.has(prefix)) return prefix
  }
  return null
}

/** True when a question word needs no correction: the index or the synonym list knows it. */
export function isKnownWord(lexicon: Lexicon, form: string, stemmed: string): boolean {
  return STOP_WORDS.has(form) || lexicon.vocabulary.has(form) || lexicon.termIds.has(stemmed) || isSynonymWord(stemmed)
}
