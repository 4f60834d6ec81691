import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decodeCacheFile, encodeCacheFile } from '../../src/adapters/cacheFile.js'
import { readAheadCache } from '../../src/adapters/cacheReadAhead.js'
import { cacheKey, cachePath, openCachedLibrary } from '../../src/adapters/indexCache.js'
import { createLibrary, type ArticleInput } from '../../src/core/library.js'
import type { SerializedLibrary } from '../../src/core/librarySnapshot.js'
import { fixtureInputs as inputs, libraryFacts as everything } from '../core/libraryFacts.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-cache-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The bytes with one of them changed. */
function flipped(bytes: Buffer, at: number): Buffer {
  const copy = Buffer.from(bytes)
  copy[at] = copy[at]! ^ 0xff
  return copy
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

  /** The data of a well-formed cache file, changed, in a well-formed file again: only the core's checks can refuse it. */
  const rewritten = (change: (data: SerializedLibrary) => unknown) => (bytes: Buffer) => encodeCacheFile(change(decodeCacheFile(bytes) as SerializedLibrary))
  it.each([
    ['cut in half', (bytes: Buffer) => bytes.subarray(0, bytes.length / 2)],
    ['cut to its header', (bytes: Buffer) => bytes.subarray(0, 32)],
    ['empty', () => Buffer.alloc(0)],
    ['damaged by one byte in its postings', (bytes: Buffer) => flipped(bytes, Math.floor(bytes.length * 0.6))],
    ['damaged by one byte in its header', (bytes: Buffer) => flipped(bytes, 3)],
    ['not a cache file at all', () => Buffer.from('not a cache at all')],
    ['the JSON cache of an older Verbatim', () => Buffer.from(JSON.stringify({ articles: [], index: { format: 5 } }))],
    ['a well-formed file of other data', rewritten(() => ({ articles: [], index: {} }))],
    ['a well-formed file of another library format', rewritten((data) => ({ ...data, format: -1 }))],
    ['a well-formed file of another index format', rewritten((data) => ({ ...data, index: { ...data.index, format: -1 } }))],
    ['a well-formed file of a snapshot of another minisearch', rewritten((data) => ({ ...data, index: { ...data.index, engine: { ...data.index.engine, layout: 'minisearch 8.0.0' } } }))],
  ])('GIVEN a cache file that is %s THEN the library is built again, answers as a fresh one, and the file is replaced', async (_, spoil) => {
    await openCachedLibrary(inputs, { dir })
    const path = cachePath(dir, await cacheKey(inputs))
    await writeFile(path, spoil(readFileSync(path)))
    const reopened = await openCachedLibrary(inputs, { dir })
    expect(reopened.cache).toBe('miss')
    expect(everything(reopened.library)).toEqual(fresh())
    expect((await openCachedLibrary(inputs, { dir })).cache).toBe('hit')
  })

  it('GIVEN the cache file of an older Verbatim (JSON) beside it THEN the new file replaces it', async () => {
    await mkdir(dir, { recursive: true })
    await writeFile(join(dir, `index-${'0'.repeat(64)}.json`), '{}')
    await openCachedLibrary(inputs, { dir })
    expect(await readdir(dir)).toEqual([cachePath('', await cacheKey(inputs))])
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

describe('readAheadCache', () => {
  it('GIVEN a folder with one cache file THEN it is read on another thread, byte for byte, and the restart it serves is a hit answering as a fresh build', async () => {
    await openCachedLibrary(inputs, { dir })
    const readAhead = readAheadCache(dir)
    expect(readAhead?.path).toBe(cachePath(dir, await cacheKey(inputs)))
    expect((await readAhead!.bytes)!.equals(readFileSync(readAhead!.path))).toBe(true)
    const reopened = await openCachedLibrary(inputs, { dir, readAhead: readAheadCache(dir) })
    expect(reopened.cache).toBe('hit')
    expect(everything(reopened.library)).toEqual(fresh())
  })

  it('GIVEN the articles changed since the cache was written THEN the file read ahead is not used: a miss, built from the new text', async () => {
    await openCachedLibrary(inputs, { dir })
    const changed = inputs.map((a, i) => (i === 0 ? { ...a, text: `${a.text}\n\nOne more paragraph, added later.` } : a))
    const readAhead = readAheadCache(dir)
    expect(readAhead).not.toBeNull()
    const reopened = await openCachedLibrary(changed, { dir, readAhead })
    expect(reopened.cache).toBe('miss')
    expect(everything(reopened.library)).toEqual(everything(createLibrary(changed)))
  })

  it('GIVEN no folder, an empty one, or two cache files in it THEN nothing is read ahead', async () => {
    expect(readAheadCache(join(dir, 'missing'))).toBeNull()
    expect(readAheadCache(dir)).toBeNull()
    await writeFile(cachePath(dir, 'a'.repeat(64)), 'x')
    await writeFile(cachePath(dir, 'b'.repeat(64)), 'y')
    await writeFile(join(dir, 'index-c.v8.123.tmp'), 'z')
    expect(readAheadCache(dir)).toBeNull()
  })

  it('GIVEN a cache file that cannot be read THEN its bytes are null, and opening still works', async () => {
    await mkdir(cachePath(dir, 'd'.repeat(64)))
    const readAhead = readAheadCache(dir)
    expect(await readAhead!.bytes).toBeNull()
    const opened = await openCachedLibrary(inputs, { dir, readAhead })
    expect(opened.cache).toBe('miss')
  })
})
