import { HTTPReceiver } from '@slack/bolt'
import { describe, expect, it } from 'vitest'
import { slackAppOptions, slackMode } from '../../../src/adapters/slack/app.js'
import { createLogger } from '../../../src/logger.js'

const logger = createLogger({ level: 'silent' })
const base = { botToken: 'xoxb-1', port: 3000, apiUrl: 'http://127.0.0.1:1/api/' }
const deps = { logger, accepting: () => true }

describe('slackAppOptions', () => {
  it('GIVEN an app-level token THEN Socket Mode with it, and no HTTP receiver', () => {
    const options = slackAppOptions({ ...base, appToken: 'xapp-1', signingSecret: 's' }, deps)

    expect(slackMode({ ...base, appToken: 'xapp-1' })).toBe('socket')
    expect(options.socketMode).toBe(true)
    expect(options.appToken).toBe('xapp-1')
    expect(options.receiver).toBeUndefined()
  })

  it('GIVEN a signing secret only THEN HTTP through the guarded HTTPReceiver', () => {
    const options = slackAppOptions({ ...base, signingSecret: 's' }, deps)

    expect(slackMode({ ...base, signingSecret: 's' })).toBe('http')
    expect(options.socketMode).toBeUndefined()
    expect(options.receiver).toBeInstanceOf(HTTPReceiver)
  })

  it('GIVEN either THEN the configured Web API URL, the bot token, and auth.test deferred to init()', () => {
    const options = slackAppOptions({ ...base, signingSecret: 's' }, deps)

    expect(options.clientOptions?.slackApiUrl).toBe(base.apiUrl)
    expect(options.token).toBe('xoxb-1')
    expect(options.deferInitialization).toBe(true)
  })

  it('GIVEN neither a signing secret nor an app token THEN it names the variable', () => {
    expect(() => slackAppOptions(base, deps)).toThrow(/SLACK_SIGNING_SECRET/)
  })
})
