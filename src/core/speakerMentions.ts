/**
 * Finding the speakers a question names (`according to Amnesty`, `what did
 * Rajavi say`, `what does the MEK claim`), through each article's speakers and
 * their aliases. The directory is built once with the index; a question only
 * looks words up in it.
 */
import { perOwner } from './memo.js'
import { PLACE_GROUPS } from './synonyms.js'
import { indexTerms, stemForm, unitsOf, type Unit } from './terms.js'
import type { Article, Statement } from './types.js'

/** What a run of question words can name: speakers (canonical names), and whether the words are a name proper. */
interface KeyEntry {
  readonly names: Set<string>
  /** The whole of a name or alias (`Amnesty International`, `MEK`), not a short form of one (`Amnesty`). */
  whole: boolean
  /** Has a capital (`the Amnesty report`), unlike a bare description (`the report`). */
  named: boolean
}

/** One speaker as an article presents them: name, role and aliases, and what they say there. */
export interface SpeakerContext {
  readonly name: string
  /** The terms of their name, role and aliases (`ajmi`, `lourimi`, `member`, `ennahda`, …). */
  readonly terms: ReadonlySet<string>
  /** Their statements, in index order. */
  readonly statements: readonly number[]
}

/** Names and aliases of every speaker, by their folded words. */
export interface SpeakerDirectory {
  readonly keys: ReadonlyMap<string, KeyEntry>
  readonly longestKey: number
  /** Statement numbers of each speaker, in index order. */
  readonly statementsBy: ReadonlyMap<string, readonly number[]>
  /** Each speaker of each article, with role; and, per statement, its speaker's context. */
  readonly contexts: readonly SpeakerContext[]
  readonly contextOf: Uint32Array
  /** The contexts whose terms hold a term. */
  readonly contextsWith: ReadonlyMap<string, readonly number[]>
  /** The contexts of each canonical name. */
  readonly contextsOf: ReadonlyMap<string, readonly number[]>
}

/** A speaker named in a question. */
export interface SpeakerMention {
  /** Canonical names the words stand for. */
  readonly names: ReadonlySet<string>
  /** Question units the name spans: `[start, end)`. */
  readonly start: number
  readonly end: number
  /** The terms a statement must hold to mention the speaker by these words. */
  readonly terms: readonly string[]
  /** Asked as the source (`according to X`, `what did X say`, `X’s estimate`): restrict to what X says. */
  readonly asSource: boolean
}

/** Words in names that say what a speaker is, not which: never a short form on their own. */
const GENERIC = new Set(
  `president vice prime minister ministry secretary director chief head leader spokesman spokeswoman spokesperson
  official officials madam madame mr mrs ms dr sir general gen lord lady king queen prince international national
  council party organization organisation group committee commission agency department office court supreme united
  states nations people peoples republic democratic union association institute foundation center centre news times
  post press daily world global human rights watch iranian american british south north east west new senior deputy
  regional research middle africa university state federal house white army forces security police interior foreign
  justice health public islamic revolutionary guards opposition resistance media broadcaster network tv television
  radio report reports government administration military front movement league council board bureau service
  iran iraq syria israel china russia korea japan india pakistan afghanistan egypt tunisia libya sudan turkey
  france germany britain england america europe african european asia asian arab gulf kenya ethiopia nigeria saudi
  ukraine lebanon yemen jordan qatar mexico canada brazil australia spain italy poland
  thousands hundreds millions dozens many several some`
    .split(/\s+/)
    .filter(Boolean)
    .concat(Object.values(PLACE_GROUPS).flat()),
)

/** Verbs of saying and thinking: `what did X say`, `X claims`, `how does X describe`. */
const SPEECH_VERBS = stemmedSet(
  `say said says tell told claim report think thought believe estimate argue allege accuse describe call warn
  demand add note insist admit deny suggest feel urge respond react comment announce confirm reveal
  conclude write wrote stress underscore testify assert maintain predict explain blame`,
)
/** Nouns of what a source gives: `Amnesty’s figure`, `Rajavi’s words`, `the MEK’s death toll`. */
const SPEECH_NOUNS = stemmedSet(
  `figure figures estimate number numbers toll tally count claim statement view position take opinion response
  reaction account words comment remarks report assessment version side stance verdict findings conclusion
  perspective`,
)
const ADVERBS = new Set(['also', 'actually', 'really', 'ever', 'first', 'initially', 'later', 'then', 'originally', 'officially', 'publicly', 'exactly', 'just'])
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that'])

