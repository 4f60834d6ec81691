import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { answerQuestion, MAX_QUESTION_LENGTH } from '../../src/core/answer.js'
import { readArticle } from '../../src/core/article.js'
import { nearDuplicate } from '../../src/core/overlap.js'
import { buildIndex, type StatementIndex } from '../../src/core/search.js'
import type { Answer, Quote } from '../../src/core/types.js'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { FIXTURES, readFixtureArticle } from '../../scripts/eval.js'
import { HOSTILE_INPUTS } from '../fixtures/hostile.js'

const SEED = '000_97c02de7d0eb7492.txt'
const CORPUS = [
  SEED,
  'iran-amnesty-torture-2020.txt',
  'korea-impeachment-nbc-2024.txt',
  'obama-gun-laws-bbc-2015.txt',
  'sudan-sanctions-nyt-2017.txt',
  'tunisia-bardo-wapo-2015.txt',
]
const indexOf = (...names: string[]): StatementIndex => buildIndex(names.map((n) => readArticle(readFixtureArticle(n))))
const seed = indexOf(SEED)
const allFixtures = indexOf(...readdirSync(join(FIXTURES, 'articles')).filter((name) => name.endsWith('.txt')))
const everything = indexOf(...CORPUS)

function answered(answer: Answer): Extract<Answer, { answered: true }> {
  if (!answer.answered) throw new Error(`expected an answer, got a refusal: ${answer.note}`)
  return answer
}
const speakers = (quotes: readonly Quote[]) => [...new Set(quotes.map((q) => q.speaker))]

describe('answerQuestion: questions that are not questions', () => {
  it.each(['', '   ', '\t\n', '?!…', '(((((', '.'.repeat(500), '\u200b\u202e'])('GIVEN %j THEN it is refused as empty with a usage hint', (question) => {
    const answer = answerQuestion(seed, question)
    expect(answer).toMatchObject({ answered: false, reason: 'empty', question })
    expect(!answer.answered && answer.note).toMatch(/^Ask a question/)
  })

  it('GIVEN a question over the length cap THEN it is refused as too long; at the cap it is read', () => {
    expect(answerQuestion(seed, `How many were killed ${'x'.repeat(MAX_QUESTION_LENGTH)}`)).toMatchObject({ answered: false, reason: 'too-long' })
    const atCap = `How many people were killed?${' '.repeat(MAX_QUESTION_LENGTH - 28)}`
    expect([...atCap]).toHaveLength(MAX_QUESTION_LENGTH)
    expect(answerQuestion(seed, atCap).answered).toBe(true)
  })

  it('GIVEN characters outside the basic plane THEN the cap counts characters, not UTF-16 units', () => {
    expect(answerQuestion(seed, '🙂'.repeat(MAX_QUESTION_LENGTH)).answered).toBe(false)
    expect(answerQuestion(seed, '🙂'.repeat(MAX_QUESTION_LENGTH))).toMatchObject({ reason: 'empty' })
  })
})

describe('answerQuestion: refusal', () => {
  it.each([
    'What is the capital of France?',
    'Who won the 2019 World Series?',
    'Will it rain in Tehran tomorrow?',
    'What did Khamenei say about the protests?',
    'How many people were injured in the protests?',
    'What is the price of oil?',
  ])('GIVEN %j on the seed THEN the article does not say', (question) => {
    expect(answerQuestion(seed, question)).toEqual({ answered: false, question, reason: 'not-in-article', note: "The article doesn't say." })
  })

  it('GIVEN an unanswerable question over several articles THEN the note speaks of the loaded articles', () => {
    expect(answerQuestion(everything, 'What is the capital of France?')).toMatchObject({ answered: false, note: "The loaded articles don't say." })
  })

  it('GIVEN a question that only a word of it matches THEN it is refused rather than answered loosely', () => {
    // `Tehran` stands in one statement, about the internet; the question asks about the weather.
    expect(answerQuestion(seed, 'Will it rain in Tehran tomorrow?').answered).toBe(false)
    expect(answered(answerQuestion(seed, 'Did the regime shut down the internet in Tehran?')).quotes[0]!.text).toMatch(/^The regime in Tehran/)
  })
})

