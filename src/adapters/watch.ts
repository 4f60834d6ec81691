import { statSync, watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { ArticleInput, Library } from '../core/library.js'
import { buildLibrary } from './buildLibrary.js'
import { createLoadCache, loadArticles, type LoadCache } from './files.js'

/**
 * The library the adapters answer from, swapped whole when the articles change.
 * Adapters read `.current` for each question, never keep it: a hot reload then
 * shows at once, and a question in flight finishes on the library it started with.
 */
export interface LibraryHolder {
  current: Library
}

/** A holder for a library. */
export function holdLibrary(library: Library): LibraryHolder {
  return { current: library }
}

/** The few log calls the watcher makes (a pino logger has them). */
export interface WatchLog {
  info(fields: object, message: string): void
  warn(fields: object, message: string): void
  error(fields: object, message: string): void
}

export interface LibraryWatcher {
  /** Reloads now (also what a file change triggers); resolves when the new library has been handed over, if anything changed. */
  reload(): Promise<void>
  close(): void
}

/**
 * Watches an article file or folder and hands over a new library whenever its
 * files are added, changed or removed, without a restart. `onLibrary` is
 * called for changes only: against `since` (what the caller loaded) if given,
 * else against what is there when the watch starts. Pass the cache the first
 * load used, and nothing is read twice. Changes are
 * debounced (an editor's save is several events) and reloads never overlap;
 * unchanged files are not read again. Files that cannot be read are logged and
 * skipped, as at start-up; if the path itself disappears the last library stays.
 *
 * ```ts
 * const cache = createLoadCache()
 * const { library, articles, problems } = await loadLibrary(dataDir, { cache })
 * const holder = holdLibrary(library)
 * const watcher = watchLibrary(dataDir, (next) => { holder.current = next }, { log: logger, cache, since: articles })
 * ```
 */
export function watchLibrary(
  path: string,
  onLibrary: (library: Library) => void,
  options: {
    log: WatchLog
    debounceMs?: number
    /** The cache the caller's own load used: unchanged files are then not read again. */
    cache?: LoadCache
    /** The articles the caller loaded: anything different on disk by the time the watch starts is handed over at once. */
    since?: readonly ArticleInput[]
  },
): LibraryWatcher {
  const { log } = options
  const debounceMs = options.debounceMs ?? 200
  const cache = options.cache ?? createLoadCache()
  // The path as the caller gave it, so that the cache's keys (file paths) match the caller's load.
  const target = path
  let last: readonly ArticleInput[] | null = options.since ?? null
  let reported = new Set<string>()
  let primed = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | null = null
  let again = false
  let closed = false

  const reloadOnce = async (): Promise<void> => {
    try {
      const info = await stat(target).catch(() => null)
      if (!info) {
        log.warn({ path }, 'the article path is gone; keeping the articles already loaded')
        return
      }
      const started = performance.now()
      const { articles, problems } = await loadArticles(target, { cache })
      // Each bad file is told once, when it turns up or its reason changes, not at every reload;
      // those there at the start the caller's own load has told.
      const problemKeys = new Set(problems.map((p) => `${p.file}\n${p.reason}`))
      for (const problem of problems) {
        if (primed && !reported.has(`${problem.file}\n${problem.reason}`)) {
          log.warn({ file: problem.file, reason: problem.reason }, 'skipped an article file')
        }
      }
      reported = problemKeys
      primed = true
      if (last && sameArticles(last, articles)) return
      const first = last === null
      last = articles
      // Without `since`, the first load only records what is there.
      if (closed || first) return
      // Indexing is the expensive, blocking part: only for a real change, never to find out whether there was one.
      const library = await buildLibrary(articles)
      // Building yields to the event loop: the watch may have been closed meanwhile.
      if (closed) return
      onLibrary(library)
      const ms = Math.round(performance.now() - started)
      log.info({ articles: library.articles.length, skipped: problems.length, ms }, 'reloaded the articles')
    } catch (error) {
      log.error({ err: error }, 'reloading the articles failed; keeping the articles already loaded')
    }
  }

  const reload = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      do {
        again = false
        await reloadOnce()
      } while (again && !closed)
      running = null
    })()
    return running
  }

  // Watch the folder (for a single file, its folder: editors save by replacing the file, which ends a watch on it).
  const watchedFolder = isFolder(target) ? target : dirname(target)
  const onlyName = watchedFolder === target ? null : basename(target)
  let watcher: FSWatcher | null = null
  try {
    watcher = watch(watchedFolder, { persistent: false }, (_event, name) => {
      if (closed) return
      if (onlyName !== null && name !== null && name.toString() !== onlyName) return
      clearTimeout(timer)
      timer = setTimeout(() => void reload(), debounceMs)
    })
    watcher.on('error', (error) => log.error({ err: error, path }, 'watching the articles failed; changes will not be picked up'))
  } catch (error) {
    log.error({ err: error, path }, 'cannot watch the articles; changes will not be picked up')
  }
  // Catch what changed between the caller's load and the start of the watch (or, without `since`, record what is there).
  void reload()

  return {
    reload,
    close() {
      closed = true
      clearTimeout(timer)
      watcher?.close()
    },
  }
}

/** Cached files come back as the same objects; a file touched but not changed reads the same. */
function sameArticles(a: readonly ArticleInput[], b: readonly ArticleInput[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, i) => {
      const y = b[i]!
      return x === y || (x.id === y.id && x.text === y.text && JSON.stringify(x.meta) === JSON.stringify(y.meta))
    })
  )
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
