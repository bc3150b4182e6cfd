// An owners' committee (业委会) election on Estate R of voting-rules.md §5 (30 owners of
// 100 m² each): an excluded candidate, a tie settled by lot, alternates and a party-member
// share target that is reported but never enforced. Run with
//   pnpm --filter @jiceng/examples exec node voting-procedures/owners-committee.mjs
import assert from "node:assert/strict"
import { electOwnersCommittee } from "@jiceng/voting-procedures"

const owners = Array.from({ length: 30 }, (_, i) => ({ id: `r${i + 1}`, units: [{ id: `R${i + 1}`, area: 10_000 }] }))
// Yes marks per candidate among the 24 owners who vote; dealt round-robin, ≤ 5 names a ballot.
const tallies = [
  ["K1", 20],
  ["K2", 18],
  ["K3", 16],
  ["K4", 15],
  ["K5", 14],
  ["K6", 14],
  ["K7", 12],
  ["K8", 5]
]
const marks = Array.from({ length: 24 }, () => [])
let p = 0
for (const [c, n] of tallies) for (let j = 0; j < n; j++) marks[p++ % 24].push(c)
const input = {
  electionDate: "2024-06-01",
  seats: 5,
  alternateSeats: 2,
  owners,
  candidates: tallies.map(([id], i) => ({
    id,
    owner: `r${i + 1}`,
    attributes: id === "K1" ? ["dishonestDebtor"] : ["K2", "K7"].includes(id) ? ["partyMember"] : []
  })),
  ballots: marks.map((choices, i) => ({ owner: `r${i + 1}`, choices })),
  rules: {
    compositionTargets: [{ code: "party", attribute: "partyMember", share: { numerator: 1, denominator: 2 } }]
  }
}

const r = electOwnersCommittee(input)
assert.ok(r.ok, r.ok ? "" : r.error.message)
for (const step of r.value.explanation) console.log(`${step.en}\n  ${step.zh}`)
console.log({ status: r.value.status, elected: r.value.elected.map((e) => e.candidate), reasons: r.value.reasons })
// K1 (20 marks) is excluded; K2–K6 fill the five seats; K7 (exactly half) is the alternate.
assert.deepEqual(
  r.value.elected.map((e) => e.candidate),
  ["K2", "K3", "K4", "K5", "K6"]
)
assert.deepEqual(
  r.value.alternates.map((e) => e.candidate),
  ["K7"]
)
assert.deepEqual(r.value.reasons, ["composition-not-met:party"])

// Without the exclusion, K5 and K6 tie for the last seat: the function does not pick.
const open = electOwnersCommittee({ ...input, candidates: input.candidates.map((c) => ({ ...c, attributes: [] })) })
assert.ok(open.ok)
assert.deepEqual([open.value.status, open.value.tied], ["tieUnresolved", ["K5", "K6"]])
const lot = electOwnersCommittee({
  ...input,
  candidates: input.candidates.map((c) => ({ ...c, attributes: [] })),
  tieResolution: { method: "lot", order: ["K6", "K5"] }
})
assert.ok(lot.ok)
console.log(
  "after drawing lots:",
  lot.value.elected.map((e) => e.candidate),
  "alternates:",
  lot.value.alternates.map((e) => e.candidate)
)
assert.deepEqual(
  lot.value.alternates.map((e) => e.candidate),
  ["K5", "K7"]
)
