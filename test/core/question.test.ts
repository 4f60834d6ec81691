import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/core/article.js'
import { parseQuestion, type Query } from '../../src/core/question.js'
import { buildIndex } from '../../src/core/search.js'
import { cleanForMatching } from '../../src/core/tokenize.js'
import { readFixtureArticle } from '../../scripts/eval.js'

const seed = buildIndex([readArticle(readFixtureArticle('000_97c02de7d0eb7492.txt'))])
const parse = (question: string, index = seed): Query => parseQuestion(cleanForMatching(question), index)
const terms = (query: Query) => query.slots.map((slot) => slot.anyOf.flat())
/** The speakers whose statements the question's source admits. */
const sourceNames = (query: Query, index = seed) => [...new Set([...(query.source?.contexts ?? [])].map((c) => index.speakers.contexts[c]!.name))].sort()

describe('parseQuestion: the type of answer', () => {
  it.each([
    ['How many people were killed?', 'quantity'],
    ['What was the death toll?', 'quantity'],
    ['how long did the uprising last', 'quantity'],
    ['Who is Maryam Rajavi?', 'person'],
    ['When did Amnesty publish its figures?', 'time'],
    ['What year did it start?', 'time'],
    ['Where were bodies found?', 'place'],
    ['Which city saw protests?', 'place'],
    ['Why did the regime shut down the internet?', 'reason'],
    ['Was the internet cut off?', 'other'],
    // A wh-word after the question's own starts a clause of it.
    ['how did the families feel when the internet was cut?', 'other'],
    ['what did Amnesty say about where the bodies were found?', 'other'],
    ['Who was arrested when the protests began?', 'person'],
    ['what was the death toll when the crackdown ended?', 'quantity'],
    ['And when did the internet come back?', 'time'],
  ])('GIVEN %j THEN its type is %s', (question, type) => {
    expect(parse(question).type).toBe(type)
  })

  it('GIVEN how many THEN it counts, and what follows is what is counted; GIVEN how long THEN it does not count', () => {
    const count = parse('How many cities had protests?')
    expect(count.counting).toBe(true)
    expect(count.counted.map((s) => s.label)).toEqual(['cities'])
    expect(parse('How long did the protests last?').counting).toBe(false)
  })

  it('GIVEN the question words THEN none of them is a term to cover', () => {
    expect(terms(parse('How many people were killed?'))).toEqual([['~people'], ['~death']])
  })
})

describe('parseQuestion: content terms', () => {
  it('GIVEN typos THEN they are corrected to words the articles use', () => {
    expect(terms(parse('how many protestors were kiled'))).toEqual([['~protest'], ['~death']])
  })

  it('GIVEN chat spellings THEN they read as the words they stand for', () => {
    expect(terms(parse('how many ppl died'))).toEqual([['~people'], ['~death']])
  })

  it('GIVEN a word for a synonym group THEN the term is the group concept', () => {
    expect(terms(parse('were detainees tortured?'))).toEqual([['~arrest'], ['~torture']])
  })

  it('GIVEN two words joined by and THEN either covers the one slot', () => {
    const query = parse('were detainees or protesters tortured')
    expect(query.slots.map((s) => s.label)).toEqual(['detainees or protesters', 'tortured'])
    expect(query.slots[0]!.anyOf).toEqual([['~arrest'], ['~protest']])
  })

  it('GIVEN a common word and a rare one THEN the rare one weighs more', () => {
    const [iran, ahvaz] = parse('Iran Ahvaz').slots
    expect(ahvaz!.weight).toBeGreaterThan(iran!.weight)
  })

  it('GIVEN a word no statement holds THEN it weighs most of all', () => {
    const [capital] = parse('capital').slots
    const [tehran] = parse('Tehran').slots
    expect(capital!.weight).toBeGreaterThan(tehran!.weight)
  })

  it('GIVEN a question asking for the gist and naming nothing THEN it is a gist question', () => {
    expect(parse('What happened?').gist).toBe(true)
    expect(parse('What happened in Ahvaz?').gist).toBe(false)
  })
})

describe('parseQuestion: speakers', () => {
  it.each([
    ['According to Amnesty, how many were killed?', ['Amnesty International', 'Philip Luther']],
    ['what did Rajavi say', ['Maryam Rajavi']],
    ['What does the MEK claim the death toll is?', ["People's Mojahedin Organization of Iran"]],
    ["whats amnesty's number for the dead", ['Amnesty International', 'Philip Luther']],
    ['How does Philip Luther describe the crackdown?', ['Philip Luther']],
  ])('GIVEN %j THEN the source is %j and its name is no term to cover', (question, names) => {
    const query = parse(question)
    expect(sourceNames(query)).toEqual(names)
    const words = query.slots.map((s) => s.label).join(' ')
    expect(words).not.toMatch(/amnesty|rajavi|mek|luther/i)
  })

  it('GIVEN a speaker the articles do not quote THEN there is no source: the name is a word to cover, in a report of what they said', () => {
    const query = parse('What did Khamenei say about the protests?')
    expect(query.source).toBeNull()
    expect([...query.reported!]).toEqual(['khamenei'])
    expect(terms(query)).toEqual([['khamenei'], ['~protest']])
  })

  it('GIVEN a speaker the articles quote THEN nothing is asked of reports', () => {
    expect(parse('What did Rajavi say about the UN?').reported).toBeNull()
  })

  it('GIVEN an article quoting “many people” THEN `people` in a question is people in general, not that speaker', () => {
    const index = buildIndex([
      readArticle({ id: 'crowd.txt', text: 'Crowd gathers\n\nMany people told reporters they had waited for hours.\n\nThree people were hurt in the crush.' }),
    ])
    const query = parse('how many people were hurt?', index)
    expect(query.slots.every((slot) => slot.speakers === null)).toBe(true)
    expect(terms(query)).toContainEqual(['~people'])
  })

  it('GIVEN a speaker named but not as the source THEN the name is a slot that the speaker also covers', () => {
    const query = parse('Who is Philip Luther?')
    expect(query.source).toBeNull()
    expect(query.slots).toHaveLength(1)
    expect([...query.slots[0]!.speakers!]).toEqual(['Philip Luther'])
  })

  it('GIVEN a speaker by title and country THEN the source is whoever has that role', () => {
    const tunisia = buildIndex([readArticle(readFixtureArticle('tunisia-bardo-wapo-2015.txt'))])
    expect(sourceNames(parse('what did the tunisian PM say after the attack', tunisia), tunisia)).toEqual(['Habib Essid'])
  })
})

