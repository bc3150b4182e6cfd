import * as z from "zod"
import { assertSafeInteger, divideRounded, type RoundingMode } from "./exact.ts"

/**
 * An amount of money in integer fen (分, 1/100 yuan). Money is never a float in Jiceng.
 * The schema accepts non-negative safe integers; use {@link SignedFen} for differences.
 *
 * @example
 * ```ts
 * import { Fen } from "@jiceng/core"
 * Fen.safeParse(1234).success //=> true
 * Fen.safeParse(12.5).success //=> false
 * ```
 * @since 0.1.0
 * @category money
 */
export const Fen = z.int().nonnegative()
/** @since 0.1.0 @category money */
export type Fen = number

/**
 * A signed amount in integer fen (a net position, a difference between two scenarios).
 *
 * @example
 * ```ts
 * import { SignedFen } from "@jiceng/core"
 * SignedFen.safeParse(-500).success //=> true
 * ```
 * @since 0.1.0
 * @category money
 */
export const SignedFen = z.int()
/** @since 0.1.0 @category money */
export type SignedFen = number

const YUAN = /^(-)?(\d+)(?:\.(\d{1,2}))?$/

/**
 * Parses a decimal yuan string such as `"1234.5"` to fen, exactly (no float step). Returns
 * `undefined` for anything that is not a plain decimal with at most two fraction digits.
 *
 * @example
 * ```ts
 * import { yuanToFen } from "@jiceng/core"
 * yuanToFen("1234.5") //=> 123450
 * yuanToFen("0.1") //=> 10
 * yuanToFen("1.234") //=> undefined
 * ```
 * @since 0.1.0
 * @category money
 */
export const yuanToFen = (yuan: string): number | undefined => {
  const m = YUAN.exec(yuan.trim())
  if (!m) return undefined
  const whole = Number(m[2])
  const frac = Number((m[3] ?? "").padEnd(2, "0"))
  const fen = whole * 100 + frac
  if (!Number.isSafeInteger(fen)) return undefined
  return m[1] ? -fen : fen
}

/**
 * Formats fen as a yuan string with two decimals, e.g. `12345` → `"123.45"`. Anything but a
 * safe integer is a programming error and throws a `RangeError` — never a `"NaN"` amount.
 *
 * @example
 * ```ts
 * import { formatYuan } from "@jiceng/core"
 * formatYuan(123450) //=> "1234.50"
 * formatYuan(-5) //=> "-0.05"
 * ```
 * @since 0.1.0
 * @category money
 */
export const formatYuan = (fen: number): string => {
  assertSafeInteger(fen, "fen")
  const sign = fen < 0 ? "-" : ""
  const abs = Math.abs(fen)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, "0")}`
}

/**
 * Rounds an amount in fen to a coarser unit (e.g. whole yuan = 100 fen, ten yuan = 1000 fen),
 * with an explicit rounding mode. Local rules differ on whether a benefit is rounded up to
 * the yuan or to the ten yuan, so callers always pass both.
 *
 * @example
 * ```ts
 * import { roundFenTo } from "@jiceng/core"
 * roundFenTo(12345, 100, "ceil") //=> 12400
 * roundFenTo(12345, 1000, "halfUp") //=> 12000
 * ```
 * @since 0.1.0
 * @category money
 */
export const roundFenTo = (fen: number, unit: number, mode: RoundingMode): number =>
  divideRounded(fen, unit, mode) * unit
