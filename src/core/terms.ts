/**
 * Tokens → the terms the index and the questions share: porter2 stems
 * (`died` → `die`, where Porter 1 gives `di`) and synonym concepts
 * (`murdered` → `~death`), with phrases (`death toll`, `step down`) read
 * before their words.
 */
import { stem as porter2 } from 'porter2'
import { LEMMAS } from './lemmas.js'
import { STOP_WORDS } from './stopwords.js'
import { PLACE_GROUPS, RELATED_GROUPS, SYNONYM_GROUPS } from './synonyms.js'
import { cleanForMatching, tokenize, type Token } from './tokenize.js'

/** A word → its stem. */
export type Stemmer = (word: string) => string

/** One token with what it matches. */
export interface Unit {
  readonly token: Token
  /** The token's own terms: the stem of each form (`pmoi/mek`, `pmoi`, `mek`; `kill`). */
  readonly stems: readonly string[]
  /** A stop word: matches nothing. */
  readonly stop: boolean
  /** Synonym concepts this token stands for (`~death`); for a phrase, on its first token only. */
  readonly concepts: readonly string[]
  /** How many tokens the concepts were read from: 1 for a word, more for a phrase (`get away`). */
  readonly span: number
  /** Part of a phrase that began on an earlier token (its concept sits there). */
  readonly inPhrase: boolean
}

const LETTERS = /^\p{L}+$/u

/** A folded word's stem: porter2 of the word, or of its base where the word is an irregular form (`fled` → `flee`). */
export function stem(word: string): string {
  return porter2(LEMMAS.get(word) ?? word)
}

/** The stem of one folded form; figures and abbreviations are their own stems. */
export function stemForm(form: string, kind: Token['kind'], stemmer: Stemmer = stem): string {
  if (kind !== 'word' || !LETTERS.test(form)) return form
  return stemmer(form)
}

/** Does the unit hold one of the terms (a stem or a concept)? A stop word only through a concept of its phrase. */
export function holdsAnyTerm(unit: Unit, terms: ReadonlySet<string>): boolean {
  if (unit.stop && unit.concepts.length === 0) return false
  return unit.stems.some((t) => terms.has(t)) || unit.concepts.some((t) => terms.has(t))
}

/** A stemmer that remembers: indexing meets the same words again and again. */
export function createStemmer(): Stemmer {
  const memo = new Map<string, string>()
  return (word) => {
    let stemmed = memo.get(word)
    if (stemmed === undefined) {
      stemmed = stem(word)
      memo.set(word, stemmed)
    }
    return stemmed
  }
}

/** Stem sequence (space-joined) → concepts: `kill` → [`~death`], `death toll` → [`~death`]. */
const CONCEPTS: ReadonlyMap<string, readonly string[]> = buildConcepts()

function buildConcepts(): Map<string, string[]> {
  const concepts = new Map<string, string[]>()
  for (const [concept, entries] of [...Object.entries(SYNONYM_GROUPS), ...Object.entries(PLACE_GROUPS)]) {
    for (const entry of entries) {
      const key = tokenize(cleanForMatching(entry))
        .map((t) => stemForm(t.forms[0]!, t.kind))
        .join(' ')
      const list = concepts.get(key) ?? []
      if (!list.includes(`~${concept}`)) list.push(`~${concept}`)
      concepts.set(key, list)
    }
  }
  return concepts
}

/** The stems (and phrase stems) a concept stands for: `~death` → `die`, `kill`, `death toll`, … */
export function stemsOfConcept(concept: string): string[] {
  return [...(STEMS_OF_CONCEPT.get(concept) ?? [])]
}

/** Each concept's stems, in the synonym list's order: read off CONCEPTS once. */
const STEMS_OF_CONCEPT: ReadonlyMap<string, readonly string[]> = (() => {
  const stems = new Map<string, string[]>()
  for (const [key, concepts] of CONCEPTS) {
    for (const concept of concepts) {
      const list = stems.get(concept) ?? []
      list.push(...key.split(' '))
      stems.set(concept, list)
    }
  }
  return stems
})()

/** The single words of the synonym list, folded: `fatalities`, `detainees`, … */
export function synonymWords(): string[] {
  return [...Object.values(SYNONYM_GROUPS), ...Object.values(PLACE_GROUPS)]
    .flat()
    .filter((entry) => /^[\p{L}]+$/u.test(entry))
    .map((entry) => entry.toLowerCase())
}

/** The first stem of each phrase the synonym list holds, with the longest phrase it starts. */
const PHRASE_HEADS: ReadonlyMap<string, number> = new Map(
  [...CONCEPTS.keys()]
    .map((key) => key.split(' '))
    .filter((words) => words.length > 1)
    .reduce((heads, words) => heads.set(words[0]!, Math.max(heads.get(words[0]!) ?? 1, words.length)), new Map<string, number>()),
)

/** True when the word (folded) is one the synonym list knows: no need to correct its spelling. */
export function isSynonymWord(stemmed: string): boolean {
  return CONCEPTS.has(stemmed)
}

