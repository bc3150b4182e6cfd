import { getOrThrow } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { assessHousehold, type HouseholdAssessment } from "./assessHousehold.ts"
import { definePolicy, type Policy } from "./Policy.ts"
import { compositeStandard, policies, supportVariants } from "./policies.ts"

const src = { title: "illustrative (relief-rules.md §7)", verified: false }
const withLine = (yuanLine: number, extra: Record<string, unknown> = {}): Policy =>
  getOrThrow(
    definePolicy(
      {
        id: `illustrative-${yuanLine}`,
        name: { zh: "示例", en: "Illustrative" },
        parameters: { dibaoLine: [{ value: yuanLine * 100, from: "2021-07-01", source: src }], ...extra }
      },
      policies.beijing
    )
  )
const assess = (h: unknown, p: Policy, month = "2024-08"): HouseholdAssessment =>
  getOrThrow(assessHousehold(h, p, { month }))
const wages = (fen: number) => [{ kind: "wages", amountFen: fen }]

describe("relief-rules.md §7 worked examples", () => {
  it("R1: basic gap — 3 members, wages ¥3,200, S = ¥1,450 → ¥1,150", () => {
    const r = assess(
      {
        members: [
          { id: "a", age: 38, incomes: wages(320000) },
          { id: "b", age: 40, incomes: [] },
          { id: "c", age: 10, incomes: [] }
        ]
      },
      policies.beijing
    )
    expect(r.dibao.eligible).toBe(true)
    expect(r.dibao.amountFen).toBe(115000)
    expect(r.totalFen).toBe(115000)
    expect(r.steps.find((s) => s.id === "dibao.amount")?.parameters[0]).toMatchObject({
      name: "dibaoLine",
      value: 145000,
      from: "2024-07-01"
    })
  })

  it("R2: exclusions — counted ¥310 for an elderly rural couple, S = ¥450 → ¥590", () => {
    // The couple's son lives apart and can work, so neither spouse is 特困 (art. 8); he pays nothing.
    const r = getOrThrow(
      assessHousehold(
        {
          members: [
            {
              id: "husband",
              age: 66,
              incomes: [
                { kind: "business", amountFen: 25000 },
                { kind: "preferentialPension", amountFen: 60000 },
                { kind: "familyPlanning", amountFen: 8000 },
                { kind: "localPensionTopUp", amountFen: 3000 }
              ]
            },
            {
              id: "wife",
              age: 64,
              incomes: [
                { kind: "familyPlanning", amountFen: 8000 },
                { kind: "localPensionTopUp", amountFen: 3000 },
                { kind: "basicPensionCentral", amountFen: 15000 }
              ]
            }
          ],
          obligors: [
            {
              id: "son",
              supports: ["husband", "wife"],
              age: 38,
              householdIncomeFen: 500000,
              householdSize: 3,
              ownIncomeFen: 400000
            }
          ]
        },
        policies.dongyingRural,
        { month: "2021-08" }
      )
    )
    expect(r.countedIncomeFen).toBe(31000)
    expect(r.dibao.amountFen).toBe(59000)
    expect(r.tekun.members).toEqual([])
    // Dongying's 2019 line is past its assumed review date: a stale warning, never a silent reuse.
    expect(r.warnings.map((w) => w.code)).toContain("stale_parameter")
  })

  it("R3a: per-capita income equal to the line is not eligible but marginal", () => {
    const r = assess(
      {
        members: [
          { id: "a", age: 40, incomes: wages(290000) },
          { id: "b", age: 40, incomes: [] }
        ]
      },
      policies.beijing
    )
    expect(r.dibao.eligible).toBe(false)
    expect(r.dibao.marginFen).toBe(0)
    expect(r.marginal).toBe(true)
    expect(r.totalFen).toBe(0)
  })

  it("R3b: ¥1 below the line pays ¥1; a ¥10 minimum payment lifts it to ¥10", () => {
    const h = {
      members: [
        { id: "a", age: 40, incomes: wages(289900) },
        { id: "b", age: 40, incomes: [] }
      ]
    }
    expect(assess(h, policies.beijing).dibao.amountFen).toBe(100)
    const minimum = withLine(1450, {
      payment: [{ value: { method: "gap", rounding: "none", minimumFen: 1000 }, from: "2021-07-01", source: src }]
    })
    expect(assess(h, minimum).dibao.amountFen).toBe(1000)
  })

  const r4 = (incomeFen: number) => ({
    members: [
      { id: "father", age: 55, employed: true, incomes: wages(incomeFen - 200000) },
      { id: "mother", age: 53, employed: true, incomes: wages(200000) },
      {
        id: "son",
        age: 28,
        disability: { kind: "intellectual", grade: 1 },
        incomes: [{ kind: "disabilitySubsidy", amountFen: 30000 }]
      }
    ]
  })

  it("R4: 单人保 — marginal household, the severely disabled son alone gets ¥1,450", () => {
    const r = assess(r4(510000), policies.beijing)
    expect(r.dibao.eligible).toBe(false)
    expect(r.marginal).toBe(true)
    expect(r.individualInclusion.members).toEqual([{ id: "son", route: "art8", amountFen: 145000 }])
    expect(r.totalFen).toBe(145000)
  })

  it("R4 variant: per-capita ¥2,200 closes art. 8; the adult route depends on its parameter", () => {
    expect(assess(r4(660000), policies.beijing).totalFen).toBe(0)
    const always = withLine(1450, {
      individualInclusion: [
        {
          value: { incomeMultiplier: { numerator: 3, denominator: 2 }, adultSevereDisabledRoute: "always" },
          from: "2021-07-01",
          source: src
        }
      ]
    })
    const r = assess(r4(660000), always)
    expect(r.individualInclusion.members).toEqual([{ id: "son", route: "adultSevereDisabled", amountFen: 145000 }])
  })

  const r5 = {
    members: [0, 1, 2, 3].map((i) => ({ id: `m${i}`, age: 30 + i, incomes: wages(110000) })),
    rigidExpenditure: { medical: 60000 }
  }

  it("R5: with the medical deduction, income ¥4,400 − ¥600 → eligible for ¥200", () => {
    const deducting = withLine(1000, {
      deductions: [{ value: { items: [{ kind: "medical", capFen: null }] }, from: "2021-07-01", source: src }]
    })
    const r = assess(r5, deducting)
    expect(r.adjustedIncomeFen).toBe(380000)
    expect(r.dibao.amountFen).toBe(20000)
  })

  it("R5: without the deduction rule, not eligible but marginal (1,100 < 1,500)", () => {
    const r = assess(r5, withLine(1000))
    expect(r.dibao.eligible).toBe(false)
    expect(r.dibao.marginFen).toBe(40000)
    expect(r.marginal).toBe(true)
    expect(r.steps.find((s) => s.id === "dibao.eligibility")?.text.en).toBe(
      "Counted income ¥4400.00 is ¥400.00 above the line ¥1000.00 × 4 = ¥4000.00: not eligible."
    )
    // The composite standard deducts medical spending: the same household is covered.
    expect(assess(r5, compositeStandard(withLine(1000))).dibao.amountFen).toBe(20000)
  })

  it("R8: 特困 through an unable obligor — Jinan 2020, basic ¥1,110 + full care ¥700 = ¥1,810", () => {
    const r = getOrThrow(
      assessHousehold(
        {
          members: [{ id: "man", age: 68, selfCareFailed: 4, incomes: [{ kind: "pension", amountFen: 30000 }] }],
          obligors: [
            {
              id: "son",
              supports: ["man"],
              age: 63,
              isDibao: true,
              householdIncomeFen: 60000,
              householdSize: 1,
              ownIncomeFen: 60000
            }
          ]
        },
        policies.jinanUrban,
        { month: "2021-08" }
      )
    )
    expect(r.tekun.members).toEqual([{ id: "man", tier: "full", basicFen: 111000, careFen: 70000, amountFen: 181000 }])
    expect(r.unit.size).toBe(0)
    expect(r.totalFen).toBe(181000)
    const step = r.steps.find((s) => s.id === "tekun.man")
    expect(step?.outcome).toBe(true)
    expect(step?.text.en).toContain("is a dibao recipient aged 60+")
  })

  it("R8: the same man with an able son is not 特困", () => {
    const r = assess(
      {
        members: [{ id: "man", age: 68, incomes: [{ kind: "pension", amountFen: 30000 }] }],
        obligors: [
          { id: "son", supports: ["man"], age: 40, householdIncomeFen: 900000, householdSize: 3, ownIncomeFen: 600000 }
        ]
      },
      policies.jinanUrban,
      "2021-08"
    )
    expect(r.tekun.members).toEqual([])
    expect(r.dibao.amountFen).toBe(74000 - 30000)
  })

  it("R10: self-care tiers by indicators failed — 0 self-care, 1 and 3 partial, 4 and 6 full", () => {
    const tier = (failed: number) =>
      assess({ members: [{ id: "p", age: 80, selfCareFailed: failed, incomes: [] }] }, policies.jinanUrban, "2021-08")
        .tekun.members[0]?.tier
    expect([0, 1, 3, 4, 6].map(tier)).toEqual(["selfCare", "partial", "partial", "full", "full"])
  })

  it("R11: no capacity to work — the six boundary cases", () => {
    const tekun = (m: Record<string, unknown>) =>
      assess({ members: [{ id: "p", incomes: [], ...m }] }, policies.jinanUrban, "2021-08").tekun.members.length === 1
    expect(tekun({ age: 59, disability: { kind: "physical", grade: 3 } })).toBe(false)
    expect(tekun({ age: 59, disability: { kind: "intellectual", grade: 3 } })).toBe(true)
    expect(tekun({ age: 40, disability: { kind: "visual", grade: 2 } })).toBe(false)
    expect(tekun({ age: 60 })).toBe(true)
    expect(tekun({ age: 16 })).toBe(false)
    expect(tekun({ age: 15 })).toBe(true)
  })
})