describe('answerQuestion: answers', () => {
  it('GIVEN a question the seed answers THEN at most three quotes, best first, each verbatim and attributed', () => {
    const answer = answered(answerQuestion(seed, 'Where were dead bodies found?'))
    expect(answer.quotes.length).toBeGreaterThanOrEqual(1)
    expect(answer.quotes.length).toBeLessThanOrEqual(3)
    expect(answer.quotes[0]!.text).toMatch(/^Atrocious reports and footage of dead bodies/)
    for (const quote of answer.quotes) {
      expect(seed.articles[0]!.original.slice(quote.start, quote.end)).toBe(quote.text)
      expect(quote.speaker).not.toBe('')
    }
  })

  it('GIVEN typos THEN the statements are still found', () => {
    const answer = answered(answerQuestion(seed, 'how many protestors were kiled'))
    expect(answer.quotes.some((q) => /1,500|304|504/.test(q.text))).toBe(true)
  })

  it('GIVEN maxQuotes THEN no more quotes than that', () => {
    expect(answered(answerQuestion(seed, 'What did Amnesty say?', { maxQuotes: 1 })).quotes).toHaveLength(1)
  })

  it('GIVEN a question whose answers repeat each other THEN no two quotes are near-duplicates', () => {
    for (const question of ['How many people were killed?', 'what did the PMOI report', 'How many civilians were murdered by the regime?']) {
      const ids = answered(answerQuestion(seed, question)).quotes.map((q) => seed.statements.findIndex((s) => s.start === q.start))
      for (const [i, a] of ids.entries()) for (const b of ids.slice(i + 1)) expect(nearDuplicate(seed.lexicon, a, b)).toBe(false)
    }
  })

  it('GIVEN “what did X say” THEN every quote is X’s', () => {
    expect(speakers(answered(answerQuestion(seed, 'What did Rajavi say?')).quotes)).toEqual(['Maryam Rajavi'])
    expect(speakers(answered(answerQuestion(seed, 'What does the MEK claim?')).quotes)).toEqual(["People's Mojahedin Organization of Iran"])
  })

  it('GIVEN “according to X” THEN the quotes are X’s (or its staff’s) and X’s name is no term to cover', () => {
    const answer = answered(answerQuestion(seed, 'According to Amnesty, how many were killed?'))
    expect(answer.quotes[0]!.speaker).toBe('Amnesty International')
    for (const quote of answer.quotes) expect(['Amnesty International', 'Philip Luther']).toContain(quote.speaker)
  })

  it('GIVEN a how-many question THEN every quote gives a figure', () => {
    for (const quote of answered(answerQuestion(seed, 'How many cities did the protests spread to?')).quotes) {
      expect(quote.text).toMatch(/\d/)
    }
  })

  it.each(['when was the original embargo imposed', 'what year did the initial US sanctions start'])(
    'GIVEN a word that only places the thing in a sequence (%j) THEN a statement without it still answers',
    (question) => {
      const answer = answered(answerQuestion(indexOf('sudan-sanctions-nyt-2017.txt'), question))
      expect(answer.quotes[0]!.text).toMatch(/^In 1997, President Bill Clinton imposed a comprehensive trade embargo/)
    },
  )

  it('GIVEN where someone goes after a place THEN the statement naming another place answers, though it does not name the first', () => {
    const tour = buildIndex([
      readArticle({
        id: 'tour.txt',
        text: [
          'Minister begins European tour',
          'Foreign Minister Ana Lopes arrived in Paris on Monday for two days of talks.',
          'Lopes met French officials in Paris to discuss trade.',
          'Lopes said the talks were about fishing rights and farm subsidies.',
          'Lopes will then travel on to Berlin for a summit on Thursday.',
          'Trade between the two countries has grown for a decade.',
          'Farmers have protested against the subsidies for months.',
          'Lopes was appointed minister last year.',
        ].join('\n\n'),
      }),
    ])
    const answer = answered(answerQuestion(tour, 'where is lopes going after paris'))
    expect(answer.quotes.some((q) => q.text.includes('Berlin'))).toBe(true)
  })

  it('GIVEN a when question and no statement that gives a time THEN it is refused', () => {
    expect(answerQuestion(indexOf('iran-amnesty-torture-2020.txt'), 'when is navid afkari going to be executed?').answered).toBe(false)
  })
})

