import { App, type AppOptions } from '@slack/bolt'
import type { Config } from '../../config.js'
import type { Logger } from '../../logger.js'
import { boltLevel, boltLogger } from './boltLogger.js'
import { createGuardedReceiver } from './receiver.js'

type SlackConfig = NonNullable<Config['slack']>

/** Socket Mode when an app-level token is set (no public URL needed), else HTTP with the signing secret. */
export type SlackMode = 'socket' | 'http'

export function slackMode(config: SlackConfig): SlackMode {
  return config.appToken !== undefined ? 'socket' : 'http'
}

/**
 * The options for Bolt's App. Initialisation is deferred so that `auth.test`
 * runs in `app.init()`, where a bad token fails start-up with a clear error
 * instead of an unhandled rejection later.
 */
export function slackAppOptions(config: SlackConfig, deps: { logger: Logger; accepting: () => boolean }): AppOptions {
  const logger = boltLogger(deps.logger)
  const common: AppOptions = {
    token: config.botToken,
    logger,
    logLevel: boltLevel(deps.logger.level),
    deferInitialization: true,
    // Verbatim keeps no conversation state; Bolt's store would cost every request a lookup.
    convoStore: false,
    clientOptions: {
      slackApiUrl: config.apiUrl,
      // A few quick retries for chat.postMessage; Slack's own 429 Retry-After is honoured by the client.
      retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
      // No call may hang an answer (and so shutdown, which waits for answers) forever.
      timeout: 10_000,
    },
  }
  if (slackMode(config) === 'socket') return { ...common, socketMode: true, appToken: config.appToken }
  if (config.signingSecret === undefined) {
    throw new Error('SLACK_SIGNING_SECRET is required for Slack over HTTP (or set SLACK_APP_TOKEN for Socket Mode)')
  }
  return { ...common, receiver: createGuardedReceiver({ signingSecret: config.signingSecret, logger, accepting: deps.accepting }) }
}

/** Bolt's App for this configuration, not yet initialised or started. */
export function createSlackApp(config: SlackConfig, deps: { logger: Logger; accepting: () => boolean }): App {
  return new App(slackAppOptions(config, deps))
}
