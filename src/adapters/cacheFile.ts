import { Deserializer, Serializer } from 'node:v8'
import { crc32 } from 'node:zlib'

/**
 * The bytes of a restart cache file: structured-clonable data (what the
 * core's snapshots are: objects, arrays, Maps, strings, typed arrays) in V8's
 * own serialisation, except that typed arrays are laid out after it, each on
 * an 8-byte boundary, and read back in place as views of the file's buffer:
 * the tens of megabytes of postings and columns are neither parsed nor copied.
 *
 * ```
 * header  32 bytes: magic (16), CRC-32 of all that follows (4), length of the V8 part (4), typed arrays (4), 0 (4)
 * V8 part           the data; each typed array in it is its kind and number
 * table   8 a array: offset (from the first array) and length in bytes, as two uint32
 * arrays            each starting at a multiple of 8 bytes
 * ```
 */

/** A cache file opens with these 16 bytes; a file of another kind is not read. */
const MAGIC = Buffer.from('verbatim cache 2', 'latin1')
const HEADER_BYTES = 32
const ALIGN = 8
/** The typed arrays a file can hold, by number. */
const KINDS = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array] as const
type TypedArray = InstanceType<(typeof KINDS)[number]>

/** V8's hooks for objects it leaves to the embedder (documented in Node's v8 module, missing from its types). */
interface HostObjectHooks {
  _setTreatArrayBufferViewsAsHostObjects(flag: boolean): void
}

class SectionSerializer extends Serializer {
  readonly sections: TypedArray[] = []

  constructor() {
    super()
    ;(this as unknown as HostObjectHooks)._setTreatArrayBufferViewsAsHostObjects(true)
  }

  _writeHostObject(object: object): void {
    const kind = KINDS.findIndex((Kind) => object instanceof Kind)
    if (kind < 0) throw new Error('cache file: only typed arrays can be written, not other views')
    this.writeUint32(kind)
    this.writeUint32(this.sections.push(object as TypedArray) - 1)
  }
}

class SectionDeserializer extends Deserializer {
  readonly #views: ((Kind: (typeof KINDS)[number]) => TypedArray)[]

  constructor(stream: Buffer, views: ((Kind: (typeof KINDS)[number]) => TypedArray)[]) {
    super(stream)
    this.#views = views
  }

  _readHostObject(): TypedArray {
    const Kind = KINDS[this.readUint32()]
    const view = this.#views[this.readUint32()]
    if (!Kind || !view) throw new Error('cache file: a typed array the file does not hold')
    return view(Kind)
  }
}

/** A cache file's bytes for `data`. */
export function encodeCacheFile(data: unknown): Buffer {
  const serializer = new SectionSerializer()
  serializer.writeHeader()
  serializer.writeValue(data)
  const stream = serializer.releaseBuffer()
  const { sections } = serializer
  const table = Buffer.alloc(padded(sections.length * 8))
  let offset = 0
  const parts: Uint8Array[] = []
  sections.forEach((section, i) => {
    table.writeUInt32LE(offset, i * 8)
    table.writeUInt32LE(section.byteLength, i * 8 + 4)
    const bytes = new Uint8Array(section.buffer, section.byteOffset, section.byteLength)
    parts.push(bytes, new Uint8Array(padded(bytes.length) - bytes.length))
    offset += padded(bytes.length)
  })
  const body = Buffer.concat([stream, new Uint8Array(padded(stream.length) - stream.length), table, ...parts])
  const header = Buffer.alloc(HEADER_BYTES)
  MAGIC.copy(header)
  header.writeUInt32LE(crc32(body), 16)
  header.writeUInt32LE(stream.length, 20)
  header.writeUInt32LE(sections.length, 24)
  return Buffer.concat([header, body])
}

/**
 * The data of a cache file, typed arrays as views of `bytes` (which they keep
 * alive), or null when the bytes are not such a file: another kind of file,
 * cut short, or damaged (the CRC-32 differs). Throws only if V8 cannot read
 * what the CRC vouches for (a file from another V8): a miss to callers too.
 */
export function decodeCacheFile(bytes: Buffer): unknown {
  if (bytes.length < HEADER_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return null
  const body = bytes.subarray(HEADER_BYTES)
  if (crc32(body) !== bytes.readUInt32LE(16)) return null
  const streamLength = bytes.readUInt32LE(20)
  const count = bytes.readUInt32LE(24)
  const tableStart = padded(streamLength)
  const sectionsStart = tableStart + padded(count * 8)
  if (sectionsStart > body.length) return null
  // Views need their offset in the buffer to be a multiple of their element size: a buffer that does not start on
  // a boundary (a pooled one) is copied once.
  const aligned = (body.byteOffset % ALIGN === 0 ? body : Buffer.from(body)) as Buffer
  const views = Array.from({ length: count }, (_, i) => {
    const start = sectionsStart + aligned.readUInt32LE(tableStart + i * 8)
    const length = aligned.readUInt32LE(tableStart + i * 8 + 4)
    return (Kind: (typeof KINDS)[number]): TypedArray => {
      if (start + length > aligned.length || length % Kind.BYTES_PER_ELEMENT !== 0) throw new Error('cache file: a typed array past its end')
      return new Kind(aligned.buffer as ArrayBuffer, aligned.byteOffset + start, length / Kind.BYTES_PER_ELEMENT)
    }
  })
  const deserializer = new SectionDeserializer(aligned.subarray(0, streamLength), views)
  deserializer.readHeader()
  return deserializer.readValue()
}

function padded(length: number): number {
  return Math.ceil(length / ALIGN) * ALIGN
}
