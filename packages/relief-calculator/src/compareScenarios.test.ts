import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { compareScenarios } from "./compareScenarios.ts"
import { compositeStandard, policies } from "./policies.ts"
import { syntheticPopulation } from "./syntheticPopulation.ts"

describe("compareScenarios", () => {
  const pop = getOrThrow(syntheticPopulation({ seed: 11, size: 3000 }))
  const c = getOrThrow(
    compareScenarios(pop, policies.beijing, compositeStandard(policies.beijing), { month: "2024-08" })
  )

  it("totals equal the sum of the groups and of the columnar results", () => {
    const sum = (k: "households" | "coveredA" | "costBFen" | "gainers") => c.byGroup.reduce((n, g) => n + g[k], 0)
    expect(c.total.households).toBe(3000)
    expect(sum("households")).toBe(3000)
    expect(sum("coveredA")).toBe(c.total.coveredA)
    expect(sum("gainers")).toBe(c.total.gainers)
    expect(c.total.costBFen).toBe(c.b.totalFen.reduce((n, x) => n + x, 0))
    expect(c.byGroup.map((g) => g.label)).toEqual(pop.groupLabels)
  })

  it("the composite reform covers more households, drops none, and lists exactly the changed rows", () => {
    expect(c.total.entering).toBeGreaterThan(0)
    expect(c.total.leaving).toBe(0)
    expect(c.changed.length).toBe(c.total.entering + c.total.leaving)
    for (const i of c.changed) expect(c.a.status[i] !== c.b.status[i]).toBe(true)
  })

  it("comparing a policy with itself changes nothing", () => {
    const same = getOrThrow(compareScenarios(pop, policies.beijing, policies.beijing, { month: "2024-08" }))
    expect([same.total.gainers, same.total.losers, same.changed.length]).toEqual([0, 0, 0])
  })

  it("never throws on arbitrary input (fuzz)", () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (x, o) => {
        for (const r of [
          compareScenarios(x, policies.beijing, policies.beijing, { month: "2024-08" }),
          compareScenarios(pop, x, policies.beijing, o)
        ]) {
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 200 }
    )
  })
})
