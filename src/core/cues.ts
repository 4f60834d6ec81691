import { ABBREVIATED_TITLES, GROUP_NOUNS, ORGANISATION_NOUNS, TITLE_WORDS } from './names.js'

/**
 * Where a sentence says who is speaking: the cue patterns of news prose.
 * Patterns and verbs only; no article's people are named here.
 *
 * Each finder works on a masked sentence, in which quoted text is replaced by
 * `§` of the same length, so that words inside a quotation are never taken
 * for a cue and offsets stay those of the sentence.
 */

const SPEECH_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'noted', 'notes', 'stated', 'states', 'explained',
  'explains', 'argued', 'argues', 'claimed', 'claims', 'alleged', 'alleges', 'insisted', 'insists', 'warned',
  'warns', 'wrote', 'writes', 'declared', 'declares', 'announced', 'announces', 'estimated', 'estimates',
  'described', 'describes', 'urged', 'urges', 'underscored', 'underscores', 'stressed', 'stresses', 'emphasized',
  'emphasised', 'emphasizes', 'emphasises', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'vowed', 'vows',
  'pledged', 'pledges', 'reported', 'reports', 'accused', 'accuses', 'condemned', 'condemns', 'denied', 'denies',
  'confirmed', 'confirms', 'suggested', 'suggests', 'believes', 'believed', 'asked', 'asks', 'replied', 'replies',
  'continued', 'continues', 'testified', 'revealed', 'reveals', 'indicated', 'indicates', 'indicate', 'recalled',
  'recounted', 'complained', 'conceded', 'concedes', 'predicted', 'predicts', 'concluded', 'reiterated',
  'reaffirmed', 'expressed', 'demanded', 'demands', 'read', 'reads', 'wrote', 'tweeted', 'posted', 'shouted',
  'countered', 'observed', 'cautioned', 'maintained', 'maintains', 'contended', 'contends', 'asserted', 'asserts',
  'divulged', 'disclosed', 'announced', 'promised', 'promises', 'threatened', 'agreed', 'agrees', 'hoped',
  'called on', 'called for', 'calls on', 'calls for', 'is calling for', 'is calling on', 'is reporting',
  'are reporting', 'has reported', 'have reported', 'has said', 'have said', 'had said', 'has called on',
  'has called for', 'has also called on', 'has also called for', 'has argued', 'has warned', 'has urged',
  'made similar claims', 'gave a statement', 'pleaded', 'blamed', 'blames', 'pointed out', 'points out',
  'has pointed out', 'have pointed out', 'boasted', 'hailed', 'praised', 'criticized', 'criticised',
  'instructed', 'joked', 'quipped', 'remarked', 'responded', 'answered', 'lamented', 'yelled', 'whispered',
  'exclaimed', 'mused', 'wondered', 'acknowledged', 'called', 'calls', 'warns', 'notes', 'cautions', 'argues',
  'have warned', 'has warned', 'had warned',
  // A plea or an appeal is said: `issued a plea for people to stay away`.
  'issued a plea', 'made a plea', 'issued an appeal', 'made an appeal', 'appealed', 'issued a warning',
]

const VERB = `(?:${[...new Set(SPEECH_VERBS)].sort((a, b) => b.length - a.length).map((v) => v.replace(/ /g, '\\s+')).join('|')})`
/** Adverbs and auxiliaries that may stand between a speaker and the verb: `has also`, `repeatedly`. */
const BETWEEN = '(?:(?:[a-z]{3,}ly(?<!only|early|july|italy)|has|have|had|also|further|later|then|repeatedly|previously|earlier|again|publicly|recently|reportedly|separately|first|once|often|long|already|still|now|subsequently|allegedly|formally|flatly|privately|openly)\\s+){0,3}'
const PARTICIPLES = '(?:saying|telling\\s+[^,:§]{1,60}?|adding|noting|insisting|warning|arguing|explaining|declaring|writing|stating|claiming|alleging|asking|urging|describing\\s+[^§]{1,40}?\\s+as)'

/** A cue found in a sentence: the speaker phrase and the whole attributing words, as offsets into the sentence. */
export interface CueMatch {
  readonly phraseStart: number
  readonly phraseEnd: number
  readonly cueStart: number
  readonly cueEnd: number
  /** `according` (according to X), `after` (“…,” X said), `before` (X said: “…”), `end` (…, X said.), `start` (X said that …), `participle` (…, saying “…”: the subject speaks). */
  readonly type: 'according' | 'after' | 'before' | 'end' | 'start' | 'participle'
}