/** Tokens → units: stems, stop words, and synonym concepts (longest phrase first). */
export function toUnits(tokens: readonly Token[], stemmer: Stemmer = stem): Unit[] {
  const units: { -readonly [K in keyof Unit]: Unit[K] }[] = tokens.map((token) => ({
    token,
    stems: token.kind === 'word' ? token.forms.map((f) => stemWord(f, stemmer)) : token.forms,
    stop: token.kind === 'word' && token.forms.length === 1 && STOP_WORDS.has(token.forms[0]!),
    concepts: NO_CONCEPTS,
    span: 0,
    inPhrase: false,
  }))
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.inPhrase) continue
    const head = units[i]!.stems[0]!
    const longest = PHRASE_HEADS.get(head) ?? 1
    for (let length = Math.min(longest, units.length - i); length >= 1; length--) {
      let key = head
      for (let j = i + 1; j < i + length; j++) key += ` ${units[j]!.stems[0]!}`
      const found = CONCEPTS.get(key)
      if (!found) continue
      units[i]!.concepts = found
      units[i]!.span = length
      for (let j = i + 1; j < i + length; j++) units[j]!.inPhrase = true
      break
    }
  }
  return units
}

const NO_CONCEPTS: readonly string[] = []
const PLAIN_LOWER = /^[a-z]+$/

/** A word's stem; a form with other than letters (`9/11`) is its own stem. */
function stemWord(form: string, stemmer: Stemmer): string {
  return PLAIN_LOWER.test(form) || LETTERS.test(form) ? stemmer(form) : form
}

/** Text → units, in one call. */
export function unitsOf(text: string, stemmer: Stemmer = stem): Unit[] {
  return toUnits(tokenize(cleanForMatching(text)), stemmer)
}

/**
 * The terms a statement is indexed under, in order, repeats kept (term
 * frequency counts): each content word's stems, then its concepts.
 */
export function indexTerms(units: readonly Unit[]): string[] {
  const terms: string[] = []
  for (const unit of units) {
    if (!unit.stop) terms.push(...unit.stems)
    terms.push(...unit.concepts)
  }
  return terms
}

/** A related-words entry as the index would hold it: its concepts (each one alternative), else its content stems together. */
function alternativesOfEntry(entry: string): string[][] {
  const units = unitsOf(entry)
  const first = units[0]
  if (!first) return []
  if (first.concepts.length > 0 && first.span === units.length) return first.concepts.map((c) => [c])
  const content = units.filter((u) => !u.stop && !u.inPhrase).map((u) => u.stems[0]!)
  return content.length > 0 ? [content] : []
}

/** Stems of an entry's every token (stop words too), space-joined: how a question's words are looked up. */
function keyOfEntry(entry: string): string {
  return unitsOf(entry)
    .map((u) => u.stems[0]!)
    .join(' ')
}

/** Entry key → the alternatives of every group it belongs to (RELATED_GROUPS), and the longest entry each head word starts. */
const RELATED: { readonly byKey: ReadonlyMap<string, readonly (readonly string[])[]>; readonly heads: ReadonlyMap<string, number> } = (() => {
  const byKey = new Map<string, string[][]>()
  const heads = new Map<string, number>()
  for (const group of RELATED_GROUPS) {
    const alternatives = group.flatMap(alternativesOfEntry)
    for (const entry of group) {
      const key = keyOfEntry(entry)
      if (key === '') continue
      const list = byKey.get(key) ?? []
      for (const alternative of alternatives) if (!list.some((a) => a.join(' ') === alternative.join(' '))) list.push(alternative)
      byKey.set(key, list)
      const words = key.split(' ')
      heads.set(words[0]!, Math.max(heads.get(words[0]!) ?? 1, words.length))
    }
  }
  return { byKey, heads }
})()

/**
 * The related words (RELATED_GROUPS) of the entry the units start at `at`,
 * longest first: how many units it spans and the alternatives it stands
 * for, or null.
 */
export function relatedAt(units: readonly Unit[], at: number): { span: number; alternatives: readonly (readonly string[])[] } | null {
  const head = units[at]!.stems[0]!
  const longest = RELATED.heads.get(head)
  if (longest === undefined) return null
  for (let length = Math.min(longest, units.length - at); length >= 1; length--) {
    let key = head
    for (let j = at + 1; j < at + length; j++) key += ` ${units[j]!.stems[0]!}`
    const alternatives = RELATED.byKey.get(key)
    if (alternatives) return { span: length, alternatives }
  }
  return null
}

/**
 * A name of capitalised words, one space apart, with at most one small word
 * between two of them (`Council of Economic Advisers`). Linear: each
 * repetition starts with a space and a letter class the space is not in.
 */
const NAME = /[A-Z][a-z]+(?: (?:(?:of|for|on|the|de) )?[A-Z][a-z]+)+/g

/**
 * The initials of each name of two or more capitalised words in a text
 * (`International Criminal Court` → `icc`, `Congressional Budget Office` →
 * `cbo`), for a question that writes the acronym where the article wrote the
 * name.
 */
export function initialisms(text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(NAME)) {
    // `The`, `In`, `Mr` are no part of the name.
    const words = match[0].split(' ').filter((w) => /^[A-Z]/.test(w) && !STOP_WORDS.has(w.toLowerCase()))
    if (words.length >= 2 && words.length <= 6) found.push(words.map((w) => w[0]!.toLowerCase()).join(''))
  }
  return found
}
