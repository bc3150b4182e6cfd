import {
  err,
  InvalidInputError,
  type Issue,
  isPlatformSha256,
  issue,
  JicengError,
  ok,
  type PlatformSha256,
  platformSha256,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { Engine } from "./internal/Engine.ts"
import { parseAccountsFast } from "./internal/fastAccount.ts"
import {
  KIND_NAMES,
  parseTransferFast,
  STATUS_EXPIRED,
  STATUS_PENDING,
  STATUS_POSTED,
  STATUS_VOIDED,
  type TRec,
  toInput
} from "./internal/fastTransfer.ts"
import {
  AccountBatch,
  type AccountInput,
  type AccountResult,
  type AccountState,
  TransferBatch,
  type TransferResult,
  type TransferState
} from "./LedgerModel.ts"

/**
 * The journal write for a batch failed, so the batch was rolled back: nothing of it was
 * applied and the ledger is exactly as before the call.
 *
 * @example
 * ```ts
 * import { JournalError } from "@jiceng/volunteer-points"
 * new JournalError("disk full")._tag //=> "JournalError"
 * ```
 * @since 0.1.0
 * @category ledger
 */
export class JournalError extends JicengError {
  readonly _tag = "JournalError" as const
  override readonly name = "JournalError"
  constructor(detail: string) {
    super([
      issue(
        ["journal"],
        "journal_write_failed",
        `日志写入失败，本批次已回滚：${detail}`,
        `journal write failed, batch rolled back: ${detail}`
      )
    ])
  }
}

/**
 * The log does not reproduce the ledger: a hash in the chain does not match its batch, or
 * replaying the log gives different balances. The issues say where.
 *
 * @example
 * ```ts
 * import { LedgerIntegrityError } from "@jiceng/volunteer-points"
 * new LedgerIntegrityError([])._tag //=> "LedgerIntegrityError"
 * ```
 * @since 0.1.0
 * @category ledger
 */
export class LedgerIntegrityError extends JicengError {
  readonly _tag = "LedgerIntegrityError" as const
  override readonly name = "LedgerIntegrityError"
}

/**
 * One committed batch of the log, as stored by a journal and in snapshots. `hash` is
 * SHA-256 over the previous batch's hash and this batch's content (format
 * `jiceng-ledger/1`), so editing, reordering or removing a batch breaks the chain; removing
 * batches from the end (and rewriting `head`) is detected only against a head stored
 * elsewhere — pass it to {@link restoreLedger} as `expectHead`/`expectSeq`.
 *
 * @since 0.1.0
 * @category ledger
 */
export const LogBatch = z.strictObject({
  seq: z.int().min(0),
  timestamp: z.int().min(0),
  kind: z.enum(["accounts", "transfers"]),
  events: z.array(z.unknown()),
  hash: z.string().regex(/^[0-9a-f]{64}$/)
})
/** @since 0.1.0 @category ledger */
export type LogBatch = z.infer<typeof LogBatch>

/**
 * A ledger's complete, portable state: its log. Restoring replays it, rechecking every hash.
 *
 * @since 0.1.0
 * @category ledger
 */
export const LedgerSnapshot = z.strictObject({
  format: z.literal("jiceng-ledger/1"),
  batches: z.array(LogBatch),
  head: z.string().regex(/^[0-9a-f]{64}$/)
})
/** @since 0.1.0 @category ledger */
export type LedgerSnapshot = z.infer<typeof LedgerSnapshot>

/**
 * Options of {@link createLedger}.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface LedgerOptions {
  /**
   * The injected clock, in integer milliseconds. The ledger never reads the system clock; a
   * clock that goes backwards (skew) is clamped so batch timestamps never decrease. Without a
   * clock, time stands still at 0 and pending timeouts never fire.
   */
  readonly clock?: () => number
  /**
   * Called with every committed batch before the call returns — the place to write a durable
   * journal. If it throws, the batch is rolled back and the call returns a {@link JournalError}.
   */
  readonly onCommit?: (batch: LogBatch) => void
  /**
   * The SHA-256 behind the hash chain. `"platform"` (the default) uses the runtime's own where
   * it has one synchronously — `node:crypto` in Node, Deno and Bun, see `platformSha256` in
   * `@jiceng/core` — and the built-in one elsewhere (browsers); `"built-in"` always uses the
   * built-in one (WebAssembly, or JavaScript where WebAssembly is barred); or pass a factory in
   * the shape of `crypto.createHash`, e.g. `() => createHash("sha256")`, checked against a test
   * vector when the ledger is created. Every choice gives the same hashes; the platform's is
   * several times faster, which counts wherever long logs are replayed (`restoreLedger`,
   * `verify()`).
   */
  readonly sha256?: "platform" | "built-in" | (() => PlatformSha256)
}