/** A name in apposition between a speaker's description and the verb: `her mother, Jane, said`, `the spokesman, John Roe, said`. */
const APPOSITIVE_NAME = `(?:,\\s*\\p{Lu}[\\p{L}\\p{M}'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’-]*){0,3},)?`

const AFTER_QUOTE_INVERTED = new RegExp(`§[,.!?]?\\s*(${VERB})\\s+([^§;]{2,200}?)[.!?]?\\s*(?=§|$)`, 'u')
// `Mr. Goldwein said`: a full stop inside a speaker phrase belongs to an honorific or an initial.
const AFTER_QUOTE = new RegExp(`§[,.!?—–-]?\\s*((?:[^§;,.]|(?<=\\b(?:${ABBREVIATED_TITLES}|[A-Z]))\\.){1,80}?${APPOSITIVE_NAME})\\s+${BETWEEN}(${VERB})\\b`, 'u')
/** `…, say economists,` / `…, said Ian Michaels, a spokesman …`: a cue with the verb first, after the claim. */
const INVERTED_END = /,\s+(?:said|says|say|added|adds|noted|notes|explained|wrote|warned|warns|insisted|argued|argues)\s+((?:the\s+|a\s+)?[^§;,]{2,60}?)(?:,\s*(?:who|which|whose)\b[^§]*|,\s*(?:an?|the)\s[^§]*)?[.!?]?$|,\s+(?:say|says|said)\s+([^§;,]{2,40}),/u
const BEFORE_QUOTE = new RegExp(`^(.{1,160}?)\\s+${BETWEEN}(${VERB})(?:\\s+[^§:]{0,60}?)?\\s*[:,]\\s*§`, 'u')
const PARTICIPLE_BEFORE_QUOTE = new RegExp(`,\\s*(${PARTICIPLES})(?:\\s+[^§:]{0,40}?)?\\s*[:,]?\\s*§`, 'u')
/** `…, saying its experts were studying it`: the sentence's subject speaks. */
const PARTICIPLE_CLAUSE = /,\s*(?:saying|adding|noting|insisting|arguing|explaining|warning|claiming)\b/u

/** `An opposition group quoted their mother Bahieh Namjou as saying …`: the one quoted is the speaker. */
const QUOTED_AS_SAYING = /\bquoted\s+([^,;§]{2,80}?)\s+as\s+saying\b/u
const ACCORDING = /\b[Aa]ccording to\s+([^,.;§()—–]{2,80}?)(?=\s*(?:[,.;)—–]|$))/u
// `the source, who said he had spoken to people inside, told Reuters`: a relative clause may stand between speaker and verb.
const END = new RegExp(`(?:^|[,—–]\\s*|\\s-\\s+)([^,;§—–]{2,90}?${APPOSITIVE_NAME})(?:,\\s*(?:who|which)\\s[^,;§]{1,120},)?\\s+${BETWEEN}(${VERB})(?=\\s*(?:[,.;!?]|$)|\\s+(?:in|on|at|of|after|before|during|last|this|when|while|on|to|late|early|earlier|later|yesterday|today|tonight|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\s+\\p{Lu}[\\p{L}.]*(?:\\s+\\p{Lu}[\\p{L}.]*){0,2}\\s*(?:[,.;]|$)|\\s+\\p{L}+(?:\\s+\\p{L}+){0,2}\\s*[.!?]?$)`, 'gu')
const VERB_ANYWHERE = new RegExp(`(\\s+${BETWEEN})(${VERB})\\b`, 'gu')
/** Verbs that are also plural nouns (`reports and footage`): verbs only when a clause follows. */
const AMBIGUOUS_VERBS = new Set(['confirmed', 'confirms', 'reports', 'claims', 'notes', 'states', 'reads', 'demands', 'promises', 'says', 'adds', 'estimates', 'indicates', 'suggests', 'calls on', 'calls for', 'read', 'posted'])
const VERB_FOLLOWER = /^\s*(?:that\b|[:,]|the\b|a\b|an\b|it\b|he\b|she\b|they\b|we\b|there\b|over\b|more\b|at least\b|up to\b|about\b|\d|\p{Lu})/u

const VERB_FIRST_WORDS = new Set(SPEECH_VERBS.map((v) => v.split(' ')[0]!))

