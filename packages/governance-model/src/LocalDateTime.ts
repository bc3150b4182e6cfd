import * as z from "zod"
import { pushIssue } from "./internal/refine.ts"
import { parseLocalDateTime } from "./internal/time.ts"

/**
 * A local date and time in China Standard Time (UTC+8), `YYYY-MM-DDTHH:mm` or
 * `YYYY-MM-DDTHH:mm:ss`, with no zone suffix: China has one zone and no daylight saving, so
 * service logs and deadlines are kept in civil time and exported with `+08:00` where a
 * standard needs a zone (Open311).
 *
 * @example
 * ```ts
 * import { LocalDateTime } from "@jiceng/governance-model"
 * LocalDateTime.safeParse("2025-02-05T09:30").success //=> true
 * LocalDateTime.safeParse("2025-02-30T09:30").success //=> false
 * ```
 * @since 0.1.0
 * @category calendar
 */
export const LocalDateTime = z.string().check((ctx) => {
  if (parseLocalDateTime(ctx.value) === undefined)
    pushIssue(
      ctx,
      [],
      "invalid_date_time",
      `“${ctx.value.slice(0, 40)}”不是有效的本地日期时间（YYYY-MM-DDTHH:mm[:ss]）`,
      `"${ctx.value.slice(0, 40)}" is not a valid local date-time (YYYY-MM-DDTHH:mm[:ss])`
    )
})
/** @since 0.1.0 @category calendar */
export type LocalDateTime = string
