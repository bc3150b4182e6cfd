import type { BilingualText } from "@jiceng/core"
import * as z from "zod"

/**
 * An opaque, client-chosen identifier (1–128 characters) for an account or transfer. The
 * ledger stores ids only, never personal data (志愿服务条例 art. 20: no disclosure of a
 * volunteer's information without consent).
 *
 * @example
 * ```ts
 * import { LedgerId } from "@jiceng/volunteer-points"
 * LedgerId.safeParse("vol-0001").success //=> true
 * LedgerId.safeParse("").success //=> false
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const LedgerId = z.string().min(1).max(128)
/** @since 0.1.0 @category ledger */
export type LedgerId = z.infer<typeof LedgerId>

/**
 * A quantity in the ledger's smallest unit (points, or minutes for time banks): a safe
 * integer ≥ 1. Amounts are never floats, so no balance drifts.
 *
 * @example
 * ```ts
 * import { Amount } from "@jiceng/volunteer-points"
 * Amount.safeParse(60).success //=> true
 * Amount.safeParse(1.5).success //=> false
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const Amount = z.int().min(1)
/** @since 0.1.0 @category ledger */
export type Amount = z.infer<typeof Amount>

/**
 * An account to open. Fields other than the balances are fixed at creation (as in
 * TigerBeetle). `unit` partitions the ledger: transfers only move value between accounts of
 * the same unit. Limits are enforced atomically on every transfer, pending ones included:
 * `debitsMustNotExceedCredits` makes a credit-normal account (a volunteer's points) never
 * negative; `maxCreditBalance` caps it (Nanjing's 1,500-hour storage cap).
 *
 * @example
 * ```ts
 * import { AccountInput } from "@jiceng/volunteer-points"
 * AccountInput.safeParse({ id: "vol-1", unit: "points", debitsMustNotExceedCredits: true }).success //=> true
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const AccountInput = z
  .strictObject({
    id: LedgerId,
    unit: LedgerId,
    /** Account kind chosen by the application (e.g. 1 = volunteer, 2 = issuer); 0–65535. */
    code: z.int().min(0).max(65535).optional(),
    debitsMustNotExceedCredits: z.boolean().optional(),
    creditsMustNotExceedDebits: z.boolean().optional(),
    /** Cap on posted + pending credits − posted debits. */
    maxCreditBalance: z.int().min(0).optional(),
    /** Cap on posted + pending debits − posted credits. */
    maxDebitBalance: z.int().min(0).optional()
  })
  .check((ctx) => {
    if (ctx.value.debitsMustNotExceedCredits === true && ctx.value.creditsMustNotExceedDebits === true) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["creditsMustNotExceedDebits"],
        message: "flags are mutually exclusive",
        params: {
          code: "flags_are_mutually_exclusive",
          zh: "借方不得超过贷方与贷方不得超过借方两个限制不能同时设置",
          en: "debitsMustNotExceedCredits and creditsMustNotExceedDebits are mutually exclusive"
        }
      })
    }
  })
/** @since 0.1.0 @category ledger */
export type AccountInput = z.infer<typeof AccountInput>

/**
 * The kind of a transfer: `"transfer"` moves value at once; `"pending"` reserves it (two-phase,
 * with an optional timeout); `"post"` commits a pending transfer (all or part of it) and
 * `"void"` releases it.
 *
 * @example
 * ```ts
 * import { TransferKind } from "@jiceng/volunteer-points"
 * TransferKind.options //=> ["transfer", "pending", "post", "void"]
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const TransferKind = z.enum(["transfer", "pending", "post", "void"])
/** @since 0.1.0 @category ledger */
export type TransferKind = z.infer<typeof TransferKind>

const need = (
  ctx: { issues: Array<unknown>; value: unknown },
  path: string,
  code: string,
  zh: string,
  en: string
): void => {
  ctx.issues.push({ code: "custom", input: ctx.value, path: [path], message: en, params: { code, zh, en } })
}

