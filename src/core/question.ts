/**
 * Question → Query, without a language model: what kind of answer it wants
 * (read from the question words before they are dropped), which content
 * terms an answer must cover and how much each weighs (IDF: a rare word says
 * more than a common one), and which speaker it asks about.
 */
import { documentFrequency, isKnownWord } from './lookup.js'
import { correctSpelling } from './spelling.js'
import { BoundedMemo, perOwner, stemmerFor } from './memo.js'
import type { StatementIndex } from './search.js'
import { findSpeakerMentions, isSpeechNoun, isSpeechVerb, type SpeakerMention } from './speakerMentions.js'
import { CHAT_SPELLINGS, GIST_WORDS, misspeltStopWord, QUESTION_STOP_WORDS, STOP_WORDS } from './stopwords.js'
import { findSpeechFrame } from './speechFrame.js'
import { sortedBy } from './sortedBy.js'
import { relatedAt, stemForm, toUnits, unitsOf, type Stemmer, type Unit } from './terms.js'
import { token, tokenize, type Token } from './tokenize.js'

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
  /** Positions (in `slots`) of the slots next to it in the question: `bardo` and `museum` in `the Bardo museum`. */
  readonly next: readonly number[]
  /** Only sets the scene (`after the attack`, `during the protests`): what the article is about covers it. */
  readonly context: boolean
  /** No loaded statement holds any of its terms: a word of the question the articles never use. */
  readonly absent?: boolean
  /** The related words (synonyms.ts RELATED_GROUPS) of a word the articles do use: a statement holding one covers it in part. */
  readonly looser?: readonly (readonly string[])[]
}

/** Whose statements answer: a speaker the question asks as its source. */
export interface Source {
  readonly label: string
  /**
   * The speaker contexts (speakerMentions.ts) that are this source: a speaker
   * the directory named, or one whose name, role or aliases hold the
   * question's words for them (`the Tunisian PM`, Amnesty's director).
   */
  readonly contexts: ReadonlySet<number>
  /**
   * IDF of the source's statements among all: a statement by the source
   * covers this much of the question, as a slot it holds would (`what did
   * Netanyahu tell Congress about Iran`: his address to Congress answers,
   * though it names the Iran deal only as a `bad deal`).
   */
  readonly weight: number
}

/** A question, understood. */
export interface Query {
  readonly type: QuestionType
  readonly slots: readonly Slot[]
  /** The speaker asked as the source (`according to X`, `what did X say`), whose statements answer. */
  readonly source: Source | null
  /**
   * Asks what someone said whom no statement has as its speaker (`what did
   * Mugabe tell Zuma`, `what was Washington's reaction`): their words are
   * slots, and only statements reporting what they said answer (`South
   * Africa said Mr Mugabe had told President Jacob Zuma…`): these are the
   * terms of their words (see reportedSpeech.ts). Null for other questions.
   */
  readonly reported: ReadonlySet<string> | null
  /** For a quantity: the slots of what is counted (`security forces` in `how many security forces were killed`). */
  readonly counted: readonly Slot[]
  /** The quantity is a count (`how many`, `the death toll`), not a length, age or share. */
  readonly counting: boolean
  /** The quantity is a length of time (`how long`, `how much jail time`). */
  readonly duration: boolean
  /** Asks for the gist (`What happened?`, `What is this about?`) and names nothing. */
  readonly gist: boolean
}

