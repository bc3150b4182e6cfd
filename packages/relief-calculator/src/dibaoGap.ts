/**
 * The gap method (差额补助) at the heart of the minimum living allowance (低保): the household
 * receives the difference between the local line times the number of covered members and
 * the household's counted monthly income, never less than zero. All amounts are integer fen.
 * Basis: 社会救助暂行办法 (Interim Measures on Social Assistance, State Council Decree 649,
 * 2014, revised 2019-03-02) art. 12; 最低生活保障审核确认办法 (MCA, in force 2021-07-01) art. 23.
 *
 * @example
 * ```ts
 * import { dibaoGap } from "@jiceng/relief-calculator"
 * dibaoGap({ lineFen: 1_395_00, members: 3, countedIncomeFen: 2_000_00 }) //=> 218500
 * ```
 * @since 0.1.0
 * @category dibao
 */
export const dibaoGap = (input: {
  readonly lineFen: number
  readonly members: number
  readonly countedIncomeFen: number
}): number => Math.max(0, input.lineFen * input.members - input.countedIncomeFen)
