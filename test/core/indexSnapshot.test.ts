import MiniSearch from 'minisearch'
import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/core/answer.js'
import { readArticle } from '../../src/core/article.js'
import { ENGINE_LAYOUT } from '../../src/core/engineInternals.js'
import { restoreEngine, serializeEngine } from '../../src/core/engineSnapshot.js'
import { restoreIndex, serializeIndex, type SerializedIndex } from '../../src/core/indexSnapshot.js'
import { searchTerms, setHolds, statementsHolding } from '../../src/core/lookup.js'
import { buildIndex, ENGINE_OPTIONS, type IndexedStatement, type StatementIndex } from '../../src/core/search.js'
import type { SpeakerDirectory } from '../../src/core/speakerMentions.js'
import { readEntries, readFixtureArticle } from '../../scripts/eval.js'

const NAMES = ['000_97c02de7d0eb7492.txt', 'iran-amnesty-torture-2020.txt', 'korea-impeachment-nbc-2024.txt', 'obama-gun-laws-bbc-2015.txt', 'sudan-sanctions-nyt-2017.txt', 'tunisia-bardo-wapo-2015.txt']
const articles = NAMES.map((n) => readArticle(readFixtureArticle(n)))
const questions = [...readEntries('golden'), ...readEntries('calibration')].map((e) => e.question)
const offTopic = ['What is the capital of France?', 'kiled protestors', 'According to Amnesty, how many were killed?', '   ']

/** A snapshot as the cache holds it: through structured clone, as the adapter's V8 serialisation does. */
const cloned = (index: StatementIndex): SerializedIndex => structuredClone(serializeIndex(index))

/** A fresh index each time: restoring must not lean on anything a build left behind. */
const built = () => buildIndex(articles)
/** 0, 1, …, n - 1. */
const index = (n: number): number[] => Array.from({ length: n }, (_, i) => i)

describe('serializeIndex / restoreIndex', () => {
  const original = built()
  const restored = restoreIndex(articles, cloned(original))

  it('GIVEN an index through structured clone and back THEN it answers every question exactly as the original', () => {
    expect(restored).not.toBeNull()
    for (const question of [...questions, ...offTopic]) {
      expect(answerQuestion(restored!, question), question).toEqual(answerQuestion(original, question))
      expect(answerQuestion(restored!, question, { maxQuotes: 1 }), question).toEqual(answerQuestion(original, question, { maxQuotes: 1 }))
    }
  })

  it('GIVEN a restored index THEN its lexicon and speaker directory equal the ones built', () => {
    const { vocabulary, ...lexicon } = restored!.lexicon
    const { vocabulary: builtVocabulary, ...builtLexicon } = original.lexicon
    expect(lexicon).toEqual(builtLexicon)
    expect([...vocabulary]).toEqual([...builtVocabulary])
    // The restored maps and contexts make their values when used (Map subclasses, getters): compared as the plain
    // Maps and objects they stand for.
    const plain = ({ keys, statementsBy, contextsWith, contextsOf, contexts, ...rest }: SpeakerDirectory) => ({
      ...rest,
      contexts: contexts.map(({ name, terms, statements }) => ({ name, terms, statements })),
      keys: new Map(keys),
      statementsBy: new Map(statementsBy),
      contextsWith: new Map(contextsWith),
      contextsOf: new Map(contextsOf),
    })
    expect(plain(restored!.speakers)).toEqual(plain(original.speakers))
    expect(restored!.articleOf).toEqual(original.articleOf)
    expect(original.speakers.contexts.length).toBeGreaterThan(20)
  })

  it('GIVEN a restored index THEN a plain engine search and a search for exact terms give what the original gives, scores and order included', () => {
    for (const question of [...questions, ...offTopic]) {
      expect(restored!.engine.search(question), question).toEqual(original.engine.search(question))
    }
    const terms = ['~death', '304', 'ahvaz', '~protest', 'sanction']
    expect(searchTerms(restored!, terms)).toEqual(searchTerms(original, terms))
    expect(searchTerms(restored!, terms).length).toBeGreaterThan(5)
  })

  it('GIVEN every term, built and restored THEN the statements holding it are those whose term sets hold it, as many as its frequency', () => {
    const statementsOf = (index: StatementIndex, term: string, termId: number) => {
      const holding = statementsHolding(index, term)
      expect(holding.length, term).toBe(index.lexicon.documentFrequency[termId])
      return [...holding].sort((a, b) => a - b)
    }
    for (const [term, termId] of original.lexicon.termIds) {
      const expected = index(original.statements.length).filter((id) => setHolds(original.lexicon.statementTerms, id, termId))
      expect(statementsOf(original, term, termId), term).toEqual(expected)
      expect(statementsOf(restored!, term, termId), term).toEqual(expected)
    }
    expect(statementsHolding(original, 'no-such-term')).toEqual([])
  })

  it('GIVEN a restored index THEN minisearch’s own export of its engine is the original’s, every posting included', () => {
    const fresh = restoreIndex(articles, cloned(original))!
    expect(fresh.engine.toJSON()).toEqual(original.engine.toJSON())
  })

  it('GIVEN other articles THEN the saved index does not fit and restoring gives null', () => {
    expect(restoreIndex(articles.slice(1), cloned(original))).toBeNull()
  })

  it('GIVEN an index saved by another format THEN restoring gives null', () => {
    expect(restoreIndex(articles, { ...cloned(original), format: -1 })).toBeNull()
  })

  it.each([
    ['its term sets cut short', (s: SerializedIndex): SerializedIndex => ({ ...s, statementTerms: { ...s.statementTerms, list: s.statementTerms.list.slice(1) } })],
    ['fewer terms than its term sets name', (s: SerializedIndex): SerializedIndex => ({ ...s, terms: s.terms.slice(0, 10) })],
    ['its postings cut short', (s: SerializedIndex): SerializedIndex => ({ ...s, engine: { ...s.engine, docs: s.engine.docs.slice(1) } })],
    ['its statements’ speaker contexts cut short', (s: SerializedIndex): SerializedIndex => ({ ...s, speakers: { ...s.speakers, contextOf: s.speakers.contextOf.slice(1) } })],
    ['fewer speaker strings than its columns name', (s: SerializedIndex): SerializedIndex => ({ ...s, speakers: { ...s.speakers, strings: s.speakers.strings.slice(0, 3) } })],
  ])('GIVEN a snapshot with %s THEN restoring gives null, not an index that fails later', (_, spoil) => {
    expect(restoreIndex(articles, spoil(cloned(original)))).toBeNull()
  })
})

