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

describe("assessTemporaryAssistance: once per cause per year", () => {
  // County rule [S29]: ≤ 6 × the line per person, township approves ≤ 3 ×, one award per cause per year.
  const county = (oncePerCause: "calendarYear" | "rolling12Months") =>
    withRules(1000, {
      ...none,
      capBasis: "perPerson",
      emergencyCapMonths: 6,
      specialHardshipCapMonths: null,
      expenditureMaxMonths: 6,
      oncePerCause
    })
  const fire = (previous: ReadonlyArray<{ cause: string; month: string }>) => ({
    type: "emergency",
    month: "2024-08",
    needFen: 500_000,
    cause: "fire",
    previousAwards: previous
  })

  it("refuses a second award for the same cause in the same calendar year", () => {
    const r = getOrThrow(
      assessTemporaryAssistance(household(3), fire([{ cause: "fire", month: "2024-02" }]), county("calendarYear"))
    )
    expect([r.eligible, r.refusal, r.awardFen]).toEqual([false, "sameCause", 0])
    expect(r.steps.map((s) => s.id)).toEqual(["temporary.oncePerCause"])
    expect(r.steps[0]?.text.en).toBe(
      '"fire" was already assisted in 2024-02; the same cause is assisted once per calendar year.'
    )
    expect(r.steps[0]?.text.zh).toContain("同一年度同一事由不再救助")
  })

  it("the window is a named parameter: 2023-11 is last year, but within 12 months", () => {
    const prev = [{ cause: "fire", month: "2023-11" }]
    const calendar = getOrThrow(assessTemporaryAssistance(household(3), fire(prev), county("calendarYear")))
    // 6 × ¥1,000 × 3 = ¥18,000 cap; the ¥5,000 need is awarded in full.
    expect([calendar.eligible, calendar.awardFen, calendar.capFen]).toEqual([true, 500_000, 1_800_000])
    const rolling = getOrThrow(assessTemporaryAssistance(household(3), fire(prev), county("rolling12Months")))
    expect(rolling.refusal).toBe("sameCause")
    // Exactly 12 months earlier is outside the rolling window.
    const a = getOrThrow(
      assessTemporaryAssistance(household(3), fire([{ cause: "fire", month: "2023-08" }]), county("rolling12Months"))
    )
    expect(a.eligible).toBe(true)
  })

  it("other causes and later awards do not count; a missing cause is an error", () => {
    const other = fire([
      { cause: "illness", month: "2024-03" },
      { cause: "fire", month: "2024-10" }
    ])
    expect(getOrThrow(assessTemporaryAssistance(household(3), other, county("calendarYear"))).awardFen).toBe(500_000)
    const noCause = assessTemporaryAssistance(
      household(3),
      { type: "emergency", month: "2024-08", needFen: 1 },
      county("calendarYear")
    )
    expect(noCause.ok ? [] : noCause.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["event.cause", "missing_cause"]
    ])
  })
})

