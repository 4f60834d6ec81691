import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import { ARTICLE_EXTENSIONS, parseArticle } from './files.js'

/**
 * `npm run add -- <file-or-url>`: copies a file, or fetches a page, into the
 * data folder, after checking that it reads as an article (the same check
 * loading does). The file is written whole under its final name in one step,
 * so a running bot's watcher never sees half of it.
 */

/** What `addArticle` did, or why it did nothing. */
export type AddResult =
  | { readonly ok: true; readonly file: string; readonly message: string; readonly notes: readonly string[] }
  | { readonly ok: false; readonly reason: string }

export interface AddOptions {
  /** Replace a different file of the same name (default: refuse). */
  readonly force?: boolean
  /** How long a download may take (default 20 s). */
  readonly timeoutMs?: number
  /** The largest download or file accepted (default 10 MB). */
  readonly maxBytes?: number
}

/** Adds one article to the data folder. Expected failures (missing file, bad page, HTTP error) are values. */
export async function addArticle(source: string, dataDir: string, options: AddOptions = {}): Promise<AddResult> {
  const maxBytes = options.maxBytes ?? 10_000_000
  const fetched = /^https?:\/\//i.test(source)
    ? await download(source, options.timeoutMs ?? 20_000, maxBytes)
    : /^[a-z][a-z0-9+.-]*:\/\//i.test(source)
      ? ({ ok: false, reason: `${source}: only http(s) URLs can be fetched` } as const)
      : await readLocal(source, maxBytes)
  if (!fetched.ok) return fetched

  const parsed = await parseArticle(fetched.name, fetched.bytes)
  if (!parsed.ok) return { ok: false, reason: `${source}: ${parsed.reason}` }
  // A page saved without its address in it would lose its link: note where it came from, as browsers do.
  const bytes = fetched.origin && extname(fetched.name) === '.html' ? markSavedFrom(fetched.bytes, fetched.origin) : fetched.bytes

  const folder = await stat(dataDir).catch(() => null)
  if (folder && !folder.isDirectory()) return { ok: false, reason: `${dataDir} is a file; add needs a data folder` }
  await mkdir(dataDir, { recursive: true })

  const target = join(dataDir, fetched.name)
  const existing = await readFile(target).catch(() => null)
  const notes: string[] = []
  if (existing) {
    if (Buffer.compare(existing, bytes) === 0) {
      return { ok: true, file: target, message: `${fetched.name} is already in ${dataDir}, unchanged`, notes }
    }
    if (!options.force) {
      return { ok: false, reason: `${target} already exists with other content (add --force to replace it)` }
    }
    notes.push(`replacing ${target}`)
  }
  // Hidden temporary name: the loader skips dot files, so the half-written file is never read.
  const temporary = join(dataDir, `.${fetched.name}.${process.pid}.part`)
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, target)
  } catch (error) {
    await unlink(temporary).catch(() => undefined)
    return { ok: false, reason: `could not write ${target} (${(error as NodeJS.ErrnoException).code ?? String(error)})` }
  }
  const paragraphs = parsed.article.text.trimEnd().split(/\n\s*\n/).length - 1
  const title = parsed.article.meta?.title ?? parsed.article.text.split('\n', 1)[0]!.trim()
  return { ok: true, file: target, message: `added ${target}: "${title}" (${paragraphs} paragraphs)`, notes }
}

/** A file's name and bytes; for a download, also the address it finally came from. */
type Fetched = { ok: true; name: string; bytes: Uint8Array; origin?: string } | { ok: false; reason: string }

async function readLocal(path: string, maxBytes: number): Promise<Fetched> {
  try {
    const info = await stat(path)
    if (info.isDirectory()) return { ok: false, reason: `${path}: is a folder; add takes one file` }
    if (info.size > maxBytes) return { ok: false, reason: `${path}: too large (${info.size} bytes; at most ${maxBytes})` }
    return { ok: true, name: basename(path), bytes: await readFile(path) }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { ok: false, reason: `${path}: ${code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : `could not be read (${code})`}` }
  }
}

/** The formats a server may send, by media type. */
const EXTENSION_BY_TYPE: Readonly<Record<string, string>> = {
  'text/html': '.html',
  'application/xhtml+xml': '.html',
  'text/markdown': '.md',
  'text/x-markdown': '.md',
  'text/plain': '.txt',
}

async function download(url: string, timeoutMs: number, maxBytes: number): Promise<Fetched> {
  let response: Response
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'text/html, text/markdown, text/plain;q=0.9' } })
  } catch (error) {
    const why = (error as Error).name === 'TimeoutError' ? `no answer within ${timeoutMs / 1000} s` : networkReason(error)
    return { ok: false, reason: `${url}: could not be fetched (${why})` }
  }
  if (!response.ok) {
    await response.body?.cancel()
    return { ok: false, reason: `${url}: could not be fetched (HTTP ${response.status})` }
  }
  const declared = Number(response.headers.get('content-length') ?? 0)
  if (declared > maxBytes) {
    await response.body?.cancel()
    return { ok: false, reason: `${url}: too large (${declared} bytes; at most ${maxBytes})` }
  }
  const bytes = new Uint8Array(await response.arrayBuffer())
  if (bytes.length > maxBytes) return { ok: false, reason: `${url}: too large (more than ${maxBytes} bytes)` }

  const mediaType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase()
  const name = fileNameFor(new URL(response.url || url), EXTENSION_BY_TYPE[mediaType])
  if (!name) return { ok: false, reason: `${url}: not an article (${mediaType || 'no content type'})` }
  return { ok: true, name, bytes, origin: response.url || url }
}

/** undici's `fetch failed` hides the reason in its cause (or the cause's errors, when several addresses were tried). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause
  return cause?.code ?? cause?.errors?.find((e) => e.code)?.code ?? cause?.message ?? (error as Error).message
}

/** `https://x.org/news/story-1?utm=…` → `story-1.html`: the URL's last path segment, made a safe file name. */
function fileNameFor(url: URL, typeExtension: string | undefined): string | null {
  const segment = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '')
  const fromPath = extname(segment).toLowerCase()
  const extension = typeExtension ?? (ARTICLE_EXTENSIONS.includes(fromPath) ? fromPath : undefined)
  if (!extension) return null
  const stem = (ARTICLE_EXTENSIONS.includes(fromPath) ? segment.slice(0, -fromPath.length) : segment) || url.hostname
  const safe = stem.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+|-+$/g, '').slice(0, 100) || 'article'
  return `${safe}${extension === '.htm' ? '.html' : extension}`
}

function markSavedFrom(bytes: Uint8Array, url: string): Uint8Array {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  if (/<!--\s*saved from url=/i.test(head)) return bytes
  const mark = new TextEncoder().encode(`<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n`)
  const out = new Uint8Array(mark.length + bytes.length)
  out.set(mark)
  out.set(bytes, mark.length)
  return out
}