/**
 * What a batch call returns: the batch's place in the log, its timestamp and hash, and one
 * result per event in input order.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface BatchOutcome<R> {
  /** Sequence number of the logged batch, or undefined if nothing was logged. */
  readonly seq: number | undefined
  readonly timestamp: number
  readonly hash: string
  readonly results: ReadonlyArray<R>
  /** Number of events that did not apply (failures, including linked_event_failed). */
  readonly failures: number
}

/**
 * Options of {@link Ledger.createTransfers}.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface CreateTransfersOptions {
  /** Skip building per-event result objects (only `failures` is counted): for bulk loads. */
  readonly results?: boolean
}

/**
 * A per-unit total in the verification report; decimal strings, because sums over many
 * accounts may exceed 2^53.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface UnitTotals {
  readonly unit: string
  readonly debitsPosted: string
  readonly creditsPosted: string
  readonly debitsPending: string
  readonly creditsPending: string
}

/**
 * What {@link Ledger.verify} checked.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface VerifyReport {
  readonly accounts: number
  readonly transfers: number
  readonly batches: number
  readonly head: string
  readonly units: ReadonlyArray<UnitTotals>
  /** `"full"`: the log was replayed and every hash recomputed; `"state"`: balances only. */
  readonly mode: "full" | "state"
}

/**
 * An in-process double-entry ledger (see {@link createLedger}).
 *
 * @since 0.1.0
 * @category ledger
 */
export interface Ledger {
  /** Opens accounts; an identical re-submission returns `exists`. */
  createAccounts(input: unknown): Result<BatchOutcome<AccountResult>, InvalidInputError | JournalError>
  /** Applies a batch of transfers; linked chains are atomic. */
  createTransfers(
    input: unknown,
    options?: CreateTransfersOptions
  ): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
  /**
   * Reverses (part of) a transfer with a reason, optionally with a replacement, as one linked
   * chain: history is never edited. A retry with the same id answers like any retried transfer
   * (`exists`, `exists_with_different_fields`, `id_already_failed`); it never reverses twice.
   */
  correct(input: unknown): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
  /** Expires pending transfers whose timeout has passed on the injected clock. */
  tick(): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
  account(id: string): AccountState | undefined
  accounts(): ReadonlyArray<AccountState>
  transfer(id: string): TransferState | undefined
  /** Every committed transfer in creation order. */
  transfers(): ReadonlyArray<TransferState>
  /** Transfers touching an account, in creation order (a statement). */
  statement(accountId: string): ReadonlyArray<TransferState>
  /** The log as plain data. */
  log(): ReadonlyArray<LogBatch>
  /** The hash of the last batch (64 zeros for an empty ledger). */
  head(): string
  snapshot(): LedgerSnapshot
  /**
   * Checks every invariant. `"full"` (default) replays the whole log into a fresh ledger,
   * recomputing every hash, and compares every balance and transfer; `"state"` checks the
   * balance invariants only (Σ debits = Σ credits per unit, limits, safe integers).
   */
  verify(options?: { readonly mode?: "full" | "state" }): Result<VerifyReport, LedgerIntegrityError>
}

/**
 * Input of {@link Ledger.correct}: reverse `amount` (default: all that is left when the id is
 * first used; a retry is compared with that stored amount) of transfer `reverses` with a
 * `reason`, and optionally post a corrected `replacement` in the same linked chain.
 *
 * @since 0.1.0
 * @category ledger
 */
export const CorrectionInput = z.strictObject({
  id: z.string().min(1).max(128),
  reverses: z.string().min(1).max(128),
  reason: z.string().min(1).max(500),
  amount: z.int().min(1).optional(),
  code: z.int().min(0).max(65535).optional(),
  replacement: z.unknown().optional()
})
/** @since 0.1.0 @category ledger */
export type CorrectionInput = z.infer<typeof CorrectionInput>

const badClock = (value: unknown): InvalidInputError =>
  new InvalidInputError([
    issue(
      ["clock"],
      "invalid_clock",
      `时钟返回的不是安全整数毫秒：${String(value)}`,
      `the clock returned ${String(value)}, not a safe integer of milliseconds`
    )
  ])

const OPTIONS_ISSUE = (path: string, what: string, zh: string): InvalidInputError =>
  new InvalidInputError([issue([path], "invalid_option", zh, `${path} must be ${what}`)])

