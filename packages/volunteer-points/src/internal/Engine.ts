// The ledger state machine: accounts and the transfer log as struct-of-arrays, a batch log
// with a SHA-256 chain, and an undo list so linked chains (and whole batches whose journal
// write fails) roll back exactly. Everything here trusts its input: validation happens in
// createLedger.ts before any event reaches the engine.
//
// Every logged transfer event (created or refused) has a position in the log; its input and,
// once created, its state live in columns at that position. No object is kept per event: a
// replayed log of millions of events is a few dozen typed arrays and arrays of strings, which
// the garbage collector neither copies nor traces field by field.

import { type PlatformSha256, Sha256Hasher } from "@jiceng/core"
import type { AccountInput, AccountResult, TransferFailureCode, TransferResult } from "../LedgerModel.ts"
import {
  KIND_NAMES,
  KIND_PENDING,
  KIND_POST,
  KIND_TRANSFER,
  STATUS_EXPIRED,
  STATUS_NONE,
  STATUS_PENDING,
  STATUS_POSTED,
  STATUS_VOIDED,
  TRec
} from "./fastTransfer.ts"
import { IdTable } from "./IdTable.ts"

const F_DMNEC = 1
const F_CMNED = 2
const F_CREDIT_CAP = 4
const F_DEBIT_CAP = 8
const MAX = Number.MAX_SAFE_INTEGER
const NO_ACCOUNT = -1
const UNKNOWN = -2

export const GENESIS = "0".repeat(64)

/** One committed batch as kept in memory. */
export interface BatchRec {
  readonly seq: number
  readonly timestamp: number
  readonly kind: "accounts" | "transfers"
  readonly accounts: ReadonlyArray<AccountInput> | undefined
  /** A transfer batch's events are the log positions `from` (inclusive) to `to`. */
  readonly from: number
  readonly to: number
  readonly hash: string
}

/**
 * The rarely used part of a logged event: the fields of two-phase transfers, corrections and
 * references, and the state that only they need. Present only for events that use it.
 */
interface Extra {
  readonly pos: number
  readonly pendingId: string | undefined
  readonly timeoutMs: number | undefined
  readonly ref: string | undefined
  readonly reverses: string | undefined
  readonly reason: string | undefined
  /** Amount reversed so far by corrections of this transfer. */
  reversed: number
  /** For a pending transfer with a timeout: when it expires, and its order of creation. */
  expiresAt: number
  seq: number
  /** For post/void: the pending transfer resolved; for a reversal: the transfer reversed. */
  target: number
}

const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, n: number): T => {
  if (n <= a.length) return a
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2))
  b.set(a)
  return b
}

// A created transfer is undone by its position; expiries and burnt ids are rare.
type Undo = number | { readonly expired: number } | { readonly failed: string }

export class Engine {
  // Accounts, struct-of-arrays.
  nAcc = 0
  accIds: Array<string> = []
  accInputs: Array<AccountInput> = []
  accIndex = new Map<string, number>()
  units = new Map<string, number>()
  unitNames: Array<string> = []
  accUnit = new Int32Array(64)
  accFlags = new Uint8Array(64)
  accCode = new Uint16Array(64)
  accTs = new Float64Array(64)
  creditCap = new Float64Array(64)
  debitCap = new Float64Array(64)
  dPend = new Float64Array(64)
  dPost = new Float64Array(64)
  cPend = new Float64Array(64)
  cPost = new Float64Array(64)

  // The transfer log, by position: every logged event's input…
  nEv = 0
  evId: Array<string> = []
  /** The debit and credit accounts named, by index; NO_ACCOUNT if absent, UNKNOWN if not found. */
  evD = new Int32Array(1024)
  evC = new Int32Array(1024)
  /** The names of accounts not found when the event was logged (only refused events have them). */
  evUnknown = new Map<number, { readonly debit: string | undefined; readonly credit: string | undefined }>()
  /** The rare fields, for the events that have them. */
  evX = new Map<number, Extra>()
  /** The input amount, or -1 where the event has none (amounts are ≥ 1). */
  evAmount = new Float64Array(1024)
  evKind = new Uint8Array(1024)
  evLinked = new Uint8Array(1024)
  evCode = new Uint16Array(1024)
  // …and, for created transfers, their state. Every state column is 0 where no transfer was
  // created (and is reset to 0 when one is rolled back), so appending an event writes none
  // of them: fresh typed arrays are already zero.
  stStatus = new Uint8Array(1024)
  stD = new Int32Array(1024)
  stC = new Int32Array(1024)
  stEff = new Float64Array(1024)
  /** One more than the sequence number of the batch that created the transfer; 0 if none did. */
  stBatch = new Int32Array(1024)

