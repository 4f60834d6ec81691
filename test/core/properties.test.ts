import { fc, test } from '@fast-check/vitest'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { createLibrary, type ArticleInput, type Library } from '../../src/core/library.js'
import type { Answer } from '../../src/core/types.js'
import { HOSTILE_INPUTS } from '../fixtures/hostile.js'

/**
 * Properties of the core for any text a user can type (fixed seeds, so a
 * failure replays): it never throws, its Answer is well formed and bounded,
 * and every quote is the article's own text with a speaker. Run over every
 * article in data/ and test/fixtures/articles, one at a time and all together.
 */

const ROOT = join(import.meta.dirname, '../..')
const readTexts = (dir: string): ArticleInput[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ id: name, text: readFileSync(join(dir, name), 'utf8') }))

const inputs = [...readTexts(join(ROOT, 'data')), ...readTexts(join(ROOT, 'test/fixtures/articles'))]
const libraries: { name: string; library: Library }[] = [
  { name: 'all articles', library: createLibrary(inputs) },
  ...inputs.map((input) => ({ name: input.id, library: createLibrary([input]) })),
]
const everything = libraries[0]!.library

const REASONS = ['empty', 'too-long', 'not-in-article', 'rate-limited']

/** Fails the test unless `answer` is a well-formed Answer to `question` whose every quote slices back to its article. */
function expectWellFormed(library: Library, question: string, answer: Answer, maxQuotes: number) {
  expect(answer.question).toBe(question)
  if (!answer.answered) {
    expect(REASONS).toContain(answer.reason)
    expect(answer.note.trim().length).toBeGreaterThan(0)
    return
  }
  expect(typeof answer.disagreement).toBe('boolean')
  expect(answer.note === null || (typeof answer.note === 'string' && answer.note.trim() !== '')).toBe(true)
  expect(answer.quotes.length).toBeGreaterThanOrEqual(1)
  expect(answer.quotes.length).toBeLessThanOrEqual(maxQuotes)
  for (const quote of answer.quotes) {
    const article = library.articles.find((a) => a.meta.id === quote.article.id)
    expect(article, `quote cites an article that is not loaded: ${quote.article.id}`).toBeDefined()
    expect(article!.original.slice(quote.start, quote.end)).toBe(quote.text)
    expect(quote.text.trim()).not.toBe('')
    expect(quote.speaker.trim()).not.toBe('')
    expect(quote.article.title).toBe(article!.meta.title)
    expect(Number.isInteger(quote.paragraph) && quote.paragraph >= 1).toBe(true)
    expect(Number.isInteger(quote.sentence) && quote.sentence >= 1).toBe(true)
  }
}

// ── What users type ─────────────────────────────────────────────────────────