/**
 * Creates an in-process double-entry ledger with TigerBeetle's semantics: accounts and
 * immutable transfers with client-chosen ids (a retry is harmless), atomic linked chains,
 * two-phase transfers with timeouts on an injected clock, atomic limits, reversal
 * corrections, and a SHA-256 hash chain over its batch log.
 *
 * @example
 * ```ts
 * import { createLedger } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const ledger = getOrThrow(createLedger())
 * const accounts = [
 *   { id: "fund", unit: "points" },
 *   { id: "vol-1", unit: "points", debitsMustNotExceedCredits: true }
 * ]
 * ledger.createAccounts(accounts).ok //=> true
 * const earn = { id: "t1", debitAccountId: "fund", creditAccountId: "vol-1", amount: 30 }
 * getOrThrow(ledger.createTransfers([earn])).results[0]?.code //=> "created"
 * ledger.account("vol-1")?.balance //=> 30
 * const spend = { id: "t2", debitAccountId: "vol-1", creditAccountId: "fund", amount: 31 }
 * getOrThrow(ledger.createTransfers([spend])).results[0]?.code //=> "exceeds_credits"
 * getOrThrow(ledger.createTransfers([earn])).results[0]?.code //=> "exists"
 * ledger.verify().ok //=> true
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const createLedger = (options: LedgerOptions = {}): Result<Ledger, InvalidInputError> => {
  if (typeof options !== "object" || options === null)
    return err(OPTIONS_ISSUE("options", "an object", "选项必须是对象"))
  if (options.clock !== undefined && typeof options.clock !== "function")
    return err(OPTIONS_ISSUE("clock", "a function", "clock 必须是函数"))
  if (options.onCommit !== undefined && typeof options.onCommit !== "function")
    return err(OPTIONS_ISSUE("onCommit", "a function", "onCommit 必须是函数"))
  const { sha256 = "platform" } = options
  if (sha256 !== "platform" && sha256 !== "built-in" && !isPlatformSha256(sha256))
    return err(
      OPTIONS_ISSUE(
        "sha256",
        '"platform", "built-in", or a function returning a SHA-256 hash object (e.g. () => createHash("sha256"))',
        'sha256 必须是 "platform"、"built-in" 或返回 SHA-256 哈希对象的函数（如 () => createHash("sha256")）'
      )
    )
  const factory = sha256 === "platform" ? platformSha256() : sha256 === "built-in" ? undefined : sha256
  return ok(new LedgerImpl(new Engine(factory), options.clock, options.onCommit))
}

/**
 * Options of {@link restoreLedger}: the {@link LedgerOptions} of the restored ledger, plus a
 * checkpoint stored outside the snapshot. The hash chain shows that every batch present is
 * intact and in order, but a log cut short at the end, with `head` rewritten to the new last
 * batch, is still a valid chain: only a head kept elsewhere (the journal's latest checkpoint,
 * a published digest) can show that batches are missing.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface RestoreOptions extends LedgerOptions {
  /**
   * The hash of a batch known from outside. With `expectSeq`, the batch with that sequence
   * number must have this hash (the log may continue after it); alone, the restored head
   * must equal it.
   */
  readonly expectHead?: string
  /** The sequence number of a batch known to exist: a shorter log was truncated. */
  readonly expectSeq?: number
}

