import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { nationalStarTable, starLevel, starTables } from "./starLevel.ts"

describe("starLevel", () => {
  it("awards a star exactly at each national threshold", () => {
    expect(nationalStarTable.map((h) => starLevel(h))).toEqual([1, 2, 3, 4, 5])
    expect(nationalStarTable.map((h) => starLevel(h - 1))).toEqual([0, 1, 2, 3, 4])
  })
  it("uses Beijing's table (100/200/500/800/1,000 h) when given it", () => {
    const beijing = starTables.beijing.thresholds
    expect([99, 100, 199, 200, 499, 500, 799, 800, 999, 1000, 5000].map((h) => starLevel(h, beijing))).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5
    ])
    expect(starTables.beijing.source.verified).toBe(false)
  })
  it("never decreases as hours grow (property)", () => {
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), (h, more) => starLevel(h) <= starLevel(h + more)))
  })
})
