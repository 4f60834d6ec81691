/**
 * Reading Slack messages as Slack would: every mrkdwn string in a message, and
 * the `<…>` control sequences in them that would ping, mention or link.
 */

interface TextObject {
  text?: unknown
}
interface BlockLike {
  type?: unknown
  text?: TextObject
  elements?: TextObject[]
}
interface MessageLike {
  text?: unknown
  blocks?: unknown
}

/** The fallback text and every section and context text of a message. */
export function allTexts(message: MessageLike): string[] {
  const texts = typeof message.text === 'string' ? [message.text] : []
  for (const block of blocksOf(message)) {
    if (typeof block.text?.text === 'string') texts.push(block.text.text)
    for (const element of block.elements ?? []) if (typeof element.text === 'string') texts.push(element.text)
  }
  return texts
}

/** The texts of the section blocks, in order. */
export function sectionTexts(message: MessageLike): string[] {
  return blocksOf(message)
    .filter((b) => b.type === 'section' && typeof b.text?.text === 'string')
    .map((b) => b.text!.text as string)
}

/** Links to the articles our fixtures load: the only `<…>` a message may hold. */
const ARTICLE_LINK = /^https?:\/\/(?:news|x)\.example\/[^|<>\s]*\|[^<>]*$/

/**
 * Every raw `<` and what follows it: the start of a mention, broadcast, channel
 * or link Slack would act on. Only whole links to the fixtures' articles may stand.
 */
export function liveTokens(message: MessageLike): string[] {
  return allTexts(message).flatMap((text) =>
    [...text.matchAll(/<([^<>]*)(>?)/g)]
      .filter((m) => !(m[2] === '>' && ARTICLE_LINK.test(m[1] ?? '')))
      .map((m) => m[0]),
  )
}

function blocksOf(message: MessageLike): BlockLike[] {
  return Array.isArray(message.blocks) ? (message.blocks as BlockLike[]) : []
}