describe("explanations and errors", () => {
  it("excluded members leave the unit and are named in the explanation", () => {
    const r = assess(
      {
        members: [
          { id: "a", age: 40, incomes: [] },
          { id: "b", age: 42, excluded: "imprisoned", incomes: wages(900000) }
        ]
      },
      policies.beijing
    )
    expect(r.unit.size).toBe(1)
    expect(r.dibao.amountFen).toBe(145000)
    expect(r.steps[0]?.text.zh).toContain("b（服刑）")
  })

  it("gradual exit keeps last month's amount when employment lifts income", () => {
    const r = assess(
      {
        members: [{ id: "a", age: 40, employed: true, incomes: wages(300000) }],
        previous: { dibaoFen: 50000, exitMonthsUsed: 2, employmentGained: true }
      },
      policies.beijing
    )
    expect(r.gradualExit).toEqual({ active: true, amountFen: 50000, monthsRemaining: 3 })
    expect(r.totalFen).toBe(50000)
  })

  it("support variant A: 50% of the household excess above 2 × S, split between supported persons", () => {
    const a = withLine(1000, {
      supportImputation: [
        {
          value: {
            variant: "A",
            mode: "formula",
            thresholdBasis: "dibao",
            lowIncomeLineFen: null,
            thresholdMultiplier: { numerator: 2, denominator: 1 },
            excessBasis: "household",
            shareRate: { numerator: 1, denominator: 2 },
            manyChildren: null,
            divideBy: "supportedPersons",
            exemptObligorDibao: true,
            exemptObligorTekun: true
          },
          from: "2021-07-01",
          source: src
        }
      ]
    })
    // Obligor household: ¥7,000 for 3 people; 2 × ¥1,000 × 3 = ¥6,000; excess ¥1,000 × 50% ÷ 2 = ¥250.
    const r = assess(
      {
        members: [{ id: "mum", age: 50, incomes: [] }],
        obligors: [
          {
            id: "son",
            supports: ["mum"],
            age: 30,
            householdIncomeFen: 700000,
            householdSize: 3,
            ownIncomeFen: 500000,
            supportedPersons: 2
          }
        ]
      },
      a
    )
    expect(r.imputedSupportFen).toBe(25000)
    expect(r.dibao.amountFen).toBe(75000)
  })

  it("rejects bad input with paths and bilingual messages", () => {
    const r = assessHousehold(
      {
        members: [
          { id: "a", age: -1, incomes: [{ kind: "wages", amountFen: -5 }] },
          { id: "a", age: 200, incomes: [] }
        ],
        obligors: [{ id: "o", supports: ["zzz"], age: 30, householdIncomeFen: 0, householdSize: 0, ownIncomeFen: 0 }]
      },
      policies.beijing,
      { month: "2024-8" }
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    const paths = r.error.issues.map((i) => i.path.join("."))
    expect(paths).toEqual(
      expect.arrayContaining([
        "members.0.age",
        "members.0.incomes.0.amountFen",
        "members.1.age",
        "obligors.0.householdSize",
        "options.month"
      ])
    )
    for (const i of r.error.issues) expect(i.message.zh.length > 0 && i.message.en.length > 0).toBe(true)
  })

  it("reports duplicate members and obligors pointing to unknown members", () => {
    const r = assessHousehold(
      {
        members: [
          { id: "a", age: 3, incomes: [] },
          { id: "a", age: 4, incomes: [] }
        ],
        obligors: [{ id: "o", supports: ["b"], age: 30, householdIncomeFen: 0, householdSize: 1, ownIncomeFen: 0 }]
      },
      policies.beijing,
      { month: "2024-08" }
    )
    expect(r.ok ? [] : r.error.issues.map((i) => i.code)).toEqual(["duplicate_member", "unknown_member"])
  })

  it("a month before every dated line is an error; past the last one a warning or, on request, an error", () => {
    const early = assessHousehold({ members: [{ id: "a", age: 30, incomes: [] }] }, policies.beijing, {
      month: "2024-06"
    })
    expect(early.ok ? "" : early.error.issues[0]?.code).toBe("no_value_in_force")
    const late = assessHousehold({ members: [{ id: "a", age: 30, incomes: [] }] }, policies.beijing, {
      month: "2026-03",
      onStale: "error"
    })
    expect(late.ok ? "" : late.error.issues[0]?.code).toBe("stale_parameter")
  })

  it("does not mutate its input", () => {
    const h = { members: [{ id: "a", age: 30, incomes: wages(1000) }] }
    const copy = structuredClone(h)
    assess(h, policies.beijing)
    expect(h).toEqual(copy)
  })
})

describe("support owed by relatives living apart (relief-rules.md §2.8)", () => {
  const variantA = getOrThrow(
    definePolicy(
      {
        id: "beijing-A",
        name: { zh: "北京·方案A", en: "Beijing, variant A" },
        parameters: {
          supportImputation: [{ value: supportVariants.A.value, from: "2021-07-01", source: supportVariants.A.source }]
        }
      },
      policies.beijing
    )
  )
  const parents = [
    { id: "f", age: 50, incomes: [] },
    { id: "m", age: 50, incomes: [] }
  ]
  const son = { id: "son", age: 28, householdIncomeFen: 800000, householdSize: 2, ownIncomeFen: 500000 }

  it("variant A: one share per supported member in the unit — 50% × (8,000 − 2 × 1,450 × 2) = ¥1,100, dibao ¥1,800", () => {
    // By hand: excess 8,000 − 5,800 = 2,200; × 50% = 1,100 shared by the 2 parents = 550 each;
    // both live in this household, so 1,100 is counted; 1,450 × 2 − 1,100 = 1,800.
    const r = assess({ members: parents, obligors: [{ ...son, supports: ["f", "m"], supportedPersons: 2 }] }, variantA)
    expect(r.imputedSupportFen).toBe(110000)
    expect(r.dibao.amountFen).toBe(180000)
    const step = r.steps.find((s) => s.id === "support.son")
    expect(step?.amountFen).toBe(110000)
    expect(step?.inputs).toMatchObject({ supportedPersons: 2, supportedInUnit: 2, perPersonShareFen: 55000 })
    expect(step?.text.zh).toContain("每人 ¥550.00 × 本户 2 人")
    expect(step?.text.en).toContain("¥550.00 per person × 2 in this household")
  })

  it("supportedPersons defaults to the number of members supported", () => {
    const r = assess({ members: parents, obligors: [{ ...son, supports: ["f", "m"] }] }, variantA)
    expect(r.imputedSupportFen).toBe(110000)
  })

  it("a third supported person elsewhere lowers each share: ⌊1,100 ÷ 3⌋ = ¥366.66 × 2 = ¥733.32", () => {
    const r = assess({ members: parents, obligors: [{ ...son, supports: ["f", "m"], supportedPersons: 3 }] }, variantA)
    expect(r.imputedSupportFen).toBe(73332)
  })

  it("only members in the dibao unit count: an imprisoned parent's share is not income of this unit", () => {
    const members = [parents[0], { ...parents[1], excluded: "imprisoned" }]
    const r = assess({ members, obligors: [{ ...son, supports: ["f", "m"] }] }, variantA)
    expect(r.imputedSupportFen).toBe(55000)
  })

  it("rejects supportedPersons below the members supported, and duplicate supported ids", () => {
    const r = assessHousehold(
      { members: parents, obligors: [{ ...son, supports: ["f", "m", "m"], supportedPersons: 1 }] },
      variantA,
      { month: "2024-08" }
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["obligors.0.supports.2", "duplicate_support"],
      ["obligors.0.supportedPersons", "supported_persons_too_small"]
    ])
    expect(r.error.issues[1]?.message.zh).toContain("不能少于")
  })
})

