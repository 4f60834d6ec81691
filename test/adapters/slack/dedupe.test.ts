import { describe, expect, it } from 'vitest'
import { createEventDedupe } from '../../../src/adapters/slack/dedupe.js'

describe('createEventDedupe', () => {
  it('GIVEN an event id seen once THEN its retries are not first sightings', () => {
    const dedupe = createEventDedupe()

    expect(dedupe.firstSighting('Ev1')).toBe(true)
    expect(dedupe.firstSighting('Ev1')).toBe(false)
    expect(dedupe.firstSighting('Ev2')).toBe(true)
  })

  it('GIVEN more ids than its capacity THEN it keeps only the newest, bounded', () => {
    const dedupe = createEventDedupe({ capacity: 10 })
    for (let i = 0; i < 25; i++) dedupe.firstSighting(`Ev${i}`)

    expect(dedupe.size).toBe(10)
    expect(dedupe.firstSighting('Ev24')).toBe(false)
    expect(dedupe.firstSighting('Ev0')).toBe(true)
  })

  it('GIVEN an id older than its time to live THEN it is forgotten', () => {
    let now = 0
    const dedupe = createEventDedupe({ ttlMs: 1_000, now: () => now })
    dedupe.firstSighting('Ev1')
    now = 999
    expect(dedupe.firstSighting('Ev1')).toBe(false)
    now = 2_500

    expect(dedupe.firstSighting('Ev2')).toBe(true)
    expect(dedupe.size).toBe(1)
    expect(dedupe.firstSighting('Ev1')).toBe(true)
  })
})
