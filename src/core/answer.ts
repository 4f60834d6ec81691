/**
 * Question → Answer: the statements that answer it, verbatim, best first,
 * each with its speaker and citation; or an honest refusal. Refuses when the
 * best statement does not cover enough of the question's content (IDF
 * weighted: `capital` and `France` weigh more than `people`). Where a
 * quantity is asked for and speakers give different figures, quotes each
 * and says that they differ.
 */
import { countsVictims, differingSpeakers, disagreementNote, figureReader, statementQuantitiesOf } from './disagreement.js'
import { countQuestionFor, namedFigures } from './namedFigure.js'
import { nearDuplicate, sharedTerms } from './overlap.js'
import { isPeople, parseQuestion, type Query } from './question.js'
import { toQuote } from './quote.js'
import { candidateOf, rankCandidates, type Candidate } from './ranking.js'
import { refuse } from './refusal.js'
import type { StatementIndex } from './search.js'
import { statementUnitsOf } from './memo.js'
import { stemsOfConcept } from './terms.js'
import { cleanForMatching } from './tokenize.js'
import type { Answer, Quote, Statement } from './types.js'

/** An answer that quotes, in one shape whichever way it was reached. */
export function quotedAnswer(question: string, quotes: readonly Quote[], disagreement: boolean, note: string | null): Extract<Answer, { answered: true }> {
  return { answered: true, question, quotes, disagreement, note }
}

/** Options for one question. */
export interface AskOptions {
  /** At most this many quotes (default 3). */
  readonly maxQuotes?: number
}

/** Longest question taken, in characters (code points). */
export const MAX_QUESTION_LENGTH = 500
/** Share of a question's weighted content the best statement must cover to answer it. */
export const COVERAGE_TO_ANSWER = 0.6
/** A further quote may cover this much less than the best one. */
const COVERAGE_SLACK = 0.25
/** Quotes that take part in a disagreement must cover nearly as much as the best. */
const DISAGREEMENT_SLACK = 0.4
/** Terms beyond the question's that statements of two articles must share to tell of the same events. */
const SAME_EVENTS = 2

const USAGE = 'Ask a question about the article, e.g. "How many people were killed?"'
const TOO_LONG = `That question is too long: please keep it under ${MAX_QUESTION_LENGTH} characters.`
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/** Answers a question from the index: quotes, or a refusal with its reason. */
export function answerQuestion(index: StatementIndex, question: string, options: AskOptions = {}): Answer {
  if (longerThan(question, MAX_QUESTION_LENGTH)) return refuse(question, 'too-long', TOO_LONG)
  const clean = cleanForMatching(question)
  if (!LETTER_OR_DIGIT.test(clean)) return refuse(question, 'empty', USAGE)
  const maxQuotes = Math.max(1, options.maxQuotes ?? 3)
  const query = parseQuestion(clean, index)

  if (query.slots.length === 0) {
    if (query.source) return sourceOnly(index, question, query, maxQuotes)
    if (query.gist) return gist(index, question, maxQuotes)
    return notInArticle(index, question)
  }

  // A question more than half of whose words no article uses is about something else (`the capital of France`); at
  // half (`how late did she stay up deleting the comments`), coverage decides, the absent words weighing less.
  const absent = query.slots.filter((slot) => slot.absent).length
  if (absent > 0 && 2 * absent > query.slots.length) return notInArticle(index, question)
  const candidates = rankCandidates(index, query, COVERAGE_TO_ANSWER)
  const best = candidates[0]
  if (!best) return notInArticle(index, question)
  // `How many` wants a figure and `when` a time: statements without one do not answer, however well they match.
  const needsType = query.type === 'quantity' || query.type === 'time'
  // A figure that differs from the best one's is read even where it covers less of the question (see quantityAnswer).
  const slack = query.type === 'quantity' ? DISAGREEMENT_SLACK : COVERAGE_SLACK
  const eligible = candidates.filter((c) => c.coverage >= best.coverage - slack && (!needsType || c.fitsType))
  if (eligible.length === 0) return notInArticle(index, question)

  if (query.type === 'quantity') return quantityAnswer(index, question, query, eligible, best.coverage, maxQuotes)
  const picked = pickDistinct(index, eligible, maxQuotes)
  const answer = quotedAnswer(question, picked.map((c) => quoteOf(index, c.id)), false, null)
  // `was it really 1,500 dead?` asks about a figure as much as `is the 1,500 figure right?` does.
  return query.type === 'other' ? withOtherFigures(index, query, answer, picked[0]!.id, maxQuotes) : answer
}

/** How many of the best candidates are read again for their figures. */
const QUANTITY_POOL = 12

