/** Set bits of a 32-bit mask (SWAR: summed in pairs, nibbles, then bytes, without a loop). */
export function bitCount(mask: number): number {
  let m = mask - ((mask >>> 1) & 0x55555555)
  m = (m & 0x33333333) + ((m >>> 2) & 0x33333333)
  return (((m + (m >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}
