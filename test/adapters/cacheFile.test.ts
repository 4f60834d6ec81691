import { describe, expect, it } from 'vitest'
import { decodeCacheFile, encodeCacheFile } from '../../src/adapters/cacheFile.js'

/** Data of the kinds the core's snapshots hold: typed arrays of odd lengths among objects, arrays, Maps, Sets and strings. */
const data = {
  format: 7,
  name: 'snapshot “quoted”',
  bytes: Uint8Array.of(1, 2, 3),
  words: Uint16Array.of(65_535, 7),
  numbers: Uint32Array.from({ length: 1_001 }, (_, i) => i * 7),
  signed: Int32Array.of(-1, 2, -3),
  doubles: Float64Array.of(0.1, 1 / 3),
  nested: [{ list: Int8Array.of(-5), text: 'é' }],
  map: new Map([[3, Uint32Array.of(9, 8)]]),
  set: new Set(['a', 'b']),
  empty: new Uint32Array(0),
}

describe('encodeCacheFile / decodeCacheFile', () => {
  it('GIVEN data with typed arrays of every width THEN it comes back equal, each array of its own kind', () => {
    const back = decodeCacheFile(encodeCacheFile(data)) as typeof data
    expect(back).toEqual(data)
    expect(back.words).toBeInstanceOf(Uint16Array)
    expect(back.doubles).toBeInstanceOf(Float64Array)
    expect(back.map.get(3)).toBeInstanceOf(Uint32Array)
  })

  it('GIVEN a file read into its own buffer THEN its typed arrays are views of that buffer, not copies', () => {
    const bytes = encodeCacheFile(data)
    const file = Buffer.from(new Uint8Array(bytes))
    const back = decodeCacheFile(file) as typeof data
    expect(back.numbers.buffer).toBe(file.buffer)
    expect(back.doubles.buffer).toBe(file.buffer)
  })

  it('GIVEN the file at an odd place in a larger buffer THEN it still reads right', () => {
    const bytes = encodeCacheFile(data)
    const larger = Buffer.alloc(bytes.length + 3)
    bytes.copy(larger, 3)
    expect(decodeCacheFile(larger.subarray(3))).toEqual(data)
  })

  it.each([
    ['empty', () => Buffer.alloc(0)],
    ['cut short', (bytes: Buffer) => bytes.subarray(0, bytes.length - 1)],
    ['changed in one byte of an array', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, bytes.length - 8), Buffer.from([bytes[bytes.length - 8]! ^ 1]), bytes.subarray(bytes.length - 7)])],
    ['of another kind', () => Buffer.from('{"articles":[]}')],
  ])('GIVEN bytes that are %s THEN they are no cache file (null)', (_, spoil) => {
    expect(decodeCacheFile(spoil(encodeCacheFile(data)))).toBeNull()
  })

  it('GIVEN a DataView in the data THEN writing it is refused', () => {
    expect(() => encodeCacheFile({ view: new DataView(new ArrayBuffer(4)) })).toThrow(/typed arrays/)
  })
})
