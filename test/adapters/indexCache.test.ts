import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cacheKey, cachePath, openCachedLibrary } from '../../src/adapters/indexCache.js'
import { createLibrary, type ArticleInput, type Library } from '../../src/core/library.js'

const ARTICLES = new URL('../fixtures/articles/', import.meta.url).pathname
const GOLDEN = new URL('../fixtures/golden.json', import.meta.url).pathname

const inputs: ArticleInput[] = readdirSync(ARTICLES)
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .map((name) => ({ id: name, text: readFileSync(join(ARTICLES, name), 'utf8') }))
const golden = (JSON.parse(readFileSync(GOLDEN, 'utf8')) as { question: string }[]).map((g) => g.question)
/** The golden questions, plus some that the articles cannot answer and some that name speakers. */
const questions = [...golden, 'What is the capital of France?', '   ', 'According to Amnesty, how many were killed?', 'kiled protestors']

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-cache-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** Everything a library tells its users, for comparing two libraries. */
function everything(library: Library) {
  return {
    answers: questions.map((q) => library.ask(q)),
    fewer: questions.slice(0, 20).map((q) => library.ask(q, { maxQuotes: 1 })),
    sources: library.sources(),
    list: library.list(),
    quotesBy: ['Amnesty', 'Rajavi', 'Nobody Here'].map((name) => library.quotesBy(name)),
    articles: library.articles,
  }
}

let freshOnce: ReturnType<typeof everything> | undefined
/** What a library built afresh from the fixture articles tells: built once, compared many times. */
const fresh = () => (freshOnce ??= everything(createLibrary(inputs)))

describe('openCachedLibrary', () => {
  it('GIVEN an empty cache folder WHEN the library is opened twice THEN the first is built, the second restored, and both answer every question exactly as a fresh build does', async () => {
    const first = await openCachedLibrary(inputs, { dir })
    expect(first.cache).toBe('miss')
    expect(first.writeError).toBeUndefined()
    const second = await openCachedLibrary(inputs, { dir })
    expect(second.cache).toBe('hit')
    expect(everything(first.library)).toEqual(fresh())
    expect(everything(second.library)).toEqual(fresh())
    expect(second.library.articles.flatMap((a) => a.statements).length).toBeGreaterThan(100)
  })

  it('GIVEN a cached library WHEN one character of one article changes THEN the cache misses and the answers come from the new text', async () => {
    await openCachedLibrary(inputs, { dir })
    const target = inputs.findIndex((a) => a.text.includes('1,500'))
    expect(target).toBeGreaterThanOrEqual(0)
    const changed = inputs.map((a, i) => (i === target ? { ...a, text: a.text.replaceAll('1,500', '1,600') } : a))
    const reopened = await openCachedLibrary(changed, { dir })
    expect(reopened.cache).toBe('miss')
    expect(everything(reopened.library)).toEqual(everything(createLibrary(changed)))
    expect(reopened.library.articles[target]!.statements.some((s) => s.text.includes('1,600'))).toBe(true)
  })

  it('GIVEN a cached library WHEN an article is added, removed, renamed or given other metadata THEN each is a miss', async () => {
    await openCachedLibrary(inputs, { dir })
    const variants: ArticleInput[][] = [
      [...inputs, { id: 'extra.txt', text: 'Extra\n\nOfficials said the bridge reopened on Monday.\n' }],
      inputs.slice(1),
      inputs.map((a, i) => (i === 0 ? { ...a, id: `renamed-${a.id}` } : a)),
      inputs.map((a, i) => (i === 0 ? { ...a, meta: { title: 'Another title' } } : a)),
    ]
    for (const variant of variants) {
      expect(await cacheKey(variant)).not.toBe(await cacheKey(inputs))
      expect((await openCachedLibrary(variant, { dir })).cache).toBe('miss')
    }
  })

  it('GIVEN a new cache written THEN the older cache files in the folder are removed', async () => {
    await openCachedLibrary(inputs, { dir })
    await openCachedLibrary(inputs.slice(1), { dir })
    const files = (await readdir(dir)).filter((name) => name.startsWith('index-'))
    expect(files).toEqual([cachePath('', await cacheKey(inputs.slice(1)))])
  })

  it.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => 'not json at all'],
    ['JSON of another shape', () => JSON.stringify({ articles: [], index: {} })],
    ['another index format', (text: string) => text.replace(/"format":\d+/, '"format":-1')],
  ])('GIVEN a cache file that is %s THEN the library is built again, answers as a fresh one, and the file is replaced', async (_, spoil) => {
    await openCachedLibrary(inputs, { dir })
    const path = cachePath(dir, await cacheKey(inputs))
    await writeFile(path, spoil(readFileSync(path, 'utf8')))
    const reopened = await openCachedLibrary(inputs, { dir })
    expect(reopened.cache).toBe('miss')
    expect(everything(reopened.library)).toEqual(fresh())
    expect((await openCachedLibrary(inputs, { dir })).cache).toBe('hit')
  })

  it('GIVEN a cache folder that cannot be created THEN the library is still built and the write error is returned, not thrown', async () => {
    const blocker = join(dir, 'a-file')
    await writeFile(blocker, 'in the way')
    const result = await openCachedLibrary(inputs, { dir: join(blocker, 'cache') })
    expect(result.cache).toBe('miss')
    expect(result.writeError).toBeInstanceOf(Error)
    expect(everything(result.library)).toEqual(fresh())
  })
})
