import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readArticle } from '../../src/core/article.js'
import { FIXTURES } from './labels.js'

const seedText = readFileSync(join(FIXTURES, 'articles', '000_97c02de7d0eb7492.txt'), 'utf8')
const textArticles = readdirSync(join(FIXTURES, 'articles')).filter((f) => f.endsWith('.txt'))

describe('readArticle', () => {
  it('GIVEN the seed THEN its page furniture becomes metadata and never a statement', () => {
    const article = readArticle({ id: 'seed', text: seedText })
    expect(article.meta.title).toBe('Iran Protests Update: Over 1,500 killed by regime forces in November uprising')
    expect(article.meta.byline).toBe('PMOI/MEK')
    expect(article.meta.date).toBe('December 16, 2019')
    expect(article.meta.headings).toEqual(['“Brutal campaign of repression”'])
    const texts = article.statements.map((s) => s.text)
    expect(texts.some((t) => t.includes('728 x 90'))).toBe(false)
    expect(texts.some((t) => t.startsWith('Reporting by'))).toBe(false)
    expect(texts.some((t) => t.includes('Brutal campaign of repression”') && t.length < 40)).toBe(false)
    // The standfirst is printed twice in the file and quoted once.
    expect(texts.filter((t) => t.startsWith('The Iranian opposition PMOI/MEK is reporting'))).toHaveLength(1)
    // The dateline is cut from the first sentence, which still slices back to the original.
    expect(texts[1]).toMatch(/^In its latest update/)
  })

  for (const file of textArticles) {
    it(`GIVEN ${file} THEN every statement's offsets slice back to its text, in order, without overlap`, () => {
      const text = readFileSync(join(FIXTURES, 'articles', file), 'utf8')
      const article = readArticle({ id: file, text })
      // A sanity check that the article was cut into sentences at all, not a size rule: a short article is fine.
      expect(article.statements.length).toBeGreaterThan(5)
      let previousEnd = 0
      for (const s of article.statements) {
        expect(text.slice(s.start, s.end)).toBe(s.text)
        expect(s.start).toBeGreaterThanOrEqual(previousEnd)
        expect(s.text.trim()).toBe(s.text)
        expect(s.speaker.length).toBeGreaterThan(0)
        previousEnd = s.end
      }
    })
  }

  it('GIVEN datelines in several styles THEN the place and dash are cut and the date is kept', () => {
    const cases: [string, string, string | undefined][] = [
      ['LONDON — After nearly 20 years, officials said.', 'After nearly 20 years, officials said.', undefined],
      ['SEOUL, South Korea — A plan failed.', 'A plan failed.', undefined],
      ['Iran, December 16, 2019—In its latest update, it spoke.', 'In its latest update, it spoke.', 'December 16, 2019'],
      ['WASHINGTON, Jan. 5 - The vote passed.', 'The vote passed.', 'Jan. 5'],
      ['Nobody — not even the mayor — knew.', 'Nobody — not even the mayor — knew.', undefined],
    ]
    for (const [paragraph, first, date] of cases) {
      const article = readArticle({ id: 'd', text: `A title\n\n${paragraph}\n` })
      expect(article.statements[0]!.text).toBe(first)
      expect(article.meta.date).toBe(date)
    }
  })

  it('GIVEN a byline, credits and headings THEN they are metadata, and the byline speaks the narration', () => {
    const text = 'A title\n\nBy Jane Doe\n\nThe river rose overnight.\n\nWhat comes next\n\nThe town was evacuated.\n\nJohn Roe contributed to this report.\n'
    const article = readArticle({ id: 'b', text })
    expect(article.meta.byline).toBe('Jane Doe')
    expect(article.meta.headings).toEqual(['What comes next'])
    expect(article.statements.map((s) => [s.text, s.speaker, s.paragraph])).toEqual([
      ['The river rose overnight.', 'Jane Doe', 1],
      ['The town was evacuated.', 'Jane Doe', 2],
    ])
  })

  it('GIVEN metadata from elsewhere THEN it wins over what the text suggests', () => {
    const article = readArticle({ id: 'm', text: 'Text title\n\nA sentence here.\n', meta: { title: 'Page title', url: 'https://example.org/a', publisher: 'Example News' } })
    expect(article.meta).toMatchObject({ title: 'Page title', url: 'https://example.org/a' })
    expect(article.statements[0]!.speaker).toBe('Example News')
  })

  it('GIVEN an empty or blank text THEN the article has no statements and does not throw', () => {
    expect(readArticle({ id: 'e', text: '' }).statements).toEqual([])
    expect(readArticle({ id: 'e', text: '\n\n  \n' }).statements).toEqual([])
    expect(readArticle({ id: 'e', text: 'Only a title' }).statements).toEqual([])
  })
})
