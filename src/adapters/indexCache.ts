import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createLibrary, type ArticleInput, type IndexedLibrary } from '../core/library.js'
import { restoreLibrary, serializeLibrary, type SerializedLibrary } from '../core/librarySnapshot.js'

/**
 * A restart cache for the library: reading and indexing 10,000 articles takes
 * minutes, restoring them from the cache takes seconds. The cache file holds
 * `serializeLibrary` (the core's: the read articles and minisearch's `toJSON`
 * with the lexicon) and is named by a SHA-256 of the articles (ids, texts,
 * metadata) and of the core's own source, so a changed, added or removed
 * article, or new reading code, misses and the library is built again.
 *
 * ```ts
 * const { library, cache } = await openCachedLibrary(articles, { dir: '.cache' })
 * ```
 */

export interface IndexCacheOptions {
  /** Folder of the cache files; created when missing. */
  readonly dir: string
}

/** How the library was obtained: restored from the cache, or built (and the cache written). */
export type CacheOutcome = 'hit' | 'miss'

const PREFIX = 'index-'
const SUFFIX = '.json'

/** The library of `inputs`: from the cache when it holds them, else built and cached (a write failure is not fatal). */
export async function openCachedLibrary(
  inputs: readonly ArticleInput[],
  options: IndexCacheOptions,
): Promise<{ readonly library: IndexedLibrary; readonly cache: CacheOutcome; readonly writeError?: Error }> {
  const key = await cacheKey(inputs)
  const cached = await readCachedLibrary(inputs, options.dir, key)
  if (cached) return { library: cached, cache: 'hit' }
  const library = createLibrary(inputs)
  try {
    await writeCachedLibrary(library, options.dir, key)
    return { library, cache: 'miss' }
  } catch (error) {
    return { library, cache: 'miss', writeError: error instanceof Error ? error : new Error(String(error)) }
  }
}

/** The library of `inputs` from the cache, or null when the cache does not hold them (or cannot be read). */
export async function readCachedLibrary(
  inputs: readonly ArticleInput[],
  dir: string,
  key?: string,
): Promise<IndexedLibrary | null> {
  let text: string
  try {
    text = await readFile(cachePath(dir, key ?? (await cacheKey(inputs))), 'utf8')
  } catch {
    return null
  }
  try {
    return restoreLibrary(inputs, JSON.parse(text) as SerializedLibrary)
  } catch {
    // A truncated or foreign file is a miss, not a crash: the library is built again and the file replaced.
    return null
  }
}

/**
 * Writes the cache of a library built from `inputs` (key: `cacheKey(inputs)`),
 * atomically (a temporary file renamed into place), and removes older cache
 * files in the folder. Returns the file's path.
 */
export async function writeCachedLibrary(library: IndexedLibrary, dir: string, key: string): Promise<string> {
  await mkdir(dir, { recursive: true })
  const path = cachePath(dir, key)
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, JSON.stringify(serializeLibrary(library)))
  await rename(temporary, path)
  for (const name of await readdir(dir)) {
    if (name.startsWith(PREFIX) && name.endsWith(SUFFIX) && join(dir, name) !== path) {
      await rm(join(dir, name), { force: true })
    }
  }
  return path
}

/** The cache file for a key. */
export function cachePath(dir: string, key: string): string {
  return join(dir, `${PREFIX}${key}${SUFFIX}`)
}

/**
 * SHA-256 over the core's source and every article's id, text and metadata,
 * each length-prefixed so that no two different inputs hash alike.
 */
export async function cacheKey(inputs: readonly ArticleInput[]): Promise<string> {
  const hash = createHash('sha256')
  hash.update(await coreVersion)
  for (const input of inputs) {
    for (const part of [input.id, input.text, JSON.stringify(input.meta ?? {})]) {
      hash.update(`${part.length}:`)
      hash.update(part)
    }
  }
  return hash.digest('hex')
}

/**
 * A hash of the core's source files: reading or indexing code that changed
 * makes every older cache stale. Taken when this module is loaded, beside
 * the core it was loaded with, so that a long-running process that writes a
 * cache does not stamp it with source edited since it started.
 */
const coreVersion: Promise<string> = (async () => {
  const dir = new URL('../core/', import.meta.url)
  const hash = createHash('sha256')
  const names = (await readdir(dir)).filter((name) => /\.[cm]?[jt]s$/.test(name)).sort()
  for (const name of names) {
    hash.update(`${name}\0`)
    hash.update(await readFile(new URL(name, dir)))
  }
  return hash.digest('hex')
})().catch(() => 'core source not readable: the index format alone guards the cache')
