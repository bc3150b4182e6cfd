import { type InvalidInputError, type Issue, ok, type Result } from "@jiceng/core"
import { type PopulationAssessment, preparePolicy, runKernel } from "./assessPopulation.ts"
import { STATUS } from "./internal/rules.ts"
import { validatePopulation } from "./Population.ts"

const COVERED = STATUS.dibao | STATUS.individualInclusion | STATUS.gradualExit | STATUS.tekun

/**
 * Aggregates for one group of households (or all of them) in a scenario comparison. A
 * household is covered when it receives cash: dibao, 单人保, 渐退 or 特困.
 *
 * @example
 * ```ts
 * import type { ScenarioSummary } from "@jiceng/relief-calculator"
 * const extraCost = (s: ScenarioSummary) => s.costBFen - s.costAFen
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface ScenarioSummary {
  readonly label: string
  readonly households: number
  readonly coveredA: number
  readonly coveredB: number
  /** Monthly cost in fen. */
  readonly costAFen: number
  readonly costBFen: number
  readonly gainers: number
  readonly losers: number
  /** Newly covered under B / no longer covered under B. */
  readonly entering: number
  readonly leaving: number
}

/**
 * The result of {@link compareScenarios}: totals, the same figures by group, the rows whose
 * covered status changes, and both columnar results for further analysis.
 *
 * @example
 * ```ts
 * import type { ScenarioComparison } from "@jiceng/relief-calculator"
 * const newlyCovered = (c: ScenarioComparison) => c.total.entering
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface ScenarioComparison {
  readonly month: string
  readonly policyA: string
  readonly policyB: string
  readonly total: ScenarioSummary
  readonly byGroup: ReadonlyArray<ScenarioSummary>
  /** Row indices whose covered status differs between A and B. */
  readonly changed: Int32Array
  readonly a: PopulationAssessment
  readonly b: PopulationAssessment
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * Runs one population under two policies for the same month and compares coverage, cost,
 * gainers and losers, in total and by household group, listing the households whose status
 * changes — e.g. the income-only rules in force against the composite standard.
 *
 * @example
 * ```ts
 * import { compareScenarios, compositeStandard, policies, syntheticPopulation } from "@jiceng/relief-calculator"
 * const pop = syntheticPopulation({ seed: 1, size: 2000 })
 * const c = pop.ok ? compareScenarios(pop.value, policies.beijing, compositeStandard(policies.beijing), { month: "2024-08" }) : undefined
 * c?.ok && c.value.total.leaving //=> 0
 * c?.ok && c.value.total.coveredB >= c.value.total.coveredA //=> true
 * ```
 * @since 0.1.0
 * @category populations
 */
export const compareScenarios = (
  population: unknown,
  policyA: unknown,
  policyB: unknown,
  options: unknown
): Result<ScenarioComparison, InvalidInputError> => {
  const ra = preparePolicy(policyA, options)
  if (!ra.ok) return ra
  const rb = preparePolicy(policyB, options)
  if (!rb.ok) return rb
  const c = validatePopulation(population)
  if (!c.ok) return c
  const a = runKernel(c.value, ra.value)
  const b = runKernel(c.value, rb.value)
  const labels = c.value.groupLabels
  const group = c.value.h.group
  const G = labels.length
  const hh = new Float64Array(G)
  const covA = new Float64Array(G)
  const covB = new Float64Array(G)
  const costA = new Float64Array(G)
  const costB = new Float64Array(G)
  const gain = new Float64Array(G)
  const lose = new Float64Array(G)
  const enter = new Float64Array(G)
  const leave = new Float64Array(G)
  const changed: Array<number> = []
  for (let i = 0; i < a.count; i++) {
    const g = group[i]!
    const ca = (a.status[i]! & COVERED) !== 0
    const cb = (b.status[i]! & COVERED) !== 0
    const ta = a.totalFen[i]!
    const tb = b.totalFen[i]!
    hh[g]!++
    if (ca) covA[g]!++
    if (cb) covB[g]!++
    costA[g]! += ta
    costB[g]! += tb
    if (tb > ta) gain[g]!++
    else if (tb < ta) lose[g]!++
    if (ca !== cb) {
      changed.push(i)
      if (cb) enter[g]!++
      else leave[g]!++
    }
  }
  const summary = (label: string, k: number): ScenarioSummary => ({
    label,
    households: hh[k]!,
    coveredA: covA[k]!,
    coveredB: covB[k]!,
    costAFen: costA[k]!,
    costBFen: costB[k]!,
    gainers: gain[k]!,
    losers: lose[k]!,
    entering: enter[k]!,
    leaving: leave[k]!
  })
  const byGroup = labels.map((l, k) => summary(l, k))
  const sum = (f: (s: ScenarioSummary) => number) => byGroup.reduce((n, s) => n + f(s), 0)
  const total: ScenarioSummary = {
    label: "total",
    households: sum((s) => s.households),
    coveredA: sum((s) => s.coveredA),
    coveredB: sum((s) => s.coveredB),
    costAFen: sum((s) => s.costAFen),
    costBFen: sum((s) => s.costBFen),
    gainers: sum((s) => s.gainers),
    losers: sum((s) => s.losers),
    entering: sum((s) => s.entering),
    leaving: sum((s) => s.leaving)
  }
  return ok({
    month: a.month,
    policyA: a.policyId,
    policyB: b.policyId,
    total,
    byGroup,
    changed: Int32Array.from(changed),
    a,
    b,
    warnings: [...a.warnings, ...b.warnings]
  })
}