/**
 * Rebuilds a ledger from a {@link LedgerSnapshot} (or a journal's batches) by replaying every
 * batch at its recorded timestamp and recomputing the hash chain; any mismatch is a
 * {@link LedgerIntegrityError}. Nothing is trusted that was not re-derived. Edited, reordered
 * or removed batches break the chain; batches cut from the end are detected only against a
 * checkpoint passed as `expectHead`/`expectSeq` (see {@link RestoreOptions}).
 *
 * @example
 * ```ts
 * import { createLedger, restoreLedger } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const a = getOrThrow(createLedger())
 * a.createAccounts([{ id: "x", unit: "min" }, { id: "y", unit: "min" }])
 * a.createTransfers([{ id: "t", debitAccountId: "x", creditAccountId: "y", amount: 60 }])
 * const b = getOrThrow(restoreLedger(a.snapshot()))
 * b.account("y")?.balance //=> 60
 * b.head() === a.head() //=> true
 * const cut = { ...a.snapshot(), batches: a.snapshot().batches.slice(0, 1), head: a.log()[0]!.hash }
 * restoreLedger(cut).ok //=> true
 * restoreLedger(cut, { expectHead: a.head(), expectSeq: 1 }).ok //=> false
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const restoreLedger = (
  snapshot: unknown,
  options: RestoreOptions = {}
): Result<Ledger, InvalidInputError | LedgerIntegrityError> => {
  const created = createLedger(options)
  if (!created.ok) return created
  const { expectHead, expectSeq } = options
  if (expectHead !== undefined && (typeof expectHead !== "string" || !HEX64.test(expectHead)))
    return err(OPTIONS_ISSUE("expectHead", "a 64-digit lowercase hex hash", "expectHead 必须是 64 位小写十六进制哈希"))
  if (expectSeq !== undefined && !(Number.isSafeInteger(expectSeq) && expectSeq >= 0))
    return err(OPTIONS_ISSUE("expectSeq", "a non-negative integer", "expectSeq 必须是非负整数"))
  // The events are validated batch by batch during replay; checking the outer shape by hand
  // avoids zod copying arrays of millions of events. Zod still explains any rejection.
  let valid: LedgerSnapshot
  if (isSnapshotShape(snapshot)) valid = snapshot
  else {
    const parsed = validate(LedgerSnapshot, snapshot)
    if (!parsed.ok) return parsed
    valid = parsed.value
  }
  const ledger = created.value as LedgerImpl
  const replayed = ledger.replay(valid.batches)
  if (!replayed.ok) return replayed
  if (ledger.head() !== valid.head)
    return err(
      new LedgerIntegrityError([
        issue(
          ["head"],
          "head_mismatch",
          "快照记录的链头哈希与重放结果不符",
          "the snapshot's head hash does not match the replayed chain"
        )
      ])
    )
  const log = ledger.e.batches
  if (expectSeq !== undefined && log.length <= expectSeq)
    return err(
      integrity(
        ["batches"],
        "log_truncated",
        `日志只有 ${log.length} 批，缺少检查点记录的第 ${expectSeq} 批：尾部被截断`,
        `the log has ${log.length} batches but the checkpoint names batch ${expectSeq}: its tail was cut off`
      )
    )
  if (expectHead !== undefined) {
    const at = expectSeq === undefined ? ledger.head() : log[expectSeq]!.hash
    if (at !== expectHead)
      return err(
        integrity(
          expectSeq === undefined ? ["head"] : ["batches", expectSeq, "hash"],
          "checkpoint_mismatch",
          "重放得到的哈希与外部检查点不符：日志被截断或替换",
          "the replayed hash does not match the external checkpoint: the log was truncated or replaced"
        )
      )
  }
  return ok(ledger)
}

const HEX64 = /^[0-9a-f]{64}$/
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x)
const onlyKeys = (x: Record<string, unknown>, keys: ReadonlyArray<string>): boolean => {
  for (const k in x) if (!keys.includes(k)) return false
  return true
}
const BATCH_KEYS = ["seq", "timestamp", "kind", "events", "hash"]
const isSnapshotShape = (x: unknown): x is LedgerSnapshot => {
  if (!isRecord(x) || !onlyKeys(x, ["format", "batches", "head"])) return false
  if (x.format !== "jiceng-ledger/1" || typeof x.head !== "string" || !HEX64.test(x.head)) return false
  if (!Array.isArray(x.batches)) return false
  for (const b of x.batches) {
    if (!isRecord(b) || !onlyKeys(b, BATCH_KEYS)) return false
    if (!Number.isSafeInteger(b.seq) || (b.seq as number) < 0) return false
    if (!Number.isSafeInteger(b.timestamp) || (b.timestamp as number) < 0) return false
    if (b.kind !== "accounts" && b.kind !== "transfers") return false
    if (!Array.isArray(b.events) || typeof b.hash !== "string" || !HEX64.test(b.hash)) return false
  }
  return true
}

const integrity = (path: ReadonlyArray<string | number>, code: string, zh: string, en: string) =>
  new LedgerIntegrityError([issue(path, code, zh, en)])

class LedgerImpl implements Ledger {
  readonly e: Engine
  private readonly clock: (() => number) | undefined
  private readonly onCommit: ((batch: LogBatch) => void) | undefined
  private replaying = false

  constructor(engine: Engine, clock: (() => number) | undefined, onCommit: ((b: LogBatch) => void) | undefined) {
    this.e = engine
    this.clock = clock
    this.onCommit = onCommit
  }

  private now(): Result<number, InvalidInputError> {
    if (this.clock === undefined) return ok(this.e.lastTs)
    let t: unknown
    try {
      t = this.clock()
    } catch (cause) {
      return err(badClock(cause instanceof Error ? cause.message : cause))
    }
    if (!Number.isSafeInteger(t)) return err(badClock(t))
    // Timestamps never decrease, whatever the clock does.
    return ok(Math.max(this.e.lastTs, t as number))
  }

  createAccounts(input: unknown): Result<BatchOutcome<AccountResult>, InvalidInputError | JournalError> {
    const parsed = parseAccounts(input)
    if (!parsed.ok) return parsed
    const ts = this.now()
    if (!ts.ok) return ts
    return this.commitAccounts(parsed.value, ts.value, undefined) as Result<
      BatchOutcome<AccountResult>,
      InvalidInputError | JournalError
    >
  }

  commitAccounts(
    events: ReadonlyArray<AccountInput>,
    ts: number,
    expectHash: string | undefined
  ): Result<BatchOutcome<AccountResult>, InvalidInputError | JournalError | LedgerIntegrityError> {
    const e = this.e
    const { results, rollback } = e.applyAccounts(events, ts)
    const seq = e.batches.length
    const hash = e.hashBatch(seq, ts, "accounts", events, undefined, e.head)
    if (expectHash !== undefined && hash !== expectHash) {
      rollback()
      return err(hashMismatch(seq))
    }
    const journal = this.journal(seq, ts, "accounts", () => events.map((a) => ({ ...a })), hash)
    if (!journal.ok) {
      rollback()
      return journal
    }
    e.batches.push({ seq, timestamp: ts, kind: "accounts", accounts: events, from: 0, to: 0, hash })
    e.head = hash
    e.lastTs = ts
    return ok({
      seq,
      timestamp: ts,
      hash,
      results,
      failures: results.filter((r) => r.code !== "created" && r.code !== "exists").length
    })
  }

  private journal(
    seq: number,
    ts: number,
    kind: "accounts" | "transfers",
    events: () => Array<unknown>,
    hash: string
  ): Result<void, JournalError> {
    // Replayed batches are already in the journal they come from.
    if (this.onCommit === undefined || this.replaying) return ok(undefined)
    try {
      this.onCommit({ seq, timestamp: ts, kind, events: events(), hash })
      return ok(undefined)
    } catch (cause) {
      return err(new JournalError(cause instanceof Error ? cause.message : String(cause)))
    }
  }

  createTransfers(
    input: unknown,
    options: CreateTransfersOptions = {}
  ): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError> {
    const events = parseBatch(input)
    if (!events.ok) return events
    const ts = this.now()
    if (!ts.ok) return ts
    const r = this.commitTransfers(events.value, ts.value, options.results !== false, undefined)
    return r as Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
  }

  commitTransfers(
    events: ReadonlyArray<TRec>,
    ts: number,
    wantResults: boolean,
    expectHash: string | undefined
  ): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError | LedgerIntegrityError> {
    const e = this.e
    if (events.length === 0 && !e.hasDue(ts))
      return ok({ seq: undefined, timestamp: ts, hash: e.head, results: [], failures: 0 })
    const { results, failures, from, to, rollback } = e.applyTransfers(events, ts, wantResults)
    const seq = e.batches.length
    const hash = e.hashBatch(seq, ts, "transfers", undefined, events, e.head)
    if (expectHash !== undefined && hash !== expectHash) {
      rollback()
      return err(hashMismatch(seq))
    }
    const journal = this.journal(seq, ts, "transfers", () => events.map(toInput), hash)
    if (!journal.ok) {
      rollback()
      return journal
    }
    e.batches.push({ seq, timestamp: ts, kind: "transfers", accounts: undefined, from, to, hash })
    e.head = hash
    e.lastTs = ts
    return ok({ seq, timestamp: ts, hash, results: results ?? [], failures })
  }

  correct(input: unknown): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError> {
    const parsed = validate(CorrectionInput, input)
    if (!parsed.ok) return parsed
    const c = parsed.value
    const e = this.e
    const orig = e.transfers.get(c.reverses)
    const prior = e.transfers.get(c.id)
    let reversal: Record<string, unknown>
    if (prior >= 0) {
      // A retry (or a reuse) of a known id: rebuild the event from what was stored, with the
      // caller's fields, so the ledger answers `exists` or `exists_with_different_fields`
      // exactly as for any other transfer. Defaulting the amount to what is left now would
      // turn a harmless retry into a second reversal attempt.
      reversal = {
        id: c.id,
        debitAccountId: e.debitAt(prior) ?? e.accIds[e.stD[prior]!] ?? "",
        creditAccountId: e.creditAt(prior) ?? e.accIds[e.stC[prior]!] ?? "",
        amount: c.amount ?? (e.evAmount[prior]! > 0 ? e.evAmount[prior] : Math.max(1, e.stEff[prior]!)),
        reverses: c.reverses,
        reason: c.reason
      }
      const ref = e.extraFieldsAt(prior)?.ref
      if (ref !== undefined) reversal.ref = ref
    } else {
      if (orig < 0)
        return err(
          new InvalidInputError([
            issue(
              ["reverses"],
              "reversed_transfer_not_found",
              "要冲正的转账不存在",
              "the transfer to reverse does not exist"
            )
          ])
        )
      const remaining = e.stEff[orig]! - e.reversedAt(orig)
      // A failed id answers id_already_failed whatever the amount; only an unseen id gets the default.
      const failed = e.failed.has(c.id)
      if (remaining <= 0 && c.amount === undefined && !failed)
        return err(
          new InvalidInputError([
            issue(["reverses"], "already_fully_reversed", "该转账已全部冲正", "the transfer is already fully reversed")
          ])
        )
      reversal = {
        id: c.id,
        debitAccountId: e.accIds[e.stC[orig]!] ?? "",
        creditAccountId: e.accIds[e.stD[orig]!] ?? "",
        amount: c.amount ?? Math.max(1, remaining),
        reverses: c.reverses,
        reason: c.reason
      }
      const ref = e.extraFieldsAt(orig)?.ref
      if (ref !== undefined) reversal.ref = ref
    }
    if (c.code !== undefined) reversal.code = c.code
    const batch = c.replacement === undefined ? [reversal] : [{ ...reversal, linked: true }, c.replacement]
    const r = this.createTransfers(batch)
    if (!r.ok && c.replacement !== undefined) {
      // Point issues of the replacement at the caller's field, not at position 1 of our batch.
      return err(
        new InvalidInputError(
          r.error.issues.map((i) => (i.path[0] === 1 ? { ...i, path: ["replacement", ...i.path.slice(1)] } : i))
        )
      )
    }
    return r
  }

  tick(): Result<BatchOutcome<TransferResult>, InvalidInputError | JournalError> {
    const ts = this.now()
    if (!ts.ok) return ts
    return this.commitTransfers([], ts.value, true, undefined) as Result<
      BatchOutcome<TransferResult>,
      InvalidInputError | JournalError
    >
  }

  replay(batches: ReadonlyArray<LogBatch>): Result<void, InvalidInputError | LedgerIntegrityError> {
    this.replaying = true
    try {
      return this.replayBatches(batches)
    } finally {
      this.replaying = false
    }
  }

  private replayBatches(batches: ReadonlyArray<LogBatch>): Result<void, InvalidInputError | LedgerIntegrityError> {
    // Size the transfer table once for the whole log rather than regrowing it as it fills.
    let events = 0
    for (const b of batches) if (b.kind === "transfers") events += b.events.length
    this.e.reserve(Math.min(events, 1 << 24))
    for (let b = 0; b < batches.length; b++) {
      const batch = batches[b]!
      if (batch.seq !== this.e.batches.length)
        return err(
          integrity(
            ["batches", b, "seq"],
            "sequence_gap",
            `批次序号 ${batch.seq} 不连续`,
            `batch seq ${batch.seq} is out of sequence`
          )
        )
      if (batch.timestamp < this.e.lastTs)
        return err(
          integrity(
            ["batches", b, "timestamp"],
            "time_went_backwards",
            "批次时间倒退",
            "batch timestamp went backwards"
          )
        )
      let r: Result<unknown, InvalidInputError | JournalError | LedgerIntegrityError>
      if (batch.kind === "accounts") {
        const parsed = parseAccounts(batch.events)
        if (!parsed.ok) return err(prefix(parsed.error, ["batches", b, "events"]))
        r = this.commitAccounts(parsed.value, batch.timestamp, batch.hash)
      } else {
        const parsed = parseBatch(batch.events)
        if (!parsed.ok) return err(prefix(parsed.error, ["batches", b, "events"]))
        r = this.commitTransfers(parsed.value, batch.timestamp, false, batch.hash)
      }
      if (!r.ok) {
        if (r.error instanceof LedgerIntegrityError)
          return err(new LedgerIntegrityError(r.error.issues.map((i) => ({ ...i, path: ["batches", b, ...i.path] }))))
        if (r.error instanceof InvalidInputError) return err(r.error)
        return err(integrity(["batches", b], "journal_write_failed", r.error.messageZh, r.error.message))
      }
    }
    return ok(undefined)
  }

  /** Replays this process's own batches (copies of the events) into this ledger. */
  replayInternal(source: Engine): Result<void, LedgerIntegrityError> {
    let events = 0
    for (const b of source.batches) events += b.to - b.from
    this.e.reserve(Math.min(events, 1 << 24))
    for (const b of source.batches) {
      const recs: Array<TRec> = []
      for (let p = b.from; p < b.to; p++) recs.push(source.recAt(p))
      const r =
        b.kind === "accounts"
          ? this.commitAccounts(b.accounts ?? [], b.timestamp, b.hash)
          : this.commitTransfers(recs, b.timestamp, false, b.hash)
      if (!r.ok)
        return err(
          r.error instanceof LedgerIntegrityError
            ? r.error
            : integrity(["batches", b.seq], "replay_failed", r.error.messageZh, r.error.message)
        )
    }
    return ok(undefined)
  }

  account(id: string): AccountState | undefined {
    const i = this.e.accIndex.get(id)
    return i === undefined ? undefined : this.accountAt(i)
  }

  private accountAt(i: number): AccountState {
    const e = this.e
    const a = e.accInputs[i]!
    const dPost = e.dPost[i]!
    const cPost = e.cPost[i]!
    const dPend = e.dPend[i]!
    return {
      id: a.id,
      unit: a.unit,
      code: a.code ?? 0,
      debitsMustNotExceedCredits: a.debitsMustNotExceedCredits === true,
      creditsMustNotExceedDebits: a.creditsMustNotExceedDebits === true,
      maxCreditBalance: a.maxCreditBalance,
      maxDebitBalance: a.maxDebitBalance,
      debitsPending: dPend,
      debitsPosted: dPost,
      creditsPending: e.cPend[i]!,
      creditsPosted: cPost,
      balance: cPost - dPost,
      available: cPost - dPost - dPend,
      timestamp: e.accTs[i]!
    }
  }

  accounts(): ReadonlyArray<AccountState> {
    return Array.from({ length: this.e.nAcc }, (_, i) => this.accountAt(i))
  }

  transfer(id: string): TransferState | undefined {
    const p = this.e.transfers.get(id)
    return p < 0 ? undefined : this.transferState(p)
  }

  private transferState(p: number): TransferState {
    const e = this.e
    const x = e.extraFieldsAt(p)
    const status = e.stStatus[p]
    return {
      id: e.evId[p]!,
      kind: KIND_NAMES[e.evKind[p]!]!,
      debitAccountId: e.accIds[e.stD[p]!]!,
      creditAccountId: e.accIds[e.stC[p]!]!,
      amount: e.stEff[p]!,
      pendingId: x?.pendingId,
      timeoutMs: x?.timeoutMs,
      code: e.evCode[p]!,
      ref: x?.ref,
      reverses: x?.reverses,
      reason: x?.reason,
      timestamp: e.timestampAt(p, e.lastTs),
      status:
        status === STATUS_PENDING
          ? "pending"
          : status === STATUS_POSTED
            ? "posted"
            : status === STATUS_VOIDED
              ? "voided"
              : status === STATUS_EXPIRED
                ? "expired"
                : undefined,
      reversed: e.reversedAt(p)
    }
  }

  transfers(): ReadonlyArray<TransferState> {
    return this.e.created().map((p) => this.transferState(p))
  }

  statement(accountId: string): ReadonlyArray<TransferState> {
    const e = this.e
    const i = e.accIndex.get(accountId)
    if (i === undefined) return []
    const out: Array<TransferState> = []
    for (const p of e.created()) if (e.stD[p] === i || e.stC[p] === i) out.push(this.transferState(p))
    return out
  }

  log(): ReadonlyArray<LogBatch> {
    const e = this.e
    return e.batches.map((b) => {
      const events: Array<unknown> = b.accounts ? b.accounts.map((a) => ({ ...a })) : []
      for (let p = b.from; p < b.to; p++) events.push(e.inputAt(p))
      return { seq: b.seq, timestamp: b.timestamp, kind: b.kind, events, hash: b.hash }
    })
  }

  head(): string {
    return this.e.head
  }

  snapshot(): LedgerSnapshot {
    return { format: "jiceng-ledger/1", batches: [...this.log()], head: this.e.head }
  }

  verify(options: { readonly mode?: "full" | "state" } = {}): Result<VerifyReport, LedgerIntegrityError> {
    const mode = options.mode === "state" ? "state" : "full"
    const state = checkState(this.e)
    if (!state.ok) return state
    if (mode === "full") {
      const fresh = new LedgerImpl(new Engine(this.e.sha256), undefined, undefined)
      const replayed = fresh.replayInternal(this.e)
      if (!replayed.ok) return replayed
      const diff = compareEngines(this.e, fresh.e)
      if (diff.length > 0) return err(new LedgerIntegrityError(diff))
    }
    const e = this.e
    return ok({
      accounts: e.nAcc,
      transfers: e.transfers.size,
      batches: e.batches.length,
      head: e.head,
      units: state.value,
      mode
    })
  }
}