/** `how many`, `how much`…: words after `how` that ask for a quantity. */
const HOW_QUANTITY = new Set(['many', 'much', 'old', 'long', 'far', 'big', 'large', 'high', 'often', 'tall', 'severe'])
const QUANTITY_NOUNS = new Set(['number', 'numbers', 'toll', 'tally', 'figure', 'figures', 'percentage', 'percent', 'proportion', 'count', 'total', 'amount'])
/** Words that make a quantity a length of time: `how much jail time`. */
const DURATION_WORDS = new Set(['time', 'duration', 'long', 'length'])
/** Quantity words that count things (people, cities), unlike `how long` or `what percentage`. */
const COUNT_NOUNS = new Set(['number', 'numbers', 'toll', 'tally', 'figure', 'figures', 'count', 'total'])
const TIME_NOUNS = new Set(['time', 'date', 'day', 'year', 'month', 'week', 'hour'])
const PLACE_NOUNS = new Set(['city', 'cities', 'country', 'countries', 'place', 'places', 'town', 'towns', 'region', 'province', 'area', 'village', 'location', 'state'])
const PERSON_NOUNS = new Set(['person', 'people', 'group', 'groups', 'official', 'officials', 'organization', 'organisation', 'party', 'leader', 'man', 'woman'])
const WH = new Set(['what', 'which', 'whats'])
/** Words that only carry the question's type once it is read: `many` in `how many`, `year` in `what year`. */
const TYPE_WORDS = new Set([...HOW_QUANTITY, ...QUANTITY_NOUNS])

/** Reads a question (already cleaned of control and format characters). */
export function parseQuestion(question: string, index: StatementIndex): Query {
  const indexWords = questionWordsOf(index)
  const units = toUnits(
    tokenize(question).map((token) => unchat(token, indexWords)),
    indexWords.stemmer,
  )
  const forms = units.map((u) => u.token.forms[0]!)
  const { type, cueWords, counting } = questionType(forms)
  const duration = type === 'quantity' && (forms.some((f, i) => f === 'how' && forms[i + 1] === 'long') || forms.some((f) => DURATION_WORDS.has(f)))
  const total = index.statements.length
  const skip = new Set<number>(cueWords)
  // `how much jail time`: `time` only says a length of time is asked for.
  if (duration) forms.forEach((f, i) => DURATION_WORDS.has(f) && skip.add(i))

  const mentions = findSpeakerMentions(units, index.speakers)
  let known = mentions.find((m) => m.asSource)
  const { source, reported } = known ? knownSource(units, forms, known, indexWords, skip) : framedSource(units, forms, indexWords, skip)
  // Someone no statement has as its speaker stays a word of the question, as any other name it mentions.
  if (reported) known = undefined

  const slots: SlotDraft[] = []
  const unitOfSlot: number[] = []
  for (const mention of mentions) {
    if (mention === known) continue
    for (let i = mention.start; i < mention.end; i++) skip.add(i)
    let weight = -Infinity
    for (const t of mention.terms) weight = Math.max(weight, idf(documentFrequency(index.lexicon, t), total))
    slots.push(draftSlot(forms.slice(mention.start, mention.end).join(' '), [mention.terms], mention.names, weight, false, false, undefined))
    unitOfSlot.push(mention.start)
  }
  const countedUnits = type === 'quantity' ? countedAfter(units, cueWords) : NO_UNITS
  const counted: Slot[] = []
  for (let i = 0; i < units.length; i++) {
    const slot = wordSlot(units, forms, i, skip, indexWords, total)
    if (!slot) continue
    slots.push(slot)
    unitOfSlot.push(i)
    if (countedUnits.has(i) && !isPeople(slot)) counted.push(slot)
  }

  discountAbsentWords(slots)
  const gist = slots.length === 0 && source === null && forms.some((f) => GIST_WORDS.has(f))
  if (type === 'quantity') for (const slot of slots) if (isPeople(slot)) slot.weight = slot.weight * 0.25
  const joined = joinCoordinated(slots, unitOfSlot, forms, units)
  linkNeighbours(joined.slots, joined.units, units)
  return { type, slots: dedupeSlots(joined.slots), source, reported, counted, counting, duration, gist }
}

/**
 * Whose words a question asks for: a source some statements have as their
 * speaker, or, where none has (`what did Mugabe tell Zuma`), the head word of
 * the question's words for them, to find in reports of what they said
 * (`Query.reported`). Both null where the question asks no one's words.
 */
interface Sourcing {
  readonly source: Source | null
  readonly reported: ReadonlySet<string> | null
}

const NO_SOURCING: Sourcing = { source: null, reported: null }

