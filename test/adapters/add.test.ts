import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { addArticle } from '../../src/adapters/add.js'
import { loadLibrary } from '../../src/adapters/files.js'

const FORMATS = new URL('../fixtures/formats/', import.meta.url).pathname
const ARTICLES = new URL('../fixtures/articles/', import.meta.url).pathname

/** What the fake news site on 127.0.0.1 serves: path → [status, content type, body]. */
const ROUTES: Record<string, [number, string, () => Promise<Buffer | string>]> = {
  '/news/council-tram-vote': [200, 'text/html; charset=utf-8', () => readFile(join(FORMATS, 'council-vote.html'))],
  '/pages/nbc.html': [200, 'text/html', () => readFile(join(ARTICLES, 'korea-impeachment-nbc-2024.source.html'))],
  '/plain/seed': [200, 'text/plain; charset=utf-8', () => readFile(join(ARTICLES, '000_97c02de7d0eb7492.txt'))],
  '/story.md': [200, 'application/octet-stream', () => readFile(join(FORMATS, 'harbour-strike.md'))],
  '/empty.html': [200, 'text/html', async () => ''],
  '/image': [200, 'image/png', async () => Buffer.from([0x89, 0x50, 0x4e, 0x47])],
  '/gone': [404, 'text/html', async () => 'not here'],
  '/nav-only.html': [200, 'text/html', async () => '<html><body><nav><a href="/">Home</a></nav></body></html>'],
}

let server: Server
let base: string
let data: string
let scratch: string

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = ROUTES[req.url ?? '']
    if (req.url === '/moved') {
      res.writeHead(301, { location: '/news/council-tram-vote' }).end()
      return
    }
    if (!route) return void res.writeHead(404).end()
    const [status, type, body] = route
    void body().then((b) => res.writeHead(status, { 'content-type': type }).end(b))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  scratch = await mkdtemp(join(tmpdir(), 'verbatim-add-'))
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await rm(scratch, { recursive: true, force: true })
})
beforeEach(async () => {
  data = await mkdtemp(join(scratch, 'data-'))
})

describe('adding from a URL', () => {
  it('GIVEN a news page on a server THEN it is saved under its path’s name and loads with its metadata', async () => {
    const result = await addArticle(`${base}/news/council-tram-vote`, data)
    expect(result).toMatchObject({ ok: true, file: join(data, 'council-tram-vote.html') })
    const { articles, problems } = await loadLibrary(data)
    expect(problems).toEqual([])
    expect(articles.map((a) => a.id)).toEqual(['council-tram-vote.html'])
    expect(articles[0]!.meta).toMatchObject({ title: 'Council approves new tram line', url: 'https://riverside.example.com/news/council-tram-vote', publisher: 'Riverside Daily' })
  })

  it('GIVEN a redirect THEN the final page is saved, and its address kept in the file when the page names none', async () => {
    const plainPage = '<html><head><title>Ferry service resumes</title></head><body><article><p>The ferry between the islands resumed on Monday after a two-week strike, the operator said.</p><p>About 2,000 passengers a day use the crossing, according to the port.</p></article></body></html>'
    ROUTES['/ferry.html'] = [200, 'text/html', async () => plainPage]
    ROUTES['/short'] = [200, 'text/html', async () => plainPage]
    const result = await addArticle(`${base}/ferry.html`, data)
    expect(result.ok).toBe(true)
    const { articles } = await loadLibrary(data)
    expect(articles[0]!.meta).toMatchObject({ url: `${base}/ferry.html`, title: 'Ferry service resumes' })

    const moved = await addArticle(`${base}/moved`, data)
    expect(moved).toMatchObject({ ok: true, file: join(data, 'council-tram-vote.html') })
  })

  it('GIVEN text/plain and a Markdown file THEN the format comes from the content type, else the path’s ending', async () => {
    expect(await addArticle(`${base}/plain/seed`, data)).toMatchObject({ ok: true, file: join(data, 'seed.txt') })
    expect(await addArticle(`${base}/story.md`, data)).toMatchObject({ ok: true, file: join(data, 'story.md') })
    expect(await readFile(join(data, 'seed.txt'), 'utf8')).toBe(await readFile(join(ARTICLES, '000_97c02de7d0eb7492.txt'), 'utf8'))
  })

  it.each([
    ['/gone', 'could not be fetched (HTTP 404)'],
    ['/empty.html', 'empty file'],
    ['/image', 'not an article (image/png)'],
    ['/nav-only.html', 'no article text found in the page'],
  ])('GIVEN %s THEN nothing is saved and the reason is %s', async (path, reason) => {
    const result = await addArticle(`${base}${path}`, data)
    expect(result).toEqual({ ok: false, reason: `${base}${path}: ${reason}` })
    expect(await readdir(data)).toEqual([])
  })

  it('GIVEN a server that is not there THEN a network reason, no exception', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))
    const result = await addArticle(`http://127.0.0.1:${port}/x.html`, data)
    expect(result).toEqual({ ok: false, reason: `http://127.0.0.1:${port}/x.html: could not be fetched (ECONNREFUSED)` })
  })

  it('GIVEN a download over the size limit THEN it is refused', async () => {
    const result = await addArticle(`${base}/pages/nbc.html`, data, { maxBytes: 10_000 })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.reason).toMatch(/too large/)
  })
})

describe('adding a file', () => {
  it('GIVEN the same file twice THEN the second time says it is already there; GIVEN other content under the name THEN it is refused unless forced', async () => {
    const source = join(scratch, 'note.txt')
    await writeFile(source, 'Pier closes\n\nThe pier closed on Sunday for repairs, the council said.\n')
    expect(await addArticle(source, data)).toMatchObject({ ok: true })
    expect(await addArticle(source, data)).toMatchObject({ ok: true, message: expect.stringContaining('already in') })
    await writeFile(source, 'Pier closes\n\nThe pier will close on Sunday for repairs, the council said.\n')
    expect(await addArticle(source, data)).toEqual({ ok: false, reason: `${join(data, 'note.txt')} already exists with other content (add --force to replace it)` })
    expect(await addArticle(source, data, { force: true })).toMatchObject({ ok: true, notes: [`replacing ${join(data, 'note.txt')}`] })
    expect(await readFile(join(data, 'note.txt'), 'utf8')).toContain('will close')
    // No temporary file is left behind.
    expect(await readdir(data)).toEqual(['note.txt'])
  })

  it('GIVEN a missing file, a folder, or a data path that is a file THEN a reason each', async () => {
    expect(await addArticle(join(scratch, 'nope.txt'), data)).toEqual({ ok: false, reason: `${join(scratch, 'nope.txt')}: not found` })
    expect(await addArticle(scratch, data)).toEqual({ ok: false, reason: `${scratch}: is a folder; add takes one file` })
    const file = join(scratch, 'a-file.txt')
    await writeFile(file, 'Title\n\nSome text here.\n')
    expect(await addArticle(join(FORMATS, 'harbour-strike.md'), file)).toEqual({ ok: false, reason: `${file} is a file; add needs a data folder` })
  })
})
