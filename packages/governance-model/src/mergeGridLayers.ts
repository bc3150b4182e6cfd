import { err, InvalidInputError, type Issue, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import type { InfeasibleBandError } from "./errors.ts"
import { type GridMetrics, metricsChecked } from "./gridMetrics.ts"
import { basisPoints } from "./internal/basisPoints.ts"
import { gridOverlap } from "./internal/matchGrids.ts"
import { checkBand, checkBuildings, type GridPlan, partitionChecked } from "./partitionGrids.ts"

const Id = z.string().min(1).max(200)

/**
 * One grid system laid over the buildings (综治, 城管, 警务, 党建 …): its grids and their
 * buildings. A layer need not cover every building, but lists each building at most once.
 *
 * @since 0.1.0
 * @category grids
 */
export const GridLayer = z.object({
  id: Id,
  name: z.string().max(200).optional(),
  grids: z.array(z.object({ id: Id, buildings: z.array(Id) }))
})
/** @since 0.1.0 @category grids */
export type GridLayer = z.infer<typeof GridLayer>

/**
 * Options of {@link mergeGridLayers}: the `buildings` and their `adjacency` (as for
 * {@link partitionGrids}), the band (`min`/`max`, default 300–400, `min` ≤ `max`), `seed`,
 * `keepCompounds`, `zeroHouseholdBuildings` (as for {@link partitionGrids}), and `base` — the
 * layer the unified plan stays close to (default: the layer covering the most households, i.e.
 * the one whose grid workers would be disturbed most by a redraw).
 *
 * @since 0.1.0
 * @category grids
 */
export const MergeGridLayersOptions = z
  .object({
    buildings: z.unknown(),
    adjacency: z.unknown(),
    min: z.int().min(1).max(5000).optional(),
    max: z.int().min(1).max(5000).optional(),
    seed: z.union([z.int(), z.string()]).optional(),
    keepCompounds: z.boolean().optional(),
    zeroHouseholdBuildings: z.enum(["attach", "exclude"]).optional(),
    base: Id.optional()
  })
  .check((ctx) => checkBand(ctx))
/** @since 0.1.0 @category grids */
export type MergeGridLayersOptions = z.infer<typeof MergeGridLayersOptions>

/**
 * How one source layer relates to the others and to the unified plan.
 *
 * @since 0.1.0
 * @category grids
 */
export interface LayerReport {
  readonly id: string
  readonly grids: number
  readonly households: number
  /** Households of this layer's grids that lie whole inside one unified grid. */
  readonly workloadKept: { readonly households: number; readonly basisPoints: number | null }
  /** For each source grid, how many unified grids it is spread over. */
  readonly spread: Readonly<Record<string, number>>
}

/**
 * Overlap of two layers: households both cover, and households kept together when each grid of
 * `a` is matched one-to-one with a grid of `b` (largest overlaps first); `basisPoints` = kept ÷
 * common (10,000 = the two layers draw the same grids over their common ground).
 *
 * @since 0.1.0
 * @category grids
 */
export interface LayerOverlap {
  readonly a: string
  readonly b: string
  readonly commonHouseholds: number
  readonly matchedHouseholds: number
  readonly basisPoints: number | null
}

/**
 * The result of 多网合一: the unified plan, its metrics (stability measured against the base
 * layer), the pairwise overlap of the source layers, and how each layer's workload maps onto the
 * unified grids.
 *
 * @since 0.1.0
 * @category grids
 */
export interface GridLayerMerge {
  readonly base: string
  readonly plan: GridPlan
  readonly metrics: GridMetrics
  readonly overlaps: ReadonlyArray<LayerOverlap>
  readonly layers: ReadonlyArray<LayerReport>
  /** For each unified grid, how many grids of each layer it touches. */
  readonly sourcesPerGrid: Readonly<Record<string, Readonly<Record<string, number>>>>
}

// Households two layers both cover, and those kept together when their grids are matched
// one-to-one, largest overlap first (the matching gridMetrics uses for stability).
const matched = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>, h: (x: string) => number) => {
  const overlap = gridOverlap()
  let common = 0
  for (const [x, ga] of a) {
    const gb = b.get(x)
    if (gb === undefined) continue
    common += h(x)
    overlap.add(ga, gb, h(x))
  }
  return { common, kept: overlap.matched() }
}

/**
 * Merge several grid systems over the same buildings into one (多网合一, the 2019, 2021 and 2024
 * central policies on integrating grids into one comprehensive grid): measure how the layers
 * overlap, propose one unified plan within the band with {@link partitionGrids} (stable against
 * the largest layer), and report how each layer's workload lands in it.
 *
 * @example
 * ```ts
 * import { mergeGridLayers } from "@jiceng/governance-model"
 * const b = (id: string, households: number) => ({ id, households, community: "东山社区" })
 * const buildings = [b("1", 200), b("2", 150), b("3", 180), b("4", 170)]
 * const adjacency = [["1", "2"], ["2", "3"], ["3", "4"]]
 * const r = mergeGridLayers(
 *   [
 *     { id: "综治", grids: [{ id: "Z1", buildings: ["1", "2"] }, { id: "Z2", buildings: ["3", "4"] }] },
 *     { id: "城管", grids: [{ id: "C1", buildings: ["1", "2", "3", "4"] }] }
 *   ],
 *   { buildings, adjacency }
 * )
 * r.ok && [r.value.base, r.value.plan.grids.map((g) => g.households)] //=> ["综治", [350, 350]]
 * ```
 * @since 0.1.0
 * @category grids
 */