const UNAMBIGUOUS_VERB_WORDS = new Set(SPEECH_VERBS.filter((v) => !v.includes(' ') && !AMBIGUOUS_VERBS.has(v)))

/** Whether a phrase holds a speech verb of its own, so it is a clause and not a speaker: `the group urged member`. */
export function holdsSpeechVerb(phrase: string): boolean {
  return phrase.toLowerCase().split(/[\s,]+/).some((w) => UNAMBIGUOUS_VERB_WORDS.has(w))
}

/** Words that open an introductory phrase before the subject: `In Washington,`, `Earlier Saturday,`. */
const INTRO = /^(?:(?:(?:over|amid|throughout|within|following|given|under|in|on|at|earlier|later|last|since|after|before|during|however|meanwhile|then|separately|despite|although|though|while|when|hours|days|weeks|months|in addition|speaking|asked|talking|earlier on|previously|now|today|yesterday|by contrast|instead|with|for|as)\b[^,§]{0,100}|(?:but|and|yet|so|also|still)),\s*)+/iu
const LEADING_CONJUNCTION = /^(?:(?:but|and|yet|so|however|still|meanwhile|also|as)\s+)+/iu

/** Masks quoted text with `§`, keeping length: `ranges` are [start, end) offsets of the sentence inside quotations. */
export function mask(sentence: string, ranges: readonly (readonly [number, number])[]): string {
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    const s = Math.max(at, Math.max(0, start))
    const e = Math.min(sentence.length, end)
    if (e <= s) continue
    out += sentence.slice(at, s) + '§'.repeat(e - s)
    at = e
  }
  return out + sentence.slice(at)
}

/** Whether a sentence could hold a cue at all: a quotation, `according to`, or a speech verb. Most narration cannot. */
export function mayHoldCue(masked: string): boolean {
  if (masked.includes('§') || /ccording to|quoted|, (?:saying|adding|noting|insisting|arguing|explaining|warning|claiming)\b/.test(masked)) return true
  for (const word of masked.toLowerCase().split(/[^a-z]+/)) if (VERB_FIRST_WORDS.has(word)) return true
  return false
}

/**
 * Whether a word of the sentence could open a speech verb. Every pattern
 * built on the verbs needs one (standing after white space, ending at a
 * non-letter), so without one they are not tried. Split on ASCII letters as
 * the patterns read them; lower case only widens the test.
 */
function holdsVerbWord(masked: string): boolean {
  for (const word of masked.split(/[^A-Za-z]+/)) if (VERB_FIRST_WORDS.has(word.toLowerCase())) return true
  return false
}

