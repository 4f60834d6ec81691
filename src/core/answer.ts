import { toQuote } from './quote.js'
import type { StatementIndex } from './search.js'
import type { Answer } from './types.js'

/** Options for one question. */
export interface AskOptions {
  /** At most this many quotes (default 3). */
  readonly maxQuotes?: number
}

/** Turns a question into an Answer. (First cut: the top hits, no refusal logic yet.) */
export function answerQuestion(index: StatementIndex, question: string, options: AskOptions = {}): Answer {
  if (question.trim() === '' || !/[\p{L}\p{N}]/u.test(question)) {
    return { answered: false, question, reason: 'empty', note: 'Ask a question about the article, e.g. "How many people were killed?"' }
  }
  const hits = index.engine.search(question, { fuzzy: 0.2, prefix: true }).slice(0, options.maxQuotes ?? 3)
  if (hits.length === 0) {
    return { answered: false, question, reason: 'not-in-article', note: "The article doesn't say." }
  }
  const quotes = hits.map((hit) => {
    const statement = index.statements[hit.id as number]!
    const article = index.articles.find((a) => a.meta.id === statement.article)!
    return toQuote(statement, article)
  })
  return { answered: true, question, quotes, disagreement: false, note: null }
}
