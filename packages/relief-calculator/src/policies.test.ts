import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { definePolicy, Policy } from "./Policy.ts"
import { compositeStandard, policies, supportVariants } from "./policies.ts"

describe("policies and definePolicy", () => {
  it("every preset validates, and every dated value carries a source", () => {
    for (const p of Object.values(policies)) {
      expect(Policy.safeParse(p).success).toBe(true)
      for (const history of Object.values(p.parameters)) {
        for (const e of history ?? []) expect(e.source.title.length).toBeGreaterThan(0)
      }
      // Local amounts come from secondary sources and say so.
      expect(p.parameters.dibaoLine.every((e) => e.source.verified === false)).toBe(true)
    }
  })

  it("the five support variants validate", () => {
    for (const v of Object.values(supportVariants)) expect(v.source.verified).toBe(false)
  })

  it("compositeStandard keeps the base's dates and marks itself a reform", () => {
    const c = compositeStandard(policies.jinanUrban)
    expect(c.parameters.deductions.map((e) => e.from)).toEqual(
      policies.jinanUrban.parameters.deductions.map((e) => e.from)
    )
    expect(c.parameters.supportImputation[0]?.value.mode).toBe("actualOnly")
    expect(c.parameters.dibaoLine).toEqual(policies.jinanUrban.parameters.dibaoLine)
  })

  it("rejects unknown parameters, overlapping periods and missing sources with paths", () => {
    const unknown = definePolicy(
      { id: "x", name: { zh: "x", en: "x" }, parameters: { dibaoLines: [] } },
      policies.beijing
    )
    expect(unknown.ok ? "" : unknown.error.issues[0]?.code).toBe("unknown_parameter")
    const overlap = definePolicy(
      {
        id: "x",
        name: { zh: "x", en: "x" },
        parameters: {
          dibaoLine: [
            { value: 1, from: "2024-01-01", source: { title: "a" } },
            { value: 2, from: "2024-06-01", source: { title: "b" } }
          ]
        }
      },
      policies.beijing
    )
    expect(overlap.ok ? [] : overlap.error.issues.map((i) => i.path.join("."))).toEqual(["parameters.dibaoLine.1.from"])
    const noSource = definePolicy(
      { id: "x", name: { zh: "x", en: "x" }, parameters: { dibaoLine: [{ value: 1, from: "2024-01-01" }] } },
      policies.beijing
    )
    expect(noSource.ok ? [] : noSource.error.issues.map((i) => i.path.join("."))).toEqual([
      "parameters.dibaoLine.0.source"
    ])
  })

  it("never throws on arbitrary input (fuzz)", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        for (const r of [definePolicy(x), definePolicy(x, policies.beijing)]) {
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      })
    )
  })
})
