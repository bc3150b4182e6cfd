/**
 * `@jiceng/governance-model/effect` — the package's entry points as Effects. The only module of the
 * package that imports `effect` (an optional peer dependency).
 *
 * @since 0.1.0
 * @module
 */
import { fromResult, lift } from "@jiceng/core/effect"
import * as Context from "effect/Context"
import * as Layer from "effect/Layer"
import { classifyMatter as classifyMatterResult } from "./classifyMatter.ts"
import { checkDecision as checkDecisionResult } from "./decisionPipeline.ts"
import { evaluateSatisfaction as evaluateSatisfactionResult } from "./evaluateSatisfaction.ts"
import { gridMetrics as gridMetricsResult } from "./gridMetrics.ts"
import { mergeGridLayers as mergeGridLayersResult } from "./mergeGridLayers.ts"
import { validateOrganisation as validateOrganisationResult } from "./organisation.ts"
import { partitionGrids as partitionGridsResult } from "./partitionGrids.ts"
import { rollupOrganisation as rollupOrganisationResult } from "./rollupOrganisation.ts"
import { selectProjects as selectProjectsResult } from "./selectProjects.ts"
import { serviceMetrics as serviceMetricsResult } from "./serviceMetrics.ts"
import { toOpen311 as toOpen311Result } from "./toOpen311.ts"
import { trackConsultation as trackConsultationResult } from "./trackConsultation.ts"
import { createWorkflow as createWorkflowResult } from "./workflow.ts"
import { type WorkingCalendar, workingCalendar as workingCalendarResult } from "./workingCalendar.ts"

export { fromResult, lift }

/**
 * {@link partitionGridsResult | partitionGrids} as an Effect failing with `InvalidInputError` or
 * `InfeasibleBandError`.
 *
 * @example
 * ```ts
 * import { partitionGrids } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * const plan = Effect.runSync(partitionGrids([{ id: "a", households: 350, community: "c" }], []))
 * plan.grids.length //=> 1
 * ```
 * @since 0.1.0
 * @category effect
 */
export const partitionGrids = lift(partitionGridsResult)

/**
 * {@link gridMetricsResult | gridMetrics} as an Effect.
 *
 * @example
 * ```ts
 * import { gridMetrics } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * const b = [{ id: "a", households: 350, community: "c" }]
 * Effect.runSync(gridMetrics({ grids: [{ id: "g", buildings: ["a"] }] }, b, [])).grids //=> 1
 * ```
 * @since 0.1.0
 * @category effect
 */
export const gridMetrics = lift(gridMetricsResult)

/**
 * {@link serviceMetricsResult | serviceMetrics} as an Effect.
 *
 * @example
 * ```ts
 * import { serviceMetrics } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(serviceMetrics([])).cases //=> 0
 * ```
 * @since 0.1.0
 * @category effect
 */
export const serviceMetrics = lift(serviceMetricsResult)

/**
 * {@link createWorkflowResult | createWorkflow} as an Effect.
 *
 * @example
 * ```ts
 * import { createWorkflow } from "@jiceng/governance-model/effect"
 * import { workflowTemplates } from "@jiceng/governance-model"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(createWorkflow(workflowTemplates.fiveOrder)).template.id //=> "fiveOrder"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const createWorkflow = lift(createWorkflowResult)

/**
 * The working calendar as a service, so programs that count deadlines get it from their context
 * (and tests can swap in another year's notices).
 *
 * @example
 * ```ts
 * import { Calendar, calendarLayer } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * const covered = Effect.gen(function* () {
 *   const cal = yield* Calendar
 *   return cal.years.includes(2025)
 * })
 * Effect.runSync(Effect.provide(covered, calendarLayer())) //=> true
 * ```
 * @since 0.1.0
 * @category effect
 */
export class Calendar extends Context.Service<Calendar, WorkingCalendar>()("@jiceng/governance-model/Calendar") {}

