import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { assessHousehold, type HouseholdAssessment } from "./assessHousehold.ts"
import type { Household } from "./Household.ts"
import { householdArb } from "./internal/arbitraries.test.ts"
import { STATUS } from "./internal/rules.ts"
import { definePolicy, type Policy } from "./Policy.ts"
import { compositeStandard, policies, supportVariants } from "./policies.ts"

const src = { title: "property-test parameters", verified: false }
const from = "2021-07-01"
const variant = (
  name: keyof typeof supportVariants,
  rounding: "none" | "ceilYuan" | "roundYuan" | "floorYuan",
  minimumFen: number
): Policy =>
  getOrThrow(
    definePolicy(
      {
        id: `p-${name}-${rounding}-${minimumFen}`,
        name: { zh: "性质测试", en: "property test" },
        parameters: {
          payment: [{ value: { method: "gap", rounding, minimumFen }, from, source: src }],
          supportImputation: [
            {
              value: { ...supportVariants[name].value, lowIncomeLineFen: 120000 },
              from,
              source: supportVariants[name].source
            }
          ],
          deductions: [
            {
              value: {
                items: [
                  { kind: "medical", capFen: 80000 },
                  { kind: "rent", capFen: null }
                ]
              },
              from,
              source: src
            }
          ],
          individualInclusion: [
            {
              value: { incomeMultiplier: { numerator: 2, denominator: 1 }, adultSevereDisabledRoute: "always" },
              from,
              source: src
            }
          ],
          disposableIncomeLine: [{ value: 300000, from, source: src }],
          categoryTopUps: [
            {
              value: {
                elderlyAge: 60,
                stacking: rounding === "ceilYuan" ? "sum" : "highest",
                items: [
                  { category: "elderly", amount: { kind: "lineShare", rate: { numerator: 1, denominator: 3 } } },
                  { category: "minor", amount: { kind: "amount", amountFen: 5000 } },
                  { category: "severeDisability", amount: { kind: "amount", amountFen: 30000 } },
                  { category: "seriousIllness", amount: { kind: "lineShare", rate: { numerator: 1, denominator: 5 } } }
                ]
              },
              from,
              source: src
            }
          ],
          rigidHardship: [
            { value: { ratio: { numerator: 1, denominator: 3 }, includeBasicLiving: true }, from, source: src }
          ]
        }
      },
      policies.jinanUrban
    )
  )
const POLICIES: ReadonlyArray<Policy> = [
  policies.jinanUrban,
  policies.dongyingRural,
  variant("A", "ceilYuan", 1000),
  variant("B", "roundYuan", 0),
  variant("C", "floorYuan", 500),
  variant("D", "none", 0),
  variant("E", "ceilYuan", 0)
]
const policyArb = fc.constantFrom(...POLICIES)
const MONTH = "2021-09"
const run = (h: Household, p: Policy): HouseholdAssessment => getOrThrow(assessHousehold(h, p, { month: MONTH }))
const COVERED = STATUS.dibao | STATUS.individualInclusion | STATUS.gradualExit | STATUS.tekun

