/**
 * How Verbatim's cost grows with its corpus, against the floor set by its own
 * search engine. For each corpus size: ingest + index time, heap after
 * indexing, answer latency p50/p99 over varied questions (answerable and
 * not), raw minisearch latency for the same questions on the same index, and
 * their ratio; for the largest size (10,000 by default), a restart from the
 * index cache in a fresh process.
 *
 *   npm run bench                                  all sizes, a table
 *   npm run bench -- --sizes 1,1000 --json         one JSON object a size a line
 *   npm run bench -- --sizes 100 --questions 2000 --seed 7 --restart
 *   npm run bench -- --sizes 10000 --profile .cache/profiles   CPU profiles of indexing and of answering
 *   npm run bench -- --sizes 10000 --restart-dir .cache/bench  keep the article files and cache of the restart
 *
 * Run through `npm run bench` (node --expose-gc), so that heap figures are
 * taken after a full collection. Figures are wall-clock: on a shared machine,
 * look at the load average printed beside them.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { cpus, loadavg, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { cacheKey, writeCachedLibrary } from '../src/adapters/indexCache.js'
import { buildLibrary, defaultWorkers, PARALLEL_FROM } from '../src/adapters/buildLibrary.js'
import { createLibrary, type ArticleInput, type IndexedLibrary } from '../src/core/library.js'
import { createCorpusGenerator } from './bench/corpus.js'
import { corpusStats, type CorpusStats } from './bench/corpusStats.js'
import { collectGarbage, collectYoungGarbage, heapUsedMB, quantile, round, timed, timedAsync } from './bench/measure.js'
import { formatSummary, profiled, summarise } from './bench/profile.js'
import { benchQuestions, type BenchQuestion } from './bench/questions.js'

/** One size's figures: the `--json` contract (other tools read these keys). */
interface SizeFigures {
  readonly articles: number
  readonly statements: number
  readonly indexMs: number
  readonly heapMB: number
  readonly answerP50Ms: number
  readonly answerP99Ms: number
  readonly rawP50Ms: number
  readonly rawP99Ms: number
  readonly ratioP50: number
}

/** What the table shows beside the contract's figures. */
interface SizeDetails {
  /** CPU time of the process while reading and indexing (all threads: the garbage collector's too). */
  readonly indexCpuMs?: number
  readonly questions: number
  /** Answer p50 of the questions made from statements, and of the off-topic ones. */
  readonly answerP50FromStatementsMs: number
  readonly answerP50OffTopicMs: number
  readonly answeredFromStatements: number
  readonly answeredOffTopic: number
  readonly errors: number
  /** The first error a question threw, and the question: a bug in the core. */
  readonly firstError: string
  readonly answerMaxMs: number
  readonly slowest: string
}

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1,100,1000,10000' },
    json: { type: 'boolean', default: false },
    questions: { type: 'string', default: '1000' },
    warmup: { type: 'string', default: '5000' },
    'jit-warmup': { type: 'string', default: '10000' },
    seed: { type: 'string', default: '20191116' },
    restart: { type: 'boolean' },
    'no-restart': { type: 'boolean', default: false },
    profile: { type: 'string' },
    'restart-dir': { type: 'string' },
  },
  allowPositionals: false,
})

const sizes = values.sizes.split(',').map((s) => Number(s.trim().replace(/_/g, '')))
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) fail(`--sizes takes whole numbers from 1 up, e.g. 1,1000 (got ${values.sizes})`)
const questionCount = wholeNumber('questions', values.questions)
const warmupCount = wholeNumber('warmup', values.warmup)
const jitWarmupCount = wholeNumber('jit-warmup', values['jit-warmup'])
const seed = wholeNumber('seed', values.seed)
const largest = Math.max(...sizes)
/** Questions timed at a stretch before the other side's turn (see `latencies`). */
const BATCH = 25
/** The restart is measured on the largest size when it is 10,000 or more, or when asked for. */
const measureRestart = !values['no-restart'] && (values.restart ?? largest >= 10_000)

