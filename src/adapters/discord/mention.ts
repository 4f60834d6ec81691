/**
 * The question in a message addressed to the bot: every mention of the bot
 * (`<@id>`, or `<@!id>` as older clients send it) taken out, the rest as typed.
 */
export function questionFromMention(content: string, botId: string): string {
  return content.split(`<@!${botId}>`).join(' ').split(`<@${botId}>`).join(' ').trim()
}
