import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { generateDistrict } from "./generateDistrict.ts"
import { gridMetrics } from "./gridMetrics.ts"
import { type Building, partitionGrids } from "./partitionGrids.ts"

const b = (id: string, households: number, community = "东山社区", compound?: string): Building => ({
  id,
  households,
  community,
  ...(compound ? { compound } : {})
})
const chain = (ids: ReadonlyArray<string>): Array<[string, string]> =>
  ids.slice(1).map((id, i) => [ids[i] as string, id])

describe("partitionGrids (worked examples)", () => {
  it("a street of four buildings, 700 households: the only valid cut is 350 | 350", () => {
    const plan = getOrThrow(
      partitionGrids([b("1", 200), b("2", 150), b("3", 180), b("4", 170)], chain(["1", "2", "3", "4"]))
    )
    expect(plan.grids.map((g) => g.buildings)).toEqual([
      ["1", "2"],
      ["3", "4"]
    ])
    expect(plan.grids.map((g) => g.id)).toEqual(["东山社区-001", "东山社区-002"])
  })
  it("a 168-grid district like the essays' (篇一): every grid 300–400", () => {
    // 12 communities × 70 buildings × ~50 households ≈ 42 000 households ≈ 120 grids
    const d = getOrThrow(generateDistrict({ seed: 7, communityRows: 3, communityCols: 4, rows: 7, cols: 10 }))
    const plan = getOrThrow(partitionGrids(d.buildings, d.adjacency, { seed: 1 }))
    const m = getOrThrow(gridMetrics(plan, d.buildings, d.adjacency))
    expect(m.bandCompliance.numerator).toBe(m.grids)
    expect(m).toMatchObject({ nonContiguous: [], splitBuildings: [], uncovered: [], communityCrossings: [] })
  })
  it("keeps compounds whole when it can", () => {
    const plan = getOrThrow(
      partitionGrids(
        [
          b("1", 100, "c", "K1"),
          b("2", 100, "c", "K1"),
          b("3", 100, "c", "K2"),
          b("4", 100, "c", "K2"),
          b("5", 100, "c", "K2")
        ],
        chain(["1", "2", "3", "4", "5"]),
        { min: 150, max: 300 }
      )
    )
    expect(plan.grids.map((g) => g.buildings)).toEqual([
      ["1", "2"],
      ["3", "4", "5"]
    ])
    expect(plan.splitCompounds).toEqual([])
  })
  it("is deterministic for a seed", () => {
    const d = getOrThrow(generateDistrict({ seed: 3 }))
    expect(partitionGrids(d.buildings, d.adjacency, { seed: 5 })).toEqual(
      partitionGrids(d.buildings, d.adjacency, { seed: 5 })
    )
  })
  it("prefers the previous plan's boundaries (stability)", () => {
    const d = getOrThrow(generateDistrict({ seed: 11 }))
    const first = getOrThrow(partitionGrids(d.buildings, d.adjacency, { seed: 1 }))
    const again = getOrThrow(partitionGrids(d.buildings, d.adjacency, { seed: 99, previous: first.assignment }))
    const fresh = getOrThrow(partitionGrids(d.buildings, d.adjacency, { seed: 99 }))
    const stab = (p: typeof again) =>
      getOrThrow(gridMetrics(p, d.buildings, d.adjacency, { previous: first.assignment })).stability?.keptHouseholds ??
      0
    expect(stab(again)).toBeGreaterThan(stab(fresh))
  })
})

