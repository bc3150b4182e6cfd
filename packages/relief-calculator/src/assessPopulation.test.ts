import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { assessHousehold } from "./assessHousehold.ts"
import { assessPopulation, type PopulationAssessment } from "./assessPopulation.ts"
import { STATUS } from "./internal/rules.ts"
import { definePolicy, MAX_FEN, type Policy, type Rate } from "./Policy.ts"
import { householdFromRow, type Population } from "./Population.ts"
import { compositeStandard, policies, supportVariants } from "./policies.ts"
import { syntheticPopulation } from "./syntheticPopulation.ts"

const src = { title: "test parameters", verified: false }
const from = "2021-07-01"
const rich: Policy = getOrThrow(
  definePolicy(
    {
      id: "rich",
      name: { zh: "全参数", en: "every parameter" },
      parameters: {
        payment: [{ value: { method: "gap", rounding: "ceilYuan", minimumFen: 2000 }, from, source: src }],
        supportImputation: [{ value: supportVariants.E.value, from, source: supportVariants.E.source }],
        deductions: [
          {
            value: {
              items: [
                { kind: "medical", capFen: 50000 },
                { kind: "education", capFen: null }
              ]
            },
            from,
            source: src
          }
        ],
        assets: [
          { value: { maxDepositsPerCapitaFen: 1_000_000, vehicleDisqualifies: true, maxHomes: 1 }, from, source: src }
        ],
        marginal: [
          { value: { multiplier: { numerator: 3, denominator: 2 }, perCapitaCapFen: 200000 }, from, source: src }
        ],
        individualInclusion: [
          {
            value: { incomeMultiplier: { numerator: 2, denominator: 1 }, adultSevereDisabledRoute: "always" },
            from,
            source: src
          }
        ],
        disposableIncomeLine: [{ value: 400000, from, source: src }],
        categoryTopUps: [
          {
            value: {
              elderlyAge: 65,
              stacking: "sum",
              items: [
                { category: "elderly", amount: { kind: "lineShare", rate: { numerator: 1, denominator: 7 } } },
                { category: "severeDisability", amount: { kind: "amount", amountFen: 12345 } },
                { category: "seriousIllness", amount: { kind: "amount", amountFen: 20000 } }
              ]
            },
            from,
            source: src
          }
        ],
        rigidHardship: [
          {
            value: { ratio: { numerator: 1, denominator: 2 }, includeBasicLiving: false },
            from: "2025-01-01",
            source: src
          }
        ]
      }
    },
    policies.jinanUrban
  )
)

/** Compares every batch column with the single-household result of the same row. */
const agreeRowByRow = (pop: Population, policy: Policy, month: string, batch: PopulationAssessment): void => {
  for (let i = 0; i < batch.count; i++) {
    const h = getOrThrow(householdFromRow(pop, i))
    const s = getOrThrow(assessHousehold(h, policy, { month }))
    const row = {
      status: batch.status[i],
      unitSize: batch.unitSize[i],
      tekunMembers: batch.tekunMembers[i],
      counted: batch.countedIncomeFen[i],
      adjusted: batch.adjustedIncomeFen[i],
      margin: batch.marginFen[i],
      dibao: batch.dibaoFen[i],
      topUp: batch.categoryTopUpFen[i],
      individual: batch.individualInclusionFen[i],
      gradual: batch.gradualExitFen[i],
      tekun: batch.tekunFen[i],
      total: batch.totalFen[i]
    }
    expect(row, `row ${i}`).toEqual({
      status: s.status,
      unitSize: s.unit.size,
      tekunMembers: s.tekun.members.length,
      counted: s.countedIncomeFen,
      adjusted: s.adjustedIncomeFen,
      margin: s.dibao.marginFen,
      dibao: s.dibao.amountFen,
      topUp: s.categoryTopUp.amountFen,
      individual: s.individualInclusion.amountFen,
      gradual: s.gradualExit.amountFen,
      tekun: s.tekun.amountFen,
      total: s.totalFen
    })
  }
}