const log = (line: string): void => void process.stderr.write(`${line}\n`)
const generator = createCorpusGenerator(seed)
const startLoad = loadavg()[0]!
const rows: { figures: SizeFigures; details: SizeDetails; corpus: CorpusStats }[] = []
let restart: RestartFigures | null = null

if (jitWarmupCount > 0) warmUpCompiler()

for (const size of sizes) {
  log(`bench: ${size} articles: generating…`)
  const inputs = generator.corpus(size)
  collectGarbage()
  // The production path: buildLibrary, which adapters call (worker threads read, the main thread indexes).
  log(`bench: ${size} articles: reading and indexing (buildLibrary, ${size >= PARALLEL_FROM ? `the main thread and ${defaultWorkers()} worker thread(s)` : 'one thread'})…`)
  const cpuBefore = process.cpuUsage()
  const built = await maybeProfiled(`${size}-index`, () => timedAsync(() => buildLibrary(inputs)))
  const cpu = process.cpuUsage(cpuBefore)
  const indexCpuMs = (cpu.user + cpu.system) / 1000
  const library = built.value
  const heapMB = heapUsedMB()
  const statements = library.index.statements.length
  log(`bench: ${size} articles: ${statements} statements in ${(built.ms / 1000).toFixed(1)} s, heap ${heapMB.toFixed(0)} MB; asking…`)

  const known = generator.vocabulary.known
  latencies(library, benchQuestions(library.articles, known, warmupCount, seed + 1))
  const questions = benchQuestions(library.articles, known, questionCount, seed)
  const measured = latencies(library, questions)
  const answerP50 = quantile(measured.answer, 0.5)
  const rawP50 = quantile(measured.raw, 0.5)
  const figures: SizeFigures = {
    articles: library.articles.length,
    statements,
    indexMs: round(built.ms),
    heapMB: round(heapMB),
    answerP50Ms: round(answerP50),
    answerP99Ms: round(quantile(measured.answer, 0.99)),
    rawP50Ms: round(rawP50),
    rawP99Ms: round(quantile(measured.raw, 0.99)),
    ratioP50: round(answerP50 / rawP50),
  }
  rows.push({ figures, details: { ...measured.details, indexCpuMs }, corpus: corpusStats(library.index, 6) })
  if (values.profile) {
    // A pass of its own, after the measured one: the profiler's sampling does not touch the figures.
    await maybeProfiled(`${size}-answer`, () => questions.forEach((q) => library.ask(q.text)))
    await maybeProfiled(`${size}-raw`, () => questions.forEach((q) => library.index.engine.search(q.text)))
  }
  if (values.json) console.log(JSON.stringify(figures))
  else log(`bench: ${size} articles: answer p50 ${figures.answerP50Ms} ms, p99 ${figures.answerP99Ms} ms; raw p50 ${figures.rawP50Ms} ms`)

  if (measureRestart && size === largest) restart = await measureRestartOf(inputs, library, questions[0]!.text)
}

const endLoad = loadavg()[0]!
if (!values.json) printTable()
else if (restart) log(`bench: restart ${JSON.stringify(restart)}`)

/** Runs a phase under the CPU profiler when `--profile DIR` is given: writes DIR/NAME.cpuprofile and a summary beside it. */
async function maybeProfiled<T>(name: string, phase: () => T | Promise<T>): Promise<T> {
  const dir = values.profile
  if (!dir) return phase()
  await mkdir(dir, { recursive: true })
  const { value, profile } = await profiled(dir, name, phase)
  const summary = formatSummary(name, summarise(profile, 30))
  await writeFile(join(dir, `${name}.txt`), `${summary}\n`)
  log(`bench: profile ${join(dir, `${name}.cpuprofile`)} (summary in ${name}.txt)`)
  return value
}

