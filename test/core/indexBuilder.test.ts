import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/core/article.js'
import { analyseArticle, buildIndex, createIndexBuilder, ENGINE_OPTIONS, type IndexedStatement } from '../../src/core/search.js'
import { realArticles } from '../../scripts/bench/corpus.js'

const articles = realArticles().map(readArticle)
const index = buildIndex(articles)

describe('buildIndex', () => {
  it('GIVEN the statements THEN the engine made from their postings is the one minisearch builds by adding each statement', () => {
    const added = new MiniSearch<IndexedStatement>(ENGINE_OPTIONS)
    let id = 0
    for (const article of articles) for (const terms of analyseArticle(article).terms) added.add({ id: id++, terms })
    expect(id).toBe(index.statements.length)
    expect(JSON.stringify(index.engine)).toBe(JSON.stringify(added))
    for (const question of ['How many people were killed?', 'Who is Rajavi?', 'impeachment vote', 'sanctions lifted Sudan']) {
      expect(index.engine.search(question)).toEqual(added.search(question))
    }
  })

  it('GIVEN the built engine THEN it still takes and discards statements as minisearch does', () => {
    const engine = buildIndex(articles.slice(0, 2)).engine
    const count = engine.documentCount
    engine.add({ id: count, terms: 'kill ~death' })
    expect(engine.search('kill').some((hit) => hit.id === count)).toBe(true)
    engine.discard(count)
    expect(engine.documentCount).toBe(count)
  })
})

describe('createIndexBuilder', () => {
  it('GIVEN articles added one at a time, some analysed beforehand THEN the index is the one buildIndex gives', () => {
    const builder = createIndexBuilder()
    articles.forEach((article, i) => builder.add(article, i % 2 === 0 ? analyseArticle(article) : undefined))
    const built = builder.finish()
    expect(built.statements).toEqual(index.statements)
    expect(built.lexicon).toEqual(index.lexicon)
    expect(JSON.stringify(built.engine)).toBe(JSON.stringify(index.engine))
    expect(built.speakers).toEqual(index.speakers)
  })

  it('GIVEN a finished builder THEN adding to it is a bug and throws', () => {
    const builder = createIndexBuilder()
    builder.finish()
    expect(() => builder.add(articles[0]!)).toThrow(/after finish/)
  })
})
