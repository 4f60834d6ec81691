/**
 * Question → Query, without a language model: what kind of answer it wants
 * (read from the question words before they are dropped), which content
 * terms an answer must cover and how much each weighs (IDF: a rare word says
 * more than a common one), and which speaker it asks about.
 */
import { documentFrequency, correctSpelling, isKnownWord, type StatementIndex } from './search.js'
import { findSpeakerMentions, isSpeechNoun, isSpeechVerb, type SpeakerMention } from './speakerMentions.js'
import { CHAT_SPELLINGS, GIST_WORDS, QUESTION_STOP_WORDS } from './stopwords.js'
import { stemForm, toUnits, unitsOf, type Unit } from './terms.js'
import { tokenize, type Token } from './tokenize.js'

/** The kind of answer a question asks for. */
export type QuestionType = 'quantity' | 'time' | 'place' | 'person' | 'reason' | 'other'

/** One thing the answer must be about: any of `anyOf`'s alternatives (each a set of terms held together), or said by one of `speakers`. */
export interface Slot {
  /** The question's own words for it, for people reading a trace. */
  readonly label: string
  /** Alternatives; a statement matches one when it holds every term of it. */
  readonly anyOf: readonly (readonly string[])[]
  /** A statement by one of these speakers matches too (a speaker named in the question). */
  readonly speakers: ReadonlySet<string> | null
  /** IDF of the slot's terms in the index: how much covering it counts. */
  readonly weight: number
}

/** A question, understood. */
export interface Query {
  readonly type: QuestionType
  readonly slots: readonly Slot[]
  /** The speaker asked as the source (`according to X`), whose statements answer. */
  readonly source: SpeakerMention | null
  /** For a quantity: the slots of what is counted (`security forces` in `how many security forces were killed`). */
  readonly counted: readonly Slot[]
  /** Asks for the gist (`What happened?`, `What is this about?`) and names nothing. */
  readonly gist: boolean
}

/** `how many`, `how much`…: words after `how` that ask for a quantity. */
const HOW_QUANTITY = new Set(['many', 'much', 'old', 'long', 'far', 'big', 'large', 'high', 'often', 'tall', 'severe'])
const QUANTITY_NOUNS = new Set(['number', 'numbers', 'toll', 'tally', 'figure', 'figures', 'percentage', 'percent', 'proportion', 'count', 'total', 'amount'])
const TIME_NOUNS = new Set(['time', 'date', 'day', 'year', 'month', 'week', 'hour'])
const PLACE_NOUNS = new Set(['city', 'cities', 'country', 'countries', 'place', 'places', 'town', 'towns', 'region', 'province', 'area', 'village', 'location', 'state'])
const PERSON_NOUNS = new Set(['person', 'people', 'group', 'groups', 'official', 'officials', 'organization', 'organisation', 'party', 'leader', 'man', 'woman'])
const WH = new Set(['what', 'which', 'whats'])
/** Words that only carry the question's type once it is read: `many` in `how many`, `year` in `what year`. */
const TYPE_WORDS = new Set([...HOW_QUANTITY, ...QUANTITY_NOUNS])

/** Reads a question (already cleaned of control and format characters). */
export function parseQuestion(question: string, index: StatementIndex): Query {
  const units = toUnits(tokenize(question).map(unchat))
  const forms = units.map((u) => u.token.forms[0]!)
  const { type, cueWords } = questionType(forms)
  const mentions = findSpeakerMentions(units, index.speakers)
  const source = mentions.find((m) => m.asSource) ?? null
  const skip = new Set<number>(cueWords)
  if (source) for (const i of frameWords(units, source)) skip.add(i)

  const total = index.statements.length
  const slots: Slot[] = []
  for (const mention of mentions) {
    if (mention === source) continue
    for (let i = mention.start; i < mention.end; i++) skip.add(i)
    slots.push({
      label: forms.slice(mention.start, mention.end).join(' '),
      anyOf: [mention.terms],
      speakers: mention.names,
      weight: Math.max(...mention.terms.map((t) => idf(documentFrequency(index.lexicon, t), total))),
    })
  }
  const countedUnits = type === 'quantity' ? countedAfter(units, cueWords) : new Set<number>()
  const counted: Slot[] = []
  units.forEach((unit, i) => {
    if (skip.has(i) || unit.stop || unit.inPhrase) return
    const form = forms[i]!
    if (QUESTION_STOP_WORDS.has(form) && unit.concepts.length === 0) return
    const slot = wordSlot(unit, index, total)
    if (!slot) return
    slots.push(slot)
    if (countedUnits.has(i) && !isPeople(slot)) counted.push(slot)
  })

  const gist = slots.length === 0 && source === null && forms.some((f) => GIST_WORDS.has(f))
  const weighted = type === 'quantity' ? slots.map((slot) => (isPeople(slot) ? { ...slot, weight: slot.weight * 0.25 } : slot)) : slots
  return { type, slots: dedupeSlots(weighted), source, counted, gist }
}

