import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable, Writable } from 'node:stream'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src/adapters/cli.js'
import { loadLibrary } from '../../src/adapters/files.js'
import type { Library } from '../../src/core/library.js'

const ROOT = new URL('../../', import.meta.url).pathname
const TSX = join(ROOT, 'node_modules/.bin/tsx')
const CLI = join(ROOT, 'src/adapters/cli.ts')
const SEED = join(ROOT, 'data/000_97c02de7d0eb7492.txt')
const FORMATS = join(ROOT, 'test/fixtures/formats')

interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs the CLI as a user would (`npm run --silent <command> -- …` is `tsx src/adapters/cli.ts <command> …`). */
function cli(args: readonly string[], options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      TSX,
      [CLI, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    )
    child.stdin?.end(options.stdin ?? '')
  })
}

/** The same commands in this process, for checks that need no real exit code or stdio. */
async function cliInProcess(args: readonly string[]): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const sink = (append: (s: string) => void) => new Writable({ write: (chunk, _enc, done) => (append(String(chunk)), done()) })
  const code = await runCli(args, {
    stdin: Readable.from([]),
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
  })
  return { code, stdout, stderr }
}

const CONTRACT_STATEMENT = ['article', 'paragraph', 'sentence', 'text', 'speaker', 'kind', 'cue', 'start', 'end']
const CONTRACT_QUOTE = ['text', 'speaker', 'kind', 'cue', 'article', 'paragraph', 'sentence', 'start', 'end']

/** A one-line error for people: the `verbatim:` prefix, what and why, and no stack frames. */
function expectOneLineError(run: Run, ...mentions: string[]) {
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^verbatim: /)
  for (const m of mentions) expect(lines[0]).toContain(m)
  expect(run.stderr).not.toMatch(/\n\s+at /)
}

// Each spawned CLI starts tsx and the core: seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 })

let dir: string
let seedLibrary: Library
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verbatim-cli-'))
  seedLibrary = (await loadLibrary(SEED)).library
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('statements', () => {
  it('GIVEN no --data WHEN statements --json runs THEN one JSON object a line per statement of the bundled article, each slicing back out of it', async () => {
    const run = await cli(['statements', '--json'])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const original = await readFile(SEED, 'utf8')
    const rows = run.stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(rows).toHaveLength(seedLibrary.articles[0]!.statements.length)
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(CONTRACT_STATEMENT))
      expect(row['article']).toBe('000_97c02de7d0eb7492.txt')
      expect(original.slice(row['start'] as number, row['end'] as number)).toBe(row['text'])
      expect(['direct', 'reported', 'narration']).toContain(row['kind'])
    }
    expect(rows.map((r) => [r['text'], r['speaker']])).toEqual(seedLibrary.articles[0]!.statements.map((s) => [s.text, s.speaker]))
  })

  it('GIVEN a folder of .txt, .md and .html WHEN statements runs for people THEN each statement is one line with its speaker, under its article', async () => {
    const folder = join(dir, 'mixed')
    await rm(folder, { recursive: true, force: true })
    await mkdir(folder)
    await copyFile(SEED, join(folder, 'seed.txt'))
    await copyFile(join(FORMATS, 'harbour-strike.md'), join(folder, 'harbour-strike.md'))
    await copyFile(join(FORMATS, 'council-vote.html'), join(folder, 'council-vote.html'))
    const run = await cliInProcess(['statements', '--data', folder])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const { library } = await loadLibrary(folder)
    const lines = run.stdout.trimEnd().split('\n')
    const statements = library.articles.flatMap((a) => a.statements)
    expect(lines.filter((l) => l.startsWith('== '))).toHaveLength(3)
    expect(lines.filter((l) => !l.startsWith('== '))).toHaveLength(statements.length)
    for (const s of statements) expect(lines).toContain(`¶${s.paragraph}.${s.sentence} ${s.speaker} (${s.kind}): ${s.text}`)
    expect(run.stdout).toContain('Dock workers strike over pay at the harbour (2024-05-02) [harbour-strike.md]')
  })

  it('GIVEN DATA_DIR in the environment and no --data THEN the articles come from there', async () => {
    const folder = await mkdtemp(join(dir, 'env-'))
    await copyFile(join(FORMATS, 'harbour-strike.md'), join(folder, 'harbour-strike.md'))
    vi.stubEnv('DATA_DIR', folder)
    const run = await cliInProcess(['statements', '--json']).finally(() => vi.unstubAllEnvs())
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const articles = new Set(run.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { article: string }).article))
    expect([...articles]).toEqual(['harbour-strike.md'])
  })

  it.each([
    ['a missing file', async () => join(dir, 'missing.txt'), 'not found'],
    ['an empty file', async () => (await writeFile(join(dir, 'empty.txt'), ''), join(dir, 'empty.txt')), 'empty file'],
    ['a file that is not text', async () => (await copyFile(process.execPath, join(dir, 'node.txt')), join(dir, 'node.txt')), 'not text'],
  ])('GIVEN %s THEN a one-line error naming it, and exit code 1', async (_name, make, reason) => {
    const path = await make()
    const run = await cli(['statements', '--json', '--data', path])
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expectOneLineError(run, path, reason)
  })

  it('GIVEN an unknown option THEN a one-line usage error and exit code 2 (in process)', async () => {
    const run = await cliInProcess(['statements', '--jsn'])
    expect(run.code).toBe(2)
    expectOneLineError(run, '--jsn')
  })
})