describe('parseQuestion: chat wording and slips', () => {
  it('GIVEN a slip of a stop word or a chat spelling THEN it is no content word', () => {
    expect(terms(parse('what happend in ahvaz'))).toEqual(terms(parse('what happened in ahvaz')))
    expect(terms(parse('what r they gonna do n why'))).toEqual(terms(parse('what are they going to do and why')))
  })

  it('GIVEN a word the article uses THEN it is never read as a slip of a stop word', () => {
    // `bodies` is one letter off no stop word; `rivers` is in the article.
    expect(terms(parse('bodies in rivers'))).toEqual([['bodi'], ['river']])
  })
})

describe('parseQuestion: words no article uses', () => {
  const surveillance = buildIndex([readArticle(readFixtureArticle('heldout-surveillance-heraldsun-2015.txt'))])

  it('GIVEN a word no article uses THEN it asks for the related words the article does use', () => {
    const query = parse('why are the telcos angry', surveillance)
    const telcos = query.slots.find((slot) => slot.label === 'telcos')!
    expect(telcos.anyOf).toContainEqual(['telecommun'])
    expect(telcos.absent).toBeFalsy()
  })

  it('GIVEN an idiom no article uses THEN it is one slot of the related words', () => {
    const query = parse('how long must they hang on to metadata', surveillance)
    expect(query.slots.map((slot) => slot.label)).toContain('hang on to')
    expect(query.slots.find((slot) => slot.label === 'hang on to')!.anyOf).toContainEqual(['store'])
  })

  it('GIVEN a word the article uses THEN it keeps its own meaning, related words or not', () => {
    expect(terms(parse('what are the media upset about', surveillance))).toContainEqual(['media'])
    expect(terms(parse('who said the bill should be amended', surveillance))).toContainEqual(['amend'])
  })

  it('GIVEN a word of a topic no related group knows THEN it stays absent and weighs in full', () => {
    const query = parse('What is the capital of France?')
    expect(query.slots.filter((slot) => slot.absent).map((slot) => slot.label)).toEqual(['capital', 'france'])
  })
})

describe('parseQuestion: related words before spelling', () => {
  const spaceship = buildIndex([readArticle(readFixtureArticle('heldout2-progress-spaceship-ap-2016.txt'))])

  it('GIVEN a word no article uses that a related group knows THEN its related words, not a spelling correction', () => {
    const liftoff = parse('how long after liftoff did it fail', spaceship).slots.find((slot) => slot.label === 'liftoff')!
    // `launch` (its concept `~begin`), where correcting the spelling gave `lifted` (`~end`).
    expect(liftoff.anyOf.flat()).toContain('~begin')
    expect(liftoff.anyOf.flat()).not.toContain('~end')
  })

  it('GIVEN lately or nowadays THEN they frame the question and are no content word', () => {
    expect(terms(parse('what went wrong lately', spaceship)).flat()).not.toContain('late')
  })
})

describe('parseQuestion: people in general as the subject', () => {
  it('GIVEN people in general as who says something THEN no source, and the rest is asked', () => {
    const zimbabwe = buildIndex([readArticle(readFixtureArticle('heldout-zimbabwe-coup-telegraph-2017.txt'))])
    const query = parse('why do ppl call her gucci grace', zimbabwe)
    expect(query.source).toBeNull()
    expect(query.slots.map((slot) => slot.label)).toContain('gucci')
  })
})

describe('parseQuestion: absent words that weigh in full', () => {
  const korea = buildIndex([readArticle(readFixtureArticle('korea-impeachment-nbc-2024.txt'))])

  it('GIVEN a notion the synonym list knows that no statement words any way THEN it weighs in full, not as a paraphrase', () => {
    const query = parse('who would take over if yoon resigns', korea)
    const takeOver = query.slots.find((slot) => slot.label === 'take')!
    expect(takeOver.absent).toBe(true)
    const present = query.slots.filter((slot) => !slot.absent)
    expect(takeOver.weight).toBeGreaterThanOrEqual(Math.max(...present.map((slot) => slot.weight)))
  })
})

describe('parseQuestion: a choice offered', () => {
  it('GIVEN two words either side of an or with only small words between THEN one slot either word covers', () => {
    const zimbabwe = buildIndex([readArticle(readFixtureArticle('heldout-zimbabwe-coup-telegraph-2017.txt'))])
    const query = parse('are the streets of harare calm or is there fighting', zimbabwe)
    expect(query.slots.map((slot) => slot.label)).toContain('calm or fighting')
  })

  it('GIVEN no or between two words THEN each stays its own slot', () => {
    const zimbabwe = buildIndex([readArticle(readFixtureArticle('heldout-zimbabwe-coup-telegraph-2017.txt'))])
    expect(parse('are the streets of harare calm and is there fighting', zimbabwe).slots.map((slot) => slot.label)).toEqual(
      expect.arrayContaining(['calm', 'fighting']),
    )
  })
})
