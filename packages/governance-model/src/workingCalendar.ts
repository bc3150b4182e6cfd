import {
  type BilingualText,
  Citation,
  err,
  InvalidInputError,
  IsoDate,
  type Issue,
  issue,
  ok,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { chinaHolidayNotices } from "./chinaHolidays.ts"
import { pushIssue } from "./internal/refine.ts"
import {
  formatDay,
  formatLocalDateTime,
  parseClock,
  parseDay,
  parseLocalDateTime,
  SECONDS_PER_DAY,
  weekday
} from "./internal/time.ts"
import { LocalDateTime } from "./LocalDateTime.ts"

const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) })

/**
 * One holiday period of a notice: every day from `from` to `to` (inclusive) is a day off.
 *
 * @since 0.1.0
 * @category calendar
 */
export const HolidayPeriod = z.object({ name: Bilingual, from: IsoDate, to: IsoDate })
/** @since 0.1.0 @category calendar */
export type HolidayPeriod = z.infer<typeof HolidayPeriod>

/**
 * A year's holiday notice (节假日安排通知): its holiday periods, the weekend days it makes into
 * workdays (调休上班), and the notice as the citation.
 *
 * @example
 * ```ts
 * import { HolidayNotice, chinaHolidayNotices } from "@jiceng/governance-model"
 * HolidayNotice.safeParse(chinaHolidayNotices[2]).success //=> true
 * ```
 * @since 0.1.0
 * @category calendar
 */
export const HolidayNotice = z
  .object({
    year: z.int().min(1990).max(2200),
    holidays: z.array(HolidayPeriod),
    makeUpWorkdays: z.array(IsoDate),
    source: Citation
  })
  .check((ctx) => {
    const n = ctx.value
    n.holidays.forEach((p, i) => {
      if (p.to < p.from)
        pushIssue(
          ctx,
          ["holidays", i, "to"],
          "empty_period",
          `假期结束日 ${p.to} 早于开始日 ${p.from}`,
          `holiday end ${p.to} is before its start ${p.from}`
        )
    })
    n.makeUpWorkdays.forEach((d, i) => {
      const day = parseDay(d)
      if (day === undefined) return
      const wd = weekday(day)
      if (wd !== 0 && wd !== 6)
        pushIssue(
          ctx,
          ["makeUpWorkdays", i],
          "make_up_not_weekend",
          `调休上班日 ${d} 不是周六或周日`,
          `make-up workday ${d} is not a Saturday or Sunday`
        )
      if (n.holidays.some((p) => p.from <= d && d <= p.to))
        pushIssue(
          ctx,
          ["makeUpWorkdays", i],
          "make_up_in_holiday",
          `调休上班日 ${d} 落在假期之内`,
          `make-up workday ${d} falls inside a holiday period`
        )
    })
  })
/** @since 0.1.0 @category calendar */
export type HolidayNotice = z.infer<typeof HolidayNotice>

const Clock = z.string().check((ctx) => {
  if (parseClock(ctx.value) === undefined)
    pushIssue(ctx, [], "invalid_clock", `“${ctx.value}”不是 HH:mm 时刻`, `"${ctx.value}" is not an HH:mm time`)
})

/**
 * Options of {@link workingCalendar}.
 *
 * - `notices`: the holiday notices (default {@link chinaHolidayNotices}, 2023–2026).
 * - `workingHours`: office windows of a working day, in order (default 09:00–12:00 and
 *   13:00–18:00, eight hours: the Labour Law art. 36 eight-hour day; the split is a local
 *   convention, so it is a parameter).
 * - `dayEndsAt`: when a day-counted period ends on its last day — `"midnight"` (default; Civil
 *   Code art. 203: 期间的最后一日的截止时间为二十四时) or `"closeOfBusiness"` (art. 203's 有业务时间的,
 *   停止业务活动的时间为截止时间: the end of the last office window).
 * - `beyondNotices`: a date in a year with no notice is an error (`"error"`, default) or a plain
 *   Monday-to-Friday working day (`"weekdaysOnly"`, flagged in every answer that used it).
 *
 * @since 0.1.0
 * @category calendar
 */
