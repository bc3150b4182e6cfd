import { createRng, type InvalidInputError, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import type { Adjacency, Building } from "./partitionGrids.ts"

/**
 * Options of {@link generateDistrict}: communities laid out `communityRows` × `communityCols`,
 * each a block of `rows` × `cols` buildings with `householdsMin`–`householdsMax` households
 * each, grouped into 2 × 2 compounds.
 *
 * @since 0.1.0
 * @category grids
 */
export const GenerateDistrictOptions = z
  .object({
    seed: z.union([z.int(), z.string()]).optional(),
    communityRows: z.int().min(1).max(100).optional(),
    communityCols: z.int().min(1).max(100).optional(),
    rows: z.int().min(1).max(1000).optional(),
    cols: z.int().min(1).max(1000).optional(),
    householdsMin: z.int().min(0).max(5000).optional(),
    householdsMax: z.int().min(0).max(5000).optional()
  })
  .optional()
/** @since 0.1.0 @category grids */
export type GenerateDistrictOptions = z.infer<typeof GenerateDistrictOptions>

/**
 * A synthetic district for demos, tests and benchmarks: buildings on a lattice with coordinates,
 * communities as blocks, compounds as 2 × 2 groups, and 4-neighbour adjacency. Deterministic
 * for a seed.
 *
 * @example
 * ```ts
 * import { generateDistrict } from "@jiceng/governance-model"
 * const d = generateDistrict({ seed: 1, communityRows: 1, communityCols: 2, rows: 4, cols: 5 })
 * d.ok && d.value.buildings.length //=> 40
 * d.ok && d.value.buildings[0]?.community //=> "C01"
 * ```
 * @since 0.1.0
 * @category grids
 */
export const generateDistrict = (
  options?: unknown
): Result<{ buildings: Array<Building>; adjacency: Adjacency }, InvalidInputError> => {
  const o = validate(GenerateDistrictOptions, options)
  if (!o.ok) return o
  const p = o.value ?? {}
  const rng = createRng(p.seed ?? 0)
  const CR = p.communityRows ?? 2
  const CC = p.communityCols ?? 2
  const rows = p.rows ?? 8
  const cols = p.cols ?? 10
  const lo = Math.min(p.householdsMin ?? 20, p.householdsMax ?? 80)
  const hi = Math.max(p.householdsMin ?? 20, p.householdsMax ?? 80)
  const H = CR * rows
  const Wd = CC * cols
  const buildings: Array<Building> = []
  const id = (r: number, c: number) => `B${String(r).padStart(3, "0")}-${String(c).padStart(3, "0")}`
  for (let r = 0; r < H; r++)
    for (let c = 0; c < Wd; c++) {
      const cr = Math.floor(r / rows)
      const cc = Math.floor(c / cols)
      const community = `C${String(cr * CC + cc + 1).padStart(2, "0")}`
      buildings.push({
        id: id(r, c),
        households: rng.int(lo, hi),
        community,
        compound: `${community}-K${Math.floor((r % rows) / 2)}-${Math.floor((c % cols) / 2)}`,
        x: c,
        y: H - 1 - r
      })
    }
  const adjacency: Array<[string, string]> = []
  for (let r = 0; r < H; r++)
    for (let c = 0; c < Wd; c++) {
      if (c + 1 < Wd) adjacency.push([id(r, c), id(r, c + 1)])
      if (r + 1 < H) adjacency.push([id(r, c), id(r + 1, c)])
    }
  return ok({ buildings, adjacency })
}