export const mergeGridLayers = (
  layers: unknown,
  options: unknown
): Result<GridLayerMerge, InvalidInputError | InfeasibleBandError> => {
  const o = validate(MergeGridLayersOptions, options)
  if (!o.ok) return err(new InvalidInputError(o.error.issues.map((i) => ({ ...i, path: ["options", ...i.path] }))))
  const l = validate(z.array(GridLayer).min(1).max(100), layers)
  if (!l.ok) return l
  const checked = checkBuildings(o.value.buildings, o.value.adjacency)
  if (!checked.ok) return checked
  const households = new Map(checked.value.buildings.map((b) => [b.id, b.households]))
  const h = (x: string) => households.get(x) ?? 0
  const issues: Array<Issue> = []
  const ids = new Set<string>()
  const assignments = l.value.map((layer, li) => {
    if (ids.has(layer.id))
      issues.push(issue([li, "id"], "duplicate_code", `图层 ${layer.id} 重复`, `layer ${layer.id} is listed twice`))
    ids.add(layer.id)
    const a = new Map<string, string>()
    const gridIds = new Set<string>()
    layer.grids.forEach((g, gi) => {
      if (gridIds.has(g.id))
        issues.push(
          issue(
            [li, "grids", gi, "id"],
            "duplicate_code",
            `图层 ${layer.id} 中网格 ${g.id} 重复`,
            `grid ${g.id} appears twice in layer ${layer.id}`
          )
        )
      gridIds.add(g.id)
      g.buildings.forEach((x, bi) => {
        if (!households.has(x))
          issues.push(
            issue(
              [li, "grids", gi, "buildings", bi],
              "unknown_building",
              `图层 ${layer.id} 的网格 ${g.id} 引用了不存在的楼栋 ${x}`,
              `grid ${g.id} of layer ${layer.id} names unknown building ${x}`
            )
          )
        else if (a.has(x))
          issues.push(
            issue(
              [li, "grids", gi, "buildings", bi],
              "building_in_two_grids",
              `楼栋 ${x} 在图层 ${layer.id} 中同时属于 ${a.get(x)} 和 ${g.id}`,
              `building ${x} is in both ${a.get(x)} and ${g.id} of layer ${layer.id}`
            )
          )
        else a.set(x, g.id)
      })
    })
    return a
  })
  const covered = assignments.map((a) => [...a.keys()].reduce((s, x) => s + h(x), 0))
  let baseIx = 0
  if (o.value.base !== undefined) {
    baseIx = l.value.findIndex((x) => x.id === o.value.base)
    if (baseIx < 0)
      issues.push(
        issue(
          ["options", "base"],
          "unknown_layer",
          `基准图层 ${o.value.base} 不存在`,
          `base layer ${o.value.base} does not exist`
        )
      )
  } else
    covered.forEach((c, i) => {
      if (c > (covered[baseIx] ?? 0)) baseIx = i
    })
  if (issues.length > 0) return err(new InvalidInputError(issues))
  const baseLayer = l.value[baseIx] as GridLayer
  const previous = Object.fromEntries(assignments[baseIx] ?? [])

  // Buildings, adjacency and band were checked above, once: the partition and its metrics
  // take them as they are.
  const { min, max, seed, keepCompounds, zeroHouseholdBuildings } = o.value
  const plan = partitionChecked(checked.value, {
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(seed === undefined ? {} : { seed }),
    ...(keepCompounds === undefined ? {} : { keepCompounds }),
    ...(zeroHouseholdBuildings === undefined ? {} : { zeroHouseholdBuildings }),
    previous
  })
  if (!plan.ok) return plan
  const metrics = metricsChecked(plan.value, checked.value, { previous })
  const unified = new Map(Object.entries(plan.value.assignment))

  const overlaps: Array<LayerOverlap> = []
  for (let i = 0; i < assignments.length; i++)
    for (let j = i + 1; j < assignments.length; j++) {
      const m = matched(assignments[i] as Map<string, string>, assignments[j] as Map<string, string>, h)
      overlaps.push({
        a: l.value[i]?.id ?? "",
        b: l.value[j]?.id ?? "",
        commonHouseholds: m.common,
        matchedHouseholds: m.kept,
        basisPoints: basisPoints(m.kept, m.common)
      })
    }

  const sourcesPerGrid: Record<string, Record<string, number>> = {}
  for (const g of plan.value.grids) sourcesPerGrid[g.id] = {}
  const reports = l.value.map((layer, li): LayerReport => {
    const a = assignments[li] as Map<string, string>
    const spreadSets = new Map<string, Set<string>>()
    const touched = new Map<string, Set<string>>()
    for (const [x, g] of a) {
      const u = unified.get(x)
      if (u === undefined) continue
      const s = spreadSets.get(g) ?? new Set<string>()
      s.add(u)
      spreadSets.set(g, s)
      const t = touched.get(u) ?? new Set<string>()
      t.add(g)
      touched.set(u, t)
    }
    for (const [u, t] of touched) {
      const row = sourcesPerGrid[u]
      if (row) row[layer.id] = t.size
    }
    let kept = 0
    const spread: Record<string, number> = {}
    for (const g of layer.grids) {
      const n = spreadSets.get(g.id)?.size ?? 0
      spread[g.id] = n
      if (n === 1) for (const x of g.buildings) kept += h(x)
    }
    return {
      id: layer.id,
      grids: layer.grids.length,
      households: covered[li] ?? 0,
      workloadKept: { households: kept, basisPoints: basisPoints(kept, covered[li] ?? 0) },
      spread
    }
  })
  return ok({ base: baseLayer.id, plan: plan.value, metrics, overlaps, layers: reports, sourcesPerGrid })
}
