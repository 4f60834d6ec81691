import type { SourceEntry } from '../../core/types.js'

/** Discord shows at most 25 suggestions, each name and value at most 100 characters. */
const MAX_CHOICES = 25
const MAX_LENGTH = 100

/**
 * Suggestions for `/quotes speaker:` as the user types: the quoted speakers
 * whose name contains what was typed (any case), most quoted first. Names too
 * long for Discord are left out rather than cut, since a cut name would not
 * find the speaker.
 */
export function speakerChoices(sources: readonly SourceEntry[], typed: string): { name: string; value: string }[] {
  const wanted = typed.normalize('NFKC').toLowerCase().trim()
  return sources
    .filter((entry) => entry.speaker.length <= MAX_LENGTH && entry.speaker.normalize('NFKC').toLowerCase().includes(wanted))
    .slice(0, MAX_CHOICES)
    .map((entry) => ({ name: entry.speaker, value: entry.speaker }))
}