export const WorkingCalendarOptions = z
  .object({
    notices: z.array(HolidayNotice).optional(),
    workingHours: z
      .array(z.object({ from: Clock, to: Clock }))
      .min(1)
      .optional(),
    dayEndsAt: z.enum(["midnight", "closeOfBusiness"]).optional(),
    beyondNotices: z.enum(["error", "weekdaysOnly"]).optional()
  })
  .check((ctx) => {
    const seen = new Set<number>()
    ctx.value.notices?.forEach((n, i) => {
      if (seen.has(n.year))
        pushIssue(
          ctx,
          ["notices", i, "year"],
          "duplicate_year",
          `${n.year} 年有两份节假日通知`,
          `there are two holiday notices for ${n.year}`
        )
      seen.add(n.year)
    })
    let prevEnd = -1
    ctx.value.workingHours?.forEach((w, i) => {
      const a = parseClock(w.from)
      const b = parseClock(w.to)
      if (a === undefined || b === undefined) return
      if (b <= a || a < prevEnd)
        pushIssue(
          ctx,
          ["workingHours", i],
          "bad_window",
          `办公时段 ${w.from}–${w.to} 为空或与前一时段重叠/未按时间排序`,
          `office window ${w.from}–${w.to} is empty, overlaps the one before or is out of order`
        )
      prevEnd = Math.max(prevEnd, b)
    })
  })
  .optional()
/** @since 0.1.0 @category calendar */
export type WorkingCalendarOptions = z.infer<typeof WorkingCalendarOptions>

/**
 * A time limit: working days (开始当日不计入; the period ends on the last working day), working
 * hours or minutes (counted inside office windows of working days), or wall-clock minutes
 * (e.g. the 30-minute arrival of 吹哨报到). Working hours and minutes are counted day by day for
 * at most 3,660 calendar days (about ten years; how many working hours that holds depends on the
 * office windows); a longer limit is refused with `limit_too_long`, as is a span of more than
 * 3,660 days given to `workingDaysBetween` or `signal`.
 *
 * @example
 * ```ts
 * import { TimeLimit } from "@jiceng/governance-model"
 * TimeLimit.safeParse({ workingDays: 5 }).success //=> true
 * TimeLimit.safeParse({ workingDays: -1 }).success //=> false
 * ```
 * @since 0.1.0
 * @category calendar
 */
export const TimeLimit = z.union([
  z.strictObject({ workingDays: z.int().min(0).max(3650) }),
  z.strictObject({ workingHours: z.int().min(0).max(87_600) }),
  z.strictObject({ workingMinutes: z.int().min(0).max(5_256_000) }),
  z.strictObject({ minutes: z.int().min(0).max(5_256_000) })
])
/** @since 0.1.0 @category calendar */
export type TimeLimit = z.infer<typeof TimeLimit>

/**
 * What the calendar says about one date.
 *
 * @since 0.1.0
 * @category calendar
 */
export interface CalendarDay {
  readonly date: string
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekday: number
  readonly working: boolean
  readonly kind: "workday" | "weekend" | "holiday" | "makeUpWorkday"
  /** The holiday's name, for holidays. */
  readonly name?: BilingualText
  /** The notice that made the day a holiday or a make-up workday. */
  readonly source?: Citation
  /** True when no notice covers the year and `beyondNotices: "weekdaysOnly"` assumed Mon–Fri. */
  readonly assumed: boolean
}

/**
 * A computed deadline, with the explanation of how it was counted.
 *
 * @since 0.1.0
 * @category calendar
 */
export interface Deadline {
  readonly start: string
  readonly limit: TimeLimit
  /** The last instant that is still on time: `now > due` is overdue. */
  readonly due: string
  /** Holidays passed over between start and due. */
  readonly skippedHolidays: ReadonlyArray<string>
  /** Make-up workdays counted as working days. */
  readonly makeUpWorkdaysCounted: ReadonlyArray<string>
  readonly explanation: BilingualText
  readonly basis: ReadonlyArray<Citation>
  readonly warnings: ReadonlyArray<Issue>
}

