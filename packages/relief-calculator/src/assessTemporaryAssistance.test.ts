import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { assessTemporaryAssistance } from "./assessTemporaryAssistance.ts"
import { definePolicy, type TemporaryRules } from "./Policy.ts"
import { policies } from "./policies.ts"

const src = { title: "relief-rules.md §4 / R13 (illustrative line)", verified: false }
const withRules = (lineYuan: number, rules: TemporaryRules) =>
  getOrThrow(
    definePolicy(
      {
        id: "r13",
        name: { zh: "R13", en: "R13" },
        parameters: {
          dibaoLine: [{ value: lineYuan * 100, from: "2021-07-01", source: src }],
          temporaryAssistance: [{ value: rules, from: "2021-07-01", source: src }]
        }
      },
      policies.beijing
    )
  )
const household = (n: number) => ({
  members: Array.from({ length: n }, (_, i) => ({ id: `m${i}`, age: 30 + i, incomes: [] }))
})
const none = {
  emergencyMinMonths: null,
  expenditureMinMonths: null,
  directApprovalMonths: null,
  directApprovalBasis: "household"
} as const

describe("assessTemporaryAssistance (R13)", () => {
  const zhejiang = withRules(1000, {
    ...none,
    capBasis: "perPerson",
    emergencyCapMonths: 6,
    specialHardshipCapMonths: 12,
    expenditureMaxMonths: 6
  })
  it("R13a: Zhejiang, S = ¥1,000, 3 people — basic cap ¥18,000, special hardship ¥36,000", () => {
    const fire = { type: "emergency", month: "2024-08", needFen: 10_000_000 }
    expect(getOrThrow(assessTemporaryAssistance(household(3), fire, zhejiang)).capFen).toBe(1_800_000)
    expect(
      getOrThrow(assessTemporaryAssistance(household(3), { ...fire, specialHardship: true }, zhejiang)).capFen
    ).toBe(3_600_000)
  })

  it("R13b: Shanghai-style S per person per month for ≤ 3 months — 2 people → 6 × S", () => {
    const sh = withRules(1500, {
      ...none,
      capBasis: "perPerson",
      emergencyCapMonths: 3,
      specialHardshipCapMonths: null,
      expenditureMaxMonths: null
    })
    expect(
      getOrThrow(
        assessTemporaryAssistance(household(2), { type: "emergency", month: "2024-08", needFen: 9_999_999 }, sh)
      ).capFen
    ).toBe(900_000)
  })

  it("R13c: Shenzhen Longhua 支出型, S = ¥1,500, 4 people — range ¥12,000 to ¥72,000; ≤ ¥3,000 approved by the street", () => {
    const lh = withRules(1500, {
      capBasis: "perPerson",
      emergencyCapMonths: 12,
      specialHardshipCapMonths: null,
      emergencyMinMonths: null,
      expenditureMinMonths: 2,
      expenditureMaxMonths: 12,
      directApprovalMonths: 2,
      directApprovalBasis: "household"
    })
    const r = getOrThrow(
      assessTemporaryAssistance(household(4), { type: "expenditure", month: "2024-08", needFen: 100_000_00 }, lh)
    )
    expect([r.floorFen, r.capFen, r.awardFen, r.approval]).toEqual([1_200_000, 7_200_000, 7_200_000, "county"])
    const tiny = withRules(1500, {
      ...none,
      capBasis: "perPerson",
      emergencyCapMonths: 12,
      specialHardshipCapMonths: null,
      expenditureMaxMonths: 12,
      directApprovalMonths: 2
    })
    expect(
      getOrThrow(
        assessTemporaryAssistance(household(4), { type: "emergency", month: "2024-08", needFen: 300_000 }, tiny)
      ).approval
    ).toBe("township")
  })

  it("the award never exceeds the cap and never exceeds the need unless a floor applies (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(50_000_000), fc.boolean(), (n, need, special) => {
        const r = getOrThrow(
          assessTemporaryAssistance(
            household(n),
            { type: "emergency", month: "2024-08", needFen: need, specialHardship: special },
            zhejiang
          )
        )
        return r.awardFen >= 0 && r.awardFen <= r.capFen && r.awardFen <= need
      })
    )
  })

  it("refuses a policy with no temporary-assistance rules, and bad events, with paths", () => {
    const r = assessTemporaryAssistance(
      household(1),
      { type: "emergency", month: "2021-08", needFen: 1 },
      policies.jinanUrban
    )
    expect(r.ok ? "" : r.error.issues[0]?.code).toBe("no_value_in_force")
    const bad = assessTemporaryAssistance(
      household(1),
      { type: "fire", month: "2024-08", needFen: -1 },
      policies.beijing
    )
    expect(bad.ok ? [] : bad.error.issues.map((i) => i.path.join("."))).toEqual(["event.type", "event.needFen"])
  })

  it("never throws on arbitrary JSON (fuzz)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (h, e) => {
        const r = assessTemporaryAssistance(h, e, policies.beijing)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})
