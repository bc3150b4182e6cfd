/**
 * The source layers the 多网合一 demo overlays: three departments' grid systems drawn over one
 * generated district — a public-order (综治) layer of small grids, a city-management (城管) layer
 * of large ones, and a party-building (党建) layer with one grid per compound. Each is made with
 * the library (partitionGrids) or read off the data, so the demo only shows what mergeGridLayers
 * does with them.
 */
import type { Issue } from "@jiceng/core"
import { type Adjacency, type Building, type GridLayer, type GridPlan, partitionGrids } from "@jiceng/governance-model"

/** Layer ids; the demo translates them for display. */
export const layerIds = ["综治", "城管", "党建"] as const

const fromPlan = (id: string, plan: GridPlan, prefix: string): GridLayer => ({
  id,
  grids: plan.grids.map((g, i) => ({ id: `${prefix}${i + 1}`, buildings: [...g.buildings] }))
})

/** The three source layers, or the issues of the partition that could not be drawn. */
export const sourceLayers = (
  buildings: ReadonlyArray<Building>,
  adjacency: Adjacency,
  seed: unknown
): { ok: true; layers: Array<GridLayer> } | { ok: false; issues: ReadonlyArray<Issue> } => {
  const publicOrder = partitionGrids(buildings, adjacency, { min: 220, max: 320, seed, keepCompounds: false })
  if (!publicOrder.ok) return { ok: false, issues: publicOrder.error.issues }
  const cityManagement = partitionGrids(buildings, adjacency, { min: 500, max: 750, seed: `${String(seed)}/城管` })
  if (!cityManagement.ok) return { ok: false, issues: cityManagement.error.issues }
  const compounds = new Map<string, Array<string>>()
  for (const b of buildings) {
    const k = b.compound ?? b.id
    const list = compounds.get(k)
    if (list) list.push(b.id)
    else compounds.set(k, [b.id])
  }
  const party: GridLayer = {
    id: "党建",
    grids: [...compounds.values()].map((bs, i) => ({ id: `D${i + 1}`, buildings: bs }))
  }
  return {
    ok: true,
    layers: [fromPlan("综治", publicOrder.value, "Z"), fromPlan("城管", cityManagement.value, "C"), party]
  }
}

/** A layer as a plan, so the map can draw it like the unified plan. */
export const layerAsPlan = (layer: GridLayer, buildings: ReadonlyArray<Building>): GridPlan => {
  const byId = new Map(buildings.map((b) => [b.id, b] as const))
  const assignment: Record<string, string> = {}
  const grids = layer.grids.map((g) => {
    for (const b of g.buildings) assignment[b] = g.id
    return {
      id: g.id,
      community: byId.get(g.buildings[0] ?? "")?.community ?? "",
      households: g.buildings.reduce((s, b) => s + (byId.get(b)?.households ?? 0), 0),
      buildings: g.buildings
    }
  })
  return { band: { min: 0, max: 0 }, seed: 0, grids, assignment, splitCompounds: [], warnings: [] }
}
