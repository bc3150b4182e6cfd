import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dibaoGap } from "./dibaoGap.ts"

const gap = (lineFen: number, members: number, countedIncomeFen: number): number => {
  const r = dibaoGap({ lineFen, members, countedIncomeFen })
  if (!r.ok) throw new Error("unexpected invalid input")
  return r.value
}

describe("dibaoGap", () => {
  it("pays the difference to the line", () => {
    // ¥1,000 × 2 − ¥500 = ¥1,500; income ¥2,500 is above ¥2,000: nothing.
    expect(gap(100_000, 2, 50_000)).toBe(150_000)
    expect(gap(100_000, 2, 250_000)).toBe(0)
  })
  it("rejects missing, fractional and negative amounts with paths instead of returning NaN", () => {
    const codes = (x: unknown) => {
      const r = dibaoGap(x)
      return r.ok ? [] : r.error.issues.map((i) => i.path.join("."))
    }
    expect(codes({})).toEqual(["lineFen", "members", "countedIncomeFen"])
    expect(codes({ lineFen: 0.1, members: 1, countedIncomeFen: 0 })).toEqual(["lineFen"])
    expect(codes({ lineFen: 100, members: -1, countedIncomeFen: -5 })).toEqual(["members", "countedIncomeFen"])
  })
  it("is never negative and non-increasing in income (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.integer({ min: 1, max: 10 }),
        fc.nat(10_000_000),
        fc.nat(1_000_000),
        (line, m, inc, more) => {
          const a = gap(line, m, inc)
          const b = gap(line, m, inc + more)
          return a >= 0 && b <= a
        }
      )
    )
  })
  it("never throws on arbitrary input (fuzz)", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = dibaoGap(x)
        if (r.ok) expect(Number.isSafeInteger(r.value) && r.value >= 0).toBe(true)
        else expect(r.error.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 300 }
    )
  })
})
