import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { readConfig } from '../config.js'
import type { Library } from '../core/library.js'
import { renderPlain } from '../core/renderPlain.js'
import type { Answer, Quote, Statement } from '../core/types.js'
import { addArticle } from './add.js'
import { loadLibrary } from './files.js'

/**
 * The command line: `statements`, `ask` and `add`. The `--json` output is a
 * contract other tools depend on (issue 2 and 3): keep its fields.
 *
 *     npm run --silent statements -- [--json] [--data PATH]
 *     npm run --silent ask -- [--json] [--data PATH] "question"
 *     npm run --silent ask -- --json < questions.txt      (one question a line)
 *     npm run add -- <file-or-url> [--data FOLDER] [--force]
 *
 * Bad input gets one line on stderr and a non-zero exit, never a stack trace.
 */

export interface CliIo {
  readonly stdin: Readable & { isTTY?: boolean }
  readonly stdout: Writable
  readonly stderr: Writable
}

/** Exit codes: 0 done, 1 the input was bad (a file, a URL, no articles), 2 the command was malformed. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const USAGE = `usage: npm run --silent statements -- [--json] [--data PATH]
       npm run --silent ask -- [--json] [--data PATH] [--max N] "question"
       npm run --silent ask -- [--json] [--data PATH] < questions.txt     (one question a line)
       npm run add -- <file-or-url> [--data FOLDER] [--force]
PATH is an article file (.txt, .md, .html) or a folder of them; the default is DATA_DIR, else data/.`

/** A failure a person can act on: printed as one line, never with a stack. */
class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
  ) {
    super(message)
  }
}

/** Runs one command; resolves to the process's exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const say = (line: string) => io.stdout.write(`${line}\n`)
  const warn = (line: string) => io.stderr.write(`verbatim: ${line}\n`)
  try {
    const [command, ...rest] = argv
    switch (command) {
      case 'statements':
        return await statementsCommand(rest, say, warn)
      case 'ask':
        return await askCommand(rest, io, say, warn)
      case 'add':
        return await addCommand(rest, say, warn)
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout.write(`${USAGE}\n`)
        return command === undefined ? EXIT.usage : EXIT.ok
      default:
        throw new CliError(`unknown command "${command}" (expected statements, ask or add)`, EXIT.usage)
    }
  } catch (error) {
    if (error instanceof CliError) {
      warn(error.message)
      return error.exitCode
    }
    // parseArgs reports unknown or malformed options with a readable message and a code.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      warn(error.message.split('\n')[0]!)
      return EXIT.usage
    }
    // A bug: one line still, no stack.
    warn(`internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`)
    return EXIT.failed
  }
}

async function statementsCommand(args: readonly string[], say: (l: string) => void, warn: (l: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false }, data: { type: 'string' } },
    allowPositionals: true,
  })
  if (positionals.length > 0) throw new CliError(`statements takes no arguments (got "${positionals[0]}")`, EXIT.usage)
  const library = await openLibrary(values.data, warn)
  for (const article of library.articles) {
    if (!values.json) say(`== ${article.meta.title}${article.meta.date ? ` (${article.meta.date})` : ''} [${article.meta.id}]`)
    for (const s of article.statements) say(values.json ? JSON.stringify(statementJson(s)) : statementLine(s))
  }
  return EXIT.ok
}

async function askCommand(args: readonly string[], io: CliIo, say: (l: string) => void, warn: (l: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { json: { type: 'boolean', default: false }, data: { type: 'string' }, max: { type: 'string' } },
    allowPositionals: true,
  })
  const maxQuotes = values.max === undefined ? undefined : Number(values.max)
  if (maxQuotes !== undefined && !(Number.isInteger(maxQuotes) && maxQuotes >= 1 && maxQuotes <= 50)) {
    throw new CliError('--max must be a whole number from 1 to 50', EXIT.usage)
  }
  if (positionals.length === 0 && io.stdin.isTTY) {
    throw new CliError('ask what? Give a question ("how many died?") or pipe questions in, one a line', EXIT.usage)
  }
  const library = await openLibrary(values.data, warn)
  const answer = (question: string) => {
    const result = library.ask(question, maxQuotes === undefined ? {} : { maxQuotes })
    return values.json ? JSON.stringify(answerJson(result)) : renderPlain(result)
  }
  if (positionals.length > 0) {
    say(answer(positionals.join(' ')))
    return EXIT.ok
  }
  // Batch: one question a line, one answer each, in order (blank lines too, so answers line up with questions).
  let first = true
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    if (values.json) say(answer(line))
    else if (line.trim() !== '') {
      say(`${first ? '' : '\n'}> ${printable(line.trim())}\n${answer(line)}`)
      first = false
    }
  }
  return EXIT.ok
}

async function addCommand(args: readonly string[], say: (l: string) => void, warn: (l: string) => void): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { data: { type: 'string' }, force: { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  if (positionals.length !== 1) throw new CliError('add takes one file or http(s) URL', EXIT.usage)
  const result = await addArticle(positionals[0]!, values.data ?? defaultDataPath(), { force: values.force })
  if (!result.ok) throw new CliError(result.reason)
  for (const note of result.notes) warn(note)
  say(result.message)
  return EXIT.ok
}

/** What a user typed, safe to echo to a terminal: no control or format characters (escape sequences, bidi overrides). */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, '')
}