describe("infeasible bands and bad input", () => {
  it("names the blocking building", () => {
    const r = partitionGrids([b("塔楼", 420), b("2", 300)], [["塔楼", "2"]])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error._tag).toBe("InfeasibleBandError")
      expect(r.error.issues[0]).toMatchObject({ code: "building_over_max", path: ["buildings", 0, "households"] })
      expect(r.error.issues[0]?.message.zh).toContain("塔楼")
    }
  })
  it("names the blocking community when no whole number of grids fits", () => {
    // 450 households: one grid is too many (>400), two too few (<600).
    const r = partitionGrids([b("1", 200, "西岭社区"), b("2", 250, "西岭社区")], [["1", "2"]])
    expect(r.ok || r.error.issues[0]?.code).toBe("band_gap")
    expect(r.ok || r.error.issues[0]?.message.en).toContain("community 西岭社区")
  })
  it("a disconnected small part of a community is infeasible (grids must be contiguous)", () => {
    const r = partitionGrids([b("1", 350), b("2", 100)], [])
    expect(r.ok || r.error.issues.map((i) => i.code)).toEqual(["part_below_min"])
  })
  it("a part whose buildings have households but fewer than the minimum is part_below_min, zero buildings or not", () => {
    // 350 | 100 + an empty shop next to it: 100 < 300 is the blocking part, named by its building.
    const r = partitionGrids([b("1", 350), b("2", 100), b("商铺", 0)], [["2", "商铺"]])
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["part_below_min", ["buildings", 1, "community"]]
    ])
  })
  it("reports duplicate ids, negative households and unknown adjacency at once", () => {
    const r = partitionGrids([b("1", -5), b("1", 10)], [["1", "ghost"]])
    expect(r.ok || r.error.issues.map((i) => i.code).sort()).toEqual([
      "duplicate_code",
      "negative_households",
      "unknown_building"
    ])
  })
})

