import type { Span } from './sentences.js'
import type { ArticleMeta, Speaker, Statement } from './types.js'

/** A sentence located in its paragraph, before attribution. */
export interface LocatedSpan extends Span {
  readonly paragraph: number
  readonly sentence: number
}

/** Attributes each sentence to a speaker. (First cut: everything is narration.) */
export function attribute(
  original: string,
  meta: ArticleMeta,
  sentences: readonly LocatedSpan[],
): { statements: Statement[]; speakers: Speaker[] } {
  const narrator = meta.byline ?? meta.publisher ?? 'the article'
  const statements = sentences.map((s) => ({
    article: meta.id,
    paragraph: s.paragraph,
    sentence: s.sentence,
    text: original.slice(s.start, s.end),
    start: s.start,
    end: s.end,
    speaker: narrator,
    role: null,
    kind: 'narration' as const,
    cue: null,
  }))
  return { statements, speakers: [{ name: narrator, aliases: [], role: null }] }
}