/** The source a question names by a speaker the directory knows (`according to Amnesty`), whose frame words it skips. */
function knownSource(units: readonly Unit[], forms: readonly string[], known: SpeakerMention, indexWords: QuestionWords, skip: Set<number>): Sourcing {
  const { index } = indexWords
  const contexts = new Set<number>()
  for (const name of known.names) for (const c of index.speakers.contextsOf.get(name) ?? []) contexts.add(c)
  for (const c of describedBy(index, known.terms.map((t) => [t]))) contexts.add(c)
  const frameAt = frameWords(units, known)
  if (contexts.size === 0) {
    // Only the speech verb is skipped: the name stays a word of the question.
    for (const i of frameAt) if (i >= known.end) skip.add(i)
    return { source: null, reported: headOf(units, known.start, known.end, indexWords) }
  }
  for (const i of frameAt) skip.add(i)
  return { source: sourceOf(index, forms.slice(known.start, known.end).join(' '), contexts), reported: null }
}

/**
 * Someone the directory does not know by name (`What did Khamenei say?`):
 * their name or role must still be the speaker's; where no speaker's is, their
 * words are the question's and reports of what they said answer.
 */
function framedSource(units: readonly Unit[], forms: readonly string[], indexWords: QuestionWords, skip: Set<number>): Sourcing {
  const frame = findSpeechFrame(units)
  if (!frame) return NO_SOURCING
  const words = frame.subject.filter((i) => !units[i]!.stop && !QUESTION_STOP_WORDS.has(forms[i]!)).map((i) => alternativesOf(units[i]!, indexWords))
  // `why do people call her …`: people in general are nobody's name.
  if (words.length === 0 || words.every((alternatives) => alternatives.length === 1 && alternatives[0] === PEOPLE)) return NO_SOURCING
  const contexts = describedBy(indexWords.index, words)
  if (contexts.size === 0) {
    for (const i of frame.frame) skip.add(i)
    return { source: null, reported: headOf(units, frame.subject[0]!, frame.subject[frame.subject.length - 1]! + 1, indexWords) }
  }
  for (const i of [...frame.subject, ...frame.frame]) skip.add(i)
  return { source: sourceOf(indexWords.index, frame.subject.map((i) => forms[i]).join(' '), contexts), reported: null }
}

/**
 * The slot of the content word (or idiom, skipping its other words) at `i`,
 * or null for a word taken already, a stop word or a filler.
 */
function wordSlot(units: readonly Unit[], forms: readonly string[], i: number, skip: Set<number>, indexWords: QuestionWords, total: number): SlotDraft | null {
  const { index } = indexWords
  const unit = units[i]!
  if (skip.has(i) || unit.inPhrase) return null
  // An idiom no article uses (`come apart`, `put on hold`) asks for the articles' words for it.
  const idiom = unit.span > 1 ? null : relatedIdiom(units, i, skip, index)
  if (idiom) for (let j = i + 1; j < i + idiom.span; j++) skip.add(j)
  // A stop word counts only where it starts a phrase (`being held`, `get away`).
  const phrase = unit.span > 1
  if ((unit.stop || QUESTION_STOP_WORDS.has(forms[i]!)) && !phrase && !idiom) return null
  if (unit.concepts.includes(FILLER)) return null
  // A word no article uses (`telcos`) asks for the articles' words for it (`telecommunications`), before any
  // spelling correction would read it as another word (`liftoff` as `lifted`) and after it finds nothing.
  const facts = unit.concepts.length === 0 ? factsOfUnit(indexWords, unit) : null
  const unknown = !idiom && unit.concepts.length === 0 && !(facts ? facts.known : isKnownWord(index.lexicon, forms[i]!, unit.stems[0]!))
  let related = idiom ?? (unknown ? relatedWords(units, i, 1, index) : null)
  const own = related ? [] : alternativesOf(unit, indexWords, facts).map((t) => [t])
  let frequency = related ? 0 : -Infinity
  for (const alternative of own) frequency = Math.max(frequency, frequencyOfAll(index, alternative))
  if (!related && frequency === 0) related = relatedWords(units, i, 1, index)
  return draftSlot(
    idiom ? forms.slice(i, i + idiom.span).join(' ') : forms[i]!,
    related ? [...related.anyOf] : own,
    null,
    // Related words stand in for a word no article uses and weigh as much as it: a statement must hold one of them.
    idf(frequency, total) * (QUALIFIERS.has(forms[i]!) ? QUALIFIER_WEIGHT : VERACITY_WORDS.has(forms[i]!) ? VERACITY_WEIGHT : 1),
    setsTheScene(units, i),
    frequency === 0 && !related,
    related || frequency === 0 ? undefined : looserWords(units, i, own, index),
  )
}