describe('answerQuestion: disagreement', () => {
  it.each(['how many people were killed?', 'how many people died?'])(
    'GIVEN %j over every fixture article THEN the note names only speakers whose figures are quoted',
    (question) => {
      const answer = answered(answerQuestion(allFixtures, question))
      expect(answer.disagreement).toBe(true)
      const named = answer.note!.replace(/^Sources differ: /, '').replace(/ give different figures\.$/, '')
      const quoted = new Set(answer.quotes.map((q) => q.speaker))
      for (const speaker of named.split(/, | and /)) expect(quoted).toContain(speaker)
    },
  )

  it.each(['is that 304 number accurate?', 'was it really 1500 dead?'])(
    'GIVEN %j, a question about one speaker’s figure THEN it is quoted first, then the other speaker’s, and the note',
    (question) => {
      const answer = answered(answerQuestion(seed, question))
      expect(answer.disagreement).toBe(true)
      expect(answer.note).toMatch(/^Sources differ/)
      const figure = question.includes('304') ? '304' : '1,500'
      expect(answer.quotes[0]!.text).toContain(figure)
      expect(new Set(answer.quotes.map((q) => q.speaker)).size).toBeGreaterThan(1)
      expect(answer.quotes.some((q) => q.text.includes(figure === '304' ? '1,500' : '304'))).toBe(true)
    },
  )

  it('GIVEN a how-many question worded as one speaker words it THEN the other speaker’s differing figure is quoted too', () => {
    // Amnesty writes of the `crackdown` in `November`; the MEK's 1,500 sentences name neither.
    const answer = answered(answerQuestion(seed, 'how many people died in the november crackdown?'))
    expect(answer.disagreement).toBe(true)
    expect(answer.quotes.some((q) => q.speaker === 'Amnesty International' && q.text.includes('304'))).toBe(true)
    expect(answer.quotes.some((q) => q.text.includes('1,500'))).toBe(true)
  })

  it('GIVEN the seed and how many were killed THEN each speaker’s figure is quoted and the note names them', () => {
    const answer = answered(answerQuestion(seed, 'How many people were killed?'))
    expect(answer.disagreement).toBe(true)
    expect(answer.note).toBe("Sources differ: People's Mojahedin Organization of Iran and Amnesty International give different figures.")
    expect(answer.quotes.some((q) => q.speaker === 'Amnesty International' && q.text.includes('304'))).toBe(true)
    expect(answer.quotes.some((q) => q.text.includes('1,500'))).toBe(true)
  })

  it('GIVEN only one quote allowed THEN the sources still say they differ', () => {
    const answer = answered(answerQuestion(seed, 'How many people were killed?', { maxQuotes: 1 }))
    expect(answer.quotes).toHaveLength(1)
    expect(answer.disagreement).toBe(true)
  })

  it('GIVEN a figure only one speaker gives THEN there is no disagreement', () => {
    const answer = answered(answerQuestion(seed, 'How many cities did the protests spread to?'))
    expect(answer.disagreement).toBe(false)
    expect(answer.note).toBeNull()
  })

  it('GIVEN counts of different things (gunmen, victims) THEN they do not disagree', () => {
    const answer = answered(answerQuestion(indexOf('tunisia-bardo-wapo-2015.txt'), 'how many people died in the museum attack?'))
    expect(answer.disagreement).toBe(false)
  })

  it('GIVEN two articles on the same events THEN the figures of both are compared', () => {
    const answer = answered(answerQuestion(everything, 'How many people were killed in the November protests in Iran?'))
    expect(answer.disagreement).toBe(true)
    expect(new Set(answer.quotes.map((q) => q.article.id)).size).toBe(2)
    for (const name of speakers(answer.quotes)) expect(answer.note).toContain(name)
  })

  it('GIVEN any disagreement note THEN it names speakers and states no figure', () => {
    for (const question of ['How many people were killed?', 'how many protestors were kiled', 'how many died in the crackdown']) {
      const answer = answered(answerQuestion(everything, question))
      if (answer.note) expect(answer.note).toMatch(/^Sources differ: [^0-9]+ give different figures\.$/)
    }
  })
})

