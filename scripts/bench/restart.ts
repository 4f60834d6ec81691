/**
 * One start of Verbatim's library as a fresh process: read the article
 * folder, open the library through the index cache (restored on a hit; built
 * and written on a miss), answer one question. Prints one JSON line of
 * timings in ms; `sinceStartMs` counts from the process's start (node and
 * tsx start-up included), `cpuMs` is the CPU the process used in all;
 * `openMs` is `hashMs` (the cache key) plus `restoreMs` (the rest of reading
 * the cache file, which a worker thread began while the articles were read,
 * and restoring; on a miss, also building and writing the cache).
 *
 *   node --import tsx scripts/bench/restart.ts ARTICLES_DIR CACHE_DIR "question"
 */
import { loadArticles } from '../../src/adapters/files.js'
import { readAheadCache } from '../../src/adapters/cacheReadAhead.js'
import { cacheKey, cachePath, openCachedLibrary, readCachedLibrary } from '../../src/adapters/indexCache.js'

const [dir, cacheDir, question] = process.argv.slice(2)
if (!dir || !cacheDir || !question) {
  console.error('usage: restart.ts ARTICLES_DIR CACHE_DIR QUESTION')
  process.exit(2)
}
const started = performance.now()
// As src/main.ts does: the cache file is read on another thread while this one reads the articles.
const readAhead = readAheadCache(cacheDir)
const { articles, problems } = await loadArticles(dir)
const loaded = performance.now()
// openCachedLibrary's steps, timed apart: the key (SHA-256 of the articles), then the restore; a miss builds as it does.
const key = await cacheKey(articles)
const hashed = performance.now()
const ahead = readAhead?.path === cachePath(cacheDir, key) ? await readAhead.bytes : null
if (!ahead) readAhead?.cancel()
const cached = await readCachedLibrary(articles, cacheDir, key, ahead ?? undefined)
const restored = performance.now()
const { library, cache } = cached ? { library: cached, cache: 'hit' as const } : await openCachedLibrary(articles, { dir: cacheDir })
const opened = performance.now()
const answer = library.ask(question)
const answered = performance.now()
const cpu = process.cpuUsage()
console.log(
  JSON.stringify({
    hit: cache === 'hit',
    articles: articles.length,
    problems: problems.length,
    startupMs: started,
    readFilesMs: loaded - started,
    openMs: opened - loaded,
    hashMs: hashed - loaded,
    restoreMs: restored - hashed,
    answerMs: answered - opened,
    afterStartupMs: answered - started,
    sinceStartMs: answered,
    cpuMs: (cpu.user + cpu.system) / 1000,
    answered: answer.answered,
  }),
)