/** The content words right after `how many`: what is counted. */
function countedAfter(units: readonly Unit[], cueWords: readonly number[]): Set<number> {
  const counted = new Set<number>()
  if (cueWords.length === 0) return counted
  for (let i = Math.max(...cueWords) + 1; i < units.length && counted.size < 3; i++) {
    if (units[i]!.stop) break
    counted.add(i)
  }
  return counted
}

/** `ppl` → `people`, `whr` → `where`. */
function unchat(token: Token): Token {
  const word = token.kind === 'word' && token.forms.length === 1 ? CHAT_SPELLINGS[token.forms[0]!] : undefined
  return word ? { ...token, forms: [word] } : token
}

/**
 * People in general: in `how many people were killed` the word only says what
 * is counted (`Over 1,500 killed` answers it), so it weighs little.
 */
function isPeople(slot: Slot): boolean {
  return slot.anyOf.length === 1 && slot.anyOf[0]!.length === 1 && slot.anyOf[0]![0] === '~people'
}

/** The slot of one content word: its concepts, else its stems; a misspelt word is corrected first. */
function wordSlot(unit: Unit, index: StatementIndex, total: number): Slot | null {
  const { token } = unit
  const form = token.forms[0]!
  let alternatives: string[]
  if (unit.concepts.length > 0) {
    alternatives = [...unit.concepts]
  } else if (token.kind === 'word' && !isKnownWord(index.lexicon, form, unit.stems[0]!)) {
    const corrected = correctSpelling(index.lexicon, form)
    if (corrected) {
      const correctedUnit = unitsOf(corrected)[0]
      alternatives = correctedUnit && correctedUnit.concepts.length > 0 ? [...correctedUnit.concepts] : [stemForm(corrected, 'word')]
    } else {
      alternatives = [...unit.stems]
    }
  } else {
    alternatives = [...unit.stems]
  }
  const frequency = Math.max(...alternatives.map((t) => documentFrequency(index.lexicon, t)))
  return { label: form, anyOf: alternatives.map((t) => [t]), speakers: null, weight: idf(frequency, total) }
}

/** BM25's IDF: a term no statement holds weighs most. */
function idf(frequency: number, total: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))
}

/** The same alternatives asked twice (`killed … dead`) count once. */
function dedupeSlots(slots: readonly Slot[]): Slot[] {
  const seen = new Set<string>()
  return slots.filter((slot) => {
    const key = slot.anyOf.map((a) => a.join('+')).join('|')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The question's type, and the positions of the words that only said so. */
function questionType(forms: readonly string[]): { type: QuestionType; cueWords: number[] } {
  for (let i = 0; i < forms.length; i++) {
    const word = forms[i]!
    const next = forms[i + 1]
    if (word === 'how' && next !== undefined && HOW_QUANTITY.has(next)) return { type: 'quantity', cueWords: typeWordsFrom(forms, i + 1) }
    if (QUANTITY_NOUNS.has(word)) return { type: 'quantity', cueWords: typeWordsFrom(forms, i) }
    if (word === 'when') return { type: 'time', cueWords: [] }
    if (word === 'where') return { type: 'place', cueWords: [] }
    if (word === 'who' || word === 'whom' || word === 'whose') return { type: 'person', cueWords: [] }
    if (word === 'why') return { type: 'reason', cueWords: [] }
    if (WH.has(word) && next !== undefined) {
      if (TIME_NOUNS.has(next)) return { type: 'time', cueWords: [i + 1] }
      if (PLACE_NOUNS.has(next)) return { type: 'place', cueWords: [i + 1] }
      if (PERSON_NOUNS.has(next) && next !== 'people') return { type: 'person', cueWords: [i + 1] }
    }
  }
  return { type: 'other', cueWords: [] }
}

/** `many` in `how many`, `number` (and its `of`) in `the number of`. */
function typeWordsFrom(forms: readonly string[], i: number): number[] {
  const cue = [i]
  if (TYPE_WORDS.has(forms[i]!) && forms[i + 1] === 'of') cue.push(i + 1)
  return cue
}

/** The words that frame a source: the speech verb after the name (`did X say`), the noun after its possessive (`X’s estimate`). */
function frameWords(units: readonly Unit[], source: SpeakerMention): number[] {
  const words: number[] = []
  for (let i = source.start; i < source.end; i++) words.push(i)
  for (let i = source.end; i < Math.min(units.length, source.end + 3); i++) {
    const unit = units[i]!
    if (unit.stop) continue
    if (isFrameWord(unit)) words.push(i)
    break
  }
  return words
}

function isFrameWord(unit: Unit): boolean {
  return isSpeechVerb(unit) || isSpeechNoun(unit)
}
