import { describe, expect, it } from 'vitest'
import { turnedAway } from '../../../src/adapters/slack/receiver.js'

const NOW_MS = 1_800_000_000_000
const at = (seconds: number, contentType = 'application/x-www-form-urlencoded') => ({
  headers: { 'x-slack-request-timestamp': String(seconds), 'content-type': contentType },
})

describe('turnedAway', () => {
  it('GIVEN a timestamp more than 5 minutes ahead THEN 401', () => {
    expect(turnedAway(at(NOW_MS / 1000 + 301), NOW_MS, true)).toBe(401)
  })

  it('GIVEN a timestamp up to 5 minutes ahead, now, or stale THEN Bolt decides', () => {
    expect(turnedAway(at(NOW_MS / 1000 + 300), NOW_MS, true)).toBeNull()
    expect(turnedAway(at(NOW_MS / 1000), NOW_MS, true)).toBeNull()
    expect(turnedAway(at(NOW_MS / 1000 - 3_600), NOW_MS, true)).toBeNull()
  })

  it('GIVEN no or a malformed timestamp THEN Bolt decides (and rejects it)', () => {
    expect(turnedAway({ headers: {} }, NOW_MS, true)).toBeNull()
    expect(turnedAway({ headers: { 'x-slack-request-timestamp': 'soon' } }, NOW_MS, true)).toBeNull()
  })

  it('GIVEN shutting down THEN events get 503 for Slack to deliver again, commands reach Bolt', () => {
    expect(turnedAway(at(NOW_MS / 1000, 'application/json'), NOW_MS, false)).toBe(503)
    expect(turnedAway(at(NOW_MS / 1000), NOW_MS, false)).toBeNull()
  })
})
