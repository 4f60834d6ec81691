/**
 * Levenshtein distance up to a limit, for spelling correction: only the cells
 * within `limit` of the diagonal are worked out, and a comparison stops once
 * no cell of a row is within the limit.
 */

/** Two rows of cells, reused across the comparisons of one search (see `levenshteinRows`). */
export interface LevenshteinRows {
  previous: Int32Array
  current: Int32Array
}

/** Rows for comparing against a word of `length` characters; made once for many comparisons. */
export function levenshteinRows(length: number): LevenshteinRows {
  return { previous: new Int32Array(length + 2), current: new Int32Array(length + 2) }
}

/**
 * The Levenshtein distance between `a` and `b` where it is at most `limit`,
 * else `limit + 1`. `rows` must fit `a` (`levenshteinRows(a.length)`); made
 * here when not given.
 */
export function levenshteinWithin(a: string, b: string, limit: number, rows: LevenshteinRows = levenshteinRows(a.length)): number {
  const n = a.length
  const m = b.length
  if (Math.abs(n - m) > limit) return limit + 1
  if (rows.previous.length < n + 2) throw new Error(`levenshteinWithin: rows for ${rows.previous.length - 2} characters, not ${n}`)
  let previous = rows.previous
  let current = rows.current
  const over = limit + 1
  for (let j = 0; j <= n; j++) previous[j] = j <= limit ? j : over
  for (let i = 1; i <= m; i++) {
    const from = Math.max(1, i - limit)
    const to = Math.min(n, i + limit)
    current[0] = i <= limit ? i : over
    // The cells just outside the band are read by the next row: they stand for anything beyond the limit.
    if (from > 1) current[from - 1] = over
    let rowLeast = current[0]!
    const char = b.charCodeAt(i - 1)
    for (let j = from; j <= to; j++) {
      const replace = previous[j - 1]! + (a.charCodeAt(j - 1) === char ? 0 : 1)
      const remove = previous[j]! + 1
      const insert = current[j - 1]! + 1
      let cell = replace < remove ? replace : remove
      if (insert < cell) cell = insert
      if (cell > over) cell = over
      current[j] = cell
      if (cell < rowLeast) rowLeast = cell
    }
    if (to < n) current[to + 1] = over
    if (rowLeast > limit) return over
    const swap = previous
    previous = current
    current = swap
  }
  return Math.min(previous[n]!, over)
}
