import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { assessPopulation } from "./assessPopulation.ts"
import { policies } from "./policies.ts"
import { syntheticPopulation } from "./syntheticPopulation.ts"

describe("syntheticPopulation", () => {
  it("is reproducible from its seed and labelled synthetic", () => {
    const a = getOrThrow(syntheticPopulation({ seed: "demo", size: 500 }))
    const b = getOrThrow(syntheticPopulation({ seed: "demo", size: 500 }))
    const c = getOrThrow(syntheticPopulation({ seed: "other", size: 500 }))
    expect(a.synthetic).toBe(true)
    expect(a).toEqual(b)
    expect(a.persons.wagesFen).not.toEqual(c.persons.wagesFen)
  })

  it("always produces a valid population with a mix of outcomes (property)", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), (seed, size) => {
        const r = assessPopulation(getOrThrow(syntheticPopulation({ seed, size })), policies.beijing, {
          month: "2024-08"
        })
        expect(r.ok).toBe(true)
      }),
      { numRuns: 50 }
    )
    const big = getOrThrow(
      assessPopulation(getOrThrow(syntheticPopulation({ seed: 3, size: 5000 })), policies.beijing, { month: "2024-08" })
    )
    const covered = big.dibaoFen.filter((x) => x > 0).length
    expect(covered).toBeGreaterThan(100)
    expect(covered).toBeLessThan(2500)
  })

  it("rejects bad options and never throws (fuzz)", () => {
    expect(syntheticPopulation({ seed: 1, size: -1 }).ok).toBe(false)
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = syntheticPopulation(x)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
