// A hand-written twin of the zod `TransferInput` schema for the hot path: zod builds issue
// objects and clones input, which would cost more than applying the transfer. It accepts
// exactly what `TransferInput` accepts (a property test checks the two agree); on any
// rejection the caller re-runs zod to produce the bilingual issues.

export const KIND_TRANSFER = 0
export const KIND_PENDING = 1
export const KIND_POST = 2
export const KIND_VOID = 3
export const KIND_NAMES = ["transfer", "pending", "post", "void"] as const

export const STATUS_NONE = 0
export const STATUS_PENDING = 1
export const STATUS_POSTED = 2
export const STATUS_VOIDED = 3
export const STATUS_EXPIRED = 4
/** A record rolled back with its chain or batch; never visible. */
export const STATUS_DEAD = 5

/**
 * One transfer event: the normalised input, plus state once applied. A ledger keeps one per
 * logged event, so the record holds only what nearly every transfer has; the fields of
 * two-phase transfers, corrections and references live in `x`, present only when used (a
 * record is 120 bytes instead of 200, which halves replay's allocation and GC).
 */
export interface TRec {
  readonly id: string
  readonly kind: number
  readonly debit: string | undefined
  readonly credit: string | undefined
  readonly amount: number | undefined
  readonly code: number
  readonly linked: boolean
  // State, set when applied.
  dIdx: number
  cIdx: number
  eff: number
  status: number
  /** Position in the log of the batch that created the transfer; its timestamp is the batch's. */
  batch: number
  x: TRecExtra | undefined
}

/** The rarely used part of a {@link TRec}. */
export interface TRecExtra {
  readonly pendingId: string | undefined
  readonly timeoutMs: number | undefined
  readonly ref: string | undefined
  readonly reverses: string | undefined
  readonly reason: string | undefined
  /** Amount reversed so far by corrections of this transfer. */
  reversed: number
  /** For a pending transfer with a timeout: when it expires, and its creation order. */
  expiresAt: number
  seq: number
  /** For post/void: the pending record resolved; for a reversal: the record reversed. */
  target: TRec | undefined
}

const newExtra = (
  pendingId: string | undefined,
  timeoutMs: number | undefined,
  ref: string | undefined,
  reverses: string | undefined,
  reason: string | undefined
): TRecExtra => ({ pendingId, timeoutMs, ref, reverses, reason, reversed: 0, expiresAt: 0, seq: 0, target: undefined })

/** The extra part of a record, created on first use (a plain transfer being reversed). */
export const extra = (t: TRec): TRecExtra => {
  if (t.x === undefined) t.x = newExtra(undefined, undefined, undefined, undefined, undefined)
  return t.x
}

/**
 * Makes a record. Literals rather than `new`: V8 tracks survival per literal site and, seeing
 * that replayed records live as long as the ledger, allocates them straight in the old
 * generation instead of copying each one out of the young generation.
 */
export const newRec = (
  id: string,
  kind: number,
  debit: string | undefined,
  credit: string | undefined,
  amount: number | undefined,
  pendingId: string | undefined,
  timeoutMs: number | undefined,
  code: number,
  ref: string | undefined,
  reverses: string | undefined,
  reason: string | undefined,
  linked: boolean
): TRec => ({
  id,
  kind,
  debit,
  credit,
  amount,
  code,
  linked,
  dIdx: -1,
  cIdx: -1,
  eff: 0,
  status: STATUS_NONE,
  batch: -1,
  x:
    pendingId === undefined &&
    timeoutMs === undefined &&
    ref === undefined &&
    reverses === undefined &&
    reason === undefined
      ? undefined
      : newExtra(pendingId, timeoutMs, ref, reverses, reason)
})

const isId = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 128
const optId = (v: unknown): boolean => v === undefined || isId(v)
const isAmount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 1