describe("特困 for minors already supported (relief-rules.md §3.2)", () => {
  // Jinan urban 2020: basic ¥1,110, self-care ¥210 → ¥1,320 a month; an orphan with no obligor.
  const minor = (age: number, extra: Record<string, unknown> = {}) =>
    assess({ members: [{ id: "c", age, incomes: [], ...extra }] }, policies.jinanUrban, "2021-08")

  it("a 16- or 17-year-old already on 特困 keeps it until 18; a new 16-year-old applicant does not qualify", () => {
    expect(minor(16).tekun.members).toEqual([])
    expect(minor(16, { alreadyTekunAsMinor: true }).tekun.amountFen).toBe(132000)
    expect(minor(17, { alreadyTekunAsMinor: true }).tekun.amountFen).toBe(132000)
    expect(minor(18, { alreadyTekunAsMinor: true }).tekun.members).toEqual([])
  })

  it("beyond 18 only while in compulsory, senior-high or secondary vocational school", () => {
    expect(minor(18, { alreadyTekunAsMinor: true, inSchool: true }).tekun.amountFen).toBe(132000)
    expect(minor(18, { inSchool: true }).tekun.members).toEqual([])
    const step = minor(17, { alreadyTekunAsMinor: true }).steps.find((s) => s.id === "tekun.c")
    expect(step?.inputs).toMatchObject({ continuedAsMinor: true })
    expect(step?.text.zh).toContain("保障至18周岁")
    expect(step?.text.en).toContain("kept until 18")
  })

  it("keeping support still needs no means of living: own income at the line ends it", () => {
    const r = minor(17, { alreadyTekunAsMinor: true, incomes: [{ kind: "wages", amountFen: 74000 }] })
    expect(r.tekun.members).toEqual([])
  })
})

