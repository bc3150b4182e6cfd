import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { generateDistrict } from "./generateDistrict.ts"
import { type GridLayer, mergeGridLayers } from "./mergeGridLayers.ts"
import { type GridPlan, partitionGrids } from "./partitionGrids.ts"

const b = (id: string, households: number) => ({ id, households, community: "东山社区" })
// A row of six buildings: 1-2-3-4-5-6.
const buildings = [b("1", 200), b("2", 150), b("3", 180), b("4", 170), b("5", 160), b("6", 190)]
const adjacency = [
  ["1", "2"],
  ["2", "3"],
  ["3", "4"],
  ["4", "5"],
  ["5", "6"]
]
const layer = (id: string, grids: Record<string, ReadonlyArray<string>>): GridLayer => ({
  id,
  grids: Object.entries(grids).map(([g, bs]) => ({ id: g, buildings: [...bs] }))
})

describe("mergeGridLayers (多网合一)", () => {
  it("measures overlap and workload, and keeps the largest layer's grids when they fit the band", () => {
    const zz = layer("综治", { Z1: ["1", "2"], Z2: ["3", "4"], Z3: ["5", "6"] }) // 350, 350, 350
    const cg = layer("城管", { C1: ["1", "2", "3"], C2: ["4", "5", "6"] }) // 530, 520
    const jw = layer("警务", { J1: ["1"], J2: ["2", "3"] }) // covers 530 only
    const r = mergeGridLayers([cg, zz, jw], { buildings, adjacency })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    // 城管 and 综治 both cover 1050 households; the first listed wins the tie.
    expect(r.value.base).toBe("城管")
    // 城管's grids (530, 520) break the 400 ceiling, so the plan redraws: 350 × 3 is the only way.
    expect(r.value.plan.grids.map((g) => g.buildings)).toEqual([
      ["1", "2"],
      ["3", "4"],
      ["5", "6"]
    ])
    expect(r.value.metrics.bandCompliance.numerator).toBe(3)
    // 综治 lands whole: every one of its grids is one unified grid.
    const zr = r.value.layers.find((x) => x.id === "综治")
    expect(zr?.workloadKept).toEqual({ households: 1050, basisPoints: 10_000 })
    // 城管's C1 (1,2,3) and C2 (4,5,6) are each spread over two unified grids.
    expect(r.value.layers.find((x) => x.id === "城管")?.spread).toEqual({ C1: 2, C2: 2 })
    // 城管 vs 综治: C1↔Z1 keeps 350, C2↔Z3 keeps 350, of 1050 in common → 6667 bp.
    expect(r.value.overlaps[0]).toEqual({
      a: "城管",
      b: "综治",
      commonHouseholds: 1050,
      matchedHouseholds: 700,
      basisPoints: 6667
    })
    // 综治 vs 警务: common 530 (buildings 1–3). Overlaps Z1∩J1 = 200, Z2∩J2 = 180, Z1∩J2 = 150;
    // matched largest first: Z1↔J1 (200), then Z2↔J2 (180) → 380.
    expect(r.value.overlaps[2]).toMatchObject({ a: "综治", b: "警务", commonHouseholds: 530, matchedHouseholds: 380 })
    expect(r.value.sourcesPerGrid[r.value.plan.grids[1]?.id ?? ""]).toEqual({ 城管: 2, 综治: 1, 警务: 1 })
  })

  it("reports bad layers at once", () => {
    const r = mergeGridLayers([layer("a", { g: ["1", "9"], h: ["1"] }), layer("a", { g: ["2"] })], {
      buildings,
      adjacency,
      base: "zz"
    })
    expect(r.ok || r.error.issues.map((i) => i.code)).toEqual([
      "unknown_building",
      "building_in_two_grids",
      "duplicate_code",
      "unknown_layer"
    ])
  })

  it("passes zeroHouseholdBuildings through to the partition, and a school left out is not a gap", () => {
    const withSchool = [...buildings, { id: "school", households: 0, community: "东山社区" }]
    const zz = layer("综治", { Z1: ["1", "2"], Z2: ["3", "4"], Z3: ["5", "6"] })
    const attached = getOrThrow(
      mergeGridLayers([zz], { buildings: withSchool, adjacency: [...adjacency, ["6", "school"]] })
    )
    expect(attached.plan.unassigned).toEqual([])
    expect(attached.plan.grids.at(-1)?.buildings).toEqual(["5", "6", "school"])
    const excluded = getOrThrow(
      mergeGridLayers([zz], {
        buildings: withSchool,
        adjacency: [...adjacency, ["6", "school"]],
        zeroHouseholdBuildings: "exclude"
      })
    )
    expect(excluded.plan.unassigned).toEqual(["school"])
    expect([excluded.metrics.uncovered, excluded.metrics.unassigned]).toEqual([[], ["school"]])
    const bad = mergeGridLayers([zz], { buildings, adjacency, zeroHouseholdBuildings: "ignore" })
    expect(bad.ok || bad.error.issues.map((i) => i.path)).toEqual([["options", "zeroHouseholdBuildings"]])
  })

  it("refuses an empty band before partitioning, as partitionGrids does", () => {
    const r = mergeGridLayers([layer("a", { g: ["1"] })], { buildings, adjacency, min: 400, max: 300 })
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([["empty_band", ["options", "max"]]])
  })

  const district = getOrThrow(generateDistrict({ seed: 3, communityRows: 2, communityCols: 2, rows: 6, cols: 8 }))
  const assign = (p: GridPlan, id: string): GridLayer => ({
    id,
    grids: p.grids.map((g) => ({ id: `${id}-${g.id}`, buildings: [...g.buildings] }))
  })

  it("on generated districts the unified plan covers every building once, within the band, and a layer overlaps itself fully", () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), (s1, s2) => {
        const p1 = getOrThrow(partitionGrids(district.buildings, district.adjacency, { seed: s1 }))
        const p2 = getOrThrow(partitionGrids(district.buildings, district.adjacency, { seed: s2, min: 150, max: 250 }))
        const r = mergeGridLayers([assign(p1, "A"), assign(p2, "B"), assign(p1, "A2")], {
          buildings: district.buildings,
          adjacency: district.adjacency,
          seed: s2
        })
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const m = r.value.metrics
        expect(m.bandCompliance.numerator).toBe(m.grids)
        expect(m.uncovered).toEqual([])
        expect(m.splitBuildings).toEqual([])
        expect(m.nonContiguous).toEqual([])
        expect(m.communityCrossings).toEqual([])
        expect(r.value.overlaps.find((x) => x.a === "A" && x.b === "A2")?.basisPoints).toBe(10_000)
        for (const l of r.value.layers) expect(l.workloadKept.households).toBeLessThanOrEqual(l.households)
        // Every unified grid touches at least one grid of each full-coverage layer.
        for (const row of Object.values(r.value.sourcesPerGrid)) expect(row.A ?? 0).toBeGreaterThan(0)
      }),
      { numRuns: 15 }
    )
  })

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, o) => {
        for (const r of [mergeGridLayers(x, o), mergeGridLayers(x, { buildings, adjacency })])
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
