// The ledger state machine: accounts as struct-of-arrays, transfers as records, a batch log
// with a SHA-256 chain, and an undo list so linked chains (and whole batches whose journal
// write fails) roll back exactly. Everything here trusts its input: validation happens in
// createLedger.ts before any event reaches the engine.

import type { Sha256 } from "../createLedger.ts"
import type { AccountInput, AccountResult, TransferFailureCode, TransferResult } from "../LedgerModel.ts"
import {
  differingField,
  extra,
  KIND_PENDING,
  KIND_POST,
  KIND_TRANSFER,
  STATUS_DEAD,
  STATUS_EXPIRED,
  STATUS_NONE,
  STATUS_PENDING,
  STATUS_POSTED,
  STATUS_VOIDED,
  type TRec
} from "./fastTransfer.ts"
import { Hasher } from "./Hasher.ts"
import { IdTable } from "./IdTable.ts"

const F_DMNEC = 1
const F_CMNED = 2
const F_CREDIT_CAP = 4
const F_DEBIT_CAP = 8
const MAX = Number.MAX_SAFE_INTEGER

export const GENESIS = "0".repeat(64)

/** One committed batch as kept in memory. */
export interface BatchRec {
  readonly seq: number
  readonly timestamp: number
  readonly kind: "accounts" | "transfers"
  readonly accounts: ReadonlyArray<AccountInput> | undefined
  readonly transfers: ReadonlyArray<TRec> | undefined
  readonly hash: string
}

const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint16Array>(a: T, n: number): T => {
  if (n <= a.length) return a
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2))
  b.set(a)
  return b
}

