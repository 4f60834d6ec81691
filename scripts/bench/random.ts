/**
 * Seeded randomness for the benchmark corpus: the same seed gives the same
 * articles and questions on every machine and every run (no clock, no
 * `Math.random`).
 */

/** A source of numbers in [0, 1), with the helpers the generators need. */
export interface Random {
  /** The next number in [0, 1). */
  next(): number
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T
  /** True with probability `p`. */
  chance(p: number): boolean
}

/**
 * mulberry32: a small, fast 32-bit generator, good enough to shape a corpus
 * (not for anything secret). Streams are derived from a seed and a label, so
 * article 7 is the same whether 100 or 10,000 are generated.
 */
export function createRandom(seed: number, stream = 0): Random {
  let state = mix(seed ^ mix(stream + 0x9e3779b9))
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (p) => next() < p,
  }
}

/** A 32-bit integer hash (murmur3's finaliser): spreads nearby seeds apart. */
function mix(value: number): number {
  let h = value | 0
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

/**
 * Draws ranks from a Zipf–Mandelbrot law, P(rank r) ∝ 1 / (r + q)^s: a few
 * words very common, most rare, as in news text. Drawing is a binary search
 * over the cumulative weights.
 */
export function createZipf<T>(items: readonly T[], exponent = 1, offset = 2.7): (random: Random) => T {
  if (items.length === 0) throw new Error('createZipf needs at least one item')
  const cumulative = new Float64Array(items.length)
  let total = 0
  for (let r = 0; r < items.length; r++) {
    total += 1 / Math.pow(r + 1 + offset, exponent)
    cumulative[r] = total
  }
  return (random) => {
    const target = random.next() * total
    let low = 0
    let high = items.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (cumulative[middle]! < target) low = middle + 1
      else high = middle
    }
    return items[low]!
  }
}
