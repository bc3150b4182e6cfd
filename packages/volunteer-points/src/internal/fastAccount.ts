// A hand-written twin of the zod `AccountInput` schema, for replaying journals that open tens of
// thousands of accounts in one batch: zod clones every object and runs a check per field, which
// cost more than the replay of the accounts itself. It accepts a subset of what `AccountInput`
// accepts (a property test checks that it never accepts more, and agrees on the usual shapes);
// anything it does not accept goes through zod, which decides and explains.

import type { AccountInput } from "../LedgerModel.ts"

const isId = (v: unknown): v is string => typeof v === "string" && v.length >= 1 && v.length <= 128
const isNat = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0

/** Parses one account, or returns undefined to let zod decide. */
export const parseAccountFast = (o: unknown): AccountInput | undefined => {
  if (typeof o !== "object" || o === null || Array.isArray(o) || Object.getPrototypeOf(o) !== Object.prototype)
    return undefined
  const r = o as Record<string, unknown>
  for (const key in r) {
    switch (key) {
      case "id":
      case "unit":
      case "code":
      case "debitsMustNotExceedCredits":
      case "creditsMustNotExceedDebits":
      case "maxCreditBalance":
      case "maxDebitBalance":
        break
      default:
        return undefined
    }
  }
  const { id, unit, code, debitsMustNotExceedCredits: dm, creditsMustNotExceedDebits: cm } = r
  const { maxCreditBalance: mc, maxDebitBalance: md } = r
  if (!isId(id) || !isId(unit)) return undefined
  const out: { -readonly [K in keyof AccountInput]: AccountInput[K] } = { id, unit }
  if (code !== undefined) {
    if (!isNat(code) || code > 65535) return undefined
    out.code = code
  }
  if (dm !== undefined) {
    if (typeof dm !== "boolean") return undefined
    out.debitsMustNotExceedCredits = dm
  }
  if (cm !== undefined) {
    if (typeof cm !== "boolean" || (cm && dm === true)) return undefined
    out.creditsMustNotExceedDebits = cm
  }
  if (mc !== undefined) {
    if (!isNat(mc)) return undefined
    out.maxCreditBalance = mc
  }
  if (md !== undefined) {
    if (!isNat(md)) return undefined
    out.maxDebitBalance = md
  }
  return out
}

/** Parses a whole batch on the fast path, or returns undefined to let zod decide. */
export const parseAccountsFast = (input: unknown): Array<AccountInput> | undefined => {
  if (!Array.isArray(input) || input.length > 100_000) return undefined
  const out: Array<AccountInput> = new Array(input.length)
  for (let i = 0; i < input.length; i++) {
    const a = parseAccountFast(input[i])
    if (a === undefined) return undefined
    out[i] = a
  }
  return out
}
