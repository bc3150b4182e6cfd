import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { defineScheme, schemes } from "./schemes.ts"
import { gini, simulateScheme } from "./simulateScheme.ts"

describe("simulateScheme", () => {
  it("is reproducible from its seed and keeps the liability identity every week", () => {
    const a = getOrThrow(simulateScheme({ seed: 42, agents: 60, weeks: 20 }))
    const b = getOrThrow(simulateScheme({ seed: 42, agents: 60, weeks: 20 }))
    expect(b).toEqual(a)
    expect(getOrThrow(simulateScheme({ seed: 43, agents: 60, weeks: 20 }))).not.toEqual(a)
    expect(a.verified).toBe(true)
    for (const w of a.weeks) {
      expect(w.issued - w.redeemed - w.expired - w.donated).toBe(w.outstanding)
      expect(w.metUnits).toBeLessThanOrEqual(w.demandUnits)
      expect(w.gini).toBeGreaterThanOrEqual(0)
      expect(w.gini).toBeLessThan(1)
    }
    expect(a.stars.reduce((x, y) => x + y, 0)).toBe(48) // 60 agents, 20% elders
    expect(a.weeks.at(-1)!.issued).toBeGreaterThan(0)
  })
  it("time banks have no breakage; an expiring points scheme does", () => {
    const bank = getOrThrow(simulateScheme({ seed: 1, agents: 40, weeks: 30 }))
    expect(bank.weeks.at(-1)!.breakage).toBe(0)
    const base = schemes.kunshan[0]!.value
    const expiring = getOrThrow(defineScheme({ ...base, lots: { ...base.lots, expiryDays: 28 } }))
    const points = getOrThrow(simulateScheme({ seed: 1, agents: 40, weeks: 30, scheme: expiring, demandRate: 0.05 }))
    expect(points.weeks.at(-1)!.breakage).toBeGreaterThan(0)
    expect(points.verified).toBe(true)
  })
  it("Nanjing's cap sends overflow to the donation pool in a long run of heavy service", () => {
    const nj = schemes.nanjing[0]!.value
    const small = getOrThrow(defineScheme({ ...nj, cap: { amount: 600, basis: "balance", overflow: "donate" } }))
    const run = getOrThrow(
      simulateScheme({ seed: 5, agents: 20, weeks: 20, scheme: small, serviceRate: 1, demandRate: 0 })
    )
    expect(run.weeks.at(-1)!.donated).toBeGreaterThan(0)
  })
  it("gini: 0 for equal balances, (n−1)/n when one holder has everything (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 1000 }), (n, x) => {
        expect(gini(Array.from({ length: n }, () => x))).toBeCloseTo(0, 12)
        expect(gini([...Array.from({ length: n - 1 }, () => 0), x])).toBeCloseTo((n - 1) / n, 12)
      })
    )
  })
  it("refuses bad parameters with typed errors", () => {
    expect(simulateScheme({ seed: -1 }).ok).toBe(false)
    expect(simulateScheme({ seed: 1, agents: 1 }).ok).toBe(false)
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = simulateScheme(x)
        return r.ok || r.error.issues.length > 0
      }),
      { numRuns: 50 }
    )
  })
})
