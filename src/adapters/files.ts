import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { classifyBlocks } from '../core/article.js'
import type { ArticleInput, Library } from '../core/library.js'
import { buildLibrary } from './buildLibrary.js'
import { markdownToArticle } from './files/markdown.js'
import { decodeText, type Converted } from './files/text.js'

/**
 * Reading article files and folders: the only file-system access to articles.
 *
 * Each file becomes an `ArticleInput` (id = the file name) for the library (`buildLibrary`):
 * - `.txt`: the text as it is (title line, then paragraphs);
 * - `.md` / `.markdown`: front matter (`title`, `url`, `date`, `byline`,
 *   `publisher`) as metadata, the body as plain text;
 * - `.html` / `.htm`: the article Readability finds in the page, as plain text,
 *   with the page's title, link, date, byline and publisher.
 *
 * What Verbatim quotes is the text it holds: for `.md` and `.html` that is the
 * extracted plain text (`ArticleInput.text`), and every quote's offsets point
 * into it, not into the file's markup.
 */

/** A file that was not loaded, and why. Expected, so a value. */
export interface LoadProblem {
  readonly file: string
  readonly reason: string
}

export interface LoadResult {
  readonly articles: readonly ArticleInput[]
  readonly problems: readonly LoadProblem[]
}

/** The file endings read as articles in a folder. */
export const ARTICLE_EXTENSIONS: readonly string[] = ['.txt', '.md', '.markdown', '.html', '.htm']

/**
 * Remembers each file's conversion by size and modification time, so that
 * reloading a folder (hot reload) re-reads only what changed.
 */
export type LoadCache = Map<string, { readonly size: number; readonly mtimeMs: number; readonly result: ParsedFile }>

export function createLoadCache(): LoadCache {
  return new Map()
}

/**
 * Loads an article file, or every article file in a folder (not its
 * subfolders), in name order. Files that cannot be read or parsed are listed
 * in `problems` with the reason; the others still load.
 */