/**
 * A transfer to submit. It is immutable once created: there is no update and no delete. A
 * correction is a new transfer with `reverses` (the id it corrects), the accounts swapped and a
 * `reason`. `linked: true` chains it with the next event of the batch so that they succeed or
 * fail together.
 *
 * @example
 * ```ts
 * import { TransferInput } from "@jiceng/volunteer-points"
 * TransferInput.safeParse({ id: "t1", debitAccountId: "fund", creditAccountId: "vol-1", amount: 120 }).success //=> true
 * TransferInput.safeParse({ id: "t1", debitAccountId: "a", creditAccountId: "a", amount: 1 }).success //=> false
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const TransferInput = z
  .strictObject({
    id: LedgerId,
    kind: TransferKind.optional(),
    debitAccountId: LedgerId.optional(),
    creditAccountId: LedgerId.optional(),
    amount: Amount.optional(),
    /** The pending transfer a `post` or `void` resolves. */
    pendingId: LedgerId.optional(),
    /** Milliseconds after which a `pending` transfer expires by itself (0 or absent: never). */
    timeoutMs: z.int().min(0).optional(),
    /** Reason code chosen by the application (e.g. 1 = service hours, 2 = redemption); 0–65535. */
    code: z.int().min(0).max(65535).optional(),
    /** Correlation id, e.g. the service record or redemption order this transfer settles. */
    ref: LedgerId.optional(),
    /** The id of the transfer this one reverses (a correction, 冲正). */
    reverses: LedgerId.optional(),
    /** Why a correction was made; required with `reverses`. */
    reason: z.string().min(1).max(500).optional(),
    linked: z.boolean().optional()
  })
  .check((ctx) => {
    const t = ctx.value
    const kind = t.kind ?? "transfer"
    if (kind === "transfer" || kind === "pending") {
      if (t.debitAccountId === undefined)
        need(ctx, "debitAccountId", "missing_debit_account", "缺少借方账户", "debitAccountId is required")
      if (t.creditAccountId === undefined)
        need(ctx, "creditAccountId", "missing_credit_account", "缺少贷方账户", "creditAccountId is required")
      if (t.amount === undefined) need(ctx, "amount", "missing_amount", "缺少金额", "amount is required")
      if (t.pendingId !== undefined)
        need(
          ctx,
          "pendingId",
          "pending_id_not_allowed",
          "只有过账或作废才引用待定转账",
          "pendingId is only allowed on post and void"
        )
    } else {
      if (t.pendingId === undefined)
        need(ctx, "pendingId", "missing_pending_id", "过账或作废必须指明待定转账", "post and void need a pendingId")
      if (t.reverses !== undefined)
        need(
          ctx,
          "reverses",
          "reversal_must_be_a_transfer",
          "冲正必须是普通转账",
          "a reversal must be a plain transfer"
        )
    }
    if (kind !== "pending" && t.timeoutMs !== undefined)
      need(ctx, "timeoutMs", "timeout_not_allowed", "只有待定转账可以设置超时", "only pending transfers have a timeout")
    if (kind === "pending" && t.reverses !== undefined)
      need(ctx, "reverses", "reversal_must_be_a_transfer", "冲正必须是普通转账", "a reversal must be a plain transfer")
    if (t.debitAccountId !== undefined && t.debitAccountId === t.creditAccountId)
      need(
        ctx,
        "creditAccountId",
        "accounts_must_be_different",
        "借方与贷方不能是同一账户",
        "debit and credit accounts must differ"
      )
    if (t.reverses !== undefined && t.reason === undefined)
      need(ctx, "reason", "reason_required", "冲正必须说明原因", "a correction must give a reason")
    if (t.reason !== undefined && t.reverses === undefined)
      need(ctx, "reason", "reason_without_reversal", "只有冲正才需要原因", "reason is only used with reverses")
  })
/** @since 0.1.0 @category ledger */
export type TransferInput = z.infer<typeof TransferInput>

/**
 * A batch of accounts to open (at most 100,000 per call).
 *
 * @since 0.1.0
 * @category ledger
 */
export const AccountBatch = z.array(AccountInput).max(100_000)
/** @since 0.1.0 @category ledger */
export type AccountBatch = z.infer<typeof AccountBatch>

/**
 * A batch of transfers (at most 100,000 per call). A chain left open by `linked: true` on the
 * last event is rejected as a whole.
 *
 * @since 0.1.0
 * @category ledger
 */
