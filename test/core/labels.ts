import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Article, Kind, Statement } from '../../src/core/types.js'

/** A hand label of one sentence (test/fixtures/labels/*.json). */
export interface Label {
  readonly prefix: string
  readonly speaker: readonly string[] | '@narration'
  readonly kind: Kind
  /** An equally defensible reading, where the annotator gave one. */
  readonly alt?: { readonly speaker: readonly string[] | '@narration'; readonly kind: Kind }
}

export interface LabelFile {
  readonly article: string
  readonly narrator?: string
  readonly statements: readonly Label[]
}

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname

/** Every label file, with the article text it labels. */
export function labelFiles(): { labels: LabelFile; text: string }[] {
  const dir = join(FIXTURES, 'labels')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const labels = JSON.parse(readFileSync(join(dir, f), 'utf8')) as LabelFile
      return { labels, text: readFileSync(join(FIXTURES, 'articles', labels.article), 'utf8') }
    })
}

/** Whether a statement's speaker is one of the names a label accepts (or one of that speaker's aliases is). */
export function speakerMatches(article: Article, statement: Statement, expected: Label['speaker']): boolean {
  if (expected === '@narration') return statement.kind === 'narration'
  if (statement.kind === 'narration') return false
  const wanted = new Set(expected.map((n) => n.toLowerCase()))
  const known = article.speakers.find((s) => s.name === statement.speaker)
  return [statement.speaker, ...(known?.aliases ?? [])].some((n) => wanted.has(n.toLowerCase()))
}

/** Judges every label of a file in order: repeated prefixes (captions that echo a sentence) are matched in turn. */
export function judgeAll(article: Article, labels: readonly Label[]): { label: Label; statement?: Statement; speaker: boolean; kind: boolean }[] {
  let from = 0
  return labels.map((label) => {
    const verdict = judge(article, label, from)
    if (verdict.statement) from = article.statements.indexOf(verdict.statement) + 1
    return { label, ...verdict }
  })
}

/** How one label fares: the statement it finds (by prefix, at or after `from`), and whether speaker and kind are right. */
export function judge(article: Article, label: Label, from = 0): { statement?: Statement; speaker: boolean; kind: boolean } {
  const statement = article.statements.slice(from).find((s) => s.text.startsWith(label.prefix))
  if (!statement) return { speaker: false, kind: false }
  const readings = [label, ...(label.alt ? [label.alt] : [])]
  const right = readings.find((r) => speakerMatches(article, statement, r.speaker) && statement.kind === r.kind)
  return {
    statement,
    speaker: readings.some((r) => speakerMatches(article, statement, r.speaker)),
    kind: right !== undefined || readings.some((r) => r.kind === statement.kind),
  }
}
