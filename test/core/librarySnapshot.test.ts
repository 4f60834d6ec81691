import { describe, expect, it } from 'vitest'
import { createLibrary } from '../../src/core/library.js'
import { restoreLibrary, serializeLibrary, type SerializedLibrary } from '../../src/core/librarySnapshot.js'
import { fixtureInputs as inputs, libraryFacts } from './libraryFacts.js'

const built = createLibrary(inputs)
/** The library's snapshot as the cache holds it: through structured clone, as the adapter's V8 serialisation does. */
const snapshot = (): SerializedLibrary => structuredClone(serializeLibrary(built))

describe('serializeLibrary / restoreLibrary', () => {
  it('GIVEN a library through structured clone and back THEN it tells everything a freshly built one tells, every article and statement included', () => {
    const restored = restoreLibrary(inputs, snapshot())
    expect(restored).not.toBeNull()
    expect(libraryFacts(restored!)).toEqual(libraryFacts(createLibrary(inputs)))
    expect(restored!.articles.flatMap((a) => a.statements).length).toBeGreaterThan(100)
  })

  it('GIVEN a snapshot, which holds no statement’s text THEN every restored statement is a slice of its article’s own text', () => {
    const strings = new Set(serializeLibrary(built).strings)
    expect(built.articles.flatMap((a) => a.statements).filter((s) => strings.has(s.text))).toEqual([])
    for (const article of restoreLibrary(inputs, snapshot())!.articles) {
      for (const s of article.statements) expect(article.original.slice(s.start, s.end)).toBe(s.text)
    }
  })

  it.each([
    ['other articles', () => inputs.slice(1)],
    ['the articles in another order', () => [...inputs].reverse()],
    ['an article renamed', () => inputs.map((a, i) => (i === 0 ? { ...a, id: `renamed-${a.id}` } : a))],
    ['an article cut short', () => inputs.map((a, i) => (i === 0 ? { ...a, text: a.text.slice(0, 200) } : a))],
  ])('GIVEN %s THEN the snapshot does not fit and restoring gives null', (_, changed) => {
    expect(restoreLibrary(changed(), snapshot())).toBeNull()
  })

  it.each([
    ['another format', (s: SerializedLibrary): SerializedLibrary => ({ ...s, format: -1 })],
    ['a statement column cut short', (s: SerializedLibrary): SerializedLibrary => ({ ...s, columns: { ...s.columns, end: s.columns.end.slice(1) } })],
    ['paragraphs cut short', (s: SerializedLibrary): SerializedLibrary => ({ ...s, paragraphs: s.paragraphs.slice(2) })],
    ['a speaker string missing', (s: SerializedLibrary): SerializedLibrary => ({ ...s, strings: s.strings.slice(0, 1) })],
  ])('GIVEN a snapshot with %s THEN restoring gives null', (_, spoil) => {
    expect(restoreLibrary(inputs, spoil(snapshot()))).toBeNull()
  })
})