/** A slot while the question is read: its weight and neighbours are settled last, in place. */
interface SlotDraft extends Slot {
  weight: number
  next: readonly number[]
  readonly absent: boolean
  readonly looser: readonly (readonly string[])[] | undefined
}

/** A slot of one shape whatever it holds (no neighbours yet): code that reads slots meets one hidden class, never a spread's. */
function draftSlot(
  label: string,
  anyOf: readonly (readonly string[])[],
  speakers: ReadonlySet<string> | null,
  weight: number,
  context: boolean,
  absent: boolean,
  looser: readonly (readonly string[])[] | undefined,
): SlotDraft {
  return { label, anyOf, speakers, weight, next: NO_NEIGHBOURS, context, absent, looser }
}

const NO_NEIGHBOURS: readonly number[] = []
const NO_UNITS: ReadonlySet<number> = new Set()

/**
 * `towns and cities`, `torture or arrests`: one slot that either word covers
 * (the question asks about both; a statement about one of them answers).
 */
function joinCoordinated(
  slots: readonly SlotDraft[],
  unitOfSlot: readonly number[],
  forms: readonly string[],
  questionUnits: readonly Unit[],
): { slots: SlotDraft[]; units: number[] } {
  const joined: SlotDraft[] = []
  const units: number[] = []
  slots.forEach((slot, k) => {
    const at = unitOfSlot[k]!
    const previous = joined[joined.length - 1]
    const previousAt = units[units.length - 1]
    const link = forms[at - 1]
    if (previous && !slot.speakers && !previous.speakers && (coordinated(previousAt!, at, link) || offeredChoice(questionUnits, forms, previousAt!, at))) {
      joined[joined.length - 1] = draftSlot(
        `${previous.label} or ${slot.label}`,
        [...previous.anyOf, ...slot.anyOf],
        previous.speakers,
        Math.max(previous.weight, slot.weight),
        previous.context,
        previous.absent,
        previous.looser,
      )
      return
    }
    joined.push(slot)
    units.push(at)
  })
  return { slots: joined, units }
}

/** `towns and cities`, `torture or arrests`: two words side by side, joined. */
function coordinated(previousAt: number, at: number, link: string | undefined): boolean {
  return previousAt === at - 2 && (link === 'and' || link === 'or')
}

/**
 * `calm or is there fighting`, `legit or made up`: a choice the question
 * offers, either side of an `or` with only stop words between; a statement
 * saying either answers it.
 */
function offeredChoice(units: readonly Unit[], forms: readonly string[], previousAt: number, at: number): boolean {
  let or = false
  for (let i = previousAt + 1; i < at; i++) {
    if (forms[i] === 'or') or = true
    else if (!units[i]!.stop && !QUESTION_STOP_WORDS.has(forms[i]!)) return false
  }
  return or
}

const NOUN_PHRASE_GLUE = new Set(['of', 'the', 'a', 'an'])
/** The concept of phrases that carry nothing in a question (synonyms.ts). */
const FILLER = '~filler'
/** Prepositions of time that set the scene: `after the attack`. */
const SCENE_PREPOSITIONS = new Set(['after', 'during', 'following', 'since', 'before', 'amid', 'throughout'])
const SCENE_GLUE = new Set(['the', 'a', 'an', 'this', 'that', 'his', 'her', 'its', 'their', 'these', 'those'])

/** Is the word inside a scene-setting phrase: `after the (Bardo) attack`? */
function setsTheScene(units: readonly Unit[], at: number): boolean {
  let words = 0
  for (let i = at - 1; i >= 0; i--) {
    const form = units[i]!.token.forms[0]!
    if (SCENE_PREPOSITIONS.has(form)) return true
    if (SCENE_GLUE.has(form)) continue
    if (units[i]!.stop || ++words > 2) return false
  }
  return false
}