export const TransferBatch = z
  .array(TransferInput)
  .max(100_000)
  .check((ctx) => {
    const last = ctx.value[ctx.value.length - 1]
    if (last?.linked === true) {
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: [ctx.value.length - 1, "linked"],
        message: "linked chain left open",
        params: {
          code: "linked_event_chain_open",
          zh: "批次最后一个事件仍标记为关联，关联链未闭合",
          en: "the last event is linked, so its chain is never closed"
        }
      })
    }
  })
/** @since 0.1.0 @category ledger */
export type TransferBatch = z.infer<typeof TransferBatch>

/**
 * Why an account could not be created, or that it already was.
 *
 * @since 0.1.0
 * @category ledger
 */
export type AccountResult =
  | { readonly code: "created"; readonly id: string; readonly timestamp: number }
  | { readonly code: "exists"; readonly id: string; readonly timestamp: number }
  | { readonly code: "exists_with_different_fields"; readonly id: string; readonly field: string }

/**
 * The codes a transfer can fail with; each has a bilingual explanation in
 * {@link explainCode}.
 *
 * @since 0.1.0
 * @category ledger
 */
export type TransferFailureCode =
  | "linked_event_failed"
  | "debit_account_not_found"
  | "credit_account_not_found"
  | "accounts_must_have_the_same_unit"
  | "exceeds_credits"
  | "exceeds_debits"
  | "exceeds_credit_cap"
  | "exceeds_debit_cap"
  | "overflow"
  | "pending_transfer_not_found"
  | "pending_transfer_not_pending"
  | "pending_transfer_already_posted"
  | "pending_transfer_already_voided"
  | "pending_transfer_expired"
  | "pending_transfer_has_different_debit_account"
  | "pending_transfer_has_different_credit_account"
  | "pending_transfer_has_different_amount"
  | "exceeds_pending_transfer_amount"
  | "reversed_transfer_not_found"
  | "reversed_transfer_not_reversible"
  | "reversal_must_swap_accounts"
  | "reversal_exceeds_original"

/**
 * The outcome of one transfer: a discriminated union on `code`. `created` and `exists` mean
 * the transfer is in the ledger (the second: by an earlier identical submission, so a retry
 * is harmless); `exists_with_different_fields` means the id is taken by a different transfer;
 * `id_already_failed` means the id failed before and can never succeed later; the rest are
 * failures of this submission.
 *
 * @example
 * ```ts
 * import type { TransferResult } from "@jiceng/volunteer-points"
 * const r: TransferResult = { code: "exceeds_credits", id: "t9" }
 * r.code //=> "exceeds_credits"
 * ```
 * @since 0.1.0
 * @category ledger
 */
export type TransferResult =
  | {
      readonly code: "created"
      readonly id: string
      readonly timestamp: number
      /** For posts: the amount actually posted (the rest of the pending amount is released). */
      readonly amount: number
    }
  | { readonly code: "exists"; readonly id: string; readonly timestamp: number; readonly amount: number }
  | { readonly code: "exists_with_different_fields"; readonly id: string; readonly field: string }
  | { readonly code: "id_already_failed"; readonly id: string; readonly originalCode: TransferFailureCode }
  | { readonly code: TransferFailureCode; readonly id: string }

