/**
 * minisearch's private state as version 7.2.0 (pinned exactly in
 * package.json) keeps it: what the index builder fills (search.ts), the
 * snapshot saves and restores (engineSnapshot.ts) and retrieval scores from
 * (lookup.ts). One description and one check, so that another minisearch
 * fails in one place.
 */
import type MiniSearch from 'minisearch'
import type { TreeNode } from './searchableMapSnapshot.js'

/** The minisearch whose internals are described here. */
export const ENGINE_LAYOUT = 'minisearch 7.2.0'

/** A term's postings by field id: statement short ids and term frequencies. */
export type TermData = Map<number, Map<number, number>>

/** minisearch's private state (7.2.0), as far as Verbatim reads or sets it. */
export interface EngineInternals {
  _index: {
    readonly _tree: TreeNode
    readonly _prefix: string
    readonly size: number
    get(term: string): TermData | undefined
    set(term: string, data: TermData): unknown
    readonly constructor: new (tree: TreeNode) => EngineInternals['_index']
  }
  _documentCount: number
  /** One past the largest short id given. */
  _nextId: number
  _dirtCount: number
  _fieldIds: Record<string, number>
  _avgFieldLength: number[]
  _documentIds: Map<number, unknown>
  _idToShortId: Map<unknown, number>
  _fieldLength: Map<number, number[]>
  _storedFields: Map<number, unknown>
}

/** The engine's private state (a view of the same object, typed). */
export function internalsOf<T>(engine: MiniSearch<T>): EngineInternals {
  return engine as unknown as EngineInternals
}

/** A fresh engine has every private field Verbatim sets, of the kind it expects, all empty. */
export function isFreshEngine(inside: EngineInternals): boolean {
  const maps = [inside._documentIds, inside._idToShortId, inside._fieldLength, inside._storedFields]
  return (
    maps.every((m) => m instanceof Map && m.size === 0) &&
    typeof inside._index?.set === 'function' &&
    inside._index._tree instanceof Map &&
    inside._index._tree.size === 0 &&
    inside._index._prefix === '' &&
    Array.isArray(inside._avgFieldLength) &&
    [inside._documentCount, inside._nextId, inside._dirtCount].every((n) => n === 0) &&
    typeof inside._fieldIds === 'object'
  )
}
