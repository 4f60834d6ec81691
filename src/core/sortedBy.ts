/** Below this many items, an insertion sort beats `Array.prototype.sort`'s set-up: a question's terms, slots and hits are mostly this few. */
const INSERTION_SORT_UP_TO = 24

/**
 * The items sorted in place by `compare`, stably, as `items.sort(compare)`
 * would sort them, and returned; a short list by insertion, without the call
 * into the engine's sort.
 */
export function sortedBy<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  if (items.length > INSERTION_SORT_UP_TO) return items.sort(compare)
  for (let i = 1; i < items.length; i++) {
    const item = items[i]!
    let at = i
    while (at > 0 && compare(items[at - 1]!, item) > 0) {
      items[at] = items[at - 1]!
      at--
    }
    items[at] = item
  }
  return items
}
