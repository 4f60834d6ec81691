/**
 * Questions for the benchmark, the same for a given seed: most are made from
 * the words of statements picked at random across the corpus (so they can be
 * answered, and reach every part of the index), in the shapes people ask
 * (`how many`, `who`, `when`, `what did X say about`, bare keywords, a typo
 * now and then); the rest are off-topic (`What is the capital of France?`,
 * questions about things no article names) and should be refused.
 */
import { STOP_WORDS } from '../../src/core/stopwords.js'
import type { Article } from '../../src/core/types.js'
import { createRandom, type Random } from './random.js'
import { pseudoWord } from './vocabulary.js'

/** A benchmark question and whether it was made from a statement. */
export interface BenchQuestion {
  readonly text: string
  readonly fromStatement: boolean
}

const OFF_TOPIC = [
  'What is the capital of France?',
  'Who won the 2019 World Series?',
  'Will it rain in Tehran tomorrow?',
  'How do I bake sourdough bread?',
  'What is the airspeed velocity of an unladen swallow?',
  'Who painted the Mona Lisa?',
  'How tall is Mount Everest?',
  'What time is it in Tokyo?',
  'Which team won the Champions League final?',
  'What is the best recipe for lasagna?',
  'How many moons does Jupiter have?',
  'Who wrote Pride and Prejudice?',
  'What is the boiling point of water at altitude?',
  'Can you recommend a good laptop?',
  'What is the square root of 144?',
  'How do I reset my router password?',
  'Who is the lead singer of Coldplay?',
  'What is the population of Canada?',
  'When does the next Olympic Games start?',
  'How much does a Tesla Model 3 cost?',
]
const SHAPES = ['how-many', 'who', 'when', 'where', 'say-about', 'what', 'why', 'bare', 'according'] as const
/** Words too empty to build a question on, beyond the stop words. */
const EMPTY = new Set(['said', 'told', 'added', 'also', 'would', 'could', 'percent', 'according'])

/**
 * `count` questions over the articles' statements: `offTopicShare` of them
 * off-topic (words no article holds, or a general-knowledge question).
 */
export function benchQuestions(
  articles: readonly Article[],
  known: ReadonlySet<string>,
  count: number,
  seed: number,
  offTopicShare = 0.3,
): BenchQuestion[] {
  const random = createRandom(seed, 77)
  const statements = articles.flatMap((a) => a.statements)
  const questions: BenchQuestion[] = []
  while (questions.length < count) {
    if (statements.length === 0 || random.chance(offTopicShare)) {
      questions.push({ text: offTopic(random, known), fromStatement: false })
      continue
    }
    const statement = random.pick(statements)
    const words = contentWords(statement.text)
    if (words.length === 0) continue
    questions.push({ text: fromWords(random, words, statement.kind === 'narration' ? null : statement.speaker), fromStatement: true })
  }
  return questions
}

function offTopic(random: Random, known: ReadonlySet<string>): string {
  if (random.chance(0.5)) return random.pick(OFF_TOPIC)
  const unknown = (): string => {
    for (;;) {
      const word = pseudoWord(random, random.int(2, 3))
      if (!known.has(word)) return word
    }
  }
  const place = capitalize(unknown())
  switch (random.int(0, 3)) {
    case 0:
      return `What is the ${unknown()} of ${place}?`
    case 1:
      return `How many ${unknown()} were sold in ${place} last year?`
    case 2:
      return `Who is the ${unknown()} of the ${place} ${unknown()}?`
    default:
      return `When did ${place} ${unknown()} the ${unknown()}?`
  }
}

/** The words of a statement worth asking about, in order: no stop words, no speech verbs. */
function contentWords(text: string): string[] {
  const words: string[] = []
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N},.'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) {
    const word = match[0].replace(/[’']s$/, '')
    const folded = word.toLowerCase()
    if (STOP_WORDS.has(folded) || EMPTY.has(folded) || folded.length < 3) continue
    words.push(word)
  }
  return words
}

function fromWords(random: Random, words: readonly string[], speaker: string | null): string {
  const take = (n: number): string => {
    const start = random.int(0, Math.max(0, words.length - n))
    return words.slice(start, start + n).map((w, i) => (i === 0 ? typo(random, w) : w)).join(' ')
  }
  const shape = random.pick(SHAPES)
  switch (shape) {
    case 'how-many':
      return `How many ${take(2)}?`
    case 'who':
      return `Who ${take(2)}?`
    case 'when':
      return `When did the ${take(2)} happen?`
    case 'where':
      return `Where was the ${take(1)}?`
    case 'say-about':
      return speaker ? `What did ${lastWord(speaker)} say about ${take(1)}?` : `What about ${take(2)}?`
    case 'according':
      return speaker ? `According to ${speaker}, what ${take(2)}?` : `What ${take(3)}?`
    case 'why':
      return `Why did ${take(3)}?`
    case 'bare':
      return take(3)
    default:
      return `What ${take(2)}?`
  }
}

/** One word in ten misspelt: a letter dropped or two swapped (`kiled`, `protsetors`). */
function typo(random: Random, word: string): string {
  if (word.length < 6 || !random.chance(0.1)) return word
  const at = random.int(1, word.length - 3)
  return random.chance(0.5) ? word.slice(0, at) + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2)
}

function lastWord(name: string): string {
  const parts = name.split(/\s+/)
  return parts[parts.length - 1]!
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1)
}