describe("zero-household (non-residential) buildings", () => {
  it("an isolated school is left out with a warning, not a misleading no_partition_found", () => {
    const r = partitionGrids([b("a", 350, "c"), b("school", 0, "c")], [])
    const plan = getOrThrow(r)
    expect(plan.grids.map((g) => g.buildings)).toEqual([["a"]])
    expect(plan.unassigned).toEqual(["school"])
    expect(plan.assignment).toEqual({ a: "c-001" })
    expect(plan.warnings.map((w) => [w.code, w.path])).toEqual([["zero_household_unattached", ["buildings", 1]]])
    expect(plan.warnings[0]?.message.zh).toContain("school")
  })
  it("a school touching a residential building joins that building's grid (attach, the default)", () => {
    const plan = getOrThrow(partitionGrids([b("a", 350, "c"), b("school", 0, "c")], [["a", "school"]]))
    expect(plan.grids.map((g) => [g.buildings, g.households])).toEqual([[["a", "school"], 350]])
    expect(plan.unassigned).toEqual([])
    expect(plan.warnings).toEqual([])
  })
  it("exclude leaves every zero-household building out, even one that bridged two clusters", () => {
    // 200 – school – 200: attached, the school bridges one 400-household grid; excluded, the two
    // 200-household clusters are separate parts below 300.
    const bs = [b("1", 200, "c"), b("school", 0, "c"), b("2", 200, "c")]
    const adj = chain(["1", "school", "2"])
    expect(getOrThrow(partitionGrids(bs, adj)).grids.map((g) => g.buildings)).toEqual([["1", "school", "2"]])
    const r = partitionGrids(bs, adj, { zeroHouseholdBuildings: "exclude" })
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["part_below_min", ["buildings", 0, "community"]],
      ["part_below_min", ["buildings", 2, "community"]]
    ])
    const plan = getOrThrow(
      partitionGrids([b("a", 350, "c"), b("school", 0, "c")], [["a", "school"]], { zeroHouseholdBuildings: "exclude" })
    )
    expect([plan.grids.map((g) => g.buildings), plan.unassigned, plan.warnings]).toEqual([[["a"]], ["school"], []])
  })
  it("a community with no households gets no grid and no error", () => {
    const plan = getOrThrow(partitionGrids([b("a", 350, "c"), b("park", 0, "d"), b("gym", 0, "d")], [["park", "gym"]]))
    expect(plan.grids.map((g) => g.id)).toEqual(["c-001"])
    expect(plan.unassigned).toEqual(["park", "gym"])
    expect(plan.warnings.map((w) => w.code)).toEqual(["zero_household_unattached"])
  })
  it("rejects an unknown mode", () => {
    const r = partitionGrids([b("a", 350, "c")], [], { zeroHouseholdBuildings: "ignore" })
    expect(r.ok || r.error.issues[0]?.path).toEqual(["options", "zeroHouseholdBuildings"])
  })
  it("gridMetrics counts a building the plan leaves out on purpose as unassigned, not as a coverage gap", () => {
    const bs = [b("a", 350, "c"), b("school", 0, "c")]
    const plan = getOrThrow(partitionGrids(bs, []))
    const m = getOrThrow(gridMetrics(plan, bs, []))
    expect([m.uncovered, m.unassigned, m.unknownBuildings]).toEqual([[], ["school"], []])
    // A hand-made plan that does not account for the school leaves a gap.
    const bare = getOrThrow(gridMetrics({ grids: plan.grids }, bs, []))
    expect([bare.uncovered, bare.unassigned]).toEqual([["school"], []])
    // Households cannot be left out on purpose: a residential building stays a gap even when
    // listed; an unknown id is reported; a listed building that is in a grid is simply covered.
    const listed = getOrThrow(
      gridMetrics({ grids: [{ id: "g", buildings: ["school"] }], unassigned: ["a", "school", "ghost"] }, bs, [
        ["a", "school"]
      ])
    )
    expect([listed.uncovered, listed.unassigned, listed.unknownBuildings]).toEqual([["a"], [], ["ghost"]])
    const bad = gridMetrics({ grids: [], unassigned: [""] }, bs, [])
    expect(bad.ok || bad.error.issues[0]?.path).toEqual(["plan", "unassigned", 0])
  })
  it("covering with zero-household buildings: households in exactly one grid, zero buildings in at most one, the rest listed as unassigned", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 6, max: 9 }),
        fc.integer({ min: 6, max: 9 }),
        fc.nat(),
        fc.nat(),
        fc.array(fc.nat(), { maxLength: 12 }),
        fc.nat(4),
        fc.constantFrom("attach" as const, "exclude" as const),
        (rows, cols, dseed, seed, zeroed, isolated, mode) => {
          const d = getOrThrow(generateDistrict({ seed: dseed, communityRows: 1, communityCols: 2, rows, cols }))
          const zero = new Set(zeroed.map((k) => (d.buildings[k % d.buildings.length] as Building).id))
          const buildings = [
            ...d.buildings.map((x) => (zero.has(x.id) ? { ...x, households: 0 } : x)),
            ...Array.from({ length: isolated }, (_, i) => b(`empty${i}`, 0, i % 2 === 0 ? "C01" : "C09"))
          ]
          const r = partitionGrids(buildings, d.adjacency, { seed, zeroHouseholdBuildings: mode })
          if (!r.ok) {
            // Only the band may fail, and never on a part without households.
            for (const i of r.error.issues) {
              expect(["part_below_min", "band_gap", "no_partition_found"]).toContain(i.code)
              expect(i.message.en).not.toMatch(/has 0 households/)
            }
            return
          }
          const plan = r.value
          const m = getOrThrow(gridMetrics(plan, buildings, d.adjacency))
          expect(m.splitBuildings).toEqual([])
          expect(m.communityCrossings).toEqual([])
          expect(m.nonContiguous).toEqual([])
          expect(m.bandCompliance.numerator).toBe(m.grids)
          // Buildings left out on purpose are not coverage gaps: gridMetrics reports them as
          // unassigned. (This line used to expect them in `uncovered`, the bug this pins down.)
          expect(m.uncovered).toEqual([])
          expect(m.unassigned).toEqual(plan.unassigned)
          const byId = new Map(buildings.map((x) => [x.id, x]))
          for (const id of plan.unassigned ?? []) expect(byId.get(id)?.households).toBe(0)
          if (mode === "exclude")
            expect(Object.keys(plan.assignment).every((id) => (byId.get(id)?.households ?? 0) > 0)).toBe(true)
          expect(Object.keys(plan.assignment).length + (plan.unassigned ?? []).length).toBe(buildings.length)
          expect(m.households).toBe(plan.grids.reduce((s, g) => s + g.households, 0))
        }
      ),
      { numRuns: 60 }
    )
  })
})

// Brute force on a tree: try every set of cut edges.
const feasibleOnTree = (w: ReadonlyArray<number>, parent: ReadonlyArray<number>, min: number, max: number) => {
  const n = w.length
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const root = w.map((_, i) => i)
    const find = (i: number): number => (root[i] === i ? i : find(root[i] as number))
    for (let i = 1; i < n; i++) if (!(mask & (1 << (i - 1)))) root[find(i)] = find(parent[i] as number)
    const sums = new Map<number, number>()
    for (let i = 0; i < n; i++) sums.set(find(i), (sums.get(find(i)) ?? 0) + (w[i] as number))
    if ([...sums.values()].every((s) => s >= min && s <= max)) return true
  }
  return false
}

