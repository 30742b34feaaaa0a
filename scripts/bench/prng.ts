/** A small seeded PRNG (sfc32) so every generated database and query list is the same on every machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max] inclusive. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  /** A version-4 UUID made from the stream (deterministic, not random). */
  uuid(): string
}

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b)
  let c = 0xb7e15162 ^ Math.imul(seed, 0xc2b2ae35)
  let d = 1
  const nextUint32 = (): number => {
    a |= 0
    b |= 0
    c |= 0
    d |= 0
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return t >>> 0
  }
  // Mix the seed in before the first value is used.
  for (let i = 0; i < 16; i += 1) nextUint32()
  const next = () => nextUint32() / 4_294_967_296
  const hex = (digits: number) => {
    let text = ''
    while (text.length < digits) text += nextUint32().toString(16).padStart(8, '0')
    return text.slice(0, digits)
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    uuid: () => {
      const variant = '89ab'[Math.floor(next() * 4)]!
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`
    },
  }
}
