import { describe, expect, it } from 'vitest'
import { speakerChoices } from '../../../src/adapters/discord/autocomplete.js'
import type { SourceEntry } from '../../../src/core/types.js'
import { fixtureLibrary } from './library.js'

const entry = (speaker: string, count = 1): SourceEntry => ({ speaker, role: null, count, articles: [] })

describe('speakerChoices', () => {
  it('GIVEN part of a name in any case THEN the matching speakers are suggested, most quoted first', () => {
    const sources = fixtureLibrary('all').sources()
    const choices = speakerChoices(sources, 'rAjAv')
    expect(choices.map((c) => c.value)).toContain('Maryam Rajavi')
    expect(choices.every((c) => c.value.toLowerCase().includes('rajav'))).toBe(true)
    expect(choices).toEqual(sources.filter((s) => s.speaker.toLowerCase().includes('rajav')).map((s) => ({ name: s.speaker, value: s.speaker })))
  })

  it('GIVEN nothing typed yet THEN at most 25 speakers are suggested', () => {
    const many = Array.from({ length: 40 }, (_, i) => entry(`Speaker ${i}`, 40 - i))
    expect(speakerChoices(many, '')).toHaveLength(25)
    expect(speakerChoices(many, '')[0]?.value).toBe('Speaker 0')
  })

  it('GIVEN a name longer than Discord allows THEN it is left out, not cut', () => {
    expect(speakerChoices([entry('x'.repeat(101)), entry('Amnesty International')], '')).toEqual([
      { name: 'Amnesty International', value: 'Amnesty International' },
    ])
  })
})
