/**
 * The speaker directory as columns of numbers over one table of strings, and
 * the way back, for the restart cache. As Maps, Sets and arrays (structured
 * clone's own way) it is half a million small objects to decode; as columns
 * it is a few typed arrays. Restoring makes the contexts at once (a question
 * reads them by number; their terms and statements when read) and the maps'
 * values when a question looks them up: each map finds a key by binary
 * search in its keys sorted, so even its Map is made only if something
 * iterates it.
 */
import { IndexedMap } from './lazyMaps.js'
import type { SpeakerContext, SpeakerDirectory } from './speakerMentions.js'

/** Lists of numbers in one array: list i is `list[start[i] .. start[i + 1])`. */
interface Lists {
  readonly start: Uint32Array
  readonly list: Uint32Array
}

/** A map from strings to lists of numbers: keys by number in the strings, in the map's order, then the lists beside them. */
interface ListMap extends Lists {
  readonly keys: Uint32Array
  /** The entries' positions, their keys in ascending order. */
  readonly sorted: Uint32Array
}

/** The speaker directory in columns; every string by number in `strings`. */
export interface SerializedDirectory {
  readonly strings: readonly string[]
  readonly longestKey: number
  /** `keys`: each key, its names (a list of strings), and its flags (1 whole, 2 named). */
  readonly keys: ListMap & { readonly flags: Uint8Array }
  readonly statementsBy: ListMap
  /** Each context's name, its term set (by number in `termSets`, shared as the build shares them) and statements. */
  readonly contextNames: Uint32Array
  readonly contextTermSets: Uint32Array
  readonly termSets: Lists
  readonly contextStatements: Lists
  readonly contextOf: Uint32Array
  readonly contextsWith: ListMap
  readonly contextsOf: ListMap
}

const WHOLE = 1
const NAMED = 2

/** The directory in columns. */
export function serializeDirectory(directory: SpeakerDirectory): SerializedDirectory {
  const strings: string[] = []
  const numbers = new Map<string, number>()
  const numberOf = (text: string): number => {
    let n = numbers.get(text)
    if (n === undefined) {
      n = strings.push(text) - 1
      numbers.set(text, n)
    }
    return n
  }
  const lists = (all: Iterable<Iterable<number>>): Lists => {
    const start = [0]
    const list: number[] = []
    for (const items of all) {
      for (const item of items) list.push(item)
      start.push(list.length)
    }
    return { start: Uint32Array.from(start), list: Uint32Array.from(list) }
  }
  const keysOf = (map: ReadonlyMap<string, unknown>) => {
    const keys = [...map.keys()]
    const sorted = keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0))
    return { keys: Uint32Array.from(keys, numberOf), sorted: Uint32Array.from(sorted) }
  }
  const listMap = (map: ReadonlyMap<string, Iterable<number>>): ListMap => ({ ...keysOf(map), ...lists(map.values()) })
  const entries = [...directory.keys.values()]
  const termSets = new Map<ReadonlySet<string>, number>()
  for (const context of directory.contexts) if (!termSets.has(context.terms)) termSets.set(context.terms, termSets.size)
  return {
    strings,
    longestKey: directory.longestKey,
    keys: {
      ...keysOf(directory.keys),
      ...lists(entries.map((entry) => [...entry.names].map(numberOf))),
      flags: Uint8Array.from(entries, (entry) => (entry.whole ? WHOLE : 0) | (entry.named ? NAMED : 0)),
    },
    statementsBy: listMap(directory.statementsBy),
    contextNames: Uint32Array.from(directory.contexts, (context) => numberOf(context.name)),
    contextTermSets: Uint32Array.from(directory.contexts, (context) => termSets.get(context.terms)!),
    termSets: lists([...termSets.keys()].map((terms) => [...terms].map(numberOf))),
    contextStatements: lists(directory.contexts.map((context) => context.statements)),
    contextOf: directory.contextOf,
    contextsWith: listMap(directory.contextsWith),
    contextsOf: listMap(directory.contextsOf),
  }
}

interface ContextSource {
  readonly data: SerializedDirectory
  readonly termSetAt: (s: number) => Set<string>
}

/**
 * A context whose terms and statements are made when first read: 60,000
 * contexts hold 400,000 terms and as many statement numbers, and a question
 * reads a few hundred contexts. Getters on the class, so a context costs a
 * few words until then.
 */
class RestoredContext implements SpeakerContext {
  readonly #source: ContextSource
  readonly #context: number
  #statements: number[] | undefined

  constructor(
    readonly name: string,
    source: ContextSource,
    context: number,
  ) {
    this.#source = source
    this.#context = context
  }