  /** Created transfers: id → log position (see `created()` for them in order). */
  transfers = new IdTable(this.evId)
  failed = new Map<string, TransferFailureCode>()
  nTransfers = 0
  // Pending transfers with a timeout, as a binary min-heap on (expiresAt, seq). Entries are
  // never removed early: a popped entry whose transfer is no longer pending is skipped.
  heap: Array<Extra> = []
  private heapSeq = 0

  // Log.
  batches: Array<BatchRec> = []
  head = GENESIS
  lastTs = 0
  private readonly hasher: Sha256Hasher
  private undo: Array<Undo> = []

  readonly sha256: (() => PlatformSha256) | undefined

  constructor(sha256?: () => PlatformSha256) {
    this.sha256 = sha256
    this.hasher = new Sha256Hasher(sha256)
  }

  // ---- accounts -------------------------------------------------------------------------

  applyAccounts(
    events: ReadonlyArray<AccountInput>,
    ts: number
  ): { results: Array<AccountResult>; rollback: () => void } {
    const start = this.nAcc
    const startUnits = this.unitNames.length
    const added: Array<string> = []
    const results: Array<AccountResult> = []
    for (const a of events) {
      const i = this.accIndex.get(a.id)
      if (i !== undefined) {
        const field = accountDiff(this.accInputs[i]!, a)
        results.push(
          field === undefined
            ? { code: "exists", id: a.id, timestamp: this.accTs[i]! }
            : { code: "exists_with_different_fields", id: a.id, field }
        )
        continue
      }
      this.addAccount(a, ts)
      added.push(a.id)
      results.push({ code: "created", id: a.id, timestamp: ts })
    }
    return {
      results,
      rollback: () => {
        for (const id of added) this.accIndex.delete(id)
        this.nAcc = start
        this.accIds.length = start
        this.accInputs.length = start
        // A unit first seen in this batch must go too, or verify() would report a phantom unit.
        for (const name of this.unitNames.splice(startUnits)) this.units.delete(name)
      }
    }
  }

  private addAccount(a: AccountInput, ts: number): void {
    const i = this.nAcc++
    const n = i + 1
    if (n > this.accUnit.length) {
      this.accUnit = grow(this.accUnit, n)
      this.accFlags = grow(this.accFlags, n)
      this.accCode = grow(this.accCode, n)
      this.accTs = grow(this.accTs, n)
      this.creditCap = grow(this.creditCap, n)
      this.debitCap = grow(this.debitCap, n)
      this.dPend = grow(this.dPend, n)
      this.dPost = grow(this.dPost, n)
      this.cPend = grow(this.cPend, n)
      this.cPost = grow(this.cPost, n)
    }
    let u = this.units.get(a.unit)
    if (u === undefined) {
      u = this.unitNames.length
      this.units.set(a.unit, u)
      this.unitNames.push(a.unit)
    }
    this.accIds[i] = a.id
    this.accInputs[i] = a
    this.accIndex.set(a.id, i)
    this.accUnit[i] = u
    this.accFlags[i] =
      (a.debitsMustNotExceedCredits === true ? F_DMNEC : 0) |
      (a.creditsMustNotExceedDebits === true ? F_CMNED : 0) |
      (a.maxCreditBalance !== undefined ? F_CREDIT_CAP : 0) |
      (a.maxDebitBalance !== undefined ? F_DEBIT_CAP : 0)
    this.accCode[i] = a.code ?? 0
    this.accTs[i] = ts
    this.creditCap[i] = a.maxCreditBalance ?? 0
    this.debitCap[i] = a.maxDebitBalance ?? 0
    this.dPend[i] = 0
    this.dPost[i] = 0
    this.cPend[i] = 0
    this.cPost[i] = 0
  }

