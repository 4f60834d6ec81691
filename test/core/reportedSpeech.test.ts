import { describe, expect, it } from 'vitest'
import { reportsSpeechOf } from '../../src/core/reportedSpeech.js'
import { stem, unitsOf } from '../../src/core/terms.js'

const reports = (text: string, head: string): boolean => reportsSpeechOf(unitsOf(text), new Set([stem(head)]))

describe('reportsSpeechOf', () => {
  it.each([
    ['South Africa said Mr Mugabe had told President Jacob Zuma that he was fine.', 'mugabe'],
    ['Tsvangirai returned to Harare on Wednesday, his spokesman said.', 'spokesman'],
    ['The talks had failed, the minister has said.', 'minister'],
  ])('GIVEN %j THEN it reports what the %s said', (text, head) => {
    expect(reports(text, head)).toBe(true)
  })

  it.each([
    ["The US government alleged that 'Khamenei's thugs tortured Navid to the point that he confessed'.", 'khamenei'],
    ['A Gallup Korea poll released on Friday showed a fall.', 'korea'],
    ['Eric Reeves said the decision was a mistake.', 'minister'],
  ])('GIVEN %j THEN it only names the %s', (text, head) => {
    expect(reports(text, head)).toBe(false)
  })
})
