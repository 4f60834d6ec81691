import { articleRef } from './quote.js'
import { quotedAnswer, type AskOptions } from './answer.js'
import { refuse } from './refusal.js'
import type { StatementIndex } from './search.js'
import type { Answer, Article, SourceEntry } from './types.js'
import { toQuote } from './quote.js'

/** Who is quoted, how often and in which articles; most quoted first, then by name. */
export function listSources(articles: readonly Article[]): SourceEntry[] {
  const bySpeaker = new Map<string, { role: string | null; count: number; articles: Map<string, Article> }>()
  for (const article of articles) {
    for (const s of article.statements) {
      if (s.kind === 'narration') continue
      const entry = bySpeaker.get(s.speaker) ?? { role: s.role, count: 0, articles: new Map() }
      entry.count++
      entry.role ??= s.role
      entry.articles.set(article.meta.id, article)
      bySpeaker.set(s.speaker, entry)
    }
  }
  return [...bySpeaker.entries()]
    .map(([speaker, e]) => ({ speaker, role: e.role, count: e.count, articles: [...e.articles.values()].map(articleRef) }))
    .sort((a, b) => b.count - a.count || a.speaker.localeCompare(b.speaker))
}

/** Everything one speaker is quoted as saying, in article order; aliases resolve to the speaker. */
export function quotesBy(index: StatementIndex, name: string, options: AskOptions = {}): Answer {
  const wanted = normaliseName(name)
  if (wanted === '') {
    return { answered: false, question: name, reason: 'empty', note: 'Name a speaker, e.g. "Amnesty International".' }
  }
  const quotes = index.articles.flatMap((article) => {
    const names = new Set(
      article.speakers
        .filter((sp) => [sp.name, ...sp.aliases].some((alias) => matchesName(alias, wanted)))
        .map((sp) => sp.name),
    )
    return article.statements.filter((s) => s.kind !== 'narration' && names.has(s.speaker)).map((s) => toQuote(s, article))
  })
  if (quotes.length === 0) {
    return refuse(name, 'not-in-article', `No one called "${name.trim()}" is quoted in the loaded articles.`)
  }
  const limit = options.maxQuotes ?? quotes.length
  return quotedAnswer(name, quotes.slice(0, limit), false, null)
}

function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}/]+/gu, ' ').trim()
}

/** A name matches when the wanted words are whole words of it: `rajavi` finds `Maryam Rajavi`. */
function matchesName(alias: string, wanted: string): boolean {
  const words = ` ${normaliseName(alias)} `
  return words.includes(` ${wanted} `)
}
