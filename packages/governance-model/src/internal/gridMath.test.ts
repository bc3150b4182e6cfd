import { describe, expect, it } from "vitest"
import { basisPoints } from "./basisPoints.ts"
import { gridOverlap } from "./matchGrids.ts"

describe("basisPoints", () => {
  it("rounds half up, gives null for an empty denominator, and never overflows", () => {
    expect([basisPoints(2, 3), basisPoints(1, 8), basisPoints(0, 5), basisPoints(3, 0)]).toEqual([6667, 1250, 0, null])
    // n × 10,000 is past 2^53 here; the old n * 10_000 then divideRounded threw a RangeError.
    expect(basisPoints(2 ** 50, 2 ** 51)).toBe(5000)
    expect(basisPoints(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER)).toBe(10_000)
  })
})

describe("gridOverlap", () => {
  it("matches grids one-to-one, largest shared count first, ties by grid ids", () => {
    const o = gridOverlap()
    o.add("A", "x", 5)
    o.add("A", "y", 5)
    o.add("B", "x", 3)
    o.add("B", "x", 2) // accumulates to 5
    // Ties at 5: (A, x) comes first by ids, which blocks (A, y) and (B, x).
    expect(o.matched()).toBe(5)
    const p = gridOverlap()
    p.add("A", "y", 5)
    p.add("B", "x", 5)
    p.add("A", "x", 4)
    expect(p.matched()).toBe(10)
    expect(gridOverlap().matched()).toBe(0)
  })
})
