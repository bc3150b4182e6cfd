import * as z from "zod"
import { type Issue, issue } from "./Issue.ts"
import { InvalidInputError } from "./JicengError.ts"
import { err, ok, type Result } from "./Result.ts"

/**
 * A calendar date as `YYYY-MM-DD`. Dates compare as strings, so no clock or time zone enters
 * a rule.
 *
 * @example
 * ```ts
 * import { IsoDate } from "@jiceng/core"
 * IsoDate.safeParse("2021-01-01").success //=> true
 * IsoDate.safeParse("2021-13-01").success //=> false
 * ```
 * @since 0.1.0
 * @category parameters
 */
export const IsoDate = z.iso.date()
/** @since 0.1.0 @category parameters */
export type IsoDate = string

/**
 * Where a legal constant comes from: the instrument, its article or clause, who issued it and
 * when. `verified: false` marks a value taken from a secondary source that nobody has yet
 * checked against the instrument itself.
 *
 * @example
 * ```ts
 * import type { Citation } from "@jiceng/core"
 * const c: Citation = { title: "民法典 Civil Code", article: "art. 278", issuer: "NPC", date: "2020-05-28" }
 * ```
 * @since 0.1.0
 * @category parameters
 */
export const Citation = z.object({
  title: z.string().min(1),
  article: z.string().optional(),
  issuer: z.string().optional(),
  date: IsoDate.optional(),
  url: z.string().optional(),
  verified: z.boolean().optional()
})
/** @since 0.1.0 @category parameters */
export type Citation = z.infer<typeof Citation>

/**
 * One value of a parameter and the period it was in force: from `from` (inclusive) to `to`
 * (exclusive; open-ended when absent), with its source.
 *
 * @example
 * ```ts
 * import type { DatedValue } from "@jiceng/core"
 * const line: DatedValue<number> = { value: 1_420_00, from: "2024-07-01", source: { title: "Beijing dibao line 2024" } }
 * ```
 * @since 0.1.0
 * @category parameters
 */
export interface DatedValue<T> {
  readonly value: T
  readonly from: IsoDate
  readonly to?: IsoDate | undefined
  readonly source: Citation
}

/**
 * The history of one parameter: dated values sorted by `from`, never overlapping.
 *
 * @since 0.1.0
 * @category parameters
 */
export type ParameterHistory<T> = ReadonlyArray<DatedValue<T>>

/**
 * A zod schema for a {@link ParameterHistory} of values matching `value`; it rejects
 * unsorted or overlapping periods, each with a path and a bilingual message.
 *
 * @example
 * ```ts
 * import * as z from "zod"
 * import { ParameterHistorySchema } from "@jiceng/core"
 * const s = ParameterHistorySchema(z.int())
 * s.safeParse([{ value: 1, from: "2020-01-01", to: "2019-01-01", source: { title: "x" } }]).success //=> false
 * ```
 * @since 0.1.0
 * @category parameters
 */
export const ParameterHistorySchema = <S extends z.ZodType>(value: S) =>
  z
    .array(
      z.object({ value, from: IsoDate, to: IsoDate.optional(), source: Citation }).check((ctx) => {
        const { from, to } = ctx.value
        if (to !== undefined && to <= from) {
          ctx.issues.push({
            code: "custom",
            input: ctx.value,
            path: ["to"],
            message: "end must be after start",
            params: {
              code: "empty_period",
              zh: `结束日期 ${to} 不晚于开始日期 ${from}`,
              en: `end ${to} is not after start ${from}`
            }
          })
        }
      })
    )
    .min(1)
    .check((ctx) => {
      const h = ctx.value
      for (let i = 1; i < h.length; i++) {
        const prev = h[i - 1]!
        const cur = h[i]!
        if (prev.to === undefined || prev.to > cur.from) {
          ctx.issues.push({
            code: "custom",
            input: h,
            path: [i, "from"],
            message: "periods overlap",
            params: {
              code: "overlapping_periods",
              zh: `第 ${i} 项从 ${cur.from} 起生效，与前一项期间重叠或未按日期排序`,
              en: `entry ${i} starts ${cur.from}, overlapping or out of order with the entry before it`
            }
          })
        }
      }
    })

/**
 * The value in force at a date, the entry it came from, and — when the date falls after the
 * end of the last dated value — a `stale` warning instead of silent reuse.
 *
 * @since 0.1.0
 * @category parameters
 */
export interface ValueInForce<T> {
  readonly value: T
  readonly entry: DatedValue<T>
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * Options for {@link valueAt}.
 *
 * @since 0.1.0
 * @category parameters
 */
export interface ValueAtOptions {
  /** Name used in messages, e.g. `"dibaoLine"`. */
  readonly name?: string
  /**
   * What to do past the end of the last dated value: `"warn"` (default) returns that value
   * with a `stale_parameter` warning; `"error"` refuses.
   */
  readonly onStale?: "warn" | "error"
}

/**
 * Looks up the value in force on `date` (inclusive `from`, exclusive `to`). A date before the
 * first value, or in a gap, is an error; a date after the last value's end is a warning (or
 * an error with `onStale: "error"`) — never a silent old value.
 *
 * @example
 * ```ts
 * import { valueAt } from "@jiceng/core"
 * const h = [
 *   { value: 100, from: "2023-01-01", to: "2024-01-01", source: { title: "notice 2023" } },
 *   { value: 120, from: "2024-01-01", to: "2025-01-01", source: { title: "notice 2024" } }
 * ]
 * valueAt(h, "2023-12-31").ok && valueAt(h, "2023-12-31").value.value //=> 100
 * const late = valueAt(h, "2025-03-01")
 * late.ok && late.value.warnings[0]?.code //=> "stale_parameter"
 * ```
 * @since 0.1.0
 * @category parameters
 */
export const valueAt = <T>(
  history: ParameterHistory<T>,
  date: IsoDate,
  options: ValueAtOptions = {}
): Result<ValueInForce<T>, InvalidInputError> => {
  const name = options.name ?? "parameter"
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i]!
    if (entry.from > date) continue
    if (entry.to === undefined || date < entry.to) return ok({ value: entry.value, entry, warnings: [] })
    if (i < history.length - 1) break // in a gap between two dated values
    const stale = issue(
      [name],
      "stale_parameter",
      `${name} 的最后一个取值截至 ${entry.to}，${date} 已超出其有效期，沿用旧值，请核实是否已有新标准`,
      `${name}'s last value ended ${entry.to}; ${date} is past it, so the old value is reused — check for a newer standard`
    )
    if (options.onStale === "error") return err(new InvalidInputError([stale]))
    return ok({ value: entry.value, entry, warnings: [stale] })
  }
  return err(
    new InvalidInputError([
      issue(
        [name],
        "no_value_in_force",
        `${date} 没有生效的 ${name} 取值`,
        `no value of ${name} is in force on ${date}`
      )
    ])
  )
}
