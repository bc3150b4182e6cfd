// Crash test for the points system's write-ahead journal on SQLite (points-journal.mjs): a
// child process submits operations (grants, redemptions, donations, gifts) as fast as it can
// and is SIGKILLed at a random moment, many times over. After every kill the journal is
// reopened and replayed, and we check that
//   - the replay rebuilds a system whose verify() passes: lot sums equal balances, issued −
//     redeemed − expired − donated equals the outstanding liability, the ledger's hash chain
//     replays — no point created, lost or spent twice;
//   - every operation the writer acknowledged (the call had returned) is in the rebuilt system:
//     resubmitting it returns its original outcome and changes nothing (same ledger head);
//   - an operation journaled but killed before it returned is applied exactly once after the
//     restart, and its resubmission by the client is likewise harmless.
// Exits non-zero on any failure. Run:
//   pnpm --filter @jiceng/examples exec node volunteer-points/points-crash-test.mjs [rounds] [seed]
import assert from "node:assert/strict"
import { mkdtempSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { createRng, getOrThrow } from "@jiceng/core"
import { schemes } from "@jiceng/volunteer-points"
import { runUntilKilled } from "./kill-loop.mjs"
import { openDurablePoints } from "./points-journal.mjs"

const HOLDERS = 20
const H = 3_600_000
const scheme = schemes.kunshan[0].value

// The k-th operation of a round, deterministic so the checker can rebuild any acknowledged one.
const operationFor = (round, k) => {
  const rng = createRng(round * 1_000_003 + k)
  const id = `r${round}-${k}`
  const holder = `h${rng.int(0, HOLDERS - 1)}`
  const at = (round * 100_000 + k) * H
  const roll = rng.float()
  if (roll < 0.45) return ["issue", { id, holder, amount: rng.int(50, 900), at }]
  if (roll < 0.6) return ["redeem", { id, holder, sku: "rice-5kg", at }]
  if (roll < 0.8) return ["donate", { id, holder, amount: rng.int(1, 300), at }]
  return [
    "gift",
    { id, from: holder, to: `h${rng.int(0, HOLDERS - 1)}`, relation: "friend", amount: rng.int(1, 200), at }
  ]
}

const writer = (file, round) => {
  const { system } = getOrThrow(openDurablePoints(file, scheme))
  if (system.holders().length === 0)
    getOrThrow(system.openHolders(Array.from({ length: HOLDERS }, (_, i) => ({ id: `h${i}` }))))
  writeSync(1, "ready\n")
  for (let k = 0; ; k++) {
    const [op, input] = operationFor(round, k)
    const r = system[op](input)
    // Refusals (insufficient balance, gifts to oneself, …) are outcomes too; only a journal
    // failure would be an error here, and it would apply nothing.
    if (!r.ok && r.error._tag === "JournalError") throw r.error
    writeSync(1, `ack ${k} ${r.ok ? "ok" : r.error.issues[0].code}\n`)
  }
}

const check = (file, round, acks) => {
  const opened = openDurablePoints(file, scheme)
  if (!opened.ok) throw new Error(`journal does not replay: ${opened.error.message}`)
  const { system, db } = opened.value
  try {
    const v = system.verify()
    if (!v.ok) throw new Error(`verify failed: ${v.error.message}`)
    const head = system.ledger.head()
    // Acknowledged operations, and the one that may have been in flight when the process died.
    const last = acks.length > 0 ? acks[acks.length - 1][0] : -1
    for (let k = 0; k <= last + 1; k++) {
      const [op, input] = operationFor(round, k)
      const r = system[op](input)
      const outcome = r.ok ? "ok" : r.error.issues[0].code
      const ack = acks.find(([j]) => j === k)
      if (ack !== undefined) assert.equal(outcome, ack[1], `operation ${k} answers differently after the restart`)
      if (k <= last) assert.equal(system.ledger.head(), head, `acknowledged operation ${k} was applied again`)
    }
    // After resubmitting the in-flight operation (applied now if it had not been journaled), the
    // system still verifies.
    const after = system.verify()
    if (!after.ok) throw new Error(`verify after resubmission failed: ${after.error.message}`)
    return { operations: system.snapshot().operations.length, outstanding: v.value.liability.outstanding }
  } finally {
    db.close()
  }
}

if (process.argv[2] === "--writer") {
  writer(process.argv[3], Number(process.argv[4]))
} else {
  const rounds = Number(process.argv[2] ?? 20)
  const seed = Number(process.argv[3] ?? 20_261_125)
  const rng = createRng(seed)
  const dir = mkdtempSync(join(tmpdir(), "jiceng-points-crash-"))
  const file = join(dir, "points.db")
  const started = performance.now()
  try {
    for (let round = 0; round < rounds; round++) {
      const acks = (
        await runUntilKilled(fileURLToPath(import.meta.url), ["--writer", file, String(round)], rng.int(5, 120))
      ).map((a) => {
        const [k, outcome] = a.split(" ")
        return [Number(k), outcome]
      })
      const s = check(file, round, acks)
      console.log(
        `round ${String(round).padStart(2)}: killed after ${String(acks.length).padStart(4)} acknowledged operations; journal ${s.operations} operations, ${s.outstanding} points outstanding — replay, verify and resubmission OK`
      )
    }
    console.log(
      `\n${rounds} SIGKILLs (seed ${seed}). No acknowledged operation lost or applied twice. ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
  } catch (e) {
    console.error(`points crash test FAILED (seed ${seed}):`, e)
    process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