describe("programmes that need the disposable-income line (disposableIncomeLine)", () => {
  it("rigid-expenditure hardship is reported as not assessed, with a warning, when the policy lacks the line", () => {
    // Beijing 2025-03: the 2025 rigid-expenditure measures are in force but the preset has no
    // disposable-income line. Wages ¥3,000 > 1.5 × ¥1,450: neither dibao nor marginal.
    const h = { members: [{ id: "a", age: 40, incomes: wages(300000) }], rigidExpenditure: { medical: 400000 } }
    const r = assess(h, policies.beijing, "2025-03")
    const step = r.steps.find((s) => s.id === "rigidHardship")
    expect(step?.outcome).toBeUndefined()
    expect(step?.inputs).toMatchObject({ assessed: false })
    expect(step?.text.en).toContain("Not assessed")
    expect(step?.text.zh).toContain("未评估")
    expect(r.rigidHardship).toBe(false)
    expect(r.warnings.map((w) => w.code)).toContain("rigid_hardship_not_assessed")
    // With a line (monthly per capita ¥4,000): ¥3,000 < ¥4,000 and ¥4,000 medical > ¥3,000 income.
    const withD = withLine(1450, {
      disposableIncomeLine: [{ value: 400000, from: "2021-07-01", source: src }]
    })
    const d = assess(h, withD, "2025-03")
    expect(d.rigidHardship).toBe(true)
    expect(d.warnings.map((w) => w.code)).not.toContain("rigid_hardship_not_assessed")
    // A dibao household is outside the programme (art. 4(1)): no step, no warning.
    const poor = assess({ members: [{ id: "a", age: 40, incomes: [] }] }, policies.beijing, "2025-03")
    expect(poor.steps.some((s) => s.id === "rigidHardship")).toBe(false)
    expect(poor.warnings.map((w) => w.code)).not.toContain("rigid_hardship_not_assessed")
  })

  it("特困: an obligor aged 70+ is treated as able without the line, and the explanation says why", () => {
    // Jinan 2020: a 68-year-old with no income; his only son is 72, no income, assets within the
    // low-income rules — unable under art. 8(3) if his income is below the line, which is unknown.
    const h = {
      members: [{ id: "man", age: 68, incomes: [] }],
      obligors: [
        {
          id: "son",
          supports: ["man"],
          age: 72,
          householdIncomeFen: 0,
          householdSize: 1,
          ownIncomeFen: 0,
          lowIncomeAssets: true
        }
      ]
    }
    const r = assess(h, policies.jinanUrban, "2021-08")
    expect(r.tekun.members).toEqual([])
    const step = r.steps.find((s) => s.id === "tekun.man")
    expect(step?.inputs).toMatchObject({ obligorsTreatedAsAbleWithoutDisposableLine: "son" })
    expect(step?.text.zh).toContain("义务人 son 按有履行能力处理")
    expect(step?.text.en).toContain("obligor son is treated as able: the policy has no disposableIncomeLine")
    expect(r.warnings.map((w) => w.code)).toContain("obligor_grounds_not_assessed")
    const withD = getOrThrow(
      definePolicy(
        {
          id: "jinan-d",
          name: { zh: "济南·可支配收入", en: "Jinan with D" },
          parameters: { disposableIncomeLine: [{ value: 300000, from: "2021-07-01", source: src }] }
        },
        policies.jinanUrban
      )
    )
    // ¥1,110 basic + ¥210 self-care care.
    expect(assess(h, withD, "2021-08").tekun.amountFen).toBe(132000)
  })
})