describe('answerQuestion: any question (property)', () => {
  const words = [...new Set(everything.statements.flatMap((s) => s.text.split(/\s+/)))].slice(0, 3_000)
  const question = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 600 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constantFrom(...HOSTILE_INPUTS),
    fc.array(fc.constantFrom(...words, 'how many', 'who', 'according to', 'did', 'say'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  )

  test.prop([question, fc.integer({ min: 1, max: 5 })], { seed: 3_301, numRuns: 300 })(
    'GIVEN any Unicode question THEN answerQuestion does not throw and every quote slices back to its article',
    (q, maxQuotes) => {
      const answer = answerQuestion(everything, q, { maxQuotes })
      expect(answer.question).toBe(q)
      if (!answer.answered) return
      expect(answer.quotes.length).toBeLessThanOrEqual(maxQuotes)
      for (const quote of answer.quotes) {
        const article = everything.articles.find((a) => a.meta.id === quote.article.id)!
        expect(article.original.slice(quote.start, quote.end)).toBe(quote.text)
      }
    },
  )
})

describe('answerQuestion: related words of words the article uses', () => {
  const winter = indexOf('heldout2-winter-utilities-nyt-2019.txt')

  it('GIVEN a question word the article uses elsewhere THEN a statement saying a related word answers it (swapping → replacing)', () => {
    const answer = answerQuestion(winter, 'what are they swapping the old gas pipes for')
    expect(answer.answered).toBe(true)
    if (answer.answered) expect(answer.quotes[0]!.text).toMatch(/^Con Edison officials said they had begun replacing/)
  })

  it('GIVEN a related word alone THEN it covers the word only in part: a question of nothing else the article says is refused', () => {
    expect(answerQuestion(winter, 'who is swapping the subway trains for buses').answered).toBe(false)
  })
})

describe('answerQuestion: who said it, when the question names the speaker', () => {
  const harbour = buildIndex([
    readArticle({
      id: 'harbour.txt',
      text: [
        'Council rejects harbour plan',
        'The city council voted on Tuesday to reject the harbour expansion plan, ending a two-year dispute.',
        'Officials said Mayor Dana Whitlock had told the council that the plan would cost 40 million dollars.',
        "Critics said the long delay was Whitlock's fault.",
        '"We will not sign a bad deal for this city," said Omar Reyes, the port director.',
        'Reyes has led the port authority since 2015.',
      ].join('\n\n'),
    }),
  ])

  it('GIVEN what someone told others, whom only another statement reports THEN the report that they spoke answers', () => {
    const answer = answered(answerQuestion(harbour, 'what did whitlock tell the council'))
    expect(answer.quotes[0]!.text).toMatch(/^Officials said Mayor Dana Whitlock had told the council/)
  })

  it('GIVEN what someone said, whom the article only names THEN it is refused, not answered by a mention', () => {
    expect(answerQuestion(harbour, 'what did whitlock say about the delay').answered).toBe(false)
  })

  it('GIVEN what a speaker told someone about something THEN their statement answers though it words the thing otherwise', () => {
    const answer = answered(answerQuestion(harbour, 'what did reyes say about the deal with the council'))
    expect(answer.quotes[0]!.speaker).toBe('Omar Reyes')
  })

  it('GIVEN a question half of whose words the article words otherwise THEN the statement holding the rest answers', () => {
    const answer = answered(answerQuestion(harbour, 'did the councillors scrap the harbour expansion'))
    expect(answer.quotes[0]!.text).toMatch(/^The city council voted on Tuesday to reject/)
  })

  it('GIVEN a question about a figure only one statement gives THEN it answers without a disagreement', () => {
    const answer = answered(answerQuestion(harbour, 'would the plan really cost 40 million?'))
    expect(answer.quotes[0]!.text).toContain('40 million dollars')
    expect(answer.disagreement).toBe(false)
  })

  it('GIVEN what a speaker said about something nobody mentions THEN it is refused', () => {
    expect(answerQuestion(harbour, 'what did reyes say about the fishing quotas').answered).toBe(false)
  })
})
