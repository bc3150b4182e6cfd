import { createHash } from "node:crypto"
import { getOrThrow } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { createLedger, type Ledger, restoreLedger } from "./createLedger.ts"

const setup = (clock?: () => number): Ledger => {
  const ledger = getOrThrow(createLedger(clock ? { clock } : {}))
  getOrThrow(
    ledger.createAccounts([
      { id: "fund", unit: "min" },
      { id: "alice", unit: "min", debitsMustNotExceedCredits: true },
      { id: "bob", unit: "min", debitsMustNotExceedCredits: true, maxCreditBalance: 90_000 },
      { id: "shop", unit: "pts" }
    ])
  )
  return ledger
}
const codes = (ledger: Ledger, batch: unknown) => getOrThrow(ledger.createTransfers(batch)).results.map((r) => r.code)

describe("createLedger: transfers and limits", () => {
  it("moves value double-entry and refuses to overdraw a never-negative account", () => {
    const l = setup()
    expect(codes(l, [{ id: "t1", debitAccountId: "fund", creditAccountId: "alice", amount: 120 }])).toEqual(["created"])
    expect(l.account("alice")?.balance).toBe(120)
    expect(l.account("fund")?.balance).toBe(-120)
    expect(codes(l, [{ id: "t2", debitAccountId: "alice", creditAccountId: "fund", amount: 121 }])).toEqual([
      "exceeds_credits"
    ])
    expect(codes(l, [{ id: "t3", debitAccountId: "alice", creditAccountId: "fund", amount: 120 }])).toEqual(["created"])
    expect(l.account("alice")?.balance).toBe(0)
  })

  it("enforces a storage cap (Nanjing: 1,500 h = 90,000 min)", () => {
    const l = setup()
    expect(codes(l, [{ id: "a", debitAccountId: "fund", creditAccountId: "bob", amount: 89_940 }])).toEqual(["created"])
    expect(codes(l, [{ id: "b", debitAccountId: "fund", creditAccountId: "bob", amount: 61 }])).toEqual([
      "exceeds_credit_cap"
    ])
    expect(codes(l, [{ id: "c", debitAccountId: "fund", creditAccountId: "bob", amount: 60 }])).toEqual(["created"])
  })

  it("refuses unknown accounts and mixed units, per event", () => {
    const l = setup()
    expect(
      codes(l, [
        { id: "x1", debitAccountId: "nobody", creditAccountId: "alice", amount: 1 },
        { id: "x2", debitAccountId: "fund", creditAccountId: "nobody", amount: 1 },
        { id: "x3", debitAccountId: "fund", creditAccountId: "shop", amount: 1 }
      ])
    ).toEqual(["debit_account_not_found", "credit_account_not_found", "accounts_must_have_the_same_unit"])
  })
})

describe("createLedger: idempotency", () => {
  it("treats an identical retry as exists, a different one as a conflict, a failed id as failed forever", () => {
    const l = setup()
    const t = { id: "t1", debitAccountId: "fund", creditAccountId: "alice", amount: 50 }
    codes(l, [t])
    expect(codes(l, [t])).toEqual(["exists"])
    expect(l.account("alice")?.balance).toBe(50)
    const conflict = getOrThrow(l.createTransfers([{ ...t, amount: 51 }])).results[0]
    expect(conflict).toEqual({ code: "exists_with_different_fields", id: "t1", field: "amount" })
    expect(codes(l, [{ id: "f", debitAccountId: "alice", creditAccountId: "fund", amount: 60 }])).toEqual([
      "exceeds_credits"
    ])
    // Even once the balance would allow it, the failed id never succeeds.
    codes(l, [{ id: "t9", debitAccountId: "fund", creditAccountId: "alice", amount: 100 }])
    const again = getOrThrow(
      l.createTransfers([{ id: "f", debitAccountId: "alice", creditAccountId: "fund", amount: 60 }])
    ).results[0]
    expect(again).toEqual({ code: "id_already_failed", id: "f", originalCode: "exceeds_credits" })
    expect(l.account("alice")?.balance).toBe(150)
  })

  it("sees a duplicate id inside one batch as exists", () => {
    const l = setup()
    const t = { id: "d", debitAccountId: "fund", creditAccountId: "alice", amount: 5 }
    expect(codes(l, [t, t])).toEqual(["created", "exists"])
    expect(l.account("alice")?.balance).toBe(5)
  })
})

