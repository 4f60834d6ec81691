import type { Article, ArticleRef, Quote, Statement } from './types.js'

/** What a quote cites of its article: id, title, and the date and link where known. */
export function articleRef(article: Article): ArticleRef {
  const { id, title, date, url } = article.meta
  return { id, title, ...(date ? { date } : {}), ...(url ? { url } : {}) }
}

/** A statement as it leaves the core, with its article's citation. */
export function toQuote(statement: Statement, article: Article): Quote {
  const { text, speaker, role, kind, cue, paragraph, sentence, start, end } = statement
  return { text, speaker, role, kind, cue, article: articleRef(article), paragraph, sentence, start, end }
}
