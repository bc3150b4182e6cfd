/**
 * A seeded pseudo-random generator (sfc32, seeded through splitmix32). Rules never draw
 * randomness themselves; synthetic data and simulations take an `Rng` so a run is
 * reproducible from its seed. Not for cryptography.
 *
 * @example
 * ```ts
 * import { createRng } from "@jiceng/core"
 * const a = createRng(42), b = createRng(42)
 * a.int(1, 6) === b.int(1, 6) //=> true
 * ```
 * @since 0.1.0
 * @category random
 */
export interface Rng {
  /** The seed this generator was created from. */
  readonly seed: number
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number
  /** A uniform float in [0, 1) with 32 bits of randomness. */
  float(): number
  /** A uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** A uniformly chosen element of a non-empty array. */
  pick<T>(items: ReadonlyArray<T>): T
  /** A new array with the elements in uniformly random order (Fisher–Yates). */
  shuffle<T>(items: ReadonlyArray<T>): Array<T>
  /** A normal deviate (Box–Muller). */
  normal(mean: number, sd: number): number
  /** An independent generator derived from this one's next output. */
  fork(): Rng
}

const splitmix32 = (state: number): (() => number) => {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

const hashSeed = (seed: number | string): number => {
  if (typeof seed === "number") return (Math.trunc(seed) ^ Math.trunc(seed / 0x100000000)) >>> 0
  let h = 0x811c9dc5
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0
  return h
}

/**
 * Creates a seeded {@link Rng}. Equal seeds give equal sequences on every platform.
 *
 * @example
 * ```ts
 * import { createRng } from "@jiceng/core"
 * createRng("district-7").shuffle([1, 2, 3]).length //=> 3
 * ```
 * @since 0.1.0
 * @category random
 */
export const createRng = (seed: number | string): Rng => {
  const numericSeed = hashSeed(seed)
  const init = splitmix32(numericSeed)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t
  }
  for (let i = 0; i < 12; i++) nextUint32()
  const float = (): number => nextUint32() / 0x100000000
  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max < min) {
      throw new RangeError(`int(${min}, ${max}): bounds must be safe integers with min ≤ max`)
    }
    return min + Math.floor(float() * (max - min + 1))
  }
  const rng: Rng = {
    seed: numericSeed,
    nextUint32,
    float,
    int,
    chance: (p) => float() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick from an empty array")
      return items[int(0, items.length - 1)] as (typeof items)[number]
    },
    shuffle: (items) => {
      const out = items.slice()
      for (let i = out.length - 1; i > 0; i--) {
        const j = int(0, i)
        const tmp = out[i]!
        out[i] = out[j]!
        out[j] = tmp
      }
      return out
    },
    normal: (mean, sd) => {
      const u = 1 - float()
      const v = float()
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
    fork: () => createRng(nextUint32())
  }
  return rng
}