export async function loadArticles(path: string, options: { cache?: LoadCache } = {}): Promise<LoadResult> {
  let info: Awaited<ReturnType<typeof stat>>
  try {
    info = await stat(path)
  } catch (error) {
    return { articles: [], problems: [{ file: path, reason: fsReason(error) }] }
  }
  if (info.isFile()) {
    const result = await loadFile(path, options.cache)
    return result.ok ? { articles: [result.article], problems: [] } : { articles: [], problems: [{ file: path, reason: result.reason }] }
  }
  if (!info.isDirectory()) return { articles: [], problems: [{ file: path, reason: 'not a file or folder' }] }

  const entries = (await readdir(path, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && !isScratch(entry.name))
    .map((entry) => entry.name)
    .sort()
  const articles: ArticleInput[] = []
  const problems: LoadProblem[] = []
  // One file after the other, with synchronous reads: at 10,000 files that is a tenth of the time of as many
  // concurrent reads through libuv's pool (four system calls each, and a promise for every one). A long folder
  // gives the event loop a turn every few hundred files, so that a hot reload does not stall a running bot.
  for (const [i, name] of entries.entries()) {
    if (i % FILES_BETWEEN_TURNS === FILES_BETWEEN_TURNS - 1) await new Promise((resolve) => setImmediate(resolve))
    const result = ARTICLE_EXTENSIONS.includes(extname(name).toLowerCase())
      ? await loadFile(join(path, name), options.cache)
      : { ok: false as const, reason: `not an article file (expected ${ARTICLE_EXTENSIONS.join(', ')})` }
    if (result.ok) articles.push(result.article)
    else problems.push({ file: join(path, name), reason: result.reason })
  }
  // A cache that outlives deleted files would grow without end.
  if (options.cache) {
    const present = new Set(entries.map((name) => join(path, name)))
    for (const key of options.cache.keys()) if (key.startsWith(join(path, '/')) && !present.has(key)) options.cache.delete(key)
  }
  return { articles, problems }
}

/** How many files are read between two turns of the event loop. */
const FILES_BETWEEN_TURNS = 256

/** The library of everything `loadArticles` could read at `path`, and what it could not. */
export async function loadLibrary(
  path: string,
  options: { cache?: LoadCache } = {},
): Promise<LoadResult & { readonly library: Library }> {
  const loaded = await loadArticles(path, options)
  return { ...loaded, library: await buildLibrary(loaded.articles) }
}

/** One file's article, or why it is not one. */
export type ParsedFile = { readonly ok: true; readonly article: ArticleInput } | { readonly ok: false; readonly reason: string }

/**
 * Reads an article from a file's bytes; the format comes from the name's
 * ending (anything else is read as plain text). No I/O: `npm run add` checks a
 * download with it before saving. Asynchronous only because the HTML reader
 * (linkedom, ~0.3 s to import) is loaded the first time a page turns up.
 */
export async function parseArticle(name: string, bytes: Uint8Array): Promise<ParsedFile> {
  const id = basename(name)
  const ext = extname(id).toLowerCase()
  const fallbackTitle = id.replace(/(\.source)?\.[^.]+$/i, '')
  const isHtml = ext === '.html' || ext === '.htm'
  let converted: Converted
  if (isHtml) {
    const decoded = decodeHtml(bytes)
    if (!decoded.ok) return decoded
    const { htmlToArticle } = await import('./files/html.js')
    converted = htmlToArticle(decoded.text, fallbackTitle)
  } else {
    const decoded = decodeText(bytes)
    if (!decoded.ok) return decoded
    converted =
      ext === '.md' || ext === '.markdown'
        ? markdownToArticle(decoded.text, fallbackTitle)
        : { ok: true, text: decoded.text, meta: {} }
  }
  if (!converted.ok) return converted
  if (!hasBody(converted.text)) {
    return { ok: false, reason: isHtml ? 'no article text found in the page' : 'no article text after the title line' }
  }
  const hasMeta = Object.keys(converted.meta).length > 0
  return { ok: true, article: { id, text: converted.text, ...(hasMeta ? { meta: converted.meta } : {}) } }
}

/**
 * True when the text has a body block after its title. A block's role depends
 * only on the lines before it, so the blocks of the first lines of a text are
 * the first blocks of the whole: the first 4, 8, 16, … lines are classified
 * until a body turns up (nearly always in the first 4: title, blank line,
 * first paragraph), not the whole article.
 */
function hasBody(text: string): boolean {
  const hasBodyBlock = (part: string): boolean => classifyBlocks(part).some((block) => block.role === 'body')
  let cut = -1
  for (let lines = 0, probe = 4; ; probe *= 2) {
    while (lines < probe) {
      cut = text.indexOf('\n', cut + 1)
      if (cut < 0) return hasBodyBlock(text)
      lines++
    }
    if (hasBodyBlock(text.slice(0, cut))) return true
  }
}

async function loadFile(path: string, cache: LoadCache | undefined): Promise<ParsedFile> {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    // The size and time come from the open file, not from a second look at the path.
    const info = cache ? fstatSync(fd) : undefined
    const cached = cache?.get(path)
    if (info && cached && cached.size === info.size && cached.mtimeMs === info.mtimeMs) return cached.result
    const bytes = readFileSync(fd)
    closeSync(fd)
    fd = undefined
    const result = await parseArticle(path, bytes)
    if (cache && info) cache.set(path, { size: info.size, mtimeMs: info.mtimeMs, result })
    return result
  } catch (error) {
    return { ok: false, reason: fsReason(error) }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/**
 * A page's bytes in the encoding it declares; UTF-8 if it declares none,
 * then windows-1252 (what browsers assume) if it is not valid UTF-8.
 */
function decodeHtml(bytes: Uint8Array): ReturnType<typeof decodeText> {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024))
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]?.toLowerCase()
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && isEncoding(declared)) return decodeText(bytes, declared)
  const utf8 = decodeText(bytes)
  if (!utf8.ok && !declared && utf8.reason.startsWith('not text (not valid')) return decodeText(bytes, 'windows-1252')
  return utf8
}

function isEncoding(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}

/** Hidden files, editor backups and half-written downloads are not articles. */
function isScratch(name: string): boolean {
  return name.startsWith('.') || name.endsWith('~') || /\.(tmp|part|swp)$/i.test(name)
}

/** An fs error → a reason a person reads: no stack, no errno soup. */
function fsReason(error: unknown): string {
  const code = (error as { code?: string } | null)?.code
  switch (code) {
    case 'ENOENT':
      return 'not found'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder'
    case 'ENOTDIR':
      return 'not found (a part of the path is not a folder)'
    default:
      return `could not be read (${code ?? (error instanceof Error ? error.message : String(error))})`
  }
}
