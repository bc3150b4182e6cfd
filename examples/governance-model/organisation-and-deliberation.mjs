// Organisation model, Open311 export, "1+3" routing, 四议两公开, satisfaction and 公益创投 —
// run after `pnpm --filter @jiceng/governance-model build`.
import assert from "node:assert/strict"
import {
  checkDecision,
  classifyMatter,
  evaluateSatisfaction,
  mergeGridLayers,
  rollupOrganisation,
  selectProjects,
  toOpen311,
  validateOrganisation,
  workflowTemplates,
  workingCalendar
} from "@jiceng/governance-model"

// 1. One community, a compound split into two grids, and the party chain down to a liaison household.
const org = {
  units: [
    { code: "S", name: "东山街道", kind: "street" },
    { code: "C", name: "东山社区", kind: "community", parent: "S" },
    { code: "K1", name: "一小区", kind: "compound", parent: "C" },
    { code: "G1", name: "一网格", kind: "grid", parent: "C" },
    { code: "G2", name: "二网格", kind: "grid", parent: "C" },
    { code: "B1", name: "1号楼", kind: "building", parent: "K1", grid: "G1", households: 180 },
    { code: "B2", name: "2号楼", kind: "building", parent: "K1", grid: "G1", households: 160 },
    { code: "B3", name: "3号楼", kind: "building", parent: "K1", grid: "G2", households: 210 },
    { code: "H301", name: "3-301", kind: "household", parent: "B3" }
  ],
  party: [
    { code: "P", name: "东山社区党委", kind: "partyCommittee", territory: ["C"] },
    { code: "P1", name: "一网格党支部", kind: "branch", parent: "P", territory: ["G1"] },
    { code: "P1a", name: "1号楼党小组", kind: "group", parent: "P1", territory: ["B1"] }
  ],
  bodies: [{ code: "R", name: "东山社区居委会", kind: "residentsCommittee", territory: ["C"] }],
  people: [
    { id: "a", party: "full" },
    { id: "b", party: "full" },
    { id: "c", party: "probationary" },
    { id: "d" },
    { id: "e" }
  ],
  memberships: [
    { person: "a", org: "P1", role: "secretary" },
    { person: "b", org: "P1", role: "member" },
    { person: "c", org: "P1", role: "member" },
    ...["a", "b", "c", "d"].map((person) => ({ person, org: "R", role: "member" }))
  ]
}
const bad = validateOrganisation(org)
assert.equal(bad.ok, false)
console.log("Problems found in one pass:")
for (const i of bad.error.issues) console.log(`  [${i.code}] ${i.path.join(".")}: ${i.message.zh}`)
assert.deepEqual(bad.error.issues.map((i) => i.code).sort(), [
  "branch_too_few_full_members",
  "committee_size",
  "household_count_mismatch"
])

// Fix them: a third full member, a fifth committee member, and B3 without the stray household unit.
org.people.push({ id: "f", party: "full" })
org.memberships.push({ person: "f", org: "P1", role: "member" }, { person: "e", org: "R", role: "member" })
org.units = org.units.filter((u) => u.code !== "H301")
const rollup = rollupOrganisation(org)
assert.ok(rollup.ok)
const households = Object.fromEntries(rollup.value.units.map((u) => [u.code, u.households]))
console.log("\nHouseholds per unit:", households)
assert.equal(households.C, 550)
assert.equal(households.G1, 340)

// 2. A 12345 ticket exported as Open311 GeoReport v2.
const cal = workingCalendar()
assert.ok(cal.ok)
const e = (event, role, at) => ({
  caseId: "h1",
  event,
  actor: role,
  role,
  unit: role === "handlingUnit" ? "区城管委" : "12345",
  at
})
const open311 = toOpen311(
  workflowTemplates.hotline12345,
  [
    e("intake", "operator", "2025-04-30T09:00"),
    e("dispatch", "operator", "2025-04-30T09:10"),
    e("sign", "handlingUnit", "2025-04-30T10:00")
  ],
  {
    calendar: cal.value,
    requests: [{ caseId: "h1", serviceCode: "noise", description: "夜间施工噪声", lat: 39.93, long: 116.42 }]
  }
)
assert.ok(open311.ok)
console.log("\nOpen311:", JSON.stringify(open311.value[0], null, 2))
// Signed on Wednesday 30 April; 1–5 May is the Labour Day holiday, so the five working days
// are 6, 7, 8, 9 and 12 May.
assert.equal(open311.value[0].status, "open")
assert.equal(open311.value[0].expected_datetime, "2025-05-12T23:59:59+08:00")

// 3. "1+3" routing, 四议两公开, satisfaction and project selection.
const matter = classifyMatter({
  id: "停车改造",
  affectedHouseholds: 550,
  communityHouseholds: 550,
  publicResources: true,
  disputed: true
})
assert.ok(matter.ok)
console.log(`\n${matter.value.matterId}: ${matter.value.route} → ${matter.value.procedure}`)
assert.equal(matter.value.procedure, "hearing")
const decision = checkDecision([
  { step: "propose", date: "2025-05-06", outcome: "approved" },
  { step: "deliberate", date: "2025-05-08", outcome: "approved" }
])
assert.ok(decision.ok)
console.log("四议两公开 next step:", decision.value.next.name.zh)
const sat = evaluateSatisfaction({ satisfied: 379, basicallySatisfied: 20, unsatisfied: 101 })
assert.ok(sat.ok)
console.log("Satisfaction:", sat.value.explanation.zh)
assert.equal(sat.value.shortfall, 1)
const noAnswers = evaluateSatisfaction({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })
assert.ok(noAnswers.ok)
assert.equal(noAnswers.value.shortfall, null)
console.log("No answers:", noAnswers.value.explanation.en)
assert.equal(
  evaluateSatisfaction(
    { satisfied: 5, basicallySatisfied: 0, unsatisfied: 5 },
    { threshold: { numerator: 6, denominator: 5 } }
  ).ok,
  false
)
const chosen = selectProjects(
  [
    { id: "助老餐桌", cost: 6_000_000, score: 90 },
    { id: "四点半课堂", cost: 5_000_000, score: 60 },
    { id: "楼道微更新", cost: 5_000_000, score: 55 }
  ],
  { budget: 10_000_000 }
)
assert.ok(chosen.ok)
console.log("公益创投:", chosen.value.explanation.zh)
assert.deepEqual(chosen.value.selected, ["四点半课堂", "楼道微更新"])

// 4. 多网合一: two grid systems over the same buildings, merged into one plan within 300–400.
const b = (id, hh) => ({ id, households: hh, community: "东山社区" })
const merged = mergeGridLayers(
  [
    {
      id: "综治",
      grids: [
        { id: "Z1", buildings: ["1", "2"] },
        { id: "Z2", buildings: ["3", "4"] }
      ]
    },
    { id: "城管", grids: [{ id: "C1", buildings: ["1", "2", "3", "4"] }] }
  ],
  {
    buildings: [b("1", 200), b("2", 150), b("3", 180), b("4", 170)],
    adjacency: [
      ["1", "2"],
      ["2", "3"],
      ["3", "4"]
    ]
  }
)
assert.ok(merged.ok)
console.log("多网合一:", merged.value.plan.grids.map((g) => `${g.id} ${g.households}户`).join(", "))
assert.deepEqual(
  merged.value.plan.grids.map((g) => g.households),
  [350, 350]
)
