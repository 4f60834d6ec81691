/**
 * One restart, as a fresh process: read the article folder, hash it, restore
 * the library from the index cache, answer one question. Prints one JSON
 * line of timings in ms; `sinceStartMs` counts from the process's start
 * (node and tsx start-up included).
 *
 *   node --import tsx scripts/bench/restart.ts ARTICLES_DIR CACHE_DIR "question"
 */
import { loadArticles } from '../../src/adapters/files.js'
import { cacheKey, readCachedLibrary } from '../../src/adapters/indexCache.js'

const [dir, cacheDir, question] = process.argv.slice(2)
if (!dir || !cacheDir || !question) {
  console.error('usage: restart.ts ARTICLES_DIR CACHE_DIR QUESTION')
  process.exit(2)
}
const started = performance.now()
const { articles, problems } = await loadArticles(dir)
const loaded = performance.now()
const key = await cacheKey(articles)
const hashed = performance.now()
const library = await readCachedLibrary(articles, cacheDir, key)
const restored = performance.now()
const answer = library?.ask(question)
const answered = performance.now()
console.log(
  JSON.stringify({
    hit: library !== null,
    articles: articles.length,
    problems: problems.length,
    startupMs: started,
    readFilesMs: loaded - started,
    hashMs: hashed - loaded,
    restoreMs: restored - hashed,
    answerMs: answered - restored,
    afterStartupMs: answered - started,
    sinceStartMs: answered,
    answered: answer?.answered ?? null,
  }),
)
