/**
 * Keeps whole items, in order, while their rendered cost fits the budget.
 * Used by every platform renderer: a quote that does not fit is dropped whole,
 * never cut, because a cut quote is no longer verbatim.
 */
export function fitWhole<T>(
  items: readonly T[],
  cost: (item: T) => number,
  budget: number,
): { kept: T[]; dropped: number } {
  const kept: T[] = []
  let used = 0
  for (const item of items) {
    const c = cost(item)
    if (used + c > budget) break
    kept.push(item)
    used += c
  }
  return { kept, dropped: items.length - kept.length }
}