const money = fc.integer({ min: 0, max: 600000 })
const personArb = fc.record({
  age: fc.integer({ min: 0, max: 100 }),
  wages: money,
  pension: money,
  basicPension: fc.integer({ min: 0, max: 30000 }),
  oldAge: fc.integer({ min: 0, max: 20000 }),
  assistance: fc.integer({ min: 0, max: 50000 }),
  disability: fc.option(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }))),
  flags: fc.integer({ min: 0, max: 31 }),
  excluded: fc.constantFrom(0, 0, 0, 0, 2),
  selfCareFailed: fc.integer({ min: 0, max: 6 })
})
const obligorArb = fc.record({
  size: fc.integer({ min: 1, max: 5 }),
  age: fc.integer({ min: 20, max: 90 }),
  income: fc.integer({ min: 0, max: 3_000_000 }),
  own: money,
  supported: fc.integer({ min: 0, max: 4 }),
  children: fc.integer({ min: 0, max: 5 }),
  flags: fc.integer({ min: 0, max: 127 }),
  judgment: money,
  agreement: money,
  actual: money
})
const householdArb = fc.record({
  persons: fc.array(personArb, { minLength: 1, maxLength: 5 }),
  /** Rows of the obligor table: further relatives living apart. */
  more: fc.array(obligorArb, { maxLength: 3 }),
  deposits: fc.integer({ min: 0, max: 5_000_000 }),
  vehicles: fc.constantFrom(0, 0, 0, 1),
  homes: fc.integer({ min: 0, max: 2 }),
  medical: money,
  education: money,
  disabilityCare: money,
  obligor: fc.option(obligorArb),
  prev: fc.option(
    fc.record({
      dibao: fc.integer({ min: 1, max: 300000 }),
      used: fc.integer({ min: 0, max: 8 }),
      gained: fc.integer({ min: 0, max: 1 })
    })
  )
})

/** Builds a columnar population from generated rows. */
type Row = typeof householdArb extends fc.Arbitrary<infer T> ? T : never
const toPopulation = (rows: ReadonlyArray<Row>): Population => {
  const H = rows.length
  const P = rows.reduce((n, r) => n + r.persons.length, 0)
  const f = (n: number) => new Float64Array(n)
  const u = (n: number) => new Uint8Array(n)
  const h = {
    count: H,
    depositsFen: f(H),
    vehicles: u(H),
    homes: u(H),
    medicalFen: f(H),
    educationFen: f(H),
    disabilityCareFen: f(H),
    obligorSize: u(H),
    obligorAge: u(H),
    obligorIncomeFen: f(H),
    obligorOwnIncomeFen: f(H),
    obligorSupported: u(H),
    obligorChildren: u(H),
    obligorFlags: u(H),
    obligorJudgmentFen: f(H),
    obligorAgreementFen: f(H),
    obligorActualFen: f(H),
    prevDibaoFen: f(H),
    exitMonthsUsed: u(H),
    employmentGained: u(H)
  }
  const p = {
    count: P,
    household: new Int32Array(P),
    age: u(P),
    wagesFen: f(P),
    pensionFen: f(P),
    basicPensionFen: f(P),
    oldAgeAllowanceFen: f(P),
    assistanceFen: f(P),
    disabilityKind: u(P),
    disabilityGrade: u(P),
    flags: u(P),
    excluded: u(P),
    selfCareFailed: u(P)
  }
  const O = rows.reduce((n, r) => n + r.more.length, 0)
  const o = {
    count: O,
    household: new Int32Array(O),
    size: u(O),
    age: u(O),
    incomeFen: f(O),
    ownIncomeFen: f(O),
    supported: u(O),
    children: u(O),
    flags: u(O),
    judgmentFen: f(O),
    agreementFen: f(O),
    actualFen: f(O)
  }
  let j = 0
  let k = 0
  rows.forEach((r, i) => {
    for (const x of r.more) {
      o.household[k] = i
      o.size[k] = x.size
      o.age[k] = x.age
      o.incomeFen[k] = x.income
      o.ownIncomeFen[k] = x.own
      o.supported[k] = x.supported === 0 ? 0 : r.persons.length + x.supported - 1
      o.children[k] = x.children
      o.flags[k] = x.flags
      o.judgmentFen[k] = x.judgment
      o.agreementFen[k] = x.agreement
      o.actualFen[k] = x.actual
      k++
    }
    h.depositsFen[i] = r.deposits
    h.vehicles[i] = r.vehicles
    h.homes[i] = r.homes
    h.medicalFen[i] = r.medical
    h.educationFen[i] = r.education
    h.disabilityCareFen[i] = r.disabilityCare
    if (r.obligor) {
      const o = r.obligor
      h.obligorSize[i] = o.size
      h.obligorAge[i] = o.age
      h.obligorIncomeFen[i] = o.income
      h.obligorOwnIncomeFen[i] = o.own
      h.obligorSupported[i] = o.supported === 0 ? 0 : r.persons.length + o.supported - 1
      h.obligorChildren[i] = o.children
      h.obligorFlags[i] = o.flags
      h.obligorJudgmentFen[i] = o.judgment
      h.obligorAgreementFen[i] = o.agreement
      h.obligorActualFen[i] = o.actual
    }
    if (r.prev) {
      h.prevDibaoFen[i] = r.prev.dibao
      h.exitMonthsUsed[i] = r.prev.used
      h.employmentGained[i] = r.prev.gained
    }
    for (const q of r.persons) {
      p.household[j] = i
      p.age[j] = q.age
      p.wagesFen[j] = q.wages
      p.pensionFen[j] = q.pension
      p.basicPensionFen[j] = q.basicPension
      p.oldAgeAllowanceFen[j] = q.oldAge
      p.assistanceFen[j] = q.assistance
      if (q.disability) {
        p.disabilityKind[j] = q.disability[0]
        p.disabilityGrade[j] = q.disability[1]
      }
      p.flags[j] = q.flags
      p.excluded[j] = q.excluded
      p.selfCareFailed[j] = q.selfCareFailed
      j++
    }
  })
  return { households: h, persons: p, obligors: o }
}