  // ---- the transfer log -----------------------------------------------------------------

  /** Makes room in the log and the id table for `extra` more events (a replay knows its size). */
  reserve(extra: number): void {
    this.transfers.reserve(extra)
    this.growColumns(this.nEv + extra)
  }

  /** Appends a batch's events to the log; returns the position of the first. */
  private append(events: ReadonlyArray<TRec>): number {
    const base = this.nEv
    const n = base + events.length
    this.growColumns(n)
    // Set before the loop, not after it: see applyEvents.
    this.nEv = n
    for (let k = 0; k < events.length; k++) {
      const t = events[k]!
      const p = base + k
      this.evId.push(t.id)
      const d = t.debit === undefined ? NO_ACCOUNT : (this.accIndex.get(t.debit) ?? UNKNOWN)
      const c = t.credit === undefined ? NO_ACCOUNT : (this.accIndex.get(t.credit) ?? UNKNOWN)
      this.evD[p] = d
      this.evC[p] = c
      if (d === UNKNOWN || c === UNKNOWN) this.evUnknown.set(p, { debit: t.debit, credit: t.credit })
      if (
        t.pendingId !== undefined ||
        t.timeoutMs !== undefined ||
        t.ref !== undefined ||
        t.reverses !== undefined ||
        t.reason !== undefined
      )
        this.evX.set(p, newExtra(p, t.pendingId, t.timeoutMs, t.ref, t.reverses, t.reason))
      this.evAmount[p] = t.amount ?? -1
      this.evKind[p] = t.kind
      this.evLinked[p] = t.linked ? 1 : 0
      this.evCode[p] = t.code
    }
    return base
  }

  private growColumns(n: number): void {
    if (n <= this.evAmount.length) return
    this.evAmount = grow(this.evAmount, n)
    this.evD = grow(this.evD, n)
    this.evC = grow(this.evC, n)
    this.evKind = grow(this.evKind, n)
    this.evLinked = grow(this.evLinked, n)
    this.evCode = grow(this.evCode, n)
    this.stStatus = grow(this.stStatus, n)
    this.stD = grow(this.stD, n)
    this.stC = grow(this.stC, n)
    this.stEff = grow(this.stEff, n)
    this.stBatch = grow(this.stBatch, n)
  }

  private truncate(to: number): void {
    this.nEv = to
    this.evId.length = to
    for (const p of this.evUnknown.keys()) if (p >= to) this.evUnknown.delete(p)
    for (const p of this.evX.keys()) if (p >= to) this.evX.delete(p)
  }

  /** The debit account id the event at `p` names, if any. */
  debitAt(p: number): string | undefined {
    const d = this.evD[p]!
    return d >= 0 ? this.accIds[d] : d === NO_ACCOUNT ? undefined : this.evUnknown.get(p)!.debit
  }

  /** The credit account id the event at `p` names, if any. */
  creditAt(p: number): string | undefined {
    const c = this.evC[p]!
    return c >= 0 ? this.accIds[c] : c === NO_ACCOUNT ? undefined : this.evUnknown.get(p)!.credit
  }

  /** The logged event at `p` as a parsed record (for replaying this ledger's own log). */
  recAt(p: number): TRec {
    const x = this.evX.get(p)
    const amount = this.evAmount[p]!
    return new TRec(
      this.evId[p]!,
      this.evKind[p]!,
      this.debitAt(p),
      this.creditAt(p),
      amount < 0 ? undefined : amount,
      x?.pendingId,
      x?.timeoutMs,
      this.evCode[p]!,
      x?.ref,
      x?.reverses,
      x?.reason,
      this.evLinked[p] === 1
    )
  }

