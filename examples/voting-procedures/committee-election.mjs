// A villagers' committee (村委会) election for two seats where candidates A and B are close
// relatives (voting-rules.md §3.2, Zhejiang art. 31). First the relatives have different votes:
// B's election lapses and the next candidate over the line takes the seat. Then they tie:
// they vote again, the loser lapses, and the freed seat goes to a runoff (另行选举). Run with
//   pnpm --filter @jiceng/examples exec node voting-procedures/committee-election.mjs
import assert from "node:assert/strict"
import { tallyCommitteeElection } from "@jiceng/voting-procedures"

const show = (title, r) => {
  if (!r.ok) throw r.error
  console.log(`\n${title}: ${r.value.status}`)
  for (const s of r.value.explanation) console.log(`  ${s.zh}\n  ${s.en}`)
  return r.value
}
const base = { registeredVoters: 1000, seats: 2, candidates: ["A", "B", "C"], relatives: [["A", "B"]] }

// A 300 + 170 = 470, B 300 + 150 = 450, C 150 + 170 = 320 of 620; the line is > 310.
const lapse = show(
  "Relatives with different votes",
  tallyCommitteeElection({
    ...base,
    ballots: [
      { count: 300, choices: ["A", "B"] },
      { count: 150, choices: ["B", "C"] },
      { count: 170, choices: ["A", "C"] }
    ]
  })
)
assert.equal(lapse.status, "complete")
assert.deepEqual(
  lapse.elected.map((e) => e.candidate),
  ["A", "C"]
)

// A 320, B 320, C 150 of 620: A and B are both over the line with equal votes.
const tied = {
  ...base,
  ballots: [
    { count: 320, choices: ["A", "B"] },
    { count: 150, choices: ["C"] },
    { count: 150, choices: [] }
  ]
}
const revote = show("Relatives with equal votes", tallyCommitteeElection(tied))
assert.equal(revote.status, "tieRevoteRequired")
assert.deepEqual(revote.tieRevoteCandidates, ["A", "B"])

const done = show(
  "After the re-vote (A 300, B 200) and the runoff (C 400 of 500)",
  tallyCommitteeElection({
    ...tied,
    tieRevote: {
      ballots: [
        { count: 300, choices: ["A"] },
        { count: 200, choices: ["B"] }
      ]
    },
    runoff: {
      ballots: [
        { count: 400, choices: ["C"] },
        { count: 100, choices: [] }
      ]
    }
  })
)
assert.equal(done.status, "complete")
assert.deepEqual(done.elected, [
  { candidate: "A", votes: 300, round: "tieRevote" },
  { candidate: "C", votes: 400, round: "runoff" }
])
console.log("\nok")