const hashMismatch = (seq: number) =>
  integrity(
    ["hash"],
    "hash_mismatch",
    `第 ${seq} 批的哈希与内容不符：日志被篡改或损坏`,
    `batch ${seq}'s hash does not match its content: the log was altered or corrupted`
  )

const prefix = (e: InvalidInputError, path: ReadonlyArray<string | number>): InvalidInputError =>
  new InvalidInputError(e.issues.map((i) => ({ ...i, path: [...path, ...i.path] })))

/** Parses an account batch on the fast path; anything unusual goes through zod. */
const parseAccounts = (input: unknown): Result<Array<AccountInput>, InvalidInputError> => {
  const fast = parseAccountsFast(input)
  return fast === undefined ? validate(AccountBatch, input) : ok(fast)
}

// A loop alone in its function: see Engine.applyEvents for why.
const parseAllFast = (input: ReadonlyArray<unknown>): Array<TRec> | undefined => {
  const out: Array<TRec> = new Array(input.length)
  for (let i = 0; i < input.length; i++) {
    const t = parseTransferFast(input[i])
    if (t === undefined) return undefined
    out[i] = t
  }
  return out
}

/** Parses a transfer batch on the fast path, falling back to zod for the issues. */
const parseBatch = (input: unknown): Result<Array<TRec>, InvalidInputError> => {
  if (Array.isArray(input) && input.length <= 100_000) {
    const out = parseAllFast(input)
    if (out !== undefined && (out.length === 0 || !out[out.length - 1]!.linked)) return ok(out)
  }
  const slow = validate(TransferBatch, input)
  if (!slow.ok) return slow
  // The fast path and the schema disagree: refuse rather than guess.
  return err(
    new InvalidInputError([
      issue(
        [],
        "unsupported_input",
        "输入形式无法安全解析（如含访问器属性）",
        "input could not be read safely (e.g. accessor properties)"
      )
    ])
  )
}

