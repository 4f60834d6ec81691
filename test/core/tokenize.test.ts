import { describe, expect, it } from 'vitest'
import { MAX_QUESTION_LENGTH } from '../../src/core/answer.js'
import { indexTerms, unitsOf } from '../../src/core/terms.js'
import { cleanForMatching, tokenize } from '../../src/core/tokenize.js'
import { HOSTILE_INPUTS } from '../fixtures/hostile.js'

const forms = (text: string) => tokenize(cleanForMatching(text)).map((t) => t.forms)
const first = (text: string) => forms(text).map((f) => f[0])

describe('tokenize', () => {
  it('GIVEN figures with thousands separators THEN each is one token without its commas', () => {
    expect(first('over 1,500 killed, at least 304; 1,500,000 and 3.5')).toEqual(['over', '1500', 'killed', 'at', 'least', '304', '1500000', 'and', '3.5'])
    expect(tokenize('1,500')[0]!.kind).toBe('number')
  })

  it('GIVEN ordinals, decades and clock times THEN they stay whole and keep their kind', () => {
    const tokens = tokenize(cleanForMatching('the 21st century, the 1990s, at 10:30 p.m.'))
    expect(tokens.map((t) => [t.forms[0], t.kind])).toEqual([
      ['the', 'word'], ['21st', 'ordinal'], ['century', 'word'], ['the', 'word'], ['1990s', 'ordinal'],
      ['at', 'word'], ['10:30', 'time'], ['p.m.', 'acronym'],
    ])
  })

  it('GIVEN a slashed name THEN it is one token with its parts as further forms', () => {
    expect(forms('The Iranian opposition PMOI/MEK is reporting')).toContainEqual(['pmoi/mek', 'pmoi', 'mek'])
  })

  it('GIVEN possessives with straight or curly apostrophes THEN the word is kept without its s', () => {
    expect(first('people’s people\'s Amnesty’s mullahs’ regime')).toEqual(['people', 'people', 'amnesty', 'mullahs', 'regime'])
    expect(tokenize('Amnesty’s figure')[0]!.possessive).toBe(true)
  })

  it('GIVEN contractions THEN they fold to one word without apostrophe', () => {
    expect(first('didn’t don\'t they’re')).toEqual(['didnt', 'dont', 'theyre'])
  })

  it('GIVEN U.S. or US in capitals THEN it is the country, never the pronoun us', () => {
    expect(first('U.S. officials told us the US would act')).toEqual(['u.s.', 'officials', 'told', 'us', 'the', 'u.s.', 'would', 'act'])
  })

  it('GIVEN acronyms THEN they are marked as such', () => {
    const tokens = tokenize('NCRI and the UN')
    expect(tokens.filter((t) => t.kind === 'acronym').map((t) => t.forms[0])).toEqual(['ncri', 'un'])
  })

  it('GIVEN hyphenated words THEN they are their parts', () => {
    expect(first('a fact-finding mission, two-thirds')).toEqual(['a', 'fact', 'finding', 'mission', 'two', 'thirds'])
  })

  it('GIVEN a capital after a sentence end or at the start THEN the token says it starts a sentence', () => {
    const tokens = tokenize('Rajavi spoke. Then Amnesty replied')
    expect(tokens.map((t) => t.sentenceStart)).toEqual([true, false, true, false, false])
  })

  it('GIVEN a percent sign after a figure THEN the figure knows it', () => {
    expect(tokenize('at 13% now')[1]!.percent).toBe(true)
  })
})

describe('cleanForMatching', () => {
  it('GIVEN zero-width, bidi and control characters THEN they are gone and words join up again', () => {
    expect(cleanForMatching('every\u200done \u202e@here\u202c a\u0000b')).toBe('everyone @here a b')
  })

  it('GIVEN full-width and accented text THEN it folds to plain letters', () => {
    expect(cleanForMatching('＠everyone François vis-à-vis')).toBe('@everyone Francois vis-a-vis')
  })

  it('GIVEN plain ASCII THEN it comes back unchanged', () => {
    const text = 'How many people were killed?'
    expect(cleanForMatching(text)).toBe(text)
  })
})

describe('terms', () => {
  it('GIVEN the words for death THEN they stem with porter2 and share the concept ~death', () => {
    const terms = indexTerms(unitsOf('died killed murdered fatalities massacre'))
    expect(terms).toEqual(expect.arrayContaining(['die', 'kill', 'murder', 'fatal', 'massacr']))
    expect(terms.filter((t) => t === '~death')).toHaveLength(5)
  })

  it('GIVEN a phrase THEN its concept wins over its words', () => {
    expect(indexTerms(unitsOf('the death penalty'))).toContain('~deathSentence')
    expect(indexTerms(unitsOf('the death penalty'))).not.toContain('~death')
    expect(indexTerms(unitsOf('the death toll'))).toContain('~death')
  })

  it('GIVEN stop words and question words THEN they are not indexed', () => {
    expect(indexTerms(unitsOf('What did they say about how it was?'))).toEqual([])
  })
})

describe('tokenize on hostile input', () => {
  /** Inputs at the question length cap built to make a backtracking pattern slow. */
  const worst = [
    ...HOSTILE_INPUTS,
    'a'.repeat(MAX_QUESTION_LENGTH),
    "a'".repeat(MAX_QUESTION_LENGTH / 2),
    'a.'.repeat(MAX_QUESTION_LENGTH / 2),
    '1,'.repeat(MAX_QUESTION_LENGTH / 2),
    '1:'.repeat(MAX_QUESTION_LENGTH / 2),
    'a-/'.repeat(MAX_QUESTION_LENGTH / 3),
    ' '.repeat(MAX_QUESTION_LENGTH - 1) + 'a',
    'A.'.repeat(MAX_QUESTION_LENGTH / 2) + '!',
    '\u200b'.repeat(MAX_QUESTION_LENGTH),
    'e\u0301'.repeat(MAX_QUESTION_LENGTH / 2),
  ]

  it('GIVEN the worst inputs we could build THEN every token is a piece of the cleaned text and none is empty', () => {
    for (const input of worst) {
      const clean = cleanForMatching(input)
      const tokens = tokenize(clean)
      for (const token of tokens) {
        expect(token.forms.length).toBeGreaterThan(0)
        for (const form of token.forms) expect(form).not.toBe('')
      }
      expect(tokens.length).toBeLessThanOrEqual(clean.length)
    }
  })

  it('GIVEN one long run of connected letters THEN it is one token (the pattern walks it once)', () => {
    expect(tokenize('a.'.repeat(250) + 'a').map((t) => t.kind)).toEqual(['acronym'])
    expect(tokenize("a'".repeat(250) + 'a').map((t) => t.forms[0])).toEqual(['a'.repeat(251)])
    expect(tokenize('1,'.repeat(250) + '1')).toHaveLength(1)
  })
})
