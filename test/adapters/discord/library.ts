import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createLibrary, type Library } from '../../../src/core/library.js'

const ARTICLES = fileURLToPath(new URL('../../fixtures/articles/', import.meta.url))

/** The seed article alone, or every fixture article (the seed and the five corpus articles). */
export function fixtureLibrary(which: 'seed' | 'all' = 'seed'): Library {
  const names = readdirSync(ARTICLES)
    .filter((name) => name.endsWith('.txt'))
    .filter((name) => which === 'all' || name.startsWith('000_'))
    .sort()
  return createLibrary(names.map((name) => ({ id: name, text: readFileSync(ARTICLES + name, 'utf8') })))
}
