import { describe, expect, it } from 'vitest'
import { answerQuestion } from '../../src/core/answer.js'
import { readArticle } from '../../src/core/article.js'
import { BoundedMemo, boundedStemmer, perOwner } from '../../src/core/memo.js'
import { buildIndex } from '../../src/core/search.js'
import { stem } from '../../src/core/terms.js'
import { readFixtureArticle } from '../../scripts/eval.js'

describe('BoundedMemo', () => {
  it('GIVEN a key asked for twice THEN it is computed once and the same value returned', () => {
    const memo = new BoundedMemo<string, number>(10)
    let computed = 0
    const length = (key: string) => (computed++, key.length)
    expect(memo.get('fled', length)).toBe(4)
    expect(memo.get('fled', length)).toBe(4)
    expect(computed).toBe(1)
  })

  it('GIVEN many more keys than its limit THEN it holds at most twice the limit, keeps the recent ones and computes old ones again', () => {
    const memo = new BoundedMemo<number, number>(4)
    const computed: number[] = []
    const square = (key: number) => (computed.push(key), key * key)
    for (let key = 0; key < 100; key++) memo.get(key, square)
    expect(memo.size).toBeLessThanOrEqual(8)
    computed.length = 0
    expect(memo.get(99, square)).toBe(99 * 99)
    expect(memo.get(0, square)).toBe(0)
    expect(computed).toEqual([0])
  })

  it('GIVEN a key of the older half asked for again THEN it is carried over, not computed again', () => {
    const memo = new BoundedMemo<number, number>(2)
    let computed = 0
    const same = (key: number) => (computed++, key)
    memo.get(1, same)
    memo.get(2, same)
    memo.get(3, same) // 1 and 2 are now the older half
    memo.get(1, same)
    expect(computed).toBe(3)
  })
})

describe('boundedStemmer and perOwner', () => {
  it('GIVEN words THEN the bounded stemmer stems them as stem does, past its bound too', () => {
    const stemmer = boundedStemmer(2)
    for (const word of ['killed', 'fled', 'protesters', 'killed', 'children', 'fled']) expect(stemmer(word)).toBe(stem(word))
  })

  it('GIVEN two owners THEN each gets its own value, made once', () => {
    let made = 0
    const counterOf = perOwner((_owner: object) => ({ made: ++made }))
    const a = {}
    const b = {}
    expect(counterOf(a)).toBe(counterOf(a))
    expect(counterOf(b)).not.toBe(counterOf(a))
    expect(made).toBe(2)
  })
})

describe('answering with remembered words', () => {
  const article = () => readArticle(readFixtureArticle('000_97c02de7d0eb7492.txt'))
  const questions = [
    'How many people were killed?',
    'How many ppl were kiled in the protests?',
    'What did Rajavi say about the regime?',
    'What happend to the protesters?',
    'How many were arrested?',
    'Who is Maryam Rajavi?',
  ]

  it('GIVEN questions asked after many others THEN each answer is the one a fresh index gives', () => {
    const warm = buildIndex([article()])
    for (let pass = 0; pass < 3; pass++) for (const question of questions) answerQuestion(warm, question)
    for (const question of questions) expect(answerQuestion(warm, question)).toEqual(answerQuestion(buildIndex([article()]), question))
  })
})
