import { getOrThrow } from "@jiceng/core"
import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { assessHouseholdEffect, assessWithPolicy, compareScenariosEffect, policyLayer } from "../effect.ts"
import { compositeStandard, policies } from "../policies.ts"
import { syntheticPopulation } from "../syntheticPopulation.ts"

const h = { members: [{ id: "a", age: 40, incomes: [{ kind: "wages", amountFen: 100000 }] }] }

describe("effect wrappers", () => {
  it("succeed with the same value as the plain entry point", () => {
    expect(Effect.runSync(assessHouseholdEffect(h, policies.beijing, { month: "2024-08" })).dibao.amountFen).toBe(45000)
  })

  it("fail with the tagged error, catchable by tag", () => {
    const program = assessHouseholdEffect({ members: [] }, policies.beijing, { month: "2024-08" }).pipe(
      Effect.catchTag("InvalidInputError", (e) => Effect.succeed(e.issues[0]?.path.join(".")))
    )
    expect(Effect.runSync(program)).toBe("members")
  })

  it("one program runs under different policies through the ReliefPolicy service", () => {
    const program = assessWithPolicy({ ...h, rigidExpenditure: { medical: 50000 } }, { month: "2024-08" })
    expect(Effect.runSync(Effect.provide(program, policyLayer(policies.beijing))).totalFen).toBe(45000)
    expect(Effect.runSync(Effect.provide(program, policyLayer(compositeStandard(policies.beijing)))).totalFen).toBe(
      95000
    )
  })

  it("compares scenarios", () => {
    const pop = getOrThrow(syntheticPopulation({ seed: 5, size: 200 }))
    const c = Effect.runSync(
      compareScenariosEffect(pop, policies.beijing, compositeStandard(policies.beijing), { month: "2024-08" })
    )
    expect(c.total.households).toBe(200)
  })
})
