import {
  ABBREVIATED_TITLES,
  DOCUMENT_NOUNS,
  GROUP_NOUNS,
  GROUP_PRONOUNS,
  ORGANISATION_NOUNS,
  PERSON_PRONOUNS,
  TITLE_WORDS,
  isDefinite,
  isOrganisationName,
  nameTokens,
  parsePhrase,
  type ParsedPhrase,
} from './names.js'
import type { Speaker } from './types.js'

/** One entity that speaks in an article, as the registry builds it up. */
interface Entity {
  readonly id: number
  name: string
  readonly aliases: Set<string>
  /** The aliases in lower case, kept beside them (`addAlias`): looked up for every cue. */
  readonly lowerAliases: Set<string>
  readonly tokens: Set<string>
  role: string | null
  kind: 'person' | 'organisation' | 'group'
  /** Named only by a description (`Another man`, `Iran's interior minister`): names never match it. */
  described: boolean
  /** A definite description (`The mother of a woman …`) is this named person, named later (`her mother, Jane`). */
  sameAs: Entity | null
  /** A described entity's head noun and the description as written (`The mother of a woman …`). */
  head: string
  source: string
  lastSeen: number
}

/** Singular group nouns stand for one person: `he` after `Another man` is that man. */
const ONE_PERSON = new Set(['man', 'woman', 'person', 'source', 'witness', 'resident', 'official', 'activist', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'leader', 'director', 'president', 'secretary', 'chief', 'head', 'editor', 'lawyer', 'expert', 'analyst', 'survivor', 'mother', 'father', 'brother', 'sister', 'son', 'daughter', 'aide', 'diplomat', 'member', 'wife', 'husband', 'widow', 'widower', 'friend', 'cousin', 'uncle', 'aunt', 'grandmother', 'grandfather', 'partner', 'girlfriend', 'boyfriend', 'fiancé', 'fiancée', 'neighbour', 'neighbor', 'colleague', 'poster', 'commenter', 'user', 'blogger', 'reader', 'viewer'])