  get terms(): ReadonlySet<string> {
    return this.#source.termSetAt(this.#source.data.contextTermSets[this.#context]!)
  }

  get statements(): readonly number[] {
    return (this.#statements ??= listOf(this.#source.data.contextStatements, this.#context))
  }
}

/** The directory again, equal to the one serialised; null when the columns do not hold together. */
export function restoreDirectory(data: SerializedDirectory): SpeakerDirectory | null {
  const { strings } = data
  const contexts = data.contextNames.length
  const termSetCount = data.termSets.start.length - 1
  const stringLists = [data.keys, data.termSets]
  const numberMaps = [data.statementsBy, data.contextsWith, data.contextsOf, data.keys]
  const fits =
    numberMaps.every((m) => m.start.length === m.keys.length + 1 && below(m.keys, strings.length) && isOrder(m)) &&
    [...stringLists, data.statementsBy, data.contextsWith, data.contextsOf, data.contextStatements].every(holds) &&
    stringLists.every((lists) => below(lists.list, strings.length)) &&
    [data.contextsWith, data.contextsOf].every((m) => below(m.list, contexts)) &&
    data.keys.flags.length === data.keys.keys.length &&
    data.contextTermSets.length === contexts &&
    data.contextStatements.start.length === contexts + 1 &&
    below(data.contextNames, strings.length) &&
    below(data.contextTermSets, termSetCount) &&
    below(data.contextOf, contexts)
  if (!fits) return null
  const keys = lazyMap(data.keys, strings, (i) => {
    const names = new Set<string>()
    eachOf(data.keys, i, (name) => names.add(strings[name]!))
    const flags = data.keys.flags[i]!
    return { names, whole: (flags & WHOLE) !== 0, named: (flags & NAMED) !== 0 }
  })
  const termSets = new Array<Set<string> | undefined>(termSetCount)
  const source: ContextSource = {
    data,
    termSetAt: (s) => {
      let terms = termSets[s]
      if (!terms) {
        terms = new Set<string>()
        eachOf(data.termSets, s, (term) => terms!.add(strings[term]!))
        termSets[s] = terms
      }
      return terms
    },
  }
  const restoredContexts = Array.from(data.contextNames, (name, c) => new RestoredContext(strings[name]!, source, c))
  return {
    keys,
    longestKey: data.longestKey,
    statementsBy: lazyMap(data.statementsBy, strings, (i) => listOf(data.statementsBy, i)),
    contexts: restoredContexts,
    contextOf: data.contextOf,
    contextsWith: lazyMap(data.contextsWith, strings, (i) => listOf(data.contextsWith, i)),
    contextsOf: lazyMap(data.contextsOf, strings, (i) => listOf(data.contextsOf, i)),
  }
}

function holds(lists: Lists): boolean {
  const { start, list } = lists
  if (start.length === 0 || start[0] !== 0 || start[start.length - 1] !== list.length) return false
  for (let i = 1; i < start.length; i++) if (start[i - 1]! > start[i]!) return false
  return true
}

function below(values: Uint32Array, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! >= limit) return false
  return true
}

function eachOf(lists: Lists, i: number, use: (item: number) => void): void {
  for (let k = lists.start[i]!; k < lists.start[i + 1]!; k++) use(lists.list[k]!)
}

function listOf(lists: Lists, i: number): number[] {
  return Array.from(lists.list.subarray(lists.start[i]!, lists.start[i + 1]!))
}

/** A Map over a column of keys whose values are made when looked up (or when the map is iterated). */
function lazyMap<V>(map: ListMap, strings: readonly string[], valueAt: (i: number) => V): Map<string, V> {
  const { keys, sorted } = map
  const keyAt = (i: number): string => strings[keys[i]!]!
  const position = (key: string): number | undefined => {
    let low = 0
    let high = sorted.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const i = sorted[middle]!
      const found = keyAt(i)
      if (found === key) return i
      if (found < key) low = middle + 1
      else high = middle - 1
    }
    return undefined
  }
  return new IndexedMap(keys.length, keyAt, position, valueAt)
}

/**
 * `sorted` lists every entry once. That its keys ascend is `serializeDirectory`'s to keep (checking it would
 * compare 200,000 strings on every restart); a damaged file is refused by the cache's checksum before this.
 */
function isOrder(map: ListMap): boolean {
  const { keys, sorted } = map
  if (sorted.length !== keys.length) return false
  const seen = new Uint8Array(keys.length)
  for (let k = 0; k < sorted.length; k++) {
    const i = sorted[k]!
    if (i >= keys.length || seen[i]) return false
    seen[i] = 1
  }
  return true
}