/**
 * Brings the process to the state of a bot that has been answering for a
 * while: `--jit-warmup` questions (10,000 by default), answered and searched
 * raw, on the seed article alone (about 2 s). V8 compiles a
 * function with its optimising compiler only once it has run often enough,
 * and answering runs far more code than a raw search: after 1,000 questions
 * it still runs partly unoptimised (its ratio falls from about 3 to about
 * 1.6 over the first 6,000 questions on the seed, while the raw search
 * settles within a few hundred). Compiled code serves every library in the
 * process, so one warm-up on the smallest corpus does for every size; each
 * size still gets its own `--warmup` questions for what its index remembers.
 */
function warmUpCompiler(): void {
  log(`bench: warming up the compiler: ${jitWarmupCount} questions on the seed article…`)
  const { ms } = timed(() => {
    const library = createLibrary(generator.corpus(1))
    for (const question of benchQuestions(library.articles, generator.vocabulary.known, jitWarmupCount, seed + 2)) {
      // A question that throws is a bug the measured pass counts and reports; here it only must not stop the bench.
      try {
        library.ask(question.text)
      } catch {}
      library.index.engine.search(question.text)
    }
  })
  log(`bench: compiler warm-up took ${(ms / 1000).toFixed(1)} s`)
}

/**
 * Answer and raw latencies for each question, in alternating batches of
 * BATCH questions: the answers of a batch, then the raw searches of the same
 * questions. Alternating, both sides see the machine in the same state (a
 * neighbour's load, the CPU's clock, the compiler's progress), so their ratio
 * holds steady where two long passes drift apart. The young generation is
 * collected (off the clock) before each batch: a raw search over common terms
 * leaves tens of thousands of result objects behind, whose collection would
 * otherwise land on the answers' clock.
 */