describe("assessTemporaryAssistance: expenditure-type income test", () => {
  // [S29; S33]: per-capita income below last year's per-capita disposable income (¥2,000 here).
  const tested = getOrThrow(
    definePolicy(
      {
        id: "expenditure-test",
        name: { zh: "支出型收入审核", en: "expenditure income test" },
        parameters: {
          dibaoLine: [{ value: 100000, from: "2021-07-01", source: src }],
          disposableIncomeLine: [{ value: 200000, from: "2021-07-01", source: src }],
          temporaryAssistance: [
            {
              value: {
                ...none,
                capBasis: "perPerson",
                emergencyCapMonths: 6,
                specialHardshipCapMonths: null,
                expenditureMaxMonths: 6,
                expenditureIncomeTest: "belowDisposableIncome"
              },
              from: "2021-07-01",
              source: src
            }
          ]
        }
      },
      policies.beijing
    )
  )
  const family = (wagesFen: number, assets?: { vehicles: number }) => ({
    members: [
      {
        id: "a",
        age: 40,
        incomes: [
          { kind: "wages", amountFen: wagesFen },
          { kind: "scholarship", amountFen: 200000 }
        ]
      },
      { id: "b", age: 38, incomes: [] },
      { id: "c", age: 12, incomes: [] }
    ],
    ...(assets ? { assets } : {})
  })
  const surgery = { type: "expenditure", month: "2024-08", needFen: 1_000_000 }

  it("passes when counted income is below D × n (the scholarship is not counted)", () => {
    // Counted ¥5,000 < ¥2,000 × 3; cap 6 × ¥1,000 × 3 = ¥18,000; award the ¥10,000 need.
    const r = getOrThrow(assessTemporaryAssistance(family(500_000), surgery, tested))
    expect([r.eligible, r.awardFen]).toEqual([true, 1_000_000])
    expect(r.steps.map((s) => s.id)).toEqual(["temporary.incomeTest", "temporary.expenditure"])
  })

  it("refuses at D × n exactly (strictly below), with the margin, and when assets fail", () => {
    const r = getOrThrow(assessTemporaryAssistance(family(600_000), surgery, tested))
    expect([r.eligible, r.refusal, r.awardFen]).toEqual([false, "income", 0])
    expect(r.steps[0]?.text.en).toBe(
      "Income ¥6000.00 is not below the disposable-income line ¥2000.00 × 3 = ¥6000.00 (by ¥0.00): not eligible for expenditure-type assistance."
    )
    const car = getOrThrow(assessTemporaryAssistance(family(100_000, { vehicles: 1 }), surgery, tested))
    expect(car.refusal).toBe("assets")
    // The emergency type has no income test.
    expect(
      getOrThrow(assessTemporaryAssistance(family(900_000), { ...surgery, type: "emergency" }, tested)).eligible
    ).toBe(true)
  })

  it("needs a disposable-income line in force: an error, never a silent pass", () => {
    const noD = withRules(1000, {
      ...none,
      capBasis: "perPerson",
      emergencyCapMonths: 6,
      specialHardshipCapMonths: null,
      expenditureMaxMonths: 6,
      expenditureIncomeTest: "belowDisposableIncome"
    })
    const r = assessTemporaryAssistance(family(0), surgery, noD)
    expect(r.ok ? [] : r.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["policy.parameters.disposableIncomeLine", "no_value_in_force"]
    ])
  })

  it("a refused or granted award is reproduced by its payment steps and never exceeds cap or need (property)", () => {
    const policiesToTry = [
      tested,
      withRules(1000, {
        ...none,
        capBasis: "household",
        emergencyCapMonths: 3,
        specialHardshipCapMonths: 6,
        expenditureMaxMonths: 4,
        oncePerCause: "rolling12Months",
        expenditureIncomeTest: "none"
      })
    ]
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.nat(5_000_000),
        fc.constantFrom("emergency", "expenditure"),
        fc.array(
          fc.record({
            cause: fc.constantFrom("fire", "flood"),
            month: fc.constantFrom("2023-07", "2023-09", "2024-01", "2024-08", "2024-12")
          }),
          { maxLength: 3 }
        ),
        fc.nat(1),
        (wages, need, type, previousAwards, k) => {
          const r = getOrThrow(
            assessTemporaryAssistance(
              family(wages),
              { type, month: "2024-08", needFen: need, cause: "fire", previousAwards },
              policiesToTry[k]!
            )
          )
          const paid = r.steps.filter((s) => s.payment === true).reduce((n, s) => n + (s.amountFen ?? 0), 0)
          expect(paid).toBe(r.awardFen)
          expect(r.awardFen <= r.capFen && r.awardFen <= need && r.awardFen >= 0).toBe(true)
          if (!r.eligible) expect(r.awardFen).toBe(0)
        }
      ),
      { numRuns: 300 }
    )
  })
})
