import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { escalateFrom, escalationLevels } from "./escalation.ts"

describe("escalateFrom", () => {
  it("stops at the city", () => {
    expect(escalateFrom("city")).toBeUndefined()
  })
  it("an unknown level has no level above it", () => {
    expect(escalateFrom("bogus")).toBeUndefined()
    expect(escalateFrom("")).toBeUndefined()
    expect(escalateFrom("toString")).toBeUndefined()
  })
  it("any string that is not a level gives undefined (property)", () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !(escalationLevels as ReadonlyArray<string>).includes(s)),
        (s) => escalateFrom(s) === undefined
      )
    )
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