/**
 * A quantity: the statements that give a figure for what is counted, one
 * quote per figure a speaker gives, and a note where speakers differ.
 */
function quantityAnswer(
  index: StatementIndex,
  question: string,
  query: Query,
  eligible: readonly Candidate[],
  bestCoverage: number,
  maxQuotes: number,
): Answer {
  // Figures stand near what the question names, `people` aside (`Over 1,500 killed`).
  const named = query.slots.filter((slot) => !isPeople(slot))
  const near = named.length > 0 ? named : query.slots
  const unitsOfStatement = statementUnitsOf(index)
  const quantitiesOf = statementQuantitiesOf(index)
  const figuresIn = figureReader(near, query)
  const read: FigureEntry[] = eligible.slice(0, QUANTITY_POOL).map((candidate) => {
    const { figures, quantified } = figuresIn(unitsOfStatement(candidate.id), quantitiesOf(candidate.id))
    return { candidate, speaker: index.statements[candidate.id]!.speaker, figures, quantified }
  })
  // Only a statement with a quantity next to what is counted answers `how many`.
  const quantified = read.filter((e) => e.quantified).sort((a, b) => b.candidate.score - a.candidate.score)
  // What answers covers nearly as much as the best statement; a differing figure may cover less (DISAGREEMENT_SLACK).
  const answering = quantified.filter((e) => e.candidate.coverage >= bestCoverage - COVERAGE_SLACK)
  if (answering.length === 0) return notInArticle(index, question)
  const top = answering[0]!.candidate.coverage
  // Figures from another article count only where it tells of the same events (`Iran`, `November`, not only `killed`).
  const best = answering[0]!.candidate.id
  const asked = askedTermIds(index, query)
  const contenders = quantified.filter((e) => isContender(index, e.candidate, best, top, bestCoverage, asked))
  const differing = differingSpeakers(contenders)

  const chosen: FigureEntry[] = []
  take(index, chosen, answering[0]!, maxQuotes)
  // A contested figure is never given alone: each differing speaker's best figure comes next.
  for (const speaker of differing) {
    const entry = contenders.find((e) => e.speaker === speaker && e.figures.size > 0)
    if (entry && !chosen.some((c) => c.speaker === speaker)) take(index, chosen, entry, maxQuotes)
  }
  for (const entry of answering) take(index, chosen, entry, maxQuotes)

  const quotes = chosen.map((e) => quoteOf(index, e.candidate.id))
  // The note names the speakers whose figures are quoted; only where fewer than two of them could be shown (maxQuotes
  // 1, or a differing figure that repeats a quote already taken) does it name the others, so that a contested figure
  // is never given as if it were not.
  const shown = differing.filter((speaker) => chosen.some((c) => c.speaker === speaker))
  const noted = shown.length > 1 ? shown : differing
  if (noted.length > 1) return quotedAnswer(question, quotes, true, disagreementNote(noted))
  return withOtherFigures(index, query, quotedAnswer(question, quotes, false, null), chosen[0]!.candidate.id, maxQuotes)
}

/**
 * `is the 304 figure accurate?`: the statement giving the figure first, then
 * each other speaker's figure for what it counts, and the note, where they
 * differ (see namedFigure.ts). Otherwise the answer as it was.
 */
function withOtherFigures(index: StatementIndex, query: Query, answer: Extract<Answer, { answered: true }>, first: number, maxQuotes: number): Answer {
  const figures = namedFigures(query)
  if (figures.size === 0) return answer
  // `first` is the statement of the answer's first quote.
  const asked = countQuestionFor(statementUnitsOf(index)(first), figures)
  if (!asked) return answer
  const counted = answerQuestion(index, asked, { maxQuotes })
  if (!counted.answered || !counted.disagreement) return answer
  const quotes = [answer.quotes[0]!]
  for (const quote of counted.quotes) {
    if (quotes.length >= maxQuotes) break
    const again = quotes.some((q) => q.article.id === quote.article.id && q.start === quote.start)
    // The first quote already gives its speaker's figure.
    if (!again && quote.speaker !== quotes[0]!.speaker) quotes.push(quote)
  }
  return quotedAnswer(answer.question, quotes, true, counted.note)
}

/** A statement read for its figures. */
interface FigureEntry {
  readonly candidate: Candidate
  readonly speaker: string
  readonly figures: ReadonlySet<string>
  readonly quantified: boolean
}

/** Do statements `best` and `id` tell of the same events: the same article, or terms beyond the `asked` ones in common? */
function sameEvents(index: StatementIndex, best: number, id: number, asked: ReadonlySet<number>): boolean {
  return index.lexicon.articleIndex[id] === index.lexicon.articleIndex[best] || sharedTerms(index.lexicon, best, id, asked) >= SAME_EVENTS
}