// Exact sums of safe integers: each value is split into 26-bit halves whose running sums stay
// exact for up to 2^26 accounts; the result is rendered as a decimal string.
const exactSum = (a: Float64Array, n: number, unitOf: Int32Array, unit: number): string => {
  let hi = 0
  let lo = 0
  for (let i = 0; i < n; i++) {
    if (unitOf[i] !== unit) continue
    const v = a[i]!
    const h = Math.floor(v / 67108864)
    hi += h
    lo += v - h * 67108864
  }
  return (BigInt(hi) * 67108864n + BigInt(lo)).toString()
}

const checkState = (e: Engine): Result<Array<UnitTotals>, LedgerIntegrityError> => {
  const issues: Array<Issue> = []
  const n = e.nAcc
  const { dPend, dPost, cPend, cPost, accFlags, creditCap, debitCap } = e
  for (let i = 0; i < n; i++) {
    const dp = dPend[i]!
    const dq = dPost[i]!
    const cp = cPend[i]!
    const cq = cPost[i]!
    const id = e.accIds[i]!
    if (
      !(dp >= 0 && dq >= 0 && cp >= 0 && cq >= 0 && dp + dq <= Number.MAX_SAFE_INTEGER) ||
      !(cp + cq <= Number.MAX_SAFE_INTEGER) ||
      !Number.isInteger(dp + dq + cp + cq)
    ) {
      issues.push(
        issue(
          ["accounts", id],
          "counter_out_of_range",
          "账户计数器越界或非整数",
          "an account counter is negative, unsafe or not an integer"
        )
      )
      continue
    }
    const f = accFlags[i]!
    if (f === 0) continue
    if ((f & 1) !== 0 && dp + dq > cq)
      issues.push(
        issue(
          ["accounts", id],
          "negative_balance",
          "不允许为负的账户出现负余额",
          "an account that may never go negative is negative"
        )
      )
    if ((f & 2) !== 0 && cp + cq > dq)
      issues.push(
        issue(["accounts", id], "credits_exceed_debits", "贷方超过借方", "an account's credits exceed its debits")
      )
    if ((f & 4) !== 0 && cp + cq - dq > creditCap[i]!)
      issues.push(
        issue(["accounts", id], "credit_cap_exceeded", "账户超过存储上限", "an account is above its balance cap")
      )
    if ((f & 8) !== 0 && dp + dq - cq > debitCap[i]!)
      issues.push(
        issue(["accounts", id], "debit_cap_exceeded", "账户超过借方上限", "an account is above its debit cap")
      )
  }
  const units: Array<UnitTotals> = []
  for (let u = 0; u < e.unitNames.length; u++) {
    const t: UnitTotals = {
      unit: e.unitNames[u]!,
      debitsPosted: exactSum(dPost, n, e.accUnit, u),
      creditsPosted: exactSum(cPost, n, e.accUnit, u),
      debitsPending: exactSum(dPend, n, e.accUnit, u),
      creditsPending: exactSum(cPend, n, e.accUnit, u)
    }
    if (t.debitsPosted !== t.creditsPosted)
      issues.push(
        issue(
          ["units", t.unit],
          "posted_unbalanced",
          `计量单位 ${t.unit} 的已过账借贷不平`,
          `posted debits ≠ posted credits in unit ${t.unit}`
        )
      )
    if (t.debitsPending !== t.creditsPending)
      issues.push(
        issue(
          ["units", t.unit],
          "pending_unbalanced",
          `计量单位 ${t.unit} 的待定借贷不平`,
          `pending debits ≠ pending credits in unit ${t.unit}`
        )
      )
    units.push(t)
  }
  return issues.length > 0 ? err(new LedgerIntegrityError(issues)) : ok(units)
}

