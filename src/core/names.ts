/**
 * How a speaker phrase from a cue (`Philip Luther, Middle East … at Amnesty
 * International`, `Madam Rajavi`, `the rights group`, `he`) is taken apart:
 * the name, the role, or the kind of description it is. Word lists, not
 * people: nothing here names anyone.
 */

/** Abbreviated titles whose full stop sits inside a name (`Mr. Goldwein`, `Gen. Smith`), as a regular-expression alternation. */
export const ABBREVIATED_TITLES = 'Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Rev'

/** Honorifics dropped from a name: `Madam Rajavi` is `Rajavi`. */
const HONORIFICS = new Set(['mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'mx', 'dr', 'dr.', 'madam', 'madame', 'sir', 'dame', 'lord', 'lady', 'miss', 'prof', 'prof.', 'professor', 'sheikh', 'rev', 'rev.'])

/** Words that make a capitalised phrase a title (`NCRI President`, `Prime Minister`), not a name. */
export const TITLE_WORDS = new Set([
  'president', 'vice', 'prime', 'minister', 'secretary', 'director', 'chairman', 'chairwoman', 'chair', 'leader',
  'senator', 'sen', 'sen.', 'governor', 'gov', 'gov.', 'representative', 'rep', 'rep.', 'general', 'gen', 'gen.',
  'chief', 'editor', 'ambassador', 'king', 'queen', 'prince', 'princess', 'pope', 'judge', 'justice', 'mayor',
  'officer', 'commander', 'head', 'ceo', 'chancellor', 'deputy', 'spokesman', 'spokeswoman', 'spokesperson',
  'press', 'correspondent', 'reporter', 'founder', 'professor', 'colonel', 'col', 'col.', 'captain', 'capt',
  'lieutenant', 'sergeant', 'admiral', 'commissioner', 'inspector', 'superintendent', 'attorney', 'prosecutor',
  'counsel', 'advisor', 'adviser', 'coordinator', 'envoy', 'rapporteur', 'analyst', 'researcher', 'fellow',
  'resident', 'activist', 'lawmaker', 'legislator', 'mp', 'speaker', 'emir', 'sultan', 'ayatollah', 'cardinal',
  'bishop', 'archbishop', 'imam', 'rabbi', 'sheikh', 'chairperson', 'manager', 'executive',
  'regional', 'research', 'country', 'national', 'foreign', 'interior', 'defense', 'defence', 'state', 'opposition',
])

/** Head nouns of descriptions that stand for an organisation already named: `the rights group`. */
export const ORGANISATION_NOUNS = new Set([
  'organization', 'organisation', 'group', 'charity', 'agency', 'ministry', 'department', 'government', 'party',
  'council', 'committee', 'commission', 'office', 'court', 'union', 'company', 'firm', 'network', 'broadcaster',
  'newspaper', 'watchdog', 'coalition', 'alliance', 'movement', 'campaign', 'administration', 'bureau', 'body',
  'foundation', 'institute', 'association', 'army', 'police', 'military', 'regime', 'judiciary', 'opposition',
])

/** Head nouns of documents that speak for whoever issued them: `the report adds`. */
export const DOCUMENT_NOUNS = new Set([
  'report', 'reports', 'statement', 'release', 'study', 'survey', 'poll', 'document',
  'letter', 'findings', 'research', 'investigation', 'analysis', 'review', 'assessment', 'communique', 'post', 'tweet',
])

/** People named by their tie to someone: `the mother of …`, `a friend of …`. */
export const RELATION_NOUNS = new Set([
  'mother', 'father', 'parents', 'brother', 'sister', 'son', 'daughter', 'wife', 'husband', 'widow', 'widower',
  'family', 'relatives', 'friend', 'friends', 'cousin', 'uncle', 'aunt', 'grandmother', 'grandfather', 'partner',
  'girlfriend', 'boyfriend', 'fiancé', 'fiancée', 'neighbour', 'neighbor', 'colleague', 'colleagues',
])

/** Head nouns of speakers the article leaves unnamed: `Analysts`, `a source close to the brothers`. */
export const GROUP_NOUNS = new Set([
  'officials', 'official', 'analysts', 'analyst', 'experts', 'expert', 'lawmakers', 'legislators', 'diplomats',
  'diplomat', 'witnesses', 'witness', 'residents', 'resident', 'activists', 'activist', 'sources', 'source',
  'observers', 'critics', 'supporters', 'protesters', 'protestors', 'demonstrators', 'police', 'prosecutors',
  'investigators', 'authorities', 'officers', 'doctors', 'people', 'man', 'woman', 'men', 'women', 'person',
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'leader', 'leaders', 'survivor', 'survivors', 'victims',
  'relatives', 'families', 'family', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'neighbours',
  'neighbors', 'students', 'workers', 'researchers', 'scientists', 'economists', 'historians', 'commentators',
  'aides', 'aide', 'advisers', 'advisors', 'agents', 'soldiers', 'troops', 'judges', 'lawyers', 'lawyer',
  'director', 'president', 'secretary', 'chief', 'head', 'editor', 'monitors', 'groups', 'members', 'member',
  'government', 'administration', 'military', 'army', 'ministry', 'court', 'judiciary', 'regime', 'agency',
  'group', 'organization', 'organisation', 'media', 'television', 'broadcaster', 'newspaper', 'committee', 'council',
  'politicians', 'politician', 'voters', 'citizens', 'parents', 'teachers', 'clerics', 'protesters', 'campaigners',
  'opponents', 'allies', 'partners', 'representatives', 'delegates', 'senators', 'ministers', 'generals', 'commanders',
  'executives', 'owners', 'users', 'fans', 'locals', 'villagers', 'eyewitnesses', 'detainees', 'prisoners', 'refugees',
  'medics', 'paramedics', 'nurses', 'rescuers', 'firefighters', 'poster', 'posters', 'commenter', 'commenters',
  'user', 'blogger', 'bloggers', 'reader', 'readers', 'viewer', 'viewers', ...RELATION_NOUNS,
])

/** Pronouns that stand for the last fitting speaker. */
export const PERSON_PRONOUNS = new Set(['he', 'she'])
export const GROUP_PRONOUNS = new Set(['they', 'it', 'we'])

/** Words that, inside a capitalised name, mark an organisation rather than a person. */
const ORGANISATION_MARKERS = new Set([
  'international', 'organization', 'organisation', 'council', 'party', 'ministry', 'department', 'agency', 'group',
  'committee', 'commission', 'union', 'court', 'office', 'government', 'house', 'times', 'news', 'post', 'press',
  'association', 'institute', 'foundation', 'center', 'centre', 'university', 'bank', 'fund', 'nations', 'assembly',
  'parliament', 'congress', 'senate', 'corporation', 'company', 'inc', 'ltd', 'network', 'watch', 'army', 'forces',
  'guard', 'guards', 'police', 'resistance', 'front', 'movement', 'league', 'federation', 'board', 'bureau',
  'service', 'administration', 'state', 'republic', 'kingdom', 'tribunal',
])

/** `Amnesty International on Wednesday`, `officials late Thursday`: when is not who. */
const TRAILING_TIME = /,?\s+(?:(?:on|late|early|last|this|in|earlier|later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|today|yesterday|week|month|year|night|morning|evening)(?:\s+(?:morning|afternoon|evening|night))?$/u

/** A speaker phrase taken apart. */
export interface ParsedPhrase {
  /** The proper name in it (`Philip Luther`, `People's Mojahedin Organization of Iran`), or null. */
  readonly name: string | null
  /** Short forms the phrase gives itself: `(PMOI/MEK)`. */
  readonly aliases: readonly string[]
  /** The title before a name (`NCRI President`): another way to refer to that person, never a way to match a name. */
  readonly title: string | null
  /** The role the phrase gives (`Middle East … at Amnesty International`), or null. */
  readonly role: string | null
  /** Whether the role came with a definite article or a possessive (`the spokesman`, `her mother`), not `a` or `another`. */
  readonly definiteRole: boolean
  /** The description without its article (`rights group`, `report`, `Obama administration officials`). */
  readonly description: string
  /** The description's head noun, lower case (`group`, `report`, `officials`). */
  readonly head: string
  /** The phrase without its appositive and short form: `A source close to the brothers`. */
  readonly source: string
  readonly organisation: boolean
}

const DEFINITE = /^(?:the|his|her|their|its|our|my)\s(?!other\b|second\b|third\b)/i

/** Whether a description opens with a definite article or a possessive: `the spokesman`, `her mother`, not `another` or `the other`. */
export function isDefinite(description: string): boolean {
  return DEFINITE.test(description.trim())
}

/** A full name (two capitalised words) followed by `from|at|with` and a description in lower case at its end (no name there). */
const AFFILIATION = /^(.*\p{Lu}[\p{L}\p{M}'’-]*\s+\p{Lu}[\p{L}\p{M}'’-]*)\s+(?:from|at|with)\s+((?:the\s+)?[^,]*\s\p{Ll}[\p{L}\p{M}]*)$/u

/** Capitalised words that open sentences and phrases but never names. */
const LEADING_FUNCTION_WORDS = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'But', 'And', 'For', 'From', 'With', 'After', 'Before', 'According', 'Since', 'When', 'While', 'If', 'As', 'By', 'Of', 'To', 'This', 'That', 'Its', 'Their', 'His', 'Her', 'Our', 'Last', 'Earlier', 'Later', 'Then', 'Despite', 'During', 'Under', 'Over', 'Meanwhile', 'However'])

/** Words after a head noun: `a source close to the brothers`, `one man allegedly tortured with electricity`. */
const HEAD_STOPS = new Set(['close', 'from', 'with', 'in', 'at', 'who', 'which', 'near', 'to', 'for', 'on', 'allegedly', 'based', 'familiar', 'involved', 'speaking', 'inside', 'outside'])

const CAPITALISED = /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}+(?:\/\p{Lu}+)+|\d+\p{L}+)$/u
const CONNECTORS = new Set(['of', 'on', 'the', 'de', 'del', 'da', 'bin', 'al', 'van', 'von', 'der', 'for', 'and', 'y', 'le', 'la', 'ibn', 'el'])

