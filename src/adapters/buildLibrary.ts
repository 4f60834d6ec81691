/**
 * Builds a library on every core: worker threads read and analyse the
 * articles (the core's pure `prepareArticle`, article by article), and the
 * main thread indexes them in order as they come back (the core's
 * `createIndexBuilder`), so that reading and indexing overlap. The library is
 * the one `createLibrary(inputs)` gives: same statements, same order, same
 * answers. A few articles are read on the calling thread: starting workers
 * costs more than it saves.
 */
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { dedupe, libraryFromArticles, libraryOver, prepareArticle, type ArticleInput, type IndexedLibrary, type PreparedArticle } from '../core/library.js'
import { readArticle } from '../core/article.js'
import { createIndexBuilder, type ArticleAnalysis, type StatementIndex } from '../core/search.js'
import { createStemmer } from '../core/terms.js'
import { createStringTable, KINDS } from '../core/stringTable.js'
import type { Article, ArticleMeta, Speaker, Statement } from '../core/types.js'

/** Below this many articles the library is built on the calling thread: worker start-up (≈0.5 s under tsx) would cost more than it saves. */
export const PARALLEL_FROM = 300

export interface BuildOptions {
  /** Worker threads reading articles beside the main thread, which reads too; default: one per core but one, at least one. */
  readonly workers?: number
  /** Fewer (distinct) articles than this are read on the calling thread (default PARALLEL_FROM). */
  readonly parallelFrom?: number
  /** Articles a request to a worker holds (default CHUNK). */
  readonly chunk?: number
}

/** What the main thread asks a worker: read these articles, numbered from `first`. */
export interface ReadRequest {
  readonly first: number
  readonly inputs: readonly ArticleInput[]
}

/** What a worker hands back: the articles read and analysed, packed for the trip between threads. */
export interface ReadReply {
  readonly first: number
  readonly prepared: readonly PackedArticle[]
}

/**
 * An article as it crosses between threads: its statements in columns,
 * without their text or the article's original (the main thread holds the
 * original and slices the texts back from it): a third of the copying.
 */
export interface PackedArticle {
  readonly meta: ArticleMeta
  readonly paragraphs: Article['paragraphs']
  readonly speakers: readonly Speaker[]
  /** Speakers' names, roles and cues of the statements, each once. */
  readonly strings: readonly string[]
  readonly paragraph: Uint32Array
  readonly sentence: Uint32Array
  readonly start: Uint32Array
  readonly end: Uint32Array
  /** Index into `strings`. */
  readonly speaker: Uint32Array
  /** Index into `strings`, or -1 for none. */
  readonly role: Int32Array
  readonly cue: Int32Array
  /** Index into KINDS. */
  readonly kind: Uint8Array
  readonly analysis: ArticleAnalysis
}

/** Worker threads by default: one per core but one, which the main thread keeps (it indexes, and reads too). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1)
}

/** Reads and indexes articles, on worker threads when there are enough of them. The same library as `createLibrary(inputs)`. */
export async function buildLibrary(inputs: readonly ArticleInput[], options: BuildOptions = {}): Promise<IndexedLibrary> {
  const unique = dedupe(inputs)
  const workerCount = Math.max(1, Math.floor(options.workers ?? defaultWorkers()))
  if (unique.length < (options.parallelFrom ?? PARALLEL_FROM)) return libraryFromArticles(unique.map(readArticle))
  return libraryOver(await indexOnWorkers(unique, workerCount, Math.max(1, Math.floor(options.chunk ?? CHUNK))))
}

/** Articles a request holds: small enough that the main thread gets work early and the threads stay even. */
const CHUNK = 20
/** Requests each worker has in hand, so that it never waits for the busy main thread to send the next. */
const IN_HAND = 3

/**
 * Workers read requests of `chunk` articles; the main thread adds what comes
 * back in input order and, whenever the next batch to add has not arrived,
 * reads the next unsent request itself rather than wait. So every core
 * works until the end, and a machine of two cores needs one worker.
 */