/** Words the articles use, so that generated questions reach the answering branch and not only refusals. */
const VOCABULARY = [...new Set(inputs.flatMap((i) => i.text.match(/\p{L}[\p{L}'’-]{2,}|\d[\d,.]*/gu) ?? []))].sort().slice(0, 4_000)
const QUESTION_WORDS = ['how many', 'who', 'what did', 'when', 'where', 'why', 'did', 'said', 'according to', 'how much', 'is it true that']
/** Characters people (and attackers) slip between words: zero-width, bidi overrides, controls, odd spaces. */
const SEPARATORS = [' ', '  ', '\t', '\n', '\u200b', '\u200d', '\u2060', '\u202e', '\u202c', '\u2066', '\u0000', '\u001b', '\u00a0', '\u3000', '？', '?', ',']

const anyUnicode = fc.string({ unit: 'binary', maxLength: 300 })
const graphemes = fc.string({ unit: 'grapheme', maxLength: 120 })
/** Raw UTF-16 code units, lone surrogates included: what a JSON payload can carry. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 })
const hostile = fc.constantFrom(...HOSTILE_INPUTS)
const vocabularyQuestion = fc
  .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...VOCABULARY) }, { weight: 2, arbitrary: fc.constantFrom(...QUESTION_WORDS) }, { weight: 1, arbitrary: hostile.map((h) => h.slice(0, 40)) }), { minLength: 1, maxLength: 12 })
  .chain((words) => fc.tuple(fc.constant(words), fc.array(fc.constantFrom(...SEPARATORS), { minLength: words.length, maxLength: words.length })))
  .map(([words, seps]) => words.map((w, i) => w + seps[i]).join(''))
/** A run of a statement's own words behind a question word, with hostile separators: close to what the articles answer. */
const SENTENCE_WORDS = everything.articles.flatMap((a) => a.statements.map((st) => st.text.split(/\s+/).filter(Boolean))).filter((w) => w.length >= 4)
const phraseQuestion = fc
  .tuple(fc.constantFrom(...SENTENCE_WORDS), fc.nat(), fc.integer({ min: 3, max: 8 }), fc.constantFrom(...QUESTION_WORDS), fc.constantFrom(...SEPARATORS))
  .map(([words, at, length, lead, sep]) => {
    const from = at % words.length
    return `${lead}${sep}${words.slice(from, from + length).join(sep === '\n' ? ' ' : sep)}?`
  })
const question = fc.oneof(
  { weight: 3, arbitrary: phraseQuestion },
  { weight: 3, arbitrary: vocabularyQuestion },
  { weight: 2, arbitrary: anyUnicode },
  { weight: 1, arbitrary: graphemes },
  { weight: 1, arbitrary: codeUnits },
  { weight: 1, arbitrary: hostile },
  { weight: 1, arbitrary: fc.tuple(hostile, vocabularyQuestion, hostile).map((parts) => parts.join(' ')) },
)
const libraryIndex = fc.nat(libraries.length - 1)

describe('library.ask for any question', () => {
  test.prop([libraryIndex, question, fc.integer({ min: 1, max: 8 })], { seed: 6_101, numRuns: 400 })(
    'GIVEN any article set, any question and any quote limit THEN it returns a well-formed Answer whose quotes are verbatim and attributed',
    (which, q, maxQuotes) => {
      const { library } = libraries[which]!
      expectWellFormed(library, q, library.ask(q, { maxQuotes }), maxQuotes)
    },
  )

  test.prop([question], { seed: 6_102, numRuns: 100 })('GIVEN the same question twice THEN the same Answer (the core is deterministic)', (q) => {
    expect(everything.ask(q)).toEqual(everything.ask(q))
  })

  test.prop([fc.string({ unit: 'binary', minLength: 1_001, maxLength: 3_000 })], { seed: 6_103, numRuns: 30 })(
    'GIVEN a question of over a thousand code points THEN it is refused as too long',
    (q) => {
      fc.pre([...q].length > 1_000)
      const answer = everything.ask(q)
      expect(answer).toMatchObject({ answered: false, reason: 'too-long' })
    },
  )

  test('GIVEN the generated questions THEN a fair share of them is answered, so the quote properties are exercised', () => {
    const sample = fc.sample(phraseQuestion, { seed: 6_104, numRuns: 200 })
    const answered = sample.filter((q) => everything.ask(q).answered).length
    expect(answered).toBeGreaterThanOrEqual(50)
  })
})

describe('library.quotesBy for any name', () => {
  const names = fc.oneof(
    fc.constantFrom(...everything.sources().map((s) => s.speaker)),
    fc.constantFrom(...everything.sources().flatMap((s) => s.speaker.split(/\s+/))),
    anyUnicode,
    hostile,
  )
  test.prop([names, fc.integer({ min: 1, max: 8 })], { seed: 6_105, numRuns: 200 })(
    'GIVEN any name THEN it returns a well-formed Answer whose quotes are verbatim and attributed',
    (name, maxQuotes) => {
      expectWellFormed(everything, name, everything.quotesBy(name, { maxQuotes }), maxQuotes)
    },
  )
})

describe('library.sources', () => {
  test('GIVEN every article THEN each source is named, counted and cites loaded articles', () => {
    const ids = new Set(everything.articles.map((a) => a.meta.id))
    for (const source of everything.sources()) {
      expect(source.speaker.trim()).not.toBe('')
      expect(source.count).toBeGreaterThanOrEqual(1)
      for (const article of source.articles) expect(ids.has(article.id)).toBe(true)
    }
  })
})