const PLACE = /\b(?:in|across|into|throughout|inside|outside)\s+(\p{Lu}[\p{L}\p{M}-]+)\b(?![’']s)/gu

const RUN_END = new RegExp(`(?<=\\p{L}{2,}(?<!\\b(?:${ABBREVIATED_TITLES}))\\.)[ \\t]+`, 'u')

const CAPITALISED_RUN = /\p{Lu}[\p{L}\p{M}'’.\-/]*(?:[ \t]+(?:(?:of|the|de|bin|al|van|von|der|da|del)[ \t]+)?\p{Lu}[\p{L}\p{M}'’.\-/]*){0,6}/gu

/**
 * The speakers of one article: resolves cue phrases to one canonical entity
 * (`Madam Rajavi` = `Maryam Rajavi` = `NCRI President Rajavi` = `The NCRI
 * President`), pronouns and anaphora (`he`, `the rights group`, `the report`)
 * to the last fitting speaker, and keeps aliases and roles.
 */
export class SpeakerRegistry {
  private readonly entities: Entity[] = []
  private readonly runs: { start: number; text: string }[] = []
  private parsedMentions: { start: number; parsed: ParsedPhrase; tokens: readonly string[] }[] | null = null
  /** Words the article uses as places (`in Iran`, `across Tunisia`): never an organisation's short name. */
  private readonly places = new Set<string>()
  private lastPerson: Entity | null = null
  private lastOrganisation: Entity | null = null
  private lastGroup: Entity | null = null
  private clock = 0

  /** Capitalised runs in `text` from `from` on (the body, not the title or byline) let a surname find its full name. */
  constructor(text: string, from = 0) {
    for (const m of text.slice(from).matchAll(PLACE)) this.places.add(m[1]!.toLowerCase())
    for (const m of text.matchAll(CAPITALISED_RUN)) {
      if (m.index < from) continue
      // `… the Droukra Association. The Droukra Association upheld`: a full stop after a word (not an initial or `Mr.`) ends the run.
      let at = m.index
      for (const part of m[0].split(RUN_END)) {
        if (part.includes(' ')) this.runs.push({ start: at, text: part.replace(/\.$/, '') })
        at += part.length + 1
      }
    }
  }

  /** Resolves a speaker phrase at an offset of the article to an entity id, or null when it names nobody. */
  resolve(phrase: string, at: number): number | null {
    const parsed = this.parse(phrase)
    const entity = parsed.name ? this.named(parsed, at) : this.described(parsed)
    if (!entity) return null
    this.touch(entity)
    return entity.id
  }

  /** Notes a name the sentence is about (its subject), so that a later `he` or `the group` can find it. */
  notice(phrase: string, at: number): void {
    const parsed = this.parse(phrase)
    if (!parsed.name) {
      // `Another man said …`: an unnamed person the next `he` may stand for.
      if (ONE_PERSON.has(parsed.head) && /^(?:a|an|another|one|the)\s/i.test(parsed.source) && !/^the\s/i.test(parsed.source)) this.touch(this.group(parsed))
      return
    }
    const known = this.find(parsed.name, parsed.aliases)
    if (known) this.touch(known)
    else if (this.looksLikeName(parsed.name)) this.touch(this.named(parsed, at))
  }

  /** The entity one of whose names is exactly this text (`PMOI/MEK`), or null. */
  byAlias(text: string): number | null {
    const wanted = text.trim().toLowerCase()
    const hit = this.entities.find((e) => !e.described && e.lowerAliases.has(wanted))
    return hit?.id ?? null
  }

  /** The last person, for a quotation nobody is cued for. */
  lastPersonId(): number | null {
    return this.lastPerson?.id ?? null
  }

  /** Canonical name and role of an entity. */
  describe(id: number): { name: string; role: string | null } {
    const e = identified(this.entities[id]!)
    return { name: e.name, role: e.role }
  }

  /** Every entity as a Speaker with its aliases. */
  speakers(): Speaker[] {
    return this.entities.filter((e) => e.sameAs === null).map((e) => ({
      name: e.name,
      aliases: [...e.aliases].filter((a) => a !== e.name).sort(),
      role: e.role,
    }))
  }

  private named(parsed: ParsedPhrase, at: number): Entity {
    const name = parsed.name!
    let entity = this.find(name, parsed.aliases)
    if (!entity) {
      const fuller = this.fullerName(name, at)
      entity = (fuller && this.find(fuller.name!, fuller.aliases)) ?? this.create(fuller?.name ?? name, parsed)
      if (fuller) this.absorb(entity, fuller.name!, fuller.aliases, fuller.role)
    }
    this.absorb(entity, name, parsed.aliases, parsed.role)
    if (parsed.title) addAlias(entity, parsed.title)
    if (parsed.role && parsed.definiteRole && entity.kind === 'person') this.identifyDescribed(entity, parsed.role)
    if (entity.kind !== 'group' && (parsed.organisation || isOrganisationName(entity.name, [...entity.aliases]))) entity.kind = 'organisation'
    return entity
  }

  private described(parsed: ParsedPhrase): Entity | null {
    const words = parsed.description.toLowerCase()
    if (words === '') return null
    if (PERSON_PRONOUNS.has(words)) return this.lastPerson
    if (GROUP_PRONOUNS.has(words)) return words === 'it' ? (this.lastOrganisation ?? this.lastGroup) : (this.lastGroup ?? this.lastOrganisation)
    if (/\b(?:them|they)$/.test(words)) return this.lastGroup ?? this.lastOrganisation
    const determined = /^(?:the|this|that|these|those|its|their)\s/i.test(parsed.source)
    const indefinite = /^(?:a|an|one|another)\s/i.test(parsed.source)
    // A proper word in a description makes it a new speaker: `the US government` is not the last organisation.
    const proper = parsed.description.split(/\s+/).some((w) => /^\p{Lu}/u.test(w) && !w.includes('-'))
    // `the Amnesty report`, `MEK reports`: a document speaks for the entity it names, else for the last organisation.
    const named = this.entityNamedIn(parsed.description)
    if (DOCUMENT_NOUNS.has(parsed.head)) {
      if (named) return named
      if (determined && !proper) return this.lastOrganisation
      return indefinite || parsed.description.split(/\s+/).length >= 2 ? this.group(parsed) : null
    }
    if (ORGANISATION_NOUNS.has(parsed.head) && determined && !proper) {
      if (named) return named
      // `the organisation`, `the rights group` stand for the last organisation; `the government`, `the police` only
      // for one the article called so (`the Iranian government`), else they are a speaker of their own.
      const last = this.lastOrganisation
      if (last && (!INSTITUTION_NOUNS.has(parsed.head) || describes(last, parsed.head))) return last
      return this.group(parsed)
    }
    // `The NCRI President`, `the Regional Director`: a title the article gave someone.
    if (TITLE_WORDS.has(parsed.head) || ONE_PERSON.has(parsed.head)) {
      const titled = this.byTitle(parsed.description)
      if (titled) return titled
    }
    if (GROUP_NOUNS.has(parsed.head) || ORGANISATION_NOUNS.has(parsed.head) || TITLE_WORDS.has(parsed.head) || coordinatedSpeakers(parsed.description)) {
      // `the mother` after `her sister said` is someone else: an unnamed person is the one only by the same noun.
      const other = this.lastPerson?.described === true && this.lastPerson.head !== parsed.head
      if (determined && ONE_PERSON.has(parsed.head) && this.lastPerson && !other && parsed.description.split(/\s+/).length <= 2) {
        return this.lastPerson
      }
      return this.group(parsed)
    }
    return null
  }

  /**
   * `The mother of a woman who … has described …` and later `her mother, Jane, said`:
   * the one unnamed person a definite description with the same head noun stood for
   * is the person now named with it. `a mother, Jane` or `the other mother, Jane` is someone else.
   */
  private identifyDescribed(entity: Entity, role: string): void {
    const description = this.parse(role)
    if (!ONE_PERSON.has(description.head) || /\b(?:another|other)\b/i.test(role)) return
    // `her mother` points back to whoever was `the mother of …`; `the mother of another victim` only to the mother of
    // the same one: a longer description must say the same after its `of`.
    const short = role.trim().split(/\s+/).length <= 2
    const earlier = this.entities.filter(
      (e) =>
        e.described &&
        e.sameAs === null &&
        e.kind === 'person' &&
        e.head === description.head &&
        isDefinite(e.source) &&
        (short || ofPart(role) === ofPart(e.source)),
    )
    if (earlier.length === 1) earlier[0]!.sameAs = entity
  }

  private group(parsed: ParsedPhrase): Entity {
    const name = parsed.source.replace(/^(?:the)\s+/i, '')
    const display = name.charAt(0).toUpperCase() + name.slice(1)
    const key = display.toLowerCase()
    const existing = this.entities.find((e) => e.described && e.name.toLowerCase() === key)
    if (existing) return existing
    const entity = this.create(display, parsed)
    entity.kind = ONE_PERSON.has(parsed.head) ? 'person' : 'group'
    entity.described = true
    return entity
  }

  private byTitle(description: string): Entity | null {
    const wanted = description.toLowerCase().replace(/^(?:the|this|that)\s+/, '')
    let best: Entity | null = null
    for (const e of this.entities) {
      const inAlias = e.lowerAliases.has(wanted) || [...e.lowerAliases].some((a) => a.endsWith(` ${wanted}`))
      const inRole = e.role !== null && new RegExp(`(?:^|\\s)${escapeRegExp(wanted)}(?:\\s|$)`, 'i').test(e.role)
      if ((inAlias || inRole) && (!best || e.lastSeen > best.lastSeen)) best = e
    }
    return best
  }

  private entityNamedIn(description: string): Entity | null {
    const tokens = new Set(this.tokensOfName(description))
    let best: Entity | null = null
    for (const e of this.entities) {
      if (e.kind === 'group' || e.described) continue
      const own = [...e.aliases].filter((a) => /^\p{Lu}/u.test(a))
      const hit = own.some((alias) => {
        const t = this.tokensOfName(alias)
        return t.length > 0 && t.every((w) => tokens.has(w))
      })
      const first = this.tokensOf(e)[0]
      if ((hit || (first !== undefined && e.kind === 'organisation' && tokens.has(first))) && (!best || e.lastSeen > best.lastSeen)) best = e
    }
    return best
  }

  /** An entity this name (or one of its short forms) already stands for; the most recent when several fit. */
  private find(name: string, aliases: readonly string[]): Entity | null {
    const wanted = this.tokensOfName(name)
    const exact = [name, ...aliases].map((a) => a.toLowerCase())
    let best: Entity | null = null
    for (const e of this.entities) {
      if (e.kind === 'group' || e.described) continue
      const fits = exact.some((a) => e.lowerAliases.has(a)) || this.tokensFit(wanted, e)
      if (fits && (!best || e.lastSeen > best.lastSeen)) best = e
    }
    return best
  }

  /** `Rajavi` fits `Maryam Rajavi`, `Amnesty` fits `Amnesty International`, `Lee` fits `Lee Jae-myung`; `Iran` does not fit `… Organization of Iran`. */
  private tokensFit(wanted: readonly string[], e: Entity): boolean {
    if (wanted.length === 0) return false
    const full = this.tokensOf(e)
    if (wanted.length === 1) {
      const w = wanted[0]!
      // `Iran` is not `Iran's Supreme Court`: a possessive first word is not the organisation's short name.
      const possessive = /^\S+[’']s\s/u.test(e.name)
      if (e.kind === 'organisation') return (full[0] === w && !possessive && !this.places.has(w)) || e.lowerAliases.has(w)
      return full[0] === w || full[full.length - 1] === w
    }
    return wanted.every((w) => e.tokens.has(w)) && (wanted.length >= 2 || full.length === 1)
  }

  /** The fullest form of a short name the article gives nearby: `Azzouz` → `Lotfi Azzouz`. */
  private fullerName(name: string, at: number): ParsedPhrase | null {
    const wanted = this.tokensOfName(name)
    if (wanted.length === 0) return null
    let best: { parsed: ParsedPhrase; distance: number } | null = null
    for (const { start, parsed, tokens } of this.mentions()) {
      if (tokens.length <= wanted.length) continue
      const possessive = /^\S+[’']s\s/u.test(parsed.name!)
      const fits = wanted.length === 1 ? (tokens[0] === wanted[0] && !possessive && !this.places.has(wanted[0]!)) || tokens[tokens.length - 1] === wanted[0] : wanted.every((w) => tokens.includes(w))
      if (!fits) continue
      // Before the cue is better than after it; nearer is better than farther.
      const distance = start <= at ? at - start : 1e9 + start - at
      if (!best || distance < best.distance) best = { parsed, distance }
    }
    return best?.parsed ?? null
  }

  private readonly nameTokenCache = new Map<string, readonly string[]>()
  private readonly parseCache = new Map<string, ParsedPhrase>()

  /** The words of an entity's current name. */
  private tokensOf(e: Entity): readonly string[] {
    return this.tokensOfName(e.name)
  }

  /** `nameTokens`, computed once per text: an article names the same people again and again. */
  private tokensOfName(name: string): readonly string[] {
    let tokens = this.nameTokenCache.get(name)
    if (!tokens) this.nameTokenCache.set(name, (tokens = nameTokens(name)))
    return tokens
  }

  /** `parsePhrase`, computed once per phrase: a sentence's subject is often also its cue's phrase, and a speaker's phrase recurs. */
  private parse(phrase: string): ParsedPhrase {
    let parsed = this.parseCache.get(phrase)
    if (!parsed) this.parseCache.set(phrase, (parsed = parsePhrase(phrase)))
    return parsed
  }

  /** The capitalised runs taken apart, once, and only when a short name needs its full form. */
  private mentions(): { start: number; parsed: ParsedPhrase; tokens: readonly string[] }[] {
    this.parsedMentions ??= this.runs.flatMap(({ start, text }) => {
      const parsed = this.parse(text)
      return parsed.name ? [{ start, parsed, tokens: this.tokensOfName(parsed.name) }] : []
    })
    return this.parsedMentions
  }

  private looksLikeName(name: string): boolean {
    return this.tokensOfName(name).length >= 2 || isOrganisationName(name)
  }

  private create(name: string, parsed: ParsedPhrase): Entity {
    const entity: Entity = {
      id: this.entities.length,
      name,
      aliases: new Set([name]),
      lowerAliases: new Set([name.toLowerCase()]),
      tokens: new Set(this.tokensOfName(name)),
      role: null,
      kind: parsed.organisation || isOrganisationName(name, parsed.aliases) ? 'organisation' : 'person',
      described: false,
      sameAs: null,
      head: parsed.head,
      source: parsed.source,
      lastSeen: 0,
    }
    this.entities.push(entity)
    return entity
  }

  private absorb(entity: Entity, name: string, aliases: readonly string[], role: string | null): void {
    for (const alias of [name, ...aliases]) {
      addAlias(entity, alias)
      // `PMOI/MEK` is also `PMOI` and `MEK`.
      if (alias.includes('/')) for (const part of alias.split('/')) if (part.length > 1) addAlias(entity, part)
      for (const t of this.tokensOfName(alias)) entity.tokens.add(t)
    }
    if (this.tokensOfName(name).length > this.tokensOfName(entity.name).length && !TITLE_WORDS.has(name.toLowerCase())) entity.name = name
    entity.role ??= role
  }

  private touch(entity: Entity): void {
    entity.lastSeen = ++this.clock
    if (entity.kind === 'person') this.lastPerson = entity
    else if (entity.kind === 'organisation') this.lastOrganisation = entity
    else this.lastGroup = entity
  }
}

/**
 * `police and medics`, `officials and local shopkeepers`: speakers named together
 * speak as one group, when one of them is a speaker noun and each is a short phrase.
 */
function coordinatedSpeakers(description: string): boolean {
  const conjuncts = description.toLowerCase().split(/\s+and\s+/)
  if (conjuncts.length < 2 || conjuncts.some((c) => c.split(/\s+/).length > 3)) return false
  return conjuncts.some((c) => {
    const head = c.split(/\s+/).pop()!
    return GROUP_NOUNS.has(head) || ORGANISATION_NOUNS.has(head)
  })
}

/** The named entity a description turned out to stand for, or the entity itself. */
function identified(entity: Entity): Entity {
  return entity.sameAs ?? entity
}

function addAlias(entity: Entity, alias: string): void {
  entity.aliases.add(alias)
  entity.lowerAliases.add(alias.toLowerCase())
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** What a description says after its first `of` (`one victim` in `the mother of one victim`), lower case; '' for none. */
function ofPart(description: string): string {
  const at = description.search(/\sof\s/i)
  return at < 0 ? '' : description.slice(at + 4).trim().toLowerCase()
}

/**
 * Organisation nouns that name one kind of institution: `the government`
 * after a WHO spokesman is the government, not the WHO.
 */
const INSTITUTION_NOUNS = new Set([
  'government', 'ministry', 'department', 'party', 'council', 'committee', 'commission', 'court', 'army', 'police',
  'military', 'regime', 'judiciary', 'opposition', 'administration', 'coalition', 'union',
])

/** Does the entity's name, an alias or its role hold the noun (`the Iranian regime` for `regime`)? */
function describes(entity: Entity, noun: string): boolean {
  const word = new RegExp(`\\b${noun}\\b`, 'i')
  return word.test(entity.name) || (entity.role !== null && word.test(entity.role)) || [...entity.aliases].some((a) => word.test(a))
}