type Undo = TRec | { readonly expired: TRec } | { readonly failed: string }

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

  // Transfers.
  transfers = new IdTable<TRec>()
  failed = new Map<string, TransferFailureCode>()
  nTransfers = 0
  // Pending transfers with a timeout, as a binary min-heap on (expiresAt, seq).
  heap: Array<TRec> = []

  // Log.
  batches: Array<BatchRec> = []
  head = GENESIS
  lastTs = 0
  private readonly hasher: Hasher
  private undo: Array<Undo> = []

  readonly sha256: (() => Sha256) | undefined

  constructor(sha256?: () => Sha256) {
    this.sha256 = sha256
    this.hasher = new Hasher(sha256)
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

  // ---- transfers ------------------------------------------------------------------------

  /**
   * Applies a validated batch at timestamp `ts`. Returns the per-event results and a
   * `rollback` that undoes the whole batch (used when the journal write fails).
   */
  applyTransfers(
    events: ReadonlyArray<TRec>,
    ts: number,
    wantResults: boolean
  ): { results: Array<TransferResult> | undefined; failures: number; rollback: () => void } {
    this.undo = []
    this.expireUpTo(ts)
    const results: Array<TransferResult> | undefined = wantResults ? [] : undefined
    let failures = 0
    const n = events.length
    let i = 0
    while (i < n) {
      const t = events[i]!
      if (!t.linked) {
        const code = this.applyOne(t, ts)
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
        const code = this.applyOne(events[k]!, ts)
        if (code !== "created" && code !== "exists") {
          failedAt = k
          failCode = code
          break
        }
      }
      if (failedAt < 0) {
        if (results)
          for (let k = i; k <= j; k++) results.push(this.okResult(this.chainCode(events[k]!), events[k]!, ts))
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
    const undo = this.undo
    this.undo = []
    return {
      results,
      failures,
      rollback: () => {
        this.undo = undo
        this.rollbackTo(0)
        this.undo = []
      }
    }
  }

  private chainCode(t: TRec): "created" | "exists" {
    // After a successful chain, a record is registered iff it was created by this chain.
    return this.transfers.get(t.id) === t ? "created" : "exists"
  }

  private okResult(code: "created" | "exists", t: TRec, ts: number): TransferResult {
    const rec = this.transfers.get(t.id)!
    return { code, id: t.id, timestamp: this.timestampOf(rec, ts), amount: rec.eff }
  }

  /** A record's timestamp: its batch's, or `current` while its batch is being applied. */
  timestampOf(t: TRec, current: number): number {
    return t.batch < this.batches.length ? this.batches[t.batch]!.timestamp : current
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

  /** Applies one event; returns "created", "exists" or a failure code. */
  private applyOne(t: TRec, ts: number): string {
    const prior = this.transfers.get(t.id)
    if (prior !== undefined) {
      const field = differingField(prior, t)
      return field === undefined ? "exists" : `exists_with_different_${field}`
    }
    if (this.failed.size > 0 && this.failed.has(t.id)) return "id_already_failed"
    const code = t.kind === KIND_TRANSFER || t.kind === KIND_PENDING ? this.applyMove(t) : this.applyResolve(t)
    if (code !== "created") {
      if (!t.linked && isBurning(code)) this.burn(t.id, code as TransferFailureCode)
      return code
    }
    t.batch = this.batches.length
    const seq = this.nTransfers++
    this.transfers.add(t)
    this.undo.push(t)
    if (t.kind === KIND_PENDING) {
      t.status = STATUS_PENDING
      const x = t.x
      if (x?.timeoutMs !== undefined && x.timeoutMs > 0) {
        x.expiresAt = ts + x.timeoutMs
        x.seq = seq
        this.heapPush(t)
      }
    }
    return "created"
  }

  private applyMove(t: TRec): string {
    const d = this.accIndex.get(t.debit!)
    if (d === undefined) return "debit_account_not_found"
    const c = this.accIndex.get(t.credit!)
    if (c === undefined) return "credit_account_not_found"
    if (this.accUnit[d] !== this.accUnit[c]) return "accounts_must_have_the_same_unit"
    const amt = t.amount!
    let orig: TRec | undefined
    const reverses = t.x?.reverses
    if (reverses !== undefined) {
      orig = this.transfers.get(reverses)
      if (orig === undefined) return "reversed_transfer_not_found"
      if (orig.kind !== KIND_TRANSFER && orig.kind !== KIND_POST) return "reversed_transfer_not_reversible"
      if (orig.dIdx !== c || orig.cIdx !== d) return "reversal_must_swap_accounts"
      if ((orig.x?.reversed ?? 0) + amt > orig.eff) return "reversal_exceeds_original"
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
    if (orig !== undefined) {
      extra(orig).reversed += amt
      t.x!.target = orig
    }
    t.dIdx = d
    t.cIdx = c
    t.eff = amt
    return "created"
  }

  private applyResolve(t: TRec): string {
    const p = this.transfers.get(t.x!.pendingId!)
    if (p === undefined) return "pending_transfer_not_found"
    if (p.kind !== KIND_PENDING) return "pending_transfer_not_pending"
    if (p.status === STATUS_POSTED) return "pending_transfer_already_posted"
    if (p.status === STATUS_VOIDED) return "pending_transfer_already_voided"
    if (p.status === STATUS_EXPIRED) return "pending_transfer_expired"
    if (t.debit !== undefined && t.debit !== p.debit) return "pending_transfer_has_different_debit_account"
    if (t.credit !== undefined && t.credit !== p.credit) return "pending_transfer_has_different_credit_account"
    const d = p.dIdx
    const c = p.cIdx
    let amt = p.eff
    if (t.kind === KIND_POST) {
      if (t.amount !== undefined) {
        if (t.amount > p.eff) return "exceeds_pending_transfer_amount"
        amt = t.amount
      }
      // Posting moves (part of) a reservation from pending to posted: totals never grow, so
      // no limit can be crossed and no overflow can occur.
      this.dPend[d] = this.dPend[d]! - p.eff
      this.cPend[c] = this.cPend[c]! - p.eff
      this.dPost[d] = this.dPost[d]! + amt
      this.cPost[c] = this.cPost[c]! + amt
      p.status = STATUS_POSTED
    } else {
      if (t.amount !== undefined && t.amount !== p.eff) return "pending_transfer_has_different_amount"
      this.dPend[d] = this.dPend[d]! - p.eff
      this.cPend[c] = this.cPend[c]! - p.eff
      p.status = STATUS_VOIDED
    }
    t.x!.target = p
    t.dIdx = d
    t.cIdx = c
    t.eff = amt
    return "created"
  }

  private unapply(u: Undo): void {
    if ("failed" in u) {
      this.failed.delete(u.failed)
      return
    }
    if ("expired" in u) {
      const p = u.expired
      this.dPend[p.dIdx] = this.dPend[p.dIdx]! + p.eff
      this.cPend[p.cIdx] = this.cPend[p.cIdx]! + p.eff
      p.status = STATUS_PENDING
      this.heapPush(p)
      return
    }
    const t = u
    const d = t.dIdx
    const c = t.cIdx
    if (t.kind === KIND_TRANSFER) {
      this.dPost[d] = this.dPost[d]! - t.eff
      this.cPost[c] = this.cPost[c]! - t.eff
      const orig = t.x?.target
      if (orig !== undefined) orig.x!.reversed -= t.eff
    } else if (t.kind === KIND_PENDING) {
      this.dPend[d] = this.dPend[d]! - t.eff
      this.cPend[c] = this.cPend[c]! - t.eff
    } else {
      const p = t.x!.target!
      if (t.kind === KIND_POST) {
        this.dPost[d] = this.dPost[d]! - t.eff
        this.cPost[c] = this.cPost[c]! - t.eff
      }
      this.dPend[d] = this.dPend[d]! + p.eff
      this.cPend[c] = this.cPend[c]! + p.eff
      p.status = STATUS_PENDING
    }
    this.transfers.delete(t.id)
    this.nTransfers--
    t.status = t.kind === KIND_PENDING ? STATUS_DEAD : STATUS_NONE
    if (t.x !== undefined) {
      t.x.target = undefined
      t.x.reversed = 0
    }
    t.dIdx = -1
    t.cIdx = -1
    t.eff = 0
    t.batch = -1
  }

  private rollbackTo(mark: number): void {
    const undo = this.undo
    while (undo.length > mark) this.unapply(undo.pop()!)
  }

  // ---- pending timeouts -----------------------------------------------------------------

  /** Expires every pending transfer whose deadline is at or before `ts`. */
  expireUpTo(ts: number): number {
    const heap = this.heap
    let n = 0
    while (heap.length > 0 && heap[0]!.x!.expiresAt <= ts) {
      const p = this.heapPop()
      if (p.status !== STATUS_PENDING || this.transfers.get(p.id) !== p) continue
      this.dPend[p.dIdx] = this.dPend[p.dIdx]! - p.eff
      this.cPend[p.cIdx] = this.cPend[p.cIdx]! - p.eff
      p.status = STATUS_EXPIRED
      this.undo.push({ expired: p })
      n++
    }
    return n
  }

  /** Whether any pending transfer is due at `ts` (so an otherwise empty tick must be logged). */
  hasDue(ts: number): boolean {
    const heap = this.heap
    while (heap.length > 0) {
      const top = heap[0]!
      if (top.status === STATUS_PENDING && this.transfers.get(top.id) === top) return top.x!.expiresAt <= ts
      this.heapPop()
    }
    return false
  }

  private heapPush(t: TRec): void {
    const h = this.heap
    h.push(t)
    let i = h.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(t, h[parent]!)) break
      h[i] = h[parent]!
      i = parent
    }
    h[i] = t
  }

  private heapPop(): TRec {
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
        const x = t.x
        // Header: kind in bits 0–1, then `linked` and one presence bit per optional field.
        h.varint(
          t.kind |
            (t.linked ? 4 : 0) |
            (t.debit !== undefined ? 8 : 0) |
            (t.credit !== undefined ? 16 : 0) |
            (t.amount !== undefined ? 32 : 0) |
            (x?.pendingId !== undefined ? 64 : 0) |
            (x?.timeoutMs !== undefined ? 128 : 0) |
            (x?.ref !== undefined ? 256 : 0) |
            (x?.reverses !== undefined ? 512 : 0) |
            (x?.reason !== undefined ? 1024 : 0)
        )
        h.string(t.id)
        if (t.debit !== undefined) h.string(t.debit)
        if (t.credit !== undefined) h.string(t.credit)
        if (t.amount !== undefined) h.varint(t.amount)
        if (x?.pendingId !== undefined) h.string(x.pendingId)
        if (x?.timeoutMs !== undefined) h.varint(x.timeoutMs)
        if (x?.ref !== undefined) h.string(x.ref)
        if (x?.reverses !== undefined) h.string(x.reverses)
        if (x?.reason !== undefined) h.string(x.reason)
        h.varint(t.code)
      }
    }
    return h.digestHex()
  }

  // ---- exact sums ---------------------------------------------------------------------
}

// Heap order: deadline, then creation. Only pending transfers with a timeout are in the heap,
// and those always have their extra part.
const before = (a: TRec, b: TRec): boolean => {
  const ax = a.x!
  const bx = b.x!
  return ax.expiresAt < bx.expiresAt || (ax.expiresAt === bx.expiresAt && ax.seq < bx.seq)
}

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