/**
 * Input of {@link WorkingCalendar.signal}: a due instant, the current instant (passed in: the
 * library never reads a clock), and the named thresholds.
 *
 * - `dueSoonWorkingHours` (default 4): working hours left at which a case is due soon (临期).
 *   No rule fixes it; it is a named parameter.
 * - `urgeAfterWorkingDays` (default 1): overdue working days before a formal urging notice (催办).
 * - `reportAfterWorkingDays` (default 5): overdue working days before a written public
 *   criticism (通报). Both defaults follow a municipal 12345 rule quoted in the anchors
 *   (催办通知书 the day after expiry; 通报批评 after 5 working days overdue); other places differ.
 * - `escalateAfterWorkingDays` (default 1): overdue working days before the case escalates one
 *   level (四级联动).
 *
 * @since 0.1.0
 * @category calendar
 */
export const DeadlineSignalInput = z.object({
  due: LocalDateTime,
  now: LocalDateTime,
  dueSoonWorkingHours: z.int().min(0).max(1000).optional(),
  urgeAfterWorkingDays: z.int().min(0).max(365).optional(),
  reportAfterWorkingDays: z.int().min(0).max(365).optional(),
  escalateAfterWorkingDays: z.int().min(0).max(365).optional()
})
/** @since 0.1.0 @category calendar */
export type DeadlineSignalInput = z.infer<typeof DeadlineSignalInput>

/**
 * The signals of a deadline at an instant.
 *
 * @since 0.1.0
 * @category calendar
 */
export interface DeadlineSignal {
  readonly status: "onTime" | "dueSoon" | "overdue"
  /** Working days after the due date up to and including today's date (0 when not overdue). */
  readonly overdueWorkingDays: number
  /** 催办: a formal urging notice is due. */
  readonly urge: boolean
  /** 通报: the case is overdue long enough for written public criticism. */
  readonly publicReport: boolean
  /** The case should climb one level (community → street → district → city). */
  readonly escalate: boolean
  readonly explanation: BilingualText
}

/**
 * A working-day calendar: China's public holidays and make-up workdays as dated, cited data,
 * and deadlines counted on it. Every method validates its input and returns a `Result`.
 *
 * @since 0.1.0
 * @category calendar
 */
export interface WorkingCalendar {
  /** Years covered by a holiday notice. */
  readonly years: ReadonlyArray<number>
  readonly notices: ReadonlyArray<HolidayNotice>
  /** What kind of day `date` (`YYYY-MM-DD`) is. */
  readonly day: (date: string) => Result<CalendarDay, InvalidInputError>
  /** The due instant of `limit` counted from `start` (`YYYY-MM-DDTHH:mm[:ss]`). */
  readonly deadline: (start: string, limit: TimeLimit) => Result<Deadline, InvalidInputError>
  /** Working days strictly after `from` up to and including `to` (both `YYYY-MM-DD`). */
  readonly workingDaysBetween: (from: string, to: string) => Result<number, InvalidInputError>
  /** Due-soon, overdue, urging, public-report and escalation signals. */
  readonly signal: (input: DeadlineSignalInput) => Result<DeadlineSignal, InvalidInputError>
}

/**
 * Civil Code arts. 201 and 203: periods in days start the next day and end at 24:00 of the last day.
 *
 * @example
 * ```ts
 * import { civilCodePeriods } from "@jiceng/governance-model"
 * civilCodePeriods.article //=> "第二百零一条、第二百零三条"
 * ```
 * @since 0.1.0
 * @category calendar
 */
export const civilCodePeriods: Citation = {
  title: "中华人民共和国民法典",
  article: "第二百零一条、第二百零三条",
  issuer: "全国人民代表大会",
  date: "2020-05-28"
}

