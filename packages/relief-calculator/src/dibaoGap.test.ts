import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { dibaoGap } from "./dibaoGap.ts"

describe("dibaoGap", () => {
  it("pays the difference to the line", () => {
    expect(dibaoGap({ lineFen: 100_000, members: 2, countedIncomeFen: 50_000 })).toBe(150_000)
    expect(dibaoGap({ lineFen: 100_000, members: 2, countedIncomeFen: 250_000 })).toBe(0)
  })
  it("is never negative and non-increasing in income (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(1_000_000),
        fc.integer({ min: 1, max: 10 }),
        fc.nat(10_000_000),
        fc.nat(1_000_000),
        (line, m, inc, more) => {
          const a = dibaoGap({ lineFen: line, members: m, countedIncomeFen: inc })
          const b = dibaoGap({ lineFen: line, members: m, countedIncomeFen: inc + more })
          return a >= 0 && b <= a
        }
      )
    )
  })
})