  /** The logged event at `p` as plain input data (for logs and snapshots). */
  inputAt(p: number): Record<string, unknown> {
    const o: Record<string, unknown> = { id: this.evId[p], kind: KIND_NAMES[this.evKind[p]!] }
    const x = this.evX.get(p)
    const debit = this.debitAt(p)
    const credit = this.creditAt(p)
    const amount = this.evAmount[p]!
    if (debit !== undefined) o.debitAccountId = debit
    if (credit !== undefined) o.creditAccountId = credit
    if (amount >= 0) o.amount = amount
    if (x?.pendingId !== undefined) o.pendingId = x.pendingId
    if (x?.timeoutMs !== undefined) o.timeoutMs = x.timeoutMs
    if (this.evCode[p] !== 0) o.code = this.evCode[p]
    if (x?.ref !== undefined) o.ref = x.ref
    if (x?.reverses !== undefined) o.reverses = x.reverses
    if (x?.reason !== undefined) o.reason = x.reason
    if (this.evLinked[p] === 1) o.linked = true
    return o
  }

  /** The extra part of the event at `p`, created on first use (a plain transfer being reversed). */
  private extraAt(p: number): Extra {
    let x = this.evX.get(p)
    if (x === undefined) {
      x = newExtra(p, undefined, undefined, undefined, undefined, undefined)
      this.evX.set(p, x)
    }
    return x
  }

  /** Positions of the created transfers, in order of creation (a scan of the log). */
  created(): Array<number> {
    const out: Array<number> = []
    for (let p = 0; p < this.nEv; p++) if (this.stBatch[p]! > 0) out.push(p)
    return out
  }

  /** A created transfer's timestamp: its batch's, or `current` while its batch is being applied. */
  timestampAt(p: number, current: number): number {
    const b = this.stBatch[p]! - 1
    return b < this.batches.length ? this.batches[b]!.timestamp : current
  }

  reversedAt(p: number): number {
    return this.evX.get(p)?.reversed ?? 0
  }

  extraFieldsAt(p: number): Readonly<Extra> | undefined {
    return this.evX.get(p)
  }

  /** The first input field in which the logged event at `p` and `t` differ, if any. */
  private differingField(p: number, t: TRec): string | undefined {
    const x = this.evX.get(p)
    const amount = this.evAmount[p]!
    if (this.evKind[p] !== t.kind) return "kind"
    if (this.debitAt(p) !== t.debit) return "debitAccountId"
    if (this.creditAt(p) !== t.credit) return "creditAccountId"
    if ((amount < 0 ? undefined : amount) !== t.amount) return "amount"
    if (x?.pendingId !== t.pendingId) return "pendingId"
    if (x?.timeoutMs !== t.timeoutMs) return "timeoutMs"
    if (this.evCode[p] !== t.code) return "code"
    if (x?.ref !== t.ref) return "ref"
    if (x?.reverses !== t.reverses) return "reverses"
    if (x?.reason !== t.reason) return "reason"
    if ((this.evLinked[p] === 1) !== t.linked) return "linked"
    return undefined
  }

  // ---- transfers ------------------------------------------------------------------------

  /**
   * Applies a validated batch at timestamp `ts`, appending its events to the log. Returns the
   * per-event results, the log positions of the batch, and a `rollback` that undoes the whole
   * batch and removes its events from the log (used when the hash or journal write fails).
   */
  applyTransfers(
    events: ReadonlyArray<TRec>,
    ts: number,
    wantResults: boolean
  ): {
    results: Array<TransferResult> | undefined
    failures: number
    from: number
    to: number
    rollback: () => void
  } {
    this.undo = []
    this.expireUpTo(ts)
    const base = this.append(events)
    const results: Array<TransferResult> | undefined = wantResults ? [] : undefined
    const failures = this.applyEvents(events, base, ts, results)
    const undo = this.undo
    this.undo = []
    return {
      results,
      failures,
      from: base,
      to: base + events.length,
      rollback: () => {
        this.undo = undo
        this.rollbackTo(0)
        this.undo = []
        this.truncate(base)
      }
    }
  }

