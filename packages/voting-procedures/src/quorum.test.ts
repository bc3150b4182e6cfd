import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { meetsParticipationQuorum } from "./quorum.ts"

describe("meetsParticipationQuorum", () => {
  it("includes the exact two-thirds boundary (以上) on both counts", () => {
    expect(
      meetsParticipationQuorum({ participatingOwners: 2, totalOwners: 3, participatingArea: 200, totalArea: 300 }).met
    ).toBe(true)
    expect(
      meetsParticipationQuorum({ participatingOwners: 199, totalOwners: 300, participatingArea: 200, totalArea: 300 })
    ).toEqual({
      area: true,
      headcount: false,
      met: false
    })
  })
  it("is unchanged when every area is scaled by the same factor (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (part, extra, k) => {
          const t = { participatingOwners: 1, totalOwners: 1, participatingArea: part, totalArea: part + extra }
          const scaled = { ...t, participatingArea: part * k, totalArea: (part + extra) * k }
          return meetsParticipationQuorum(t).area === meetsParticipationQuorum(scaled).area
        }
      )
    )
  })
})