/** Builds the directory of every speaker in the articles; statement numbers follow `statements`' order. */
export function buildSpeakerDirectory(articles: readonly Article[], statements: readonly Statement[]): SpeakerDirectory {
  const keys = new Map<string, KeyEntry>()
  let longestKey = 1
  const unitsOfAlias = new Map<string, Unit[]>()
  const aliasUnits = (alias: string): Unit[] => {
    let units = unitsOfAlias.get(alias)
    if (!units) {
      units = unitsOf(alias).filter((u) => !u.stop)
      unitsOfAlias.set(alias, units)
    }
    return units
  }
  const add = (key: string, name: string, whole: boolean, named: boolean): void => {
    if (key === '') return
    const entry = keys.get(key) ?? { names: new Set<string>(), whole: false, named: false }
    entry.names.add(name)
    entry.whole ||= whole
    entry.named ||= named
    keys.set(key, entry)
    longestKey = Math.max(longestKey, key.split(' ').length)
  }
  for (const article of articles) {
    const spoken = new Set(article.statements.map((s) => s.speaker))
    const speakers = [...article.speakers]
    for (const name of spoken) {
      if (!speakers.some((sp) => sp.name === name)) speakers.push({ name, aliases: [], role: null })
    }
    for (const speaker of speakers) {
      for (const alias of [speaker.name, ...speaker.aliases]) {
        const units = aliasUnits(alias)
        const named = /\p{Lu}/u.test(alias.replace(/^(?:The|This|That)\s/u, ''))
        add(units.map((u) => u.token.forms[0]!).join(' '), speaker.name, true, named)
        // `PMOI/MEK` is also `PMOI` and `MEK`.
        if (units.length === 1) for (const part of units[0]!.token.forms.slice(1)) add(part, speaker.name, true, named)
        for (const short of shortForms(units)) add(short, speaker.name, false, true)
      }
    }
  }
  const statementsBy = new Map<string, number[]>()
  statements.forEach((s, i) => {
    const list = statementsBy.get(s.speaker)
    if (list) list.push(i)
    else statementsBy.set(s.speaker, [i])
  })
  return { keys, longestKey, statementsBy, ...speakerContexts(articles) }
}

