/**
 * Is the corpus realistic for the index? The share of indexed terms that
 * occur in under 1% (and 0.1%) of statements, and the commonest terms with
 * the share of statements holding each.
 */
import type { StatementIndex } from '../../src/core/search.js'

export interface CorpusStats {
  readonly terms: number
  /** Share of distinct terms held by fewer than 1% of statements. */
  readonly under1Percent: number
  readonly under01Percent: number
  /** The commonest terms and the share of statements holding each. */
  readonly commonest: readonly { readonly term: string; readonly share: number }[]
}

export function corpusStats(index: StatementIndex, top = 10): CorpusStats {
  const total = index.statements.length
  const frequency = index.lexicon.documentFrequency
  let under1 = 0
  let under01 = 0
  for (const df of frequency) {
    if (df < total * 0.01) under1++
    if (df < total * 0.001) under01++
  }
  const commonest = [...index.lexicon.termIds.entries()]
    .map(([term, id]) => ({ term, share: frequency[id]! / total }))
    .sort((a, b) => b.share - a.share || (a.term < b.term ? -1 : 1))
    .slice(0, top)
  const terms = frequency.length
  return { terms, under1Percent: under1 / terms, under01Percent: under01 / terms, commonest }
}