/**
 * A layer providing {@link Calendar} built from calendar options (default: China 2023–2026).
 *
 * @example
 * ```ts
 * import { Calendar, calendarLayer, fromResult } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * const due = Effect.gen(function* () {
 *   const cal = yield* Calendar
 *   return yield* fromResult(cal.deadline("2025-01-27T10:00", { workingDays: 5 }))
 * })
 * Effect.runSync(Effect.provide(due, calendarLayer())).due //=> "2025-02-10T23:59:59"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const calendarLayer = (options?: unknown) => Layer.effect(Calendar, lift(workingCalendarResult)(options))

/**
 * {@link validateOrganisationResult | validateOrganisation} as an Effect failing with
 * `InvalidInputError` or `OrganisationError` (every problem of the model at once).
 *
 * @example
 * ```ts
 * import { validateOrganisation } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(validateOrganisation({ units: [{ code: "C", name: "东山社区", kind: "community" }] })).units.length //=> 1
 * ```
 * @since 0.1.0
 * @category effect
 */
export const validateOrganisation = lift(validateOrganisationResult)

/**
 * {@link rollupOrganisationResult | rollupOrganisation} as an Effect.
 *
 * @example
 * ```ts
 * import { rollupOrganisation } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * const units = [{ code: "G", name: "一网格", kind: "grid" }, { code: "B", name: "1号楼", kind: "building", parent: "G", households: 90 }]
 * Effect.runSync(rollupOrganisation({ units })).totals.households //=> 90
 * ```
 * @since 0.1.0
 * @category effect
 */
export const rollupOrganisation = lift(rollupOrganisationResult)

/**
 * {@link toOpen311Result | toOpen311} as an Effect failing with `InvalidInputError` or
 * `IllegalTransitionError`.
 *
 * @example
 * ```ts
 * import { toOpen311 } from "@jiceng/governance-model/effect"
 * import { workflowTemplates } from "@jiceng/governance-model"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(toOpen311(workflowTemplates.hotline12345, [])).length //=> 0
 * ```
 * @since 0.1.0
 * @category effect
 */
export const toOpen311 = lift(toOpen311Result)

/**
 * {@link classifyMatterResult | classifyMatter} as an Effect.
 *
 * @example
 * ```ts
 * import { classifyMatter } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(classifyMatter({ id: "m", affectedHouseholds: 600, communityHouseholds: 600, publicResources: true, disputed: false })).route //=> "governmentLed"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const classifyMatter = lift(classifyMatterResult)

/**
 * {@link evaluateSatisfactionResult | evaluateSatisfaction} as an Effect.
 *
 * @example
 * ```ts
 * import { evaluateSatisfaction } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(evaluateSatisfaction({ satisfied: 4, basicallySatisfied: 0, unsatisfied: 1 })).passes //=> true
 * ```
 * @since 0.1.0
 * @category effect
 */
export const evaluateSatisfaction = lift(evaluateSatisfactionResult)

/**
 * {@link trackConsultationResult | trackConsultation} as an Effect.
 *
 * @example
 * ```ts
 * import { trackConsultation } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(trackConsultation({ matterId: "m", households: ["101"], responses: [] })).pending //=> ["101"]
 * ```
 * @since 0.1.0
 * @category effect
 */
export const trackConsultation = lift(trackConsultationResult)

/**
 * {@link checkDecisionResult | checkDecision} as an Effect.
 *
 * @example
 * ```ts
 * import { checkDecision } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(checkDecision([])).next?.id //=> "propose"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const checkDecision = lift(checkDecisionResult)

/**
 * {@link selectProjectsResult | selectProjects} as an Effect.
 *
 * @example
 * ```ts
 * import { selectProjects } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * Effect.runSync(selectProjects([{ id: "a", cost: 100, score: 3 }], { budget: 50 })).selected //=> []
 * ```
 * @since 0.1.0
 * @category effect
 */
export const selectProjects = lift(selectProjectsResult)

/**
 * {@link mergeGridLayersResult | mergeGridLayers} as an Effect failing with `InvalidInputError`
 * or `InfeasibleBandError`.
 *
 * @example
 * ```ts
 * import { mergeGridLayers } from "@jiceng/governance-model/effect"
 * import * as Effect from "effect/Effect"
 * const buildings = [{ id: "a", households: 350, community: "c" }]
 * Effect.runSync(mergeGridLayers([{ id: "L", grids: [{ id: "g", buildings: ["a"] }] }], { buildings, adjacency: [] })).base //=> "L"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const mergeGridLayers = lift(mergeGridLayersResult)