describe("assessPopulation", () => {
  it("agrees with assessHousehold on every row of a synthetic population, for several policies", () => {
    const pop = getOrThrow(syntheticPopulation({ seed: 2024, size: 400, lineFen: 74000 }))
    for (const [policy, month] of [
      [policies.beijing, "2024-08"],
      [policies.jinanUrban, "2021-08"],
      [compositeStandard(policies.jinanUrban), "2021-08"],
      [rich, "2025-03"]
    ] as const) {
      const batch = getOrThrow(assessPopulation(pop, policy, { month }))
      agreeRowByRow(pop, policy, month, batch)
    }
  })

  it("batch and single results agree on every household (property)", () => {
    const policiesToTry = [
      [policies.beijing, "2024-08"],
      [rich, "2025-03"],
      [compositeStandard(rich), "2025-03"],
      [policies.weifangRural, "2021-08"]
    ] as const
    fc.assert(
      fc.property(
        fc.array(householdArb, { minLength: 1, maxLength: 8 }),
        fc.nat(policiesToTry.length - 1),
        (rows, k) => {
          const [policy, month] = policiesToTry[k]!
          const pop = toPopulation(rows)
          agreeRowByRow(pop, policy, month, getOrThrow(assessPopulation(pop, policy, { month })))
        }
      ),
      { numRuns: 300 }
    )
  })

  it("warns that art. 8(3)–(4) could not be applied exactly when some household's single assessment does (property)", () => {
    // Weifang's preset has 特困 and no disposable-income line.
    fc.assert(
      fc.property(fc.array(householdArb, { minLength: 1, maxLength: 8 }), (rows) => {
        const pop = toPopulation(rows)
        const code = "obligor_grounds_not_assessed"
        const batch = getOrThrow(assessPopulation(pop, policies.weifangUrban, { month: "2021-08" }))
        const single = rows.some((_, i) =>
          getOrThrow(
            assessHousehold(getOrThrow(householdFromRow(pop, i)), policies.weifangUrban, { month: "2021-08" })
          ).warnings.some((w) => w.code === code)
        )
        expect(batch.warnings.some((w) => w.code === code)).toBe(single)
      }),
      { numRuns: 200 }
    )
  })

  it("reads the obligor household columns only on rows with an obligor (property)", () => {
    const junk = fc.record({
      age: fc.integer({ min: 0, max: 130 }),
      income: fc.integer({ min: 0, max: 3_000_000 }),
      supported: fc.integer({ min: 0, max: 50 }),
      children: fc.integer({ min: 0, max: 30 }),
      flags: fc.integer({ min: 0, max: 127 }),
      money: money
    })
    fc.assert(
      fc.property(
        fc.array(householdArb, { minLength: 1, maxLength: 8 }),
        fc.array(junk, { minLength: 8, maxLength: 8 }),
        (rows, js) => {
          const pop = toPopulation(rows)
          const h = pop.households
          const dirty = {
            ...h,
            obligorAge: Uint8Array.from(h.obligorAge!),
            obligorIncomeFen: Float64Array.from(h.obligorIncomeFen!),
            obligorOwnIncomeFen: Float64Array.from(h.obligorOwnIncomeFen!),
            obligorSupported: Uint8Array.from(h.obligorSupported!),
            obligorChildren: Uint8Array.from(h.obligorChildren!),
            obligorFlags: Uint8Array.from(h.obligorFlags!),
            obligorJudgmentFen: Float64Array.from(h.obligorJudgmentFen!),
            obligorAgreementFen: Float64Array.from(h.obligorAgreementFen!),
            obligorActualFen: Float64Array.from(h.obligorActualFen!)
          }
          rows.forEach((r, i) => {
            if (r.obligor !== null) return
            const j = js[i]!
            dirty.obligorAge[i] = j.age
            dirty.obligorIncomeFen[i] = j.income
            dirty.obligorOwnIncomeFen[i] = j.money
            dirty.obligorSupported[i] = j.supported
            dirty.obligorChildren[i] = j.children
            dirty.obligorFlags[i] = j.flags
            dirty.obligorJudgmentFen[i] = j.money
            dirty.obligorAgreementFen[i] = j.money
            dirty.obligorActualFen[i] = j.money
          })
          for (const [policy, month] of [
            [rich, "2025-03"],
            [policies.weifangUrban, "2021-08"]
          ] as const) {
            const clean = getOrThrow(assessPopulation(pop, policy, { month }))
            const other = getOrThrow(assessPopulation({ ...pop, households: dirty }, policy, { month }))
            expect(other).toEqual(clean)
          }
        }
      ),
      { numRuns: 150 }
    )
  })

  it("rejects a bad batch as a whole, with paths", () => {
    const pop = {
      households: { count: 2, depositsFen: Float64Array.of(0, -1) },
      persons: { count: 2, household: Int32Array.of(0, 5), age: Uint8Array.of(30, 40) }
    }
    const r = assessPopulation(pop, policies.beijing, { month: "2024-08" })
    expect(r.ok ? [] : r.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["households.depositsFen.1", "invalid_money"]
    ])
    const unknown = assessPopulation({ ...pop, households: { count: 2 } }, policies.beijing, { month: "2024-08" })
    expect(unknown.ok ? [] : unknown.error.issues.map((i) => i.code)).toEqual(["unknown_household"])
  })
})

