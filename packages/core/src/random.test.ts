import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createRng } from "./random.ts"

describe("createRng", () => {
  it("reproduces a sequence from its seed, for numbers and strings", () => {
    const seq = (seed: number | string) => {
      const r = createRng(seed)
      return Array.from({ length: 5 }, () => r.nextUint32())
    }
    expect(seq(1)).toEqual(seq(1))
    expect(seq("a")).toEqual(seq("a"))
    expect(seq(1)).not.toEqual(seq(2))
  })
  it("keeps int() within bounds and shuffle() a permutation (property)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -1000, max: 1000 }), fc.nat(1000), (seed, min, span) => {
        const r = createRng(seed)
        const v = r.int(min, min + span)
        const items = Array.from({ length: span % 20 }, (_, i) => i)
        const shuffled = r.shuffle(items)
        return v >= min && v <= min + span && [...shuffled].sort((a, b) => a - b).join() === items.join()
      })
    )
  })
  it("is roughly uniform", () => {
    const r = createRng(7)
    const counts = [0, 0, 0, 0]
    for (let i = 0; i < 40_000; i++) counts[r.int(0, 3)]!++
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400)
  })
})