describe('serializeEngine / restoreEngine', () => {
  const docs: IndexedStatement[] = [
    { id: 0, terms: 'alpha beta beta' },
    { id: 1, terms: 'beta gamma' },
    { id: 2, terms: 'gamma delta alpha alpha alpha' },
    { id: 3, terms: 'epsilon' },
  ]
  const engineOf = (items: readonly IndexedStatement[]) => {
    const engine = new MiniSearch<IndexedStatement>(ENGINE_OPTIONS)
    engine.addAll(items)
    return engine
  }

  it('GIVEN a restored engine WHEN documents are added and one discarded THEN it searches as the original after the same changes', () => {
    const original = engineOf(docs)
    const restored = restoreEngine<IndexedStatement>(structuredClone(serializeEngine(original)), ENGINE_OPTIONS)!
    for (const engine of [original, restored]) {
      engine.add({ id: 4, terms: 'alpha zeta' })
      engine.discard(1)
    }
    for (const query of ['alpha', 'beta gamma', 'zeta', 'gamma']) {
      expect(restored.search(query, { prefix: true, fuzzy: 0.3 }), query).toEqual(original.search(query, { prefix: true, fuzzy: 0.3 }))
    }
    expect(restored.has(1)).toBe(false)
    expect(restored.has(4)).toBe(true)
    expect(restored.documentCount).toBe(4)
    expect(restored.toJSON()).toEqual(original.toJSON())
  })

  it('GIVEN an engine whose ids were discarded and vacuumed THEN the restored one still searches as it does', async () => {
    const original = engineOf(docs)
    original.discard(0)
    await original.vacuum()
    original.add({ id: 5, terms: 'alpha omega' })
    const restored = restoreEngine<IndexedStatement>(structuredClone(serializeEngine(original)), ENGINE_OPTIONS)!
    for (const query of ['alpha', 'omega beta', 'epsilon']) expect(restored.search(query), query).toEqual(original.search(query))
    expect(restored.toJSON()).toEqual(original.toJSON())
  })

  it('GIVEN a snapshot of another minisearch layout THEN restoring gives null', () => {
    const snapshot = serializeEngine(engineOf(docs))
    expect(snapshot.layout).toBe(ENGINE_LAYOUT)
    expect(restoreEngine({ ...snapshot, layout: 'minisearch 8.0.0' }, ENGINE_OPTIONS)).toBeNull()
  })

  it('GIVEN an engine with stored fields THEN serialising it is refused as a bug', () => {
    const engine = new MiniSearch<IndexedStatement>({ ...ENGINE_OPTIONS, storeFields: ['terms'] })
    engine.addAll(docs)
    expect(() => serializeEngine(engine)).toThrow(/stored fields/)
  })
})