/** The cues of a masked sentence, most specific first. */
export function findCues(masked: string): CueMatch[] {
  const cues: CueMatch[] = []
  const hasQuote = masked.includes('§')
  const hasVerb = holdsVerbWord(masked)
  if (hasQuote) {
    const inverted = hasVerb ? AFTER_QUOTE_INVERTED.exec(masked) : null
    if (inverted) {
      const verbStart = inverted.index + inverted[0].indexOf(inverted[1]!)
      const phraseStart = masked.indexOf(inverted[2]!, verbStart + inverted[1]!.length)
      cues.push({ type: 'after', phraseStart, phraseEnd: phraseStart + inverted[2]!.length, cueStart: verbStart, cueEnd: phraseStart + inverted[2]!.length })
    }
    const after = hasVerb ? AFTER_QUOTE.exec(masked) : null
    if (after) {
      const phraseStart = after.index + after[0].indexOf(after[1]!)
      cues.push({ type: 'after', phraseStart, phraseEnd: phraseStart + after[1]!.length, cueStart: phraseStart, cueEnd: after.index + after[0].length })
    }
    const before = hasVerb ? BEFORE_QUOTE.exec(masked) : null
    if (before) {
      const { start, text } = stripIntro(before[1]!, 0)
      const verbEnd = before.index + before[0].search(/\s*[:,]\s*§$/)
      cues.push({ type: 'before', phraseStart: start, phraseEnd: start + text.length, cueStart: start, cueEnd: verbEnd })
    }
    const participle = PARTICIPLE_BEFORE_QUOTE.exec(masked)
    if (participle) {
      const subject = leadingSubject(masked)
      if (subject) cues.push({ type: 'participle', ...subject, cueStart: participle.index + participle[0].indexOf(participle[1]!), cueEnd: participle.index + participle[0].length - 1 })
    }
  }
  const inverted = hasVerb ? INVERTED_END.exec(masked) : null
  if (inverted) {
    const phrase = inverted[1] ?? inverted[2]!
    const phraseStart = inverted.index + inverted[0].indexOf(phrase, 2)
    cues.push({ type: 'end', phraseStart, phraseEnd: phraseStart + phrase.length, cueStart: inverted.index + 1, cueEnd: phraseStart + phrase.length })
  }
  const participleOnly = PARTICIPLE_CLAUSE.exec(masked)
  if (participleOnly && !hasQuote) {
    const subject = leadingSubject(masked)
    if (subject) cues.push({ type: 'participle', ...subject, cueStart: participleOnly.index + 1, cueEnd: participleOnly.index + participleOnly[0].length })
  }
  const quotedAs = QUOTED_AS_SAYING.exec(masked)
  if (quotedAs) {
    const phraseStart = quotedAs.index + quotedAs[0].indexOf(quotedAs[1]!, 6)
    cues.push({ type: 'end', phraseStart, phraseEnd: phraseStart + quotedAs[1]!.length, cueStart: quotedAs.index, cueEnd: quotedAs.index + quotedAs[0].length })
  }
  const according = ACCORDING.exec(masked)
  let end: RegExpExecArray | null = null
  for (const m of hasVerb ? masked.matchAll(END) : []) {
    const verb = m[2]!.toLowerCase()
    const follows = masked.slice(m.index + m[0].length)
    if (m.index > 0 && (!AMBIGUOUS_VERBS.has(verb) || /^\s*(?:[,.;!?]|$)/.test(follows))) end = m
  }
  const late: CueMatch[] = []
  if (according) {
    const phraseStart = according.index + according[0].indexOf(according[1]!)
    late.push({ type: 'according', phraseStart, phraseEnd: phraseStart + according[1]!.length, cueStart: according.index, cueEnd: according.index + according[0].length })
  }
  if (end) {
    // `… by his interrogators - the report read`: the speaker is after the last dash.
    // `as the committee has pointed out`: `as` introduces the speaker, it is not part of it.
    // `…, and her sister said`: the conjunction joins the clause, it is not part of the speaker.
    const dash = /^.*\s[-—–]\s+|^(?:as|and|but)\s+/isu.exec(end[1]!)
    const phraseStart = end.index + end[0].indexOf(end[1]!) + (dash ? dash[0].length : 0)
    late.push({ type: 'end', phraseStart, phraseEnd: end.index + end[0].indexOf(end[1]!) + end[1]!.length, cueStart: phraseStart, cueEnd: end.index + end[0].length })
  }
  // The later of `according to X` and `…, X said` is the one that governs the sentence.
  cues.push(...late.sort((a, b) => b.cueStart - a.cueStart))
  // Every verb is a candidate: `MEK reports also indicate` is cued by `indicate`, not by the noun `reports`.
  const intro = stripIntro(masked, 0)
  for (const verb of hasVerb ? masked.matchAll(VERB_ANYWHERE) : []) {
    // Verbs come in order: past the 200th character none is taken, so the search stops there.
    if (verb.index > 200) break
    if (verb.index <= intro.start) continue
    const word = verb[2]!.toLowerCase()
    const after = masked.slice(verb.index + verb[0].length)
    // `McConnell called the debt “…”`: to call something a quoted name is to say it; to call a meeting is not.
    if ((word === 'called' || word === 'calls') && !/^[^§.;]{0,80}§/.test(after)) continue
    // `She wrote for a weekly paper`: to write for a publication is to work for it, not to say something.
    if ((word === 'wrote' || word === 'writes') && /^\s+for\b/.test(after)) continue
    if (AMBIGUOUS_VERBS.has(word) && !VERB_FOLLOWER.test(after)) continue
    const phraseEnd = verb.index
    const phrase = masked.slice(intro.start, phraseEnd)
    if (phrase.includes('§')) break
    const cueEnd = verb.index + verb[0].length
    // `… and complained about the deficit`: a joined verb that gives only a topic, no content, is no cue.
    const inner = [clauseSubject(phrase), /^\s+(?:about|of|over)\b/.test(after) ? null : coordinatedSubject(phrase)]
    for (const s of inner) if (s) cues.push({ type: 'start', phraseStart: intro.start + s.start, phraseEnd: intro.start + s.end, cueStart: intro.start + s.start, cueEnd })
    cues.push({ type: 'start', phraseStart: intro.start, phraseEnd, cueStart: intro.start, cueEnd })
  }
  return cues
}