  // The loop lives in its own function, which returns as soon as it ends: V8 compiles a long
  // loop on first entry (on-stack replacement), before the code after it has run, and then
  // bails out of that compiled code at the first unprofiled line after the loop on every call.
  private applyEvents(
    events: ReadonlyArray<TRec>,
    base: number,
    ts: number,
    results: Array<TransferResult> | undefined
  ): number {
    let failures = 0
    const n = events.length
    let i = 0
    while (i < n) {
      const t = events[i]!
      if (!t.linked) {
        const code = this.applyOne(t, base + i, ts)
        if (code === "created" || code === "exists") {
          if (results) results.push(this.okResult(code, t, ts))
        } else {
          failures++
          if (results) results.push(this.failResult(code, t))
        }
        i++
        continue
      }
      // A linked chain: events i..j inclusive, where j is the first event with linked false.
      let j = i
      while (events[j]!.linked) j++
      const mark = this.undo.length
      let failedAt = -1
      let failCode = ""
      for (let k = i; k <= j; k++) {
        const code = this.applyOne(events[k]!, base + k, ts)
        if (code !== "created" && code !== "exists") {
          failedAt = k
          failCode = code
          break
        }
      }
      if (failedAt < 0) {
        if (results)
          for (let k = i; k <= j; k++) {
            const code = this.transfers.get(events[k]!.id) === base + k ? "created" : "exists"
            results.push(this.okResult(code, events[k]!, ts))
          }
      } else {
        this.rollbackTo(mark)
        // The failing event keeps its own code and, like a standalone failure, burns its id.
        const f = events[failedAt]!
        if (isBurning(failCode)) this.burn(f.id, failCode as TransferFailureCode)
        failures += j - i + 1
        if (results)
          for (let k = i; k <= j; k++)
            results.push(
              k === failedAt ? this.failResult(failCode, f) : { code: "linked_event_failed", id: events[k]!.id }
            )
      }
      i = j + 1
    }
    return failures
  }

  private okResult(code: "created" | "exists", t: TRec, ts: number): TransferResult {
    const p = this.transfers.get(t.id)
    return { code, id: t.id, timestamp: this.timestampAt(p, ts), amount: this.stEff[p]! }
  }

  private failResult(code: string, t: TRec): TransferResult {
    if (code === "id_already_failed")
      return { code: "id_already_failed", id: t.id, originalCode: this.failed.get(t.id)! }
    if (code.startsWith("exists_with_different_"))
      return { code: "exists_with_different_fields", id: t.id, field: code.slice("exists_with_different_".length) }
    return { code: code as TransferFailureCode, id: t.id }
  }

  private burn(id: string, code: TransferFailureCode): void {
    this.failed.set(id, code)
    this.undo.push({ failed: id })
  }

  /** Applies the event `t`, logged at position `p`; returns "created", "exists" or a failure code. */
  private applyOne(t: TRec, p: number, ts: number): string {
    const prior = this.transfers.get(t.id)
    if (prior >= 0) {
      const field = this.differingField(prior, t)
      return field === undefined ? "exists" : `exists_with_different_${field}`
    }
    if (this.failed.size > 0 && this.failed.has(t.id)) return "id_already_failed"
    const code = t.kind === KIND_TRANSFER || t.kind === KIND_PENDING ? this.applyMove(t, p) : this.applyResolve(t, p)
    if (code !== "created") {
      if (!t.linked && isBurning(code)) this.burn(t.id, code as TransferFailureCode)
      return code
    }
    this.stBatch[p] = this.batches.length + 1
    this.nTransfers++
    this.transfers.add(p)
    this.undo.push(p)
    if (t.kind === KIND_PENDING) {
      this.stStatus[p] = STATUS_PENDING
      if (t.timeoutMs !== undefined && t.timeoutMs > 0) {
        const x = this.evX.get(p)!
        x.expiresAt = ts + t.timeoutMs
        x.seq = this.heapSeq++
        this.heapPush(x)
      }
    }
    return "created"
  }

