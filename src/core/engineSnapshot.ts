/**
 * A minisearch engine as plain, structured-clonable data (typed arrays and
 * strings) and the way back, for the restart cache. minisearch's own
 * `toJSON`/`loadJS` turn every posting list into an object and back into a
 * Map (7 million postings at 10,000 articles: seconds); here posting lists
 * stay in typed arrays and each term's Map is filled the first time a search
 * touches it.
 *
 * This reads and writes minisearch's private fields, so it holds for the
 * version pinned in package.json only (`ENGINE_LAYOUT`, engineInternals.ts): a snapshot of
 * another layout is refused (null), and `restoreEngine` checks that a fresh
 * engine still has the fields it sets, refusing otherwise; the cache that
 * holds a snapshot is also keyed by minisearch's installed version.
 */
import MiniSearch, { type Options } from 'minisearch'
import { ENGINE_LAYOUT, internalsOf, isFreshEngine, type TermData } from './engineInternals.js'
import { FilledOnUse, IndexedMap } from './lazyMaps.js'
import { restoreTree, serializeTree, type SerializedTree } from './searchableMapSnapshot.js'

/** An engine as typed arrays: documents by short id, then each term's postings (one field). */
export interface SerializedEngine {
  readonly layout: string
  readonly documentCount: number
  readonly nextId: number
  readonly dirtCount: number
  readonly fieldIds: Readonly<Record<string, number>>
  readonly averageFieldLength: Float64Array
  /** The documents' short ids and their ids (numbers), in the engine's order. */
  readonly shortIds: Uint32Array
  readonly ids: Float64Array
  /** Each document's length in its one field, beside `shortIds`. */
  readonly fieldLengths: Uint32Array
  /** The terms' radix tree as the engine holds it; term t (in the tree's order) has postings `docs/freqs[postingStart[t] .. postingStart[t + 1])`. */
  readonly terms: SerializedTree
  readonly postingStart: Uint32Array
  readonly docs: Uint32Array
  readonly freqs: Uint8Array | Uint16Array | Uint32Array
}

/**
 * The engine as typed arrays. Throws for an engine this snapshot cannot hold
 * (more than one field, stored fields, ids that are not whole numbers): a
 * bug in how the engine was built, not an expected outcome.
 */
export function serializeEngine<T>(engine: MiniSearch<T>): SerializedEngine {
  const inside = internalsOf(engine)
  const fields = Object.values(inside._fieldIds)
  if (fields.length !== 1 || inside._storedFields.size > 0) throw new Error('engine snapshot: one field and no stored fields expected')
  const field = fields[0]!
  const count = inside._documentIds.size
  const shortIds = new Uint32Array(count)
  const ids = new Float64Array(count)
  const fieldLengths = new Uint32Array(count)
  let d = 0
  for (const [shortId, id] of inside._documentIds) {
    if (typeof id !== 'number' || !Number.isInteger(id)) throw new Error('engine snapshot: whole-number document ids expected')
    shortIds[d] = shortId
    ids[d] = id
    fieldLengths[d] = inside._fieldLength.get(shortId)?.[field] ?? 0
    d++
  }
  const { tree: terms, values } = serializeTree<TermData>(inside._index)
  const postingStart: number[] = [0]
  const docs: number[] = []
  const freqs: number[] = []
  let maxFreq = 0
  for (const data of values) {
    if (data.size > 1 || (data.size === 1 && !data.has(field))) throw new Error('engine snapshot: postings in one field expected')
    for (const [doc, freq] of data.get(field) ?? []) {
      docs.push(doc)
      freqs.push(freq)
      if (freq > maxFreq) maxFreq = freq
    }
    postingStart.push(docs.length)
  }
  const Freqs = maxFreq <= 0xff ? Uint8Array : maxFreq <= 0xffff ? Uint16Array : Uint32Array
  return {
    layout: ENGINE_LAYOUT,
    documentCount: inside._documentCount,
    nextId: inside._nextId,
    dirtCount: inside._dirtCount,
    fieldIds: { ...inside._fieldIds },
    averageFieldLength: Float64Array.from(inside._avgFieldLength),
    shortIds,
    ids,
    fieldLengths,
    terms,
    postingStart: Uint32Array.from(postingStart),
    docs: Uint32Array.from(docs),
    freqs: Freqs.from(freqs),
  }
}

/**
 * The engine again, searching exactly as the one snapshotted (same postings
 * in the same order, same lengths and averages), or null when the snapshot
 * does not hold together or was taken from another minisearch layout.
 */
export function restoreEngine<T>(data: SerializedEngine, options: Options<T>): MiniSearch<T> | null {
  if (!fits(data)) return null
  const engine = new MiniSearch<T>(options)
  const inside = internalsOf(engine)
  if (!isFreshEngine(inside) || JSON.stringify(inside._fieldIds) !== JSON.stringify(data.fieldIds)) return null
  const field = Object.values(data.fieldIds)[0]!
  inside._documentCount = data.documentCount
  inside._nextId = data.nextId
  inside._dirtCount = data.dirtCount
  inside._avgFieldLength = Array.from(data.averageFieldLength)
  const { shortIds, ids, fieldLengths } = data
  const count = shortIds.length
  const lengthsAt = (d: number): number[] => {
    const lengths: number[] = []
    lengths[field] = fieldLengths[d]!
    return lengths
  }
  if (shortIds.every((shortId, d) => shortId === d)) {
    // Short ids 0, 1, 2, … as an engine that was only ever added to has them: the maps by short id answer from
    // the arrays, and become Maps only if iterated or changed.
    const position = (key: number): number | undefined => (Number.isInteger(key) && key >= 0 && key < count ? key : undefined)
    const keyAt = (d: number): number => d
    inside._documentIds = new IndexedMap(count, keyAt, position, (d) => ids[d]!)
    inside._fieldLength = new IndexedMap(count, keyAt, position, lengthsAt)
  } else {
    for (let d = 0; d < count; d++) {
      inside._documentIds.set(shortIds[d]!, ids[d]!)
      inside._fieldLength.set(shortIds[d]!, lengthsAt(d))
    }
  }
  // Only adding and removing documents look ids up: filled then.
  inside._idToShortId = new FilledOnUse(function* () {
    for (let d = 0; d < count; d++) yield [ids[d]!, shortIds[d]!] as const
  })
  const { postingStart, docs, freqs, terms } = data
  const termData = (t: number): TermData => {
    const from = postingStart[t]!
    const to = postingStart[t + 1]!
    return new FilledOnUse(() => {
      const postings = new Map<number, number>()
      for (let i = from; i < to; i++) postings.set(docs[i]!, freqs[i]!)
      return [[field, postings] as const]
    })
  }
  const tree = restoreTree(terms, termData)
  if (tree === null) return null
  inside._index = new inside._index.constructor(tree)
  return engine
}

/** The sizes and bounds of a snapshot agree (a foreign or damaged one is refused rather than searched). */
function fits(data: SerializedEngine): boolean {
  const { shortIds, ids, fieldLengths, terms, postingStart, docs, freqs } = data
  if (data.layout !== ENGINE_LAYOUT || Object.keys(data.fieldIds).length !== 1) return false
  if (ids.length !== shortIds.length || fieldLengths.length !== shortIds.length || data.averageFieldLength.length !== 1) return false
  const count = terms.values
  if (postingStart.length !== count + 1 || postingStart[0] !== 0 || postingStart[count] !== docs.length || freqs.length !== docs.length) return false
  for (let t = 0; t < count; t++) if (postingStart[t]! > postingStart[t + 1]!) return false
  return shortIds.every((shortId) => shortId < data.nextId)
}