/**
 * `Roe found that many people, young and old, told her …`: a speech verb inside a
 * that-clause is spoken by the clause's own subject, the words after `that`.
 */
function clauseSubject(phrase: string): { start: number; end: number } | null {
  const clause = /^.*\S\s+that\s+/su.exec(phrase) ?? JOINED_CLAUSE.exec(phrase)
  return clause && clause[0].length < phrase.length ? { start: clause[0].length, end: phrase.length } : null
}

/**
 * `Roe has been flooded with requests, and she said …`: a clause joined by `, and`
 * or `, but` with a subject of its own (a pronoun, a name, `the firm`) is cued by that subject; the part
 * before must be a clause with a verb of its own, not a list of names (`Lee, Chan, and Dorr`).
 */
const JOINED_CLAUSE = /^(?=.*\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|\p{Ll}+ed)\b.*,\s+(?:and|but)\s).*,\s+(?:and|but)\s+(?=(?:he|she|they|we|it|\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}|(?:the|his|her|their|its)(?:\s+[\p{L}\p{M}'’-]+){1,3})$)/su

const SPEAKER_NOUNS = [GROUP_NOUNS, ORGANISATION_NOUNS, TITLE_WORDS]
const DETERMINER = /^(?:a|an|the|one|another|some|many|several)$/i
/** `On one forum a reader …`: a leading prepositional phrase without its comma, up to the determiner of the subject. */
const BARE_INTRO = /^(?:on|in|at|from|after|before|during|across|under|over|inside|outside)\s+(?:\S+\s+){1,4}?(?=(?:a|an|the|one|another|some|many|several)\s)/iu

/**
 * `On one forum an unnamed reader posted the photo and` (wrote …): a speech verb
 * joined by `and` to an earlier verb is spoken by the subject of both, the noun
 * phrase that opens the sentence when a speaker noun heads it (`an unnamed reader`).
 */
function coordinatedSubject(phrase: string): { start: number; end: number } | null {
  if (!/\sand$/.test(phrase)) return null
  const start = BARE_INTRO.exec(phrase)?.[0].length ?? 0
  const words = [...phrase.slice(start).matchAll(/[\p{L}\p{M}'’.-]+/gu)].slice(0, 4)
  const first = words[0]
  if (!first) return null
  const speakerNoun = (w: RegExpExecArray): boolean => SPEAKER_NOUNS.some((nouns) => nouns.has(w[0].toLowerCase()))
  if (DETERMINER.test(first[0])) {
    const head = words.slice(1).find(speakerNoun)
    return head ? { start: start + first.index, end: start + head.index + head[0].length } : null
  }
  // `Police arrested a man and said …`, `Jo Pike baked bread and said …`: a bare speaker noun or a name opens the sentence.
  if (speakerNoun(first)) return { start: start + first.index, end: start + first.index + first[0].length }
  const name = /^\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){0,2}(?=\s+\p{Ll})/u.exec(phrase.slice(start))
  return name ? { start, end: start + name[0].length } : null
}

/** The subject at the start of a sentence, up to its main verb: `A third man, from …, spoke`. */
export function leadingSubject(masked: string): { phraseStart: number; phraseEnd: number } | null {
  const { start, text } = stripIntro(masked, 0)
  const verb = /\s+(?:(?:has|have|had|is|are|was|were|will|would|also|then|later)\s+)*(?:[a-z]+ed|spoke|made|gave|took|went|came|said|told|is|was|has|had|says|made|would|will|could|can|did|does|should|must|may|might)\b/u.exec(text)
  if (!verb || verb.index === 0 || verb.index > 160) return null
  return { phraseStart: start, phraseEnd: start + verb.index }
}

function stripIntro(text: string, offset: number): { start: number; text: string } {
  let start = offset
  let rest = text
  // `But with just 18 months left in power, he said`: conjunctions and introductory phrases, in any order.
  for (let round = 0; round < 3; round++) {
    const intro = INTRO.exec(rest)
    const conjunction = intro ? null : LEADING_CONJUNCTION.exec(rest)
    const cut = intro && intro[0].length < rest.length ? intro[0].length : (conjunction?.[0].length ?? 0)
    if (cut === 0) break
    start += cut
    rest = rest.slice(cut)
  }
  return { start, text: rest }
}