  private applyMove(t: TRec, p: number): string {
    const d = this.evD[p]!
    if (d < 0) return "debit_account_not_found"
    const c = this.evC[p]!
    if (c < 0) return "credit_account_not_found"
    if (this.accUnit[d] !== this.accUnit[c]) return "accounts_must_have_the_same_unit"
    const amt = t.amount!
    let orig = -1
    if (t.reverses !== undefined) {
      orig = this.transfers.get(t.reverses)
      if (orig < 0) return "reversed_transfer_not_found"
      const k = this.evKind[orig]
      if (k !== KIND_TRANSFER && k !== KIND_POST) return "reversed_transfer_not_reversible"
      if (this.stD[orig] !== c || this.stC[orig] !== d) return "reversal_must_swap_accounts"
      if (this.reversedAt(orig) + amt > this.stEff[orig]!) return "reversal_exceeds_original"
    }
    const dPend = this.dPend
    const dPost = this.dPost
    const cPend = this.cPend
    const cPost = this.cPost
    const dDebits = dPend[d]! + dPost[d]! + amt
    const cCredits = cPend[c]! + cPost[c]! + amt
    if (dDebits > MAX || cCredits > MAX) return "overflow"
    const fd = this.accFlags[d]!
    if (fd !== 0) {
      if ((fd & F_DMNEC) !== 0 && dDebits > cPost[d]!) return "exceeds_credits"
      if ((fd & F_DEBIT_CAP) !== 0 && dDebits - cPost[d]! > this.debitCap[d]!) return "exceeds_debit_cap"
    }
    const fc = this.accFlags[c]!
    if (fc !== 0) {
      if ((fc & F_CMNED) !== 0 && cCredits > dPost[c]!) return "exceeds_debits"
      if ((fc & F_CREDIT_CAP) !== 0 && cCredits - dPost[c]! > this.creditCap[c]!) return "exceeds_credit_cap"
    }
    if (t.kind === KIND_TRANSFER) {
      dPost[d] = dPost[d]! + amt
      cPost[c] = cPost[c]! + amt
    } else {
      dPend[d] = dPend[d]! + amt
      cPend[c] = cPend[c]! + amt
    }
    if (orig >= 0) {
      this.extraAt(orig).reversed += amt
      this.evX.get(p)!.target = orig
    }
    this.stD[p] = d
    this.stC[p] = c
    this.stEff[p] = amt
    return "created"
  }

  private applyResolve(t: TRec, p: number): string {
    const q = this.transfers.get(t.pendingId!)
    if (q < 0) return "pending_transfer_not_found"
    if (this.evKind[q] !== KIND_PENDING) return "pending_transfer_not_pending"
    const status = this.stStatus[q]
    if (status === STATUS_POSTED) return "pending_transfer_already_posted"
    if (status === STATUS_VOIDED) return "pending_transfer_already_voided"
    if (status === STATUS_EXPIRED) return "pending_transfer_expired"
    if (t.debit !== undefined && t.debit !== this.debitAt(q)) return "pending_transfer_has_different_debit_account"
    if (t.credit !== undefined && t.credit !== this.creditAt(q)) return "pending_transfer_has_different_credit_account"
    const d = this.stD[q]!
    const c = this.stC[q]!
    const reserved = this.stEff[q]!
    let amt = reserved
    if (t.kind === KIND_POST) {
      if (t.amount !== undefined) {
        if (t.amount > reserved) return "exceeds_pending_transfer_amount"
        amt = t.amount
      }
      // Posting moves (part of) a reservation from pending to posted: totals never grow, so
      // no limit can be crossed and no overflow can occur.
      this.dPend[d] = this.dPend[d]! - reserved
      this.cPend[c] = this.cPend[c]! - reserved
      this.dPost[d] = this.dPost[d]! + amt
      this.cPost[c] = this.cPost[c]! + amt
      this.stStatus[q] = STATUS_POSTED
    } else {
      if (t.amount !== undefined && t.amount !== reserved) return "pending_transfer_has_different_amount"
      this.dPend[d] = this.dPend[d]! - reserved
      this.cPend[c] = this.cPend[c]! - reserved
      this.stStatus[q] = STATUS_VOIDED
    }
    this.evX.get(p)!.target = q
    this.stD[p] = d
    this.stC[p] = c
    this.stEff[p] = amt
    return "created"
  }

