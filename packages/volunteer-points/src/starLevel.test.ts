import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { nationalStarTable, starLevel } from "./starLevel.ts"

describe("starLevel", () => {
  it("awards a star exactly at each national threshold", () => {
    expect(nationalStarTable.map((h) => starLevel(h))).toEqual([1, 2, 3, 4, 5])
    expect(nationalStarTable.map((h) => starLevel(h - 1))).toEqual([0, 1, 2, 3, 4])
  })
  it("never decreases as hours grow (property)", () => {
    fc.assert(fc.property(fc.nat(5000), fc.nat(5000), (h, more) => starLevel(h) <= starLevel(h + more)))
  })
})
