import { articleLabel, attributionLine } from './format.js'
import type { Answer, ArticleRef } from './types.js'

/**
 * An Answer as plain text for people (CLI, REPL): each quote in quotation
 * marks with its attribution (`— Speaker · ¶N`) below, a line where the
 * sources differ, and a footer naming the article(s) quoted. A refusal is
 * its note. Nothing else: the bot never words a claim of its own.
 *
 * ```text
 * “At least 304 people were killed …”
 * — Amnesty International · ¶6
 *
 * Sources differ: People's Mojahedin Organization of Iran and Amnesty International give different figures.
 *
 * Source: Iran Protests Update: … (December 16, 2019)
 * ```
 */
export function renderPlain(answer: Answer): string {
  if (!answer.answered) return answer.note
  const blocks = answer.quotes.map((quote) => `${quoted(quote.text)}\n${attributionLine(quote)}`)
  if (answer.note) blocks.push(answer.note)
  const articles = distinctArticles(answer.quotes.map((q) => q.article))
  if (articles.length > 0) {
    blocks.push(`${articles.length === 1 ? 'Source' : 'Sources'}: ${articles.map(articleLabel).join('; ')}`)
  }
  return blocks.join('\n\n')
}

/** In quotation marks, unless the article's own text already carries double ones (`““At least 304` or `…,” he said.”` would misquote it). */
export function carriesItsOwnMarks(text: string): boolean {
  return /^[“"‘'«]/.test(text) || /[“”"]/.test(text)
}

function quoted(text: string): string {
  return carriesItsOwnMarks(text) ? text : `“${text}”`
}

function distinctArticles(articles: readonly ArticleRef[]): ArticleRef[] {
  const seen = new Set<string>()
  return articles.filter((a) => {
    if (seen.has(a.id)) return false
    seen.add(a.id)
    return true
  })
}
