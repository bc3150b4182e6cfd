// A community-points scheme made durable on SQLite (Node's built-in `node:sqlite`) with the
// points system's write-ahead journal: every operation with a valid input is INSERTed
// (synchronous=FULL) before it is applied; if the insert fails, nothing is applied and the
// call returns a JournalError. On start the rows are replayed with restorePointsSystem, which
// must rebuild the same ledger, hash for hash, as the head stored beside them.
//
// Run: pnpm --filter @jiceng/examples exec node volunteer-points/points-journal.mjs
import assert from "node:assert/strict"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DatabaseSync } from "node:sqlite"
import { pathToFileURL } from "node:url"
import { getOrThrow } from "@jiceng/core"
import { createPointsSystem, restorePointsSystem, schemes } from "@jiceng/volunteer-points"

/**
 * Opens (or creates) a points system stored in the SQLite file at `path`. The scheme and
 * options are stored on first open; later opens replay the operation rows.
 */
export const openDurablePoints = (path, scheme, options = {}) => {
  const db = new DatabaseSync(path)
  db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;")
  db.exec(`CREATE TABLE IF NOT EXISTS setup (id INTEGER PRIMARY KEY CHECK (id = 1), scheme TEXT NOT NULL, options TEXT NOT NULL);
           CREATE TABLE IF NOT EXISTS operations (seq INTEGER PRIMARY KEY AUTOINCREMENT, op TEXT NOT NULL, input TEXT NOT NULL);
           CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), ledger_head TEXT NOT NULL);`)
  const insert = db.prepare("INSERT INTO operations (op, input) VALUES (?, ?)")
  const onOperation = (o) => {
    insert.run(o.op, JSON.stringify(o.input))
  }
  const setup = db.prepare("SELECT scheme, options FROM setup WHERE id = 1").get()
  if (setup === undefined) {
    db.prepare("INSERT INTO setup (id, scheme, options) VALUES (1, ?, ?)").run(
      JSON.stringify(scheme),
      JSON.stringify(options)
    )
    const created = createPointsSystem(scheme, { ...options, onOperation })
    if (!created.ok) db.close()
    return created.ok ? { ok: true, value: { system: created.value, db } } : created
  }
  const operations = db
    .prepare("SELECT op, input FROM operations ORDER BY seq")
    .all()
    .map((r) => ({ op: r.op, input: JSON.parse(r.input) }))
  // With a checkpoint — the ledger head written by `checkpoint` below at a clean shutdown, after
  // the last journaled operation — the replay must reach exactly that head; without one (after
  // a crash) it is checked only against the rules.
  const saved = db.prepare("SELECT ledger_head FROM checkpoint WHERE id = 1").get()
  const restored = restorePointsSystem(
    {
      format: "jiceng-points/1",
      scheme: JSON.parse(setup.scheme),
      options: JSON.parse(setup.options),
      operations,
      ...(saved === undefined ? {} : { ledgerHead: saved.ledger_head })
    },
    { onOperation }
  )
  if (!restored.ok) db.close()
  return restored.ok ? { ok: true, value: { system: restored.value, db } } : restored
}

/** Stores the system's current ledger head as the checkpoint the next open must reach. */
export const checkpoint = (db, system) =>
  db
    .prepare(
      "INSERT INTO checkpoint (id, ledger_head) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET ledger_head = excluded.ledger_head"
    )
    .run(system.ledger.head())

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = mkdtempSync(join(tmpdir(), "jiceng-points-"))
  const file = join(dir, "points.db")
  const H = 3_600_000
  try {
    const scheme = schemes.kunshan[0].value
    const first = getOrThrow(openDurablePoints(file, scheme))
    getOrThrow(first.system.openHolders([{ id: "vol-1" }, { id: "vol-2" }]))
    getOrThrow(first.system.issue({ id: "grant-1", holder: "vol-1", amount: 1200, at: 0 }))
    getOrThrow(first.system.redeem({ id: "buy-1", holder: "vol-1", sku: "rice-5kg", at: H }))
    // A refused operation is journaled too.
    assert.equal(first.system.redeem({ id: "buy-2", holder: "vol-2", sku: "rice-5kg", at: 2 * H }).ok, false)
    checkpoint(first.db, first.system)
    const before = { balance: first.system.balance("vol-1"), stock: first.system.stock("rice-5kg") }
    first.db.close()

    // Restart: the journal replays to the same ledger head, balances, stock and refusals.
    const second = getOrThrow(openDurablePoints(file, scheme))
    assert.deepEqual({ balance: second.system.balance("vol-1"), stock: second.system.stock("rice-5kg") }, before)
    // buy-2 was refused before the restart; with points now on hand a retry of the same id is
    // still refused, because the refusal was journaled and replayed like any other outcome.
    getOrThrow(second.system.issue({ id: "grant-2", holder: "vol-2", amount: 1000, at: 3 * H }))
    assert.equal(second.system.redeem({ id: "buy-2", holder: "vol-2", sku: "rice-5kg", at: 2 * H }).ok, false)
    assert.equal(second.system.redeem({ id: "buy-3", holder: "vol-2", sku: "rice-5kg", at: 3 * H }).ok, true)
    assert.equal(second.system.verify().ok, true)
    getOrThrow(second.system.donate({ id: "give-1", holder: "vol-1", amount: 100, at: 4 * H }))
    checkpoint(second.db, second.system)
    second.db.close()

    // Tampering with a row that moved points is caught on the next open.
    const raw = new DatabaseSync(file)
    raw.prepare("UPDATE operations SET input = json_set(input, '$.amount', 9999) WHERE op = 'issue'").run()
    raw.close()
    const third = openDurablePoints(file, scheme)
    assert.equal(third.ok, false)
    console.log(`tampered journal: ${third.error.issues[0].code} — ${third.error.issues[0].message.zh}`)
    console.log("balances after restart:", before, "verify ok")
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
