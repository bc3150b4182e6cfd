// Partition a generated district into 300–400-household grids, then run a five-order request
// past its deadlines and compute the three rates. Exits non-zero if anything is wrong.
import assert from "node:assert/strict"
import {
  createWorkflow,
  generateDistrict,
  gridMetrics,
  partitionGrids,
  serviceMetrics,
  workflowTemplates,
  workingCalendar
} from "@jiceng/governance-model"

const district = generateDistrict({ seed: 2025, communityRows: 3, communityCols: 4, rows: 7, cols: 10 })
assert.ok(district.ok)
const { buildings, adjacency } = district.value
const plan = partitionGrids(buildings, adjacency, { seed: 1 })
assert.ok(plan.ok, plan.ok ? "" : plan.error.message)
const m = gridMetrics(plan.value, buildings, adjacency)
assert.ok(m.ok)
console.log(
  `${m.value.households} households → ${m.value.grids} grids; in band ${m.value.bandCompliance.numerator}/${m.value.grids}; cut edges ${m.value.cutEdges}`
)
assert.equal(m.value.bandCompliance.numerator, m.value.grids)
assert.deepEqual(m.value.nonContiguous, [])
assert.deepEqual(m.value.communityCrossings, [])

const cal = workingCalendar()
assert.ok(cal.ok)
const wf = createWorkflow(workflowTemplates.fiveOrder)
assert.ok(wf.ok)
const order = { caseId: "r1", event: "order", actor: "王女士", role: "resident", unit: "3号楼", at: "2025-03-07T16:00" }
const s0 = wf.value.replay([order])
assert.ok(s0.ok)
const fired = wf.value.fireOverdue(s0.value.get("r1"), "2025-03-20T12:00", cal.value)
assert.ok(fired.ok)
for (const e of fired.value.events) console.log(`${e.at}  ${e.event}`)
assert.equal(fired.value.state.level, "city")

const metrics = serviceMetrics([order, ...fired.value.events], { mapping: workflowTemplates.fiveOrder.metrics })
assert.ok(metrics.ok)
console.log(metrics.value.responseRate.definition.en, metrics.value.responseRate)
assert.equal(metrics.value.dispatched, 0)

// Edge cases: a school without households, and a case past the last holiday notice.
const school = partitionGrids(
  [
    { id: "1号楼", households: 350, community: "东山社区" },
    { id: "东山小学", households: 0, community: "东山社区" }
  ],
  []
)
assert.ok(school.ok)
console.log("unassigned:", school.value.unassigned, school.value.warnings[0]?.message.en)
assert.deepEqual(school.value.unassigned, ["东山小学"])
const at = (caseId, event, time) => ({ caseId, event, actor: "a", role: "r", unit: "u", at: time })
const lateLog = [
  at("A", "dispatch", "2025-03-03T09:00"),
  at("A", "contact", "2025-03-03T15:00"),
  at("Z", "dispatch", "2026-12-31T17:00"),
  at("Z", "contact", "2027-01-04T09:00")
]
const partial = serviceMetrics(lateLog)
assert.ok(partial.ok)
console.log(partial.value.responseRate.definition.en)
assert.deepEqual(
  partial.value.excluded.map((x) => [x.caseId, x.reason.code]),
  [["Z", "no_holiday_notice"]]
)
assert.equal(partial.value.responseRate.denominator, 1)
assert.equal(serviceMetrics(lateLog, { allOrNothing: true }).ok, false)