function latencies(library: IndexedLibrary, questions: readonly BenchQuestion[]) {
  const answer: number[] = []
  const raw: number[] = []
  const byKind = { fromStatement: [] as number[], offTopic: [] as number[] }
  let answeredFromStatements = 0
  let answeredOffTopic = 0
  let errors = 0
  let firstError = ''
  let slowest = { ms: -1, question: '' }
  const engine = library.index.engine
  const ask = (q: string): number => {
    const { ms, value } = timed(() => {
      try {
        return library.ask(q).answered
      } catch (error) {
        if (errors++ === 0) firstError = `${JSON.stringify(q)}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
        return false
      }
    })
    if (ms > slowest.ms) slowest = { ms, question: q }
    answer.push(ms)
    return value ? 1 : 0
  }
  // The engine's own search options: the question analysed as the index is (stems, synonym concepts, no stop words), OR.
  const search = (q: string): void => void raw.push(timed(() => engine.search(q).length).ms)
  collectGarbage()
  for (let from = 0; from < questions.length; from += BATCH) {
    const batch = questions.slice(from, from + BATCH)
    collectYoungGarbage()
    for (const question of batch) {
      const answered = ask(question.text)
      byKind[question.fromStatement ? 'fromStatement' : 'offTopic'].push(answer[answer.length - 1]!)
      if (question.fromStatement) answeredFromStatements += answered
      else answeredOffTopic += answered
    }
    collectYoungGarbage()
    for (const question of batch) search(question.text)
  }
  answer.sort((a, b) => a - b)
  raw.sort((a, b) => a - b)
  const fromStatements = questions.filter((q) => q.fromStatement).length
  const details: SizeDetails = {
    questions: questions.length,
    answerP50FromStatementsMs: quantile(byKind.fromStatement.sort((a, b) => a - b), 0.5),
    answerP50OffTopicMs: quantile(byKind.offTopic.sort((a, b) => a - b), 0.5),
    answeredFromStatements: fromStatements === 0 ? 0 : answeredFromStatements / fromStatements,
    answeredOffTopic: questions.length === fromStatements ? 0 : answeredOffTopic / (questions.length - fromStatements),
    errors,
    firstError,
    answerMaxMs: answer[answer.length - 1] ?? NaN,
    slowest: slowest.question,
  }
  return { answer, raw, details }
}

/** One start in a fresh process (scripts/bench/restart.ts). */
interface StartFigures {
  readonly hit: boolean
  readonly articles: number
  readonly startupMs: number
  readonly readFilesMs: number
  /** Hashing the articles and restoring the library from the cache (or, on a miss, building and writing it). */
  readonly openMs: number
  /** Of `openMs`: the cache key (SHA-256 of the articles), and reading the cache file and restoring from it. */
  readonly hashMs: number
  readonly restoreMs: number
  readonly answerMs: number
  readonly afterStartupMs: number
  readonly sinceStartMs: number
  readonly cpuMs: number
}

interface RestartFigures extends StartFigures {
  readonly cacheMB: number
  /** The start that built the cache in a process of its own, when the cache written by the bench missed. */
  readonly cold: StartFigures | null
}

/**
 * Writes the corpus as article files and the cache of the library built from
 * it, then restarts: a fresh process reads the folder, restores the library
 * from the cache and answers one question. The cache is keyed by the core's
 * source too, so if the core changed while the bench ran, the restart misses:
 * then a first fresh process builds the cache and a second one restarts.
 */
async function measureRestartOf(inputs: readonly ArticleInput[], library: IndexedLibrary, question: string): Promise<RestartFigures> {
  const keep = values['restart-dir']
  const dir = keep ?? (await mkdtemp(join(tmpdir(), 'verbatim-bench-')))
  try {
    const articlesDir = join(dir, 'articles')
    const cacheDir = join(dir, 'cache')
    await rm(articlesDir, { recursive: true, force: true })
    await mkdir(articlesDir, { recursive: true })
    log(`bench: restart: writing ${inputs.length} article files and the index cache…`)
    for (const input of inputs) await writeFile(join(articlesDir, input.id), input.text)
    const path = await writeCachedLibrary(library, cacheDir, await cacheKey(inputs))
    log(`bench: restart: cache ${(statSync(path).size / 2 ** 20).toFixed(0)} MB written; restarting…`)
    const start = (): StartFigures => {
      const script = new URL('./bench/restart.ts', import.meta.url).pathname
      const child = spawnSync(process.execPath, ['--import', 'tsx', script, articlesDir, cacheDir, question], { encoding: 'utf8' })
      if (child.status !== 0) throw new Error(`restart failed (${child.status}): ${child.stderr}`)
      return JSON.parse(child.stdout.trim().split('\n').pop()!) as StartFigures
    }
    let cold: StartFigures | null = null
    let restarted = start()
    if (!restarted.hit) {
      log('bench: restart: the cache missed (the core changed since the bench started?); it was built again in the fresh process, restarting once more…')
      cold = restarted
      restarted = start()
    }
    const cacheMB = readdirSync(cacheDir).reduce((sum, name) => sum + statSync(join(cacheDir, name)).size, 0) / 2 ** 20
    return { ...restarted, cacheMB: round(cacheMB), cold }
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true })
  }
}

function printTable(): void {
  const out: string[] = []
  const cpu = cpus()[0]?.model ?? 'unknown CPU'
  out.push(`Verbatim bench · seed ${seed} · ${questionCount} questions a size (${warmupCount} warm-up; ${jitWarmupCount} for the compiler first) · node ${process.version} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(0)} GB`)
  out.push(`load average (1 min) at start ${startLoad.toFixed(2)}, at end ${endLoad.toFixed(2)}`)
  out.push('')
  out.push('| articles | statements | index s | heap MB | answer p50 ms | answer p99 ms | raw p50 ms | raw p99 ms | ratio p50 | answered: asked from statements / off-topic |')
  out.push('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const { figures: f, details: d } of rows) {
    out.push(
      `| ${f.articles.toLocaleString('en-US')} | ${f.statements.toLocaleString('en-US')} | ${(f.indexMs / 1000).toFixed(2)} | ${f.heapMB.toFixed(0)} | ${f.answerP50Ms} | ${f.answerP99Ms} | ${f.rawP50Ms} | ${f.rawP99Ms} | ${f.ratioP50} | ${percent(d.answeredFromStatements)} / ${percent(d.answeredOffTopic)} |`,
    )
  }
  out.push('')
  for (const { figures: f, corpus: c } of rows) {
    const commonest = c.commonest.map((t) => `${t.term} ${(t.share * 100).toFixed(1)}%`).join(', ')
    out.push(`${f.articles} articles: ${c.terms.toLocaleString('en-US')} terms, ${percent(c.under1Percent)} in under 1% of statements, ${percent(c.under01Percent)} in under 0.1%; commonest: ${commonest}`)
  }
  for (const { figures: f, details: d } of rows) {
    const cpu = d.indexCpuMs === undefined ? '' : `indexing (buildLibrary, the path adapters take) took ${(d.indexCpuMs / 1000).toFixed(1)} s of CPU, all threads; `
    out.push(`${f.articles} articles: ${cpu}answer p50 ${round(d.answerP50FromStatementsMs)} ms for questions made from statements, ${round(d.answerP50OffTopicMs)} ms off-topic`)
  }
  for (const { figures: f, details: d } of rows) {
    out.push(`${f.articles} articles: slowest answer ${round(d.answerMaxMs)} ms for ${JSON.stringify(d.slowest)}${d.errors ? `; ${d.errors} questions THREW, the first: ${d.firstError}` : ''}`)
  }
  if (restart) {
    const r = restart
    const describe = (f: StartFigures): string =>
      `${(f.sinceStartMs / 1000).toFixed(2)} s after the process started (node + tsx start-up ${round(f.startupMs)} ms, read files ${round(f.readFilesMs)} ms, ` +
      (f.hit ? `hash ${round(f.hashMs)} ms, read the cache and restore ${round(f.restoreMs)} ms` : `hash + build + write ${round(f.openMs)} ms`) + `, first answer ${round(f.answerMs)} ms; ${(f.cpuMs / 1000).toFixed(2)} s of CPU)`
    out.push('')
    out.push(`Restart on ${r.articles.toLocaleString('en-US')} articles from a ${r.cacheMB} MB cache (${r.hit ? 'hit' : 'MISSED'}): first answer ${describe(r)}`)
    if (r.cold) out.push(`  (the cache the bench wrote missed: a first start built it: ${describe(r.cold)})`)
  }
  out.push('')
  out.push(...targets())
  console.log(out.join('\n'))
}

/** Each target of issue 7 against what was measured. */
function targets(): string[] {
  const lines: string[] = ['Targets:']
  const check = (label: string, ok: boolean, value: string): void => void lines.push(`  ${ok ? 'met   ' : 'MISSED'}  ${label}: ${value}`)
  const seedRow = rows.find((r) => r.figures.articles === 1)
  if (seedRow) check('seed article answer p50 < 0.2 ms', seedRow.figures.answerP50Ms < 0.2, `${seedRow.figures.answerP50Ms} ms`)
  const big = rows.find((r) => r.figures.articles >= 10_000)
  if (big) {
    const f = big.figures
    check('10,000 articles: index < 30 s', f.indexMs < 30_000, `${(f.indexMs / 1000).toFixed(1)} s`)
    check('10,000 articles: heap < 1.5 GB', f.heapMB < 1536, `${f.heapMB.toFixed(0)} MB`)
    check('10,000 articles: answer p50 < 5 ms', f.answerP50Ms < 5, `${f.answerP50Ms} ms`)
    check('10,000 articles: answer p99 < 50 ms', f.answerP99Ms < 50, `${f.answerP99Ms} ms`)
  }
  for (const { figures: f } of rows) check(`${f.articles} articles: answer/raw at p50 ≤ 1.5`, f.ratioP50 <= 1.5, String(f.ratioP50))
  if (restart) check('restart: first answer < 3 s', restart.hit && restart.sinceStartMs < 3000, `${(restart.sinceStartMs / 1000).toFixed(2)} s`)
  return lines
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`
}

function wholeNumber(name: string, text: string): number {
  const n = Number(text.replace(/_/g, ''))
  if (!Number.isInteger(n) || n < 0) fail(`--${name} takes a whole number (got ${text})`)
  return n
}

function fail(message: string): never {
  console.error(`bench: ${message}`)
  process.exit(2)
}