  private unapply(u: Undo): void {
    if (typeof u !== "number") {
      if ("failed" in u) this.failed.delete(u.failed)
      else {
        const q = u.expired
        const reserved = this.stEff[q]!
        this.dPend[this.stD[q]!] = this.dPend[this.stD[q]!]! + reserved
        this.cPend[this.stC[q]!] = this.cPend[this.stC[q]!]! + reserved
        this.stStatus[q] = STATUS_PENDING
        this.heapPush(this.evX.get(q)!)
      }
      return
    }
    const p = u
    const d = this.stD[p]!
    const c = this.stC[p]!
    const eff = this.stEff[p]!
    const kind = this.evKind[p]
    const x = this.evX.get(p)
    if (kind === KIND_TRANSFER) {
      this.dPost[d] = this.dPost[d]! - eff
      this.cPost[c] = this.cPost[c]! - eff
      if (x !== undefined && x.target >= 0) this.evX.get(x.target)!.reversed -= eff
    } else if (kind === KIND_PENDING) {
      this.dPend[d] = this.dPend[d]! - eff
      this.cPend[c] = this.cPend[c]! - eff
    } else {
      const q = x!.target
      if (kind === KIND_POST) {
        this.dPost[d] = this.dPost[d]! - eff
        this.cPost[c] = this.cPost[c]! - eff
      }
      const reserved = this.stEff[q]!
      this.dPend[d] = this.dPend[d]! + reserved
      this.cPend[c] = this.cPend[c]! + reserved
      this.stStatus[q] = STATUS_PENDING
    }
    this.transfers.delete(p)
    this.nTransfers--
    this.stStatus[p] = STATUS_NONE
    this.stD[p] = 0
    this.stC[p] = 0
    this.stEff[p] = 0
    this.stBatch[p] = 0
    if (x !== undefined) {
      x.target = -1
      x.reversed = 0
    }
  }

  private rollbackTo(mark: number): void {
    const undo = this.undo
    while (undo.length > mark) this.unapply(undo.pop()!)
  }

  // ---- pending timeouts -----------------------------------------------------------------

  /** Whether a heap entry still stands for a pending transfer (not resolved, rolled back or replaced). */
  private live(x: Extra): boolean {
    const p = x.pos
    return this.stStatus[p] === STATUS_PENDING && this.evX.get(p) === x && this.transfers.get(this.evId[p]!) === p
  }

  /** Expires every pending transfer whose deadline is at or before `ts`. */
  expireUpTo(ts: number): number {
    const heap = this.heap
    let n = 0
    while (heap.length > 0 && heap[0]!.expiresAt <= ts) {
      const x = this.heapPop()
      if (!this.live(x)) continue
      const q = x.pos
      const reserved = this.stEff[q]!
      this.dPend[this.stD[q]!] = this.dPend[this.stD[q]!]! - reserved
      this.cPend[this.stC[q]!] = this.cPend[this.stC[q]!]! - reserved
      this.stStatus[q] = STATUS_EXPIRED
      this.undo.push({ expired: q })
      n++
    }
    return n
  }

  /** Whether any pending transfer is due at `ts` (so an otherwise empty tick must be logged). */
  hasDue(ts: number): boolean {
    const heap = this.heap
    while (heap.length > 0) {
      const top = heap[0]!
      if (this.live(top)) return top.expiresAt <= ts
      this.heapPop()
    }
    return false
  }

