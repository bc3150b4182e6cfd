import * as z from "zod"

/**
 * An exact fraction `numerator / denominator` with a positive denominator: a legal threshold
 * such as 2/3 or 3/4, or a policy rate such as 3/2 for "1.5 times the line".
 *
 * @example
 * ```ts
 * import { Ratio } from "@jiceng/core"
 * Ratio.parse({ numerator: 2, denominator: 3 }) //=> { numerator: 2, denominator: 3 }
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const Ratio = z.object({ numerator: z.int().nonnegative(), denominator: z.int().positive() })
/** @since 0.1.0 @category arithmetic */
export type Ratio = z.infer<typeof Ratio>

/**
 * Builds a {@link Ratio}.
 *
 * @example
 * ```ts
 * import { ratio } from "@jiceng/core"
 * ratio(3, 4) //=> { numerator: 3, denominator: 4 }
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator })

/**
 * Compares `a/b` with `c/d` exactly by cross-multiplication (`a·d` vs `c·b`), switching to
 * `BigInt` when a product leaves the safe-integer range. Denominators must be positive.
 * Returns −1, 0 or 1.
 *
 * @example
 * ```ts
 * import { compareFractions } from "@jiceng/core"
 * compareFractions(2, 3, 666_666, 1_000_000) //=> 1
 * compareFractions(4, 6, 2, 3) //=> 0
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const compareFractions = (a: number, b: number, c: number, d: number): -1 | 0 | 1 => {
  const left = a * d
  const right = c * b
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) {
    return left < right ? -1 : left > right ? 1 : 0
  }
  const l = BigInt(a) * BigInt(d)
  const r = BigInt(c) * BigInt(b)
  return l < r ? -1 : l > r ? 1 : 0
}

/**
 * How a legal threshold compares: Civil Code art. 1259 — "以上" (at least) includes the
 * boundary, "超过" / "过半数" (over, more than half) excludes it.
 *
 * @example
 * ```ts
 * import type { ThresholdKind } from "@jiceng/core"
 * const k: ThresholdKind = "atLeast"
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export type ThresholdKind = "atLeast" | "moreThan"

/**
 * Whether `part` out of `whole` reaches the fraction `threshold` — inclusive for `atLeast`,
 * strict for `moreThan` — computed exactly. With `whole = 0`, `atLeast` of a zero threshold
 * holds and everything else fails.
 *
 * @example
 * ```ts
 * import { meetsThreshold, ratio } from "@jiceng/core"
 * meetsThreshold(2, 3, ratio(2, 3), "atLeast") //=> true
 * meetsThreshold(50, 100, ratio(1, 2), "moreThan") //=> false
 * ```
 * @since 0.1.0
 * @category arithmetic
 */
export const meetsThreshold = (part: number, whole: number, threshold: Ratio, kind: ThresholdKind): boolean => {
  if (whole === 0) return kind === "atLeast" && threshold.numerator === 0
  // Hot path of every tally: compare the products directly while both are exact doubles.
  const left = part * threshold.denominator
  const right = threshold.numerator * whole
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) {
    return kind === "atLeast" ? left >= right : left > right
  }
  const cmp = compareFractions(part, whole, threshold.numerator, threshold.denominator)
  return kind === "atLeast" ? cmp >= 0 : cmp > 0
}