describe("assessPopulation with several obligors per household", () => {
  // Variant A (2 × line, 50% of the household excess ÷ supported persons), Beijing ¥1,450.
  const variantA = getOrThrow(
    definePolicy(
      {
        id: "beijing-A",
        name: { zh: "北京·方案A", en: "Beijing, variant A" },
        parameters: {
          supportImputation: [{ value: supportVariants.A.value, from, source: supportVariants.A.source }]
        }
      },
      policies.beijing
    )
  )
  const parent = {
    households: { count: 1 },
    persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(75), pensionFen: Float64Array.of(50000) }
  }

  it("sums the support imputed from each obligor in the table", () => {
    // Son: 3 people, ¥12,000 → (12,000 − 2 × 1,450 × 3) × 50% ÷ 2 supported = ¥825.
    // Daughter: 2 people, ¥8,800 → (8,800 − 5,800) × 50% ÷ 1 = ¥1,500. Counted 500 + 825 + 1,500.
    const pop = {
      ...parent,
      obligors: {
        count: 2,
        household: Int32Array.of(0, 0),
        size: Uint8Array.of(3, 2),
        age: Uint8Array.of(48, 45),
        incomeFen: Float64Array.of(1_200_000, 880_000),
        supported: Uint8Array.of(2, 1)
      }
    }
    const r = getOrThrow(assessPopulation(pop, variantA, { month: "2024-08" }))
    expect(r.countedIncomeFen[0]).toBe(50000 + 82500 + 150000)
    const single = getOrThrow(assessHousehold(getOrThrow(householdFromRow(pop, 0)), variantA, { month: "2024-08" }))
    expect(single.imputedSupportFen).toBe(232500)
    expect(single.steps.filter((s) => s.id.startsWith("support.")).map((s) => s.amountFen)).toEqual([82500, 150000])
  })

  it("counts one variant-A share per member of the unit, as the single path does (¥550 × 2 parents)", () => {
    // 50% × (8,000 − 2 × 1,450 × 2) = 1,100 shared by the 2 parents; both in the unit: ¥1,100.
    const couple = (supported: number) => ({
      households: {
        count: 1,
        obligorSize: Uint8Array.of(2),
        obligorAge: Uint8Array.of(28),
        obligorIncomeFen: Float64Array.of(800_000),
        obligorSupported: Uint8Array.of(supported)
      },
      persons: { count: 2, household: Int32Array.of(0, 0), age: Uint8Array.of(50, 50) }
    })
    const r = getOrThrow(assessPopulation(couple(0), variantA, { month: "2024-08" }))
    expect([r.countedIncomeFen[0], r.dibaoFen[0]]).toEqual([110000, 180000])
    const three = getOrThrow(assessPopulation(couple(3), variantA, { month: "2024-08" }))
    expect(three.countedIncomeFen[0]).toBe(73332)
    const bad = assessPopulation(couple(1), variantA, { month: "2024-08" })
    expect(bad.ok ? [] : bad.error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["households.obligorSupported.0", "supported_persons_too_small"]
    ])
    const badTable = assessPopulation(
      {
        ...couple(0),
        obligors: { count: 1, household: Int32Array.of(0), size: Uint8Array.of(1), supported: Uint8Array.of(1) }
      },
      variantA,
      { month: "2024-08" }
    )
    expect(badTable.ok ? [] : badTable.error.issues.map((i) => i.path.join("."))).toEqual(["obligors.supported.0"])
  })

  it("checks obligorSupported only on rows that hold an obligor, and only when the column is given", () => {
    // Regression: a 3-person household without an obligor (obligorSize 0) and obligorSupported 1
    // was rejected with supported_persons_too_small, though the value is never read there.
    const pop = (obligorSize: ReadonlyArray<number>, supported?: ReadonlyArray<number>) => ({
      households: {
        count: 2,
        obligorSize: Uint8Array.from(obligorSize),
        obligorIncomeFen: Float64Array.of(900_000, 900_000),
        ...(supported === undefined ? {} : { obligorSupported: Uint8Array.from(supported) })
      },
      persons: { count: 4, household: Int32Array.of(0, 0, 0, 1), age: Uint8Array.of(70, 68, 12, 80) }
    })
    const codes = (p: unknown) => {
      const r = assessPopulation(p, variantA, { month: "2024-08" })
      return r.ok ? [] : r.error.issues.map((i) => [i.path.join("."), i.code])
    }
    expect(codes(pop([0, 0], [1, 1]))).toEqual([])
    expect(codes(pop([0, 2], [1, 1]))).toEqual([])
    expect(codes(pop([0, 0]))).toEqual([])
    expect(codes(pop([2, 2]))).toEqual([])
    // A row with an obligor is still checked: 1 supported person < 3 members.
    expect(codes(pop([2, 0], [1, 1]))).toEqual([["households.obligorSupported.0", "supported_persons_too_small"]])
    // Filling 1s for households without an obligor changes nothing.
    const filled = getOrThrow(assessPopulation(pop([0, 2], [1, 1]), variantA, { month: "2024-08" }))
    const zeros = getOrThrow(assessPopulation(pop([0, 2], [0, 0]), variantA, { month: "2024-08" }))
    expect(Array.from(filled.totalFen)).toEqual(Array.from(zeros.totalFen))
    agreeRowByRow(pop([0, 2], [1, 1]), variantA, "2024-08", filled)
  })

  it("特困 needs every obligor to be unable: one able obligor in the table is enough to refuse", () => {
    const jinan = (flags: ReadonlyArray<number>) => ({
      households: { count: 1 },
      persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(68), pensionFen: Float64Array.of(30000) },
      obligors: {
        count: flags.length,
        household: new Int32Array(flags.length),
        size: Uint8Array.from(flags, () => 2),
        age: Uint8Array.from(flags, () => 63),
        flags: Uint8Array.from(flags)
      }
    })
    // Both sons 63 and on dibao (art. 8(2)): 特困. One of them not on dibao: not 特困.
    const both = getOrThrow(assessPopulation(jinan([1, 1]), policies.jinanUrban, { month: "2021-08" }))
    expect(both.tekunMembers[0]).toBe(1)
    const one = getOrThrow(assessPopulation(jinan([1, 0]), policies.jinanUrban, { month: "2021-08" }))
    expect(one.tekunMembers[0]).toBe(0)
  })

  it("rejects obligors pointing to unknown households, unsorted, or with size 0", () => {
    const bad = (obligors: unknown) => {
      const r = assessPopulation({ ...parent, obligors }, policies.beijing, { month: "2024-08" })
      return r.ok ? [] : r.error.issues.map((i) => [i.path.join("."), i.code, i.message.en])
    }
    expect(bad({ count: 1, household: Int32Array.of(3), size: Uint8Array.of(2) })).toEqual([
      ["obligors.household.0", "unknown_household", "obligor points to unknown household 3"]
    ])
    expect(bad({ count: 1, household: Int32Array.of(0), size: Uint8Array.of(0) })[0]?.[1]).toBe("invalid_size")
    expect(bad({ count: 1, household: Int32Array.of(0) })[0]?.[1]).toBe("missing_column")
    expect(bad({ count: 2, household: Int32Array.of(0), size: Uint8Array.of(1, 1) })[0]?.[1]).toBe("invalid_length")
    expect(bad({ count: 21, household: new Int32Array(21), size: new Uint8Array(21).fill(1) })[0]?.[1]).toBe(
      "too_many_obligors"
    )
    expect(bad("x")[0]?.[1]).toBe("invalid_type")
  })
})

