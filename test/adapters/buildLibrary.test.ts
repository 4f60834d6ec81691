import { describe, expect, it } from 'vitest'
import { buildLibrary, packArticle, unpackArticle } from '../../src/adapters/buildLibrary.js'
import { createLibrary, prepareArticle, type IndexedLibrary } from '../../src/core/library.js'
import { createCorpusGenerator, realArticles } from '../../scripts/bench/corpus.js'

// The repository's articles, then generated ones: enough for three requests over two workers, one of them a repeat.
const inputs = [...createCorpusGenerator(7).corpus(60), realArticles()[0]!]
const questions = ['How many people were killed?', 'What did the minister say?', 'Who warned about the budget?', 'According to Amnesty, what happened?', 'When was it signed?']

/** Everything a library answers from, as plain data. */
function contents(library: IndexedLibrary) {
  const { lexicon, engine, statements, articleOf } = library.index
  return {
    articles: library.articles.map((a) => ({ ...a, statements: undefined })),
    statements,
    articleOf: articleOf.map((a) => a.meta.id),
    terms: [...lexicon.termIds.entries()],
    lexicon: { ...lexicon, termIds: undefined, vocabulary: [...lexicon.vocabulary.entries()], commonPostings: [...lexicon.commonPostings] },
    engine: JSON.stringify(engine),
    speakers: library.index.speakers,
    answers: questions.map((q) => library.ask(q)),
  }
}

describe('buildLibrary', () => {
  const expected = contents(createLibrary(inputs))

  it('GIVEN articles read on two worker threads THEN the library is the one createLibrary builds: statements, order, index and answers', async () => {
    const library = await buildLibrary(inputs, { workers: 2, parallelFrom: 1 })
    expect(library.articles.length).toBe(60)
    expect(contents(library)).toEqual(expected)
  })

  it('GIVEN requests of three articles, more than the workers hold THEN the main thread reads some too and the library is still the same', async () => {
    const library = await buildLibrary(inputs, { workers: 1, parallelFrom: 1, chunk: 3 })
    expect(contents(library)).toEqual(expected)
  })

  it('GIVEN fewer articles than the threshold THEN the library is built on the calling thread, the same', async () => {
    const library = await buildLibrary(inputs, { parallelFrom: 1_000 })
    expect(contents(library)).toEqual(expected)
  })
})

describe('packArticle', () => {
  it('GIVEN an article packed for another thread THEN unpacking it with its input gives it back field for field', () => {
    for (const input of realArticles()) {
      const prepared = prepareArticle(input)
      const back = unpackArticle(structuredClone(packArticle(prepared)), input)
      expect(back).toEqual(prepared)
      expect(JSON.stringify(back.article)).toBe(JSON.stringify(prepared.article))
    }
  })
})
