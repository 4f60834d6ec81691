import { findCues, holdsSpeechVerb, leadingSubject, mask, mayHoldCue, type CueMatch } from './cues.js'
import { findQuotations, type Quotation } from './quotations.js'
import type { Span } from './sentences.js'
import { SpeakerRegistry } from './speakers.js'
import type { ArticleMeta, Kind, Speaker, Statement } from './types.js'

/** A sentence located in its paragraph, before attribution. */
export interface LocatedSpan extends Span {
  readonly paragraph: number
  readonly sentence: number
}

interface Draft {
  readonly span: LocatedSpan
  /** Whether the sentence is (mostly) a quotation: it starts inside one, or is mostly quoted. */
  direct: boolean
  /** Mostly quoted but uncued: a quotation resumed mid-sentence, the speaker's only if one spoke just before. */
  readonly resumes: boolean
  /** The quotation the sentence opens in, shared by every sentence of a multi-sentence quotation. */
  readonly quotation: Quotation | null
  readonly cue: { readonly match: CueMatch; readonly entity: number } | null
  entity: number | null
  /** The last person named up to this sentence, for a quotation nobody is cued for. */
  readonly lastPerson: number | null
}

/**
 * Attributes each sentence to whoever makes its claim:
 * - `direct`: inside quotation marks; the cue may come before, inside or after,
 *   and a quotation of several sentences is its speaker's in every one;
 * - `reported`: reported speech with a cue (`X said that`, `according to X`);
 * - `narration`: the article's own voice, spoken by the byline, the publisher or `the article`.
 */
export function attribute(
  original: string,
  meta: ArticleMeta,
  sentences: readonly LocatedSpan[],
): { statements: Statement[]; speakers: Speaker[] } {
  const first = sentences[0]
  const last = sentences[sentences.length - 1]
  const registry = new SpeakerRegistry(first && last ? original.slice(0, last.end) : '', first?.start ?? 0)
  const quotations = quotationsByParagraph(original, sentences)
  const drafts: Draft[] = []

  for (const span of sentences) {
    const inQuote = (quotations.get(span.paragraph) ?? []).filter((q) => q.end > span.start && q.start < span.end)
    const text = original.slice(span.start, span.end)
    const masked = mask(text, inQuote.map((q) => [q.start - span.start, q.end - span.start] as const))
    const quotedChars = inQuote.reduce((n, q) => n + Math.max(0, Math.min(q.end, span.end) - Math.max(q.start, span.start)), 0)
    const quotedShare = quotedChars / Math.max(1, text.replace(/\s/g, '').length)
    const opensInQuote = inQuote.some((q) => q.start <= span.start + leadingSpace(text))
    noticeSubject(registry, masked, text, span.start)
    const cue = resolveCue(registry, masked, text, span.start)
    // `alleging that '…'`, `saying that it “…”`: quoted words inside indirect speech are reported, not direct.
    const indirect = /\bthat\s*(?:\p{L}+\s+)?§/u.test(masked)
    const direct = opensInQuote || (quotedShare >= 0.5 && !indirect && cue !== null && (cue.match.type === 'before' || cue.match.type === 'participle' || cue.match.type === 'after'))
    const resumes = !direct && cue === null && quotedShare >= 0.5 && !indirect
    drafts.push({ span, direct: direct || resumes, resumes, quotation: inQuote[0] ?? null, cue, entity: cue?.entity ?? null, lastPerson: registry.lastPersonId() })
  }

  assignQuotations(drafts)
  assignListItems(drafts, original)
  const narrator = narratorOf(registry, meta)
  const statements = drafts.map((d): Statement => {
    const kind: Kind = d.entity === null ? 'narration' : d.direct ? 'direct' : 'reported'
    const who = d.entity === null ? { name: narrator, role: null } : registry.describe(d.entity)
    const cue = d.entity !== null && d.cue && d.cue.entity === d.entity ? original.slice(d.span.start + d.cue.match.cueStart, d.span.start + d.cue.match.cueEnd).trim() : null
    return {
      article: meta.id,
      paragraph: d.span.paragraph,
      sentence: d.span.sentence,
      text: original.slice(d.span.start, d.span.end),
      start: d.span.start,
      end: d.span.end,
      speaker: who.name,
      role: who.role,
      kind,
      cue,
    }
  })
  const speakers = registry.speakers()
  if (!speakers.some((s) => s.name === narrator)) speakers.push({ name: narrator, aliases: [], role: null })
  return { statements, speakers }
}

