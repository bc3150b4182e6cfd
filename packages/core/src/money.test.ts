import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Fen, formatYuan, roundFenTo, yuanToFen } from "./money.ts"

describe("money", () => {
  it("parses yuan exactly and refuses more than two decimals", () => {
    expect(yuanToFen("0.29")).toBe(29) // 0.29 * 100 = 28.999999999999996 in floating point
    expect(yuanToFen("1,000")).toBeUndefined()
    expect(yuanToFen("1.234")).toBeUndefined()
    expect(yuanToFen("-3.5")).toBe(-350)
  })
  it("round-trips fen through yuan strings (property)", () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 50), max: 2 ** 50 }), (fen) => yuanToFen(formatYuan(fen)) === fen))
  })
  it("rounds to coarser units with an explicit mode", () => {
    expect(roundFenTo(12_301, 100, "ceil")).toBe(12_400)
    expect(roundFenTo(12_301, 100, "floor")).toBe(12_300)
  })
  it("Fen rejects negative, fractional and unsafe amounts", () => {
    expect(Fen.safeParse(-1).success).toBe(false)
    expect(Fen.safeParse(0.5).success).toBe(false)
    expect(Fen.safeParse(2 ** 53).success).toBe(false)
    expect(Fen.safeParse(Number.NaN).success).toBe(false)
  })
})

describe("formatYuan", () => {
  it("refuses NaN and fractional fen instead of printing them", () => {
    expect(() => formatYuan(Number.NaN)).toThrow(RangeError)
    expect(() => formatYuan(0.5)).toThrow(RangeError)
  })
})
