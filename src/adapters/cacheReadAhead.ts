/**
 * Reads the index cache file on a worker thread while the main thread reads
 * the articles. At 10,000 articles each takes a few hundred milliseconds, and
 * a restart needs both before it answers. The folder normally holds one cache
 * file (`writeCachedLibrary` removes older ones); which file the articles need
 * is known only once they are read and hashed, so the file read ahead is used
 * only when its name is the one their key gives (`openCachedLibrary`).
 */
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { isCacheFileName } from './indexCache.js'

/** A cache file being read on another thread. */
export interface CacheReadAhead {
  /** The file's path. */
  readonly path: string
  /** Its bytes, or null when it could not be read. */
  readonly bytes: Promise<Buffer | null>
  /** Stops reading it: the articles need another file. */
  cancel(): void
}

// Plain CommonJS, evaluated: the worker needs no TypeScript loader, so it starts in milliseconds.
const READER = `
const { readFileSync } = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
let message = null
try {
  const bytes = readFileSync(workerData)
  // The whole buffer is moved, not copied: a file this size has a buffer of its own.
  message = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
} catch {}
parentPort.postMessage(message, message ? [message] : [])
`

/** Starts reading the folder's one cache file; null when the folder holds none, or several (the usual read decides then). */
export function readAheadCache(dir: string): CacheReadAhead | null {
  let names: string[]
  try {
    names = readdirSync(dir).filter(isCacheFileName)
  } catch {
    return null
  }
  if (names.length !== 1) return null
  const path = join(dir, names[0]!)
  const worker = new Worker(READER, { eval: true, workerData: path })
  const bytes = new Promise<Buffer | null>((resolve) => {
    worker.once('message', (message: ArrayBuffer | null) => resolve(message ? Buffer.from(message) : null))
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
  return { path, bytes, cancel: () => void worker.terminate() }
}
