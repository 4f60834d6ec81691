/**
 * Numbers for repeated strings (speakers, roles, cues), each string once, in
 * first-seen order: columns of numbers then stand for them where statements
 * are stored or sent in columns (the restart snapshot, the worker threads).
 */
export interface StringTable {
  /** The strings, by number. */
  readonly strings: readonly string[]
  /** The number of a string (given one the first time it is seen), or -1 for null. */
  numberOf(text: string | null): number
}

/** An empty string table. */
export function createStringTable(): StringTable {
  const strings: string[] = []
  const numbers = new Map<string, number>()
  return {
    strings,
    numberOf(text) {
      if (text === null) return -1
      let n = numbers.get(text)
      if (n === undefined) {
        n = strings.push(text) - 1
        numbers.set(text, n)
      }
      return n
    },
  }
}

/** A statement's kind by number, as columns store it. */
export const KINDS = ['direct', 'reported', 'narration'] as const
