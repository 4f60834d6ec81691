import { mkdtemp, readFile, rm, writeFile, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fc, test } from '@fast-check/vitest'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createLoadCache, loadArticles, parseArticle } from '../../src/adapters/files.js'
import { createLibrary } from '../../src/core/library.js'

const ARTICLES = new URL('../fixtures/articles/', import.meta.url).pathname
const FORMATS = new URL('../fixtures/formats/', import.meta.url).pathname
const PAGES = ['tunisia-bardo-wapo-2015', 'sudan-sanctions-nyt-2017', 'obama-gun-laws-bbc-2015', 'korea-impeachment-nbc-2024', 'iran-amnesty-torture-2020']

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-files-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function parseFile(path: string) {
  const result = await parseArticle(path, await readFile(path))
  if (!result.ok) throw new Error(`${path}: ${result.reason}`)
  return result.article
}

describe('HTML pages', () => {
  it.each(PAGES)('GIVEN the page %s THEN at least nine in ten of the statements of the text beside it are found verbatim among its statements', async (name) => {
    const page = await parseFile(join(ARTICLES, `${name}.source.html`))
    const text = await parseFile(join(ARTICLES, `${name}.txt`))
    const fromPage = new Set(createLibrary([page]).articles[0]!.statements.map((s) => s.text))
    const fromText = createLibrary([text]).articles[0]!.statements.map((s) => s.text)
    const found = fromText.filter((t) => fromPage.has(t))
    expect(fromText.length).toBeGreaterThan(20)
    expect(found.length / fromText.length).toBeGreaterThanOrEqual(0.9)
  })

  it.each(PAGES)('GIVEN the page %s THEN every statement slices back out of the extracted text Verbatim holds', async (name) => {
    const page = await parseFile(join(ARTICLES, `${name}.source.html`))
    const article = createLibrary([page]).articles[0]!
    expect(article.original).toBe(page.text)
    for (const s of article.statements) expect(page.text.slice(s.start, s.end)).toBe(s.text)
  })

  it('GIVEN the extracted text of a page THEN it has the plain-text form: title line, then one paragraph a line between blank lines, no markup', async () => {
    const page = await parseFile(join(ARTICLES, 'sudan-sanctions-nyt-2017.source.html'))
    const blocks = page.text.trimEnd().split('\n\n')
    expect(blocks[0]).toBe('United States to Lift Sudan Sanctions')
    for (const block of blocks) {
      expect(block).not.toMatch(/\n/)
      expect(block).not.toMatch(/<\/?[a-z][^>]*>/i)
      expect(block).toBe(block.trim())
    }
  })

  it('GIVEN a page with canonical link, og:site_name, a published time and an author THEN those are its metadata', async () => {
    const page = await parseFile(join(FORMATS, 'council-vote.html'))
    expect(page.id).toBe('council-vote.html')
    expect(page.meta).toEqual({
      title: 'Council approves new tram line',
      url: 'https://riverside.example.com/news/council-tram-vote',
      date: '2023-09-14',
      byline: 'Tomás Berg',
      publisher: 'Riverside Daily',
    })
    expect(page.text).not.toContain('Most read')
    expect(page.text).not.toContain('Photo: Riverside Daily')
    expect(page.text).toContain('ending a decade of debate over the project.')
  })

  it('GIVEN the real pages THEN their links, dates and publishers come from the page', async () => {
    const nyt = await parseFile(join(ARTICLES, 'sudan-sanctions-nyt-2017.source.html'))
    expect(nyt.meta).toMatchObject({ url: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html', date: '2017-01-13', byline: 'Jeffrey Gettleman' })
    const bbc = await parseFile(join(ARTICLES, 'obama-gun-laws-bbc-2015.source.html'))
    expect(bbc.meta).toMatchObject({ url: 'http://www.bbc.com/news/world-us-canada-33646704', date: '2015-07-24', publisher: 'BBC News' })
    const wapo = await parseFile(join(ARTICLES, 'tunisia-bardo-wapo-2015.source.html'))
    expect(wapo.meta).toMatchObject({ byline: 'Erin Cunningham', publisher: 'Washington Post', date: '2015-03-18' })
  })

  it('GIVEN a page whose only date and publisher are in JSON-LD and whose address is in a saved-from comment THEN those are used', async () => {
    const html = `<!-- saved from url=(0037)https://example.net/2020/01/02/story -->
<html><head><title>Floods close schools</title>
<script type="application/ld+json">[{"@graph":[{"@type":"NewsArticle","datePublished":"2020-01-02T07:00:00-05:00","author":[{"name":"Kim Lee"},{"name":"Sam Ode"}],"publisher":{"name":"Example Net"}}]}]</script>
<script type="application/ld+json">{ not json</script></head>
<body><article><p>Schools across the valley closed on Thursday after the river burst its banks, officials said.</p>
<p>More than 300 homes were flooded, according to the fire service, and roads into the town were cut.</p></article></body></html>`
    const result = await parseArticle('floods.html', new TextEncoder().encode(html))
    expect(result.ok && result.article.meta).toEqual({
      title: 'Floods close schools',
      url: 'https://example.net/2020/01/02/story',
      date: '2020-01-02',
      byline: 'Kim Lee and Sam Ode',
      publisher: 'Example Net',
    })
  })

  it('GIVEN a page in windows-1252 that declares it THEN its accented letters are read right', async () => {
    const body = '<html><head><meta charset="windows-1252"><title>Caf\xe9 reopens</title></head><body><article><p>The caf\xe9 on the square reopened on Monday after a fire in March, its owner said.</p><p>About 40 people queued before the doors opened, according to neighbours.</p></article></body></html>'
    const bytes = Uint8Array.from(body, (c) => c.charCodeAt(0))
    const result = await parseArticle('cafe.html', bytes)
    expect(result.ok && result.article.text).toContain('The café on the square reopened')
  })

  it('GIVEN a page with no article in it THEN it is reported, not loaded', async () => {
    const result = await parseArticle('empty-page.html', new TextEncoder().encode('<html><head><title>x</title></head><body><nav><a href="/">Home</a></nav></body></html>'))
    expect(result).toEqual({ ok: false, reason: 'no article text found in the page' })
  })
})

describe('Markdown articles', () => {
  it('GIVEN front matter THEN title, url, date, byline and publisher are the metadata and the body is plain text without markup', async () => {
    const article = await parseFile(join(FORMATS, 'harbour-strike.md'))
    expect(article.meta).toEqual({
      title: 'Dock workers strike over pay at the harbour',
      url: 'https://news.example.org/2024/05/02/harbour-strike',
      date: '2024-05-02',
      byline: 'Ana Ruiz',
      publisher: 'The Example Gazette',
    })
    const lines = article.text.trimEnd().split('\n\n')
    expect(lines[0]).toBe('Dock workers strike over pay at the harbour')
    // The heading repeating the title is not a second title; hard-wrapped lines are one paragraph.
    expect(lines[1]).toBe("HARBOURTON — About 1,200 dock workers walked off the job on Thursday, halting cargo traffic at the city's main port, the union said.")
    expect(lines[2]).toBe("“We have waited three years for a fair offer,” said Maria Okafor, the union's general secretary.")
    expect(article.text).toContain('called the strike unnecessary.')
    expect(article.text).toContain("Negotiators will meet again on Monday, according to the city's labour office.")
    expect(article.text).not.toMatch(/[*#>`[\]]|embedded player/)
  })

  it('GIVEN a Markdown file without front matter THEN its first heading is the title', async () => {
    const result = await parseArticle('note.md', new TextEncoder().encode('# Bridge reopens\n\nThe bridge reopened on _Friday_ after repairs, the council said.\n'))
    expect(result.ok && result.article.text).toBe('Bridge reopens\n\nThe bridge reopened on Friday after repairs, the council said.\n')
    expect(result.ok && result.article.meta).toEqual({ title: 'Bridge reopens' })
  })

  it('GIVEN front matter that is never closed THEN the file is reported with that reason', async () => {
    const result = await parseArticle('broken.md', new TextEncoder().encode('---\ntitle: x\n\nBody text here.\n'))
    expect(result).toEqual({ ok: false, reason: 'front matter is not closed (no second --- line)' })
  })
})

describe('loading a folder', () => {
  it('GIVEN good and bad files THEN the good ones load and each bad one is reported with its name and reason', async () => {
    await writeFile(join(dir, 'good.txt'), 'A title\n\nThe mayor said the bridge would reopen on Friday.\n')
    await writeFile(join(dir, 'empty.txt'), '')
    await writeFile(join(dir, 'blank.txt'), '  \n\n \n')
    await writeFile(join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))
    await writeFile(join(dir, 'latin1.txt'), Buffer.from('Caf\xe9 title\n\nThe caf\xe9 reopened.\n', 'latin1'))
    await writeFile(join(dir, 'title-only.txt'), 'Just a title\n')
    await writeFile(join(dir, 'notes.json'), '{}')
    await writeFile(join(dir, '.hidden.txt'), 'Hidden\n\nNot an article.\n')
    await writeFile(join(dir, 'page.html'), await readFile(join(FORMATS, 'council-vote.html')))

    const { articles, problems } = await loadArticles(dir)

    expect(articles.map((a) => a.id)).toEqual(['good.txt', 'page.html'])
    expect(problems).toEqual([
      { file: join(dir, 'blank.txt'), reason: 'empty file' },
      { file: join(dir, 'empty.txt'), reason: 'empty file' },
      { file: join(dir, 'image.txt'), reason: 'not text (binary data)' },
      { file: join(dir, 'latin1.txt'), reason: 'not text (not valid UTF-8)' },
      { file: join(dir, 'notes.json'), reason: 'not an article file (expected .txt, .md, .markdown, .html, .htm)' },
      { file: join(dir, 'title-only.txt'), reason: 'no article text after the title line' },
    ])
  })

  it('GIVEN a folder of 600 articles THEN all load, in name order, each with its own text', async () => {
    const names = Array.from({ length: 600 }, (_, i) => `a${String(i).padStart(4, '0')}.txt`)
    for (const name of [...names].reverse()) await writeFile(join(dir, name), `Title ${name}\n\nThe mayor said article ${name} is here.\n`)
    const { articles, problems } = await loadArticles(dir)
    expect(problems).toEqual([])
    expect(articles.map((a) => a.id)).toEqual(names)
    expect(articles.every((a) => a.text.includes(`article ${a.id} is here`))).toBe(true)
  })

  it('GIVEN a text whose first paragraph follows many headings, and one with headings only THEN the first loads and the second is reported', async () => {
    const headings = Array.from({ length: 40 }, (_, i) => `Section ${i + 1}`).join('\n\n')
    await writeFile(join(dir, 'late-body.txt'), `A title\n\n${headings}\n\nThe mayor said the bridge would reopen on Friday.\n`)
    await writeFile(join(dir, 'headings-only.txt'), `A title\n\n${headings}\n`)
    const { articles, problems } = await loadArticles(dir)
    expect(articles.map((a) => a.id)).toEqual(['late-body.txt'])
    expect(problems).toEqual([{ file: join(dir, 'headings-only.txt'), reason: 'no article text after the title line' }])
  })

  it('GIVEN the same text in two files THEN the library holds it once', async () => {
    const text = 'A title\n\nThe mayor said the bridge would reopen on Friday.\n'
    await writeFile(join(dir, 'a.txt'), text)
    await writeFile(join(dir, 'b.txt'), text)
    const { articles } = await loadArticles(dir)
    expect(articles).toHaveLength(2)
    expect(createLibrary(articles).articles.map((a) => a.meta.id)).toEqual(['a.txt'])
  })

  it('GIVEN a text file THEN the text Verbatim holds is the file byte for byte and its id is the file name', async () => {
    const path = join(ARTICLES, '000_97c02de7d0eb7492.txt')
    const { articles, problems } = await loadArticles(path)
    expect(problems).toEqual([])
    expect(articles).toEqual([{ id: '000_97c02de7d0eb7492.txt', text: await readFile(path, 'utf8') }])
  })

  it('GIVEN a path that does not exist THEN it is a problem, not an exception', async () => {
    const { articles, problems } = await loadArticles(join(dir, 'nope'))
    expect(articles).toEqual([])
    expect(problems).toEqual([{ file: join(dir, 'nope'), reason: 'not found' }])
  })

  it('GIVEN a cache WHEN a folder is loaded again THEN unchanged files are not read again and changed ones are', async () => {
    await writeFile(join(dir, 'a.txt'), 'A title\n\nFirst version of the text.\n')
    await writeFile(join(dir, 'b.txt'), 'B title\n\nAnother article entirely.\n')
    const cache = createLoadCache()
    const first = await loadArticles(dir, { cache })
    await writeFile(join(dir, 'a.txt'), 'A title\n\nSecond version of the text, longer.\n')
    await utimes(join(dir, 'a.txt'), new Date(), new Date(Date.now() + 5_000))
    const second = await loadArticles(dir, { cache })
    expect(second.articles[1]).toBe(first.articles[1])
    expect(second.articles[0]!.text).toContain('Second version')
  })
})

describe('hostile files', () => {
  const ending = fc.constantFrom('a.txt', 'a.md', 'a.html')
  const content = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 2_000 }),
    fc.array(fc.constantFrom('---\n', 'title: "x"\n', '# ', '**', '*', '_', '[', '](', ')', '`', '<p>', '</p>', '<script>', '<!--', '-->', '\n\n', ' ', 'Word.', '“', '\u00a0', '\u0000'), { maxLength: 300 }).map((parts) => parts.join('')),
  )

  test.prop([ending, content], { seed: 8_801, numRuns: 300 })(
    'GIVEN any bytes under any article ending THEN a value comes back, never an exception; an article has a title line and text',
    async (name, text) => {
      const result = await parseArticle(name, new TextEncoder().encode(text))
      if (!result.ok) {
        expect(result.reason.length).toBeGreaterThan(0)
        return
      }
      expect(result.article.id).toBe(name)
      expect(result.article.text.trim()).not.toBe('')
      expect(createLibrary([result.article]).articles).toHaveLength(1)
    },
  )

  it('GIVEN the worst lines for the Markdown and HTML readers’ patterns THEN they are read (a backtracking pattern would time the test out)', async () => {
    const worst = [
      `# a${' '.repeat(50_000)}x`,
      `Text ${'**a '.repeat(20_000)}`,
      `Text ${'*a '.repeat(20_000)}`,
      `Text ${'_a '.repeat(20_000)}`,
      `Text ${'['.repeat(50_000)}`,
      `Text ${'[a]('.repeat(20_000)}`,
      `Text ${'`'.repeat(50_000)}`,
    ]
    for (const line of worst) {
      const result = await parseArticle('worst.md', new TextEncoder().encode(`---\ntitle: Worst\n---\n${line}\n`))
      expect(result.ok).toBe(true)
    }
    const tags = await parseArticle('worst.html', new TextEncoder().encode(`<p>${'<a'.repeat(50_000)}`))
    expect(typeof tags.ok).toBe('boolean')
  })
})