/** Takes a speaker phrase apart into name, role and description. */
export function parsePhrase(phrase: string): ParsedPhrase {
  let text = phrase.trim().replace(/^[,;:\s]+|[,;:.\s]+$/g, '').replace(TRAILING_TIME, '')
  let role: string | null = null
  let definiteRole = false
  const aliases: string[] = []
  // An appositive after a comma is the role: `Philip Luther, Middle East … Director at Amnesty International`.
  const comma = text.indexOf(',')
  if (comma > 0) {
    const first = text.slice(0, comma).trim()
    const rest = text.slice(comma + 1).trim().replace(/,$/, '')
    // `The leader of Ennahda, Rachid Ghannouchi`, `her mother, Jane`: a description, then the name.
    if (/^(?:the|a|an|another|his|her|their|its|our|my)\s/i.test(first) && /^(?:\p{Lu}[\p{L}\p{M}'’.-]*\s*){1,4}$/u.test(rest)) {
      role = first.replace(/^(?:the|a|an)\s+/i, '')
      definiteRole = isDefinite(first)
      text = rest
    } else {
      // `Israel, which controls the border,`: a relative clause describes, it is no role.
      // Lower case only: `the WHO` is an organisation.
      role = /^(?:who|which)\s/.test(rest) ? null : rest.replace(/^(?:the|a|an)\s+/i, '') || null
      definiteRole = isDefinite(rest)
      text = first
    }
  }
  // `Jo Roe, a 33-year-old blogger who sold …`: a relative clause describes; the role ends before it.
  if (role) role = role.replace(/,?\s+(?:who|which)\b.*$|,?\s+that$/s, '') || null
  // `chief inspector Jane Roe from the county police`: a full name, then where the person works, which is the role.
  const affiliation = AFFILIATION.exec(text)
  if (affiliation) {
    role ??= affiliation[2]!.replace(/^the\s+/i, '')
    text = affiliation[1]!
  }
  // A parenthesised short form: `People's Mojahedin Organization of Iran (PMOI/MEK)`.
  const paren = /\s*\(([^()]{1,30})\)\s*$/.exec(text)
  if (paren) {
    // `(PMOI/MEK)` is a short form; `(pictured)`, `(left)` are not.
    if (/^\p{Lu}/u.test(paren[1]!.trim())) aliases.push(paren[1]!.trim())
    text = text.slice(0, paren.index).trim()
  }
  const words = text.split(/\s+/).filter(Boolean)
  // `In Amnesty International's release`: a capitalised function word opening a sentence is not part of a name.
  while (words.length > 1 && LEADING_FUNCTION_WORDS.has(words[0]!)) words.shift()
  const lastWord = words[words.length - 1]
  if (lastWord && /^\p{Lu}.*[’']s$/u.test(lastWord)) words[words.length - 1] = lastWord.replace(/[’']s$/, '')
  // The name is the run of capitalised words at the end of the phrase (connectors allowed inside).
  let i = words.length
  /** Whether the words from i on hold an organisation marker. */
  let inOrganisation = false
  while (i > 0) {
    const w = words[i - 1]!
    const lower = w.toLowerCase()
    // A title word ends a person's name (`NCRI President Rajavi`) but belongs to an organisation's (`Australian Press Council`).
    const takes =
      (CAPITALISED.test(w) && (!TITLE_WORDS.has(lower.replace(/[’']s$/, '')) || inOrganisation)) ||
      (CONNECTORS.has(lower) && i < words.length && i - 1 > 0 && CAPITALISED.test(words[i - 2]!))
    if (!takes) break
    i--
    inOrganisation ||= ORGANISATION_MARKERS.has(lower)
  }
  while (i < words.length && (CONNECTORS.has(words[i]!.toLowerCase()) || HONORIFICS.has(words[i]!.toLowerCase()))) i++
  const nameWords = words.slice(i)
  const before = words.slice(0, i)
  let name = nameWords.length > 0 && !isAllLowerOrPronoun(nameWords) ? nameWords.join(' ') : null
  // `Mitch McConnell of Kentucky`: a person is not `of` a place; an organisation may be (`Organization of Iran`).
  const of = name?.indexOf(' of ') ?? -1
  if (name && of > 0 && !isOrganisationName(name, aliases)) {
    role ??= name.slice(of + 1)
    name = name.slice(0, of)
  }
  // The title before a name is another way the article refers to that person: `NCRI President Rajavi`.
  const title = name ? trailingTitle(before) : null
  if (title) role ??= before.filter((w) => !/^(?:the|a|an)$/i.test(w)).join(' ') || null
  const descriptionWords = words.filter((w, k) => !(k === 0 && /^(?:the|a|an|this|that|these|those|its|their|his|her)$/i.test(w)))
  const description = descriptionWords.join(' ')
  // `the mother of a woman who …`: a relation noun before `of` heads the phrase (the mother speaks, not the woman).
  const related = descriptionWords.findIndex((w, k) => RELATION_NOUNS.has(w.toLowerCase()) && descriptionWords[k + 1]?.toLowerCase() === 'of')
  const stop = descriptionWords.findIndex((w) => HEAD_STOPS.has(w.toLowerCase()))
  const cut = related >= 0 && (stop < 0 || related < stop) ? related + 1 : stop
  const headWords = cut > 0 ? descriptionWords.slice(0, cut) : descriptionWords
  const head = (headWords[headWords.length - 1] ?? '').toLowerCase().replace(/[’']s$/, '')
  const organisation = name !== null && isOrganisationName(name, aliases)
  return { name, aliases, title, role, definiteRole, description, head, organisation, source: text }
}

function isAllLowerOrPronoun(words: readonly string[]): boolean {
  return words.length === 1 && /^(?:He|She|They|It|We|I|The|This|That)$/.test(words[0]!)
}

function trailingTitle(words: readonly string[]): string | null {
  const kept: string[] = []
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!
    if (/^\p{Lu}/u.test(w) && !/^(?:The|A|An)$/.test(w)) kept.unshift(w)
    else break
  }
  return kept.length > 0 && kept.some((w) => TITLE_WORDS.has(w.toLowerCase())) ? kept.join(' ') : null
}

/** Whether a capitalised name is an organisation's rather than a person's. */
export function isOrganisationName(name: string, aliases: readonly string[] = []): boolean {
  if (aliases.some((a) => /^\p{Lu}{2,}(?:\/\p{Lu}{2,})*$/u.test(a))) return true
  if (/^\p{Lu}{2,}(?:\/\p{Lu}{2,})*$/u.test(name)) return true
  return name
    .toLowerCase()
    .split(/\s+/)
    .some((w) => ORGANISATION_MARKERS.has(w.replace(/[’']s$/, '')))
}

/** The words of a name, for matching: lower case, honorifics and possessives dropped. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s/]+/)
    .map((w) => w.replace(/[’']s$/, '').replace(/[.,()]/g, ''))
    .filter((w) => w.length > 0 && !HONORIFICS.has(w) && !CONNECTORS.has(w))
}
