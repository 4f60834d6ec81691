/**
 * `npm run eval`: how well Verbatim answers the golden questions
 * (test/fixtures/golden.json over test/fixtures/articles/).
 *
 *   npm run eval                          golden set, each question over its own article
 *   npm run eval -- --set calibration     the calibration set (test/fixtures/calibration.json)
 *   npm run eval -- --set golden-heldout  questions written blind over the six held-out articles
 *   npm run eval -- --set golden-heldout2 questions written blind over all twelve articles, never tuned on
 *   npm run eval -- --corpus all          every article loaded at once (answers must still come from the right one)
 *   npm run eval -- --verbose             list every miss
 *   npm run eval -- --json                one JSON object with the figures
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createLibrary, type Library } from '../src/core/library.js'
import type { Answer, Article, Quote } from '../src/core/types.js'

/** A golden question: the statements that answer it (any one in the top 3 is a hit), or null when it must be refused. */
export interface GoldenEntry {
  readonly article: string
  readonly question: string
  readonly expect: readonly { readonly prefix: string; readonly speaker: readonly string[] | string }[] | null
  readonly disagreement?: boolean
}

/** The figures `npm run eval` prints. */
export interface EvalReport {
  readonly questions: number
  readonly answerable: number
  readonly unanswerable: number
  /** Answerable questions with an expected statement in the top 3, said by a right speaker. */
  readonly hitAt3: number
  /** The same, ignoring who the quote is attributed to. */
  readonly hitAt3IgnoringSpeaker: number
  /** Answerable questions whose first quote is expected, with a right speaker. */
  readonly top1: number
  /** Unanswerable questions refused. */
  readonly refusals: number
  /** Answerable questions refused. */
  readonly falseRefusals: number
  /** Questions marked as disagreements answered with `disagreement: true`; and unmarked ones flagged anyway. */
  readonly disagreementsFound: number
  readonly disagreementsExpected: number
  readonly disagreementsSpurious: number
  /** Quotes whose offsets do not slice back to their text. */
  readonly unfaithful: number
  readonly misses: readonly Miss[]
}

/** One question that went wrong, and how. */
export interface Miss {
  readonly article: string
  readonly question: string
  readonly what: 'refused' | 'answered-unanswerable' | 'wrong-statement' | 'wrong-speaker' | 'disagreement'
  readonly got: readonly string[]
}

export const FIXTURES = join(import.meta.dirname, '../test/fixtures')

/** Reads a question set from test/fixtures (`golden`, `calibration`, `golden-heldout`, `golden-heldout2`). */
export function readEntries(set: string): GoldenEntry[] {
  return JSON.parse(readFileSync(join(FIXTURES, `${set}.json`), 'utf8')) as GoldenEntry[]
}

/** Reads an article of test/fixtures/articles by file name. */
export function readFixtureArticle(name: string): { id: string; text: string } {
  return { id: name, text: readFileSync(join(FIXTURES, 'articles', name), 'utf8') }
}

/**
 * Scores every entry. `corpus: 'own'` asks each question of a library holding
 * only its article; `'all'` of one library holding every article named.
 */
