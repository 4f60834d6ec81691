import { createHash } from 'node:crypto'
import { constants, readFileSync } from 'node:fs'
import { access, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { ArticleInput, IndexedLibrary } from '../core/library.js'
import { restoreLibrary, serializeLibrary, type SerializedLibrary } from '../core/librarySnapshot.js'
import { buildLibrary } from './buildLibrary.js'
import { decodeCacheFile, encodeCacheFile } from './cacheFile.js'
import type { CacheReadAhead } from './cacheReadAhead.js'

/**
 * A restart cache for the library: reading and indexing 10,000 articles takes
 * a minute, restoring them from the cache a second or two. The cache file
 * holds `serializeLibrary` (the core's: the read articles, their statements
 * in typed columns, the index with the engine's postings, the lexicon and the
 * speaker directory) in V8's structured serialisation with its typed arrays
 * read in place (cacheFile.ts): nothing is parsed number by number as JSON
 * would, and a file whose CRC-32 differs is a miss, not a library that
 * answers from damaged postings. It is named by a SHA-256 of the articles (ids, texts,
 * metadata), of the core's own source and of minisearch's installed version
 * (the snapshot holds minisearch's internals), so a changed, added or
 * removed article, new reading code or another minisearch misses and the
 * library is built again.
 *
 * ```ts
 * const { library, cache } = await openCachedLibrary(articles, { dir: '.cache' })
 * ```
 */

export interface IndexCacheOptions {
  /** Folder of the cache files; created when missing. */
  readonly dir: string
  /** The folder's cache file, read on another thread while the articles were read (cacheReadAhead.ts). */
  readonly readAhead?: CacheReadAhead | null
}

/** How the library was obtained: restored from the cache, or built (and the cache written). */
export type CacheOutcome = 'hit' | 'miss'

const PREFIX = 'index-'
const SUFFIX = '.v8'

/** The library of `inputs`: from the cache when it holds them, else built and cached (a write failure is not fatal). */
export async function openCachedLibrary(
  inputs: readonly ArticleInput[],
  options: IndexCacheOptions,
): Promise<{ readonly library: IndexedLibrary; readonly cache: CacheOutcome; readonly writeError?: Error }> {
  const key = await cacheKey(inputs)
  const { readAhead } = options
  const ahead = readAhead?.path === cachePath(options.dir, key) ? await readAhead.bytes : null
  if (!ahead) readAhead?.cancel()
  const cached = await readCachedLibrary(inputs, options.dir, key, ahead ?? undefined)
  if (cached) return { library: cached, cache: 'hit' }
  const library = await buildLibrary(inputs)
  try {
    await writeCachedLibrary(library, options.dir, key)
    return { library, cache: 'miss' }
  } catch (error) {
    return { library, cache: 'miss', writeError: error instanceof Error ? error : new Error(String(error)) }
  }
}

/**
 * Makes sure the cache holds the index of `inputs`, building and writing it
 * only when missing, and never restoring it: a process that answers nothing
 * itself (a shard manager) prepares the cache its shard processes restore.
 */
export async function ensureCachedLibrary(inputs: readonly ArticleInput[], dir: string): Promise<CacheOutcome> {
  const key = await cacheKey(inputs)
  try {
    await access(cachePath(dir, key), constants.R_OK)
    return 'hit'
  } catch {
    await writeCachedLibrary(await buildLibrary(inputs), dir, key)
    return 'miss'
  }
}

/**
 * The library of `inputs` from the cache, or null when the cache does not
 * hold them (or cannot be read). `readBytes`: the file's bytes, already read.
 */
export async function readCachedLibrary(
  inputs: readonly ArticleInput[],
  dir: string,
  key?: string,
  readBytes?: Buffer,
): Promise<IndexedLibrary | null> {
  let bytes: Buffer
  try {
    bytes = readBytes ?? (await readFile(cachePath(dir, key ?? (await cacheKey(inputs)))))
  } catch {
    return null
  }
  try {
    const data = decodeCacheFile(bytes) as SerializedLibrary | null
    return data ? restoreLibrary(inputs, data) : null
  } catch {
    // A truncated, damaged or foreign file is a miss, not a crash: the library is built again and the file replaced.
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
  await writeFile(temporary, encodeCacheFile(serializeLibrary(library)))
  await rename(temporary, path)
  for (const name of await readdir(dir)) {
    // Older files (`.json` ones from before this format too), not another process's file being written.
    if (name.startsWith(PREFIX) && !name.endsWith('.tmp') && join(dir, name) !== path) {
      await rm(join(dir, name), { force: true })
    }
  }
  return path
}

/** The cache file for a key. */
export function cachePath(dir: string, key: string): string {
  return join(dir, `${PREFIX}${key}${SUFFIX}`)
}

/** Is this the name of a finished cache file (not one being written, nor an older format's)? */
export function isCacheFileName(name: string): boolean {
  return name.startsWith(PREFIX) && name.endsWith(SUFFIX)
}

/**
 * SHA-256 over the core's source, minisearch's version and every article's
 * id, text and metadata, each length-prefixed so that no two different
 * inputs hash alike.
 */
export async function cacheKey(inputs: readonly ArticleInput[]): Promise<string> {
  const hash = createHash('sha256')
  hash.update(await coreVersion)
  hash.update(`\0${engineVersion}\0`)
  for (const input of inputs) {
    for (const part of [input.id, input.text, JSON.stringify(input.meta ?? {})]) {
      hash.update(`${part.length}:`)
      hash.update(part)
    }
  }
  return hash.digest('hex')
}

/**
 * minisearch's installed version: the cache holds its internals
 * (src/core/engineSnapshot.ts), which another version may lay out otherwise.
 * Read from its package.json, found beside its entry point (the package does
 * not export the file itself).
 */
const engineVersion: string = (() => {
  let dir: string
  try {
    dir = dirname(createRequire(import.meta.url).resolve('minisearch'))
  } catch {
    return 'unknown'
  }
  for (let up = 0; up < 4; up++, dir = dirname(dir)) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string } | null
      if (manifest?.name === 'minisearch' && manifest.version) return manifest.version
    } catch {
      // No manifest here: one folder up.
    }
  }
  // Not found: the version stays unknown, and the core checks the engine's fields when it restores.
  return 'unknown'
})()

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