/** Links each slot to the slots beside it in the question (past stop words such as `of` and `the`), in place. */
function linkNeighbours(slots: readonly SlotDraft[], unitOfSlot: readonly number[], units: readonly Unit[]): void {
  if (slots.length < 2) return
  const order = sortedBy(slots.map((_, k) => k), (a, b) => unitOfSlot[a]! - unitOfSlot[b]!)
  const next: number[][] = slots.map(() => [])
  for (let j = 1; j < order.length; j++) {
    const a = order[j - 1]!
    const b = order[j]!
    if (adjacent(units, unitOfSlot[a]!, unitOfSlot[b]!)) {
      next[a]!.push(b)
      next[b]!.push(a)
    }
  }
  slots.forEach((slot, k) => {
    slot.next = next[k]!
  })
}

/** `Bardo museum`, `capital of Kenya`, `Iran's interior minister`: units `a` and `b` are words of one name or noun phrase. */
function adjacent(units: readonly Unit[], a: number, b: number): boolean {
  for (let i = Math.min(a, b) + 1; i < Math.max(a, b); i++) if (!NOUN_PHRASE_GLUE.has(units[i]!.token.forms[0]!)) return false
  return Math.abs(a - b) <= 3
}

/** The terms of the last content word of units `[start, end)`: the head of a name or noun phrase (`Tsvangirai's spokesperson`); null for none. */
function headOf(units: readonly Unit[], start: number, end: number, indexWords: QuestionWords): ReadonlySet<string> | null {
  for (let i = end - 1; i >= start; i--) {
    const unit = units[i]!
    // As the word's slot reads it: a word no article uses (`spokesperson`) by the articles' words for it (`spokesman`).
    if (!unit.stop && !unit.inPhrase) {
      return new Set([...alternativesOf(unit, indexWords), ...(relatedWords(units, i, 1, indexWords.index)?.anyOf.flat() ?? [])])
    }
  }
  return null
}

function sourceOf(index: StatementIndex, label: string, contexts: ReadonlySet<number>): Source {
  let statements = 0
  for (const c of contexts) statements += index.speakers.contexts[c]!.statements.length
  return { label, contexts, weight: idf(statements, index.statements.length) }
}

/** The speaker contexts whose name, role or aliases hold every word (any of its alternatives). */
function describedBy(index: StatementIndex, words: readonly (readonly string[])[]): Set<number> {
  const [first, ...rest] = words
  if (!first) return new Set<number>()
  const firstHolding = contextsHolding(index, first)
  if (rest.length === 0) return firstHolding
  const restHolding = rest.map((alternatives) => contextsHolding(index, alternatives))
  const described = new Set<number>()
  for (const c of firstHolding) if (restHolding.every((set) => set.has(c))) described.add(c)
  return described
}

/** The speaker contexts whose name, role or aliases hold any of the alternatives, in the directory's order for each. */
function contextsHolding(index: StatementIndex, alternatives: readonly string[]): Set<number> {
  const holding = new Set<number>()
  for (const t of alternatives) for (const c of index.speakers.contextsWith.get(t) ?? []) holding.add(c)
  return holding
}

/** The content words right after `how many`: what is counted. */
function countedAfter(units: readonly Unit[], cueWords: readonly number[]): Set<number> {
  const counted = new Set<number>()
  if (cueWords.length === 0) return counted
  for (let i = Math.max(...cueWords) + 1; i < units.length && counted.size < 3; i++) {
    // `is the 304 number accurate`: what is said of the figure is no thing counted.
    if (units[i]!.stop || VERACITY_WORDS.has(units[i]!.token.forms[0]!)) break
    counted.add(i)
  }
  return counted
}

/**
 * `ppl` → `people`, `whr` → `where`; and a slip of a stop word no article
 * uses (`happend` → `happened`), which would otherwise be a question word
 * nothing covers.
 */
