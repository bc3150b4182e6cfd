// A deterministic simulation in the spirit of TigerBeetle's VOPR: a seeded workload with
// duplicates, reordering, linked chains, pending timeouts, reversals, clock skew, journal
// failures and crashes (the process is dropped and rebuilt from its journal), checked event
// by event against an independent auditor model written without the engine's undo log or
// struct-of-arrays. The seed is printed on failure.
import { createRng, getOrThrow, type Rng } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { createLedger, type Ledger, type LogBatch, restoreLedger } from "./createLedger.ts"
import type { AccountInput, TransferInput, TransferResult } from "./LedgerModel.ts"

interface MAccount {
  unit: string
  dmnec: boolean
  cmned: boolean
  maxC: number | undefined
  maxD: number | undefined
  dp: number
  dq: number
  cp: number
  cq: number
}
interface MTransfer {
  input: TransferInput
  kind: string
  debit: string
  credit: string
  eff: number
  status: "pending" | "posted" | "voided" | "expired" | undefined
  reversed: number
  expiresAt: number
  ts: number
}
type Expect = { code: string; field?: string; originalCode?: string; amount?: number }

/** The auditor: a plain, copy-on-write model of the documented semantics. */
class Model {
  accounts = new Map<string, MAccount>()
  transfers = new Map<string, MTransfer>()
  failed = new Map<string, string>()
  /** Pending transfers with a timeout that may still be pending. */
  timed = new Set<string>()
  lastTs = 0
  // Overlay for the event or chain being tried.
  private oa = new Map<string, MAccount>()
  private ot = new Map<string, MTransfer>()
  private of = new Map<string, string>()

  private acc(id: string): MAccount | undefined {
    return this.oa.get(id) ?? this.accounts.get(id)
  }
  private accW(id: string): MAccount {
    let a = this.oa.get(id)
    if (!a) {
      a = { ...this.accounts.get(id)! }
      this.oa.set(id, a)
    }
    return a
  }
  private tr(id: string): MTransfer | undefined {
    return this.ot.get(id) ?? this.transfers.get(id)
  }
  private trW(id: string): MTransfer {
    let t = this.ot.get(id)
    if (!t) {
      t = { ...this.transfers.get(id)! }
      this.ot.set(id, t)
    }
    return t
  }
  private commit(): void {
    for (const [k, v] of this.oa) this.accounts.set(k, v)
    for (const [k, v] of this.ot) {
      this.transfers.set(k, v)
      if (v.status === "pending" && v.expiresAt > 0) this.timed.add(k)
    }
    for (const [k, v] of this.of) this.failed.set(k, v)
    this.discard()
  }
  private discard(): void {
    this.oa = new Map()
    this.ot = new Map()
    this.of = new Map()
  }

  addAccounts(list: ReadonlyArray<AccountInput>): void {
    for (const a of list)
      if (!this.accounts.has(a.id))
        this.accounts.set(a.id, {
          unit: a.unit,
          dmnec: a.debitsMustNotExceedCredits === true,
          cmned: a.creditsMustNotExceedDebits === true,
          maxC: a.maxCreditBalance,
          maxD: a.maxDebitBalance,
          dp: 0,
          dq: 0,
          cp: 0,
          cq: 0
        })
  }

  /** Whether a batch at `ts` would be logged (non-empty, or a pending transfer falls due). */
  logs(events: ReadonlyArray<TransferInput>, ts: number): boolean {
    if (events.length > 0) return true
    for (const id of this.timed) {
      const t = this.transfers.get(id)!
      if (t.status === "pending" && t.expiresAt <= ts) return true
    }
    return false
  }

  expire(ts: number): void {
    for (const id of [...this.timed]) {
      const t = this.transfers.get(id)!
      if (t.status !== "pending") this.timed.delete(id)
      else if (t.expiresAt <= ts) {
        this.timed.delete(id)
        const d = this.accW(t.debit)
        const c = this.accW(t.credit)
        d.dp -= t.eff
        c.cp -= t.eff
        this.trW(id).status = "expired"
      }
    }
    this.commit()
  }

  private same(a: TransferInput, b: TransferInput): string | undefined {
    const keys = [
      "kind",
      "debitAccountId",
      "creditAccountId",
      "amount",
      "pendingId",
      "timeoutMs",
      "code",
      "ref",
      "reverses",
      "reason",
      "linked"
    ] as const
    const norm = (t: TransferInput, k: (typeof keys)[number]) =>
      k === "kind" ? (t.kind ?? "transfer") : k === "code" ? (t.code ?? 0) : k === "linked" ? t.linked === true : t[k]
    for (const k of keys) if (norm(a, k) !== norm(b, k)) return k
    return undefined
  }