describe('ask', () => {
  it('GIVEN a question THEN the rendered answer holds every quote of the core’s answer verbatim with its speaker', async () => {
    const question = 'How many people were killed in the protests?'
    const run = await cli(['ask', question])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const answer = seedLibrary.ask(question)
    if (!answer.answered) throw new Error('the seed answers this')
    for (const quote of answer.quotes) {
      expect(run.stdout).toContain(quote.text)
      expect(run.stdout).toContain(quote.speaker)
    }
  })

  it('GIVEN --json and a question THEN one JSON object with the contract fields, holding exactly the core’s answer', async () => {
    const question = 'What did Amnesty International say?'
    const run = await cli(['ask', '--json', question])
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const lines = run.stdout.trimEnd().split('\n')
    expect(lines).toHaveLength(1)
    const json = JSON.parse(lines[0]!) as { question: string; answered: boolean; quotes: Record<string, unknown>[]; note: string | null }
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['question', 'answered', 'quotes', 'note']))
    const answer = seedLibrary.ask(question)
    expect(json.question).toBe(question)
    expect(json.answered).toBe(answer.answered)
    expect(json.note).toBe(answer.note)
    const quotes = answer.answered ? answer.quotes : []
    expect(json.quotes).toHaveLength(quotes.length)
    json.quotes.forEach((q, i) => {
      expect(Object.keys(q)).toEqual(expect.arrayContaining(CONTRACT_QUOTE))
      const core = quotes[i]!
      expect(q).toMatchObject({ text: core.text, speaker: core.speaker, kind: core.kind, cue: core.cue, article: core.article.id, paragraph: core.paragraph, sentence: core.sentence, start: core.start, end: core.end })
    })
  })

  it('GIVEN --json and questions on stdin THEN one JSON line per question, in order; a refusal has no quotes and says why', async () => {
    const questions = ['how many died?', 'What is the capital of France?', '', 'who is Maryam Rajavi?', '?!']
    const run = await cli(['ask', '--json'], { stdin: `${questions.join('\n')}\n` })
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' })
    const rows = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { question: string; answered: boolean; quotes: { text: string }[]; note: string | null })
    expect(rows.map((r) => r.question)).toEqual(questions)
    rows.forEach((row, i) => {
      const answer = seedLibrary.ask(questions[i]!)
      expect(row.answered).toBe(answer.answered)
      expect(row.note).toBe(answer.note)
      if (!answer.answered) {
        expect(row.quotes).toEqual([])
        expect(typeof row.note).toBe('string')
      } else expect(row.quotes.map((q) => q.text)).toEqual(answer.quotes.map((q) => q.text))
    })
    expect(rows[2]!.answered).toBe(false)
  })

  it('GIVEN --data naming a folder with a bad file THEN the bad file is warned about and the others answer', async () => {
    const folder = await mkdtemp(join(dir, 'warn-'))
    await copyFile(SEED, join(folder, 'seed.txt'))
    await writeFile(join(folder, 'broken.txt'), '')
    const run = await cliInProcess(['ask', '--json', '--data', folder, 'how many died?'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe(`verbatim: skipped ${join(folder, 'broken.txt')}: empty file\n`)
    expect(JSON.parse(run.stdout).question).toBe('how many died?')
  })
})

describe('add', () => {
  it('GIVEN a good file THEN it is copied byte for byte into the data folder; GIVEN an empty one THEN nothing is written and the exit code is 1', async () => {
    const data = await mkdtemp(join(dir, 'data-'))
    const ok = await cli(['add', join(FORMATS, 'council-vote.html'), '--data', data])
    expect(ok.code).toBe(0)
    expect(ok.stdout).toContain('Council approves new tram line')
    expect(await readFile(join(data, 'council-vote.html'))).toEqual(await readFile(join(FORMATS, 'council-vote.html')))

    await writeFile(join(dir, 'blank.md'), '\n\n')
    const bad = await cli(['add', join(dir, 'blank.md'), '--data', data])
    expect(bad.code).toBe(1)
    expectOneLineError(bad, 'blank.md', 'empty file')
    await expect(readFile(join(data, 'blank.md'))).rejects.toThrow()
  })
})
