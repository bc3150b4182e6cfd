// Glasgow 2007 Calton ward under Scottish STV rules: run with
//   pnpm --filter @jiceng/examples exec node voting-procedures/glasgow-calton.mjs
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import { parseBlt, stv } from "@jiceng/voting-procedures"

const text = readFileSync(
  new URL("../../packages/voting-procedures/test-data/glasgow-2007-calton.blt", import.meta.url),
  "utf8"
)
const blt = parseBlt(text)
assert.ok(blt.ok, blt.ok ? "" : blt.error.message)
const r = stv(blt.value.profile, { seats: blt.value.seats, rule: "scottish" })
assert.ok(r.ok)
console.log(`${blt.value.title}: quota ${r.value.quota}`)
for (const s of r.value.stages)
  console.log(`stage ${s.stage} ${s.action} ${s.candidates.join(", ")}  non-transferable ${s.exhausted}`)
console.log("elected:", r.value.elected.join(", "))
assert.deepEqual(r.value.elected, ["George Redmond", "Alison E Thewliss", "Ruth Simpson"])
assert.equal(r.value.stages.at(-1).votes["Ruth Simpson"], "1393.86735")
