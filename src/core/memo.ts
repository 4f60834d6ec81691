/**
 * Bounded memos for what answering recomputes from a word or a statement and
 * the index alone (a word's stem and spelling, a statement's units): a chat
 * bot meets the same words again and again. Only pure results are kept, so an
 * answer is the same whether or not they were remembered; never a question
 * or an answer.
 */
import type { StatementIndex } from './search.js'
import { stem, unitsOf, type Stemmer, type Unit } from './terms.js'

/**
 * A memo that holds about `limit` recent entries, at most 2 × `limit`: when
 * full, the older half is forgotten at once, and what is still asked for is
 * carried over from it. Values are never undefined.
 */
export class BoundedMemo<K, V> {
  private recent = new Map<K, V>()
  private older = new Map<K, V>()

  constructor(private readonly limit: number) {}

  /** The remembered value for `key`, or `compute(key)` remembered. */
  get(key: K, compute: (key: K) => V): V {
    const known = this.recent.get(key)
    if (known !== undefined) return known
    // `null` is a value too (a term no statement holds): only undefined means not remembered.
    const old = this.older.get(key)
    const value = old !== undefined ? old : compute(key)
    if (this.recent.size >= this.limit) {
      this.older = this.recent
      this.recent = new Map()
    }
    this.recent.set(key, value)
    return value
  }

  /** How many entries are held now. */
  get size(): number {
    return this.recent.size + this.older.size
  }
}

/** One `make(owner)` per owner (an index, its lexicon), made on first use and gone with the owner. */
export function perOwner<O extends object, T>(make: (owner: O) => T): (owner: O) => T {
  const made = new WeakMap<O, T>()
  return (owner) => {
    let value = made.get(owner)
    if (value === undefined) {
      value = make(owner)
      made.set(owner, value)
    }
    return value
  }
}

/** How many words' stems a question stemmer keeps: far more than a day's questions use. */
const STEMS_KEPT = 20_000

/** One bounded stemmer per owner (an index): what its questions and the statements they read share. */
export const stemmerFor = perOwner((_owner: object): Stemmer => boundedStemmer())

/** A stemmer that remembers the last words it stemmed, up to a bound: for questions, which reuse their words. */
export function boundedStemmer(limit = STEMS_KEPT): Stemmer {
  const memo = new BoundedMemo<string, string>(limit)
  return (word) => memo.get(word, stem)
}

/**
 * How many statements' units are kept per index (about 5 MB at most): those
 * read for the figures, places and reported speech of the last fifty or so
 * questions that needed them.
 */
const STATEMENTS_KEPT = 500

/** A statement's units (by statement number), remembered per index: the same statements answer many questions. */
export const statementUnitsOf = perOwner((index: StatementIndex): ((id: number) => readonly Unit[]) => {
  const stemmer = stemmerFor(index)
  const memo = new BoundedMemo<number, readonly Unit[]>(STATEMENTS_KEPT)
  const read = (id: number): readonly Unit[] => unitsOf(index.statements[id]!.text, stemmer)
  return (id) => memo.get(id, read)
})

/**
 * A per-index memo of what `read` works out from a statement's units, by
 * statement number, about `limit` kept: for small facts every question of
 * a kind reads of its candidates (their places, their quantities).
 */
export function rememberedPerStatement<T>(limit: number, read: (units: readonly Unit[]) => T): (index: StatementIndex) => (id: number) => T {
  return perOwner((index: StatementIndex) => {
    const unitsOfStatement = statementUnitsOf(index)
    const memo = new BoundedMemo<number, T>(limit)
    const compute = (id: number): T => read(unitsOfStatement(id))
    return (id: number): T => memo.get(id, compute)
  })
}