describe("assessPopulation: minors already on 特困, and the missing disposable-income line", () => {
  it("a 17-year-old already on 特困 (flag 8) keeps it; at 18 only while in school (flag 16)", () => {
    const one = (age: number, flags: number) =>
      getOrThrow(
        assessPopulation(
          {
            households: { count: 1 },
            persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(age), flags: Uint8Array.of(flags) }
          },
          policies.jinanUrban,
          { month: "2021-08" }
        )
      ).tekunFen[0]
    // Jinan urban: basic ¥1,110 + self-care ¥210.
    expect([one(17, 0), one(17, 8), one(18, 8), one(18, 24)]).toEqual([0, 132000, 0, 132000])
  })

  it("reports once per batch what cannot be assessed without disposableIncomeLine", () => {
    const pop = {
      households: { count: 1 },
      persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(40) }
    }
    const codes = (p: Policy, month: string) =>
      getOrThrow(assessPopulation(pop, p, { month })).warnings.map((w) => w.code)
    expect(codes(policies.beijing, "2025-03")).toEqual(["rigid_hardship_not_assessed"])
    expect(codes(policies.beijing, "2024-08")).toEqual([])
    // Changed: this batch has no obligor, so none was treated as able for want of the line, and
    // assessHousehold gives no such warning for the household. The batch used to warn whenever
    // 特困 was in force without the line; it now warns only when some household is affected.
    expect(codes(policies.weifangUrban, "2021-08")).toEqual([])
  })

  it("warns about art. 8(3)–(4) exactly when some household has an obligor treated as able for want of the line", () => {
    // A 68-year-old without income whose only son is 72, with assets within the low-income rules:
    // ground 3 would need the disposable-income line, which Weifang's preset does not have.
    const pop = (obligorAge: number, obligorFlags: number) => ({
      households: {
        count: 2,
        obligorSize: Uint8Array.of(1, 0),
        obligorAge: Uint8Array.of(obligorAge, 0),
        obligorFlags: Uint8Array.of(obligorFlags, 0)
      },
      persons: { count: 2, household: Int32Array.of(0, 1), age: Uint8Array.of(68, 40) }
    })
    const run = (p: Population) => {
      const batch = getOrThrow(assessPopulation(p, policies.weifangUrban, { month: "2021-08" }))
      const single = getOrThrow(
        assessHousehold(getOrThrow(householdFromRow(p, 0)), policies.weifangUrban, { month: "2021-08" })
      )
      return [batch.warnings.map((w) => w.code), single.warnings.map((w) => w.code), batch.tekunMembers[0]]
    }
    const hit = ["obligor_grounds_not_assessed"]
    expect(run(pop(72, 16))).toEqual([hit, hit, 0])
    // Not affected: younger than 70 and not severely disabled, or assets above the rules.
    expect(run(pop(65, 16))).toEqual([[], [], 0])
    expect(run(pop(72, 0))).toEqual([[], [], 0])
    // Unable on another ground (art. 8(5): lacks capacity): 特困, and nothing to warn about.
    expect(run(pop(72, 16 | 8))).toEqual([[], [], 1])
    // Severely disabled (ground 4) counts as well.
    expect(run(pop(45, 16 | 4))).toEqual([hit, hit, 0])
  })
})

