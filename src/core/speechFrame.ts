/**
 * Questions that ask what someone said: `what did X say`, `how does X
 * describe …`, `according to X`, `X’s reaction`. Found by their shape, so they
 * work for a speaker the directory does not know (`What did Khamenei say?`):
 * then the answer must be something X is quoted as saying, not a sentence
 * that only mentions X.
 */
import { isSpeechNoun, isSpeechVerb } from './speakerMentions.js'
import type { Unit } from './terms.js'

/** Where a question asks for someone's words. */
export interface SpeechFrame {
  /** The units naming who speaks (`the tunisian PM`, without `the`). */
  readonly subject: readonly number[]
  /** The units that only frame the asking (`according`, `to`, `say`, `reaction`). */
  readonly frame: readonly number[]
}

const AUXILIARIES = new Set(['do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'is', 'was', 'are', 'were'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those'])
const ADVERBS = new Set(['also', 'actually', 'really', 'ever', 'first', 'initially', 'later', 'then', 'originally', 'officially', 'publicly', 'exactly', 'just', 'now'])
/** Longest subject taken: `the head of yoon's own party` is as long as they get. */
const MAX_SUBJECT = 5

/** The first speech frame of a question, or null. */
export function findSpeechFrame(units: readonly Unit[]): SpeechFrame | null {
  for (let i = 0; i < units.length; i++) {
    // `according to X`
    if (formAt(units, i) === 'according' && formAt(units, i + 1) === 'to') {
      const subject = runAfter(units, i + 2)
      if (subject.length > 0) return { subject, frame: [i, i + 1] }
    }
    // `did X say`, `has X said`, `does X think`
    if (AUXILIARIES.has(formAt(units, i) ?? '')) {
      const subject = runAfter(units, i + 1)
      let next = (subject[subject.length - 1] ?? i) + 1
      // `did the head of yoon's own party want`: the verb may follow an `of` complement.
      if (formAt(units, next) === 'of') {
        let j = next + 1
        while (j < units.length && j < next + 1 + MAX_SUBJECT && !isSpeechVerb(units[j]) && (!units[j]!.stop || DETERMINERS.has(formAt(units, j)!) || formAt(units, j) === 'own')) j++
        if (isSpeechVerb(units[j])) next = j
      }
      while (ADVERBS.has(formAt(units, next) ?? '')) next++
      if (subject.length > 0 && isSpeechVerb(units[next])) return { subject, frame: [next] }
    }
    // `X's reaction`, `X’s figure for the dead`
    if (units[i]!.token.possessive && !units[i]!.stop && isSpeechNoun(units[i + 1])) {
      const subject = runBefore(units, i)
      if (subject.length > 0) return { subject, frame: [i + 1] }
    }
  }
  return null
}

/** The first form of unit `i`, or undefined past the end. */
function formAt(units: readonly Unit[], i: number): string | undefined {
  return units[i]?.token.forms[0]
}

/**
 * Content units from `start` on, past leading determiners, up to the first
 * other stop word; a head's `of` complement stays out (`the head of the
 * party`: the head speaks, the party is what the question is about).
 */
function runAfter(units: readonly Unit[], start: number): number[] {
  let i = start
  while (i < units.length && DETERMINERS.has(units[i]!.token.forms[0]!)) i++
  const run: number[] = []
  for (; i < units.length && run.length < MAX_SUBJECT; i++) {
    const unit = units[i]!
    // `Iran's own government`
    if (unit.token.forms[0] === 'own' && run.length > 0) continue
    if (unit.stop || isSpeechVerb(unit)) break
    run.push(i)
  }
  return run
}

/** Content units ending at `end`, going back to the first stop word. */
function runBefore(units: readonly Unit[], end: number): number[] {
  const run: number[] = []
  for (let i = end; i >= 0 && run.length < MAX_SUBJECT; i--) {
    if (units[i]!.stop) break
    run.unshift(i)
  }
  return run
}
