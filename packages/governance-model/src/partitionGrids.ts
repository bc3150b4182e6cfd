import {
  createRng,
  divideRounded,
  err,
  InvalidInputError,
  type Issue,
  issue,
  ok,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { InfeasibleBandError } from "./errors.ts"
import { pushIssue } from "./internal/refine.ts"
import { partitionTree } from "./internal/treePartition.ts"

const Id = z.string().min(1).max(200)

/**
 * A building (楼栋): its households, its community (社区) and optionally its compound (小区) and
 * map position (x east, y north, any unit).
 *
 * @since 0.1.0
 * @category grids
 */
export const Building = z.object({
  id: Id,
  households: z.int().max(100_000),
  community: Id,
  compound: Id.optional(),
  x: z.number().optional(),
  y: z.number().optional()
})
/** @since 0.1.0 @category grids */
export type Building = z.infer<typeof Building>

/**
 * Pairs of buildings that touch (share a boundary or a path without crossing another building's
 * land); grids are contiguous over this graph.
 *
 * @since 0.1.0
 * @category grids
 */
export const Adjacency = z.array(z.tuple([Id, Id]))
/** @since 0.1.0 @category grids */
export type Adjacency = z.infer<typeof Adjacency>

/** The band check of the options schemas that take `min`/`max` (default 300–400): `min` ≤ `max`. */
export const checkBand = (
  ctx: z.core.ParsePayload<{ readonly min?: number | undefined; readonly max?: number | undefined }>
) => {
  const { min = 300, max = 400 } = ctx.value
  if (max < min) pushIssue(ctx, ["max"], "empty_band", `上限 ${max} 小于下限 ${min}`, `max ${max} is below min ${min}`)
}

/**
 * Options of {@link partitionGrids}.
 *
 * - `min`/`max` (default 300/400): the hard household band per grid. The essays' district used
 *   300–400 (篇一); no national rule was found, so it is a parameter. `max` ≤ 5000.
 * - `seed` (default 0): the same seed gives the same plan.
 * - `keepCompounds` (default true): keep each compound whole where that is feasible.
 * - `previous`: building id → grid id of an earlier plan; the new plan prefers its boundaries
 *   (相对稳定).
 * - `attempts` (default 16): spanning trees tried per connected part before giving up.
 * - `zeroHouseholdBuildings` (default `"attach"`): what to do with buildings without households
 *   (schools, shops, offices). `"attach"`: each joins the grid of a residential building it is
 *   connected to inside its community (全覆盖, no gaps); one that touches no residential building
 *   of its community cannot join a grid without breaking contiguity, so it is left out, listed
 *   in `unassigned` and warned about (`zero_household_unattached`). `"exclude"`: every such
 *   building is left out and listed in `unassigned` (it may then no longer connect the buildings
 *   around it). No rule found says which; the default follows the 无缝拼接 coverage principle.
 *
 * @since 0.1.0
 * @category grids
 */
export const PartitionGridsOptions = z
  .object({
    min: z.int().min(1).max(5000).optional(),
    max: z.int().min(1).max(5000).optional(),
    seed: z.union([z.int(), z.string()]).optional(),
    keepCompounds: z.boolean().optional(),
    previous: z.record(z.string(), z.string()).optional(),
    attempts: z.int().min(1).max(100).optional(),
    zeroHouseholdBuildings: z.enum(["attach", "exclude"]).optional()
  })
  .check((ctx) => checkBand(ctx))
  .optional()
/** @since 0.1.0 @category grids */
export type PartitionGridsOptions = z.infer<typeof PartitionGridsOptions>

/**
 * One grid (网格) of a plan.
 *
 * @since 0.1.0
 * @category grids
 */
export interface Grid {
  readonly id: string
  readonly community: string
  readonly households: number
  readonly buildings: ReadonlyArray<string>
}

/**
 * A grid plan: the grids, the building → grid assignment and the band it was made for.
 *
 * @since 0.1.0
 * @category grids
 */
export interface GridPlan {
  readonly band: { readonly min: number; readonly max: number }
  readonly seed: number | string
  readonly grids: ReadonlyArray<Grid>
  readonly assignment: Readonly<Record<string, string>>
  /** Compounds that had to be split (too big for one grid, not contiguous, or infeasible whole). */
  readonly splitCompounds: ReadonlyArray<string>
  /**
   * Buildings without households left out of every grid (see `zeroHouseholdBuildings`), in input
   * order. Always present on plans made by {@link partitionGrids}; optional so that hand-made
   * plans still type-check.
   */
  readonly unassigned?: ReadonlyArray<string>
  readonly warnings: ReadonlyArray<Issue>
}

interface Graph {
  readonly n: number
  readonly offsets: Int32Array
  readonly targets: Int32Array
}

const csr = (n: number, edges: ReadonlyArray<readonly [number, number]>): Graph => {
  const deg = new Int32Array(n + 1)
  for (const [a, b] of edges) {
    deg[a + 1] = (deg[a + 1] as number) + 1
    deg[b + 1] = (deg[b + 1] as number) + 1
  }
  for (let i = 0; i < n; i++) deg[i + 1] = (deg[i + 1] as number) + (deg[i] as number)
  const targets = new Int32Array(deg[n] as number)
  const fill = deg.slice(0, n)
  for (const [a, b] of edges) {
    targets[fill[a] as number] = b
    fill[a] = (fill[a] as number) + 1
    targets[fill[b] as number] = a
    fill[b] = (fill[b] as number) + 1
  }
  return { n, offsets: deg, targets }
}

/** Buildings and adjacency that passed {@link checkBuildings}: adjacency as pairs of building indices. */
export interface CheckedBuildings {
  readonly buildings: ReadonlyArray<Building>
  readonly edges: ReadonlyArray<readonly [number, number]>
}

/** Validate buildings and adjacency together: duplicates, negatives, unknown names — all at once. */
export const checkBuildings = (buildings: unknown, adjacency: unknown): Result<CheckedBuildings, InvalidInputError> => {
  const b = validate(z.array(Building), buildings)
  const a = validate(Adjacency, adjacency)
  const issues: Array<Issue> = []
  if (!b.ok) issues.push(...b.error.issues.map((i) => ({ ...i, path: ["buildings", ...i.path] })))
  if (!a.ok) issues.push(...a.error.issues.map((i) => ({ ...i, path: ["adjacency", ...i.path] })))
  if (!b.ok || !a.ok) return err(new InvalidInputError(issues))
  const index = new Map<string, number>()
  b.value.forEach((x, i) => {
    if (index.has(x.id))
      issues.push(
        issue(["buildings", i, "id"], "duplicate_code", `楼栋编号 ${x.id} 重复`, `building id ${x.id} appears twice`)
      )
    else index.set(x.id, i)
    if (x.households < 0)
      issues.push(
        issue(
          ["buildings", i, "households"],
          "negative_households",
          `楼栋 ${x.id} 的户数为负（${x.households}）`,
          `building ${x.id} has a negative number of households (${x.households})`
        )
      )
  })
  const edges: Array<[number, number]> = []
  a.value.forEach(([p, q], i) => {
    const u = index.get(p)
    const v = index.get(q)
    if (u === undefined)
      issues.push(
        issue(
          ["adjacency", i, 0],
          "unknown_building",
          `相邻关系引用了不存在的楼栋 ${p}`,
          `adjacency names unknown building ${p}`
        )
      )
    if (v === undefined)
      issues.push(
        issue(
          ["adjacency", i, 1],
          "unknown_building",
          `相邻关系引用了不存在的楼栋 ${q}`,
          `adjacency names unknown building ${q}`
        )
      )
    if (u !== undefined && v !== undefined && u !== v) edges.push([u, v])
  })
  if (issues.length > 0) return err(new InvalidInputError(issues))
  return ok({ buildings: b.value, edges })
}

const pad3 = (k: number) => String(k).padStart(3, "0")

/**
 * Divide the households of a territory into grids (网格划分) with a hard household band (default
 * 300–400): buildings are never split, compounds are kept whole where feasible, every grid is
 * contiguous over the adjacency graph and lies inside one community, and the result is the same
 * for the same seed. Each connected part of each community is solved exactly on a seeded
 * spanning tree (a bitset dynamic programme); an infeasible band is reported with the blocking
 * building, part or community. Grids are numbered within their community north→south,
 * west→east when buildings have coordinates (DB11/T 2157-2023 numbering order).
 *
 * @example
 * ```ts
 * import { partitionGrids } from "@jiceng/governance-model"
 * const b = (id: string, households: number) => ({ id, households, community: "东山社区" })
 * const plan = partitionGrids(
 *   [b("1号楼", 200), b("2号楼", 150), b("3号楼", 180), b("4号楼", 170)],
 *   [["1号楼", "2号楼"], ["2号楼", "3号楼"], ["3号楼", "4号楼"]]
 * )
 * plan.ok && plan.value.grids.map((g) => g.households) //=> [350, 350]
 * ```
 * @since 0.1.0
 * @category grids
 */
export const partitionGrids = (
  buildings: unknown,
  adjacency: unknown,
  options?: unknown
): Result<GridPlan, InvalidInputError | InfeasibleBandError> => {
  const o = validate(PartitionGridsOptions, options)
  if (!o.ok) return err(new InvalidInputError(o.error.issues.map((i) => ({ ...i, path: ["options", ...i.path] }))))
  const checked = checkBuildings(buildings, adjacency)
  if (!checked.ok) return checked
  return partitionChecked(checked.value, o.value ?? {})
}

/**
 * {@link partitionGrids} on input already checked: buildings and adjacency by
 * {@link checkBuildings}, options by {@link PartitionGridsOptions} (so `min` ≤ `max`). For callers
 * inside the package that have validated them once already.
 */
export const partitionChecked = (
  checked: CheckedBuildings,
  opts: NonNullable<PartitionGridsOptions>
): Result<GridPlan, InfeasibleBandError> => {
  const min = opts.min ?? 300
  const max = opts.max ?? 400
  const seed = opts.seed ?? 0
  const attempts = opts.attempts ?? 16
  const keepCompounds = opts.keepCompounds ?? true
  const bs = checked.buildings
  const n = bs.length
  const previous = opts.previous
  const attach = (opts.zeroHouseholdBuildings ?? "attach") === "attach"

  // Only edges inside one community can be inside a grid; excluded buildings have no edges, so
  // each becomes a part of its own without households.
  const edges = checked.edges.filter(
    ([a, b]) =>
      bs[a]?.community === bs[b]?.community &&
      (attach || ((bs[a] as Building).households > 0 && (bs[b] as Building).households > 0))
  )
  const g = csr(n, edges)
  const rng = createRng(seed)
  const infeasible: Array<Issue> = []

  // Connected parts of each community.
  const comp = new Int32Array(n).fill(-1)
  const parts: Array<Array<number>> = []
  for (let s = 0; s < n; s++) {
    if ((comp[s] as number) >= 0) continue
    const id = parts.length
    const list = [s]
    comp[s] = id
    for (let h = 0; h < list.length; h++) {
      const v = list[h] as number
      for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
        const u = g.targets[e] as number
        if ((comp[u] as number) < 0) {
          comp[u] = id
          list.push(u)
        }
      }
    }
    parts.push(list)
  }

  const partsInCommunity = new Map<string, number>()
  for (const p of parts) {
    const c = (bs[p[0] as number] as Building).community
    partsInCommunity.set(c, (partsInCommunity.get(c) ?? 0) + 1)
  }

  const gridOfBuilding = new Int32Array(n).fill(-1)
  let gridCount = 0
  const splitCompounds = new Set<string>()
  const unassignedMark = new Uint8Array(n)
  const zeroWarnings: Array<Issue> = []

  for (const part of parts) {
    const first = bs[part[0] as number] as Building
    let total = 0
    for (const v of part) total += (bs[v] as Building).households
    // A part without households needs no grid, and joining it to one would break contiguity.
    if (total === 0) {
      for (const v of part) unassignedMark[v] = 1
      if (attach) {
        const ids = part.map((v) => (bs[v] as Building).id)
        const list = ids.length > 5 ? `${ids.slice(0, 5).join(", ")} …` : ids.join(", ")
        zeroWarnings.push(
          issue(
            ["buildings", part[0] as number],
            "zero_household_unattached",
            `社区 ${first.community} 的楼栋 ${list.replaceAll(", ", "、")}（${ids.length} 栋）没有住户，且不与本社区任何有住户的楼栋相邻，无法并入网格而不破坏连通性，未划入网格`,
            `building(s) ${list} of community ${first.community} (${ids.length}) have no households and touch no residential building of the community; they cannot join a grid without breaking contiguity and are left out`
          )
        )
      }
      continue
    }
    for (const v of part) {
      const h = (bs[v] as Building).households
      if (h > max)
        infeasible.push(
          issue(
            ["buildings", v, "households"],
            "building_over_max",
            `楼栋 ${(bs[v] as Building).id} 有 ${h} 户，超过网格上限 ${max}，且楼栋不可拆分`,
            `building ${(bs[v] as Building).id} has ${h} households, above the grid maximum ${max}, and buildings are never split`
          )
        )
    }
    if (infeasible.length > 0 && part.some((v) => (bs[v] as Building).households > max)) continue
    const whole = part.length === n || partsInCommunity.get(first.community) === 1
    const where = whole
      ? { zh: `社区 ${first.community}`, en: `community ${first.community}` }
      : {
          zh: `社区 ${first.community} 中含楼栋 ${first.id} 的连通片区（${part.length} 栋）`,
          en: `the connected part of community ${first.community} containing building ${first.id} (${part.length} buildings)`
        }
    // Some whole number k of grids must fit: ⌈total/max⌉ ≤ ⌊total/min⌋ (exact integer division).
    if (divideRounded(total, max, "ceil") > divideRounded(total, min, "floor")) {
      infeasible.push(
        issue(
          ["buildings", part[0] as number, "community"],
          total < min ? "part_below_min" : "band_gap",
          total < min
            ? `${where.zh}共 ${total} 户，不足网格下限 ${min}；网格须连通且不跨社区，无法满足`
            : `${where.zh}共 ${total} 户，不存在整数 k 使 ${min}k ≤ ${total} ≤ ${max}k`,
          total < min
            ? `${where.en} has ${total} households, below the grid minimum ${min}; grids must be contiguous and inside one community`
            : `${where.en} has ${total} households, and no whole number k gives ${min}·k ≤ ${total} ≤ ${max}·k`
        )
      )
      continue
    }

    // Units: compounds kept whole where possible, otherwise single buildings.
    const solve = (contract: boolean): Int32Array | undefined => {
      const unitOf = new Int32Array(n)
      const units: Array<Array<number>> = []
      const byCompound = new Map<string, Array<number>>()
      for (const v of part) {
        const c = (bs[v] as Building).compound
        if (contract && c !== undefined) {
          const l = byCompound.get(c)
          if (l) l.push(v)
          else byCompound.set(c, [v])
        } else {
          unitOf[v] = units.length
          units.push([v])
        }
      }
      for (const [, members] of byCompound) {
        let w = 0
        for (const v of members) w += (bs[v] as Building).households
        const inCompound = new Set(members)
        // connected pieces of the compound
        const seen = new Set<number>()
        const pieces: Array<Array<number>> = []
        for (const s of members) {
          if (seen.has(s)) continue
          const piece = [s]
          seen.add(s)
          for (let h = 0; h < piece.length; h++) {
            const v = piece[h] as number
            for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
              const u = g.targets[e] as number
              if (inCompound.has(u) && !seen.has(u)) {
                seen.add(u)
                piece.push(u)
              }
            }
          }
          pieces.push(piece)
        }
        if (w <= max && pieces.length === 1) {
          for (const v of members) unitOf[v] = units.length
          units.push(members)
        } else
          for (const v of members) {
            unitOf[v] = units.length
            units.push([v])
          }
      }
      const m = units.length
      const weight = new Int32Array(m)
      units.forEach((u, i) => {
        for (const v of u) weight[i] = (weight[i] as number) + (bs[v] as Building).households
      })
      // Contracted compounds are coarse units that rarely fit the band: give them fewer tries.
      const tries = contract ? Math.max(2, attempts >> 2) : attempts
      for (let attempt = 0; attempt < tries; attempt++) {
        // A seeded spanning tree over the units. Even attempts: a depth-first tree that moves to
        // the neighbour with the fewest unvisited neighbours (Warnsdorff), which gives long paths
        // that cut cleanly into bands; odd attempts: breadth-first (more compact, branchier).
        // With a previous plan, edges inside one previous grid are taken first.
        const parent = new Int32Array(m).fill(-1)
        const order = new Int32Array(m)
        const preferCut = new Int8Array(m).fill(-1)
        const visited = new Uint8Array(m)
        const tiebreak = new Float64Array(m)
        for (let i = 0; i < m; i++) tiebreak[i] = rng.float()
        const unitNbrs = (uu: number): Array<number> => {
          const out: Array<number> = []
          for (const v of units[uu] as Array<number>)
            for (let e = g.offsets[v] as number; e < (g.offsets[v + 1] as number); e++) {
              const w2 = unitOf[g.targets[e] as number] as number
              if (w2 !== uu) out.push(w2)
            }
          return out
        }
        // Edges inside one group (a previous grid, else a compound when compounds are not
        // contracted) are taken first and cut last, so groups tend to stay whole.
        // Only a previous plan shapes the tree: steering the walk through compounds makes it
        // branchier and much less often partitionable; compounds only steer where to cut.
        const grouped = previous !== undefined
        const cutGrouped = grouped || (!contract && keepCompounds)
        const prevGrid = (uu: number): string | undefined => {
          const b0 = bs[(units[uu] as Array<number>)[0] as number] as Building
          return previous !== undefined ? previous[b0.id] : b0.compound
        }
        const root = rng.int(0, m - 1)
        visited[root] = 1
        order[0] = root
        let k = 1
        if (attempt % 2 === 0) {
          const stack = [root]
          while (stack.length > 0) {
            const v = stack[stack.length - 1] as number
            let best = -1
            let bestKey = Number.POSITIVE_INFINITY
            const pv = prevGrid(v)
            for (const w2 of unitNbrs(v)) {
              if (visited[w2]) continue
              let free = 0
              for (const x of unitNbrs(w2)) if (!visited[x]) free++
              const key =
                (grouped && (prevGrid(w2) !== pv || pv === undefined) ? 1000 : 0) + free + (tiebreak[w2] as number)
              if (key < bestKey) {
                bestKey = key
                best = w2
              }
            }
            if (best < 0) {
              stack.pop()
              continue
            }
            visited[best] = 1
            parent[best] = v
            order[k++] = best
            stack.push(best)
          }
        } else {
          for (let h = 0; h < k; h++) {
            const v = order[h] as number
            const pv = prevGrid(v)
            const nb = unitNbrs(v)
              .filter((w2) => !visited[w2])
              .sort(
                (a2, b2) =>
                  (grouped ? Number(prevGrid(a2) !== pv) - Number(prevGrid(b2) !== pv) : 0) ||
                  (tiebreak[a2] as number) - (tiebreak[b2] as number)
              )
            for (const w2 of nb) {
              if (visited[w2]) continue
              visited[w2] = 1
              parent[w2] = v
              order[k++] = w2
            }
          }
        }
        if (cutGrouped)
          for (let i = 0; i < m; i++) {
            const p = parent[i] as number
            if (p < 0) continue
            const a = prevGrid(i)
            preferCut[i] = a !== undefined && a === prevGrid(p) ? 0 : 1
          }
        const res = partitionTree({ n: m, weight, parent, order, min, max, ...(cutGrouped ? { preferCut } : {}) })
        if (res) {
          const out = new Int32Array(n).fill(-1)
          units.forEach((u, i) => {
            for (const v of u) out[v] = res[i] as number
          })
          return out
        }
      }
      return undefined
    }
    let res = keepCompounds ? solve(true) : undefined
    if (!res) {
      res = solve(false)
      if (res && keepCompounds) {
        // compounds that ended up in several grids
        const seen = new Map<string, number>()
        for (const v of part) {
          const c = (bs[v] as Building).compound
          if (c === undefined) continue
          const p = res[v] as number
          const prev = seen.get(c)
          if (prev === undefined) seen.set(c, p)
          else if (prev !== p) splitCompounds.add(c)
        }
      }
    }
    if (!res) {
      infeasible.push(
        issue(
          ["buildings", part[0] as number],
          "no_partition_found",
          `${where.zh}共 ${total} 户，试了 ${attempts} 棵生成树仍未找到满足 ${min}–${max} 户的连通划分（可能不可行，也可增加 attempts）`,
          `${where.en} has ${total} households; no contiguous division into ${min}–${max} households was found on ${attempts} spanning trees (it may be infeasible; more attempts may help)`
        )
      )
      continue
    }
    let maxLocal = -1
    for (const v of part) {
      const p = res[v] as number
      gridOfBuilding[v] = gridCount + p
      if (p > maxLocal) maxLocal = p
    }
    gridCount += maxLocal + 1
  }
  if (infeasible.length > 0) return err(new InfeasibleBandError(infeasible))

  // Assemble and number grids inside each community.
  const members: Array<Array<number>> = Array.from({ length: gridCount }, () => [])
  for (let v = 0; v < n; v++) members[gridOfBuilding[v] as number]?.push(v)
  const hasXY = bs.every((b) => b.x !== undefined && b.y !== undefined)
  const info = members.map((list) => {
    let x = 0
    let y = 0
    let h = 0
    for (const v of list) {
      const b = bs[v] as Building
      x += b.x ?? 0
      y += b.y ?? 0
      h += b.households
    }
    return {
      list,
      community: (bs[list[0] as number] as Building).community,
      cx: x / list.length,
      cy: y / list.length,
      h,
      first: list[0] as number
    }
  })
  info.sort((a, b) =>
    a.community !== b.community
      ? a.first - b.first
      : hasXY
        ? b.cy - a.cy || a.cx - b.cx || a.first - b.first
        : a.first - b.first
  )
  // keep communities in first-appearance order
  const commOrder = new Map<string, number>()
  for (const b of bs) if (!commOrder.has(b.community)) commOrder.set(b.community, commOrder.size)
  info.sort((a, b) => (commOrder.get(a.community) ?? 0) - (commOrder.get(b.community) ?? 0))
  const seq = new Map<string, number>()
  const assignment: Record<string, string> = {}
  const grids: Array<Grid> = info.map((gi) => {
    const k = (seq.get(gi.community) ?? 0) + 1
    seq.set(gi.community, k)
    const id = `${gi.community}-${pad3(k)}`
    const ids = gi.list.map((v) => (bs[v] as Building).id)
    for (const b of ids) assignment[b] = id
    return { id, community: gi.community, households: gi.h, buildings: ids }
  })
  const warnings = [
    ...zeroWarnings,
    ...[...splitCompounds].map((c) =>
      issue(
        ["compound", c],
        "compound_split",
        `小区 ${c} 无法整体纳入一个网格，已拆分`,
        `compound ${c} could not be kept whole and was split`
      )
    )
  ]
  const unassigned = bs.filter((_, v) => unassignedMark[v] === 1).map((b) => b.id)
  return ok({ band: { min, max }, seed, grids, assignment, splitCompounds: [...splitCompounds], unassigned, warnings })
}
