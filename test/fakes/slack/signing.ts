import { createHmac } from 'node:crypto'

/**
 * Requests signed as Slack signs them: `x-slack-signature: v0=` + hex
 * HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the signing secret, and
 * `x-slack-request-timestamp` in seconds.
 */

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`
}

/** Headers for a signed request. Slash commands must say exactly `application/x-www-form-urlencoded`. */
export function signedHeaders(secret: string, body: string, contentType: string, timestamp = nowSeconds()): Record<string, string> {
  return {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': slackSignature(secret, timestamp, body),
  }
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}

/** A slash command's form body, as Slack posts it. */
export function slashCommandBody(fields: {
  command: string
  text: string
  user_id: string
  team_id?: string
  response_url?: string
  channel_id?: string
}): string {
  return new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: fields.team_id ?? 'T0FAKE',
    team_domain: 'fake',
    channel_id: fields.channel_id ?? 'C0NEWS',
    channel_name: 'news',
    user_id: fields.user_id,
    user_name: 'someone',
    command: fields.command,
    text: fields.text,
    api_app_id: 'A0VERBATIM',
    is_enterprise_install: 'false',
    response_url: fields.response_url ?? 'http://127.0.0.1:9/unused',
    trigger_id: '1.2.3',
  }).toString()
}

/** An `app_mention` delivery from the Events API, as Slack posts it (JSON). */
export function mentionEventBody(fields: {
  event_id: string
  text: string
  user: string
  channel?: string
  ts: string
  thread_ts?: string
  team_id?: string
}): string {
  const team = fields.team_id ?? 'T0FAKE'
  return JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: team,
    api_app_id: 'A0VERBATIM',
    type: 'event_callback',
    event_id: fields.event_id,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: team, user_id: 'UVERBATIM', is_bot: true }],
    event: {
      type: 'app_mention',
      user: fields.user,
      text: fields.text,
      ts: fields.ts,
      channel: fields.channel ?? 'C0NEWS',
      event_ts: fields.ts,
      ...(fields.thread_ts !== undefined ? { thread_ts: fields.thread_ts } : {}),
    },
  })
}
