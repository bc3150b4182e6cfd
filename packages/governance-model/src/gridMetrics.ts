import { err, InvalidInputError, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { basisPoints } from "./internal/basisPoints.ts"
import { gridOverlap } from "./internal/matchGrids.ts"
import { type Building, type CheckedBuildings, checkBuildings } from "./partitionGrids.ts"

const Id = z.string().min(1).max(200)

/**
 * The part of a grid plan {@link gridMetrics} reads: grids with their buildings (a
 * {@link GridPlan} fits), and optionally the band and the buildings without households the plan
 * leaves out on purpose (`unassigned`, as {@link partitionGrids} lists them).
 *
 * @since 0.1.0
 * @category grids
 */
export const GridPlanInput = z.object({
  grids: z.array(z.object({ id: Id, buildings: z.array(Id) })),
  band: z.object({ min: z.int().min(0), max: z.int().min(0) }).optional(),
  unassigned: z.array(Id).optional()
})
/** @since 0.1.0 @category grids */
export type GridPlanInput = z.infer<typeof GridPlanInput>

/**
 * Options of {@link gridMetrics}: the band to check (default the plan's, else 300–400) and a
 * previous assignment (building id → grid id) for stability.
 *
 * @since 0.1.0
 * @category grids
 */
export const GridMetricsOptions = z
  .object({
    min: z.int().min(0).optional(),
    max: z.int().min(0).optional(),
    previous: z.record(z.string(), z.string()).optional()
  })
  .optional()
/** @since 0.1.0 @category grids */
export type GridMetricsOptions = z.infer<typeof GridMetricsOptions>

/**
 * Quality of a grid plan: band compliance, deviation, contiguity, cut edges, splits, coverage,
 * community crossings and stability.
 *
 * @since 0.1.0
 * @category grids
 */
export interface GridMetrics {
  readonly grids: number
  readonly households: number
  readonly band: { readonly min: number; readonly max: number }
  /** Grids inside the band, of all grids. */
  readonly bandCompliance: {
    readonly numerator: number
    readonly denominator: number
    readonly basisPoints: number | null
  }
  /** Households outside the band in the worst grid (0 when all comply). */
  readonly worstViolation: number
  /** max |hᵢ − h̄| / h̄ in basis points, h̄ = households / grids (rounded half up). */
  readonly maxDeviationBasisPoints: number | null
  readonly nonContiguous: ReadonlyArray<string>
  /** Adjacency edges whose two buildings are in different grids. */
  readonly cutEdges: number
  /** Buildings listed in two or more grids (must be empty). */
  readonly splitBuildings: ReadonlyArray<string>
  /**
   * Buildings in no grid that the plan does not account for (coverage gaps): a building with
   * households, or one without households that the plan's `unassigned` does not list.
   */
  readonly uncovered: ReadonlyArray<string>
  /**
   * Buildings without households in no grid that the plan lists as `unassigned` (left out on
   * purpose, e.g. a school touching no residential building): not coverage gaps.
   */
  readonly unassigned: ReadonlyArray<string>
  /** Building ids a grid or the plan's `unassigned` lists that do not exist. */
  readonly unknownBuildings: ReadonlyArray<string>
  /** Grids whose buildings lie in more than one community (must be empty). */
  readonly communityCrossings: ReadonlyArray<string>
  /** Compounds spread over more than one grid. */
  readonly splitCompounds: ReadonlyArray<string>
  /** Households kept in their matched previous grid (one-to-one, largest overlaps first). */
  readonly stability?: {
    readonly keptHouseholds: number
    readonly households: number
    readonly basisPoints: number | null
  }
}

/**
 * Measure a grid plan against the buildings and their adjacency: band compliance, deviation,
 * contiguity, cut edges, split buildings and compounds, coverage, community crossings and (with a
 * previous plan) stability — the anchors' list of plan metrics. A building without households
 * that the plan leaves out on purpose (listed in its `unassigned`, as {@link partitionGrids} does
 * for one touching no residential building) is reported as `unassigned`, not as a coverage gap.
 *
 * @example
 * ```ts
 * import { gridMetrics } from "@jiceng/governance-model"
 * const b = (id: string, households: number) => ({ id, households, community: "东山社区" })
 * const m = gridMetrics(
 *   { grids: [{ id: "g1", buildings: ["a", "c"] }, { id: "g2", buildings: ["b"] }] },
 *   [b("a", 200), b("b", 350), b("c", 150)],
 *   [["a", "b"], ["b", "c"]]
 * )
 * m.ok && m.value.nonContiguous //=> ["g1"]
 * m.ok && m.value.cutEdges //=> 2
 * const school = gridMetrics(
 *   { grids: [{ id: "g1", buildings: ["a"] }], unassigned: ["school"] },
 *   [b("a", 350), b("school", 0)],
 *   []
 * )
 * school.ok && [school.value.uncovered, school.value.unassigned] //=> [[], ["school"]]
 * ```
 * @since 0.1.0
 * @category grids
 */
export const gridMetrics = (
  plan: unknown,
  buildings: unknown,
  adjacency: unknown,
  options?: unknown
): Result<GridMetrics, InvalidInputError> => {
  const p = validate(GridPlanInput, plan)
  if (!p.ok) return err(prefix(p.error, "plan"))
  const o = validate(GridMetricsOptions, options)
  if (!o.ok) return err(prefix(o.error, "options"))
  const checked = checkBuildings(buildings, adjacency)
  if (!checked.ok) return checked
  return ok(metricsChecked(p.value, checked.value, o.value ?? {}))
}

/** The plan as {@link metricsChecked} reads it: a {@link GridPlanInput} or a {@link GridPlan}. */
export interface PlanShape {
  readonly grids: ReadonlyArray<{ readonly id: string; readonly buildings: ReadonlyArray<string> }>
  readonly band?: { readonly min: number; readonly max: number } | undefined
  readonly unassigned?: ReadonlyArray<string> | undefined
}

/**
 * {@link gridMetrics} on input already checked: buildings and adjacency by
 * {@link checkBuildings}, the plan and options by their schemas (or made by
 * {@link partitionGrids}). For callers inside the package that have validated them once already.
 */
export const metricsChecked = (
  plan: PlanShape,
  checked: CheckedBuildings,
  options: NonNullable<GridMetricsOptions>
): GridMetrics => {
  const bs = checked.buildings
  const index = new Map(bs.map((b, i) => [b.id, i] as const))
  const min = options.min ?? plan.band?.min ?? 300
  const max = options.max ?? plan.band?.max ?? 400
  const gridOf = new Int32Array(bs.length).fill(-1)
  const split = new Set<string>()
  const unknown = new Set<string>()
  const grids = plan.grids
  grids.forEach((g, gi) => {
    for (const id of g.buildings) {
      const v = index.get(id)
      if (v === undefined) unknown.add(id)
      else if ((gridOf[v] as number) >= 0 && gridOf[v] !== gi) split.add(id)
      else gridOf[v] = gi
    }
  })
  const hh = grids.map((g) => {
    let h = 0
    for (const id of new Set(g.buildings)) h += bs[index.get(id) ?? -1]?.households ?? 0
    return h
  })
  const total = bs.reduce((s, b) => s + b.households, 0)
  const k = grids.length
  let inBand = 0
  let worst = 0
  let dev = 0
  hh.forEach((h) => {
    if (h >= min && h <= max) inBand++
    worst = Math.max(worst, min - h, h - max, 0)
    dev = Math.max(dev, Math.abs(h * k - total))
  })
  // contiguity per grid over adjacency restricted to the grid
  const adj: Array<Array<number>> = bs.map(() => [])
  let cut = 0
  for (const [a, b] of checked.edges) {
    adj[a]?.push(b)
    adj[b]?.push(a)
    if (gridOf[a] !== gridOf[b]) cut++
  }
  const nonContiguous: Array<string> = []
  const crossings: Array<string> = []
  grids.forEach((g, gi) => {
    const members = [...new Set(g.buildings)].map((id) => index.get(id)).filter((v): v is number => v !== undefined)
    if (new Set(members.map((v) => (bs[v] as Building).community)).size > 1) crossings.push(g.id)
    if (members.length === 0) return
    const seen = new Set([members[0] as number])
    const stack = [members[0] as number]
    while (stack.length > 0) {
      const v = stack.pop() as number
      for (const u of adj[v] ?? [])
        if (gridOf[u] === gi && !seen.has(u)) {
          seen.add(u)
          stack.push(u)
        }
    }
    if (seen.size < members.length) nonContiguous.push(g.id)
  })
  const compoundGrid = new Map<string, Set<number>>()
  bs.forEach((b, v) => {
    if (b.compound === undefined || (gridOf[v] as number) < 0) return
    const s = compoundGrid.get(b.compound) ?? new Set()
    s.add(gridOf[v] as number)
    compoundGrid.set(b.compound, s)
  })
  const prev = options.previous
  let stability: GridMetrics["stability"]
  if (prev) {
    // New grids are named by their position in the plan (ids of a hand-made plan may repeat).
    const overlap = gridOverlap()
    bs.forEach((b, v) => {
      const pg = prev[b.id]
      const gi = gridOf[v] as number
      if (pg !== undefined && gi >= 0) overlap.add(String(gi), pg, b.households)
    })
    const kept = overlap.matched()
    stability = { keptHouseholds: kept, households: total, basisPoints: basisPoints(kept, total) }
  }
  // Buildings in no grid: left out on purpose (listed as unassigned, without households) or gaps.
  const declared = new Set<string>()
  for (const id of plan.unassigned ?? []) {
    if (index.has(id)) declared.add(id)
    else unknown.add(id)
  }
  const uncovered: Array<string> = []
  const unassigned: Array<string> = []
  bs.forEach((b, v) => {
    if ((gridOf[v] as number) >= 0) return
    if (b.households === 0 && declared.has(b.id)) unassigned.push(b.id)
    else uncovered.push(b.id)
  })
  return {
    grids: k,
    households: total,
    band: { min, max },
    bandCompliance: { numerator: inBand, denominator: k, basisPoints: basisPoints(inBand, k) },
    worstViolation: worst,
    maxDeviationBasisPoints: k === 0 ? null : basisPoints(dev, total),
    nonContiguous,
    cutEdges: cut,
    splitBuildings: [...split],
    uncovered,
    unassigned,
    unknownBuildings: [...unknown],
    communityCrossings: crossings,
    splitCompounds: [...compoundGrid].filter(([, s]) => s.size > 1).map(([c]) => c),
    ...(stability ? { stability } : {})
  }
}

const prefix = (e: InvalidInputError, head: string): InvalidInputError =>
  new InvalidInputError(e.issues.map((i) => ({ ...i, path: [head, ...i.path] })))
