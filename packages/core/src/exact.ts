/**
 * How an exact quotient is rounded to an integer. Social-assistance rules round money to the
 * fen or the yuan in different directions, so every division names its mode.
 *
 * - `floor` — towards −∞
 * - `ceil` — towards +∞
 * - `trunc` — towards zero
 * - `halfUp` — nearest, ties away from zero (四舍五入, the usual Chinese accounting rule)
 * - `halfEven` — nearest, ties to even (banker's rounding)
 *
 * @example
 * ```ts
 * import { divideRounded } from "@jiceng/core"
 * divideRounded(5, 2, "halfUp") //=> 3
 * divideRounded(5, 2, "halfEven") //=> 2
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export type RoundingMode = "floor" | "ceil" | "trunc" | "halfUp" | "halfEven"

/**
 * True when `n` is an integer that JavaScript represents exactly (|n| ≤ 2^53 − 1).
 *
 * @example
 * ```ts
 * import { isSafeInteger } from "@jiceng/core"
 * isSafeInteger(2 ** 53) //=> false
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const isSafeInteger = (n: unknown): n is number => Number.isSafeInteger(n)

/**
 * Thrown only on programmer error: an arithmetic result left the safe-integer range. Public
 * entry points validate input so that this cannot be reached from user data.
 *
 * @example
 * ```ts
 * import { assertSafeInteger } from "@jiceng/core"
 * assertSafeInteger(42) //=> 42
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const assertSafeInteger = (n: number, what = "value"): number => {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} is not a safe integer: ${n}`)
  return n
}

/**
 * Adds two integers, throwing a `RangeError` if the sum is not a safe integer.
 *
 * @example
 * ```ts
 * import { checkedAdd } from "@jiceng/core"
 * checkedAdd(1, 2) //=> 3
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const checkedAdd = (a: number, b: number): number => assertSafeInteger(a + b, "sum")

/**
 * Multiplies two integers, throwing a `RangeError` if the product is not a safe integer.
 *
 * @example
 * ```ts
 * import { checkedMul } from "@jiceng/core"
 * checkedMul(6, 7) //=> 42
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const checkedMul = (a: number, b: number): number => assertSafeInteger(a * b, "product")

// Whether a non-exact quotient moves one step away from zero, given the sign of the quotient,
// how twice the remainder compares with the divisor, and the parity of the truncated quotient.
const stepsAway = (mode: RoundingMode, negative: boolean, halfCmp: number, truncEven: boolean): boolean => {
  switch (mode) {
    case "trunc":
      return false
    case "floor":
      return negative
    case "ceil":
      return !negative
    case "halfUp":
      return halfCmp >= 0
    case "halfEven":
      return halfCmp > 0 || (halfCmp === 0 && !truncEven)
  }
}

// For safe integers the float quotient truncates to the exact integer part (its error is
// below 1/|d| whenever |n| < 2^53), so the remainder is exact too.
const numberDivRounded = (n: number, d: number, mode: RoundingMode): number => {
  const q = Math.trunc(n / d)
  const r = Math.abs(n - q * d)
  if (r === 0) return q
  const negative = n < 0 !== d < 0
  const away = stepsAway(mode, negative, Math.sign(r * 2 - Math.abs(d)), q % 2 === 0)
  return away ? (negative ? q - 1 : q + 1) : q
}

const bigDivRounded = (n: bigint, d: bigint, mode: RoundingMode): bigint => {
  const q = n / d
  const rem = n - q * d
  if (rem === 0n) return q
  const r = rem < 0n ? -rem : rem
  const ad = d < 0n ? -d : d
  const negative = n < 0n !== d < 0n
  const twice = r * 2n
  const away = stepsAway(mode, negative, twice > ad ? 1 : twice < ad ? -1 : 0, q % 2n === 0n)
  return away ? (negative ? q - 1n : q + 1n) : q
}

/**
 * Divides integer `numerator` by non-zero integer `denominator` and rounds exactly with the
 * given mode. Falls back to `BigInt` when operands are large, so the result never depends on
 * floating-point error.
 *
 * @example
 * ```ts
 * import { divideRounded } from "@jiceng/core"
 * divideRounded(-7, 2, "floor") //=> -4
 * divideRounded(1000, 3, "halfUp") //=> 333
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const divideRounded = (numerator: number, denominator: number, mode: RoundingMode): number => {
  assertSafeInteger(numerator, "numerator")
  assertSafeInteger(denominator, "denominator")
  if (denominator === 0) throw new RangeError("division by zero")
  return numberDivRounded(numerator, denominator, mode)
}

/**
 * Computes `a × b ÷ c` exactly and rounds once, with the given mode — the way a rate or a
 * share of money must be applied (e.g. 70% of a gap, a 1.5× line). The intermediate product
 * may exceed 2^53; only the result must be safe.
 *
 * @example
 * ```ts
 * import { mulDiv } from "@jiceng/core"
 * mulDiv(123_45, 3, 4, "halfUp") //=> 9259
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const mulDiv = (a: number, b: number, c: number, mode: RoundingMode): number => {
  assertSafeInteger(a, "a")
  assertSafeInteger(b, "b")
  assertSafeInteger(c, "c")
  if (c === 0) throw new RangeError("division by zero")
  const product = a * b
  if (Number.isSafeInteger(product)) return numberDivRounded(product, c, mode)
  return assertSafeInteger(Number(bigDivRounded(BigInt(a) * BigInt(b), BigInt(c), mode)), "mulDiv result")
}