function indexOnWorkers(unique: readonly ArticleInput[], workerCount: number, chunk: number): Promise<StatementIndex> {
  const builder = createIndexBuilder()
  const stemmer = createStemmer()
  const workers = Array.from({ length: Math.min(workerCount, Math.ceil(unique.length / chunk)) }, () => startWorker())
  const arrived = new Map<number, readonly PreparedArticle[]>()
  let nextToSend = 0
  let nextToAdd = 0
  const stop = () => Promise.all(workers.map((w) => w.terminate()))

  return new Promise((resolve, reject) => {
    let settled = false
    const fail = (error: unknown): void => {
      if (settled) return
      settled = true
      void stop().finally(() => reject(error instanceof Error ? error : new Error(String(error))))
    }
    const nextRequest = (): ReadRequest | null => {
      if (nextToSend >= unique.length) return null
      const request: ReadRequest = { first: nextToSend, inputs: unique.slice(nextToSend, nextToSend + chunk) }
      nextToSend += request.inputs.length
      return request
    }
    const send = (worker: Worker): void => {
      const request = nextRequest()
      if (request) worker.postMessage(request)
    }
    let scheduled = false
    const schedule = (): void => {
      if (scheduled) return
      scheduled = true
      // After the workers' replies waiting in the queue.
      setImmediate(step)
    }
    /** Adds what can be added in order, then, if the next batch is still out, reads a request here and comes back. */
    const step = (): void => {
      scheduled = false
      if (settled) return
      try {
        // Indexed strictly in input order, whichever thread read it.
        for (let batch = arrived.get(nextToAdd); batch !== undefined; batch = arrived.get(nextToAdd)) {
          arrived.delete(nextToAdd)
          for (const { article, analysis } of batch) builder.add(article, analysis)
          nextToAdd += batch.length
        }
        if (nextToAdd === unique.length) {
          settled = true
          const index = builder.finish()
          void stop().then(() => resolve(index), reject)
          return
        }
        const request = nextRequest()
        if (request) {
          arrived.set(request.first, request.inputs.map((input) => prepareArticle(input, stemmer)))
          schedule()
        }
      } catch (error) {
        fail(error)
      }
    }
    for (const worker of workers) {
      worker.on('message', (reply: ReadReply) => {
        if (settled) return
        send(worker)
        arrived.set(reply.first, reply.prepared.map((packed, k) => unpackArticle(packed, unique[reply.first + k]!)))
        if (reply.first === nextToAdd) schedule()
      })
      worker.on('error', fail)
      worker.on('messageerror', fail)
      worker.on('exit', (code) => {
        if (!settled) fail(new Error(`buildLibrary: a reading worker exited (code ${code}) before the articles were read`))
      })
      for (let i = 0; i < IN_HAND; i++) send(worker)
    }
    // The main thread reads too while the workers start.
    schedule()
  })
}

/**
 * A worker running readArticles.worker. Running as TypeScript (tsx, vitest),
 * the worker registers tsx's loader first: on Node 20 a loader given as the
 * worker's `--import` does not reach its entry module. Compiled, it is plain JavaScript.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./readArticles.worker.js', import.meta.url))
  const entry = new URL('./readArticles.worker.ts', import.meta.url).href
  // tsx's loader registers its hooks on the main thread only; a worker registers them through tsx's API.
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true })
}

/** Packs a prepared article for the trip to the main thread. */
export function packArticle({ article, analysis }: PreparedArticle): PackedArticle {
  const { statements } = article
  const { strings, numberOf: idOf } = createStringTable()
  const column = (pick: (s: Statement) => number) => Uint32Array.from(statements, pick)
  return {
    meta: article.meta,
    paragraphs: article.paragraphs,
    speakers: article.speakers,
    paragraph: column((s) => s.paragraph),
    sentence: column((s) => s.sentence),
    start: column((s) => s.start),
    end: column((s) => s.end),
    speaker: column((s) => idOf(s.speaker)),
    role: Int32Array.from(statements, (s) => idOf(s.role)),
    cue: Int32Array.from(statements, (s) => idOf(s.cue)),
    kind: Uint8Array.from(statements, (s) => KINDS.indexOf(s.kind)),
    strings,
    analysis,
  }
}

/** The prepared article back from its packed form and the input it was read from: equal, field for field, to what the worker read. */
export function unpackArticle(packed: PackedArticle, input: ArticleInput): PreparedArticle {
  const original = input.text
  const { strings } = packed
  const article = packed.meta.id
  const statements = Array.from(packed.start, (start, i): Statement => {
    const end = packed.end[i]!
    const role = packed.role[i]!
    const cue = packed.cue[i]!
    // Keys in the order attribute() writes them, so that the two libraries serialise alike.
    return {
      article,
      paragraph: packed.paragraph[i]!,
      sentence: packed.sentence[i]!,
      text: original.slice(start, end),
      start,
      end,
      speaker: strings[packed.speaker[i]!]!,
      role: role < 0 ? null : strings[role]!,
      kind: KINDS[packed.kind[i]!]!,
      cue: cue < 0 ? null : strings[cue]!,
    }
  })
  return {
    article: { meta: packed.meta, original, paragraphs: packed.paragraphs, statements, speakers: packed.speakers },
    analysis: packed.analysis,
  }
}
