import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { escapeClipped, escapeMrkdwn, linkOrLabel, unescapeSlack } from '../../../src/adapters/slack/escape.js'

describe('escapeMrkdwn', () => {
  it('GIVEN mentions, broadcasts and links THEN only & < > are escaped', () => {
    expect(escapeMrkdwn('<!channel> <@U123> a&b <https://x|y> *bold*')).toBe(
      '&lt;!channel&gt; &lt;@U123&gt; a&amp;b &lt;https://x|y&gt; *bold*',
    )
  })

  test.prop([fc.string({ unit: 'binary' })], { seed: 5 })('GIVEN any text THEN unescaping gives it back exactly', (text) => {
    expect(unescapeSlack(escapeMrkdwn(text))).toBe(text)
  })
})

describe('unescapeSlack', () => {
  it('GIVEN what Slack sends for a&b <c> &lt; THEN the text as typed', () => {
    expect(unescapeSlack('a&amp;b &lt;c&gt; &amp;lt;')).toBe('a&b <c> &lt;')
  })
})

describe('escapeClipped', () => {
  test.prop([fc.string({ unit: 'grapheme' }), fc.integer({ min: 8, max: 200 })], { seed: 7 })(
    'GIVEN any label and limit THEN the result fits and never ends inside an escape',
    (text, max) => {
      const clipped = escapeClipped(text, max)
      expect(clipped.length).toBeLessThanOrEqual(max)
      expect(clipped).not.toMatch(/&(?!amp;|lt;|gt;)/)
      expect(clipped).not.toMatch(/[<>]/)
    },
  )

  it('GIVEN a short label THEN it is only escaped', () => {
    expect(escapeClipped('a<b', 10)).toBe('a&lt;b')
  })
})

describe('linkOrLabel', () => {
  it('GIVEN an http(s) URL THEN a link with its & escaped and | encoded', () => {
    expect(linkOrLabel('https://e.example/a|b?x=1&y=2', 'T & U', 300)).toBe('<https://e.example/a%7Cb?x=1&amp;y=2|T &amp; U>')
  })

  it('GIVEN any other scheme or no URL THEN the bare label', () => {
    expect(linkOrLabel('javascript:alert(1)', '<T>', 300)).toBe('&lt;T&gt;')
    expect(linkOrLabel(undefined, 'T', 300)).toBe('T')
    expect(linkOrLabel('not a url', 'T', 300)).toBe('T')
  })
})