const compareEngines = (live: Engine, replayed: Engine): Array<Issue> => {
  const issues: Array<Issue> = []
  if (live.nAcc !== replayed.nAcc)
    issues.push(
      issue(["accounts"], "replay_mismatch", "重放后的账户数不同", "replay gives a different number of accounts")
    )
  for (let i = 0; i < Math.min(live.nAcc, replayed.nAcc) && issues.length < 20; i++) {
    if (
      live.accIds[i] !== replayed.accIds[i] ||
      live.dPend[i] !== replayed.dPend[i] ||
      live.dPost[i] !== replayed.dPost[i] ||
      live.cPend[i] !== replayed.cPend[i] ||
      live.cPost[i] !== replayed.cPost[i]
    )
      issues.push(
        issue(
          ["accounts", live.accIds[i] ?? i],
          "replay_mismatch",
          "重放日志得到的余额与当前余额不同",
          "replaying the log gives different balances"
        )
      )
  }
  if (live.transfers.size !== replayed.transfers.size || live.failed.size !== replayed.failed.size)
    issues.push(
      issue(["transfers"], "replay_mismatch", "重放后的转账数不同", "replay gives a different set of transfers")
    )
  else
    for (const t of live.created()) {
      const id = live.evId[t]!
      const r = replayed.transfers.get(id)
      if (
        r < 0 ||
        replayed.stStatus[r] !== live.stStatus[t] ||
        replayed.stEff[r] !== live.stEff[t] ||
        replayed.stD[r] !== live.stD[t] ||
        replayed.stC[r] !== live.stC[t] ||
        replayed.reversedAt(r) !== live.reversedAt(t) ||
        replayed.stBatch[r] !== live.stBatch[t]
      ) {
        issues.push(
          issue(["transfers", id], "replay_mismatch", "重放后的转账状态不同", "replay gives a different transfer state")
        )
        if (issues.length >= 20) break
      }
    }
  return issues
}