describe("createLedger: linked chains", () => {
  it("applies a chain all or nothing", () => {
    const l = setup()
    codes(l, [{ id: "seed", debitAccountId: "fund", creditAccountId: "alice", amount: 100 }])
    const r = codes(l, [
      { id: "c1", debitAccountId: "alice", creditAccountId: "bob", amount: 60, linked: true },
      { id: "c2", debitAccountId: "alice", creditAccountId: "bob", amount: 60, linked: true },
      { id: "c3", debitAccountId: "fund", creditAccountId: "bob", amount: 1 },
      { id: "after", debitAccountId: "fund", creditAccountId: "bob", amount: 2 }
    ])
    expect(r).toEqual(["linked_event_failed", "exceeds_credits", "linked_event_failed", "created"])
    expect(l.account("alice")?.balance).toBe(100)
    expect(l.account("bob")?.balance).toBe(2)
    // c1 and c3 were not burnt: they can be resubmitted; c2 failed for real.
    expect(codes(l, [{ id: "c1", debitAccountId: "alice", creditAccountId: "bob", amount: 60 }])).toEqual(["created"])
    expect(l.verify().ok).toBe(true)
  })

  it("rejects a batch whose last event leaves a chain open, applying nothing", () => {
    const l = setup()
    const r = l.createTransfers([
      { id: "o1", debitAccountId: "fund", creditAccountId: "alice", amount: 1 },
      { id: "o2", debitAccountId: "fund", creditAccountId: "alice", amount: 1, linked: true }
    ])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.issues[0]?.code).toBe("linked_event_chain_open")
    expect(l.account("alice")?.balance).toBe(0)
  })
})

describe("createLedger: two-phase transfers", () => {
  it("posts part of a pending transfer and releases the rest", () => {
    const l = setup()
    codes(l, [{ id: "seed", debitAccountId: "fund", creditAccountId: "alice", amount: 100 }])
    codes(l, [{ id: "p", kind: "pending", debitAccountId: "alice", creditAccountId: "fund", amount: 80 }])
    expect(l.account("alice")?.available).toBe(20)
    // The reservation counts against the limit.
    expect(codes(l, [{ id: "q", debitAccountId: "alice", creditAccountId: "fund", amount: 21 }])).toEqual([
      "exceeds_credits"
    ])
    const post = getOrThrow(l.createTransfers([{ id: "pp", kind: "post", pendingId: "p", amount: 50 }])).results[0]
    expect(post).toMatchObject({ code: "created", amount: 50 })
    const a = l.account("alice")
    expect([a?.balance, a?.debitsPending, a?.available]).toEqual([50, 0, 50])
    expect(codes(l, [{ id: "pv", kind: "void", pendingId: "p" }])).toEqual(["pending_transfer_already_posted"])
  })

  it("expires a pending transfer on the injected clock, after which it cannot be posted", () => {
    let now = 1_000
    const l = setup(() => now)
    codes(l, [{ id: "seed", debitAccountId: "fund", creditAccountId: "alice", amount: 100 }])
    codes(l, [
      { id: "p", kind: "pending", debitAccountId: "alice", creditAccountId: "fund", amount: 70, timeoutMs: 500 }
    ])
    now = 1_499
    getOrThrow(l.tick())
    expect(l.transfer("p")?.status).toBe("pending")
    now = 1_500
    getOrThrow(l.tick())
    expect(l.transfer("p")?.status).toBe("expired")
    expect(l.account("alice")?.available).toBe(100)
    expect(codes(l, [{ id: "pp", kind: "post", pendingId: "p" }])).toEqual(["pending_transfer_expired"])
    expect(l.verify().ok).toBe(true)
  })

  it("voids, and refuses a second resolution or an amount larger than reserved", () => {
    const l = setup()
    codes(l, [{ id: "p", kind: "pending", debitAccountId: "fund", creditAccountId: "alice", amount: 10 }])
    expect(codes(l, [{ id: "x", kind: "post", pendingId: "p", amount: 11 }])).toEqual([
      "exceeds_pending_transfer_amount"
    ])
    expect(codes(l, [{ id: "v", kind: "void", pendingId: "p" }])).toEqual(["created"])
    expect(codes(l, [{ id: "v2", kind: "post", pendingId: "p" }])).toEqual(["pending_transfer_already_voided"])
    expect(l.account("alice")?.creditsPending).toBe(0)
  })
})

