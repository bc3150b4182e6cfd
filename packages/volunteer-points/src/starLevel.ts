/**
 * A star-level table: cumulative certified hours needed for each star, ascending.
 *
 * @since 0.1.0
 * @category star-levels
 */
export type StarTable = ReadonlyArray<number>

/**
 * The national table: one to five stars at 100, 300, 600, 1,000 and 1,500 certified cumulative
 * hours — Ministry of Civil Affairs practice adopted by 志愿服务记录办法 (民函〔2012〕340号,
 * 2012-10), carried into 中国社区志愿者注册管理办法 and provincial rules.
 *
 * @example
 * ```ts
 * import { nationalStarTable } from "@jiceng/volunteer-points"
 * nationalStarTable.length //=> 5
 * ```
 * @since 0.1.0
 * @category star-levels
 */
export const nationalStarTable: StarTable = [100, 300, 600, 1000, 1500]

/**
 * The star level (星级志愿者) reached with `hours` certified cumulative hours: the number of
 * thresholds in `table` that `hours` meets or exceeds (0 = no star yet).
 *
 * @example
 * ```ts
 * import { starLevel, nationalStarTable } from "@jiceng/volunteer-points"
 * starLevel(320, nationalStarTable) //=> 2
 * starLevel(99, nationalStarTable) //=> 0
 * ```
 * @since 0.1.0
 * @category star-levels
 */
export const starLevel = (hours: number, table: StarTable = nationalStarTable): number => {
  let level = 0
  for (const threshold of table) if (hours >= threshold) level++
  return level
}