  private heapPush(x: Extra): void {
    const h = this.heap
    h.push(x)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(x, h[parent]!)) break
      h[i] = h[parent]!
      i = parent
    }
    h[i] = x
  }

  private heapPop(): Extra {
    const h = this.heap
    const top = h[0]!
    const last = h.pop()!
    if (h.length > 0) {
      let i = 0
      const n = h.length
      for (;;) {
        const l = 2 * i + 1
        if (l >= n) break
        const r = l + 1
        const m = r < n && before(h[r]!, h[l]!) ? r : l
        if (!before(h[m]!, last)) break
        h[i] = h[m]!
        i = m
      }
      h[i] = last
    }
    return top
  }

  // ---- hash chain ---------------------------------------------------------------------

  hashBatch(
    seq: number,
    ts: number,
    kind: "accounts" | "transfers",
    accounts: ReadonlyArray<AccountInput> | undefined,
    transfers: ReadonlyArray<TRec> | undefined,
    prev: string
  ): string {
    const h = this.hasher
    h.string("jiceng-ledger/1")
    h.string(prev)
    h.varint(seq)
    h.varint(ts)
    h.string(kind)
    if (accounts) {
      h.varint(accounts.length)
      for (const a of accounts) {
        h.varint(
          (a.debitsMustNotExceedCredits === true ? 1 : 0) |
            (a.creditsMustNotExceedDebits === true ? 2 : 0) |
            (a.code !== undefined ? 4 : 0) |
            (a.maxCreditBalance !== undefined ? 8 : 0) |
            (a.maxDebitBalance !== undefined ? 16 : 0)
        )
        h.string(a.id)
        h.string(a.unit)
        if (a.code !== undefined) h.varint(a.code)
        if (a.maxCreditBalance !== undefined) h.varint(a.maxCreditBalance)
        if (a.maxDebitBalance !== undefined) h.varint(a.maxDebitBalance)
      }
    }
    if (transfers) {
      h.varint(transfers.length)
      for (const t of transfers) {
        // Header: kind in bits 0–1, then `linked` and one presence bit per optional field.
        h.varint(
          t.kind |
            (t.linked ? 4 : 0) |
            (t.debit !== undefined ? 8 : 0) |
            (t.credit !== undefined ? 16 : 0) |
            (t.amount !== undefined ? 32 : 0) |
            (t.pendingId !== undefined ? 64 : 0) |
            (t.timeoutMs !== undefined ? 128 : 0) |
            (t.ref !== undefined ? 256 : 0) |
            (t.reverses !== undefined ? 512 : 0) |
            (t.reason !== undefined ? 1024 : 0)
        )
        h.string(t.id)
        if (t.debit !== undefined) h.string(t.debit)
        if (t.credit !== undefined) h.string(t.credit)
        if (t.amount !== undefined) h.varint(t.amount)
        if (t.pendingId !== undefined) h.string(t.pendingId)
        if (t.timeoutMs !== undefined) h.varint(t.timeoutMs)
        if (t.ref !== undefined) h.string(t.ref)
        if (t.reverses !== undefined) h.string(t.reverses)
        if (t.reason !== undefined) h.string(t.reason)
        h.varint(t.code)
      }
    }
    return h.digestHex()
  }

  // ---- exact sums ---------------------------------------------------------------------
}

// Heap order: deadline, then creation.
const before = (a: Extra, b: Extra): boolean =>
  a.expiresAt < b.expiresAt || (a.expiresAt === b.expiresAt && a.seq < b.seq)

const newExtra = (
  pos: number,
  pendingId: string | undefined,
  timeoutMs: number | undefined,
  ref: string | undefined,
  reverses: string | undefined,
  reason: string | undefined
): Extra => ({ pos, pendingId, timeoutMs, ref, reverses, reason, reversed: 0, expiresAt: 0, seq: 0, target: -1 })

// Failures that mark an id as failed forever (TigerBeetle's `id_already_failed`), so a retry
// can never succeed later and surprise the user. Outcomes about the id itself do not.
const isBurning = (code: string): boolean =>
  code !== "exists" &&
  code !== "id_already_failed" &&
  code !== "linked_event_failed" &&
  !code.startsWith("exists_with_different_")

const accountDiff = (a: AccountInput, b: AccountInput): string | undefined => {
  if (a.unit !== b.unit) return "unit"
  if ((a.code ?? 0) !== (b.code ?? 0)) return "code"
  if ((a.debitsMustNotExceedCredits ?? false) !== (b.debitsMustNotExceedCredits ?? false))
    return "debitsMustNotExceedCredits"
  if ((a.creditsMustNotExceedDebits ?? false) !== (b.creditsMustNotExceedDebits ?? false))
    return "creditsMustNotExceedDebits"
  if (a.maxCreditBalance !== b.maxCreditBalance) return "maxCreditBalance"
  if (a.maxDebitBalance !== b.maxDebitBalance) return "maxDebitBalance"
  return undefined
}
