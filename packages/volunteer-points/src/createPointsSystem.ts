import { err, InvalidInputError, issue, type JicengError, mulDiv, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { createLedger, JournalError, type Ledger, LedgerIntegrityError, type VerifyReport } from "./createLedger.ts"
import { type Lot, LotBook, type Take } from "./internal/LotBook.ts"
import { explainCode, type TransferInput } from "./LedgerModel.ts"
import { type CatalogueItem, DEFAULT_REGION, Relation, Scheme, ShortId } from "./schemes.ts"
import {
  defaultWorkflow,
  findOverlap,
  PointsError,
  RecordWorkflow,
  refuse,
  ServiceRecord,
  Timestamp,
  verifyRecord
} from "./serviceRecord.ts"

const isReady = (state: string, workflow: RecordWorkflow): boolean =>
  state === "acknowledged" || (state === "confirmed" && workflow.acknowledge === null)

const MAX = Number.MAX_SAFE_INTEGER
const DAY = 86_400_000
// China Standard Time has been UTC+8 without daylight saving since 1991; calendar years for
// annual caps are counted in it.
const CST = 8 * 3_600_000

/**
 * Reason codes on the ledger transfers the points system writes (the `code` of each transfer).
 *
 * @example
 * ```ts
 * import { TRANSFER_CODES } from "@jiceng/volunteer-points"
 * TRANSFER_CODES.expire //=> 6
 * ```
 * @since 0.1.0
 * @category points
 */
export const TRANSFER_CODES = {
  issue: 1,
  record: 2,
  redeem: 3,
  gift: 4,
  donate: 5,
  expire: 6,
  overflow: 7,
  restock: 8,
  stock: 9,
  clearing: 10,
  settle: 11,
  reversal: 12
} as const

/**
 * Options of {@link createPointsSystem}: the regions of a cross-region scheme (通存通兑), each
 * with an optional limit on its net clearing position, and the service-record workflow.
 *
 * @since 0.1.0
 * @category points
 */
export const PointsSystemOptions = z.strictObject({
  regions: z
    .array(z.strictObject({ id: ShortId, netLimit: z.int().min(0).max(MAX).optional() }))
    .min(1)
    .max(1000)
    .optional(),
  workflow: RecordWorkflow.optional(),
  /**
   * A write-ahead journal: called with each operation whose input is valid, before it is
   * applied. If it throws, the operation is not applied and the call returns a
   * `JournalError`. Replaying the journal with {@link restorePointsSystem} rebuilds the system.
   * The operation passed is deep-frozen (it is the entry the system's own log keeps): store or
   * serialise it, do not change it.
   */
  onOperation: z.custom<(operation: PointsOperation) => void>((v) => typeof v === "function").optional()
})
/** @since 0.1.0 @category points */
export type PointsSystemOptions = z.infer<typeof PointsSystemOptions>

/**
 * The operations of a points system, by the name of the method that performs them.
 *
 * @since 0.1.0
 * @category points
 */
export const PointsOperationName = z.enum([
  "openHolders",
  "issue",
  "postRecord",
  "reverseRecord",
  "redeem",
  "gift",
  "donate",
  "restock",
  "settle",
  "expire"
])
/** @since 0.1.0 @category points */
export type PointsOperationName = z.infer<typeof PointsOperationName>

/**
 * One entry of a points system's operation log: the method called and its validated input.
 * Operations that were refused are logged too (a refused id stays refused), so replaying the
 * log reproduces every outcome.
 *
 * @since 0.1.0
 * @category points
 */
export const PointsOperation = z.strictObject({ op: PointsOperationName, input: z.unknown() })
/** @since 0.1.0 @category points */
export type PointsOperation = z.infer<typeof PointsOperation>

/**
 * A points system's complete, portable state: its scheme, options and operation log, with
 * the head hash of its ledger, which replaying the log must reproduce. `ledgerHead` may be
 * left out when rebuilding from a write-ahead journal that has no checkpoint (the journal is
 * written before each operation is applied, so it cannot hold the head after it): the replay
 * is then checked only against the rules, not against an earlier state.
 *
 * @since 0.1.0
 * @category points
 */
export const PointsSnapshot = z.strictObject({
  format: z.literal("jiceng-points/1"),
  scheme: z.unknown(),
  options: z.unknown(),
  operations: z.array(PointsOperation),
  ledgerHead: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional()
})
/** @since 0.1.0 @category points */
export type PointsSnapshot = z.infer<typeof PointsSnapshot>

const Amt = z.int().min(1).max(MAX)

/**
 * A holder (持有人) to open: an opaque id and the region they belong to (default `"default"`).
 *
 * @since 0.1.0
 * @category points
 */
export const HolderInput = z.strictObject({ id: ShortId, region: ShortId.optional() })
/** @since 0.1.0 @category points */
export type HolderInput = z.infer<typeof HolderInput>

/**
 * A direct issue of units to a holder (e.g. a fund grant to elders living alone); earned hours go through `postRecord` instead.
 *
 * @since 0.1.0
 * @category points
 */
export const IssueInput = z.strictObject({ id: ShortId, holder: ShortId, amount: Amt, at: Timestamp })
/** @since 0.1.0 @category points */
export type IssueInput = z.infer<typeof IssueInput>

/**
 * A redemption (兑换) of `quantity` units of a catalogue item. Time banks with withdrawal rules
 * need the `beneficiary`: how they relate to the holder, their age in whole years and whether
 * they are in special hardship. The age is checked, never stored.
 *
 * @since 0.1.0
 * @category points
 */
export const RedeemInput = z.strictObject({
  id: ShortId,
  holder: ShortId,
  sku: ShortId,
  quantity: z.int().min(1).max(1_000_000).optional(),
  at: Timestamp,
  beneficiary: z
    .strictObject({ relation: Relation, age: z.int().min(0).max(150), hardship: z.boolean().optional() })
    .optional()
})
/** @since 0.1.0 @category points */
export type RedeemInput = z.infer<typeof RedeemInput>

/**
 * A gift (赠与) of units from one holder to another, allowed only for the relations the scheme lists.
 *
 * @since 0.1.0
 * @category points
 */
export const GiftInput = z.strictObject({
  id: ShortId,
  from: ShortId,
  to: ShortId,
  relation: Relation,
  amount: Amt,
  at: Timestamp
})
/** @since 0.1.0 @category points */
export type GiftInput = z.infer<typeof GiftInput>

/**
 * A donation (捐赠) of units from a holder to the scheme's donation pool.
 *
 * @since 0.1.0
 * @category points
 */
export const DonateInput = z.strictObject({ id: ShortId, holder: ShortId, amount: Amt, at: Timestamp })
/** @since 0.1.0 @category points */
export type DonateInput = z.infer<typeof DonateInput>

/**
 * More stock for a catalogue item, recorded as a transfer on the item's stock unit.
 *
 * @since 0.1.0
 * @category points
 */
export const RestockInput = z.strictObject({ id: ShortId, sku: ShortId, quantity: Amt, at: Timestamp })
/** @since 0.1.0 @category points */
export type RestockInput = z.infer<typeof RestockInput>

/**
 * A service record to post: it must have every approval of the workflow; posting creates the ledger transfer.
 *
 * @since 0.1.0
 * @category points
 */
export const PostRecordInput = z.strictObject({ record: ServiceRecord, at: Timestamp })
/** @since 0.1.0 @category points */
export type PostRecordInput = z.infer<typeof PostRecordInput>

/**
 * A correction (冲正) of a posted record: a reversal transfer with a reason; the corrected record is then posted anew with `corrects`.
 *
 * @since 0.1.0
 * @category points
 */
export const ReverseRecordInput = z.strictObject({
  id: ShortId,
  recordId: ShortId,
  reason: z.string().min(1).max(500),
  at: Timestamp
})
/** @since 0.1.0 @category points */
export type ReverseRecordInput = z.infer<typeof ReverseRecordInput>

/**
 * A settlement between two regions' clearing accounts, reducing what `debtor` owes `creditor` net.
 *
 * @since 0.1.0
 * @category clearing
 */
export const SettleInput = z.strictObject({
  id: ShortId,
  debtor: ShortId,
  creditor: ShortId,
  amount: Amt,
  at: Timestamp
})
/** @since 0.1.0 @category clearing */
export type SettleInput = z.infer<typeof SettleInput>

/**
 * The time up to which lots expire (an explicit sweep; every operation also sweeps up to its own time first).
 *
 * @since 0.1.0
 * @category points
 */
export const ExpireInput = z.strictObject({ at: Timestamp })
/** @since 0.1.0 @category points */
export type ExpireInput = z.infer<typeof ExpireInput>

/**
 * A lot as seen from outside.
 *
 * @since 0.1.0
 * @category points
 */
export interface LotView {
  readonly id: string
  readonly holder: string
  readonly issuedAt: number
  readonly expiresAt: number | undefined
  readonly amount: number
  readonly remaining: number
  readonly source: "record" | "issue" | "gift"
  readonly ref: string
}

/**
 * What an operation did: the ledger transfers it wrote (one linked chain), the units moved,
 * the lots it created or consumed, what went to the donation pool above a cap, and the lots
 * that expired (by an explicit transfer each) before it ran.
 *
 * @since 0.1.0
 * @category points
 */
export interface Receipt {
  readonly id: string
  readonly kind: "issue" | "post" | "redeem" | "gift" | "donate" | "restock" | "reverse" | "settle"
  readonly at: number
  readonly amount: number
  readonly overflow: number
  readonly transfers: ReadonlyArray<string>
  readonly lots: ReadonlyArray<{ readonly lot: string; readonly amount: number }>
  readonly expired: ReadonlyArray<{ readonly lot: string; readonly holder: string; readonly amount: number }>
}

/**
 * The liability identity: issued − redeemed − expired − donated = outstanding (what holders
 * hold); regions' clearing balances always sum to zero.
 *
 * @since 0.1.0
 * @category points
 */
export interface Liability {
  readonly issued: number
  readonly redeemed: number
  readonly expired: number
  readonly donated: number
  readonly outstanding: number
}

/**
 * A region's clearing position: positive `net` means the region owes the others (its holders
 * spent more elsewhere than others spent in it).
 *
 * @since 0.1.0
 * @category clearing
 */
export interface RegionPosition {
  readonly region: string
  readonly net: number
  readonly limit: number | undefined
  /** Gross amounts this region owes each other region before netting. */
  readonly owes: Readonly<Record<string, number>>
}

/**
 * A posted record as the system keeps it.
 *
 * @since 0.1.0
 * @category points
 */
export interface PostedRecord {
  readonly record: ServiceRecord
  readonly units: number
  readonly overflow: number
  readonly postedAt: number
  readonly reversed: boolean
}

/**
 * A points system or time bank: a scheme run on a ledger (see {@link createPointsSystem}).
 *
 * @since 0.1.0
 * @category points
 */
export interface PointsSystem {
  readonly scheme: Scheme
  readonly workflow: RecordWorkflow
  /** The underlying ledger, for statements, snapshots and `verify()`; write to it only through the system. */
  readonly ledger: Omit<Ledger, "createAccounts" | "createTransfers" | "correct" | "tick">
  openHolders(
    input: unknown
  ): Result<ReadonlyArray<"created" | "exists">, InvalidInputError | PointsError | JournalError>
  issue(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  postRecord(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  reverseRecord(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  redeem(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  gift(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  donate(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  restock(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  settle(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError>
  /** Expires every lot due at `at` (one explicit transfer per lot to the expiry account). */
  expire(input: unknown): Result<Receipt["expired"], InvalidInputError | PointsError | JournalError>
  balance(holder: string): number | undefined
  lots(holder: string): ReadonlyArray<LotView>
  holders(): ReadonlyArray<{ readonly id: string; readonly region: string }>
  stock(sku: string): number | undefined
  /** Minutes of posted, unreversed records: the only hours that count. */
  certifiedMinutes(holder: string): number
  postedRecords(holder: string): ReadonlyArray<PostedRecord>
  liability(): Liability
  positions(): ReadonlyArray<RegionPosition>
  /** Everything needed to rebuild the system with {@link restorePointsSystem}. */
  snapshot(): PointsSnapshot
  /** The ledger's full verify plus lot sums = balances, the liability identity and clearing. */
  verify(options?: {
    readonly mode?: "full" | "state"
  }): Result<VerifyReport & { readonly liability: Liability }, LedgerIntegrityError | PointsError>
}

const hId = (h: string) => `h:${h}`
const mId = (m: string) => `m:${m}`
const cId = (r: string) => `c:${r}`

interface Plan {
  readonly transfers: Array<TransferInput>
  readonly amount: number
  readonly overflow: number
  readonly lots: ReadonlyArray<{ readonly lot: string; readonly amount: number }>
  readonly apply: () => void
}

// Ledger transfer ids are the operation id behind a per-kind prefix, so kinds never collide.
const deepFreeze = <T>(x: T): T => {
  if (typeof x === "object" && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x)
    for (const v of Object.values(x)) deepFreeze(v)
  }
  return x
}

// The method behind each kind of receipt, for the operation log.
const METHOD: Record<Receipt["kind"], PointsOperationName> = {
  issue: "issue",
  post: "postRecord",
  reverse: "reverseRecord",
  redeem: "redeem",
  gift: "gift",
  donate: "donate",
  restock: "restock",
  settle: "settle"
}

const PREFIX: Record<Receipt["kind"], string> = {
  issue: "i",
  post: "p",
  reverse: "v",
  redeem: "r",
  gift: "g",
  donate: "d",
  restock: "s",
  settle: "c"
}

type Outcome = { readonly digest: string; readonly result: Result<Receipt, PointsError> }

// One linked chain: every transfer but the last is linked to the next, so the ledger applies
// all of them or none.
const linkChain = (transfers: ReadonlyArray<TransferInput>): Array<TransferInput> =>
  transfers.map((t, i) => (i < transfers.length - 1 ? { ...t, linked: true } : t))

// The lots a spend consumed, as a receipt lists them.
const takenLots = (takes: ReadonlyArray<Take>): Plan["lots"] => takes.map((t) => ({ lot: t.lot.id, amount: t.amount }))

// Nested validation issues keep their place in the whole input, behind `prefix`.
const under = <I extends { readonly path: ReadonlyArray<PropertyKey> }>(prefix: string, issues: ReadonlyArray<I>) =>
  issues.map((i) => ({ ...i, path: [prefix, ...i.path] }))

// A plan of one transfer between two accounts that creates no lots.
const single = (
  tid: string,
  debitAccountId: string,
  creditAccountId: string,
  amount: number,
  code: number,
  lots: Plan["lots"],
  apply: () => void
): Plan => ({
  transfers: [{ id: tid, debitAccountId, creditAccountId, amount, code }],
  amount,
  overflow: 0,
  lots,
  apply
})

/**
 * Runs a points scheme or time bank on a fresh ledger. Every movement of units is a ledger
 * transfer (linked into one chain per operation, so nothing is ever half applied); units live
 * in lots that spends consume FIFO or FEFO; expiry, where the scheme has it, is an explicit
 * transfer to an expiry account; posted service records are the only source of earned hours;
 * redemptions check stock, minimum, balance and withdrawal age; gifts check the relation;
 * caps refuse or overflow to the donation pool; movements between regions go through
 * clearing accounts. Operation ids make retries harmless: the same id and input return the
 * same outcome.
 *
 * @example
 * ```ts
 * import { createPointsSystem, schemes } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const bank = getOrThrow(createPointsSystem(schemes.kunshan[0]!.value))
 * bank.openHolders([{ id: "vol-1" }]).ok //=> true
 * getOrThrow(bank.issue({ id: "grant-1", holder: "vol-1", amount: 1000, at: 0 })).amount //=> 1000
 * getOrThrow(bank.redeem({ id: "buy-1", holder: "vol-1", sku: "rice-5kg", at: 1 })).amount //=> 800
 * bank.balance("vol-1") //=> 200
 * bank.stock("rice-5kg") //=> 99
 * bank.redeem({ id: "buy-2", holder: "vol-1", sku: "rice-5kg", at: 2 }).ok //=> false
 * bank.verify().ok //=> true
 * ```
 * @since 0.1.0
 * @category points
 */
export const createPointsSystem = (scheme: unknown, options: unknown = {}): Result<PointsSystem, InvalidInputError> => {
  const s = validate(Scheme, scheme)
  if (!s.ok) return err(new InvalidInputError(under("scheme", s.error.issues)))
  const o = validate(PointsSystemOptions, options)
  if (!o.ok) return err(new InvalidInputError(under("options", o.error.issues)))
  const regions = o.value.regions ?? [{ id: DEFAULT_REGION }]
  const ids = new Set(regions.map((r) => r.id))
  if (ids.size !== regions.length)
    return err(
      new InvalidInputError([issue(["options", "regions"], "duplicate_region", "地区重复", "a region is listed twice")])
    )
  for (const [i, item] of s.value.redemption.catalogue.entries())
    if (!ids.has(item.region ?? DEFAULT_REGION))
      return err(
        new InvalidInputError([
          issue(
            ["scheme", "redemption", "catalogue", i, "region"],
            "unknown_region",
            `商户所在地区 ${item.region ?? DEFAULT_REGION} 不在地区列表中`,
            `the merchant's region ${item.region ?? DEFAULT_REGION} is not among the regions`
          )
        ])
      )
  const { onOperation, ...data } = o.value
  return ok(new System(s.value, data, o.value.workflow ?? defaultWorkflow, regions, onOperation))
}

/**
 * Rebuilds a points system from a {@link PointsSnapshot} by replaying its operation log
 * through a fresh system with the same scheme and options, then checks that the rebuilt
 * ledger ends on the snapshot's head hash: an operation edited, dropped or reordered changes
 * the ledger and is refused with `head_mismatch`. To rebuild from a write-ahead journal kept
 * with `onOperation`, put its entries in `operations` (with the head of a checkpoint if one
 * was kept); `onOperation` here journals the operations that follow the restore (the
 * replayed ones are not journaled again).
 *
 * @example
 * ```ts
 * import { createPointsSystem, restorePointsSystem, schemes } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const bank = getOrThrow(createPointsSystem(schemes.kunshan[0]!.value))
 * bank.openHolders([{ id: "vol-1" }]).ok //=> true
 * bank.issue({ id: "grant-1", holder: "vol-1", amount: 300, at: 0 }).ok //=> true
 * const copy = getOrThrow(restorePointsSystem(JSON.parse(JSON.stringify(bank.snapshot()))))
 * copy.balance("vol-1") //=> 300
 * restorePointsSystem({ ...bank.snapshot(), ledgerHead: "0".repeat(64) }).ok //=> false
 * ```
 * @since 0.1.0
 * @category points
 */
export const restorePointsSystem = (
  snapshot: unknown,
  options: { readonly onOperation?: (operation: PointsOperation) => void } = {}
): Result<PointsSystem, InvalidInputError | LedgerIntegrityError> => {
  if (typeof options !== "object" || options === null)
    return err(
      new InvalidInputError([issue(["options"], "invalid_option", "选项必须是对象", "options must be an object")])
    )
  if (options.onOperation !== undefined && typeof options.onOperation !== "function")
    return err(
      new InvalidInputError([
        issue(["onOperation"], "invalid_option", "onOperation 必须是函数", "onOperation must be a function")
      ])
    )
  const parsed = validate(PointsSnapshot, snapshot)
  if (!parsed.ok) return parsed
  const snap = parsed.value
  const created = createPointsSystem(snap.scheme, snap.options)
  if (!created.ok) return created
  const system = created.value as System
  for (const [i, o] of snap.operations.entries()) {
    const r = (system[o.op] as (input: unknown) => Result<unknown, JicengError>)(o.input)
    if (!r.ok && r.error instanceof InvalidInputError)
      return err(
        new InvalidInputError(r.error.issues.map((x) => ({ ...x, path: ["operations", i, "input", ...x.path] })))
      )
  }
  if (snap.ledgerHead !== undefined && system.ledger.head() !== snap.ledgerHead)
    return err(
      new LedgerIntegrityError([
        issue(
          ["ledgerHead"],
          "head_mismatch",
          "重放操作日志得到的账本链头哈希与快照不符：日志被修改、删减或调换",
          "replaying the operation log gives a different ledger head: the log was edited, cut or reordered"
        )
      ])
    )
  system.journalTo(options.onOperation)
  return ok(system)
}

class System implements PointsSystem {
  readonly scheme: Scheme
  readonly workflow: RecordWorkflow
  readonly ledger: Ledger
  private readonly book: LotBook
  private readonly holderRegion = new Map<string, string>()
  private readonly items = new Map<string, CatalogueItem>()
  private readonly regionLimit = new Map<string, number | undefined>()
  private readonly owes = new Map<string, Map<string, number>>()
  private readonly outcomes = new Map<string, Outcome>()
  private readonly posted = new Map<string, PostedRecord>()
  private readonly postedBy = new Map<string, Array<string>>()
  private readonly earnedInYear = new Map<string, number>()
  private readonly recordLot = new Map<string, string>()
  private now = 0
  private readonly multiRegion: boolean
  private readonly options: Omit<PointsSystemOptions, "onOperation">
  private onOperation: ((operation: PointsOperation) => void) | undefined
  private readonly operations: Array<PointsOperation> = []

  constructor(
    scheme: Scheme,
    options: Omit<PointsSystemOptions, "onOperation">,
    workflow: RecordWorkflow,
    regions: ReadonlyArray<{ id: string; netLimit?: number | undefined }>,
    onOperation: ((operation: PointsOperation) => void) | undefined
  ) {
    this.scheme = scheme
    this.options = options
    this.onOperation = onOperation
    this.workflow = workflow
    this.book = new LotBook(scheme.lots.order)
    this.multiRegion = regions.length > 1
    const created = createLedger({ clock: () => this.now })
    if (!created.ok) throw new Error("unreachable: ledger options are fixed")
    this.ledger = created.value
    const u = scheme.unit
    const accounts: Array<Record<string, unknown>> = [
      { id: "issuer", unit: u, code: 2 },
      { id: "expired", unit: u, code: 3, debitsMustNotExceedCredits: true },
      { id: "donations", unit: u, code: 4, debitsMustNotExceedCredits: true }
    ]
    for (const r of regions) {
      this.regionLimit.set(r.id, r.netLimit)
      this.owes.set(r.id, new Map())
      if (this.multiRegion) {
        const acc: Record<string, unknown> = { id: cId(r.id), unit: u, code: 5 }
        if (r.netLimit !== undefined) {
          acc.maxCreditBalance = r.netLimit
          acc.maxDebitBalance = r.netLimit
        }
        accounts.push(acc)
      }
    }
    const merchants = new Set<string>()
    const stockMoves: Array<TransferInput> = []
    for (const item of scheme.redemption.catalogue) {
      this.items.set(item.sku, item)
      if (!merchants.has(item.merchant)) {
        merchants.add(item.merchant)
        accounts.push({ id: mId(item.merchant), unit: u, code: 6 })
      }
      if (item.stock !== undefined) {
        const su = `stock:${item.sku}`
        accounts.push(
          { id: `supply:${item.sku}`, unit: su },
          { id: su, unit: su, debitsMustNotExceedCredits: true },
          { id: `sold:${item.sku}`, unit: su }
        )
        if (item.stock > 0)
          stockMoves.push({
            id: `s:init:${item.sku}`,
            debitAccountId: `supply:${item.sku}`,
            creditAccountId: su,
            amount: item.stock,
            code: TRANSFER_CODES.restock
          })
      }
    }
    const a = this.ledger.createAccounts(accounts)
    const t = stockMoves.length > 0 ? this.ledger.createTransfers(stockMoves) : ok(undefined)
    if (!a.ok || !t.ok) throw new Error("unreachable: the scheme was validated")
  }

  // ---- shared machinery -------------------------------------------------------------------

  /** Sets the write-ahead journal (used after a restore, so replayed operations are not journaled twice). */
  journalTo(onOperation: ((operation: PointsOperation) => void) | undefined): void {
    this.onOperation = onOperation
  }

  /**
   * Logs an operation whose input is valid, before it is applied: the write-ahead journal
   * first (if it throws, nothing is applied), then the in-memory log that `snapshot()` returns.
   */
  private log(op: PointsOperationName, input: unknown): Result<void, JournalError> {
    // Frozen rather than copied: the journal gets the very object the log keeps, and neither
    // can change it (a structured clone per operation cost a tenth of the operation).
    const operation = deepFreeze({ op, input })
    if (this.onOperation !== undefined)
      try {
        this.onOperation(operation)
      } catch (cause) {
        return err(new JournalError(cause instanceof Error ? cause.message : String(cause)))
      }
    this.operations.push(operation)
    return ok(undefined)
  }

  /** Runs an operation keyed by its own `id` (every kind but posting, which is keyed by the record). */
  private run<I extends { readonly id: string; readonly at: number }>(
    kind: Receipt["kind"],
    schema: z.ZodType<I>,
    input: unknown,
    plan: (v: I, tid: string) => Result<Plan, PointsError>
  ): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.runKeyed(kind, schema, input, (v) => v.id, plan)
  }

  /**
   * The skeleton of every operation: validate, answer a retry with its first outcome, sweep
   * expiries up to `at`, plan, submit the plan as one linked chain and record the outcome.
   */
  private runKeyed<I extends { readonly at: number }>(
    kind: Receipt["kind"],
    schema: z.ZodType<I>,
    input: unknown,
    key: (v: I) => string,
    plan: (v: I, tid: string) => Result<Plan, PointsError>
  ): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    const parsed = validate(schema, input)
    if (!parsed.ok) return parsed
    const v = parsed.value
    const id = key(v)
    const k = `${kind}:${id}`
    // Zod rebuilds every (strict) object in its schema's key order, so the JSON text of the
    // parsed input is already canonical — and far cheaper than canonicalJson on the hot path.
    const digest = JSON.stringify(v)
    const seen = this.outcomes.get(k)
    if (seen !== undefined) {
      if (seen.digest === digest) return seen.result
      return refuse(
        ["id"],
        "exists_with_different_fields",
        `编号 ${id} 已被内容不同的操作使用`,
        `id ${id} is already used by a different operation`
      )
    }
    const logged = this.log(METHOD[kind], v)
    if (!logged.ok) return logged
    const time = this.advanceTo(v.at)
    if (!time.ok) return time
    const expired = time.value
    const tid = `${PREFIX[kind]}:${id}`
    const p = plan(v, tid)
    let result: Result<Receipt, PointsError>
    if (!p.ok) result = p
    else {
      const committed = this.commit(p.value.transfers)
      if (!committed.ok) result = committed
      else {
        p.value.apply()
        result = ok({
          id,
          kind,
          at: v.at,
          amount: p.value.amount,
          overflow: p.value.overflow,
          transfers: p.value.transfers.map((t) => t.id),
          lots: p.value.lots,
          expired
        })
      }
    }
    // Like TigerBeetle's id_already_failed: a refused movement stays refused, so a late retry
    // can never succeed and surprise anyone. Posting is keyed by the record id instead, and a
    // record legitimately changes (more approvals) between attempts, so only its success sticks.
    if (result.ok || kind !== "post") this.outcomes.set(k, { digest, result })
    return result
  }

  /** Submits one linked chain; maps a refusal to a typed error (nothing was applied). */
  private commit(transfers: Array<TransferInput>): Result<void, PointsError> {
    if (transfers.length === 0) return ok(undefined)
    const r = this.ledger.createTransfers(linkChain(transfers))
    if (!r.ok) return err(new PointsError(under("ledger", r.error.issues)))
    const bad = r.value.results.find((x) => x.code !== "created" && x.code !== "linked_event_failed")
    if (bad === undefined) return ok(undefined)
    const t = transfers.find((x) => x.id === bad.id)
    const acc = bad.code === "exceeds_credits" ? t?.debitAccountId : t?.creditAccountId
    if (acc?.startsWith("c:") === true || t?.debitAccountId?.startsWith("c:") === true)
      return refuse(
        ["amount"],
        "clearing_limit_exceeded",
        "超过地区清算净头寸上限",
        "a region's net clearing limit would be exceeded"
      )
    if (acc?.startsWith("stock:") === true) return refuse(["quantity"], "out_of_stock", "库存不足", "not enough stock")
    if (bad.code === "exceeds_credit_cap")
      return refuse(["amount"], "exceeds_cap", "超过账户存储上限", "the holder's cap would be exceeded")
    const e = explainCode(bad.code)
    return refuse(["ledger", bad.id], bad.code, e.zh, e.en)
  }

  /** Checks that time does not go back, then expires every lot due by `at`. */
  private advanceTo(at: number): Result<Receipt["expired"], PointsError> {
    if (at < this.now)
      return refuse(
        ["at"],
        "time_went_backwards",
        `操作时间 ${at} 早于上一次操作时间 ${this.now}`,
        `at ${at} is before the last operation's time ${this.now}`
      )
    this.now = at
    const due = this.book.due(at)
    if (due.length === 0) {
      this.book.advance(at)
      return ok([])
    }
    const transfers: Array<TransferInput> = due.map((l) => ({
      id: `x:${l.id}`,
      debitAccountId: hId(l.holder),
      creditAccountId: "expired",
      amount: l.remaining,
      code: TRANSFER_CODES.expire,
      ref: l.id
    }))
    const r = this.ledger.createTransfers(linkChain(transfers))
    if (!r.ok || r.value.failures > 0)
      return refuse(
        ["at"],
        "expiry_failed",
        "到期转账失败：账本与批次不一致",
        "expiry transfers failed: ledger and lots disagree"
      )
    const out = due.map((l) => ({ lot: l.id, holder: l.holder, amount: l.remaining }))
    for (const l of due) l.remaining = 0
    this.book.advance(at)
    return ok(out)
  }

  private requireHolder(id: string, path: string): Result<string, PointsError> {
    const r = this.holderRegion.get(id)
    return r === undefined
      ? refuse([path], "unknown_holder", `持有人 ${id} 未开户`, `holder ${id} has no account`)
      : ok(r)
  }

  private requireItem(sku: string): Result<CatalogueItem, PointsError> {
    const item = this.items.get(sku)
    return item === undefined
      ? refuse(["sku"], "unknown_sku", `目录中没有商品 ${sku}`, `no item ${sku} in the catalogue`)
      : ok(item)
  }

  /** Adds `delta` to what `holder` earned in the calendar year of `at` (for earnedPerYear caps). */
  private addEarned(holder: string, at: number, delta: number): void {
    const k = this.yearKey(holder, at)
    this.earnedInYear.set(k, (this.earnedInYear.get(k) ?? 0) + delta)
  }

  private bal(account: string): number {
    return this.ledger.account(account)?.balance ?? 0
  }

  private expiryOf(at: number): number | undefined {
    const d = this.scheme.lots.expiryDays
    return d === undefined ? undefined : at + d * DAY
  }

  private yearKey(holder: string, at: number): string {
    return `${holder}@${new Date(at + CST).getUTCFullYear()}`
  }

  /** Moves `amount` out of holder `from` into `to` (a holder or merchant account), via clearing across regions. */
  private route(
    tid: string,
    fromAccount: string,
    fromRegion: string,
    toAccount: string,
    toRegion: string,
    amount: number,
    code: number,
    ref?: string
  ): { transfers: Array<TransferInput>; apply: () => void } {
    const base = ref === undefined ? {} : { ref }
    if (!this.multiRegion || fromRegion === toRegion)
      return {
        transfers: [{ id: tid, debitAccountId: fromAccount, creditAccountId: toAccount, amount, code, ...base }],
        apply: () => {}
      }
    return {
      transfers: [
        { id: tid, debitAccountId: fromAccount, creditAccountId: cId(fromRegion), amount, code, ...base },
        {
          id: `${tid}#c`,
          debitAccountId: cId(toRegion),
          creditAccountId: toAccount,
          amount,
          code: TRANSFER_CODES.clearing,
          ...base
        }
      ],
      apply: () => {
        const m = this.owes.get(fromRegion)!
        m.set(toRegion, (m.get(toRegion) ?? 0) + amount)
      }
    }
  }

  /** Credits earned units to a holder, within the cap; the excess is refused or donated. */
  private credit(
    tid: string,
    holder: string,
    amount: number,
    at: number,
    source: "record" | "issue",
    ref: string,
    code: number
  ): Result<Plan, PointsError> {
    const cap = this.scheme.cap
    let credited = amount
    if (cap !== undefined) {
      const used =
        cap.basis === "balance" ? this.bal(hId(holder)) : (this.earnedInYear.get(this.yearKey(holder, at)) ?? 0)
      credited = Math.max(0, Math.min(amount, cap.amount - used))
      if (credited < amount && cap.overflow === "reject")
        return refuse(
          ["amount"],
          "exceeds_cap",
          `超过上限 ${cap.amount}：最多还能存入 ${credited}`,
          `the cap of ${cap.amount} allows at most ${credited} more`
        )
    }
    const overflow = amount - credited
    const transfers: Array<TransferInput> = []
    if (credited > 0)
      transfers.push({ id: tid, debitAccountId: "issuer", creditAccountId: hId(holder), amount: credited, code, ref })
    if (overflow > 0)
      transfers.push({
        id: `${tid}#o`,
        debitAccountId: "issuer",
        creditAccountId: "donations",
        amount: overflow,
        code: TRANSFER_CODES.overflow,
        ref
      })
    return ok({
      transfers,
      amount: credited,
      overflow,
      lots: credited > 0 ? [{ lot: tid, amount: credited }] : [],
      apply: () => {
        if (credited > 0) this.book.add(tid, holder, at, this.expiryOf(at), credited, source, ref)
        if (cap?.basis === "earnedPerYear") this.addEarned(holder, at, credited)
      }
    })
  }

  private spend(holder: string, amount: number): Result<Array<Take>, PointsError> {
    const balance = this.bal(hId(holder))
    const takes = balance >= amount ? this.book.plan(holder, amount) : undefined
    if (takes === undefined)
      return refuse(
        ["amount"],
        "insufficient_balance",
        `余额不足：现有 ${balance}，需要 ${amount}`,
        `insufficient balance: ${balance} held, ${amount} needed`
      )
    return ok(takes)
  }

  // ---- operations -------------------------------------------------------------------------

  openHolders(
    input: unknown
  ): Result<ReadonlyArray<"created" | "exists">, InvalidInputError | PointsError | JournalError> {
    const parsed = validate(z.array(HolderInput).max(100_000), input)
    if (!parsed.ok) return parsed
    const logged = this.log("openHolders", parsed.value)
    if (!logged.ok) return logged
    const out: Array<"created" | "exists"> = []
    const fresh: Array<Record<string, unknown>> = []
    const seen = new Map<string, string>()
    for (const [i, h] of parsed.value.entries()) {
      const region = h.region ?? DEFAULT_REGION
      if (!this.regionLimit.has(region))
        return refuse([i, "region"], "unknown_region", `地区 ${region} 不存在`, `region ${region} does not exist`)
      const known = this.holderRegion.get(h.id) ?? seen.get(h.id)
      if (known !== undefined) {
        if (known !== region)
          return refuse(
            [i, "region"],
            "exists_with_different_fields",
            `持有人 ${h.id} 已在其他地区开户`,
            `holder ${h.id} already exists in another region`
          )
        out.push("exists")
        continue
      }
      seen.set(h.id, region)
      const acc: Record<string, unknown> = {
        id: hId(h.id),
        unit: this.scheme.unit,
        code: 1,
        debitsMustNotExceedCredits: true
      }
      if (this.scheme.cap?.basis === "balance") acc.maxCreditBalance = this.scheme.cap.amount
      fresh.push(acc)
      out.push("created")
    }
    if (fresh.length > 0) {
      const r = this.ledger.createAccounts(fresh)
      if (!r.ok || r.value.failures > 0)
        return refuse([], "ledger_refused", "账本拒绝开户", "the ledger refused to open the accounts")
    }
    for (const [id, region] of seen) this.holderRegion.set(id, region)
    return ok(out)
  }

  issue(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("issue", IssueInput, input, (v, tid) => {
      const h = this.requireHolder(v.holder, "holder")
      if (!h.ok) return h
      return this.credit(tid, v.holder, v.amount, v.at, "issue", v.id, TRANSFER_CODES.issue)
    })
  }

  postRecord(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.runKeyed(
      "post",
      PostRecordInput,
      input,
      (v) => v.record.id,
      (v, tid) => {
        // Re-derive rather than trust: the history must replay through this system's workflow
        // to the claimed state, approvals and minutes (recomputed from the sessions).
        const verified = verifyRecord(v.record, this.workflow)
        if (!verified.ok) return err(new PointsError(under("record", verified.error.issues)))
        const rec = verified.value
        if (!isReady(rec.state, this.workflow))
          return refuse(
            ["record", "state"],
            "not_ready_to_post",
            `记录处于“${rec.state}”状态，尚未完成确认流程，不能记入`,
            `a ${rec.state} record has not completed its approvals and cannot be posted`
          )
        const approvedAt = rec.history[rec.history.length - 1]!.at
        if (v.at < approvedAt)
          return refuse(
            ["at"],
            "posted_before_approval",
            `记入时间早于最后一次确认（${approvedAt}）`,
            `the posting time is before the last approval (${approvedAt})`
          )
        const h = this.requireHolder(rec.volunteer, "record.volunteer")
        if (!h.ok) return h
        if (rec.corrects !== undefined && this.posted.get(rec.corrects)?.reversed !== true)
          return refuse(
            ["record", "corrects"],
            "corrected_record_not_reversed",
            "被更正的记录必须先冲正",
            "the record being corrected must be reversed first"
          )
        const mine = (this.postedBy.get(rec.volunteer) ?? [])
          .map((id) => this.posted.get(id)!)
          .filter((p) => !p.reversed)
        const others = mine.flatMap((p) => p.record.sessions)
        const clash = findOverlap(rec.sessions, others)
        if (clash !== undefined)
          return refuse(
            ["record", "sessions", Math.max(clash[0], clash[1])],
            "overlapping_sessions",
            "与该志愿者已记入的另一条记录签到时间重叠",
            "overlaps the sign-in times of another posted record of this volunteer"
          )
        let units: number
        try {
          units = mulDiv(rec.minutes, this.scheme.earning.unitsPerHour, 60, this.scheme.earning.rounding)
        } catch {
          return refuse(
            ["record", "sessions"],
            "overflow",
            "时长换算超出安全整数范围",
            "converting the minutes overflows"
          )
        }
        const base: Result<Plan, PointsError> =
          units > 0
            ? this.credit(tid, rec.volunteer, units, v.at, "record", rec.id, TRANSFER_CODES.record)
            : ok({ transfers: [], amount: 0, overflow: 0, lots: [], apply: () => {} })
        if (!base.ok) return base
        const p = base.value
        return ok({
          ...p,
          apply: () => {
            p.apply()
            const postedRecord: ServiceRecord = {
              ...rec,
              state: "posted",
              history: [...rec.history, { action: "post", actor: "ledger", at: v.at }]
            }
            this.posted.set(rec.id, {
              record: postedRecord,
              units: p.amount,
              overflow: p.overflow,
              postedAt: v.at,
              reversed: false
            })
            this.postedBy.set(rec.volunteer, [...(this.postedBy.get(rec.volunteer) ?? []), rec.id])
            if (p.amount > 0) this.recordLot.set(rec.id, tid)
          }
        })
      }
    )
  }

  reverseRecord(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("reverse", ReverseRecordInput, input, (v, tid) => {
      const p = this.posted.get(v.recordId)
      if (p === undefined)
        return refuse(["recordId"], "record_not_posted", "该记录尚未记入，无需冲正", "the record was never posted")
      if (p.reversed) return refuse(["recordId"], "already_reversed", "该记录已冲正", "the record is already reversed")
      const holder = p.record.volunteer
      const transfers: Array<TransferInput> = []
      let takes: Array<Take> = []
      if (p.units > 0) {
        // The record's lot splits into what is left (taken back from the lot), what already
        // expired (it sits in the expiry account: the expiry transfer is reversed, so the
        // holder is not charged a second time) and what was spent (taken from other lots).
        const lotId = this.recordLot.get(v.recordId)!
        const own = this.book.all.get(lotId)!
        const expiredPart = this.ledger.transfer(`x:${lotId}`)?.amount ?? 0
        const fromOwn = Math.min(own.remaining, p.units - expiredPart)
        const spent = p.units - expiredPart - fromOwn
        const balance = this.bal(hId(holder))
        const more = spent === 0 ? [] : planExcluding(this.book, holder, spent, lotId)
        if (more === undefined)
          return refuse(
            ["recordId"],
            "insufficient_balance",
            `冲正需要收回 ${fromOwn + spent}，但持有人余额只有 ${balance}`,
            `the reversal must take back ${fromOwn + spent} but the holder holds ${balance}`
          )
        takes = fromOwn > 0 ? [{ lot: own, amount: fromOwn }, ...more] : more
        const back = (id: string, amount: number): TransferInput => ({
          id,
          debitAccountId: hId(holder),
          creditAccountId: "issuer",
          amount,
          code: TRANSFER_CODES.reversal,
          reverses: `p:${v.recordId}`,
          reason: v.reason
        })
        if (fromOwn + spent > 0) transfers.push(back(tid, fromOwn + spent))
        // The expired part returns from the expiry account through the holder's account to
        // the issuer (a reversal must swap the accounts of what it reverses). Each pass is
        // ordered and sized so the holder never goes negative nor above a balance cap: debit
        // first while they hold enough, credit first while there is headroom — at most two
        // passes, since one of the two is at least half the cap and the part is within it.
        const cap = this.scheme.cap?.basis === "balance" ? this.scheme.cap.amount : MAX
        const held = balance - fromOwn - spent
        let left = expiredPart
        for (let n = 0; left > 0; n++) {
          const suffix = n === 0 ? "" : String(n + 1)
          const debitFirst = held >= cap - held
          const chunk = Math.min(left, debitFirst ? held : cap - held)
          if (chunk <= 0)
            return refuse(
              ["recordId"],
              "exceeds_cap",
              "持有人账户没有余地收回已过期部分",
              "the holder's account has no room to pass the expired part back"
            )
          const inbound: TransferInput = {
            id: `${tid}#x${suffix}`,
            debitAccountId: "expired",
            creditAccountId: hId(holder),
            amount: chunk,
            code: TRANSFER_CODES.reversal,
            reverses: `x:${lotId}`,
            reason: v.reason
          }
          const outbound = back(`${tid}#e${suffix}`, chunk)
          transfers.push(...(debitFirst ? [outbound, inbound] : [inbound, outbound]))
          left -= chunk
        }
      }
      if (p.overflow > 0) {
        if (this.bal("donations") < p.overflow)
          return refuse(
            ["recordId"],
            "donations_already_used",
            "捐赠池余额不足以收回超额部分",
            "the donation pool no longer holds the overflow"
          )
        transfers.push({
          id: `${tid}#o`,
          debitAccountId: "donations",
          creditAccountId: "issuer",
          amount: p.overflow,
          code: TRANSFER_CODES.reversal,
          reverses: `p:${v.recordId}#o`,
          reason: v.reason
        })
      }
      return ok({
        transfers,
        amount: p.units,
        overflow: p.overflow,
        lots: takenLots(takes),
        apply: () => {
          this.book.apply(takes)
          if (this.scheme.cap?.basis === "earnedPerYear") this.addEarned(holder, p.postedAt, -p.units)
          const record: ServiceRecord = {
            ...p.record,
            state: "reversed",
            history: [...p.record.history, { action: "reverse", actor: "ledger", at: v.at, reason: v.reason }]
          }
          this.posted.set(v.recordId, { ...p, record, reversed: true })
        }
      })
    })
  }

  redeem(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("redeem", RedeemInput, input, (v, tid) => {
      const found = this.requireItem(v.sku)
      if (!found.ok) return found
      const item = found.value
      const region = this.requireHolder(v.holder, "holder")
      if (!region.ok) return region
      const w = this.scheme.withdrawal
      if (w !== undefined) {
        const b = v.beneficiary
        if (b === undefined)
          return refuse(
            ["beneficiary"],
            "beneficiary_required",
            "时间银行兑换须说明服务对象及其年龄",
            "a time-bank withdrawal must name the beneficiary's relation and age"
          )
        if (!w.beneficiaries.includes(b.relation))
          return refuse(
            ["beneficiary", "relation"],
            "relation_not_allowed",
            `本方案不允许为“${b.relation}”兑换服务`,
            `this scheme does not allow withdrawals for a ${b.relation}`
          )
        const minAge = b.hardship === true && w.hardshipMinAge !== undefined ? w.hardshipMinAge : w.minAge
        if (b.age < minAge)
          return refuse(
            ["beneficiary", "age"],
            "withdrawal_age_not_met",
            `服务对象须年满 ${minAge} 周岁方可兑换`,
            `the beneficiary must be at least ${minAge} to withdraw`
          )
      }
      const quantity = v.quantity ?? 1
      const total = item.price * quantity
      if (!Number.isSafeInteger(total))
        return refuse(["quantity"], "overflow", "兑换总额超出安全整数范围", "the total overflows")
      const balance = this.bal(hId(v.holder))
      if (balance < this.scheme.redemption.minimumBalance)
        return refuse(
          ["holder"],
          "below_redemption_minimum",
          `余额达到 ${this.scheme.redemption.minimumBalance} 后才能兑换（现有 ${balance}）`,
          `redemption starts once the balance reaches ${this.scheme.redemption.minimumBalance} (now ${balance})`
        )
      if (item.stock !== undefined && this.bal(`stock:${v.sku}`) < quantity)
        return refuse(
          ["quantity"],
          "out_of_stock",
          `库存不足：剩余 ${this.bal(`stock:${v.sku}`)}`,
          `out of stock: ${this.bal(`stock:${v.sku}`)} left`
        )
      const takes = this.spend(v.holder, total)
      if (!takes.ok) return takes
      const moved = this.route(
        tid,
        hId(v.holder),
        region.value,
        mId(item.merchant),
        item.region ?? DEFAULT_REGION,
        total,
        TRANSFER_CODES.redeem,
        v.sku
      )
      const transfers = moved.transfers
      if (item.stock !== undefined)
        transfers.push({
          id: `${tid}#s`,
          debitAccountId: `stock:${v.sku}`,
          creditAccountId: `sold:${v.sku}`,
          amount: quantity,
          code: TRANSFER_CODES.stock
        })
      return ok({
        transfers,
        amount: total,
        overflow: 0,
        lots: takenLots(takes.value),
        apply: () => {
          this.book.apply(takes.value)
          moved.apply()
        }
      })
    })
  }

  gift(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("gift", GiftInput, input, (v, tid) => {
      if (!this.scheme.gifts.relations.includes(v.relation))
        return refuse(
          ["relation"],
          "gift_not_allowed",
          this.scheme.gifts.relations.length === 0
            ? "本方案不允许赠与"
            : `本方案只允许赠与：${this.scheme.gifts.relations.join("、")}`,
          this.scheme.gifts.relations.length === 0
            ? "this scheme does not allow gifts"
            : `this scheme only allows gifts to: ${this.scheme.gifts.relations.join(", ")}`
        )
      if (v.from === v.to) return refuse(["to"], "same_holder", "不能赠与自己", "a holder cannot gift to themselves")
      const from = this.requireHolder(v.from, "from")
      if (!from.ok) return from
      const to = this.requireHolder(v.to, "to")
      if (!to.ok) return to
      const cap = this.scheme.cap
      if (cap?.basis === "balance" && this.bal(hId(v.to)) + v.amount > cap.amount)
        return refuse(
          ["amount"],
          "exceeds_cap",
          `受赠人余额将超过上限 ${cap.amount}`,
          `the recipient would exceed the cap of ${cap.amount}`
        )
      const takes = this.spend(v.from, v.amount)
      if (!takes.ok) return takes
      const moved = this.route(tid, hId(v.from), from.value, hId(v.to), to.value, v.amount, TRANSFER_CODES.gift)
      const carry = this.scheme.lots.giftProvenance === "carry"
      return ok({
        transfers: moved.transfers,
        amount: v.amount,
        overflow: 0,
        lots: takenLots(takes.value),
        apply: () => {
          this.book.apply(takes.value)
          moved.apply()
          if (carry)
            takes.value.forEach((t, k) => {
              this.book.add(`${tid}/${k}`, v.to, t.lot.issuedAt, t.lot.expiresAt, t.amount, "gift", t.lot.id)
            })
          else this.book.add(tid, v.to, v.at, this.expiryOf(v.at), v.amount, "gift", v.from)
        }
      })
    })
  }

  donate(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("donate", DonateInput, input, (v, tid) => {
      if (!this.scheme.donations)
        return refuse(["holder"], "donations_not_allowed", "本方案不接受捐赠", "this scheme does not take donations")
      const h = this.requireHolder(v.holder, "holder")
      if (!h.ok) return h
      const takes = this.spend(v.holder, v.amount)
      if (!takes.ok) return takes
      return ok(
        single(tid, hId(v.holder), "donations", v.amount, TRANSFER_CODES.donate, takenLots(takes.value), () =>
          this.book.apply(takes.value)
        )
      )
    })
  }

  restock(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("restock", RestockInput, input, (v, tid) => {
      const found = this.requireItem(v.sku)
      if (!found.ok) return found
      const item = found.value
      if (item.stock === undefined)
        return refuse(["sku"], "unlimited_stock", "该商品不限库存，无需补货", "this item has unlimited stock")
      return ok(single(tid, `supply:${v.sku}`, `stock:${v.sku}`, v.quantity, TRANSFER_CODES.restock, [], () => {}))
    })
  }

  settle(input: unknown): Result<Receipt, InvalidInputError | PointsError | JournalError> {
    return this.run("settle", SettleInput, input, (v, tid) => {
      for (const [path, r] of [
        ["debtor", v.debtor],
        ["creditor", v.creditor]
      ] as const)
        if (!this.regionLimit.has(r))
          return refuse([path], "unknown_region", `地区 ${r} 不存在`, `region ${r} does not exist`)
      if (v.debtor === v.creditor)
        return refuse(["creditor"], "same_region", "清算双方不能是同一地区", "a region cannot settle with itself")
      const net = this.owed(v.debtor, v.creditor) - this.owed(v.creditor, v.debtor)
      if (v.amount > net)
        return refuse(
          ["amount"],
          "settle_exceeds_position",
          `${v.debtor} 对 ${v.creditor} 的净欠额只有 ${Math.max(0, net)}`,
          `${v.debtor} owes ${v.creditor} only ${Math.max(0, net)} net`
        )
      return ok(
        single(tid, cId(v.debtor), cId(v.creditor), v.amount, TRANSFER_CODES.settle, [], () => {
          const m = this.owes.get(v.debtor)!
          m.set(v.creditor, this.owed(v.debtor, v.creditor) - v.amount)
        })
      )
    })
  }

  expire(input: unknown): Result<Receipt["expired"], InvalidInputError | PointsError | JournalError> {
    const parsed = validate(ExpireInput, input)
    if (!parsed.ok) return parsed
    const logged = this.log("expire", parsed.value)
    if (!logged.ok) return logged
    return this.advanceTo(parsed.value.at)
  }

  // ---- queries ----------------------------------------------------------------------------

  private owed(a: string, b: string): number {
    return this.owes.get(a)?.get(b) ?? 0
  }

  balance(holder: string): number | undefined {
    return this.holderRegion.has(holder) ? this.bal(hId(holder)) : undefined
  }

  lots(holder: string): ReadonlyArray<LotView> {
    return this.book.lotsOf(holder).map(view)
  }

  holders(): ReadonlyArray<{ readonly id: string; readonly region: string }> {
    return [...this.holderRegion].map(([id, region]) => ({ id, region }))
  }

  stock(sku: string): number | undefined {
    const item = this.items.get(sku)
    if (item === undefined) return undefined
    return item.stock === undefined ? Number.POSITIVE_INFINITY : this.bal(`stock:${sku}`)
  }

  certifiedMinutes(holder: string): number {
    let m = 0
    for (const p of this.postedRecords(holder)) if (!p.reversed) m += p.record.minutes
    return m
  }

  postedRecords(holder: string): ReadonlyArray<PostedRecord> {
    return (this.postedBy.get(holder) ?? []).map((id) => this.posted.get(id)!)
  }

  liability(): Liability {
    let redeemed = 0
    let outstanding = 0
    for (const a of this.ledger.accounts()) {
      if (a.id.startsWith("m:")) redeemed += a.balance
      else if (a.id.startsWith("h:")) outstanding += a.balance
    }
    const issuer = this.ledger.account("issuer")!
    return {
      issued: issuer.debitsPosted - issuer.creditsPosted,
      redeemed,
      expired: this.bal("expired"),
      donated: this.bal("donations"),
      outstanding
    }
  }

  positions(): ReadonlyArray<RegionPosition> {
    return [...this.regionLimit].map(([region, limit]) => ({
      region,
      net: this.multiRegion ? this.bal(cId(region)) : 0,
      limit,
      owes: Object.fromEntries([...(this.owes.get(region) ?? [])].filter(([, x]) => x !== 0))
    }))
  }

  snapshot(): PointsSnapshot {
    return {
      format: "jiceng-points/1",
      scheme: structuredClone(this.scheme),
      options: structuredClone(this.options),
      operations: structuredClone(this.operations),
      ledgerHead: this.ledger.head()
    }
  }

  verify(
    options: { readonly mode?: "full" | "state" } = {}
  ): Result<VerifyReport & { readonly liability: Liability }, LedgerIntegrityError | PointsError> {
    const base = this.ledger.verify(options)
    if (!base.ok) return base
    const issues = []
    for (const [holder] of this.holderRegion) {
      const lotSum = this.book.sum(holder)
      const balance = this.bal(hId(holder))
      if (lotSum !== balance)
        issues.push(
          issue(
            ["lots", holder],
            "lots_do_not_match_balance",
            `批次合计 ${lotSum} 与余额 ${balance} 不符`,
            `lots sum to ${lotSum} but the balance is ${balance}`
          )
        )
    }
    for (const l of this.book.all.values())
      if (!(l.remaining >= 0 && l.remaining <= l.amount))
        issues.push(issue(["lots", l.id], "lot_out_of_range", "批次余量越界", "a lot's remainder is out of range"))
    // Exact sums in bigint: issued = redeemed + expired + donated + outstanding + Σ clearing.
    let issued = 0n
    let rest = 0n
    let clearing = 0n
    for (const a of this.ledger.accounts()) {
      if (a.unit !== this.scheme.unit) continue
      if (a.id === "issuer") issued = BigInt(a.debitsPosted) - BigInt(a.creditsPosted)
      else if (a.id.startsWith("c:")) clearing += BigInt(a.balance)
      else rest += BigInt(a.balance)
    }
    if (issued !== rest + clearing)
      issues.push(
        issue(
          ["liability"],
          "liability_identity_broken",
          "发行 − 兑换 − 过期 − 捐赠 ≠ 未兑付余额",
          "issued − redeemed − expired − donated ≠ outstanding"
        )
      )
    if (clearing !== 0n)
      issues.push(
        issue(
          ["clearing"],
          "clearing_unbalanced",
          "各地区清算余额合计不为零",
          "regions' clearing balances do not sum to zero"
        )
      )
    if (this.multiRegion)
      for (const [r] of this.regionLimit) {
        let net = 0
        for (const [r2] of this.regionLimit) net += this.owed(r, r2) - this.owed(r2, r)
        if (net !== this.bal(cId(r)))
          issues.push(
            issue(
              ["clearing", r],
              "clearing_position_mismatch",
              "地区清算头寸与双边明细不符",
              "a region's clearing position disagrees with its bilateral amounts"
            )
          )
      }
    if (issues.length > 0) return err(new PointsError(issues))
    return ok({ ...base.value, liability: this.liability() })
  }
}

const planExcluding = (book: LotBook, holder: string, amount: number, exclude: string): Array<Take> | undefined => {
  const out: Array<Take> = []
  let need = amount
  for (const l of book.lotsOf(holder)) {
    if (need === 0) break
    if (l.id === exclude || l.remaining === 0) continue
    const take = Math.min(need, l.remaining)
    out.push({ lot: l, amount: take })
    need -= take
  }
  return need === 0 ? out : undefined
}

const view = (l: Lot): LotView => ({
  id: l.id,
  holder: l.holder,
  issuedAt: l.issuedAt,
  expiresAt: l.expiresAt,
  amount: l.amount,
  remaining: l.remaining,
  source: l.source,
  ref: l.ref
})
