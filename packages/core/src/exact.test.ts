import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { divideRounded, mulDiv, type RoundingMode } from "./exact.ts"

const modes: ReadonlyArray<RoundingMode> = ["floor", "ceil", "trunc", "halfUp", "halfEven"]

// Reference: the same rounding computed entirely in BigInt, a different code path.
const reference = (n: bigint, d: bigint, mode: RoundingMode): bigint => {
  const sign = n < 0n !== d < 0n ? -1n : 1n
  const an = n < 0n ? -n : n
  const ad = d < 0n ? -d : d
  const q = an / ad
  const r = an % ad
  let mag = q
  if (r !== 0n) {
    if (mode === "trunc") mag = q
    else if (mode === "floor") mag = sign < 0n ? q + 1n : q
    else if (mode === "ceil") mag = sign > 0n ? q + 1n : q
    else if (2n * r > ad) mag = q + 1n
    else if (2n * r < ad) mag = q
    else mag = mode === "halfUp" ? q + 1n : q % 2n === 0n ? q : q + 1n
  }
  return sign * mag
}

describe("divideRounded", () => {
  it("rounds ties per mode", () => {
    expect(modes.map((m) => divideRounded(5, 2, m))).toEqual([2, 3, 2, 3, 2])
    expect(modes.map((m) => divideRounded(-5, 2, m))).toEqual([-3, -2, -2, -3, -2])
    expect(modes.map((m) => divideRounded(7, 2, m))).toEqual([3, 4, 3, 4, 4])
  })
  it("rejects division by zero and unsafe operands", () => {
    expect(() => divideRounded(1, 0, "floor")).toThrow(RangeError)
    expect(() => divideRounded(2 ** 53, 3, "floor")).toThrow(RangeError)
  })
  it("agrees with a BigInt reference for every mode (property)", () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.maxSafeInteger().filter((d) => d !== 0),
        fc.constantFrom(...modes),
        (n, d, mode) => BigInt(divideRounded(n, d, mode)) === reference(BigInt(n), BigInt(d), mode)
      )
    )
  })
})

describe("mulDiv", () => {
  it("is exact when the intermediate product exceeds 2^53 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: -(2 ** 20), max: 2 ** 20 }),
        fc.integer({ min: 1, max: 2 ** 30 }),
        fc.constantFrom(...modes),
        (a, b, c, mode) => {
          const expected = reference(BigInt(a) * BigInt(b), BigInt(c), mode)
          if (expected > BigInt(Number.MAX_SAFE_INTEGER) || expected < -BigInt(Number.MAX_SAFE_INTEGER)) return true
          return BigInt(mulDiv(a, b, c, mode)) === expected
        }
      )
    )
  })
  it("applies a rate once: 3/4 of ¥123.45", () => {
    expect(mulDiv(12345, 3, 4, "halfUp")).toBe(9259)
    expect(mulDiv(12345, 3, 4, "floor")).toBe(9258)
  })
})
