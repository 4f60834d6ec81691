/**
 * The data that flows through Verbatim's core. Data only, readonly: the core's
 * functions build these, the adapters read them.
 */

/** How a statement is attributed: a quotation, reported speech, or the article's own voice. */
export type Kind = 'direct' | 'reported' | 'narration'

/** What a quote cites of its article. */
export interface ArticleRef {
  readonly id: string
  readonly title: string
  readonly date?: string
  readonly url?: string
}

/** An article's metadata: what the page says about itself, never a claim to quote. */
export interface ArticleMeta extends ArticleRef {
  readonly byline?: string
  readonly publisher?: string
  readonly headings: readonly string[]
}

/**
 * One quotable unit of an article: a sentence (or the part of one a quotation
 * spans), verbatim, with its offsets into the article's original text:
 * `article.original.slice(start, end) === text`.
 */
export interface Statement {
  readonly article: string
  /** 1-based number of the paragraph among the article's body paragraphs (¶N). */
  readonly paragraph: number
  /** 1-based number of the sentence within its paragraph. */
  readonly sentence: number
  readonly text: string
  readonly start: number
  readonly end: number
  /** The canonical name of whoever makes the claim. */
  readonly speaker: string
  /** The speaker's role as the article gives it, if it does. */
  readonly role: string | null
  readonly kind: Kind
  /** The attributing words (`said Philip Luther`, `according to the Amnesty report`), or null. */
  readonly cue: string | null
}

/** A speaker as the article names it: one canonical name, the other names it goes by. */
export interface Speaker {
  readonly name: string
  readonly aliases: readonly string[]
  readonly role: string | null
}

/** A read article: its original text, metadata, body paragraphs and attributed statements. */
export interface Article {
  readonly meta: ArticleMeta
  /** The text exactly as given; every offset points into it. */
  readonly original: string
  readonly paragraphs: readonly { readonly start: number; readonly end: number }[]
  readonly statements: readonly Statement[]
  readonly speakers: readonly Speaker[]
}

/** A statement as it leaves the core: verbatim text, speaker and citation. */
export interface Quote {
  readonly text: string
  readonly speaker: string
  readonly role: string | null
  readonly kind: Kind
  readonly cue: string | null
  readonly article: ArticleRef
  readonly paragraph: number
  readonly sentence: number
  readonly start: number
  readonly end: number
}

/** Why a question got no quotes. */
export type RefusalReason = 'empty' | 'too-long' | 'not-in-article' | 'rate-limited'

/**
 * The one type that flows out of the core. Every renderer must handle both
 * branches; the compiler says so.
 */
export type Answer =
  | {
      readonly answered: true
      readonly question: string
      /** Best first. Each is the article's own text with its speaker. */
      readonly quotes: readonly Quote[]
      /** True when the quotes give different figures from different speakers. */
      readonly disagreement: boolean
      /** The disagreement line, or null. Never a claim of the bot's own. */
      readonly note: string | null
    }
  | {
      readonly answered: false
      readonly question: string
      readonly reason: RefusalReason
      /** A short sentence for people: why there is no answer, or how to ask. */
      readonly note: string
    }

/** Who is quoted, how often, and where. */
export interface SourceEntry {
  readonly speaker: string
  readonly role: string | null
  readonly count: number
  readonly articles: readonly ArticleRef[]
}