/** Quotations of each paragraph, carrying one left open into the next paragraph. */
function quotationsByParagraph(original: string, sentences: readonly LocatedSpan[]): Map<number, Quotation[]> {
  const bounds = new Map<number, { start: number; end: number }>()
  for (const s of sentences) {
    const b = bounds.get(s.paragraph)
    bounds.set(s.paragraph, { start: Math.min(b?.start ?? s.start, s.start), end: Math.max(b?.end ?? s.end, s.end) })
  }
  const out = new Map<number, Quotation[]>()
  let carried = false
  for (const [paragraph, b] of [...bounds.entries()].sort((x, y) => x[0] - y[0])) {
    // A quotation continues into the next paragraph only when that paragraph opens with a quotation mark.
    const opensWithMark = /^[“"‘']/.test(original.slice(b.start, b.start + 1))
    const found = findQuotations(original, b.start, b.end, carried && opensWithMark)
    out.set(paragraph, found)
    carried = found.length > 0 && found[found.length - 1]!.open
  }
  return out
}

function resolveCue(registry: SpeakerRegistry, masked: string, text: string, offset: number): Draft['cue'] {
  if (!mayHoldCue(masked)) return null
  for (const match of findCues(masked)) {
    const phrase = text.slice(match.phraseStart, match.phraseEnd)
    if (!plausiblePhrase(phrase, match.type)) continue
    const entity = registry.resolve(phrase, offset + match.phraseStart)
    if (entity !== null) return { match, entity }
  }
  return null
}

/** A speaker phrase is short and has no clause of its own. */
function plausiblePhrase(phrase: string, type: CueMatch['type']): boolean {
  const words = phrase.trim().split(/\s+/).length
  // An appositive may be long (`Lee Jae-myung, leader of … election,`); the name before it may not.
  const beforeComma = phrase.split(',')[0]!.trim().split(/\s+/).length
  const limit = type === 'after' || type === 'according' || phrase.includes(',') ? 30 : 16
  if (words === 0 || words > limit || beforeComma > 12) return false
  // `The company, which makes parts,` (said …): a relative clause closed by its comma describes the speaker.
  const described = phrase.replace(/,\s*which\s[^,]{2,120},\s*$/i, '')
  if (/\b(?:that|which|because|if|whether|but)\b/i.test(described) && type !== 'after' && type !== 'according') return false
  // `The mother of a woman who took the pills has described …`: a relative clause that ends before the verb
  // (two words or more after `who`) describes the speaker; `Roe, who` + `wrote …` puts the verb inside it.
  if (/\b(?:[Ww]ho|[Ww]hom)(?:\s+\S+){0,1}\s*,?\s*$/.test(phrase) && type !== 'after' && type !== 'according') return false
  // `Police arrested a man and` (said …): a speaker never ends with a conjunction; the clause before it is not one.
  if (/\b(?:and|or)\s*$/i.test(phrase)) return false
  // `Lawmakers … were shouted at` is passive: the subject is not speaking.
  if (/\b(?:is|are|was|were|be|been|being)\s*$/i.test(phrase)) return false
  // `… by his interrogators - the report read`: a phrase that opens with a preposition or holds a dash is not a speaker.
  if (/^(?:by|of|in|to|for|from|with|on|at|into|about|as)\s/i.test(phrase) || /\s[-—–]\s/.test(phrase)) return false
  if (type !== 'after' && type !== 'according' && holdsSpeechVerb(phrase)) return false
  // A subject never holds a modal verb: `The ouster will require 103,969 billion dinars, …` is a clause.
  if (type === 'start' && /\b(?:will|would|could|can|should|must|may|might|shall)\b/i.test(phrase)) return false
  return !/[“”"]/.test(phrase)
}

function noticeSubject(registry: SpeakerRegistry, masked: string, text: string, offset: number): void {
  const subject = leadingSubject(masked)
  if (!subject) return
  // A quotation is someone's words, never the subject: `“… DNP, as …,” it said` names no DNP speaking.
  if (masked.slice(subject.phraseStart, subject.phraseEnd).includes('§')) return
  const phrase = text.slice(subject.phraseStart, subject.phraseEnd)
  // Only a name (a capital after the first word) or an unnamed person (`Another man`) can be noticed: skip the rest cheaply.
  if (/\s\p{Lu}/u.test(phrase) || /^(?:a|an|another|one)\s/i.test(phrase) || /^\p{Lu}\S*$/u.test(phrase)) registry.notice(phrase, offset + subject.phraseStart)
}

/**
 * A quotation of several sentences is its speaker's in every one: the cue of
 * any sentence of it (often the last, `…,” Madam Rajavi added.`) governs the
 * others; a quotation with no cue continues the speaker of the one before it
 * in the paragraph or the paragraph before, else the last person named.
 */
function assignQuotations(drafts: Draft[]): void {
  const groups: Draft[][] = []
  for (const d of drafts) {
    if (!d.direct) continue
    const previous = groups[groups.length - 1]
    const tail = previous?.[previous.length - 1]
    if (tail && tail.quotation !== null && tail.quotation === d.quotation) previous!.push(d)
    else groups.push([d])
  }
  let lastQuoted: { entity: number; paragraph: number } | null = null
  for (const group of groups) {
    const cued = group.find((d) => d.cue !== null)
    const first = group[0]!
    let entity = cued?.cue?.entity ?? null
    if (entity === null) {
      const before = drafts[drafts.indexOf(first) - 1]
      const nearby: number | null = lastQuoted && first.span.paragraph - lastQuoted.paragraph <= 1 ? lastQuoted.entity : null
      const previous = before && before.entity !== null && before.span.paragraph >= first.span.paragraph - 1 ? before.entity : null
      // A quotation resumed mid-sentence continues only a speaker quoted just before it.
      entity = first.resumes ? (before?.quotation ? previous : null) : (nearby ?? previous ?? first.lastPerson)
    }
    if (entity === null) for (const d of group) d.direct = false
    for (const d of group) d.entity = entity
    if (entity !== null) lastQuoted = { entity, paragraph: group[group.length - 1]!.span.paragraph }
  }
}

/**
 * `President Obama also said:` followed by items without a final stop (a
 * bulleted list): each item is reported speech of the speaker the colon line names.
 */
function assignListItems(drafts: Draft[], original: string): void {
  let speaker: number | null = null
  for (const d of drafts) {
    const text = original.slice(d.span.start, d.span.end)
    if (speaker !== null && d.entity === null && d.span.sentence === 1 && !/[.!?…”"’')\]]$/.test(text)) {
      d.entity = speaker
      continue
    }
    speaker = text.endsWith(':') && d.entity !== null && !d.direct ? d.entity : null
  }
}

function narratorOf(registry: SpeakerRegistry, meta: ArticleMeta): string {
  const byline = meta.byline ?? meta.publisher
  if (!byline) return 'the article'
  // The byline names the narrator as written (`Stella Kim, Jennifer Jett`), unless it is a speaker's own name (`PMOI/MEK`).
  const id = registry.byAlias(byline)
  return id === null ? byline : registry.describe(id).name
}

function leadingSpace(text: string): number {
  return text.length - text.trimStart().length
}