describe("assessPopulation fuzz", () => {
  it("never throws on arbitrary input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (x, o) => {
        for (const r of [assessPopulation(x, policies.beijing, { month: "2024-08" }), assessPopulation(x, x, o)]) {
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 }
    )
  })

  it("householdFromRow never throws, on arbitrary input and rows", () => {
    const valid = getOrThrow(syntheticPopulation({ seed: 7, size: 5 }))
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.constant(valid)),
        fc.oneof(fc.integer(), fc.double(), fc.anything()),
        (x, row) => {
          const r = householdFromRow(x, row as number)
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
          else expect(r.value.members.length).toBeGreaterThan(0)
        }
      ),
      { numRuns: 300 }
    )
  })
})

describe("exact thresholds at the largest amounts (both paths against BigInt)", () => {
  // Amounts reach MAX_FEN, rate terms 1,000 and units 50 members, so `income × denominator` and
  // `numerator × line × members` pass 2^53; the marginal, 单人保 and rigid-hardship tests must
  // still decide exactly, on the single path and in the batch.
  const bigPolicy = (line: number, marginal: Rate, individual: Rate, rigid: Rate): Policy =>
    getOrThrow(
      definePolicy(
        {
          id: "big",
          name: { zh: "大额", en: "large amounts" },
          parameters: {
            dibaoLine: [{ value: line, from, source: src }],
            marginal: [{ value: { multiplier: marginal, perCapitaCapFen: null }, from, source: src }],
            individualInclusion: [
              { value: { incomeMultiplier: individual, adultSevereDisabledRoute: "marginalOnly" }, from, source: src }
            ],
            rigidHardship: [{ value: { ratio: rigid, includeBasicLiving: false }, from, source: src }],
            disposableIncomeLine: [{ value: MAX_FEN, from, source: src }]
          }
        },
        policies.beijing
      )
    )
  const month = "2025-03"
  const COLUMNS = ["wagesFen", "businessFen", "propertyFen", "pensionFen"] as const
  /** n persons in one household: person 0 is severely disabled without income, the others share `income`. */
  const onePopulation = (n: number, income: bigint, spend: ReadonlyArray<number>): Population => {
    const cols = Object.fromEntries(COLUMNS.map((c) => [c, new Float64Array(n)])) as Record<
      (typeof COLUMNS)[number],
      Float64Array
    >
    let left = income
    for (let j = 1; j < n && left > 0n; j++) {
      for (const c of COLUMNS) {
        const take = left < BigInt(MAX_FEN) ? left : BigInt(MAX_FEN)
        cols[c][j] = Number(take)
        left -= take
      }
    }
    if (left !== 0n) throw new Error("income does not fit the columns")
    return {
      households: {
        count: 1,
        medicalFen: Float64Array.of(spend[0] ?? 0),
        educationFen: Float64Array.of(spend[1] ?? 0),
        disabilityCareFen: Float64Array.of(spend[2] ?? 0)
      },
      persons: {
        count: n,
        household: new Int32Array(n),
        age: new Uint8Array(n).fill(30),
        disabilityKind: Uint8Array.from({ length: n }, (_, j) => (j === 0 ? 1 : 0)),
        disabilityGrade: Uint8Array.from({ length: n }, (_, j) => (j === 0 ? 1 : 0)),
        ...cols
      }
    }
  }
  const rate = fc
    .integer({ min: 1, max: 1000 })
    .chain((denominator) =>
      fc.integer({ min: denominator, max: 1000 }).map((numerator) => ({ numerator, denominator }))
    )
  const anyRate = fc.record({
    numerator: fc.integer({ min: 0, max: 1000 }),
    denominator: fc.integer({ min: 1, max: 1000 })
  })
  /** Both paths' outcomes, and what BigInt cross-multiplication says they must be. */
  const check = (pop: Population, policy: Policy, line: number, n: number, m: Rate, ii: Rate, rr: Rate) => {
    const single = getOrThrow(assessHousehold(getOrThrow(householdFromRow(pop, 0)), policy, { month }))
    const batch = getOrThrow(assessPopulation(pop, policy, { month }))
    agreeRowByRow(pop, policy, month, batch)
    const adjusted = BigInt(single.adjustedIncomeFen)
    const counted = BigInt(single.countedIncomeFen)
    const ceiling = BigInt(line) * BigInt(n)
    const eligible = adjusted < ceiling
    const marginal = !eligible && adjusted * BigInt(m.denominator) < BigInt(m.numerator) * ceiling
    const individual = !eligible && adjusted * BigInt(ii.denominator) < BigInt(ii.numerator) * ceiling
    const spend = BigInt(single.steps.find((s) => s.id === "rigidHardship")?.inputs.rigidSpendingFen ?? 0)
    const rigid =
      !eligible &&
      !marginal &&
      counted < BigInt(MAX_FEN) * BigInt(n) &&
      spend > 0n &&
      spend * BigInt(rr.denominator) > BigInt(rr.numerator) * counted
    const exact = { eligible, marginal, individual, rigid }
    expect({
      eligible: single.dibao.eligible,
      marginal: single.marginal,
      individual: single.individualInclusion.amountFen > 0,
      rigid: single.rigidHardship
    }).toEqual(exact)
    const st = batch.status[0]!
    expect({
      eligible: (st & STATUS.dibao) !== 0,
      marginal: (st & STATUS.marginal) !== 0,
      individual: (st & STATUS.individualInclusion) !== 0,
      rigid: (st & STATUS.rigidHardship) !== 0
    }).toEqual(exact)
  }

  it("the reviewer's case: ¥9,999,999,990.80 line, 1000/999, 50 members is marginal", () => {
    const m = { numerator: 1000, denominator: 999 }
    const policy = bigPolicy(999_999_999_080, m, m, { numerator: 1, denominator: 1 })
    const pop = onePopulation(50, 50_050_050_004_004n, [])
    check(pop, policy, 999_999_999_080, 50, m, m, { numerator: 1, denominator: 1 })
    expect(getOrThrow(assessPopulation(pop, policy, { month })).status[0]! & STATUS.marginal).toBe(STATUS.marginal)
  })

  /** x⁻¹ mod m for gcd(x, m) = 1. */
  const inverse = (x: bigint, m: bigint): bigint => {
    let [a, b, u, v] = [((x % m) + m) % m, m, 1n, 0n]
    while (b !== 0n) {
      const q = a / b
      ;[a, b, u, v] = [b, a - q * b, v, u - q * v]
    }
    return ((u % m) + m) % m
  }
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b))

  it("marginal and 单人保 decide exactly within a few units of k × line × members (property)", () => {
    // Build cases where income × den and num × line × n differ by δ ∈ [−16, 16] while both are
    // far above 2^53, where doubles cannot tell them apart: pick den, num, n, δ, then a line with
    // num × line × n ≡ δ (mod den), and income = (num × line × n − δ) ÷ den exactly.
    const near = fc
      .record({
        den: fc.integer({ min: 2, max: 1000 }),
        mul: fc.integer({ min: 1000, max: 4000 }),
        n: fc.integer({ min: 2, max: 50 }),
        delta: fc.integer({ min: -16, max: 16 }),
        k: fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: BigInt(MAX_FEN) }))
      })
      .map(({ den, mul, n, delta, k }) => ({ den, num: Math.min(1000, Math.floor((den * mul) / 1000)), n, delta, k }))
      .filter(({ den, num, n }) => num >= den && gcd(num, den) === 1 && gcd(n, den) === 1)
    fc.assert(
      fc.property(near, rate, fc.boolean(), ({ den, num, n, delta, k }, other, targetMarginal) => {
        const D = BigInt(den)
        const l0 = (((BigInt(delta) % D) + D) * inverse(BigInt(num), D) * inverse(BigInt(n), D)) % D
        const steps = (BigInt(MAX_FEN) - l0) / D
        const L = l0 + D * (k > steps ? steps : k)
        fc.pre(L >= 1n)
        const product = BigInt(num) * L * BigInt(n)
        const income = (product - BigInt(delta)) / D
        fc.pre((product - BigInt(delta)) % D === 0n && income >= 0n)
        fc.pre(income <= BigInt(n - 1) * BigInt(COLUMNS.length) * BigInt(MAX_FEN))
        const t = { numerator: num, denominator: den }
        const [m, ii] = targetMarginal ? [t, other] : [other, t]
        const rr = { numerator: 1, denominator: 1 }
        const line = Number(L)
        check(onePopulation(n, income, []), bigPolicy(line, m, ii, rr), line, n, m, ii, rr)
      }),
      { numRuns: 200 }
    )
  })

  it("rigid hardship decides exactly next to ratio × income (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 50 }),
        fc.bigInt({ min: 1n, max: 200n * BigInt(MAX_FEN) }),
        anyRate.filter((r) => r.numerator > 0),
        fc.integer({ min: -3, max: 3 }),
        fc.nat(2),
        (n, raw, rr, d, split) => {
          // Counted income below the disposable-income line × n, spending near ratio × income.
          const capacity = BigInt(n - 1) * BigInt(COLUMNS.length) * BigInt(MAX_FEN)
          const cap = BigInt(MAX_FEN) * BigInt(n) - 1n
          const income = raw % (capacity < cap ? capacity : cap)
          let spend = (BigInt(rr.numerator) * income) / BigInt(rr.denominator) + BigInt(d)
          const most = 3n * BigInt(MAX_FEN)
          if (spend < 1n) spend = 1n
          if (spend > most) spend = most - BigInt(3 + d)
          const parts = [0, 0, 0]
          for (let k = 0, left = spend; left > 0n; k++) {
            const take = left < BigInt(MAX_FEN) ? left : BigInt(MAX_FEN)
            parts[(k + split) % 3] = Number(take)
            left -= take
          }
          // A 1-fen line: never dibao, never marginal, so the rigid test always runs.
          const m = { numerator: 3, denominator: 2 }
          check(onePopulation(n, income, parts), bigPolicy(1, m, m, rr), 1, n, m, m, rr)
        }
      ),
      { numRuns: 150 }
    )
  })
})
