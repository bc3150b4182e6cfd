import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compareFractions, meetsThreshold, ratio } from "./ratio.ts"

describe("meetsThreshold", () => {
  it("treats 以上 (atLeast) as inclusive and 过半数 (moreThan) as strict at the boundary", () => {
    expect(meetsThreshold(2, 3, ratio(2, 3), "atLeast")).toBe(true)
    expect(meetsThreshold(2, 3, ratio(2, 3), "moreThan")).toBe(false)
    expect(meetsThreshold(51, 100, ratio(1, 2), "moreThan")).toBe(true)
    expect(meetsThreshold(50, 100, ratio(1, 2), "moreThan")).toBe(false)
  })
  it("is exact where floats are not: just below 2/3 of a large total", () => {
    const part = 6_004_799_503_160_659
    const whole = 9_007_199_254_740_989
    expect(part / whole >= 2 / 3).toBe(true) // the float shortcut is wrong here
    expect(meetsThreshold(part, whole, ratio(2, 3), "atLeast")).toBe(false)
    expect(meetsThreshold(part + 1, whole, ratio(2, 3), "atLeast")).toBe(true)
  })
  it("matches BigInt cross-multiplication on arbitrary safe integers (property)", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: Number.MAX_SAFE_INTEGER }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.nat({ max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (part, whole, n, d) => {
          const l = BigInt(part) * BigInt(d)
          const r = BigInt(n) * BigInt(whole)
          return (
            meetsThreshold(part, whole, ratio(n, d), "atLeast") === l >= r &&
            meetsThreshold(part, whole, ratio(n, d), "moreThan") === l > r
          )
        }
      )
    )
  })
  it("is monotone: one more yes never turns a pass into a fail (property)", () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), fc.nat(9), fc.integer({ min: 1, max: 10 }), (part, extra, n, d) => {
        const whole = part + extra + 1
        const passes = meetsThreshold(part, whole, ratio(n, d), "atLeast")
        return !passes || meetsThreshold(part + 1, whole, ratio(n, d), "atLeast")
      })
    )
  })
  it("compareFractions is antisymmetric (property)", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1 }), fc.nat(), fc.integer({ min: 1 }), (a, b, c, d) => {
        return compareFractions(a, b, c, d) === -compareFractions(c, d, a, b)
      })
    )
  })
})