describe("properties", () => {
  it("on trees, the band is met exactly when some contiguous partition meets it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 70 })), { minLength: 1, maxLength: 11 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 0, max: 80 }),
        (nodes, min, width) => {
          const w = nodes.map(([, h]) => h)
          const parent = nodes.map(([p], i) => (i === 0 ? -1 : p % i))
          const bs = w.map((h, i) => b(`n${i}`, h))
          const adj = parent.slice(1).map((p, i) => [`n${p}`, `n${i + 1}`] as [string, string])
          const max = min + width
          const r = partitionGrids(bs, adj, { min, max, seed: 1 })
          // A tree without households has nothing to grid: its buildings are left unassigned.
          expect(r.ok).toBe(w.every((h) => h === 0) || feasibleOnTree(w, parent, min, max))
          if (r.ok) for (const g of r.value.grids) expect(g.households >= min && g.households <= max).toBe(true)
        }
      ),
      { numRuns: 300 }
    )
  })
  it("a partition covers every building exactly once, never splits one, stays in one community, is contiguous and meets the band", () => {
    // Communities of 36–100 buildings of 20–80 households (≈ 1 800–5 000 households) leave
    // room for several whole numbers of grids. On general graphs the solver is exact per
    // spanning tree, not globally, so a failure is allowed only as an explained
    // `no_partition_found`; whatever it returns must satisfy every invariant.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 6, max: 10 }),
        fc.integer({ min: 6, max: 10 }),
        fc.nat(),
        fc.nat(),
        (cr, cc, rows, cols, dseed, seed) => {
          const d = getOrThrow(generateDistrict({ seed: dseed, communityRows: cr, communityCols: cc, rows, cols }))
          const r = partitionGrids(d.buildings, d.adjacency, { seed })
          if (!r.ok) {
            expect(r.error.issues.map((i) => i.code)).toEqual(r.error.issues.map(() => "no_partition_found"))
            return
          }
          const plan = r.value
          const m = getOrThrow(gridMetrics(plan, d.buildings, d.adjacency))
          expect(m.bandCompliance.numerator).toBe(m.grids)
          expect(m.splitBuildings).toEqual([])
          expect(m.uncovered).toEqual([])
          expect(m.communityCrossings).toEqual([])
          expect(m.nonContiguous).toEqual([])
          expect(Object.keys(plan.assignment).length).toBe(d.buildings.length)
        }
      ),
      { numRuns: 60 }
    )
  })
  it("solves 50 generated 100-building communities out of 50 (seeded, reproducible)", () => {
    const d = getOrThrow(generateDistrict({ seed: 2025, communityRows: 5, communityCols: 10, rows: 10, cols: 10 }))
    const plan = getOrThrow(partitionGrids(d.buildings, d.adjacency, { seed: 1 }))
    expect(new Set(plan.grids.map((g) => g.community)).size).toBe(50)
  })
  it("small tight districts either meet the band or explain why, naming a building", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 }), fc.nat(), (rows, cols, dseed) => {
        const d = getOrThrow(generateDistrict({ seed: dseed, communityRows: 1, communityCols: 2, rows, cols }))
        const r = partitionGrids(d.buildings, d.adjacency, { seed: 1 })
        if (r.ok) {
          const m = getOrThrow(gridMetrics(r.value, d.buildings, d.adjacency))
          return m.bandCompliance.numerator === m.grids && m.nonContiguous.length === 0
        }
        return r.error.issues.every(
          (i) => ["part_below_min", "band_gap", "no_partition_found"].includes(i.code) && i.path[0] === "buildings"
        )
      })
    )
  })
  it("fuzz: partitionGrids and gridMetrics never throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b2, c) => {
        for (const r of [partitionGrids(a, b2, c), gridMetrics(a, b2, c), partitionGrids([a], [], c)]) {
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      })
    )
  })
})