/** Where a clause ends: the words before a name are its title only back to here. */
const CLAUSE_BREAK = /[,.;:!?()“”"—–]/
/** Most words of a title before a name: `State Department deputy spokesperson`. */
const TITLE_WORDS_MAX = 5

/**
 * What the article calls a speaker right before naming them (`White House
 * press secretary Josh Earnest`, `Iranian opposition President Maryam
 * Rajavi`): the words back to the start of the clause, a few at most.
 */
function titlesBefore(article: Article, names: readonly string[]): string[] {
  const titles: string[] = []
  for (const name of names) {
    if (name.length < 3 || !/^\p{Lu}/u.test(name)) continue
    for (const statement of article.statements) {
      const at = statement.text.indexOf(name)
      if (at <= 0) continue
      const before = statement.text.slice(Math.max(0, at - 80), at)
      const clause = before.split(CLAUSE_BREAK).at(-1)!.trim().split(/\s+/).filter(Boolean)
      if (clause.length > 0) titles.push(clause.slice(-TITLE_WORDS_MAX).join(' '))
    }
  }
  return titles
}

/** Each speaker with role in each article, the terms that describe them, and each statement's context. */
function speakerContexts(articles: readonly Article[]): Pick<SpeakerDirectory, 'contexts' | 'contextOf' | 'contextsWith' | 'contextsOf'> {
  const contexts: { name: string; terms: Set<string>; statements: number[] }[] = []
  const contextOf = new Uint32Array(articles.reduce((n, a) => n + a.statements.length, 0))
  const contextsWith = new Map<string, number[]>()
  const contextsOf = new Map<string, number[]>()
  // The same speaker with the same role recurs across articles: its terms are read once.
  const termsOf = new Map<string, Set<string>>()
  let id = 0
  for (const article of articles) {
    const byKey = new Map<string, number>()
    for (const statement of article.statements) {
      const key = `${statement.speaker}\u0000${statement.role ?? ''}`
      let context = byKey.get(key)
      if (context === undefined) {
        context = contexts.length
        byKey.set(key, context)
        const aliases = article.speakers.find((sp) => sp.name === statement.speaker)?.aliases ?? []
        const titles = titlesBefore(article, [statement.speaker, ...aliases])
        const described = [statement.speaker, statement.role ?? '', ...aliases, ...titles].join(' \n ')
        let terms = termsOf.get(described)
        if (!terms) {
          terms = new Set(indexTerms(unitsOf(described)))
          termsOf.set(described, terms)
        }
        contexts.push({ name: statement.speaker, terms, statements: [] })
        const named = contextsOf.get(statement.speaker)
        if (named) named.push(context)
        else contextsOf.set(statement.speaker, [context])
        for (const term of terms) {
          const list = contextsWith.get(term)
          if (list) list.push(context)
          else contextsWith.set(term, [context])
        }
      }
      contexts[context]!.statements.push(id)
      contextOf[id++] = context
    }
  }
  return { contexts, contextOf, contextsWith, contextsOf }
}

/**
 * Short forms people use for a name: a person's first or last name (`Rajavi`,
 * `Luther`), an organisation's own word (`Amnesty`); never a word that only
 * says what the speaker is (`International`, `President`, `Iran`).
 */
function shortForms(units: readonly Unit[]): string[] {
  if (units.length < 2) return []
  const words = units.map((u) => u.token)
  if (!words.every((t) => t.capitalized && (t.kind === 'word' || t.kind === 'acronym'))) return []
  const forms = words.map((t) => t.forms[0]!)
  const distinctive = forms.filter((f) => !GENERIC.has(f) && f.length >= 3)
  const organisation = forms.some((f) => GENERIC.has(f) && !['madam', 'madame', 'mr', 'mrs', 'ms', 'dr', 'sir'].includes(f))
  if (organisation) return distinctive.slice(0, 1).filter((f) => f === forms[0])
  const first = forms[0]!
  const last = forms[forms.length - 1]!
  return [...new Set([first, last].filter((f) => distinctive.includes(f)))]
}

/** The concept of people in general (synonyms.ts). */
const PEOPLE = '~people'

/** The speakers a question names, left to right, longest name first. */
export function findSpeakerMentions(units: readonly Unit[], directory: SpeakerDirectory): SpeakerMention[] {
  // The positions of the content units: names are read across the stop words between them.
  const content: number[] = []
  for (let i = 0; i < units.length; i++) if (!units[i]!.stop) content.push(i)
  const mentions: SpeakerMention[] = []
  const keys: string[] = []
  const starts = firstWordsOf(directory)
  for (let c = 0; c < content.length; ) {
    let key = units[content[c]!]!.token.forms[0]!
    // Most words start no name: the runs from here are built (and hashed) only after one that does.
    if (!starts.has(key)) {
      c++
      continue
    }
    // The runs of 1, 2, … words from here (keys[0 .. longest - 1]), looked up longest first.
    const longest = Math.min(directory.longestKey, content.length - c)
    keys[0] = key
    for (let length = 2; length <= longest; length++) keys[length - 1] = key = `${key} ${units[content[c + length - 1]!]!.token.forms[0]!}`
    let entry: KeyEntry | undefined
    let length = longest
    for (; length >= 1 && !entry; length--) entry = directory.keys.get(keys[length - 1]!)
    if (!entry) {
      c++
      continue
    }
    length++
    // `people` names nobody, though an article may quote `many people` (`how many people were killed`).
    if (allPeople(units, content, c, length)) {
      c += length
      continue
    }
    const start = content[c]!
    const end = content[c + length - 1]! + 1
    const asSource = isAskedAsSource(units, start, end)
    // A description (`the report`) or a short form (`Amnesty`) names a speaker only when asked as the source.
    if ((entry.whole && entry.named) || asSource) {
      const terms = content.slice(c, c + length).map((i) => stemForm(units[i]!.token.forms[0]!, units[i]!.token.kind))
      mentions.push({ names: entry.names, start, end, terms, asSource })
    }
    c += length
  }
  return mentions
}

/** The first word of every name and alias in the directory, gathered on first use. */
const firstWordsOf = perOwner((directory: SpeakerDirectory): ReadonlySet<string> => {
  const words = new Set<string>()
  for (const key of directory.keys.keys()) {
    const space = key.indexOf(' ')
    words.add(space < 0 ? key : key.slice(0, space))
  }
  return words
})

/** Are the `length` content units from `c` all words for people in general? */
function allPeople(units: readonly Unit[], content: readonly number[], c: number, length: number): boolean {
  for (let k = c; k < c + length; k++) if (!units[content[k]!]!.concepts.includes(PEOPLE)) return false
  return true
}

/** `according to X`, `did X say`, `X claims`, `X’s figure`, `from X`. */
function isAskedAsSource(units: readonly Unit[], start: number, end: number): boolean {
  let before = start - 1
  while (before >= 0 && DETERMINERS.has(units[before]!.token.forms[0]!)) before--
  const previous = units[before]?.token.forms[0]
  const twoBefore = units[before - 1]?.token.forms[0]
  if (previous === 'to' && twoBefore === 'according') return true
  if (previous === 'from' || (previous === 'by' && isSpeechVerb(units[before - 1]))) return true

  let after = end
  while (after < units.length && ADVERBS.has(units[after]!.token.forms[0]!)) after++
  const next = units[after]
  if (isSpeechVerb(next)) return true
  // `Amnesty’s figure`, `the MEK’s death toll`: a possessive before what a source gives.
  if (units[end - 1]!.token.possessive) {
    for (let i = end; i < Math.min(units.length, end + 3); i++) if (isSpeechNoun(units[i])) return true
  }
  return false
}

/** A verb of saying or thinking: `say`, `claimed`, `estimates`. */
export function isSpeechVerb(unit: Unit | undefined): boolean {
  return unit !== undefined && unit.token.kind === 'word' && SPEECH_VERBS.has(unit.stems[0]!)
}

/** A noun for what a source gives: `figure`, `estimate`, `words`. */
export function isSpeechNoun(unit: Unit | undefined): boolean {
  return unit !== undefined && unit.token.kind === 'word' && SPEECH_NOUNS.has(unit.stems[0]!)
}

function stemmedSet(words: string): ReadonlySet<string> {
  return new Set(
    words
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => stemForm(w, 'word')),
  )
}
