/**
 * A news corpus of any size, the same for a given seed: the repository's
 * real articles first, then generated ones made of news sentence shapes
 * (narration, reported speech, quotations with their cues, figures, dates)
 * over a Zipf-distributed vocabulary, so that, as in a real archive, a few
 * words are common and most occur in far fewer than 1% of statements. Each
 * generated article has its own people, organisations, places and topic
 * words, and is written in the `.txt` article form (title line, blank line,
 * paragraphs separated by blank lines).
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ArticleInput } from '../../src/core/library.js'
import { createRandom, createZipf, type Random } from './random.js'
import { buildVocabulary, type Vocabulary } from './vocabulary.js'

/** The seed article: a corpus of one is this article alone. */
export const SEED_ARTICLE = '000_97c02de7d0eb7492.txt'
export const FIXTURE_DIR = new URL('../../test/fixtures/articles/', import.meta.url).pathname

/** The real articles of the repository (`.txt`), seed first, then by name. */
export function realArticles(dir = FIXTURE_DIR): ArticleInput[] {
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort((a, b) => (a === SEED_ARTICLE ? -1 : b === SEED_ARTICLE ? 1 : a < b ? -1 : 1))
  return names.map((name) => ({ id: name, text: readFileSync(join(dir, name), 'utf8') }))
}

/** Generates articles on demand; article `i` depends only on the seed and `i`. */
export interface CorpusGenerator {
  readonly vocabulary: Vocabulary
  article(i: number): ArticleInput
  /**
   * `size` articles: the real ones first (as many as fit), then generated ones,
   * named `wire-NNNNN.txt` so that a folder of them lists in this same order.
   */
  corpus(size: number): ArticleInput[]
}

const VERBS = `approved rejected announced launched blocked opened closed expanded delayed suspended criticised
  welcomed attacked defended raided seized captured released arrested detained charged accused investigated
  questioned fined sued banned restricted lifted extended signed ratified vetoed passed debated proposed funded
  cut raised lowered doubled tripled halted resumed ended began completed abandoned reviewed audited inspected
  evacuated destroyed damaged rebuilt repaired flooded burned bombed shelled stormed occupied surrounded protested
  boycotted supported opposed endorsed challenged overturned upheld appealed postponed cancelled hosted visited
  toured met hired fired appointed elected ousted replaced promoted recalled imported exported shipped sold bought
  acquired merged borrowed lent invested spent saved lost recovered discovered identified confirmed reported
  recorded measured estimated predicted published leaked revealed concealed warned threatened negotiated mediated`
  .split(/\s+/)
  .filter(Boolean)
const PASSIVES = ['killed', 'injured', 'wounded', 'arrested', 'detained', 'evacuated', 'displaced', 'rescued', 'hospitalised', 'infected', 'vaccinated', 'employed', 'laid off', 'questioned', 'released']
const PEOPLE_NOUNS = ['people', 'civilians', 'workers', 'students', 'protesters', 'soldiers', 'residents', 'patients', 'farmers', 'migrants', 'voters', 'children', 'police officers', 'journalists', 'prisoners']
const ROLES = ['spokesman', 'spokeswoman', 'director', 'chairman', 'minister', 'deputy minister', 'chief executive', 'senior analyst', 'researcher', 'governor', 'mayor', 'general secretary', 'professor', 'commander', 'lawyer']
const GENERIC = ['Institute', 'Council', 'Ministry', 'Agency', 'Party', 'Foundation', 'Commission', 'Union', 'Front', 'Group', 'Association', 'Authority', 'Bank', 'Movement', 'Federation']
const OUTLETS = ['Reuters', 'the Associated Press', 'the BBC', 'state television', 'reporters', 'a news conference', 'local radio', 'parliament']
const SPEECH = ['said', 'said', 'said', 'told reporters', 'added', 'warned', 'noted', 'argued', 'insisted', 'estimated', 'claimed']
const SPEECH_THAT = ['said', 'said that', 'warned that', 'argued that', 'claimed that', 'insisted that', 'estimated that', 'told reporters that', 'confirmed that', 'denied that']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const CURRENCIES = ['dollars', 'euros', 'pounds', 'rupees', 'yuan', 'shekels', 'dinars', 'pesos']
const COSTS = ['cost', 'require', 'total', 'exceed', 'reach', 'absorb']
const SCALES = ['million', 'billion', 'thousand']
const GROUPS = ['officials', 'residents', 'authorities', 'police', 'lawmakers', 'activists', 'analysts', 'witnesses', 'diplomats', 'doctors']
const ADJECTIVES = `new former local national regional foreign military economic political senior public private
  central northern southern eastern western major fragile disputed controversial temporary emergency annual
  independent official rival joint interim`
  .split(/\s+/)
  .filter(Boolean)
