import type { Citation } from "@jiceng/core"

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
 * A star table with its source: one row per body that grades volunteers. Thresholds differ by
 * body, so they are data, never constants in the rule.
 *
 * @since 0.1.0
 * @category star-levels
 */
export interface CitedStarTable {
  readonly thresholds: StarTable
  readonly source: Citation
  /** Further honours beyond five stars, where the body has them (hours). */
  readonly medals?: ReadonlyArray<number>
}

/**
 * Published star tables: the national one (民政部 practice, 2012 办法) and Beijing's
 * (北京市志愿者管理办法（试行）, 100/200/500/800/1,000 h with medals at 2,000/3,000/5,000 h; taken
 * from a secondary report, so `verified: false`). Pass `starTables.beijing.thresholds` to
 * {@link starLevel}, or any ascending array of your own.
 *
 * @example
 * ```ts
 * import { starLevel, starTables } from "@jiceng/volunteer-points"
 * starLevel(550, starTables.beijing.thresholds) //=> 3
 * starLevel(550, starTables.national.thresholds) //=> 2
 * ```
 * @since 0.1.0
 * @category star-levels
 */
export const starTables: { readonly national: CitedStarTable; readonly beijing: CitedStarTable } = {
  national: {
    thresholds: nationalStarTable,
    source: {
      title: "志愿服务记录办法 (民函〔2012〕340号), star grading per Ministry of Civil Affairs practice",
      issuer: "民政部",
      url: "https://www.gov.cn/jrzg/2012-09/27/content_2234139.htm"
    }
  },
  beijing: {
    thresholds: [100, 200, 500, 800, 1000],
    medals: [2000, 3000, 5000],
    source: {
      title: "北京市志愿者管理办法（试行）",
      issuer: "北京市",
      url: "http://damoshentu.com/shangxun/177170.shtml",
      verified: false
    }
  }
}

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
