/**
 * A minisearch `SearchableMap` (a radix tree of Maps) as a table of its
 * nodes, and the way back, node for node: the tree comes back with every
 * node's keys in the order they had, so it iterates, and searches by prefix
 * or fuzzily, exactly as the original. Inserting the keys again would not do:
 * where a later key split an edge, the split node moved to the end of its
 * parent, so the order depends on the insertion history.
 *
 * The restored nodes make their entries when first used (`FilledOnUse`): a
 * restart builds no tree at all, and a question builds the few nodes on the
 * paths it walks, not the hundreds of thousands of a large index.
 *
 * It reads the tree `_tree` behind the map (minisearch 7.2.0: a Map per node,
 * the value under the key '', see engineSnapshot.ts for the pin); both the
 * standalone `SearchableMap` and the copy inside MiniSearch are built this way.
 */
import { FilledOnUse } from './lazyMaps.js'

/** A radix tree node: edge labels to child nodes, and the value under ''. */
export type TreeNode = Map<string, unknown>

/** The key a node keeps its value under. */
const LEAF = ''

/**
 * A tree as a table: node n's entries are `entryStart[n] .. entryStart[n + 1]`
 * (node 0 is the root); entry e has key `labels.slice(labelEnd[e - 1], labelEnd[e])`
 * ('' for the node's value: labels in one string, so that loading them is
 * one copy rather than half a million small strings) and `targets[e]`: the
 * child node's number, or for a value `-1 - i` where i numbers the values in
 * the order the table lists them.
 */
export interface SerializedTree {
  readonly entryStart: Uint32Array
  readonly labels: string
  readonly labelEnd: Uint32Array
  readonly targets: Int32Array
  readonly values: number
}

/** The tree as a table, and its values in the table's order. */
export function serializeTree<V>(map: { readonly _tree?: unknown; readonly _prefix?: unknown }): { tree: SerializedTree; values: V[] } {
  if (!(map._tree instanceof Map) || map._prefix !== '') throw new Error('tree snapshot: a whole SearchableMap (7.2.0) expected')
  const nodes: TreeNode[] = [map._tree as TreeNode]
  const entryStart: number[] = [0]
  const labels: string[] = []
  const labelEnd: number[] = []
  let labelLength = 0
  const targets: number[] = []
  const values: V[] = []
  for (let n = 0; n < nodes.length; n++) {
    for (const [key, child] of nodes[n]!) {
      labels.push(key)
      labelEnd.push((labelLength += key.length))
      if (key === LEAF) {
        targets.push(-1 - values.length)
        values.push(child as V)
      } else {
        targets.push(nodes.length)
        nodes.push(child as TreeNode)
      }
    }
    entryStart.push(labels.length)
  }
  const tree = { entryStart: Uint32Array.from(entryStart), labels: labels.join(''), labelEnd: Uint32Array.from(labelEnd), targets: Int32Array.from(targets), values: values.length }
  return { tree, values }
}

/**
 * The tree again, with `valueAt(i)` as its i-th value, its nodes made when
 * first used; null when the table does not hold together (each node but the
 * root the child of exactly one earlier entry, every value once).
 */
export function restoreTree<V>(data: SerializedTree, valueAt: (i: number) => V): TreeNode | null {
  const { entryStart, labels, labelEnd, targets } = data
  const nodes = entryStart.length - 1
  const entries = targets.length
  if (nodes < 1 || entryStart[0] !== 0 || entryStart[nodes] !== entries || labelEnd.length !== entries) return null
  if (entries > 0 && labelEnd[entries - 1] !== labels.length) return null
  const labelStart = (e: number): number => (e === 0 ? 0 : labelEnd[e - 1]!)
  // Breadth first, as serialised: the children of a node are numbered in order after all earlier nodes' children.
  let nextNode = 1
  let nextValue = 0
  for (let n = 0; n < nodes; n++) {
    if (entryStart[n]! > entryStart[n + 1]!) return null
    for (let e = entryStart[n]!; e < entryStart[n + 1]!; e++) {
      const target = targets[e]!
      if (labelStart(e) > labelEnd[e]!) return null
      const isValue = labelStart(e) === labelEnd[e]
      if (isValue ? target !== -1 - nextValue++ : target !== nextNode++) return null
    }
  }
  if (nextNode !== nodes || nextValue !== data.values) return null
  const node = (n: number): TreeNode =>
    new FilledOnUse(function* () {
      for (let e = entryStart[n]!; e < entryStart[n + 1]!; e++) {
        const target = targets[e]!
        yield [labels.slice(labelStart(e), labelEnd[e]), target < 0 ? valueAt(-1 - target) : node(target)] as const
      }
    })
  return node(0)
}
