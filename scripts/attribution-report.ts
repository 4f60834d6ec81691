/** Prints every sentence whose attribution disagrees with the hand labels, and the accuracy per article. */
import { readArticle } from '../src/core/article.js'
import { judgeAll, labelFiles } from '../test/core/labels.js'

let total = 0
let speakers = 0
let kinds = 0
for (const { labels, text } of labelFiles()) {
  const article = readArticle({ id: labels.article, text })
  let s = 0
  let k = 0
  for (const verdict of judgeAll(article, labels.statements)) {
    const label = verdict.label
    if (verdict.speaker) s++
    if (verdict.kind) k++
    if (!verdict.speaker || !verdict.kind) {
      const got = verdict.statement ? `${verdict.statement.kind} ${verdict.statement.speaker}` : 'NO STATEMENT'
      console.log(`  ${labels.article.slice(0, 12)} | ${label.prefix.slice(0, 40).padEnd(40)} | want ${label.kind} ${JSON.stringify(label.speaker)} | got ${got}`)
    }
  }
  console.log(`${labels.article}: speaker ${s}/${labels.statements.length}, kind ${k}/${labels.statements.length}, statements ${article.statements.length}`)
  total += labels.statements.length
  speakers += s
  kinds += k
}
console.log(`ALL: speaker ${((100 * speakers) / total).toFixed(1)}% kind ${((100 * kinds) / total).toFixed(1)}% of ${total}`)
