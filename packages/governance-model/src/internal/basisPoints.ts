import { mulDiv } from "@jiceng/core"

/**
 * `n / d` in basis points (hundredths of a percent), rounded half up, computed exactly with
 * `mulDiv` (the product `n × 10,000` may pass 2^53); `null` when `d` is 0 (nothing counted).
 */
export const basisPoints = (n: number, d: number): number | null => (d === 0 ? null : mulDiv(n, 10_000, d, "halfUp"))
