/**
 * `@jiceng/governance-model/effect` — the package's entry points as Effects. The only module of the
 * package that imports `effect` (an optional peer dependency).
 *
 * @since 0.1.0
 * @module
 */
import { fromResult } from "@jiceng/core/effect"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Layer from "effect/Layer"
import { gridMetrics as gridMetricsResult } from "./gridMetrics.ts"
import { partitionGrids as partitionGridsResult } from "./partitionGrids.ts"
import { serviceMetrics as serviceMetricsResult } from "./serviceMetrics.ts"
import { createWorkflow as createWorkflowResult } from "./workflow.ts"
import { type WorkingCalendar, workingCalendar as workingCalendarResult } from "./workingCalendar.ts"

export { fromResult, lift } from "@jiceng/core/effect"

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
export const partitionGrids = (...args: Parameters<typeof partitionGridsResult>) =>
  Effect.suspend(() => fromResult(partitionGridsResult(...args)))

/**
 * {@link gridMetricsResult | gridMetrics} as an Effect.
 *
 * @since 0.1.0
 * @category effect
 */
export const gridMetrics = (...args: Parameters<typeof gridMetricsResult>) =>
  Effect.suspend(() => fromResult(gridMetricsResult(...args)))

/**
 * {@link serviceMetricsResult | serviceMetrics} as an Effect.
 *
 * @since 0.1.0
 * @category effect
 */
export const serviceMetrics = (...args: Parameters<typeof serviceMetricsResult>) =>
  Effect.suspend(() => fromResult(serviceMetricsResult(...args)))

/**
 * {@link createWorkflowResult | createWorkflow} as an Effect.
 *
 * @since 0.1.0
 * @category effect
 */
export const createWorkflow = (template: unknown) => Effect.suspend(() => fromResult(createWorkflowResult(template)))

/**
 * The working calendar as a service, so programs that count deadlines get it from their context
 * (and tests can swap in another year's notices).
 *
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
export const calendarLayer = (options?: unknown) =>
  Layer.effect(
    Calendar,
    Effect.suspend(() => fromResult(workingCalendarResult(options)))
  )
