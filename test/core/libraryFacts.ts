import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ArticleInput, Library } from '../../src/core/library.js'

const ARTICLES = new URL('../fixtures/articles/', import.meta.url).pathname
const GOLDEN = new URL('../fixtures/golden.json', import.meta.url).pathname

/** The fixture articles (`.txt`), in name order. */
export const fixtureInputs: ArticleInput[] = readdirSync(ARTICLES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ id: name, text: readFileSync(join(ARTICLES, name), 'utf8') }))

const golden = (JSON.parse(readFileSync(GOLDEN, 'utf8')) as { question: string }[]).map((g) => g.question)
/** The golden questions, plus some that the articles cannot answer and some that name speakers or are misspelt. */
export const libraryQuestions = [...golden, 'What is the capital of France?', '   ', 'According to Amnesty, how many were killed?', 'kiled protestors']

/** Everything a library tells its users, for comparing two libraries (a restored one with one built afresh). */
export function libraryFacts(library: Library) {
  return {
    answers: libraryQuestions.map((q) => library.ask(q)),
    fewer: libraryQuestions.slice(0, 20).map((q) => library.ask(q, { maxQuotes: 1 })),
    sources: library.sources(),
    list: library.list(),
    quotesBy: ['Amnesty', 'Rajavi', 'Nobody Here'].map((name) => library.quotesBy(name)),
    articles: library.articles,
  }
}