describe("createLedger: corrections", () => {
  it("reverses with a reason and a replacement, never editing history", () => {
    const l = setup()
    codes(l, [{ id: "t1", debitAccountId: "fund", creditAccountId: "alice", amount: 120, ref: "rec-7" }])
    const r = getOrThrow(
      l.correct({
        id: "t1-rev",
        reverses: "t1",
        reason: "hours entered as 2 h instead of 1.5 h",
        replacement: { id: "t1-fix", debitAccountId: "fund", creditAccountId: "alice", amount: 90, ref: "rec-7" }
      })
    )
    expect(r.results.map((x) => x.code)).toEqual(["created", "created"])
    expect(l.account("alice")?.balance).toBe(90)
    expect(l.transfer("t1")?.amount).toBe(120)
    expect(l.transfer("t1")?.reversed).toBe(120)
    expect(l.transfer("t1-rev")?.reason).toBe("hours entered as 2 h instead of 1.5 h")
    const twice = l.correct({ id: "t1-rev2", reverses: "t1", reason: "again" })
    expect(twice.ok).toBe(false)
    expect(
      codes(l, [
        { id: "bad", debitAccountId: "fund", creditAccountId: "alice", amount: 1, reverses: "t1-fix", reason: "x" }
      ])
    ).toEqual(["reversal_must_swap_accounts"])
  })

  it("answers a retried correction with its original outcome, not a second reversal", () => {
    const l = setup()
    codes(l, [{ id: "t1", debitAccountId: "fund", creditAccountId: "alice", amount: 50 }])
    const c = { id: "c1", reverses: "t1", reason: "typo" }
    expect(getOrThrow(l.correct(c)).results.map((r) => r.code)).toEqual(["created"])
    const retry = getOrThrow(l.correct(c)).results[0]
    expect(retry).toMatchObject({ code: "exists", amount: 50 })
    expect(getOrThrow(l.correct({ ...c, reason: "other" })).results[0]).toMatchObject({
      code: "exists_with_different_fields",
      field: "reason"
    })
    expect(l.account("alice")?.balance).toBe(0)

    // After a partial reversal, the defaulted amount (what was left: 40) is what a retry must match.
    codes(l, [{ id: "t2", debitAccountId: "fund", creditAccountId: "alice", amount: 50 }])
    getOrThrow(l.correct({ id: "c3", reverses: "t2", reason: "x", amount: 10 }))
    const full = { id: "c4", reverses: "t2", reason: "y" }
    expect(getOrThrow(l.correct(full)).results[0]).toMatchObject({ code: "created", amount: 40 })
    expect(getOrThrow(l.correct(full)).results[0]).toMatchObject({ code: "exists", amount: 40 })
    expect(getOrThrow(l.correct({ ...full, amount: 30 })).results[0]).toMatchObject({
      code: "exists_with_different_fields",
      field: "amount"
    })

    // With a replacement: both events of the chain answer exists.
    codes(l, [{ id: "t5", debitAccountId: "fund", creditAccountId: "alice", amount: 30 }])
    const withFix = {
      id: "c5",
      reverses: "t5",
      reason: "wrong",
      replacement: { id: "t5b", debitAccountId: "fund", creditAccountId: "alice", amount: 20 }
    }
    expect(getOrThrow(l.correct(withFix)).results.map((r) => r.code)).toEqual(["created", "created"])
    expect(getOrThrow(l.correct(withFix)).results.map((r) => r.code)).toEqual(["exists", "exists"])
    expect(l.account("alice")?.balance).toBe(20)

    // A failed correction stays failed: id_already_failed, even once the balance would allow it.
    codes(l, [{ id: "spend", debitAccountId: "alice", creditAccountId: "fund", amount: 15 }])
    const tooMuch = { id: "c6", reverses: "t5b", reason: "z" }
    expect(getOrThrow(l.correct(tooMuch)).results[0]?.code).toBe("exceeds_credits")
    codes(l, [{ id: "top-up", debitAccountId: "fund", creditAccountId: "alice", amount: 100 }])
    expect(getOrThrow(l.correct(tooMuch)).results[0]).toMatchObject({
      code: "id_already_failed",
      originalCode: "exceeds_credits"
    })
    expect(l.verify().ok).toBe(true)
  })

  it("checks limits on reversals too (the volunteer already spent the points)", () => {
    const l = setup()
    codes(l, [{ id: "t1", debitAccountId: "fund", creditAccountId: "alice", amount: 100 }])
    codes(l, [{ id: "spend", debitAccountId: "alice", creditAccountId: "fund", amount: 90 }])
    const r = getOrThrow(l.correct({ id: "rev", reverses: "t1", reason: "duplicate record" }))
    expect(r.results[0]?.code).toBe("exceeds_credits")
    expect(l.account("alice")?.balance).toBe(10)
  })
})

