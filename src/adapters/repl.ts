import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { articleLabel } from '../core/format.js'
import type { Library } from '../core/library.js'
import { renderPlain } from '../core/renderPlain.js'
import type { ArticleRef, SourceEntry } from '../core/types.js'
import type { LibraryHolder } from './watch.js'

/** What `startRepl` needs. */
export interface ReplOptions {
  /** The articles to answer from. A holder is read afresh for every line, so a hot reload shows at once. */
  readonly library: Library | LibraryHolder
  readonly input: Readable
  readonly output: Writable
  /**
   * Prompt, history and line editing: by default when both streams are a
   * terminal. Otherwise (piped input) each line is answered with no prompt
   * and the REPL ends at the end of the input.
   */
  readonly interactive?: boolean
  /** Ends the REPL (e.g. on SIGTERM). */
  readonly signal?: AbortSignal
  /** Where an error answering one line is logged; the REPL carries on either way. */
  readonly log?: { error(fields: object, message: string): void }
  /** Lines kept for the arrow keys (default 100). */
  readonly historySize?: number
  /** Earlier sessions' lines, most recent first (as readline keeps them). */
  readonly history?: readonly string[]
  /** Called with the session's history, most recent first, when the REPL ends: to save it if wanted. */
  readonly onHistory?: (history: readonly string[]) => void
}

const PROMPT = 'verbatim> '

const HELP = [
  'Ask a question about the loaded articles; every answer is quoted word for word, with who said it and where.',
  '  :sources            who is quoted, how often, in which articles',
  '  :quotes <speaker>   everything a speaker is quoted as saying (e.g. :quotes Rajavi)',
  '  :articles           the loaded articles, with dates and links',
  '  :help               this help',
  '  :quit               leave (or Ctrl-D)',
].join('\n')

/**
 * Starts the interactive (or piped) REPL: `:help`, `:sources`, `:quotes <speaker>`,
 * `:articles`, `:quit`, Ctrl-D. An error in one line never ends it. Resolves
 * when it ends (`:quit`, Ctrl-D, Ctrl-C on an empty line, end of input, or
 * `signal`), after its output is written.
 */
export function startRepl(options: ReplOptions): Promise<void> {
  const { input, output } = options
  const interactive =
    options.interactive ?? Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY)
  const rl = createInterface({
    input,
    output: interactive ? output : undefined,
    terminal: interactive,
    historySize: options.historySize ?? 100,
    history: [...(options.history ?? [])],
    removeHistoryDuplicates: true,
    crlfDelay: Infinity,
    prompt: PROMPT,
  })
  const libraryNow = (): Library => ('current' in options.library ? options.library.current : options.library)
  const write = (text: string) => output.write(text.endsWith('\n') ? text : `${text}\n`)

  return new Promise<void>((resolvePromise) => {
    let ended = false
    const end = () => {
      if (ended) return
      ended = true
      options.signal?.removeEventListener('abort', onAbort)
      const history = (rl as unknown as { history?: string[] }).history ?? []
      options.onHistory?.([...history])
      if (interactive) output.write('\n')
      // Resolve once what was written has been flushed, so that a caller that exits next loses nothing.
      output.write('', () => resolvePromise())
    }
    const onAbort = () => rl.close()
    if (options.signal?.aborted) return queueMicrotask(() => rl.close())
    options.signal?.addEventListener('abort', onAbort, { once: true })

    rl.on('close', end)
    // Ctrl-C clears a half-typed line; on an empty line it leaves, like Ctrl-D.
    rl.on('SIGINT', () => {
      if (rl.line.length > 0) {
        output.write('\n')
        ;(rl as unknown as { line: string }).line = ''
        rl.prompt()
      } else rl.close()
    })
    rl.on('line', (line) => {
      // Lines already read when :quit closed the session are not answered.
      if (ended) return
      let reply: string | 'quit' | null
      try {
        reply = respond(line, libraryNow())
      } catch (error) {
        options.log?.error({ err: error, line }, 'answering a REPL line failed')
        reply = `Sorry, something went wrong with that one (${error instanceof Error ? error.message : String(error)}). Try another question.`
      }
      if (reply === 'quit') return rl.close()
      // Piped, a blank line separates one reply from the next.
      if (reply !== null) write(interactive ? reply : `${reply}\n\n`)
      if (interactive) rl.prompt()
    })

    if (interactive) {
      write(`Verbatim: ${describeLibrary(libraryNow())}. Ask a question, or :help.`)
      rl.prompt()
    }
  })
}

/** What one line of input gets back: text to print, nothing (a blank line), or the end of the session. */
function respond(line: string, library: Library): string | 'quit' | null {
  const text = line.trim()
  if (text === '') return null
  if (!text.startsWith(':')) return renderPlain(library.ask(text))
  const [command = '', ...rest] = text.slice(1).split(/\s+/)
  const argument = rest.join(' ')
  switch (command.toLowerCase()) {
    case 'q':
    case 'quit':
    case 'exit':
      return 'quit'
    case 'h':
    case '?':
    case 'help':
      return HELP
    case 'sources':
      return renderSources(library.sources())
    case 'quotes':
      return argument === '' ? 'Name a speaker: :quotes <speaker>, e.g. :quotes Amnesty' : renderPlain(library.quotesBy(argument))
    case 'articles':
      return renderArticles(library.list())
    default:
      // Echo only printable characters: what was typed may hold terminal escape sequences.
      return `Unknown command :${command.replace(/[\p{Cc}\p{Cf}]/gu, '')}. Type :help for the commands.`
  }
}

function describeLibrary(library: Library): string {
  const n = library.articles.length
  if (n === 1) return `1 article loaded ("${library.articles[0]!.meta.title}")`
  return `${n} articles loaded`
}

/** `:sources`: who is quoted, how often, in which articles. */
export function renderSources(sources: readonly SourceEntry[]): string {
  if (sources.length === 0) return 'No one is quoted in the loaded articles.'
  return sources
    .map((s) => {
      const who = s.role ? `${s.speaker} (${s.role})` : s.speaker
      const times = s.count === 1 ? '1 quote' : `${s.count} quotes`
      return `${who}: ${times} in ${s.articles.map((a) => articleLabel(a)).join('; ')}`
    })
    .join('\n')
}

/** `:articles`: what is loaded, with dates and links. */
export function renderArticles(articles: readonly ArticleRef[]): string {
  if (articles.length === 0) return 'No articles are loaded.'
  return articles.map((a) => `${articleLabel(a)} [${a.id}]${a.url ? `\n  ${a.url}` : ''}`).join('\n')
}
