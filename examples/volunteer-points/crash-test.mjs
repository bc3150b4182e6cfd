// Crash test for the durable SQLite journal: a child process writes batches of transfers as
// fast as it can and is SIGKILLed at a random moment, many times over. After every kill the
// journal is reopened and replayed, and we check that
//   - the hash chain is intact and verify() (full replay) passes;
//   - every batch the writer acknowledged (createTransfers had returned) is in the journal,
//     with the same hash — nothing acknowledged is lost;
//   - balances equal an independent recount of the committed transfers, Σ balances = 0 and no
//     never-negative account is negative — no point created, lost or duplicated;
//   - the next writer resumes from the replayed state and re-sends the journal's last batch
//     (a retry): none of its events may be created a second time.
// Exits non-zero on any failure. Run:
//   pnpm --filter @jiceng/examples exec node volunteer-points/crash-test.mjs [rounds] [seed]
import assert from "node:assert/strict"
import { mkdtempSync, rmSync, writeSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { createRng, getOrThrow } from "@jiceng/core"
import { runUntilKilled } from "./kill-loop.mjs"
import { openDurableLedger } from "./sqlite-journal.mjs"

const VOLUNTEERS = 50
const BATCH = 400

const batchFor = (round, k) => {
  const rng = createRng(round * 1_000_003 + k)
  const events = []
  for (let j = 0; j < BATCH; j++) {
    const id = `r${round}-b${k}-${j}`
    const v = `v${rng.int(0, VOLUNTEERS - 1)}`
    const roll = rng.float()
    if (roll < 0.4) events.push({ id, debitAccountId: "fund", creditAccountId: v, amount: rng.int(30, 240) })
    else if (roll < 0.7)
      events.push({
        id,
        debitAccountId: v,
        creditAccountId: `v${rng.int(0, VOLUNTEERS - 1)}`.replace(new RegExp(`^${v}$`), "shop"),
        amount: rng.int(1, 120)
      })
    else if (roll < 0.9) events.push({ id, debitAccountId: v, creditAccountId: "shop", amount: rng.int(1, 200) })
    else {
      // A linked pair: redeem and record the merchant's settlement together, or neither.
      events.push({ id, debitAccountId: v, creditAccountId: "shop", amount: rng.int(1, 100), linked: true })
      events.push({ id: `${id}-s`, debitAccountId: "shop", creditAccountId: "settled", amount: 1 })
    }
  }
  return events
}

const writer = (file, round) => {
  const { ledger } = getOrThrow(openDurableLedger(file))
  if (ledger.account("fund") === undefined)
    getOrThrow(
      ledger.createAccounts([
        { id: "fund", unit: "pts" },
        { id: "shop", unit: "pts" },
        { id: "settled", unit: "pts" },
        ...Array.from({ length: VOLUNTEERS }, (_, i) => ({
          id: `v${i}`,
          unit: "pts",
          debitsMustNotExceedCredits: true
        }))
      ])
    )
  // Resend the last batch in the journal, as a client unsure whether its last call went
  // through would: every event was decided already, so nothing may apply twice.
  const last = ledger.log().findLast((b) => b.kind === "transfers")
  if (last !== undefined) {
    const retry = getOrThrow(ledger.createTransfers(last.events))
    for (const r of retry.results) if (r.code === "created") throw new Error(`retry created ${r.id} twice`)
  }
  writeSync(1, "ready\n")
  for (let k = 0; ; k++) {
    const r = getOrThrow(ledger.createTransfers(batchFor(round, k)))
    writeSync(1, `ack ${r.seq} ${r.hash}\n`)
  }
}

const check = (file, acks) => {
  const opened = openDurableLedger(file)
  if (!opened.ok) throw new Error(`journal does not replay: ${opened.error.message}`)
  const { ledger, db, batches } = opened.value
  try {
    const v = ledger.verify()
    if (!v.ok) throw new Error(`verify failed: ${v.error.message}`)
    const log = ledger.log()
    for (const [seq, hash] of acks) {
      assert.ok(seq < log.length, `acknowledged batch ${seq} is missing (journal has ${log.length})`)
      assert.equal(log[seq].hash, hash, `batch ${seq} changed`)
    }
    // Independent recount of balances from the committed transfers.
    const recount = new Map()
    for (const t of ledger.transfers()) {
      recount.set(t.debitAccountId, (recount.get(t.debitAccountId) ?? 0) - t.amount)
      recount.set(t.creditAccountId, (recount.get(t.creditAccountId) ?? 0) + t.amount)
    }
    let sum = 0
    for (const a of ledger.accounts()) {
      assert.equal(a.balance, recount.get(a.id) ?? 0, `balance of ${a.id} differs from the recount`)
      if (a.debitsMustNotExceedCredits) assert.ok(a.balance >= 0, `${a.id} is negative`)
      sum += a.balance
    }
    assert.equal(sum, 0, "points were created or destroyed")
    return { batches, transfers: ledger.transfers().length, issued: -ledger.account("fund").balance }
  } finally {
    db.close()
  }
}

if (process.argv[2] === "--writer") {
  writer(process.argv[3], Number(process.argv[4]))
} else {
  const rounds = Number(process.argv[2] ?? 30)
  const seed = Number(process.argv[3] ?? 20_251_124)
  const rng = createRng(seed)
  const dir = mkdtempSync(join(tmpdir(), "jiceng-crash-"))
  const file = join(dir, "ledger.db")
  const started = performance.now()
  let unacked = 0
  try {
    for (let round = 0; round < rounds; round++) {
      const acks = (
        await runUntilKilled(fileURLToPath(import.meta.url), ["--writer", file, String(round)], rng.int(5, 120))
      ).map((a) => {
        const [seq, hash] = a.split(" ")
        return [Number(seq), hash]
      })
      const s = check(file, acks)
      const lastAck = acks.length > 0 ? acks[acks.length - 1][0] : -1
      if (s.batches - 1 > lastAck) unacked++
      console.log(
        `round ${String(round).padStart(2)}: killed after ${String(acks.length).padStart(3)} acknowledged batches; journal ${s.batches} batches, ${s.transfers} transfers, ${s.issued} points issued — replay, verify and recount OK`
      )
    }
    console.log(
      `\n${rounds} SIGKILLs (seed ${seed}); ${unacked} landed after a batch was written but before it was acknowledged. No point lost or duplicated. ${((performance.now() - started) / 1000).toFixed(1)} s`
    )
  } catch (e) {
    console.error(`crash test FAILED (seed ${seed}):`, e)
    process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
