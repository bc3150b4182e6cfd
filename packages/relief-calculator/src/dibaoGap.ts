import { type InvalidInputError, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { Money } from "./Policy.ts"

/**
 * Input of {@link dibaoGap}: the monthly line in fen, the number of members covered, and the
 * household's counted monthly income in fen — all non-negative integers.
 *
 * @example
 * ```ts
 * import { DibaoGapInput } from "@jiceng/relief-calculator"
 * DibaoGapInput.safeParse({ lineFen: 0.5, members: 1, countedIncomeFen: 0 }).success //=> false
 * ```
 * @since 0.1.0
 * @category dibao
 */
export const DibaoGapInput = z.object({
  lineFen: Money,
  members: z.int().min(0).max(50),
  countedIncomeFen: Money
})
/** @since 0.1.0 @category dibao */
export type DibaoGapInput = z.infer<typeof DibaoGapInput>

/**
 * The gap method (差额补助) at the heart of the minimum living allowance (低保): the household
 * receives the difference between the local line times the number of covered members and
 * the household's counted monthly income, never less than zero. All amounts are integer fen;
 * the input is validated (a fraction of a fen, a negative or missing amount is an
 * `InvalidInputError`), so the result is never NaN. Rounding and minimum payments are local
 * rules applied by {@link assessHousehold}, not here.
 * Basis: 社会救助暂行办法 (Interim Measures on Social Assistance, State Council Decree 649,
 * 2014, revised 2019-03-02) art. 12; 最低生活保障审核确认办法 (MCA, in force 2021-07-01) art. 23.
 *
 * @example
 * ```ts
 * import { dibaoGap } from "@jiceng/relief-calculator"
 * dibaoGap({ lineFen: 1_395_00, members: 3, countedIncomeFen: 2_000_00 }) //=> { ok: true, value: 218500 }
 * dibaoGap({ lineFen: 0.1, members: 3, countedIncomeFen: 0 }).ok //=> false
 * ```
 * @since 0.1.0
 * @category dibao
 */
export const dibaoGap = (input: unknown): Result<number, InvalidInputError> => {
  const v = validate(DibaoGapInput, input)
  if (!v.ok) return v
  const { lineFen, members, countedIncomeFen } = v.value
  // ≤ 50 × 10¹² fen: always a safe integer.
  const gap = lineFen * members - countedIncomeFen
  return ok(Math.max(gap, 0))
}
