import { PassThrough } from 'node:stream'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadLibrary } from '../../src/adapters/files.js'
import { renderArticles, renderSources, startRepl } from '../../src/adapters/repl.js'
import { holdLibrary } from '../../src/adapters/watch.js'
import { createLibrary, type Library } from '../../src/core/library.js'
import { renderPlain } from '../../src/core/renderPlain.js'

const ROOT = new URL('../../', import.meta.url).pathname
let seed: Library
let two: Library
beforeAll(async () => {
  seed = (await loadLibrary(`${ROOT}data/000_97c02de7d0eb7492.txt`)).library
  two = (await loadLibrary(`${ROOT}test/fixtures/formats`)).library
})

/** Drives a REPL through streams: the lines go in, then the input ends (Ctrl-D, or the end of a pipe). */
async function session(lines: readonly string[], options: { library?: Parameters<typeof startRepl>[0]['library']; interactive?: boolean; end?: boolean } = {}) {
  const input = new PassThrough()
  const output = new PassThrough()
  let text = ''
  output.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const errors: object[] = []
  let history: readonly string[] = []
  const done = startRepl({
    library: options.library ?? seed,
    input,
    output,
    interactive: options.interactive ?? false,
    log: { error: (fields) => errors.push(fields) },
    onHistory: (h) => (history = h),
  })
  for (const line of lines) input.write(`${line}\n`)
  if (options.end !== false) input.end()
  await done
  return { text, errors, history }
}

describe('piped input', () => {
  it('GIVEN questions on a pipe THEN each is answered with the core’s answer, in order, with no prompt, and the REPL ends at the end of input', async () => {
    const questions = ['how many died?', 'what is the capital of France?', 'What did Amnesty International say?']
    const { text } = await session(questions)
    expect(text).not.toContain('verbatim>')
    expect(text).toBe(questions.map((q) => `${renderPlain(seed.ask(q))}\n\n`).join(''))
    let from = 0
    for (const q of questions) {
      const rendered = renderPlain(seed.ask(q))
      const at = text.indexOf(rendered, from)
      expect(at).toBeGreaterThanOrEqual(from)
      from = at + rendered.length
      const answer = seed.ask(q)
      if (answer.answered) for (const quote of answer.quotes) expect(text).toContain(quote.text)
    }
  })

  it('GIVEN :sources, :articles and :quotes THEN who is quoted (how often, where), what is loaded, and a speaker’s quotes are shown', async () => {
    const { text } = await session([':sources', ':articles', ':quotes Rajavi'])
    expect(text).toContain(renderSources(seed.sources()))
    expect(text).toContain(renderArticles(seed.list()))
    expect(text).toContain(renderPlain(seed.quotesBy('Rajavi')))
    for (const source of seed.sources()) expect(text).toContain(source.speaker)
  })

  it('GIVEN :quit in the middle THEN the lines after it are not answered', async () => {
    const { text } = await session([':help', ':quit', 'how many died?'])
    expect(text).toContain(':sources')
    const answer = seed.ask('how many died?')
    if (answer.answered) expect(text).not.toContain(answer.quotes[0]!.text)
  })

  it('GIVEN an unknown command and blank lines THEN a hint, nothing for the blanks, and the session goes on', async () => {
    const { text } = await session([':frobnicate', '', '   ', ':articles'])
    expect(text).toContain('Unknown command :frobnicate. Type :help for the commands.')
    expect(text).toContain(renderArticles(seed.list()))
  })

  it('GIVEN a question whose answering throws THEN it is logged, the user gets an apology, and the next question is answered', async () => {
    const failing: Library = {
      ...seed,
      ask: (question, options) => {
        if (question === 'boom') throw new Error('index exploded')
        return seed.ask(question, options)
      },
    }
    const { text, errors } = await session(['boom', 'how many died?'], { library: failing })
    expect(text).toContain('Sorry, something went wrong with that one (index exploded)')
    expect(text).toContain(renderPlain(seed.ask('how many died?')))
    expect(errors).toHaveLength(1)
  })

  it('GIVEN a holder WHEN its library is swapped between lines THEN later lines are answered from the new library', async () => {
    const holder = holdLibrary(seed)
    const input = new PassThrough()
    const output = new PassThrough()
    let text = ''
    output.on('data', (chunk: Buffer) => (text += chunk.toString()))
    const done = startRepl({ library: holder, input, output, interactive: false })
    input.write(':articles\n')
    await new Promise((r) => setImmediate(r))
    holder.current = two
    input.end(':articles\n')
    await done
    expect(text).toContain(renderArticles(seed.list()))
    expect(text).toContain(renderArticles(two.list()))
  })
})

describe('interactive', () => {
  it('GIVEN a terminal THEN a greeting and prompt, answers, history of the session, and Ctrl-D ends it', async () => {
    const { text, history } = await session(['how many died?', ':sources'], { interactive: true })
    expect(text).toContain('verbatim> ')
    expect(text).toContain('1 article loaded')
    const answer = seed.ask('how many died?')
    if (!answer.answered) throw new Error('the seed answers this')
    for (const quote of answer.quotes) expect(text).toContain(quote.text)
    expect(history).toEqual([':sources', 'how many died?'])
  })

  it('GIVEN an abort signal THEN the REPL ends without input ending', async () => {
    const controller = new AbortController()
    const input = new PassThrough()
    const output = new PassThrough()
    output.resume()
    const done = startRepl({ library: seed, input, output, interactive: true, signal: controller.signal })
    controller.abort()
    await expect(done).resolves.toBeUndefined()
  })
})

describe(':sources and :articles listings', () => {
  it('GIVEN the sources THEN each speaker with role, count and the articles quoting them, most quoted first', () => {
    const sources = two.sources()
    const lines = renderSources(sources).split('\n')
    expect(lines).toHaveLength(sources.length)
    sources.forEach((source, i) => {
      expect(lines[i]).toContain(source.speaker)
      expect(lines[i]).toContain(source.count === 1 ? '1 quote' : `${source.count} quotes`)
      for (const article of source.articles) expect(lines[i]).toContain(article.title)
    })
    expect(renderSources([])).toBe('No one is quoted in the loaded articles.')
  })

  it('GIVEN the loaded articles THEN each is listed with its date and link where known', () => {
    const text = renderArticles(two.list())
    expect(text).toContain('Dock workers strike over pay at the harbour (2024-05-02) [harbour-strike.md]')
    expect(text).toContain('https://riverside.example.com/news/council-tram-vote')
    expect(renderArticles(createLibrary([]).list())).toBe('No articles are loaded.')
  })
})
