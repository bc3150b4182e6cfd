import { mulDiv } from "@jiceng/core"

// Exact fixed-point helpers on integers held in doubles. Every product stays below 2^53, is
// split so that it does, or goes through core's mulDiv (BigInt past 2^53); a float never
// decides a comparison.

/** floor(n / d) for safe non-negative integers, exact even where `n / d` rounds up. */
export const floorDiv = (n: number, d: number): number => {
  let q = Math.floor(n / d)
  const r = n - q * d
  if (r < 0) q--
  else if (r >= d) q++
  return q
}

/**
 * floor(a · b / c) for safe non-negative integers, exact where a · b passes 2^53 — as a Scottish
 * surplus transfer does from about 900,000 ballots (value 10^5 × surplus in 10^-5 units).
 */
export const mulDivFloor = (a: number, b: number, c: number): number => {
  const p = a * b
  return p <= Number.MAX_SAFE_INTEGER ? floorDiv(p, c) : mulDiv(a, b, c, "floor")
}

/**
 * floor(a · b / 10^9) and whether it was exact, for integers 0 ≤ a, b < 2.2·10^9 (Meek
 * weights and keep factors at nine decimals), without leaving the safe-integer range.
 */
export const mulScale9 = (a: number, b: number): number => {
  const p = a * b
  if (p <= 9_007_199_254_740_991) return floorDiv(p, 1e9)
  const bh = Math.floor(b / 1e5)
  const bl = b - bh * 1e5
  const x = a * bh
  const xq = Math.floor(x / 1e4)
  const xr = x - xq * 1e4
  return xq + floorDiv(xr * 1e5 + a * bl, 1e9)
}