const labourLawHours: Citation = {
  title: "中华人民共和国劳动法",
  article: "第三十六条",
  issuer: "全国人民代表大会常务委员会",
  date: "2018-12-29"
}

interface Marker {
  readonly kind: "holiday" | "makeUpWorkday"
  readonly name?: BilingualText
  readonly source: Citation
}

// Working-hour deadlines and day spans are counted day by day; the count stops after ten years
// so that a tiny office window cannot make a bounded limit scan for centuries.
const MAX_SCAN_DAYS = 3660

// Never calls a user-supplied toString: fuzzed input may make String(x) throw.
const show = (x: unknown): string => (typeof x === "string" ? x.slice(0, 40) : typeof x)

/** The compiled day table and deadline arithmetic behind a calendar, for the package's hot loops. */
export interface CalendarCore {
  readonly working: (day: number) => 1 | 0 | -1
  readonly computeDue: (startSeconds: number, limit: TimeLimit) => number | Issue
}

/** Not re-exported from the package index: internal access to a calendar's core. */
export const calendarCores: WeakMap<WorkingCalendar, CalendarCore> = new WeakMap()

const outOfRange = (date: string): Issue =>
  issue(
    ["date"],
    "no_holiday_notice",
    `${date.slice(0, 4)} 年没有节假日通知，无法判断 ${date} 是否为工作日；请提供该年通知或设 beyondNotices: "weekdaysOnly"`,
    `no holiday notice covers ${date.slice(0, 4)}, so whether ${date} is a working day is unknown; pass that year's notice or set beyondNotices: "weekdaysOnly"`
  )

const tooLong = (path: ReadonlyArray<string>, what: BilingualText): Issue =>
  issue(
    [...path],
    "limit_too_long",
    `${what.zh}超过 ${MAX_SCAN_DAYS} 个自然日（约十年），不予计算`,
    `${what.en} runs past ${MAX_SCAN_DAYS} calendar days (about ten years) and is not counted`
  )

/**
 * Build a working-day calendar from holiday notices (default: China 2023–2026), office hours and
 * the period-ending rule. Deadlines in working days skip weekends and holidays and count make-up
 * workdays; the start day is not counted (Civil Code art. 201).
 *
 * @example
 * ```ts
 * import { workingCalendar } from "@jiceng/governance-model"
 * const cal = workingCalendar()
 * if (!cal.ok) throw cal.error
 * // Received Monday 27 Jan 2025: the Spring Festival holiday (28 Jan–4 Feb) is skipped,
 * // 5–7 Feb count, Saturday 8 Feb is a make-up workday, and Monday 10 Feb is the fifth.
 * const d = cal.value.deadline("2025-01-27T10:00", { workingDays: 5 })
 * d.ok && d.value.due //=> "2025-02-10T23:59:59"
 * cal.value.day("2025-01-26").ok //=> true
 * ```
 * @since 0.1.0
 * @category calendar
 */
