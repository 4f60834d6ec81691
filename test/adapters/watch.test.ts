import { copyFile, mkdtemp, rename, rm, unlink, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addArticle } from '../../src/adapters/add.js'
import { createLoadCache, loadLibrary } from '../../src/adapters/files.js'
import { holdLibrary, watchLibrary, type LibraryWatcher } from '../../src/adapters/watch.js'
import type { Library } from '../../src/core/library.js'

const FORMATS = new URL('../fixtures/formats/', import.meta.url).pathname

let dir: string
let watcher: LibraryWatcher | undefined
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-watch-'))
})
afterEach(async () => {
  watcher?.close()
  watcher = undefined
  await rm(dir, { recursive: true, force: true })
})

const article = (title: string, sentence: string) => `${title}\n\n${sentence}\n`

/** Starts watching as main.ts would: load, hold, watch; collects every library handed over and every log line. */
async function start(path = dir) {
  const cache = createLoadCache()
  const { library, articles } = await loadLibrary(path, { cache })
  const holder = holdLibrary(library)
  const handed: Library[] = []
  const logs: { level: string; fields: object; message: string }[] = []
  const waiters: ((library: Library) => void)[] = []
  const log = {
    info: (fields: object, message: string) => logs.push({ level: 'info', fields, message }),
    warn: (fields: object, message: string) => logs.push({ level: 'warn', fields, message }),
    error: (fields: object, message: string) => logs.push({ level: 'error', fields, message }),
  }
  watcher = watchLibrary(
    path,
    (next) => {
      holder.current = next
      handed.push(next)
      waiters.splice(0).forEach((resolve) => resolve(next))
    },
    { log, cache, since: articles, debounceMs: 50 },
  )
  await watcher.reload()
  /** The next library handed over, or a failure after a few seconds. */
  const next = () =>
    new Promise<Library>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no new library within 5 s')), 5_000)
      waiters.push((l) => (clearTimeout(timer), resolve(l)))
    })
  return { holder, handed, logs, next }
}

const ids = (library: Library) => library.articles.map((a) => a.meta.id)

describe('hot reload', () => {
  it('GIVEN a watched folder WHEN a file is added, changed and removed THEN each time the holder gets a library with the change, without a restart', async () => {
    await writeFile(join(dir, 'a.txt'), article('Bridge closes', 'The bridge closed on Monday, the council said.'))
    const { holder, next } = await start()
    expect(ids(holder.current)).toEqual(['a.txt'])

    let changed = next()
    await writeFile(join(dir, 'b.txt'), article('Ferry resumes', 'The ferry resumed on Tuesday, the operator said.'))
    expect(ids(await changed)).toEqual(['a.txt', 'b.txt'])
    expect(ids(holder.current)).toEqual(['a.txt', 'b.txt'])

    changed = next()
    await writeFile(join(dir, 'a.txt'), article('Bridge reopens', 'The bridge reopened on Friday, the council said.'))
    const afterChange = await changed
    expect(afterChange.articles[0]!.original).toContain('reopened on Friday')

    changed = next()
    await unlink(join(dir, 'b.txt'))
    expect(ids(await changed)).toEqual(['a.txt'])
  })

  it('GIVEN npm run add into a watched folder THEN the running library picks the article up', async () => {
    await writeFile(join(dir, 'a.txt'), article('Bridge closes', 'The bridge closed on Monday, the council said.'))
    const { holder, next } = await start()
    const changed = next()
    expect(await addArticle(join(FORMATS, 'council-vote.html'), dir)).toMatchObject({ ok: true })
    await changed
    expect(ids(holder.current)).toEqual(['a.txt', 'council-vote.html'])
    expect(holder.current.list()[1]).toMatchObject({ title: 'Council approves new tram line', url: 'https://riverside.example.com/news/council-tram-vote' })
  })

  it('GIVEN a bad file added THEN it is logged once with its reason and the library is not replaced', async () => {
    await writeFile(join(dir, 'a.txt'), article('Bridge closes', 'The bridge closed on Monday, the council said.'))
    const { handed, logs } = await start()
    await writeFile(join(dir, 'empty.txt'), '')
    await watcher!.reload()
    await watcher!.reload()
    expect(handed).toEqual([])
    expect(logs.filter((l) => l.level === 'warn')).toEqual([
      { level: 'warn', fields: { file: join(dir, 'empty.txt'), reason: 'empty file' }, message: 'skipped an article file' },
    ])
  })

  it('GIVEN a file touched but not changed THEN no new library', async () => {
    await writeFile(join(dir, 'a.txt'), article('Bridge closes', 'The bridge closed on Monday, the council said.'))
    const { handed } = await start()
    await utimes(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 10_000))
    await watcher!.reload()
    expect(handed).toEqual([])
  })

  it('GIVEN a single watched file replaced by an editor (write elsewhere, rename over it) THEN the change is picked up', async () => {
    const file = join(dir, 'only.md')
    await copyFile(join(FORMATS, 'harbour-strike.md'), file)
    await writeFile(join(dir, 'other.txt'), article('Other', 'Not watched, the watcher said.'))
    const { holder, next } = await start(file)
    expect(ids(holder.current)).toEqual(['only.md'])
    const changed = next()
    await writeFile(join(dir, '.only.md.swp'), '---\ntitle: Strike ends\n---\nThe strike ended on Friday, the union said.\n')
    await rename(join(dir, '.only.md.swp'), file)
    expect((await changed).list()[0]!.title).toBe('Strike ends')
  })

  it('GIVEN the watched folder is removed THEN the last library stays and a warning says so', async () => {
    await writeFile(join(dir, 'a.txt'), article('Bridge closes', 'The bridge closed on Monday, the council said.'))
    const { holder, logs } = await start()
    await rm(dir, { recursive: true, force: true })
    await watcher!.reload()
    expect(ids(holder.current)).toEqual(['a.txt'])
    expect(logs.some((l) => l.level === 'warn' && /gone/.test(l.message))).toBe(true)
  })

  it('GIVEN a change between the first load and the start of the watch THEN it is handed over at once', async () => {
    await writeFile(join(dir, 'a.txt'), article('Bridge closes', 'The bridge closed on Monday, the council said.'))
    const { articles } = await loadLibrary(dir)
    await writeFile(join(dir, 'b.txt'), article('Ferry resumes', 'The ferry resumed on Tuesday, the operator said.'))
    const handed: Library[] = []
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined }
    watcher = watchLibrary(dir, (l) => handed.push(l), { log, since: articles })
    await watcher.reload()
    expect(handed.map(ids)).toEqual([['a.txt', 'b.txt']])
  })
})
