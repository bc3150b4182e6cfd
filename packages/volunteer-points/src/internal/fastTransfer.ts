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

/**
 * One transfer event as parsed from input: short-lived. The ledger copies each event into its
 * columnar log (see Engine) and keeps no per-event object, so replaying a long log leaves the
 * garbage collector almost nothing to trace or copy.
 */
export class TRec {
  readonly id: string
  readonly kind: number
  readonly debit: string | undefined
  readonly credit: string | undefined
  readonly amount: number | undefined
  readonly pendingId: string | undefined
  readonly timeoutMs: number | undefined
  readonly code: number
  readonly ref: string | undefined
  readonly reverses: string | undefined
  readonly reason: string | undefined
  readonly linked: boolean

  constructor(
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
  ) {
    this.id = id
    this.kind = kind
    this.debit = debit
    this.credit = credit
    this.amount = amount
    this.pendingId = pendingId
    this.timeoutMs = timeoutMs
    this.code = code
    this.ref = ref
    this.reverses = reverses
    this.reason = reason
    this.linked = linked
  }
}

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
  return new TRec(
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

/** The event as plain input data (for logs and snapshots). */
export const toInput = (t: TRec): Record<string, unknown> => {
  const o: Record<string, unknown> = { id: t.id, kind: KIND_NAMES[t.kind] }
  if (t.debit !== undefined) o.debitAccountId = t.debit
  if (t.credit !== undefined) o.creditAccountId = t.credit
  if (t.amount !== undefined) o.amount = t.amount
  if (t.pendingId !== undefined) o.pendingId = t.pendingId
  if (t.timeoutMs !== undefined) o.timeoutMs = t.timeoutMs
  if (t.code !== 0) o.code = t.code
  if (t.ref !== undefined) o.ref = t.ref
  if (t.reverses !== undefined) o.reverses = t.reverses
  if (t.reason !== undefined) o.reason = t.reason
  if (t.linked) o.linked = true
  return o
}