const SMALL = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'a dozen', 'dozens of', 'hundreds of', 'thousands of']

/** A speaker of one generated article: how it is named the first time and afterwards. */
interface Speaker {
  readonly full: string
  readonly short: string
  readonly intro: string
  introduced: boolean
}

/** Creates a generator over the real articles' words; `seed` fixes every article. */
export function createCorpusGenerator(seed: number, real: readonly ArticleInput[] = realArticles()): CorpusGenerator {
  const vocabulary = buildVocabulary(createRandom(seed, 1), real.map((a) => a.text))
  const word = createZipf(vocabulary.words, 1.05, 2.7)
  const verb = createZipf(VERBS, 0.9)
  const firstName = createZipf(vocabulary.firstNames, 0.8)
  const lastName = createZipf(vocabulary.lastNames, 0.7)
  const place = createZipf(vocabulary.places, 0.9)
  const organisation = createZipf(vocabulary.organisations, 0.9)
  // Topic words come from below the common head, so that each article's subject is its own.
  const topic = createZipf(vocabulary.words.slice(300), 0.6)

  const article = (i: number): ArticleInput => {
    const random = createRandom(seed, 1000 + i)
    const topics = [topic(random), topic(random), topic(random)]
    const places = [place(random), place(random), place(random)]
    const orgs = [organisation(random), organisation(random)].map((o) => `${o} ${random.pick(GENERIC)}`)
    const speakers: Speaker[] = []
    const persons = random.int(2, 4)
    for (let p = 0; p < persons; p++) {
      const last = lastName(random)
      const full = `${firstName(random)} ${last}`
      const org = random.pick(orgs)
      speakers.push({ full, short: last, intro: `${full}, the ${random.pick(ROLES)} of the ${org},`, introduced: false })
    }
    for (const org of orgs) speakers.push({ full: `the ${org}`, short: `the ${org}`, intro: `the ${org}`, introduced: false })

    const noun = (): string => (random.chance(0.35) ? random.pick(topics) : word(random))
    const where = (): string => (random.chance(0.7) ? random.pick(places) : place(random))
    const figure = (): string => figureText(random)
    const nounPhrase = (): string => {
      switch (random.int(0, 5)) {
        case 0:
          return `the ${noun()} ${noun()}`
        case 1:
          return `a ${random.pick(ADJECTIVES)} ${noun()} of ${figure()} ${noun()}`
        case 2:
          return `the ${noun()} of the ${random.pick(orgs)}`
        case 3:
          return `${where()}’s ${noun()}`
        case 4:
          return `the ${random.pick(ADJECTIVES)} ${noun()}`
        default:
          return `${noun()} ${noun()} in ${where()}`
      }
    }
    const subject = (): string => {
      switch (random.int(0, 4)) {
        case 0:
          return `the ${random.pick(orgs)}`
        case 1:
          return `${random.pick(GROUPS)} in ${where()}`
        case 2:
          return `the ${random.pick(ADJECTIVES)} ${noun()}`
        case 3:
          return `${where()}’s ${noun()}`
        default:
          return `the ${noun()} ${noun()}`
      }
    }
    const clause = (): string => {
      const base = `${subject()} ${verb(random)} ${nounPhrase()}`
      switch (random.int(0, 5)) {
        case 0:
          return `${base} in ${where()}`
        case 1:
          return `${base} on ${random.pick(WEEKDAYS)}`
        case 2:
          return `${base} after ${nounPhrase()}`
        case 3:
          return `${base}, which ${verb(random)} ${nounPhrase()}`
        default:
          return base
      }
    }
    const name = (speaker: Speaker, start: boolean): string => {
      const text = speaker.introduced ? speaker.short : speaker.intro
      speaker.introduced = true
      return start ? capitalize(text) : text
    }
    const anyone = (): Speaker => random.pick(speakers)
    const date = (): string => `${random.pick(MONTHS)} ${random.int(1, 28)}, ${random.int(1990, 2025)}`

    const sentence = (): string => {
      switch (random.int(0, 11)) {
        case 0:
        case 1:
          return `${capitalize(clause())}.`
        case 2:
          return `${capitalize(clause())}, ${name(anyone(), false)} ${random.pick(SPEECH)}.`
        case 3:
          return `${name(anyone(), true)} ${random.pick(SPEECH_THAT)} ${clause()}.`
        case 4:
          return `According to the ${random.pick(orgs)}, ${clause()}.`
        case 5:
          return `“${capitalize(clause())}. ${capitalize(clause())},” ${name(anyone(), false)} said.`
        case 6:
          return `“${capitalize(clause())},” said ${name(anyone(), false)}.`
        case 7: {
          const who = anyone()
          return `${name(who, true)} told ${random.pick(OUTLETS)}: “${capitalize(clause())}.”`
        }
        case 8:
          return `At least ${figure()} ${random.pick(PEOPLE_NOUNS)} were ${random.pick(PASSIVES)} in ${where()} on ${random.pick(WEEKDAYS)}, ${name(anyone(), false)} said.`
        case 9:
          return `On ${date()}, ${clause()}.`
        case 10:
          return `The ${noun()} will ${random.pick(COSTS)} ${figure()} ${random.pick(SCALES)} ${random.pick(CURRENCIES)}, ${random.pick(['up', 'down'])} ${random.int(2, 60)} ${random.pick(['percent', '%'])} from ${random.int(1995, 2024)}, ${name(anyone(), false)} ${random.pick(SPEECH)}.`
        default:
          return `${capitalize(subject())} ${verb(random)} ${figure()} ${noun()} and ${figure()} ${noun()} ${random.pick(['since', 'in', 'by', 'before'])} ${random.pick(MONTHS)}.`
      }
    }

    const title = `${capitalize(topics[0]!)} ${verb(random)} ${topics[1]} in ${places[0]}`
    const paragraphs: string[] = []
    const count = random.int(8, 30)
    for (let p = 0; p < count; p++) {
      const sentences = random.chance(0.5) ? 1 : random.chance(0.7) ? 2 : 3
      let text = ''
      for (let s = 0; s < sentences; s++) text += (s > 0 ? ' ' : '') + sentence()
      if (p === 0 && random.chance(0.6)) text = `${places[0]!.toUpperCase()} — ${text}`
      paragraphs.push(text)
    }
    return { id: `wire-${String(i).padStart(5, '0')}.txt`, text: `${title}\n\n${paragraphs.join('\n\n')}\n` }
  }

  return {
    vocabulary,
    article,
    corpus: (size) => {
      const head = real.slice(0, size)
      const generated = Array.from({ length: Math.max(0, size - head.length) }, (_, i) => article(i))
      return [...head, ...generated]
    },
  }
}

/** A figure as news writes it: `7`, `seven`, `1,500`, `3.5`, `dozens of`. */
function figureText(random: Random): string {
  switch (random.int(0, 5)) {
    case 0:
      return random.pick(SMALL)
    case 1:
      return String(random.int(2, 20))
    case 2:
      return String(random.int(21, 999))
    case 3:
      return random.int(1_000, 250_000).toLocaleString('en-US')
    case 4:
      return `${random.int(1, 99)}.${random.int(1, 9)}`
    default:
      return String(random.int(100, 5_000))
  }
}

function capitalize(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1)
}
