import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/core/article.js'
import { parseQuestion } from '../../src/core/question.js'
import { rankCandidates } from '../../src/core/ranking.js'
import { documentFrequency, searchScores, searchTerms } from '../../src/core/lookup.js'
import { buildIndex } from '../../src/core/search.js'
import { cleanForMatching } from '../../src/core/tokenize.js'
import { readEntries, readFixtureArticle } from '../../scripts/eval.js'

const NAMES = ['000_97c02de7d0eb7492.txt', 'iran-amnesty-torture-2020.txt', 'korea-impeachment-nbc-2024.txt', 'obama-gun-laws-bbc-2015.txt', 'sudan-sanctions-nyt-2017.txt', 'tunisia-bardo-wapo-2015.txt']
const articles = NAMES.map((n) => readArticle(readFixtureArticle(n)))
const index = buildIndex(articles)
const questions = [...readEntries('golden'), ...readEntries('calibration')].map((e) => e.question)

describe('buildIndex', () => {
  it('GIVEN the articles THEN every statement is indexed under its stems and its synonym concepts', () => {
    const id = index.statements.findIndex((s) => s.text.startsWith('“At least 304 people were killed'))
    const hits = searchTerms(index, ['~death', '304'])
    expect(hits[0]!.id).toBe(id)
    expect([...hits[0]!.matched].sort()).toEqual(['304', '~death'])
  })

  it('GIVEN a term THEN its document frequency counts statements, not occurrences', () => {
    const withTerm = index.statements.filter((s) => /Ahvaz/.test(s.text)).length
    expect(documentFrequency(index.lexicon, 'ahvaz')).toBe(withTerm)
    expect(documentFrequency(index.lexicon, 'no-such-term')).toBe(0)
  })

  it('GIVEN a plain engine.search of a question THEN minisearch analyses it as the index does (the raw floor)', () => {
    const hits = index.engine.search('How many protesters were killed?')
    expect(hits.length).toBeGreaterThan(0)
    expect(hits[0]!.queryTerms.sort()).toEqual(['~death', '~protest'])
  })
})

describe('searchTerms', () => {
  const termsOf = (question: string) => [...new Set(parseQuestion(cleanForMatching(question), index).slots.flatMap((s) => s.anyOf.flat()))]

  it('GIVEN the terms of any question THEN the hits, scores and order the engine\'s own OR search gives', () => {
    for (const question of questions) {
      const terms = termsOf(question)
      const engine = index.engine.search(terms.join(' '), { tokenize: (t) => t.split(' '), processTerm: (t) => t, combineWith: 'OR' })
      expect(searchTerms(index, terms).map((h) => [h.id, h.score, h.matched])).toEqual(engine.map((r) => [r.id, r.score, r.queryTerms]))
    }
  })

  it('GIVEN many hits with equal scores THEN the engine\'s order still, ties by its own order', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? `The talks failed in round ${i}, the minister said.` : i % 3 === 1 ? `Talks on budget ${i} failed again.` : `Officials met ${i} times.`))
    const tied = buildIndex([readArticle({ id: 'tied', text: `Talks\n\n${paragraphs.join('\n\n')}` })])
    for (const terms of [['talk'], ['talk', 'fail'], ['fail', 'minist', 'offici']]) {
      const engine = tied.engine.search(terms.join(' '), { tokenize: (t) => t.split(' '), processTerm: (t) => t, combineWith: 'OR' })
      expect(engine.length).toBeGreaterThan(25)
      expect(searchTerms(tied, terms).map((h) => [h.id, h.score])).toEqual(engine.map((r) => [r.id, r.score]))
    }
  })

  it('GIVEN hits asked for as met THEN the same hits as best first, which ordering them by score (ties as met) gives, at any limit', () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? `The talks failed in round ${i}, the minister said.` : `Talks on budget ${i} failed again today.`))
    const tied = buildIndex([readArticle({ id: 'tied', text: `Talks\n\n${paragraphs.join('\n\n')}` }), ...articles])
    const bestFirstOrder = (hits: readonly { id: number; score: number }[]) =>
      hits.map((hit, at) => ({ hit, at })).sort((a, b) => b.hit.score - a.hit.score || a.at - b.at).map(({ hit }) => hit)
    for (const terms of [['talk'], ['talk', 'fail', 'minist'], ...questions.slice(0, 30).map(termsOf)]) {
      for (const limit of [1, 3, 17, 40, Infinity]) {
        const asMet = searchScores(tied, terms, undefined, limit, 'as-met')
        expect(bestFirstOrder(asMet), `${terms} ${limit}`).toEqual(searchScores(tied, terms, undefined, limit))
      }
    }
  })

  it('GIVEN a limit and a filter THEN the first hits of the filtered search, ties in the engine\'s order', () => {
    for (const question of questions.slice(0, 40)) {
      const terms = termsOf(question)
      const odd = (id: number) => id % 2 === 1
      const all = searchTerms(index, terms).filter((h) => odd(h.id))
      expect(searchTerms(index, terms, odd, 5)).toEqual(all.slice(0, 5))
    }
  })
})

describe('retrieval over the rarest terms first', () => {
  it('GIVEN any question THEN retrieving with a tiny postings budget finds as good a best statement as retrieving everything', () => {
    for (const question of questions) {
      const query = parseQuestion(cleanForMatching(question), index)
      const coverage = (budget: number) => rankCandidates(index, query, 0.6, budget).reduce((m, c) => Math.max(m, c.coverage), 0)
      expect(coverage(1), question).toBeCloseTo(coverage(Number.MAX_SAFE_INTEGER), 9)
    }
  })
})

describe('a name left to the article (companion credit)', () => {
  const article = (id: string, ...paragraphs: string[]) => readArticle({ id, text: `${id}\n\n${paragraphs.join('\n\n')}` })
  const bardo = article(
    'bardo',
    'Gunmen attacked the Bardo museum in Tunis on Wednesday.',
    'The attack on the country’s most renowned museum killed 21 people, the interior ministry said.',
  )
  const elsewhere = article('elsewhere', 'Bardo is a town near Tunis.', 'An attack on a small museum in Sfax killed two guards, police said.')
  const index = buildIndex([bardo, elsewhere, ...Array.from({ length: 5 }, (_, i) => article(`other${i}`, `Officials in city ${i} met on Monday.`, `The museum of city ${i} opened a new wing.`))])
  const query = parseQuestion(cleanForMatching('How many were killed in the attack on the Bardo museum?'), index)
  const coverage = (text: string) => rankCandidates(index, query, 0).find((c) => index.statements[c.id]!.text.startsWith(text))?.coverage ?? 0

  it('GIVEN a statement that names only the museum, in the article that names the Bardo museum THEN it covers the name in part', () => {
    expect(coverage('The attack on the country’s most renowned museum')).toBeGreaterThan(coverage('An attack on a small museum in Sfax'))
  })

  it('GIVEN an article that names Bardo and a museum, but never together THEN no credit for the name', () => {
    const withName = parseQuestion(cleanForMatching('How many were killed in the attack on the museum?'), index)
    const withoutName = rankCandidates(index, withName, 0).find((c) => index.statements[c.id]!.text.startsWith('An attack on a small museum in Sfax'))!.coverage
    // Asked with the name, the Sfax statement covers what it covered without it, and nothing for `Bardo`.
    const asked = query.slots.reduce((sum, slot) => sum + slot.weight, 0)
    const plain = withName.slots.reduce((sum, slot) => sum + slot.weight, 0)
    expect(coverage('An attack on a small museum in Sfax') * asked).toBeCloseTo(withoutName * plain, 6)
  })
})
