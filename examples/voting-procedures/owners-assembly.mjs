// Estate Q from voting-rules.md §5 (T1 and T7): run with
//   pnpm --filter @jiceng/examples exec node voting-procedures/owners-assembly.mjs
import assert from "node:assert/strict"
import { tallyOwnersAssembly } from "@jiceng/voting-procedures"

const M2 = 100 // areas are hundredths of a square metre
const owners = [
  { id: "D", kind: "developer", units: Array.from({ length: 10 }, (_, i) => ({ id: `D-${i}`, area: 100 * M2 })) },
  { id: "M", units: Array.from({ length: 3 }, (_, i) => ({ id: `M-${i}`, area: 100 * M2 })) },
  ...Array.from({ length: 87 }, (_, i) => ({ id: `o${i}`, units: [{ id: `u${i}`, area: 100 * M2 }] }))
]
const voters = ["D", "M", ...Array.from({ length: 68 }, (_, i) => `o${i}`)]
const yes = new Set(["D", ...Array.from({ length: 35 }, (_, i) => `o${i}`)])
const ballots = voters.map((owner) => ({ owner, vote: yes.has(owner) ? "yes" : "no" }))

for (const decisionDate of ["2024-03-01", "2020-12-31"]) {
  const r = tallyOwnersAssembly({ decisionDate, matter: "useMaintenanceFunds", owners, ballots })
  assert.ok(r.ok, r.ok ? "" : r.error.message)
  console.log(`\n${decisionDate}: ${r.value.regime} → ${r.value.outcome}`)
  for (const step of r.value.explanation) console.log(`  ${step.en}`)
  console.log(`  digest ${r.value.inputDigest}`)
  assert.equal(r.value.outcome, decisionDate === "2024-03-01" ? "passed" : "failed")
}