describe("assessHousehold invariants (INVARIANTS.md)", () => {
  it("amounts are never negative and never exceed each programme's ceiling", () => {
    fc.assert(
      fc.property(householdArb, policyArb, (h, p) => {
        const r = run(h, p)
        const S = r.lineFen
        expect(r.dibao.amountFen).toBeGreaterThanOrEqual(0)
        expect(r.dibao.amountFen).toBeLessThanOrEqual(r.dibao.ceilingFen)
        expect(r.dibao.ceilingFen).toBe(S * r.unit.size)
        for (const m of r.individualInclusion.members) expect(m.amountFen > 0 && m.amountFen <= S).toBe(true)
        for (const t of r.tekun.members) expect(t.amountFen).toBe(t.basicFen + t.careFen)
        expect(r.gradualExit.amountFen).toBeLessThanOrEqual(h.previous?.dibaoFen ?? 0)
        expect(r.totalFen).toBe(
          r.dibao.amountFen +
            r.categoryTopUp.amountFen +
            r.individualInclusion.amountFen +
            r.gradualExit.amountFen +
            r.tekun.amountFen
        )
        // 分类施保 goes only to members of a dibao household, each at most the sum of all categories.
        if (!r.dibao.eligible) expect(r.categoryTopUp.amountFen).toBe(0)
        for (const t of r.categoryTopUp.members) {
          expect(r.unit.members).toContain(t.id)
          expect(t.amountFen > 0 && t.amountFen <= Math.ceil(S / 3) + 5000 + 30000 + Math.ceil(S / 5)).toBe(true)
        }
        for (const v of [r.countedIncomeFen, r.adjustedIncomeFen, r.deductionsFen, r.imputedSupportFen, r.totalFen]) {
          expect(Number.isSafeInteger(v) && v >= 0).toBe(true)
        }
      }),
      { numRuns: 500 }
    )
  })

  it("dibao is non-increasing in counted income (while the same members are 特困)", () => {
    fc.assert(
      fc.property(householdArb, policyArb, fc.nat(4), fc.integer({ min: 1, max: 500000 }), (h, p, k, extra) => {
        const i = k % h.members.length
        const richer: Household = {
          ...h,
          members: h.members.map((m, j) =>
            j === i ? { ...m, incomes: [...m.incomes, { kind: "wages", amountFen: extra }] } : m
          )
        }
        const a = run(h, p)
        const b = run(richer, p)
        // A member whose income reaches the line leaves 特困 and re-enters the dibao unit: that
        // exchanges one programme for another (documented in INVARIANTS.md), so it is excluded.
        fc.pre(a.tekun.members.map((t) => t.id).join() === b.tekun.members.map((t) => t.id).join())
        expect(b.dibao.amountFen).toBeLessThanOrEqual(a.dibao.amountFen)
      }),
      { numRuns: 500 }
    )
  })

  it("adding a deductible rigid expenditure never lowers the dibao amount", () => {
    fc.assert(
      fc.property(householdArb, policyArb, fc.integer({ min: 1, max: 300000 }), (h, p, extra) => {
        const more: Household = {
          ...h,
          rigidExpenditure: { ...h.rigidExpenditure, rent: (h.rigidExpenditure?.rent ?? 0) + extra }
        }
        const comp = compositeStandard(p)
        expect(run(more, p).dibao.amountFen).toBeGreaterThanOrEqual(run(h, p).dibao.amountFen)
        const moreMedical: Household = {
          ...h,
          rigidExpenditure: { ...h.rigidExpenditure, medical: (h.rigidExpenditure?.medical ?? 0) + extra }
        }
        expect(run(moreMedical, comp).dibao.amountFen).toBeGreaterThanOrEqual(run(h, comp).dibao.amountFen)
      }),
      { numRuns: 400 }
    )
  })

  it("the composite standard never drops a household the income-only standard covers", () => {
    fc.assert(
      fc.property(householdArb, policyArb, (h, p) => {
        const a = run(h, p)
        const b = run(h, compositeStandard(p))
        if ((a.status & COVERED) !== 0) expect(b.status & COVERED).not.toBe(0)
        expect(b.adjustedIncomeFen).toBeLessThanOrEqual(a.adjustedIncomeFen)
      }),
      { numRuns: 500 }
    )
  })

  it("the explanation's steps reproduce the amount", () => {
    fc.assert(
      fc.property(householdArb, policyArb, (h, p) => {
        const r = run(h, p)
        const paid = r.steps.filter((s) => s.payment === true).reduce((n, s) => n + (s.amountFen ?? 0), 0)
        expect(paid).toBe(r.totalFen)
        expect(r.steps.at(-1)).toMatchObject({ id: "total", amountFen: r.totalFen })
        const gap = r.steps.find((s) => s.id === "dibao.amount")
        if (r.dibao.eligible) {
          const { lineFen, unitSize, adjustedIncomeFen, gapFen } = gap!.inputs as Record<string, number>
          expect(gapFen).toBe(lineFen! * unitSize! - adjustedIncomeFen!)
          expect(gap!.amountFen).toBe(r.dibao.amountFen)
          expect(adjustedIncomeFen).toBe(r.adjustedIncomeFen)
        } else expect(gap).toBeUndefined()
        for (const s of r.steps) expect(s.text.zh.length > 0 && s.text.en.length > 0).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it("the parameter in force is chosen correctly on both sides of every effective date", () => {
    const monthArb = fc.integer({ min: 2022 * 12, max: 2030 * 12 - 1 })
    const ym = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}`
    fc.assert(
      fc.property(
        fc.uniqueArray(monthArb, { minLength: 1, maxLength: 5 }).map((a) => a.sort((x, y) => x - y)),
        fc.array(fc.integer({ min: 10000, max: 300000 }), { minLength: 5, maxLength: 5 }),
        (starts, values) => {
          const history = starts.map((s, i) => {
            const next = starts[i + 1]
            const entry = { value: values[i]!, from: `${ym(s)}-01`, source: { title: `notice ${i}` } }
            return next === undefined ? entry : { ...entry, to: `${ym(next)}-01` }
          })
          const p = getOrThrow(
            definePolicy(
              { id: "dated", name: { zh: "分段", en: "dated" }, parameters: { dibaoLine: history } },
              policies.beijing
            )
          )
          const h: Household = { members: [{ id: "a", age: 30, incomes: [] }] }
          starts.forEach((s, i) => {
            const at = assessHousehold(h, p, { month: ym(s) })
            expect(at.ok && at.value.lineFen).toBe(values[i])
            const before = assessHousehold(h, p, { month: ym(s - 1) })
            if (i === 0) expect(before.ok).toBe(false)
            else expect(before.ok && before.value.lineFen).toBe(values[i - 1])
          })
        }
      ),
      { numRuns: 100 }
    )
  })

  it("counted support never exceeds the obligor's capacity and is additive over supported members", () => {
    const withVariant = (v: keyof typeof supportVariants, perCapita: boolean): Policy =>
      getOrThrow(
        definePolicy(
          {
            id: `support-${v}-${perCapita}`,
            name: { zh: "赡养费性质", en: "support property" },
            parameters: {
              supportImputation: [
                {
                  value: {
                    ...supportVariants[v].value,
                    lowIncomeLineFen: 120000,
                    excessBasis: perCapita ? "perCapita" : "household"
                  },
                  from,
                  source: supportVariants[v].source
                }
              ]
            }
          },
          policies.beijing
        )
      )
    const ids = ["m0", "m1", "m2", "m3"]
    fc.assert(
      fc.property(
        fc.constantFrom("A", "B", "C", "D", "E" as const),
        fc.boolean(),
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 3 }),
        fc.subarray(ids, { minLength: 1 }),
        (v, perCapita, income, size, children, elsewhere, supports) => {
          const p = withVariant(v, perCapita)
          const cfg = p.parameters.supportImputation[0]!.value
          const S = p.parameters.dibaoLine[0]!.value
          const supportedPersons = supports.length + elsewhere
          const counted = (sup: ReadonlyArray<string>) =>
            getOrThrow(
              assessHousehold(
                {
                  members: ids.map((id) => ({ id, age: 50, incomes: [] })),
                  obligors: [
                    {
                      id: "o",
                      supports: [...sup],
                      supportedPersons,
                      age: 40,
                      householdIncomeFen: income,
                      householdSize: size,
                      ownIncomeFen: 0,
                      childrenCount: children
                    }
                  ]
                },
                p,
                { month: "2024-08" }
              )
            ).imputedSupportFen
          // The obligor's capacity by hand: rate × the excess over threshold × size (or per capita).
          const basis = cfg.thresholdBasis === "dibao" ? S : cfg.lowIncomeLineFen!
          const m = cfg.thresholdMultiplier
          const rate =
            cfg.manyChildren !== null && children >= cfg.manyChildren.minChildren
              ? cfg.manyChildren.shareRate
              : cfg.shareRate
          const excess = BigInt(income * m.denominator - basis * m.numerator * size)
          const den = BigInt(m.denominator * rate.denominator * (perCapita ? size : 1))
          const capacity = excess > 0n ? Number((excess * BigInt(rate.numerator)) / den) : 0
          const all = counted(supports)
          expect(all).toBeLessThanOrEqual(capacity)
          if (cfg.divideBy === "supportedPersons") {
            // Each supported member in the unit is one equal share; split the list and add up.
            const [first, ...rest] = supports
            expect(all).toBe(counted([first!]) * supports.length)
            if (rest.length > 0) expect(all).toBe(counted([first!]) + counted(rest))
          }
        }
      ),
      { numRuns: 300 }
    )
  })

  it("known cliff, not an invariant: a deduction can turn 单人保 into a smaller household payment", () => {
    // Documented in INVARIANTS.md: the rules in force switch from the individual route to the
    // household gap once the household qualifies, so total cash can fall.
    const p = compositeStandard(policies.beijing)
    const h = (medical: number): Household => ({
      members: [
        { id: "father", age: 55, employed: true, incomes: [{ kind: "wages", amountFen: 300000 }] },
        { id: "mother", age: 53, employed: true, incomes: [{ kind: "wages", amountFen: 210000 }] },
        { id: "son", age: 28, disability: { kind: "intellectual", grade: 1 }, incomes: [] }
      ],
      rigidExpenditure: { medical }
    })
    const before = getOrThrow(assessHousehold(h(0), p, { month: "2024-08" }))
    const after = getOrThrow(assessHousehold(h(85000), p, { month: "2024-08" }))
    expect([before.totalFen, after.dibao.eligible, after.totalFen]).toEqual([145000, true, 10000])
  })
})

describe("assessHousehold fuzz", () => {
  it("never throws on arbitrary input and fails with at least one issue", () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (h, o) => {
        for (const r of [
          assessHousehold(h, policies.beijing, { month: "2024-08" }),
          assessHousehold({ members: [] }, h, o)
        ]) {
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 }
    )
  })
})
