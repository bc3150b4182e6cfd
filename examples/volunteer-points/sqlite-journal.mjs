// A durable journal for the ledger on SQLite through Node's built-in `node:sqlite`.
// Every committed batch is INSERTed (synchronous=FULL) inside the ledger's onCommit hook, i.e.
// before createTransfers returns; if the insert fails the ledger rolls the batch back. On start
// the journal is read in order and replayed, which recomputes the whole hash chain (with
// Node's own SHA-256, which the ledger picks by default where the runtime has one).
//
// Run the demo: pnpm --filter @jiceng/examples exec node volunteer-points/sqlite-journal.mjs
import assert from "node:assert/strict"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { pathToFileURL } from "node:url"
import { getOrThrow } from "@jiceng/core"
import { createLedger, restoreLedger } from "@jiceng/volunteer-points"

/**
 * Opens (or creates) a durable ledger stored in the SQLite file at `path`. `options.checkpoint`
 * ({ expectHead, expectSeq }, kept outside this file) catches a journal whose last rows were
 * deleted: the hash chain of the rows that remain is still intact.
 */
export const openDurableLedger = (path, options = {}) => {
  const { checkpoint, ...ledgerOptions } = options
  const db = new DatabaseSync(path)
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
  db.exec(
    "CREATE TABLE IF NOT EXISTS batches (seq INTEGER PRIMARY KEY, timestamp INTEGER NOT NULL, kind TEXT NOT NULL, events TEXT NOT NULL, hash TEXT NOT NULL)"
  )
  const insert = db.prepare("INSERT INTO batches (seq, timestamp, kind, events, hash) VALUES (?, ?, ?, ?, ?)")
  const onCommit = (b) => {
    insert.run(b.seq, b.timestamp, b.kind, JSON.stringify(b.events), b.hash)
  }
  const rows = db.prepare("SELECT seq, timestamp, kind, events, hash FROM batches ORDER BY seq").all()
  const batches = rows.map((r) => ({
    seq: Number(r.seq),
    timestamp: Number(r.timestamp),
    kind: r.kind,
    events: JSON.parse(r.events),
    hash: r.hash
  }))
  const opts = { ...ledgerOptions, onCommit }
  const result =
    batches.length === 0 && checkpoint === undefined
      ? createLedger(opts)
      : restoreLedger(
          { format: "jiceng-ledger/1", batches, head: batches.at(-1)?.hash ?? "0".repeat(64) },
          { ...opts, ...checkpoint }
        )
  if (!result.ok) {
    db.close()
    return result
  }
  return { ok: true, value: { ledger: result.value, db, batches: batches.length } }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = mkdtempSync(join(tmpdir(), "jiceng-journal-"))
  const file = join(dir, "ledger.db")
  try {
    const first = getOrThrow(openDurableLedger(file))
    getOrThrow(
      first.ledger.createAccounts([
        { id: "time-bank", unit: "min" },
        { id: "vol-1", unit: "min", debitsMustNotExceedCredits: true, maxCreditBalance: 90_000 },
        { id: "elder-1", unit: "min", debitsMustNotExceedCredits: true }
      ])
    )
    getOrThrow(
      first.ledger.createTransfers([
        { id: "rec-1", debitAccountId: "time-bank", creditAccountId: "vol-1", amount: 120 }
      ])
    )
    getOrThrow(
      first.ledger.createTransfers([{ id: "gift-1", debitAccountId: "vol-1", creditAccountId: "elder-1", amount: 60 }])
    )
    const head = first.ledger.head()
    // The checkpoint an operator keeps elsewhere (another disk, a signed daily digest).
    const checkpoint = { expectHead: head, expectSeq: first.ledger.log().length - 1 }
    first.db.close()

    const second = getOrThrow(openDurableLedger(file))
    console.log(`reopened: ${second.batches} batches replayed, head ${second.ledger.head().slice(0, 16)}…`)
    assert.equal(second.ledger.head(), head)
    assert.equal(second.ledger.account("vol-1")?.balance, 60)
    assert.equal(second.ledger.account("elder-1")?.balance, 60)
    assert.ok(second.ledger.verify().ok)
    assert.ok(getOrThrow(openDurableLedger(file, { checkpoint })).ledger.verify().ok)

    // Deleting the last batch leaves an intact, shorter chain: only the checkpoint notices.
    const copy = join(dir, "copy.db")
    second.db.exec(`VACUUM INTO '${copy}'`)
    const cut = new DatabaseSync(copy)
    cut.exec("DELETE FROM batches WHERE seq = (SELECT max(seq) FROM batches)")
    cut.close()
    const cutOpen = openDurableLedger(copy)
    assert.equal(cutOpen.ok, true)
    cutOpen.value.db.close()
    const cutChecked = openDurableLedger(copy, { checkpoint })
    assert.equal(cutChecked.ok, false)
    console.log("truncated journal:", cutChecked.error.issues[0].code, "—", cutChecked.error.issues[0].message.zh)

    // Tampering with the file is detected on the next start.
    second.db.exec(`UPDATE batches SET events = replace(events, '"amount":60', '"amount":6000') WHERE seq = 2`)
    second.db.close()
    const tampered = openDurableLedger(file)
    assert.equal(tampered.ok, false)
    console.log("tampered journal:", tampered.error.issues[0].code, "—", tampered.error.issues[0].message.zh)
    console.log("balances:", { "vol-1": 60, "elder-1": 60 }, "verify ok")
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
