import { defineSuite } from "../../../bench/kit.ts"
import {
  createWorkflow,
  generateDistrict,
  gridMetrics,
  partitionGrids,
  serviceMetrics,
  type WorkflowEvent,
  workflowTemplates
} from "../src/index.ts"

// ── Partition: 1,000,000 households in 20,000 buildings (40 communities of 20 × 25) ──────────
const district = generateDistrict({ seed: 1, communityRows: 5, communityCols: 8, rows: 20, cols: 25 })
if (!district.ok) throw district.error
const { buildings, adjacency } = district.value
const households = buildings.reduce((s, b) => s + b.households, 0)
const weights = Int32Array.from(buildings, (b) => b.households)
let partitionSeed = 0

// ── Replay: 1,000,000 five-order events (200,000 cases × 5) ─────────────────────────────────
const wf = createWorkflow(workflowTemplates.fiveOrder)
if (!wf.ok) throw wf.error
const steps: ReadonlyArray<[string, string]> = [
  ["order", "resident"],
  ["dispatch", "community"],
  ["accept", "department"],
  ["complete", "department"],
  ["publish", "community"]
]
const CASES = 200_000
const events: Array<WorkflowEvent> = []
for (let k = 0; k < steps.length; k++)
  for (let c = 0; c < CASES; c++) {
    const [event, role] = steps[k] as [string, string]
    events.push({
      caseId: `r${c}`,
      event,
      actor: `${role}${c % 50}`,
      role,
      unit: "东山社区",
      at: `2025-03-${String(3 + k).padStart(2, "0")}T${String(9 + (c % 8)).padStart(2, "0")}:00:00`
    })
  }
const N = events.length
const eventCode = Int32Array.from(events, (e) => steps.findIndex(([n]) => n === e.event))
const caseOf = Int32Array.from(events, (_, i) => i % CASES)

// ── Metrics: 1,000,000 12345 events (250,000 cases × 4) ─────────────────────────────────────
const hotline: Array<WorkflowEvent> = []
const HC = 250_000
for (let c = 0; c < HC; c++) {
  const day = 3 + (c % 20)
  const d = `2025-03-${String(day).padStart(2, "0")}`
  const e = (event: string, at: string, data?: WorkflowEvent["data"]): WorkflowEvent => ({
    caseId: `h${c}`,
    event,
    actor: "x",
    role: "r",
    unit: "u",
    at,
    ...(data ? { data } : {})
  })
  hotline.push(
    e("dispatch", `${d}T09:00:00`),
    e("contact", `${d}T${String(10 + (c % 9)).padStart(2, "0")}:00:00`),
    e("close", `2025-04-${String(1 + (c % 20)).padStart(2, "0")}T10:00:00`),
    e("rate", `2025-04-25T10:00:00`, { rating: c % 5 === 0 ? "unsatisfied" : "satisfied", resolved: c % 4 !== 0 })
  )
}
const hotlineAt = Float64Array.from(hotline, (_, i) => 1_741_000_000 + i)

export default [
  defineSuite({
    name: "partitionGrids: 1,000,000 households, 20,000 buildings, band 300–400",
    baseline: {
      name: "greedy sequential cut of a household array into ≥300 chunks (no contiguity, no band check)",
      items: households,
      fn: () => {
        let grids = 0
        let acc = 0
        for (let i = 0; i < weights.length; i++) {
          acc += weights[i] as number
          if (acc >= 300) {
            grids++
            acc = 0
          }
        }
        return grids
      }
    },
    cases: [
      {
        name: "partitionGrids + gridMetrics (100% band compliance checked)",
        items: households,
        unit: "households",
        target: { maxMsPerOp: 2000 },
        fn: () => {
          const plan = partitionGrids(buildings, adjacency, { seed: partitionSeed++ })
          if (!plan.ok) throw plan.error
          const m = gridMetrics(plan.value, buildings, adjacency)
          if (!m.ok || m.value.bandCompliance.numerator !== m.value.grids || m.value.nonContiguous.length > 0)
            throw new Error("band or contiguity violated")
          return m.value.grids
        }
      },
      {
        name: "partitionGrids alone",
        items: households,
        unit: "households",
        target: { maxMsPerOp: 2000 },
        fn: () => {
          const plan = partitionGrids(buildings, adjacency, { seed: partitionSeed++ })
          if (!plan.ok) throw plan.error
          return plan.value.grids.length
        }
      }
    ]
  }),
  defineSuite({
    name: "workflow replay: 1,000,000 five-order events, 200,000 cases",
    baseline: {
      name: "typed-array state table over pre-encoded events (no validation, no roles)",
      items: N,
      fn: () => {
        const state = new Int32Array(CASES)
        let bad = 0
        for (let i = 0; i < N; i++) {
          const c = caseOf[i] as number
          if (state[c] === eventCode[i]) state[c] = (state[c] as number) + 1
          else bad++
        }
        return bad
      }
    },
    cases: [
      {
        name: "createWorkflow(fiveOrder).replay(events)",
        items: N,
        unit: "events",
        target: { minItemsPerSecond: 1_000_000 },
        fn: () => {
          const r = wf.value.replay(events)
          if (!r.ok) throw r.error
          return r.value.size
        }
      }
    ]
  }),
  defineSuite({
    name: "serviceMetrics: 1,000,000 12345 events, 250,000 cases",
    baseline: {
      name: "typed-array min/max per case over pre-parsed times",
      items: hotline.length,
      fn: () => {
        const first = new Float64Array(HC).fill(Infinity)
        for (let i = 0; i < hotlineAt.length; i++) {
          const c = i >> 2
          if ((hotlineAt[i] as number) < (first[c] as number)) first[c] = hotlineAt[i] as number
        }
        return first[0]
      }
    },
    cases: [
      {
        name: "serviceMetrics(events) — 三率 and time to close",
        items: hotline.length,
        unit: "events",
        target: { maxMsPerOp: 1000 },
        fn: () => {
          const m = serviceMetrics(hotline)
          if (!m.ok) throw m.error
          return m.value.responseRate.numerator
        }
      }
    ]
  })
]
