import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { escalateFrom, escalationLevels } from "./escalation.ts"

describe("escalateFrom", () => {
  it("stops at the city", () => {
    expect(escalateFrom("city")).toBeUndefined()
  })
  it("always goes exactly one level up (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...escalationLevels), (level) => {
        const next = escalateFrom(level)
        return next === undefined
          ? level === "city"
          : escalationLevels.indexOf(next) === escalationLevels.indexOf(level) + 1
      })
    )
  })
})
