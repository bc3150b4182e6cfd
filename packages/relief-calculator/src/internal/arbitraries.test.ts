// fast-check arbitraries shared by the property tests (not part of the package build).
import fc from "fast-check"
import { DisabilityKind, ExclusionStatus, type Household } from "../Household.ts"
import { IncomeKind } from "../Policy.ts"

const money = (max = 600000) => fc.integer({ min: 0, max })
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined })

export const memberArb = (id: string) =>
  fc
    .record({
      age: fc.integer({ min: 0, max: 100 }),
      incomes: fc.array(fc.record({ kind: fc.constantFrom(...IncomeKind.options), amountFen: money() }), {
        maxLength: 4
      }),
      transferOutFen: opt(money(50000)),
      disability: opt(
        fc.record({ kind: fc.constantFrom(...DisabilityKind.options), grade: fc.integer({ min: 1, max: 4 }) })
      ),
      catastrophicIllness: opt(fc.boolean()),
      employed: opt(fc.boolean()),
      excluded: opt(fc.constantFrom(...ExclusionStatus.options)),
      selfCareFailed: opt(fc.integer({ min: 0, max: 6 })),
      choseOrphanBenefit: opt(fc.boolean()),
      alreadyTekunAsMinor: opt(fc.boolean()),
      inSchool: opt(fc.boolean())
    })
    .map((m) => {
      const out: Record<string, unknown> = { id }
      for (const [k, v] of Object.entries(m)) if (v !== undefined) out[k] = v
      // Keep most members in the unit so the interesting paths run.
      if (out.excluded !== undefined && id !== "m3") delete out.excluded
      return out as Household["members"][number]
    })

export const householdArb: fc.Arbitrary<Household> = fc.integer({ min: 1, max: 5 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `m${i}`)
  return fc
    .record({
      members: fc.tuple(...ids.map(memberArb)),
      assets: opt(
        fc.record({
          depositsFen: money(5_000_000),
          vehicles: fc.constantFrom(0, 0, 1),
          homes: fc.integer({ min: 0, max: 2 })
        })
      ),
      rigidExpenditure: opt(
        fc.record({
          medical: money(),
          education: money(),
          disabilityCare: money(),
          rent: money(),
          employmentCost: money(),
          basicLiving: money()
        })
      ),
      obligors: opt(
        fc.array(
          fc.record({
            supports: fc.subarray(ids, { minLength: 1 }),
            age: fc.integer({ min: 18, max: 95 }),
            householdIncomeFen: money(3_000_000),
            householdSize: fc.integer({ min: 1, max: 6 }),
            ownIncomeFen: money(),
            /** People supported elsewhere too (undefined: only those listed here). */
            supportedElsewhere: opt(fc.integer({ min: 0, max: 3 })),
            childrenCount: fc.integer({ min: 1, max: 5 }),
            isDibao: fc.boolean(),
            isTekun: fc.boolean(),
            severeDisability: fc.boolean(),
            lacksCapacity: fc.boolean(),
            lowIncomeAssets: fc.boolean(),
            judgmentFen: opt(money(100000)),
            agreementFen: opt(money(100000)),
            actualPaidFen: opt(money(100000))
          }),
          { maxLength: 2 }
        )
      ),
      previous: opt(
        fc.record({
          dibaoFen: money(300000),
          exitMonthsUsed: fc.integer({ min: 0, max: 8 }),
          employmentGained: fc.boolean()
        })
      )
    })
    .map((h) => {
      const out: Record<string, unknown> = { members: h.members }
      if (h.assets) out.assets = h.assets
      if (h.rigidExpenditure) out.rigidExpenditure = h.rigidExpenditure
      if (h.obligors) {
        out.obligors = h.obligors.map((o, i) => {
          const { supportedElsewhere, ...rest } = o
          const x: Record<string, unknown> = { id: `o${i}` }
          for (const [k, v] of Object.entries(rest)) if (v !== undefined) x[k] = v
          if (supportedElsewhere !== undefined) x.supportedPersons = o.supports.length + supportedElsewhere
          return x
        })
      }
      if (h.previous) out.previous = h.previous
      return out as Household
    })
})

import { describe, expect, it } from "vitest"
import { Household as HouseholdSchema } from "../Household.ts"

describe("test arbitraries", () => {
  it("generate households that pass the Household schema", () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        expect(HouseholdSchema.safeParse(h).success).toBe(true)
      }),
      { numRuns: 200 }
    )
  })
})
