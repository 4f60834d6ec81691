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
  const blocks = answer.quotes.map((quote) => `${inQuotationMarks(quote.text)}\n${attributionLine(quote)}`)
  if (answer.note) blocks.push(answer.note)
  const articles = distinctArticles(answer.quotes.map((q) => q.article))
  if (articles.length > 0) {
    blocks.push(`${articles.length === 1 ? 'Source' : 'Sources'}: ${articles.map(articleLabel).join('; ')}`)
  }
  return blocks.join('\n\n')
}

/**
 * A quote in quotation marks, the article's own marks kept: a pair around
 * text without double marks; where the article's marks open a quotation
 * the excerpt does not close (`“At least 304 … November.`, a sentence of a
 * longer quotation) only the closing mark is added, and the other way round
 * (`Others are at risk,” the group said.`); text whose marks already pair
 * up stands as it is (another pair would misquote it: `““At least 304`).
 */
export function inQuotationMarks(text: string): string {
  const opening = count(text, '“')
  const closing = count(text, '”')
  const straight = count(text, '"')
  if (opening === 0 && closing === 0 && straight === 0) return `“${text}”`
  if (opening > closing) return `${text}”`
  if (closing > opening) return `“${text}`
  if (straight % 2 === 1) return text.startsWith('"') ? `${text}"` : `"${text}`
  return text
}

function count(text: string, mark: string): number {
  let n = 0
  for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) n++
  return n
}

function distinctArticles(articles: readonly ArticleRef[]): ArticleRef[] {
  const seen = new Set<string>()
  return articles.filter((a) => {
    if (seen.has(a.id)) return false
    seen.add(a.id)
    return true
  })
}
