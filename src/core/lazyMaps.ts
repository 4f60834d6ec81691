/**
 * Maps whose entries are made when first used, for restoring large snapshots
 * quickly: a restart then builds only what its questions touch. They are real
 * Maps (subclasses): every Map method first makes what it needs, so code that
 * iterates or changes them sees an ordinary Map.
 */

/** A Map that makes all its entries the first time any of its methods is called. */
export class FilledOnUse<K, V> extends Map<K, V> {
  #entries: (() => Iterable<readonly [K, V]>) | null

  constructor(entries: () => Iterable<readonly [K, V]>) {
    super()
    this.#entries = entries
  }

  /** True until the entries are made. */
  protected get pending(): boolean {
    return this.#entries !== null
  }

  protected fill(): void {
    const entries = this.#entries
    if (entries === null) return
    this.#entries = null
    for (const [key, value] of entries()) super.set(key, value)
  }

  override get size(): number {
    this.fill()
    return super.size
  }
  override get(key: K): V | undefined {
    this.fill()
    return super.get(key)
  }
  override has(key: K): boolean {
    this.fill()
    return super.has(key)
  }
  override set(key: K, value: V): this {
    this.fill()
    return super.set(key, value)
  }
  override delete(key: K): boolean {
    this.fill()
    return super.delete(key)
  }
  override clear(): void {
    this.#entries = null
    super.clear()
  }
  override forEach(callback: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    this.fill()
    super.forEach(callback, thisArg)
  }
  override keys(): MapIterator<K> {
    this.fill()
    return super.keys()
  }
  override values(): MapIterator<V> {
    this.fill()
    return super.values()
  }
  override entries(): MapIterator<[K, V]> {
    this.fill()
    return super.entries()
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }
}

/**
 * A Map of `count` entries kept as columns: entry i has key `keyAt(i)` and
 * value `valueAt(i)`, and `position(key)` finds i. Looking a key up makes
 * (once) that entry's value only, and listing its keys makes no value;
 * iterating its entries or values, or changing it, makes the whole Map, in
 * the order i = 0, 1, …
 */
export class IndexedMap<K, V> extends FilledOnUse<K, V> {
  readonly #count: number
  readonly #keyAt: (i: number) => K
  readonly #position: (key: K) => number | undefined
  readonly #valueAt: (i: number) => V
  /** The values made so far, by entry; sized up front when first needed (an array written at scattered places past its end turns into a slow dictionary). */
  #made: (V | undefined)[] | null = null

  constructor(count: number, keyAt: (i: number) => K, position: (key: K) => number | undefined, valueAt: (i: number) => V) {
    super(function* (this: void) {
      for (let i = 0; i < count; i++) yield [keyAt(i), made(i)] as const
    })
    const made = (i: number): V => ((this.#made ??= new Array<V | undefined>(count))[i] ??= valueAt(i))
    this.#count = count
    this.#keyAt = keyAt
    this.#position = position
    this.#valueAt = made
  }

  override get size(): number {
    return this.pending ? this.#count : super.size
  }
  override get(key: K): V | undefined {
    if (!this.pending) return super.get(key)
    const i = this.#position(key)
    return i === undefined ? undefined : this.#valueAt(i)
  }
  override has(key: K): boolean {
    return this.pending ? this.#position(key) !== undefined : super.has(key)
  }
  override keys(): MapIterator<K> {
    if (!this.pending) return super.keys()
    // The keys in the order the filled Map would give them, read off the column.
    const count = this.#count
    const keyAt = this.#keyAt
    return (function* () {
      for (let i = 0; i < count; i++) yield keyAt(i)
    })() as MapIterator<K>
  }
}