describe("createLedger: bad input", () => {
  it.each([
    [[{ id: "s", debitAccountId: "fund", creditAccountId: "fund", amount: 1 }], "accounts_must_be_different"],
    [[{ id: "s", debitAccountId: "fund", creditAccountId: "alice", amount: 1.5 }], "invalid_type"],
    [[{ id: "s", debitAccountId: "fund", creditAccountId: "alice", amount: 2 ** 53 }], "too_big"],
    [[{ id: "s", debitAccountId: "fund", creditAccountId: "alice", amount: -3 }], "too_small"],
    [[{ id: "s", kind: "post", debitAccountId: "fund" }], "missing_pending_id"],
    [[{ id: "s", debitAccountId: "fund", creditAccountId: "alice", amount: 1, colour: "red" }], "unrecognized_keys"]
  ])("rejects %j as a whole with a typed, bilingual issue", (batch, code) => {
    const l = setup()
    const before = l.head()
    const r = l.createTransfers([{ id: "ok", debitAccountId: "fund", creditAccountId: "alice", amount: 1 }, ...batch])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error._tag).toBe("InvalidInputError")
      expect(r.error.issues.map((i) => i.code)).toContain(code)
      expect(r.error.issues[0]?.path[0]).toBe(1)
      expect(r.error.issues[0]?.message.zh.length).toBeGreaterThan(0)
    }
    expect(l.head()).toBe(before)
    expect(l.account("alice")?.balance).toBe(0)
  })

  it("rolls a batch back when the journal write fails", () => {
    let fail = false
    const ledger = getOrThrow(
      createLedger({
        onCommit: () => {
          if (fail) throw new Error("disk full")
        }
      })
    )
    getOrThrow(
      ledger.createAccounts([
        { id: "a", unit: "u" },
        { id: "b", unit: "u" }
      ])
    )
    fail = true
    const r = ledger.createTransfers([{ id: "t", debitAccountId: "a", creditAccountId: "b", amount: 5 }])
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error._tag).toBe("JournalError")
    expect(ledger.account("b")?.balance).toBe(0)
    expect(ledger.transfer("t")).toBeUndefined()
    fail = false
    expect(
      getOrThrow(ledger.createTransfers([{ id: "t", debitAccountId: "a", creditAccountId: "b", amount: 5 }])).results[0]
        ?.code
    ).toBe("created")
  })

  it("rolls back the accounts of a failed journal write, units included", () => {
    let fail = false
    const ledger = getOrThrow(
      createLedger({
        onCommit: () => {
          if (fail) throw new Error("disk full")
        }
      })
    )
    getOrThrow(ledger.createAccounts([{ id: "a", unit: "u" }]))
    fail = true
    const r = ledger.createAccounts([
      { id: "g1", unit: "ghost" },
      { id: "a2", unit: "u" }
    ])
    expect(!r.ok && r.error._tag).toBe("JournalError")
    expect(ledger.account("g1")).toBeUndefined()
    expect(getOrThrow(ledger.verify()).units.map((u) => u.unit)).toEqual(["u"])
    fail = false
    getOrThrow(ledger.createAccounts([{ id: "b", unit: "v" }]))
    expect(getOrThrow(ledger.verify()).units.map((u) => u.unit)).toEqual(["u", "v"])
    const restored = getOrThrow(restoreLedger(ledger.snapshot()))
    expect(getOrThrow(restored.verify()).units).toEqual(getOrThrow(ledger.verify()).units)
  })

  it("clamps a clock that goes backwards", () => {
    const times = [100, 150, 50, 200] // the first is read by setup()'s createAccounts
    const l = setup(() => times.shift() ?? 0)
    const ts = [1, 2, 3].map(
      (i) =>
        getOrThrow(l.createTransfers([{ id: `t${i}`, debitAccountId: "fund", creditAccountId: "alice", amount: 1 }]))
          .timestamp
    )
    expect(ts).toEqual([150, 150, 200])
  })
})

