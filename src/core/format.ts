import type { Quote } from './types.js'

/** `Philip Luther, Middle East … at Amnesty International` : the speaker with the role the article gives. */
export function speakerLabel(quote: Pick<Quote, 'speaker' | 'role'>): string {
  return quote.role ? `${quote.speaker}, ${quote.role}` : quote.speaker
}

/** `— Speaker · ¶N`: how every renderer attributes and cites a quote. */
export function attributionLine(quote: Quote): string {
  return `— ${speakerLabel(quote)} · ¶${quote.paragraph}`
}

/** `Title (date)`: how every renderer names the article a quote comes from. */
export function articleLabel(article: Quote['article']): string {
  return article.date ? `${article.title} (${article.date})` : article.title
}
