/** Timing and memory helpers for the benchmark. */

/** The q-quantile (0…1) of sorted values, by the nearest-rank method. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1]!
}

/** Milliseconds taken by `run`, and what it returned. */
export function timed<T>(run: () => T): { ms: number; value: T } {
  const start = performance.now()
  const value = run()
  return { ms: performance.now() - start, value }
}

/** Milliseconds until what `run` returns settles, and its value. */
export async function timedAsync<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now()
  const value = await run()
  return { ms: performance.now() - start, value }
}

/** Collects garbage when node runs with `--expose-gc` (the bench script does); otherwise a no-op. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) {
    gc()
    gc()
  }
}

/** Collects the young generation only (a scavenge, about a millisecond) when node runs with `--expose-gc`. */
export function collectYoungGarbage(): void {
  const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc
  if (gc) gc({ type: 'minor' })
}

/** Heap in use, in MB, after collecting garbage. */
export function heapUsedMB(): number {
  collectGarbage()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** Rounds for printing: three significant decimals below 1, fewer above. */
export function round(value: number): number {
  if (!Number.isFinite(value)) return value
  const digits = Math.abs(value) < 1 ? 4 : Math.abs(value) < 100 ? 2 : 1
  return Number(value.toFixed(digits))
}