/**
 * Is the candidate's figure weighed against the answer's? It tells of the same
 * events and covers nearly as much as the answer; one that covers less (the
 * wider DISAGREEMENT_SLACK band) only from the answer's own article: across
 * articles, sharing a few words is weaker evidence of the same events.
 */
function isContender(index: StatementIndex, candidate: Candidate, best: number, top: number, bestCoverage: number, asked: ReadonlySet<number>): boolean {
  const sameArticle = index.lexicon.articleIndex[candidate.id] === index.lexicon.articleIndex[best]
  const least = sameArticle ? top - DISAGREEMENT_SLACK : Math.max(top - DISAGREEMENT_SLACK, bestCoverage - COVERAGE_SLACK)
  return candidate.coverage >= least && sameEvents(index, best, candidate.id, asked)
}

/** Adds the entry to the chosen quotes, unless they are full, hold it, or hold one saying the same (or the same speaker's same figures). */
function take(index: StatementIndex, chosen: FigureEntry[], entry: FigureEntry, maxQuotes: number): void {
  if (chosen.length >= maxQuotes || chosen.includes(entry)) return
  const repeats = chosen.some(
    (c) =>
      nearDuplicate(index.lexicon, c.candidate.id, entry.candidate.id) ||
      (c.speaker === entry.speaker && entry.figures.size > 0 && sameSet(c.figures, entry.figures)),
  )
  if (!repeats) chosen.push(entry)
}

/**
 * The term ids of what any count of victims shares (`people`, `killed`, and
 * every word of their synonym groups): two statements that share only these
 * may tell of different events.
 */
function askedTermIds(index: StatementIndex, query: Query): Set<number> {
  const ids = new Set<number>()
  for (const slot of query.slots) {
    for (const term of slot.anyOf.flat().filter(countsVictims)) {
      for (const t of [term, ...(term.startsWith('~') ? stemsOfConcept(term) : [])]) {
        const id = index.lexicon.termIds.get(t)
        if (id !== undefined) ids.add(id)
      }
    }
  }
  return ids
}

/** `What did Rajavi say?`: the source's own statements, quotations and reported speech first, in article order. */
function sourceOnly(index: StatementIndex, question: string, query: Query, maxQuotes: number): Answer {
  const ids: number[] = []
  for (const context of query.source!.contexts) ids.push(...index.speakers.contexts[context]!.statements)
  ids.sort((a, b) => narrationRank(index.statements[a]!) - narrationRank(index.statements[b]!) || a - b)
  const candidates = ids.map((id) => candidateOf(id, 1, true, false, 0))
  const quotes = pickDistinct(index, candidates, maxQuotes).map((c) => quoteOf(index, c.id))
  if (quotes.length === 0) return notInArticle(index, question)
  return quotedAnswer(question, quotes, false, null)
}

function narrationRank(statement: Statement): number {
  return statement.kind === 'narration' ? 1 : 0
}

/** `What happened?` over one article (or a few): each article's opening statement. */
function gist(index: StatementIndex, question: string, maxQuotes: number): Answer {
  if (index.articles.length === 0 || index.articles.length > maxQuotes) return notInArticle(index, question)
  const quotes = index.articles
    .filter((a) => a.statements.length > 0)
    .map((a) => quoteOf(index, index.statements.indexOf(a.statements[0]!)))
  if (quotes.length === 0) return notInArticle(index, question)
  return quotedAnswer(question, quotes, false, null)
}

/** The best candidates, skipping any that repeat one already taken. */
function pickDistinct(index: StatementIndex, candidates: readonly Candidate[], maxQuotes: number): Candidate[] {
  const chosen: Candidate[] = []
  for (const candidate of candidates) {
    if (chosen.length >= maxQuotes) break
    if (!chosen.some((c) => nearDuplicate(index.lexicon, c.id, candidate.id))) chosen.push(candidate)
  }
  return chosen
}

function quoteOf(index: StatementIndex, id: number) {
  return toQuote(index.statements[id]!, index.articleOf[id]!)
}

function notInArticle(index: StatementIndex, question: string): Answer {
  const note = index.articles.length > 1 ? "The loaded articles don't say." : "The article doesn't say."
  return refuse(question, 'not-in-article', note)
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => a.has(x) && b.has(x))
}

/** More than `limit` code points, counted without walking past the limit. */
function longerThan(text: string, limit: number): boolean {
  if (text.length <= limit) return false
  let count = 0
  for (const _ of text) if (++count > limit) return true
  return false
}