  private one(t: TransferInput, ts: number): Expect {
    const prior = this.tr(t.id)
    if (prior) {
      const f = this.same(prior.input, t)
      return f === undefined
        ? { code: "exists", amount: prior.eff }
        : { code: "exists_with_different_fields", field: f }
    }
    const failed = this.of.get(t.id) ?? this.failed.get(t.id)
    if (failed !== undefined) return { code: "id_already_failed", originalCode: failed }
    const kind = t.kind ?? "transfer"
    if (kind === "transfer" || kind === "pending") {
      const d = this.acc(t.debitAccountId!)
      if (!d) return { code: "debit_account_not_found" }
      const c = this.acc(t.creditAccountId!)
      if (!c) return { code: "credit_account_not_found" }
      if (d.unit !== c.unit) return { code: "accounts_must_have_the_same_unit" }
      const amt = t.amount!
      if (t.reverses !== undefined) {
        const o = this.tr(t.reverses)
        if (!o) return { code: "reversed_transfer_not_found" }
        if (o.kind !== "transfer" && o.kind !== "post") return { code: "reversed_transfer_not_reversible" }
        if (o.debit !== t.creditAccountId || o.credit !== t.debitAccountId)
          return { code: "reversal_must_swap_accounts" }
        if (o.reversed + amt > o.eff) return { code: "reversal_exceeds_original" }
      }
      if (d.dp + d.dq + amt > Number.MAX_SAFE_INTEGER || c.cp + c.cq + amt > Number.MAX_SAFE_INTEGER)
        return { code: "overflow" }
      if (d.dmnec && d.dp + d.dq + amt > d.cq) return { code: "exceeds_credits" }
      if (d.maxD !== undefined && d.dp + d.dq + amt - d.cq > d.maxD) return { code: "exceeds_debit_cap" }
      if (c.cmned && c.cp + c.cq + amt > c.dq) return { code: "exceeds_debits" }
      if (c.maxC !== undefined && c.cp + c.cq + amt - c.dq > c.maxC) return { code: "exceeds_credit_cap" }
      const dw = this.accW(t.debitAccountId!)
      const cw = this.accW(t.creditAccountId!)
      if (kind === "transfer") {
        dw.dq += amt
        cw.cq += amt
      } else {
        dw.dp += amt
        cw.cp += amt
      }
      if (t.reverses !== undefined) this.trW(t.reverses).reversed += amt
      this.ot.set(t.id, {
        input: t,
        kind,
        debit: t.debitAccountId!,
        credit: t.creditAccountId!,
        eff: amt,
        status: kind === "pending" ? "pending" : undefined,
        reversed: 0,
        expiresAt: kind === "pending" && (t.timeoutMs ?? 0) > 0 ? ts + t.timeoutMs! : 0,
        ts
      })
      return { code: "created", amount: amt }
    }
    const p = this.tr(t.pendingId!)
    if (!p) return { code: "pending_transfer_not_found" }
    if (p.kind !== "pending") return { code: "pending_transfer_not_pending" }
    if (p.status === "posted") return { code: "pending_transfer_already_posted" }
    if (p.status === "voided") return { code: "pending_transfer_already_voided" }
    if (p.status === "expired") return { code: "pending_transfer_expired" }
    if (t.debitAccountId !== undefined && t.debitAccountId !== p.debit)
      return { code: "pending_transfer_has_different_debit_account" }
    if (t.creditAccountId !== undefined && t.creditAccountId !== p.credit)
      return { code: "pending_transfer_has_different_credit_account" }
    let amt = p.eff
    if (kind === "post" && t.amount !== undefined) {
      if (t.amount > p.eff) return { code: "exceeds_pending_transfer_amount" }
      amt = t.amount
    }
    if (kind === "void" && t.amount !== undefined && t.amount !== p.eff)
      return { code: "pending_transfer_has_different_amount" }
    const d = this.accW(p.debit)
    const c = this.accW(p.credit)
    d.dp -= p.eff
    c.cp -= p.eff
    if (kind === "post") {
      d.dq += amt
      c.cq += amt
    }
    this.trW(t.pendingId!).status = kind === "post" ? "posted" : "voided"
    this.ot.set(t.id, {
      input: t,
      kind,
      debit: p.debit,
      credit: p.credit,
      eff: amt,
      status: undefined,
      reversed: 0,
      expiresAt: 0,
      ts
    })
    return { code: "created", amount: amt }
  }

