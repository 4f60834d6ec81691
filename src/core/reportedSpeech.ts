/**
 * Someone no statement has as its speaker may still be reported by another:
 * `South Africa said Mr Mugabe had told President Jacob Zuma…`. A statement
 * reports what they said when one of their words stands right before a
 * speech verb (`Mugabe had told`, `his spokesman said`), not merely when it
 * names them (`'Khamenei's thugs tortured Navid…'`).
 */
import { isSpeechVerb } from './speakerMentions.js'
import { holdsAnyTerm, type Unit } from './terms.js'

/** How many words after the person's a speech verb may stand: `Mugabe had told`, `the spokesman had earlier said`. */
const VERB_WITHIN = 3

/**
 * Does the text (as units) report what someone said: a word holding one of
 * `head`'s terms (the head of the question's words for them: `spokesperson`
 * in `Tsvangirai's spokesperson`), then a speech verb with only stop words
 * between (`Gallup Korea poll released` is no word of Korea's)?
 */
export function reportsSpeechOf(units: readonly Unit[], head: ReadonlySet<string>): boolean {
  for (let i = 0; i < units.length; i++) {
    if (!holdsAnyTerm(units[i]!, head)) continue
    for (let j = i + 1; j <= Math.min(units.length - 1, i + VERB_WITHIN); j++) {
      if (isSpeechVerb(units[j])) return true
      if (!units[j]!.stop) break
    }
  }
  return false
}