export function evaluate(entries: readonly GoldenEntry[], corpus: 'own' | 'all' = 'own'): EvalReport {
  const names = [...new Set(entries.map((e) => e.article))].sort()
  const libraries = new Map<string, Library>()
  if (corpus === 'all') {
    const library = createLibrary(names.map(readFixtureArticle))
    for (const name of names) libraries.set(name, library)
  } else {
    for (const name of names) libraries.set(name, createLibrary([readFixtureArticle(name)]))
  }

  let hitAt3 = 0
  let hitAt3IgnoringSpeaker = 0
  let top1 = 0
  let refusals = 0
  let falseRefusals = 0
  let disagreementsFound = 0
  let disagreementsSpurious = 0
  let unfaithful = 0
  const misses: Miss[] = []

  for (const entry of entries) {
    const library = libraries.get(entry.article)!
    const answer = library.ask(entry.question)
    unfaithful += unfaithfulQuotes(library.articles, answer)
    const got = answer.answered ? answer.quotes.map((q) => `[${q.speaker} / ${q.kind}] ${q.text.slice(0, 70)}`) : [`refused: ${answer.reason}`]
    const miss = (what: Miss['what']) => misses.push({ article: entry.article, question: entry.question, what, got })

    if (entry.expect === null) {
      if (!answer.answered) refusals++
      else miss('answered-unanswerable')
      continue
    }
    if (!answer.answered) {
      falseRefusals++
      miss('refused')
      continue
    }
    const article = library.articles.find((a) => a.meta.id === entry.article)!
    const matches = (quote: Quote, withSpeaker: boolean) =>
      quote.article.id === entry.article &&
      entry.expect!.some((e) => quote.text.startsWith(e.prefix) && (!withSpeaker || speakerIsRight(article, quote, e.speaker)))
    const top3 = answer.quotes.slice(0, 3)
    if (top3.some((q) => matches(q, true))) hitAt3++
    else miss(top3.some((q) => matches(q, false)) ? 'wrong-speaker' : 'wrong-statement')
    if (top3.some((q) => matches(q, false))) hitAt3IgnoringSpeaker++
    if (answer.quotes[0] && matches(answer.quotes[0], true)) top1++
    if (entry.disagreement && answer.disagreement) disagreementsFound++
    if (!entry.disagreement && answer.disagreement) disagreementsSpurious++
    if (Boolean(entry.disagreement) !== answer.disagreement) miss('disagreement')
  }

  const unanswerable = entries.filter((e) => e.expect === null).length
  return {
    questions: entries.length,
    answerable: entries.length - unanswerable,
    unanswerable,
    hitAt3,
    hitAt3IgnoringSpeaker,
    top1,
    refusals,
    falseRefusals,
    disagreementsFound,
    disagreementsExpected: entries.filter((e) => e.disagreement).length,
    disagreementsSpurious,
    unfaithful,
    misses,
  }
}

/**
 * A quote's speaker is right when it is one of the expected names, or one of
 * its aliases in the article is; `@narration` accepts the article's own voice.
 */
export function speakerIsRight(article: Article, quote: Quote, expected: readonly string[] | string): boolean {
  const names = (typeof expected === 'string' ? [expected] : expected).map((n) => n.toLowerCase())
  if (names.includes('@narration') && quote.kind === 'narration') return true
  const known = article.speakers.find((s) => s.name === quote.speaker)
  return [quote.speaker, ...(known?.aliases ?? [])].some((n) => names.includes(n.toLowerCase()))
}

/** Quotes whose offsets do not slice back to their text in their article. */
function unfaithfulQuotes(articles: readonly Article[], answer: Answer): number {
  if (!answer.answered) return 0
  return answer.quotes.filter((q) => {
    const article = articles.find((a) => a.meta.id === q.article.id)
    return !article || article.original.slice(q.start, q.end) !== q.text
  }).length
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`
}

/** The report as people read it. */
export function formatReport(report: EvalReport, verbose: boolean): string {
  const r = report
  const lines = [
    `questions            ${r.questions} (${r.answerable} answerable, ${r.unanswerable} unanswerable)`,
    `hit@3, right speaker ${percent(r.hitAt3, r.answerable)} (${r.hitAt3}/${r.answerable})`,
    `hit@3, any speaker   ${percent(r.hitAt3IgnoringSpeaker, r.answerable)} (${r.hitAt3IgnoringSpeaker}/${r.answerable})`,
    `top-1, right speaker ${percent(r.top1, r.answerable)} (${r.top1}/${r.answerable})`,
    `refusals             ${percent(r.refusals, r.unanswerable)} (${r.refusals}/${r.unanswerable})`,
    `false refusals       ${percent(r.falseRefusals, r.answerable)} (${r.falseRefusals}/${r.answerable})`,
    `disagreements        ${r.disagreementsFound}/${r.disagreementsExpected} found, ${r.disagreementsSpurious} spurious`,
    `not verbatim         ${r.unfaithful}`,
  ]
  if (verbose) {
    for (const m of r.misses) {
      lines.push('', `✗ ${m.what}: ${m.question}  (${m.article})`, ...m.got.map((g) => `    ${g}`))
    }
  }
  return lines.join('\n')
}

function main(argv: readonly string[]): void {
  const value = (flag: string, fallback: string) => {
    const i = argv.indexOf(flag)
    return i >= 0 && argv[i + 1] ? argv[i + 1]! : fallback
  }
  const set = value('--set', 'golden')
  const corpus = value('--corpus', 'own') === 'all' ? 'all' : 'own'
  const report = evaluate(readEntries(set), corpus)
  if (argv.includes('--json')) {
    const { misses, ...figures } = report
    console.log(JSON.stringify({ set, corpus, ...figures, misses: misses.length }))
  } else {
    console.log(`${set}, ${corpus === 'all' ? 'all articles loaded together' : 'each question over its own article'}`)
    console.log(formatReport(report, argv.includes('--verbose')))
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2))
