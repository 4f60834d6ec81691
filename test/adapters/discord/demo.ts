/**
 * See what a Discord user sees: starts the real adapter against the fake
 * Discord on 127.0.0.1, asks what people ask, and prints each reply roughly
 * as Discord shows it (escapes removed, embed parts labelled).
 *
 *   npx tsx test/adapters/discord/demo.ts ["your question" …]
 */
import { startDiscord } from '../../../src/adapters/discord/index.js'
import { createRateLimiter } from '../../../src/adapters/rateLimit.js'
import { createLogger } from '../../../src/logger.js'
import { startFakeDiscord, type RecordedCall } from '../../fakes/discordFake.js'
import { fixtureLibrary } from './library.js'
import { displayed } from './markdown.js'

const fake = await startFakeDiscord()
const bot = await startDiscord({
  library: fixtureLibrary('all'),
  config: { token: 'MTEwMDAwMDAwMDAwMDAwMDAwMQ.Gdemo0.demo-token-not-a-secret', appId: fake.ids.app, apiUrl: fake.apiUrl },
  rateLimiter: createRateLimiter({ questions: 100, windowSeconds: 60 }),
  logger: createLogger({ level: 'warn' }),
  clientOptions: { ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } },
})

function show(heading: string, call: RecordedCall): void {
  const body = call.body.data ?? call.body
  const flags = body.flags & 64 ? ' (only you can see this)' : ''
  console.log(`\n━━━ ${heading}${flags}`)
  for (const embed of body.embeds ?? []) {
    if (embed.title) console.log(`[title] ${embed.title}${embed.url ? ` <${embed.url}>` : ''}`)
    console.log(displayed(embed.description ?? ''))
    if (embed.footer) console.log(`[footer] ${embed.footer.text}`)
  }
  const total = (body.embeds ?? []).reduce((n: number, e: { description?: string }) => n + (e.description ?? '').length, 0)
  console.log(`[sent ${total} description characters; allowed_mentions ${JSON.stringify(body.allowed_mentions)}]`)
}

async function slash(command: string, options: Record<string, string> = {}): Promise<void> {
  const { token } = await fake.interact(command, options)
  const call = await fake.waitForCall((c) => c.path.endsWith(`${token}/messages/@original`) || (c.path.endsWith(`${token}/callback`) && c.body.type === 4))
  show(`/${command} ${Object.entries(options).map(([k, v]) => `${k}:${v}`).join(' ')}`, call)
}

async function mention(content: string, dm = false): Promise<void> {
  const { id } = await fake.say({ content: dm ? content : `<@${fake.ids.bot}> ${content}`, mentionsBot: !dm, dm })
  const call = await fake.waitForCall((c) => c.body?.message_reference?.message_id === id)
  show(dm ? `DM: ${content}` : `@Verbatim ${content}`, call)
}

const questions = process.argv.slice(2)
if (questions.length > 0) {
  for (const question of questions) await slash('ask', { question })
} else {
  await slash('ask', { question: 'How many people were killed?' })
  await slash('ask', { question: 'What did Obama say about gun laws?' })
  await slash('ask', { question: 'Who won the football match?' })
  await slash('ask', { question: '@everyone **who** said [this](https://evil.example)?' })
  await mention('who is Maryam Rajavi?')
  await mention('what sanctions were lifted?', true)
  await mention('')
  await slash('quotes', { speaker: 'Rajavi' })
  await slash('sources')
  await slash('articles')
}

await bot.stop()
await fake.close()