function unchat(token: Token, words: QuestionWords): Token {
  if (token.kind !== 'word' || token.forms.length !== 1) return token
  const form = token.forms[0]!
  const chat = CHAT.get(form)
  if (chat) return withForm(token, chat)
  // A stop word is known (no slip to read): it need not be looked up among the words' facts.
  if ((token.capitalized && !token.sentenceStart) || STOP_WORDS.has(form)) return token
  const facts = words.facts(form)
  // Read only here: a name (capitalised) or a word a slot reads needs no slip.
  if (facts.slip === undefined) facts.slip = facts.known ? null : (misspeltStopWord(form) ?? null)
  return facts.slip ? withForm(token, facts.slip) : token
}

/** The token read as another word, in one shape with every token (tokenize.ts `token`). */
function withForm(word: Token, form: string): Token {
  return token([form], word.kind, word.capitalized, word.sentenceStart, word.possessive, word.percent)
}

/** CHAT_SPELLINGS as a Map: a question's words are looked up without becoming property names (nor meeting `constructor`). */
const CHAT: ReadonlyMap<string, string> = new Map(Object.entries(CHAT_SPELLINGS))

/** What a question needs to know of one of its words (folded, of kind `word`) in the index: pure in the word and the index. */
interface WordFacts {
  /** The index or the synonym list knows it (`isKnownWord`). */
  readonly known: boolean
  /** The stop word an unknown word is a slip of (`happend` → `happened`), or null; undefined until asked. */
  slip: string | null | undefined
  /** What an unknown word matches once its spelling is corrected: null where nothing is near; undefined until asked. */
  corrected: readonly string[] | null | undefined
}

/** A question's words as the index reads them, remembered per index: stems and `WordFacts`. */
interface QuestionWords {
  readonly stemmer: Stemmer
  facts(form: string): WordFacts
  readonly index: StatementIndex
}

/** How many words' facts are kept per index: the words of many thousands of questions. */
const WORDS_KEPT = 20_000

const questionWordsOf = perOwner((index: StatementIndex): QuestionWords => {
  const stemmer = stemmerFor(index)
  const memo = new BoundedMemo<string, WordFacts>(WORDS_KEPT)
  const factsOf = (form: string): WordFacts => {
    const known = isKnownWord(index.lexicon, form, stemForm(form, 'word', stemmer))
    return { known, slip: undefined, corrected: undefined }
  }
  return { stemmer, index, facts: (form) => memo.get(form, factsOf) }
})

/** The facts of a unit's word, or null for a figure, acronym or other token of no `word` kind. */
function factsOfUnit(words: QuestionWords, unit: Unit): WordFacts | null {
  return unit.token.kind === 'word' ? words.facts(unit.token.forms[0]!) : null
}

/**
 * People in general: in `how many people were killed` the word only says what
 * is counted (`Over 1,500 killed` answers it), so it weighs little.
 */
export function isPeople(slot: Slot): boolean {
  return slot.anyOf.length === 1 && slot.anyOf[0]!.length === 1 && slot.anyOf[0]![0] === PEOPLE
}

/** The concept of people in general (synonyms.ts). */
const PEOPLE = '~people'

/** What one content word matches: its concepts, else its stems; a misspelt word is corrected first. */
function alternativesOf(unit: Unit, words: QuestionWords, facts = unit.concepts.length === 0 ? factsOfUnit(words, unit) : null): readonly string[] {
  const { token } = unit
  if (unit.concepts.length > 0) return unit.concepts
  // A capital inside the question marks a name, not a typo (`Khamenei` is no misspelt word of the articles).
  const name = token.capitalized && !token.sentenceStart
  if (facts && !name) {
    if (!facts.known) {
      const corrected = facts.corrected === undefined ? (facts.corrected = correctedAlternatives(words, token.forms[0]!)) : facts.corrected
      if (corrected) return corrected
    }
  }
  return unit.stems
}

/** What a word no article uses matches once its spelling is corrected (its concepts, else its stem), or null. */
function correctedAlternatives(words: QuestionWords, form: string): readonly string[] | null {
  const corrected = correctSpelling(words.index.lexicon, form)
  if (!corrected) return null
  const correctedUnit = unitsOf(corrected, words.stemmer)[0]
  return correctedUnit && correctedUnit.concepts.length > 0 ? correctedUnit.concepts : [stemForm(corrected, 'word', words.stemmer)]
}

