import { describe, expect, it } from 'vitest'
import { IndexedMap } from '../../src/core/lazyMaps.js'

/** An IndexedMap over `keys`, counting the values it makes. */
function columns(keys: readonly string[]) {
  const made: number[] = []
  const map = new IndexedMap<string, number>(
    keys.length,
    (i) => keys[i]!,
    (key) => {
      const i = keys.indexOf(key)
      return i < 0 ? undefined : i
    },
    (i) => {
      made.push(i)
      return i * 10
    },
  )
  return { map, made }
}

describe('IndexedMap', () => {
  it('GIVEN a lookup THEN only that entry is made', () => {
    const { map, made } = columns(['a', 'b', 'c'])
    expect(map.get('b')).toBe(10)
    expect(map.get('z')).toBeUndefined()
    expect(map.has('c')).toBe(true)
    expect(map.size).toBe(3)
    expect(made).toEqual([1])
  })

  it('GIVEN its keys listed THEN the keys in entry order, and no value is made', () => {
    const { map, made } = columns(['b', 'a', 'c'])
    expect([...map.keys()]).toEqual(['b', 'a', 'c'])
    expect(made).toEqual([])
    expect(map.get('c')).toBe(20)
    expect(made).toEqual([2])
  })

  it('GIVEN its entries iterated THEN every value is made once, in order, and its keys are the same as before', () => {
    const { map, made } = columns(['b', 'a', 'c'])
    map.get('a')
    expect([...map.entries()]).toEqual([['b', 0], ['a', 10], ['c', 20]])
    expect(made).toEqual([1, 0, 2])
    expect([...map.keys()]).toEqual(['b', 'a', 'c'])
    map.set('d', 30)
    expect([...map.keys()]).toEqual(['b', 'a', 'c', 'd'])
  })
})