/** Parses one event, or returns undefined if `TransferInput` would reject it. */
export const parseTransferFast = (o: unknown): TRec | undefined => {
  if (typeof o !== "object" || o === null || Array.isArray(o)) return undefined
  const r = o as Record<string, unknown>
  for (const key in r) {
    switch (key) {
      case "id":
      case "kind":
      case "debitAccountId":
      case "creditAccountId":
      case "amount":
      case "pendingId":
      case "timeoutMs":
      case "code":
      case "ref":
      case "reverses":
      case "reason":
      case "linked":
        break
      default:
        return undefined
    }
  }
  const id = r.id
  if (!isId(id)) return undefined
  const kindIn = r.kind
  let kind: number
  if (kindIn === undefined || kindIn === "transfer") kind = KIND_TRANSFER
  else if (kindIn === "pending") kind = KIND_PENDING
  else if (kindIn === "post") kind = KIND_POST
  else if (kindIn === "void") kind = KIND_VOID
  else return undefined
  const debit = r.debitAccountId
  const credit = r.creditAccountId
  const amount = r.amount
  const pendingId = r.pendingId
  const timeoutMs = r.timeoutMs
  const code = r.code
  const ref = r.ref
  const reverses = r.reverses
  const reason = r.reason
  const linked = r.linked
  if (!optId(debit) || !optId(credit) || !optId(pendingId) || !optId(ref) || !optId(reverses)) return undefined
  if (amount !== undefined && !isAmount(amount)) return undefined
  if (timeoutMs !== undefined && !(Number.isSafeInteger(timeoutMs) && (timeoutMs as number) >= 0)) return undefined
  if (code !== undefined && !(Number.isSafeInteger(code) && (code as number) >= 0 && (code as number) <= 65535))
    return undefined
  if (reason !== undefined && !(typeof reason === "string" && reason.length >= 1 && reason.length <= 500))
    return undefined
  if (linked !== undefined && typeof linked !== "boolean") return undefined
  // Cross-field rules, as in TransferInput's refinement.
  if (kind === KIND_TRANSFER || kind === KIND_PENDING) {
    if (debit === undefined || credit === undefined || amount === undefined || pendingId !== undefined) return undefined
  } else if (pendingId === undefined || reverses !== undefined) return undefined
  if (kind !== KIND_PENDING && timeoutMs !== undefined) return undefined
  if (kind === KIND_PENDING && reverses !== undefined) return undefined
  if (debit !== undefined && debit === credit) return undefined
  if ((reverses === undefined) !== (reason === undefined)) return undefined
  return newRec(
    id,
    kind,
    debit as string | undefined,
    credit as string | undefined,
    amount as number | undefined,
    pendingId as string | undefined,
    timeoutMs as number | undefined,
    (code as number | undefined) ?? 0,
    ref as string | undefined,
    reverses as string | undefined,
    reason as string | undefined,
    linked === true
  )
}

/** The first input field in which two events differ, or undefined if they are the same. */
export const differingField = (a: TRec, b: TRec): string | undefined => {
  if (a.kind !== b.kind) return "kind"
  if (a.debit !== b.debit) return "debitAccountId"
  if (a.credit !== b.credit) return "creditAccountId"
  if (a.amount !== b.amount) return "amount"
  const ax = a.x
  const bx = b.x
  if (ax?.pendingId !== bx?.pendingId) return "pendingId"
  if (ax?.timeoutMs !== bx?.timeoutMs) return "timeoutMs"
  if (a.code !== b.code) return "code"
  if (ax?.ref !== bx?.ref) return "ref"
  if (ax?.reverses !== bx?.reverses) return "reverses"
  if (ax?.reason !== bx?.reason) return "reason"
  if (a.linked !== b.linked) return "linked"
  return undefined
}

/** The event as plain input data (for logs and snapshots). */
export const toInput = (t: TRec): Record<string, unknown> => {
  const o: Record<string, unknown> = { id: t.id, kind: KIND_NAMES[t.kind] }
  if (t.debit !== undefined) o.debitAccountId = t.debit
  if (t.credit !== undefined) o.creditAccountId = t.credit
  if (t.amount !== undefined) o.amount = t.amount
  const x = t.x
  if (x?.pendingId !== undefined) o.pendingId = x.pendingId
  if (x?.timeoutMs !== undefined) o.timeoutMs = x.timeoutMs
  if (t.code !== 0) o.code = t.code
  if (x?.ref !== undefined) o.ref = x.ref
  if (x?.reverses !== undefined) o.reverses = x.reverses
  if (x?.reason !== undefined) o.reason = x.reason
  if (t.linked) o.linked = true
  return o
}
