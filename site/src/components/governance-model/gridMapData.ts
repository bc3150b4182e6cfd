/**
 * Turns a generated district and a grid plan into what the map draws: one colour per grid
 * (neighbouring grids never share a colour), grid and community boundary segments, and a label
 * per grid — and draws it (`plotGridMap`). Geometry only; the partition itself is
 * `partitionGrids`.
 */
import type { Adjacency, Building, GridPlan } from "@jiceng/governance-model"
import * as Plot from "@observablehq/plot"

// Observable 10, lightened so the boundary lines and labels stay readable on top.
const PALETTE = [
  "#9ecae9",
  "#ffbf79",
  "#9ed99b",
  "#ff9d9a",
  "#c9b3d9",
  "#d4b9a9",
  "#f7b6d2",
  "#c7c7c7",
  "#dbdb8d",
  "#9edae5"
]

export interface Cell {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly households: number
  readonly community: string
  readonly compound: string
  readonly grid: string
  readonly fill: string
}

export interface Segment {
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

export interface GridLabel {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly households: number
}

export interface MapData {
  readonly cells: ReadonlyArray<Cell>
  readonly gridBoundaries: ReadonlyArray<Segment>
  readonly communityBoundaries: ReadonlyArray<Segment>
  readonly labels: ReadonlyArray<GridLabel>
}

// Buildings sit on a lattice; building (x, y) covers [x, x + 1] × [y, y + 1], so two lattice
// neighbours share one unit side.
const sharedSide = (a: Building, b: Building): Segment | undefined => {
  const ax = a.x ?? 0
  const ay = a.y ?? 0
  const bx = b.x ?? 0
  const by = b.y ?? 0
  if (ay === by && Math.abs(ax - bx) === 1) {
    const x = Math.max(ax, bx)
    return { x1: x, y1: ay, x2: x, y2: ay + 1 }
  }
  if (ax === bx && Math.abs(ay - by) === 1) {
    const y = Math.max(ay, by)
    return { x1: ax, y1: y, x2: ax + 1, y2: y }
  }
  return undefined
}

/** Map data for a plan; without a plan every cell is grey (used to show an infeasible band). */
export const gridMapData = (
  buildings: ReadonlyArray<Building>,
  adjacency: Adjacency,
  plan: GridPlan | undefined,
  highlight: ReadonlySet<string> = new Set()
): MapData => {
  const byId = new Map(buildings.map((b) => [b.id, b] as const))
  const gridOf = (id: string): string => plan?.assignment[id] ?? ""
  // Greedy colouring of the grid adjacency graph, largest grids first.
  const neighbours = new Map<string, Set<string>>()
  const gridBoundaries: Array<Segment> = []
  const communityBoundaries: Array<Segment> = []
  for (const [p, q] of adjacency) {
    const a = byId.get(p)
    const b = byId.get(q)
    if (!a || !b) continue
    const side = sharedSide(a, b)
    if (a.community !== b.community) {
      if (side) communityBoundaries.push(side)
      continue
    }
    const ga = gridOf(p)
    const gb = gridOf(q)
    if (ga !== gb) {
      if (side) gridBoundaries.push(side)
      if (!neighbours.has(ga)) neighbours.set(ga, new Set())
      if (!neighbours.has(gb)) neighbours.set(gb, new Set())
      neighbours.get(ga)?.add(gb)
      neighbours.get(gb)?.add(ga)
    }
  }
  const colour = new Map<string, string>()
  for (const g of plan?.grids ?? []) {
    const used = new Set([...(neighbours.get(g.id) ?? [])].map((n) => colour.get(n)))
    colour.set(g.id, PALETTE.find((c) => !used.has(c)) ?? PALETTE[colour.size % PALETTE.length] ?? "#ccc")
  }
  const cells = buildings.map(
    (b): Cell => ({
      id: b.id,
      x: b.x ?? 0,
      y: b.y ?? 0,
      households: b.households,
      community: b.community,
      compound: b.compound ?? "",
      grid: gridOf(b.id),
      fill: highlight.has(b.id) ? "#e45756" : (colour.get(gridOf(b.id)) ?? "#e5e5e5")
    })
  )
  // Label each grid on its member building nearest the centroid, so the label is inside it.
  const labels = (plan?.grids ?? []).map((g): GridLabel => {
    const members = g.buildings.map((id) => byId.get(id)).filter((b): b is Building => b !== undefined)
    const k = Math.max(1, members.length)
    const cx = members.reduce((s, b) => s + (b.x ?? 0), 0) / k
    const cy = members.reduce((s, b) => s + (b.y ?? 0), 0) / k
    const d2 = (b: Building) => ((b.x ?? 0) - cx) ** 2 + ((b.y ?? 0) - cy) ** 2
    let best = members[0]
    for (const b of members) if (best === undefined || d2(b) < d2(best)) best = b
    return { id: g.id, x: (best?.x ?? 0) + 0.5, y: (best?.y ?? 0) + 0.5, households: g.households }
  })
  return { cells, gridBoundaries, communityBoundaries, labels }
}

/**
 * The map of `data` with Observable Plot: a cell per building in its grid's colour, thin grid
 * and thick community boundaries, each grid's household count, and a frame. `title` is a
 * building's tooltip; the size is `width` and either `height` or `aspectRatio`.
 */
export const plotGridMap = (
  data: MapData,
  options: {
    readonly width: number
    readonly height?: number
    readonly aspectRatio?: number
    readonly title: (cell: Cell) => string
  }
): SVGSVGElement | HTMLElement => {
  const { title, ...size } = options
  return Plot.plot({
    ...size,
    margin: 4,
    x: { axis: null },
    y: { axis: null },
    color: { type: "identity" },
    marks: [
      Plot.rect(data.cells, {
        x1: "x",
        x2: (d) => d.x + 1,
        y1: "y",
        y2: (d) => d.y + 1,
        fill: "fill",
        inset: 0.5,
        title
      }),
      Plot.link(data.gridBoundaries, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "#333", strokeWidth: 1 }),
      Plot.link(data.communityBoundaries, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "#000", strokeWidth: 3 }),
      Plot.text(data.labels, { x: "x", y: "y", text: (d) => String(d.households), fontSize: 9, fill: "#111" }),
      Plot.frame({ stroke: "#000", strokeWidth: 2 })
    ]
  })
}