/** How many statements hold every term of an alternative, at most: the rarest term's count. */
function frequencyOfAll(index: StatementIndex, alternative: readonly string[]): number {
  let least = Infinity
  for (const t of alternative) least = Math.min(least, documentFrequency(index.lexicon, t))
  return least
}

/**
 * The related words (synonyms.ts RELATED_GROUPS) of the entry of `span`
 * words at `at` that the articles use; null where none is used.
 */
function relatedWords(units: readonly Unit[], at: number, span: number, index: StatementIndex): { anyOf: (readonly string[])[] } | null {
  const found = relatedAt(units, at)
  if (!found || found.span !== span) return null
  const anyOf = found.alternatives.filter((a) => frequencyOfAll(index, a) > 0)
  return anyOf.length > 0 ? { anyOf } : null
}

/** The related words of a word the articles use, its own alternatives aside, or undefined for none. */
function looserWords(units: readonly Unit[], at: number, own: readonly (readonly string[])[], index: StatementIndex): (readonly string[])[] | undefined {
  const found = relatedWords(units, at, 1, index)
  if (!found) return undefined
  const ownKeys = new Set(own.map((a) => a.join(' ')))
  const looser = found.anyOf.filter((a) => !ownKeys.has(a.join(' ')))
  return looser.length > 0 ? looser : undefined
}

/**
 * A phrase of the related words at `at` (`come apart`, `hang on to`, `put on
 * hold`), none of whose words was taken by something else: its related words
 * the articles use (its own words among them, where they are used).
 */
function relatedIdiom(
  units: readonly Unit[],
  at: number,
  skip: ReadonlySet<number>,
  index: StatementIndex,
): { span: number; anyOf: (readonly string[])[] } | null {
  const found = relatedAt(units, at)
  if (!found || found.span < 2) return null
  for (let j = at; j < at + found.span; j++) if (skip.has(j) || units[j]!.inPhrase || units[j]!.span > 1) return null
  // An idiom of two or more content words the articles all use keeps its own words; one of a single content word
  // (`in charge`, `give up`) reads as the idiom, its own word being one of the related words.
  const own = units.slice(at, at + found.span).filter((u) => !u.stop).map((u) => u.stems[0]!)
  if (own.length > 1 && frequencyOfAll(index, own) > 0) return null
  const related = relatedWords(units, at, found.span, index)
  return related ? { span: found.span, anyOf: related.anyOf } : null
}

/**
 * Words that place what is asked about in a sequence (`the original embargo`,
 * `impeach him again`, `the next downturn`): an answer seldom repeats them
 * (`In 1997, President Bill Clinton imposed … embargo`), so they weigh half.
 */
const QUALIFIERS = new Set(['original', 'originally', 'initial', 'initially', 'again', 'next', 'previous', 'previously', 'latest'])
const QUALIFIER_WEIGHT = 0.5

/**
 * Words that ask whether a claim holds (`is the 1,500 figure legit`, `is that
 * accurate`, `do other sources say different`): the answer is the claim and
 * what others say of it, which seldom use these words, so they weigh little.
 */
const VERACITY_WORDS = new Set(['legit', 'true', 'accurate', 'correct', 'reliable', 'credible', 'trustworthy', 'valid', 'different', 'differently', 'disagree', 'contradict'])
const VERACITY_WEIGHT = 0.25

/** How much a word no article uses weighs, as a share of its full weight, where the question has other known words. */
export const ABSENT_WEIGHT_FACTOR = 0.4

/**
 * A word no article uses (`telcos`, `disintegrated`) cannot be covered. Where
 * at least two of the question's other words are in the articles, it weighs
 * like a common word, so that one paraphrase does not sink a question the
 * articles answer; a figure (`2009`) or a question resting on one known word
 * keeps its full weight, so `the capital of France` is still refused.
 */
function discountAbsentWords(slots: readonly SlotDraft[]): void {
  let present = 0
  for (const slot of slots) if (!slot.absent) present++
  if (present < 2) return
  for (const slot of slots) {
    // A notion the synonym list knows (`take over`: `succeed`, `replace`…) that no article words any way is missing
    // for certain; only a word nothing here knows may be a paraphrase.
    const known = slot.anyOf.every((alternative) => alternative.every((t) => t.startsWith('~')))
    if (slot.absent && !known && !/\d/.test(slot.label)) slot.weight = slot.weight * ABSENT_WEIGHT_FACTOR
  }
}