/** `--data`, else DATA_DIR (through the config module), else `data`. */
function defaultDataPath(): string {
  const config = readConfig()
  return config.ok ? config.config.dataDir : 'data'
}

/** Loads the articles; bad files are warned about and skipped, but nothing at all to read is an error. */
async function openLibrary(dataOption: string | undefined, warn: (l: string) => void): Promise<Library> {
  const path = dataOption ?? defaultDataPath()
  const { library, articles, problems } = await loadLibrary(path)
  if (articles.length === 0) {
    const only = problems.length === 1 ? problems[0]! : undefined
    if (only) throw new CliError(`${only.file}: ${only.reason}`)
    for (const p of problems) warn(`skipped ${p.file}: ${p.reason}`)
    throw new CliError(`no articles to read in ${path}`)
  }
  for (const p of problems) warn(`skipped ${p.file}: ${p.reason}`)
  return library
}

/** One line of `statements --json`: the issue 2 contract, plus the speaker's role. */
function statementJson(s: Statement) {
  const { article, paragraph, sentence, text, speaker, kind, cue, start, end, role } = s
  return { article, paragraph, sentence, text, speaker, kind, cue, start, end, role }
}

/** `¶3.2 Philip Luther (direct): “…”`: one statement a line, for people. */
function statementLine(s: Statement): string {
  return `¶${s.paragraph}.${s.sentence} ${s.speaker} (${s.kind}): ${s.text}`
}

/**
 * One answer of `ask --json`: the issue 3 contract. `article` in a quote is
 * the article's id (its file name), as in `statements --json`; the article's
 * title, date and link follow as extra fields.
 */
export function answerJson(answer: Answer) {
  if (!answer.answered) {
    return { question: answer.question, answered: false, quotes: [], note: answer.note, reason: answer.reason }
  }
  return {
    question: answer.question,
    answered: true,
    quotes: answer.quotes.map(quoteJson),
    note: answer.note,
    disagreement: answer.disagreement,
  }
}

function quoteJson(q: Quote) {
  return {
    text: q.text,
    speaker: q.speaker,
    kind: q.kind,
    cue: q.cue,
    article: q.article.id,
    paragraph: q.paragraph,
    sentence: q.sentence,
    start: q.start,
    end: q.end,
    role: q.role,
    title: q.article.title,
    date: q.article.date ?? null,
    url: q.article.url ?? null,
  }
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isEntry) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.ok)
  })
  process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
}