  batch(events: ReadonlyArray<TransferInput>, ts: number): Array<Expect> {
    this.expire(ts)
    const out: Array<Expect> = []
    let i = 0
    while (i < events.length) {
      let j = i
      while (events[j]!.linked === true) j++
      const chain = events.slice(i, j + 1)
      const res: Array<Expect> = []
      let failedAt = -1
      for (let k = 0; k < chain.length; k++) {
        const r = this.one(chain[k]!, ts)
        res.push(r)
        if (r.code !== "created" && r.code !== "exists") {
          failedAt = k
          break
        }
      }
      if (failedAt < 0) {
        this.commit()
        out.push(...res)
      } else {
        this.discard()
        const code = res[failedAt]!.code
        const burns = !["exists_with_different_fields", "id_already_failed", "linked_event_failed"].includes(code)
        if (burns) this.failed.set(chain[failedAt]!.id, code)
        for (let k = 0; k < chain.length; k++) out.push(k === failedAt ? res[k]! : { code: "linked_event_failed" })
      }
      i = j + 1
    }
    return out
  }
}

const simplify = (r: TransferResult): Expect => {
  const o: Expect = { code: r.code }
  if ("field" in r) o.field = r.field
  if ("originalCode" in r) o.originalCode = r.originalCode
  if ("amount" in r) o.amount = r.amount
  return o
}

interface SimStats {
  events: number
  batches: number
  crashes: number
  journalFailures: number
  created: number
}