/** BM25's IDF: a term no statement holds weighs most. */
function idf(frequency: number, total: number): number {
  return Math.log(1 + (total - frequency + 0.5) / (frequency + 0.5)) + 1
}

/** The same alternatives asked twice (`killed … dead`) count once; neighbours are renumbered. */
function dedupeSlots(slots: SlotDraft[]): Slot[] {
  const firstOf = new Map<string, number>()
  const renumber = slots.map((slot, k) => {
    const key = slotKey(slot)
    const first = firstOf.get(key)
    if (first !== undefined) return first
    firstOf.set(key, k)
    return k
  })
  // No slot asked twice: nothing to merge (a slot's neighbours are already others, each once).
  if (firstOf.size === slots.length) return slots
  const kept = slots.map((_, k) => k).filter((k) => renumber[k] === k)
  const position = new Map(kept.map((k, p) => [k, p]))
  return kept.map((k) => {
    const neighbours = new Set<number>()
    slots.forEach((slot, j) => {
      if (renumber[j] !== k) return
      for (const n of slot.next) if (renumber[n] !== k) neighbours.add(position.get(renumber[n]!)!)
    })
    const slot = slots[k]!
    const deduped = draftSlot(slot.label, slot.anyOf, slot.speakers, slot.weight, slot.context, slot.absent, slot.looser)
    deduped.next = [...neighbours]
    return deduped
  })
}

/** What a slot asks for, as one string: the same for the same alternatives. */
function slotKey(slot: Slot): string {
  const only = slot.anyOf.length === 1 ? slot.anyOf[0]! : null
  if (only && only.length === 1) return only[0]!
  return slot.anyOf.map((a) => a.join('+')).join('|')
}

/** The question's type, and the positions of the words that only said so. */
function questionType(forms: readonly string[]): { type: QuestionType; cueWords: number[]; counting: boolean } {
  // After the question's own wh-word, `when`, `where`, `who` and `why` start a clause of it (`how did she feel when
  // the messages started`, `what did he say about where the pills came from`): they do not say what it asks for.
  let asked = false
  for (let i = 0; i < forms.length; i++) {
    const word = forms[i]!
    const next = forms[i + 1]
    if (word === 'how' && next !== undefined && HOW_QUANTITY.has(next)) {
      return { type: 'quantity', cueWords: typeWordsFrom(forms, i + 1), counting: next === 'many' }
    }
    if (QUANTITY_NOUNS.has(word)) return { type: 'quantity', cueWords: typeWordsFrom(forms, i), counting: COUNT_NOUNS.has(word) }
    if (asked) continue
    if (word === 'how') asked = true
    if (word === 'when') return { type: 'time', cueWords: [], counting: false }
    if (word === 'where') return { type: 'place', cueWords: [], counting: false }
    if (word === 'who' || word === 'whom' || word === 'whose') return { type: 'person', cueWords: [], counting: false }
    if (word === 'why') return { type: 'reason', cueWords: [], counting: false }
    if (WH.has(word) && next !== undefined) {
      if (TIME_NOUNS.has(next)) return { type: 'time', cueWords: [i + 1], counting: false }
      if (PLACE_NOUNS.has(next)) return { type: 'place', cueWords: [i + 1], counting: false }
      if (PERSON_NOUNS.has(next) && next !== 'people') return { type: 'person', cueWords: [i + 1], counting: false }
    }
    if (WH.has(word)) asked = true
  }
  return { type: 'other', cueWords: [], counting: false }
}

/** `many` in `how many`, `number` (and its `of`) in `the number of`. */
function typeWordsFrom(forms: readonly string[], i: number): number[] {
  const cue = [i]
  if (TYPE_WORDS.has(forms[i]!) && forms[i + 1] === 'of') cue.push(i + 1)
  return cue
}

/** The words that frame a known source: its name, the speech verb after it (`did X say`), the noun after its possessive (`X’s estimate`). */
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