const EXPLANATIONS: Record<string, readonly [zh: string, en: string]> = {
  created: ["已记账", "recorded"],
  exists: [
    "相同编号、相同内容的转账已经存在：重试不会重复记账",
    "an identical transfer with this id already exists: the retry changed nothing"
  ],
  exists_with_different_fields: [
    "该编号已被内容不同的转账使用，本次提交被拒绝",
    "this id is already used by a different transfer; the submission was rejected"
  ],
  id_already_failed: [
    "该编号此前已失败，永远不会再成功；请用新编号重新提交",
    "this id failed before and can never succeed later; resubmit with a new id"
  ],
  linked_event_failed: [
    "同一关联链中的另一事件失败，整条链均未生效",
    "another event of the same linked chain failed, so none of the chain was applied"
  ],
  debit_account_not_found: ["借方账户不存在", "the debit account does not exist"],
  credit_account_not_found: ["贷方账户不存在", "the credit account does not exist"],
  accounts_must_have_the_same_unit: [
    "借贷双方账户的计量单位不同（积分与时长不能直接互转）",
    "the two accounts use different units (points and minutes never mix)"
  ],
  exceeds_credits: ["余额不足：该账户不允许为负", "insufficient balance: this account may never go negative"],
  exceeds_debits: ["超过借方余额：该账户贷方不得超过借方", "this account's credits may not exceed its debits"],
  exceeds_credit_cap: ["超过账户存储上限", "the account's balance cap would be exceeded"],
  exceeds_debit_cap: ["超过账户借方上限", "the account's debit cap would be exceeded"],
  overflow: ["金额累计超出安全整数范围", "a running total would leave the safe-integer range"],
  pending_transfer_not_found: ["找不到要过账或作废的待定转账", "the pending transfer to post or void does not exist"],
  pending_transfer_not_pending: ["引用的转账不是待定转账", "the referenced transfer is not a pending transfer"],
  pending_transfer_already_posted: ["该待定转账已经过账", "the pending transfer was already posted"],
  pending_transfer_already_voided: ["该待定转账已经作废", "the pending transfer was already voided"],
  pending_transfer_expired: ["该待定转账已超时失效", "the pending transfer has expired"],
  pending_transfer_has_different_debit_account: [
    "借方账户与待定转账不一致",
    "the debit account differs from the pending transfer's"
  ],
  pending_transfer_has_different_credit_account: [
    "贷方账户与待定转账不一致",
    "the credit account differs from the pending transfer's"
  ],
  pending_transfer_has_different_amount: [
    "作废金额必须等于待定金额",
    "a void must carry the pending amount or no amount"
  ],
  exceeds_pending_transfer_amount: ["过账金额超过待定金额", "the amount to post exceeds the pending amount"],
  reversed_transfer_not_found: ["要冲正的转账不存在", "the transfer to reverse does not exist"],
  reversed_transfer_not_reversible: [
    "只能冲正已生效的普通转账或过账",
    "only plain transfers and posts can be reversed"
  ],
  reversal_must_swap_accounts: [
    "冲正必须与原转账借贷方向相反",
    "a reversal must debit the original credit account and credit the original debit account"
  ],
  reversal_exceeds_original: ["冲正金额合计超过原转账金额", "the reversals of this transfer would exceed its amount"]
}

/**
 * A bilingual explanation of a ledger result code.
 *
 * @example
 * ```ts
 * import { explainCode } from "@jiceng/volunteer-points"
 * explainCode("exceeds_credits").en //=> "insufficient balance: this account may never go negative"
 * ```
 * @since 0.1.0
 * @category ledger
 */
export const explainCode = (code: string): BilingualText => {
  const e = EXPLANATIONS[code]
  return e ? { zh: e[0], en: e[1] } : { zh: `未知结果代码 ${code}`, en: `unknown result code ${code}` }
}

/**
 * An account's fixed fields and its four balance counters (TigerBeetle's model):
 * pending and posted debits and credits.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface AccountState {
  readonly id: string
  readonly unit: string
  readonly code: number
  readonly debitsMustNotExceedCredits: boolean
  readonly creditsMustNotExceedDebits: boolean
  readonly maxCreditBalance: number | undefined
  readonly maxDebitBalance: number | undefined
  readonly debitsPending: number
  readonly debitsPosted: number
  readonly creditsPending: number
  readonly creditsPosted: number
  /** creditsPosted − debitsPosted: what a credit-normal (volunteer) account holds. */
  readonly balance: number
  /** balance − debitsPending: what can still be spent. */
  readonly available: number
  readonly timestamp: number
}

/**
 * A transfer as stored, with its timestamp and (for pending transfers) its state.
 *
 * @since 0.1.0
 * @category ledger
 */
export interface TransferState {
  readonly id: string
  readonly kind: TransferKind
  readonly debitAccountId: string
  readonly creditAccountId: string
  /** For posts, the amount posted; for voids, the amount released. */
  readonly amount: number
  readonly pendingId: string | undefined
  readonly timeoutMs: number | undefined
  readonly code: number
  readonly ref: string | undefined
  readonly reverses: string | undefined
  readonly reason: string | undefined
  readonly timestamp: number
  /** Pending transfers only: still pending, posted, voided or expired. */
  readonly status: "pending" | "posted" | "voided" | "expired" | undefined
  /** How much of this transfer has been reversed so far. */
  readonly reversed: number
}
