/**
 * `@jiceng/relief-calculator/effect` — the package's entry points as Effects, and a
 * `ReliefPolicy` service so a program can be written once and run under any policy. The only
 * module of the package that imports `effect` (an optional peer dependency).
 *
 * @since 0.1.0
 * @module
 */
import type { InvalidInputError } from "@jiceng/core"
import { fromResult, lift } from "@jiceng/core/effect"
import * as Context from "effect/Context"
import type * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { assessHousehold, type HouseholdAssessment } from "./assessHousehold.ts"
import { assessPopulation, type PopulationAssessment } from "./assessPopulation.ts"
import { assessTemporaryAssistance } from "./assessTemporaryAssistance.ts"
import { compareScenarios } from "./compareScenarios.ts"
import { definePolicy, type Policy } from "./Policy.ts"
import { syntheticPopulation } from "./syntheticPopulation.ts"

export { fromResult, lift }

/**
 * {@link assessHousehold} as an Effect that fails with `InvalidInputError`.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { assessHouseholdEffect } from "@jiceng/relief-calculator/effect"
 * const h = { members: [{ id: "a", age: 40, incomes: [{ kind: "wages", amountFen: 100000 }] }] }
 * Effect.runSync(assessHouseholdEffect(h, policies.beijing, { month: "2024-08" })).dibao.amountFen //=> 45000
 * ```
 * @since 0.1.0
 * @category effect
 */
export const assessHouseholdEffect = lift(assessHousehold)

/**
 * {@link assessPopulation} as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { assessPopulationEffect } from "@jiceng/relief-calculator/effect"
 * const pop = { households: { count: 1 }, persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(30) } }
 * Effect.runSync(assessPopulationEffect(pop, policies.beijing, { month: "2024-08" })).dibaoFen[0] //=> 145000
 * ```
 * @since 0.1.0
 * @category effect
 */
export const assessPopulationEffect = lift(assessPopulation)

/**
 * {@link assessTemporaryAssistance} as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { assessTemporaryAssistanceEffect } from "@jiceng/relief-calculator/effect"
 * const h = { members: [{ id: "a", age: 40, incomes: [] }] }
 * Effect.runSync(assessTemporaryAssistanceEffect(h, { type: "emergency", month: "2024-08", needFen: 100000 }, policies.beijing)).awardFen //=> 100000
 * ```
 * @since 0.1.0
 * @category effect
 */
export const assessTemporaryAssistanceEffect = lift(assessTemporaryAssistance)

/**
 * {@link compareScenarios} as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { compareScenariosEffect } from "@jiceng/relief-calculator/effect"
 * const pop = { households: { count: 1 }, persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(30) } }
 * Effect.runSync(compareScenariosEffect(pop, policies.beijing, policies.beijing, { month: "2024-08" })).total.gainers //=> 0
 * ```
 * @since 0.1.0
 * @category effect
 */
export const compareScenariosEffect = lift(compareScenarios)

/**
 * {@link definePolicy} and {@link syntheticPopulation} as Effects.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { syntheticPopulationEffect } from "@jiceng/relief-calculator/effect"
 * Effect.runSync(syntheticPopulationEffect({ seed: 1, size: 10 })).households.count //=> 10
 * ```
 * @since 0.1.0
 * @category effect
 */
export const syntheticPopulationEffect = lift(syntheticPopulation)

/**
 * {@link definePolicy} as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { definePolicyEffect } from "@jiceng/relief-calculator/effect"
 * Effect.runSync(definePolicyEffect(policies.beijing)).id //=> "beijing"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const definePolicyEffect = lift((input: unknown, base?: Policy) => definePolicy(input, base))

/**
 * The policy a program runs under, as an Effect service: write the assessment once, then
 * provide a preset, a reform or a custom policy with {@link policyLayer}.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { assessWithPolicy, policyLayer } from "@jiceng/relief-calculator/effect"
 * const h = { members: [{ id: "a", age: 40, incomes: [] }] }
 * const program = assessWithPolicy(h, { month: "2024-08" })
 * Effect.runSync(Effect.provide(program, policyLayer(policies.beijing))).totalFen //=> 145000
 * ```
 * @since 0.1.0
 * @category effect
 */
export class ReliefPolicy extends Context.Service<ReliefPolicy, { readonly policy: Policy }>()(
  "@jiceng/relief-calculator/ReliefPolicy"
) {}

/**
 * A layer providing {@link ReliefPolicy}.
 *
 * @example
 * ```ts
 * import { policies } from "@jiceng/relief-calculator"
 * import { policyLayer } from "@jiceng/relief-calculator/effect"
 * const layer = policyLayer(policies.jinanUrban)
 * ```
 * @since 0.1.0
 * @category effect
 */
export const policyLayer = (policy: Policy): Layer.Layer<ReliefPolicy> => Layer.succeed(ReliefPolicy, { policy })

/**
 * Assesses a household under the {@link ReliefPolicy} in context.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { assessWithPolicy, policyLayer } from "@jiceng/relief-calculator/effect"
 * const h = { members: [{ id: "a", age: 40, incomes: [] }] }
 * Effect.runSync(Effect.provide(assessWithPolicy(h, { month: "2024-08" }), policyLayer(policies.beijing))).dibao.eligible //=> true
 * ```
 * @since 0.1.0
 * @category effect
 */
export const assessWithPolicy = (
  household: unknown,
  options: unknown
): Effect.Effect<HouseholdAssessment, InvalidInputError, ReliefPolicy> =>
  ReliefPolicy.use((s) => fromResult(assessHousehold(household, s.policy, options)))

/**
 * Assesses a population under the {@link ReliefPolicy} in context.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { policies } from "@jiceng/relief-calculator"
 * import { assessPopulationWithPolicy, policyLayer } from "@jiceng/relief-calculator/effect"
 * const pop = { households: { count: 1 }, persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(30) } }
 * Effect.runSync(Effect.provide(assessPopulationWithPolicy(pop, { month: "2024-08" }), policyLayer(policies.beijing))).count //=> 1
 * ```
 * @since 0.1.0
 * @category effect
 */
export const assessPopulationWithPolicy = (
  population: unknown,
  options: unknown
): Effect.Effect<PopulationAssessment, InvalidInputError, ReliefPolicy> =>
  ReliefPolicy.use((s) => fromResult(assessPopulation(population, s.policy, options)))
