import { statSync, watch, type FSWatcher } from 'node:fs'
import { stat } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { ArticleInput, Library } from '../core/library.js'
import { createLoadCache, loadLibrary, type LoadCache } from './files.js'

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
 * files are added, changed or removed, without a restart. It starts from what
 * is there when it is called (pass the cache the first load used, and nothing
 * is read twice); `onLibrary` is called for changes only. Changes are
 * debounced (an editor's save is several events) and reloads never overlap;
 * unchanged files are not read again. Files that cannot be read are logged and
 * skipped, as at start-up; if the path itself disappears the last library stays.
 *
 * ```ts
 * const cache = createLoadCache()
 * const { library, problems } = await loadLibrary(dataDir, { cache })
 * const holder = holdLibrary(library)
 * const watcher = watchLibrary(dataDir, (next) => { holder.current = next }, { log: logger, cache })
 * ```
 */
export function watchLibrary(
  path: string,
  onLibrary: (library: Library) => void,
  options: { log: WatchLog; debounceMs?: number; cache?: LoadCache },
): LibraryWatcher {
  const { log } = options
  const debounceMs = options.debounceMs ?? 200
  const cache = options.cache ?? createLoadCache()
  const target = resolve(path)
  let last: readonly ArticleInput[] | null = null
  let reported = new Set<string>()
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
      const { library, articles, problems } = await loadLibrary(target, { cache })
      // Each bad file is told once, when it first turns up or its reason changes, not at every reload.
      const problemKeys = new Set(problems.map((p) => `${p.file}\n${p.reason}`))
      for (const problem of problems) {
        if (last !== null && !reported.has(`${problem.file}\n${problem.reason}`)) {
          log.warn({ file: problem.file, reason: problem.reason }, 'skipped an article file')
        }
      }
      reported = problemKeys
      // Cached files come back as the same objects: the same list means nothing changed.
      if (last && last.length === articles.length && last.every((a, i) => a === articles[i])) return
      const first = last === null
      last = articles
      // The first load only records what is there: the caller loaded it already.
      if (closed || first) return
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
  // Prime the cache and the "last seen" list so that the first real change is compared with what is loaded now.
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

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory()
  } catch {
    return false
  }
}
