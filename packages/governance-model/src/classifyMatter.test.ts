import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { classifyMatter, type Matter } from "./classifyMatter.ts"

const m = (x: Partial<Matter>): Matter => ({
  id: "m",
  affectedHouseholds: 10,
  communityHouseholds: 600,
  publicResources: false,
  disputed: false,
  ...x
})

describe("classifyMatter", () => {
  it("routes the three kinds of matters (1+3)", () => {
    // A broken streetlight on a public road: public, undisputed → government-led.
    expect(classifyMatter(m({ publicResources: true, affectedHouseholds: 600 }))).toMatchObject({
      ok: true,
      value: { route: "governmentLed" }
    })
    // Two neighbours and a leaking pipe: 2/600 ≤ 1/10 → the parties concerned.
    expect(classifyMatter(m({ affectedHouseholds: 2, disputed: true, parties: 2 }))).toMatchObject({
      ok: true,
      value: { route: "partiesConcerned" }
    })
    // Converting the green into parking, disputed → joint, and a hearing because it is public.
    expect(classifyMatter(m({ publicResources: true, disputed: true, affectedHouseholds: 600 }))).toMatchObject({
      ok: true,
      value: { route: "joint", procedure: "hearing" }
    })
    // A building-wide dispute over a lift: 72/600 > 1/10, 72/600 < 1/3, 4 sides → mediation.
    expect(classifyMatter(m({ affectedHouseholds: 72, disputed: true, parties: 4 }))).toMatchObject({
      ok: true,
      value: { route: "joint", procedure: "mediation" }
    })
    // Several units, undisputed, few households → coordination meeting.
    expect(classifyMatter(m({ affectedHouseholds: 5, responsibleUnits: 3 }))).toMatchObject({
      ok: true,
      value: { route: "joint", procedure: "coordination" }
    })
  })

  it("compares shares exactly at the boundary", () => {
    // 60/600 = 1/10 exactly: still a small-group matter; 61/600 is not.
    expect(
      classifyMatter(m({ affectedHouseholds: 60 })).ok && classifyMatter(m({ affectedHouseholds: 60 }))
    ).toMatchObject({
      value: { route: "partiesConcerned" }
    })
    expect(classifyMatter(m({ affectedHouseholds: 61 }))).toMatchObject({ value: { route: "joint" } })
    // 200/600 = 1/3 exactly meets the hearing share.
    expect(classifyMatter(m({ affectedHouseholds: 200, disputed: true, parties: 2 }))).toMatchObject({
      value: { procedure: "hearing" }
    })
    expect(classifyMatter(m({ affectedHouseholds: 199, disputed: true, parties: 2 }))).toMatchObject({
      value: { procedure: "mediation" }
    })
  })

  it("rejects impossible matters with a bilingual message", () => {
    const r = classifyMatter(m({ affectedHouseholds: 700 }))
    expect(r.ok || r.error.issues[0]).toMatchObject({ path: ["affectedHouseholds"], code: "exceeds_community" })
  })

  const matterArb = fc
    .record({
      community: fc.integer({ min: 1, max: 5000 }),
      k: fc.nat(),
      publicResources: fc.boolean(),
      disputed: fc.boolean(),
      responsibleUnits: fc.integer({ min: 0, max: 5 }),
      parties: fc.integer({ min: 0, max: 30 })
    })
    .map((x) => m({ ...x, communityHouseholds: x.community, affectedHouseholds: x.k % (x.community + 1) }))

  it("every matter gets exactly one route, with reasons; only joint matters get a procedure", () => {
    fc.assert(
      fc.property(matterArb, (x) => {
        const r = classifyMatter(x)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        expect(r.value.reasons.length).toBeGreaterThan(0)
        expect(r.value.procedure !== undefined).toBe(r.value.route === "joint")
        // Public, undisputed matters with one unit are always the government's.
        if (x.publicResources && !x.disputed && (x.responsibleUnits ?? 1) <= 1)
          expect(r.value.route).toBe("governmentLed")
        // A matter touching more households never moves from joint back to the parties.
        const more = classifyMatter({
          ...x,
          affectedHouseholds: Math.min(x.communityHouseholds, x.affectedHouseholds + 1)
        })
        if (r.value.route === "joint" && more.ok) expect(more.value.route).toBe("joint")
      })
    )
  })

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, o) => {
        const r = classifyMatter(x, o)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