export const workingCalendar = (options?: unknown): Result<WorkingCalendar, InvalidInputError> => {
  const parsed = validate(WorkingCalendarOptions, options)
  if (!parsed.ok) return parsed
  const opts = parsed.value ?? {}
  const notices = opts.notices ?? chinaHolidayNotices
  const windows = (
    opts.workingHours ?? [
      { from: "09:00", to: "12:00" },
      { from: "13:00", to: "18:00" }
    ]
  ).map((w) => [parseClock(w.from) ?? 0, parseClock(w.to) ?? 0] as const)
  const dayEndsAt = opts.dayEndsAt ?? "midnight"
  const lenient = opts.beyondNotices === "weekdaysOnly"

  const years = new Set<number>()
  const markers = new Map<number, Marker>()
  for (const n of notices) {
    years.add(n.year)
    for (const p of n.holidays) {
      const a = parseDay(p.from) ?? 0
      const b = parseDay(p.to) ?? -1
      for (let d = a; d <= b; d++) markers.set(d, { kind: "holiday", name: p.name, source: n.source })
    }
    for (const m of n.makeUpWorkdays) {
      const d = parseDay(m)
      if (d !== undefined) markers.set(d, { kind: "makeUpWorkday", source: n.source })
    }
  }
  const yearOf = (day: number): number => Number(formatDay(day).slice(0, 4))

  // 1 = working, 0 = not working, -1 = unknown (no notice and strict).
  const working = (day: number): 1 | 0 | -1 => {
    const m = markers.get(day)
    if (m) return m.kind === "holiday" ? 0 : 1
    if (!years.has(yearOf(day)) && !lenient) return -1
    const wd = weekday(day)
    return wd === 0 || wd === 6 ? 0 : 1
  }

  const day = (date: string): Result<CalendarDay, InvalidInputError> => {
    const d = typeof date === "string" ? parseDay(date) : undefined
    if (d === undefined)
      return err(
        new InvalidInputError([
          issue(["date"], "invalid_date", `“${show(date)}”不是有效日期`, `"${show(date)}" is not a valid date`)
        ])
      )
    const wd = weekday(d)
    const m = markers.get(d)
    const covered = years.has(yearOf(d))
    if (!m && !covered && !lenient) return err(new InvalidInputError([outOfRange(date)]))
    const base = { date, weekday: wd, assumed: !m && !covered }
    if (m?.kind === "holiday")
      return ok({ ...base, working: false, kind: "holiday", source: m.source, ...(m.name ? { name: m.name } : {}) })
    if (m?.kind === "makeUpWorkday") return ok({ ...base, working: true, kind: "makeUpWorkday", source: m.source })
    return ok({ ...base, working: wd !== 0 && wd !== 6, kind: wd === 0 || wd === 6 ? "weekend" : "workday" })
  }

  const lastWindowEnd = windows[windows.length - 1]?.[1] ?? SECONDS_PER_DAY
  const endOfDay = (d: number): number =>
    d * SECONDS_PER_DAY + (dayEndsAt === "midnight" ? SECONDS_PER_DAY - 1 : lastWindowEnd)

  const assumedWarning = (d: number): Issue =>
    issue(
      ["date"],
      "assumed_weekdays",
      `${yearOf(d)} 年没有节假日通知，按周一至周五为工作日推算`,
      `no holiday notice for ${yearOf(d)}; Monday to Friday assumed to be working days`
    )

  // The due instant (seconds) of `L` from `s`, or the issue that stopped the count.
  const computeDue = (s: number, L: TimeLimit, note?: (day: number) => void): number | Issue => {
    const startDay = Math.floor(s / SECONDS_PER_DAY)
    if ("workingDays" in L) {
      let d = startDay
      for (let count = 0; count < L.workingDays; ) {
        d++
        const w = working(d)
        if (w === -1) return outOfRange(formatDay(d))
        note?.(d)
        if (w === 1) count++
      }
      return endOfDay(d)
    }
    if ("minutes" in L) return s + L.minutes * 60
    let remaining = ("workingHours" in L ? L.workingHours * 60 : L.workingMinutes) * 60
    let d = startDay
    let t = s - d * SECONDS_PER_DAY
    for (let scanned = 0; remaining > 0; scanned++) {
      if (scanned > MAX_SCAN_DAYS)
        return tooLong(["limit"], {
          zh: `自 ${formatLocalDateTime(s)} 起的工作时长期限`,
          en: `the working-time limit from ${formatLocalDateTime(s)}`
        })
      const w = working(d)
      if (w === -1) return outOfRange(formatDay(d))
      if (w === 1) {
        for (const [a, b] of windows) {
          const from = Math.max(a, t)
          if (from >= b) continue
          const avail = b - from
          if (remaining <= avail) return d * SECONDS_PER_DAY + from + remaining
          remaining -= avail
        }
      }
      d++
      t = 0
      note?.(d)
    }
    return s
  }

  const deadline = (start: string, limit: TimeLimit): Result<Deadline, InvalidInputError> => {
    const s = typeof start === "string" ? parseLocalDateTime(start) : undefined
    const lim = validate(TimeLimit, limit)
    const issues: Array<Issue> = []
    if (s === undefined)
      issues.push(
        issue(
          ["start"],
          "invalid_date_time",
          `“${show(start)}”不是有效的本地日期时间`,
          `"${show(start)}" is not a valid local date-time`
        )
      )
    if (!lim.ok) issues.push(...lim.error.issues.map((i) => ({ ...i, path: ["limit", ...i.path] })))
    if (s === undefined || !lim.ok) return err(new InvalidInputError(issues))
    const L = lim.value
    const skipped: Array<string> = []
    const madeUp: Array<string> = []
    const warnings: Array<Issue> = []
    const note = (d: number) => {
      const m = markers.get(d)
      if (m?.kind === "holiday") skipped.push(formatDay(d))
      else if (m?.kind === "makeUpWorkday") madeUp.push(formatDay(d))
      else if (!years.has(yearOf(d)) && warnings.length === 0) warnings.push(assumedWarning(d))
    }
    const dueOrIssue = computeDue(s, L, note)
    if (typeof dueOrIssue !== "number") return err(new InvalidInputError([dueOrIssue]))
    const due = dueOrIssue
    let zh: string
    let en: string
    if ("workingDays" in L) {
      const d = formatDay(Math.floor(due / SECONDS_PER_DAY))
      const end = dayEndsAt === "midnight" ? "二十四时" : "停止办公时"
      zh = `自 ${start} 起算 ${L.workingDays} 个工作日（开始当日不计入），截止于 ${d} ${end}`
      en = `${L.workingDays} working days from ${start} (the start day not counted) end on ${d} at ${dayEndsAt === "midnight" ? "24:00" : "close of business"}`
    } else if ("minutes" in L) {
      zh = `自 ${start} 起 ${L.minutes} 分钟（自然时间）`
      en = `${L.minutes} wall-clock minutes from ${start}`
    } else {
      const minutes = "workingHours" in L ? L.workingHours * 60 : L.workingMinutes
      zh = `自 ${start} 起 ${minutes} 个工作分钟（仅计工作日办公时段）`
      en = `${minutes} working minutes from ${start} (office hours of working days only)`
    }
    const dueText = formatLocalDateTime(due)
    const hol = skipped.length > 0 ? `；跳过假日 ${skipped.join("、")}` : ""
    const holEn = skipped.length > 0 ? `; holidays skipped: ${skipped.join(", ")}` : ""
    const mu = madeUp.length > 0 ? `；调休上班日 ${madeUp.join("、")} 计为工作日` : ""
    const muEn = madeUp.length > 0 ? `; make-up workdays counted: ${madeUp.join(", ")}` : ""
    const sources = new Map<string, Citation>()
    for (const d of [...skipped, ...madeUp]) {
      const m = markers.get(parseDay(d) ?? 0)
      if (m) sources.set(m.source.title, m.source)
    }
    return ok({
      start,
      limit: L,
      due: dueText,
      skippedHolidays: skipped,
      makeUpWorkdaysCounted: madeUp,
      explanation: { zh: `${zh}${hol}${mu}；期限至 ${dueText}`, en: `${en}${holEn}${muEn}; due ${dueText}` },
      basis: ["workingDays" in L ? civilCodePeriods : labourLawHours, ...sources.values()],
      warnings
    })
  }

  // Working days in (from, to]; a year without a notice met first is the reason, else the span.
  const countWorkingDays = (from: number, to: number, path: ReadonlyArray<string>): number | Issue => {
    let n = 0
    for (let d = from + 1; d <= to; d++) {
      if (d - from > MAX_SCAN_DAYS)
        return tooLong(path, {
          zh: `${formatDay(from)} 至 ${formatDay(to)} 的跨度`,
          en: `the span from ${formatDay(from)} to ${formatDay(to)}`
        })
      const w = working(d)
      if (w === -1) return outOfRange(formatDay(d))
      n += w
    }
    return n
  }

  const workingDaysBetween = (from: string, to: string): Result<number, InvalidInputError> => {
    const a = typeof from === "string" ? parseDay(from) : undefined
    const b = typeof to === "string" ? parseDay(to) : undefined
    const issues: Array<Issue> = []
    if (a === undefined) issues.push(issue(["from"], "invalid_date", "不是有效日期", "not a valid date"))
    if (b === undefined) issues.push(issue(["to"], "invalid_date", "不是有效日期", "not a valid date"))
    if (a === undefined || b === undefined) return err(new InvalidInputError(issues))
    if (b < a) return ok(0)
    const n = countWorkingDays(a, b, ["to"])
    return typeof n === "number" ? ok(n) : err(new InvalidInputError([n]))
  }

  // Working seconds in [a, b), stopping early once `cap` is exceeded.
  const workingSeconds = (a: number, b: number, cap: number): number | Issue => {
    let total = 0
    for (let d = Math.floor(a / SECONDS_PER_DAY); d * SECONDS_PER_DAY < b && total <= cap; d++) {
      const w = working(d)
      if (w === -1) return outOfRange(formatDay(d))
      if (w === 0) continue
      const base = d * SECONDS_PER_DAY
      for (const [x, y] of windows) {
        const lo = Math.max(base + x, a)
        const hi = Math.min(base + y, b)
        if (hi > lo) total += hi - lo
      }
    }
    return total
  }

  const signal = (input: DeadlineSignalInput): Result<DeadlineSignal, InvalidInputError> => {
    const parsed = validate(DeadlineSignalInput, input)
    if (!parsed.ok) return parsed
    const p = parsed.value
    const due = parseLocalDateTime(p.due) ?? 0
    const now = parseLocalDateTime(p.now) ?? 0
    const soonHours = p.dueSoonWorkingHours ?? 4
    const urgeAfter = p.urgeAfterWorkingDays ?? 1
    const reportAfter = p.reportAfterWorkingDays ?? 5
    const escalateAfter = p.escalateAfterWorkingDays ?? 1
    if (now <= due) {
      const left = workingSeconds(now, due, soonHours * 3600)
      if (typeof left !== "number") return err(new InvalidInputError([left]))
      const soon = left <= soonHours * 3600
      return ok({
        status: soon ? "dueSoon" : "onTime",
        overdueWorkingDays: 0,
        urge: false,
        publicReport: false,
        escalate: false,
        explanation: soon
          ? {
              zh: `距期限 ${p.due} 剩余工作时间不超过 ${soonHours} 小时，临期`,
              en: `at most ${soonHours} working hours left before ${p.due}: due soon`
            }
          : { zh: `未到期限 ${p.due}`, en: `before the deadline ${p.due}` }
      })
    }
    const over = countWorkingDays(Math.floor(due / SECONDS_PER_DAY), Math.floor(now / SECONDS_PER_DAY), ["now"])
    if (typeof over !== "number") return err(new InvalidInputError([over]))
    const urge = over >= urgeAfter
    const publicReport = over >= reportAfter
    const escalate = over >= escalateAfter
    return ok({
      status: "overdue",
      overdueWorkingDays: over,
      urge,
      publicReport,
      escalate,
      explanation: {
        zh: `已超过期限 ${p.due}，逾期 ${over} 个工作日${urge ? "，应催办" : ""}${publicReport ? "，应通报" : ""}${escalate ? "，应上报上一级" : ""}`,
        en: `past the deadline ${p.due}, ${over} working day(s) overdue${urge ? "; send an urging notice" : ""}${publicReport ? "; report publicly" : ""}${escalate ? "; escalate one level" : ""}`
      }
    })
  }

  const calendar: WorkingCalendar = {
    years: [...years].sort((a, b) => a - b),
    notices,
    day,
    deadline,
    workingDaysBetween,
    signal
  }
  calendarCores.set(calendar, { working, computeDue })
  return ok(calendar)
}