describe("createLedger: the SHA-256 behind the chain", () => {
  it("accepts the platform's, the built-in one or node:crypto's createHash, and rejects anything else", () => {
    for (const sha256 of ["platform", "built-in", () => createHash("sha256")] as const)
      expect(createLedger({ sha256 }).ok).toBe(true)
    // What counts as a SHA-256 factory is core's isPlatformSha256, tested there.
    for (const sha256 of [() => createHash("sha1"), "sha256", "native"]) {
      const r = createLedger({ sha256 } as never)
      expect(!r.ok && r.error.issues[0]).toMatchObject({ path: ["sha256"], code: "invalid_option" })
    }
    const r = restoreLedger({ format: "jiceng-ledger/1", batches: [], head: "0".repeat(64) }, { sha256: 1 } as never)
    expect(!r.ok && r.error.issues[0]?.path).toEqual(["sha256"])
  })
  it("is used for replays inside verify() and restore, with the same hashes", () => {
    let calls = 0
    const sha256 = () => {
      calls++
      return createHash("sha256")
    }
    const l = getOrThrow(createLedger({ sha256 }))
    getOrThrow(
      l.createAccounts([
        { id: "a", unit: "pts" },
        { id: "b", unit: "pts" }
      ])
    )
    getOrThrow(l.createTransfers([{ id: "t", debitAccountId: "a", creditAccountId: "b", amount: 5 }]))
    const plain = getOrThrow(restoreLedger(l.snapshot(), { sha256: "built-in" }))
    expect(plain.head()).toBe(l.head())
    const before = calls
    expect(l.verify().ok).toBe(true)
    expect(calls).toBeGreaterThan(before)
    expect(getOrThrow(restoreLedger(plain.snapshot(), { sha256 })).head()).toBe(l.head())
  })
})

describe("createLedger: snapshot, restore, tamper evidence", () => {
  const build = () => {
    const l = setup()
    codes(l, [{ id: "t1", debitAccountId: "fund", creditAccountId: "alice", amount: 40 }])
    codes(l, [{ id: "p", kind: "pending", debitAccountId: "alice", creditAccountId: "fund", amount: 10 }])
    return l
  }
  it("restores exactly", () => {
    const l = build()
    const r = getOrThrow(restoreLedger(JSON.parse(JSON.stringify(l.snapshot()))))
    expect(r.accounts()).toEqual(l.accounts())
    expect(r.transfers()).toEqual(l.transfers())
    expect(r.head()).toBe(l.head())
  })
  it("detects an edited amount, a dropped batch and a forged head", () => {
    const l = build()
    const snap = JSON.parse(JSON.stringify(l.snapshot()))
    snap.batches[1].events[0].amount = 4000
    const edited = restoreLedger(snap)
    expect(edited.ok).toBe(false)
    if (!edited.ok) expect(edited.error.issues[0]?.code).toBe("hash_mismatch")
    const dropped = JSON.parse(JSON.stringify(l.snapshot()))
    dropped.batches.splice(1, 1)
    expect(restoreLedger(dropped).ok).toBe(false)
    const forged = { ...l.snapshot(), head: "f".repeat(64) }
    const f = restoreLedger(forged)
    expect(!f.ok && f.error.issues[0]?.code).toBe("head_mismatch")
  })
  it("detects a truncated tail only against an external checkpoint", () => {
    const l = build()
    const seq = l.log().length - 1
    const checkpoint = { expectHead: l.head(), expectSeq: seq }
    // Cut the last batch and rewrite head: the remaining chain is intact, so this alone passes.
    const cut = JSON.parse(JSON.stringify(l.snapshot()))
    cut.batches.pop()
    cut.head = cut.batches[cut.batches.length - 1].hash
    expect(restoreLedger(cut).ok).toBe(true)
    const r1 = restoreLedger(cut, checkpoint)
    expect(!r1.ok && r1.error.issues[0]?.code).toBe("log_truncated")
    const r2 = restoreLedger(cut, { expectHead: l.head() })
    expect(!r2.ok && r2.error.issues[0]?.code).toBe("checkpoint_mismatch")
    // The checkpoint may be older than the log: later batches are fine, the named one must match.
    expect(restoreLedger(l.snapshot(), checkpoint).ok).toBe(true)
    codes(l, [{ id: "t9", debitAccountId: "fund", creditAccountId: "alice", amount: 1 }])
    expect(restoreLedger(l.snapshot(), checkpoint).ok).toBe(true)
    const wrong = restoreLedger(l.snapshot(), { expectHead: "a".repeat(64), expectSeq: seq })
    expect(!wrong.ok && wrong.error.issues[0]?.path).toEqual(["batches", seq, "hash"])
    const bad = restoreLedger(l.snapshot(), { expectHead: "nope", expectSeq: -1 })
    expect(!bad.ok && bad.error.issues[0]?.code).toBe("invalid_option")
  })
})
