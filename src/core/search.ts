import MiniSearch from 'minisearch'
import type { Article, Statement } from './types.js'

/** The statements of every loaded article and their full-text index. */
export interface StatementIndex {
  readonly articles: readonly Article[]
  readonly statements: readonly Statement[]
  readonly engine: MiniSearch<{ id: number; text: string }>
}

/** Indexes every statement. (First cut: minisearch defaults.) */
export function buildIndex(articles: readonly Article[]): StatementIndex {
  const statements = articles.flatMap((a) => a.statements)
  const engine = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] })
  engine.addAll(statements.map((s, id) => ({ id, text: s.text })))
  return { articles, statements, engine }
}
