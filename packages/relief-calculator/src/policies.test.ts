import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { assessHousehold } from "./assessHousehold.ts"
import { cite } from "./internal/citations.ts"
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

  it("each preset's usable window is as documented: the first month, and the last month without a stale line", () => {
    // National rules are dated from 2021-07-01 (最低生活保障审核确认办法, 特困人员认定办法); local
    // lines count as reviewed for 12 months from the date in the notes (relief-rules.md §6).
    const windows: Record<keyof typeof policies, readonly [string, string | null]> = {
      beijing: ["2024-07", "2025-06"],
      jinanUrban: ["2021-07", null],
      jinanRural: ["2021-07", null],
      weifangUrban: ["2021-07", "2021-12"],
      weifangRural: ["2021-07", "2021-12"],
      dongyingUrban: ["2021-07", null],
      dongyingRural: ["2021-07", null],
      mianyangUrban: ["2021-07", null]
    }
    const prev = (m: string) => {
      const [y, mo] = m.split("-").map(Number) as [number, number]
      return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, "0")}`
    }
    const next = (m: string) => {
      const [y, mo] = m.split("-").map(Number) as [number, number]
      return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, "0")}`
    }
    const h = { members: [{ id: "a", age: 40, incomes: [] }] }
    const staleLine = (p: (typeof policies)[keyof typeof policies], month: string) => {
      const r = assessHousehold(h, p, { month })
      if (!r.ok) throw new Error(`${p.id} ${month} should be usable`)
      return r.value.warnings.some((w) => w.code === "stale_parameter" && w.path.includes("dibaoLine"))
    }
    for (const [key, [first, lastClean]] of Object.entries(windows) as Array<
      [keyof typeof policies, readonly [string, string | null]]
    >) {
      const p = policies[key]
      const before = assessHousehold(h, p, { month: prev(first) })
      expect(before.ok ? [] : before.error.issues.map((i) => i.code)).toContain("no_value_in_force")
      expect(staleLine(p, first)).toBe(lastClean === null)
      if (lastClean !== null) {
        expect(staleLine(p, lastClean)).toBe(false)
        expect(staleLine(p, next(lastClean))).toBe(true)
      }
      // With onStale: "error" a preset whose line is always stale cannot be used at all.
      expect(assessHousehold(h, p, { month: first, onStale: "error" }).ok).toBe(lastClean !== null)
    }
  })

  it("every verified citation carries the URL of the full text the notes were read from", () => {
    for (const [key, c] of Object.entries(cite)) {
      if (c.verified) expect([key, c.url?.startsWith("https://github.com/")]).toEqual([key, true])
    }
    expect(cite.s2art13.url).toBe("https://github.com/passwordgloo/Comet-law/blob/main/docs/department/1.1.1.md")
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