const simulate = (seed: number, targetEvents: number): SimStats => {
  const rng: Rng = createRng(seed)
  const model = new Model()
  const journal: Array<LogBatch> = []
  let failJournal = false
  let now = 1_000
  const clock = () => now + (rng.chance(0.1) ? rng.int(-5_000, 0) : 0) // skew
  const options = {
    clock,
    onCommit: (b: LogBatch) => {
      if (failJournal) throw new Error("simulated crash during write")
      journal.push(b)
    }
  }
  let ledger: Ledger = getOrThrow(createLedger(options))
  const stats: SimStats = { events: 0, batches: 0, crashes: 0, journalFailures: 0, created: 0 }

  // Accounts: a few units, some limited, some capped; a couple of ids never created.
  const accounts: Array<AccountInput> = []
  for (let i = 0; i < 40; i++) {
    const a: AccountInput = { id: `a${i}`, unit: i % 7 === 6 ? "min" : "pts" }
    if (i % 3 !== 0) (a as { debitsMustNotExceedCredits?: boolean }).debitsMustNotExceedCredits = true
    if (i % 11 === 5) (a as { maxCreditBalance?: number }).maxCreditBalance = 500
    if (i === 9) (a as { creditsMustNotExceedDebits?: boolean }).creditsMustNotExceedDebits = true
    accounts.push(a)
  }
  const first = getOrThrow(ledger.createAccounts(accounts))
  model.addAccounts(accounts)
  model.lastTs = first.timestamp
  const ids = [...accounts.map((a) => a.id), "ghost-1", "ghost-2"]
  const sent: Array<TransferInput> = []
  const pendings: Array<string> = []
  const moves: Array<TransferInput> = []
  let next = 0

  const fresh = (): TransferInput => {
    const id = `t${seed}-${next++}`
    const roll = rng.float()
    const debit = rng.pick(ids)
    let credit = rng.pick(ids)
    if (credit === debit) credit = debit === "a0" ? "a1" : "a0"
    if (roll < 0.5) return { id, debitAccountId: debit, creditAccountId: credit, amount: rng.int(1, 120) }
    if (roll < 0.65) {
      pendings.push(id)
      const t: TransferInput = {
        id,
        kind: "pending",
        debitAccountId: debit,
        creditAccountId: credit,
        amount: rng.int(1, 120)
      }
      return rng.chance(0.6) ? { ...t, timeoutMs: rng.int(1, 20_000) } : t
    }
    if (roll < 0.85 && pendings.length > 0) {
      const pendingId = rng.pick(pendings)
      if (rng.chance(0.5)) return { id, kind: "void", pendingId }
      return rng.chance(0.5)
        ? { id, kind: "post", pendingId }
        : { id, kind: "post", pendingId, amount: rng.int(1, 120) }
    }
    if (roll < 0.93 && moves.length > 0) {
      const o = rng.pick(moves)
      return {
        id,
        debitAccountId: o.creditAccountId!,
        creditAccountId: o.debitAccountId!,
        amount: rng.int(1, 120),
        reverses: o.id,
        reason: "simulated correction"
      }
    }
    return { id, debitAccountId: debit, creditAccountId: credit, amount: rng.int(1, 120), code: 7, ref: "r" }
  }

  while (stats.events < targetEvents) {
    // Build a batch of standalone events and chains, then maybe shuffle those units.
    const units: Array<Array<TransferInput>> = []
    const size = rng.int(0, 60)
    let count = 0
    while (count < size) {
      if (sent.length > 0 && rng.chance(0.15)) {
        // A retry: identical, or (rarely) the same id with a different amount.
        const old = rng.pick(sent)
        units.push([
          rng.chance(0.9) ? { ...old, linked: false } : { ...old, linked: false, amount: (old.amount ?? 1) + 1 }
        ])
        count++
        continue
      }
      const len = rng.chance(0.2) ? rng.int(2, 4) : 1
      const chain = Array.from({ length: len }, (_, k) => ({ ...fresh(), linked: k < len - 1 }))
      units.push(chain)
      count += len
    }
    const ordered = rng.chance(0.3) ? rng.shuffle(units) : units
    const events = ordered.flat().map((t) => {
      const { linked, ...rest } = t
      return linked ? t : (rest as TransferInput)
    })
    now += rng.int(0, 3_000)
    failJournal = rng.chance(0.02)
    const r = ledger.createTransfers(events)
    if (!r.ok) {
      if (r.error._tag !== "JournalError") throw new Error(`seed ${seed}: ${r.error.message}`)
      stats.journalFailures++
    } else if (r.value.seq !== undefined) {
      const ts = r.value.timestamp
      expect(ts).toBeGreaterThanOrEqual(model.lastTs)
      expect(model.logs(events, ts)).toBe(true)
      const want = model.batch(events, ts)
      model.lastTs = ts
      const got = r.value.results.map(simplify)
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        const k = got.findIndex((g, i) => JSON.stringify(g) !== JSON.stringify(want[i]))
        throw new Error(
          `seed ${seed}: batch ${stats.batches} event ${k} (${JSON.stringify(events[k])}): engine ${JSON.stringify(got[k])} vs auditor ${JSON.stringify(want[k])}`
        )
      }
      for (let k = 0; k < events.length; k++) {
        const g = got[k]!
        if (g.code === "created") {
          stats.created++
          const ev = events[k]!
          if ((ev.kind ?? "transfer") === "transfer") moves.push(ev)
        }
      }
      for (const ev of events) sent.push(ev)
      stats.batches++
    } else {
      expect(model.logs(events, r.value.timestamp)).toBe(false)
    }
    failJournal = false
    stats.events += events.length
    // Balances agree with the auditor after every batch.
    for (const [id, m] of model.accounts) {
      const a = ledger.account(id)!
      if (a.debitsPending !== m.dp || a.debitsPosted !== m.dq || a.creditsPending !== m.cp || a.creditsPosted !== m.cq)
        throw new Error(`seed ${seed}: account ${id} differs from the auditor after batch ${stats.batches}`)
    }
    if (stats.batches % 200 === 0) expect(ledger.verify({ mode: "state" }).ok).toBe(true)
    if (rng.chance(0.004)) {
      // Crash between batches: drop the process, rebuild from the journal alone.
      stats.crashes++
      ledger = getOrThrow(
        restoreLedger({ format: "jiceng-ledger/1", batches: journal, head: journal.at(-1)!.hash }, options)
      )
    }
  }
  const v = ledger.verify()
  if (!v.ok) throw new Error(`seed ${seed}: verify failed: ${v.error.message}`)
  return stats
}

describe("ledger simulation with an independent auditor", () => {
  it("agrees with the auditor on every result and balance over 1,000,000 operations", () => {
    const total = { events: 0, batches: 0, crashes: 0, journalFailures: 0, created: 0 }
    const base = Number(process.env.JICENG_SEED ?? 20_251_124)
    for (let run = 0; run < 10; run++) {
      const seed = base + run
      let s: SimStats
      try {
        s = simulate(seed, 100_000)
      } catch (e) {
        console.error(`ledger simulation failed; reproduce with JICENG_SEED=${base} (run seed ${seed})`)
        throw e
      }
      for (const k of Object.keys(total) as Array<keyof SimStats>) total[k] += s[k]
    }
    expect(total.events).toBeGreaterThanOrEqual(1_000_000)
    expect(total.crashes).toBeGreaterThan(0)
    expect(total.journalFailures).toBeGreaterThan(0)
    expect(total.created).toBeGreaterThan(100_000)
    console.log(`ledger simulation: ${JSON.stringify(total)}`)
  })
})
