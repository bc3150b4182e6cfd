import {
  type BilingualText,
  type Citation,
  divideRounded,
  err,
  InvalidInputError,
  type Issue,
  ok,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { basisPoints } from "./internal/basisPoints.ts"
import { MetricsMapping, validateEventTimes, type WorkflowEvent } from "./workflow.ts"
import { workflowTemplates } from "./workflowTemplates.ts"
import { calendarCores, TimeLimit, WorkingCalendarOptions, workingCalendar } from "./workingCalendar.ts"

/**
 * Options of {@link serviceMetrics}.
 *
 * - `mapping`: which events dispatch, respond, close and rate (default: the 12345 template's
 *   `dispatch` / `contact`+`reply` / `close` / `rate`; pass `workflowTemplates.x.metrics`).
 * - `responseWithin` (default `{ workingDays: 1 }`, the FixMyStreet Zurich first-contact rule;
 *   Beijing's own limits were not confirmed): the deadline, from the first dispatch, for a
 *   response to count.
 * - `basicallySatisfiedCounts` (default `true`): whether 基本满意 counts as satisfied. Cities
 *   differ; the choice is stated in the output.
 * - `calendar`: options for the {@link workingCalendar} used to count working days.
 * - `allOrNothing` (default `false`): a case whose response deadline the calendar cannot count
 *   (a year without a holiday notice in strict mode, or a limit longer than the calendar scans)
 *   is left out of the response rate and listed in `excluded` with the reason; with `true` such
 *   a case fails the whole result instead.
 *
 * @since 0.1.0
 * @category metrics
 */
export const ServiceMetricsOptions = z
  .object({
    mapping: MetricsMapping.optional(),
    responseWithin: TimeLimit.optional(),
    basicallySatisfiedCounts: z.boolean().optional(),
    calendar: WorkingCalendarOptions,
    allOrNothing: z.boolean().optional()
  })
  .optional()
/** @since 0.1.0 @category metrics */
export type ServiceMetricsOptions = z.infer<typeof ServiceMetricsOptions>

/**
 * A rate as an exact fraction, with its denominator stated; `basisPoints` is
 * `numerator / denominator` in hundredths of a percent, rounded half up (`null` when nothing
 * was counted).
 *
 * @since 0.1.0
 * @category metrics
 */
export interface Rate {
  readonly numerator: number
  readonly denominator: number
  readonly basisPoints: number | null
  readonly definition: BilingualText
}

/**
 * Integer-second duration statistics (nearest-rank median and 90th percentile).
 *
 * @since 0.1.0
 * @category metrics
 */
export interface DurationStats {
  readonly count: number
  readonly meanSeconds: number | null
  readonly medianSeconds: number | null
  readonly p90Seconds: number | null
}

/**
 * A case left out of a rate because it could not be judged, with the reason.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface ExcludedCase {
  readonly caseId: string
  readonly rate: "responseRate"
  readonly reason: Issue
}

/**
 * The three rates (三率), time to respond and time to close, computed from an event log.
 *
 * @since 0.1.0
 * @category metrics
 */
export interface ServiceMetrics {
  readonly cases: number
  readonly dispatched: number
  readonly closed: number
  /** 响应率 */
  readonly responseRate: Rate
  /** 解决率 */
  readonly resolutionRate: Rate
  /** 满意率 */
  readonly satisfactionRate: Rate
  readonly timeToResponse: DurationStats
  readonly timeToClose: DurationStats
  /**
   * Cases left out of a rate's numerator and denominator (by case id), each with the reason;
   * the rate's definition states how many. Durations do not need the calendar and keep them.
   */
  readonly excluded: ReadonlyArray<ExcludedCase>
  readonly parameters: {
    readonly mapping: MetricsMapping
    readonly responseWithin: TimeLimit
    readonly basicallySatisfiedCounts: boolean
  }
  readonly basis: ReadonlyArray<Citation>
}

const beijingRegulation: Citation = {
  title: "北京市接诉即办工作条例",
  issuer: "北京市人民代表大会常务委员会",
  date: "2021-09-24",
  verified: false
}

const rate = (numerator: number, denominator: number, definition: BilingualText): Rate => ({
  numerator,
  denominator,
  basisPoints: basisPoints(numerator, denominator),
  definition
})

const stats = (xs: Float64Array, n: number): DurationStats => {
  if (n === 0) return { count: 0, meanSeconds: null, medianSeconds: null, p90Seconds: null }
  const v = xs.slice(0, n).sort()
  let sum = 0
  for (let i = 0; i < n; i++) sum += v[i] ?? 0
  return {
    count: n,
    meanSeconds: divideRounded(sum, n, "halfUp"),
    medianSeconds: v[Math.ceil(n / 2) - 1] ?? null,
    p90Seconds: v[Math.ceil((n * 9) / 10) - 1] ?? null
  }
}

const DISPATCH = 1
const RESPONSE = 2
const CLOSE = 4
const RATING = 8

// Least favourable first, so ties at one instant resolve the same way in any order.
const SAT_RANK = { unsatisfied: 0, basicallySatisfied: 1, satisfied: 2 } as const

/**
 * The three rates of service (三率: 响应率, 解决率, 满意率) plus time to respond and to close,
 * reproducible from the event log with every denominator stated. Each case counts once: first
 * dispatch, first response and first close by time; the latest rating (ties: the least
 * favourable), so the result does not depend on the order of events at one instant.
 *
 * @example
 * ```ts
 * import { serviceMetrics } from "@jiceng/governance-model"
 * const e = (caseId: string, event: string, at: string, data?: { rating: "satisfied" | "unsatisfied"; resolved: boolean }) =>
 *   ({ caseId, event, actor: "a", role: "r", unit: "u", at, ...(data ? { data } : {}) })
 * const m = serviceMetrics([
 *   e("1", "dispatch", "2025-03-03T09:00"), e("1", "contact", "2025-03-03T15:00"),
 *   e("1", "close", "2025-03-05T10:00"), e("1", "rate", "2025-03-06T10:00", { rating: "satisfied", resolved: true }),
 *   e("2", "dispatch", "2025-03-03T09:00"), e("2", "contact", "2025-03-06T09:00"),
 *   e("2", "close", "2025-03-07T10:00"), e("2", "rate", "2025-03-08T10:00", { rating: "unsatisfied", resolved: false })
 * ])
 * m.ok && m.value.responseRate.basisPoints //=> 5000
 * m.ok && m.value.satisfactionRate.numerator //=> 1
 * ```
 * @since 0.1.0
 * @category metrics
 */
export const serviceMetrics = (events: unknown, options?: unknown): Result<ServiceMetrics, InvalidInputError> => {
  const opts = validate(ServiceMetricsOptions, options)
  if (!opts.ok) return opts
  // Each timestamp is checked and parsed once, here.
  const valid = validateEventTimes(events)
  if (!valid.ok) return valid
  const o = opts.value ?? {}
  const mapping = o.mapping ?? (workflowTemplates.hotline12345.metrics as MetricsMapping)
  const responseWithin = o.responseWithin ?? { workingDays: 1 }
  const basic = o.basicallySatisfiedCounts ?? true
  const allOrNothing = o.allOrNothing ?? false
  const cal = workingCalendar(o.calendar)
  if (!cal.ok) return err(new InvalidInputError(cal.error.issues.map((i) => ({ ...i, path: ["calendar", ...i.path] }))))
  const core = calendarCores.get(cal.value)
  if (!core) return err(new InvalidInputError([]))

  const kind = new Map<string, number>()
  const add = (names: ReadonlyArray<string>, bit: number) => {
    for (const name of names) kind.set(name, (kind.get(name) ?? 0) | bit)
  }
  add(mapping.dispatch, DISPATCH)
  add(mapping.response, RESPONSE)
  add(mapping.close, CLOSE)
  add(mapping.rating, RATING)

  const log = valid.value.events
  const seconds = valid.value.seconds
  const index = new Map<string, number>()
  let cap = 1024
  let first = new Float64Array(cap)
  let dispatch = new Float64Array(cap)
  let response = new Float64Array(cap)
  let close = new Float64Array(cap)
  let satAt = new Float64Array(cap)
  let sat = new Int8Array(cap)
  let resAt = new Float64Array(cap)
  let res = new Int8Array(cap)
  const grow = () => {
    const g = <T extends Float64Array | Int8Array>(a: T, fill: number): T => {
      const b = new (a.constructor as new (n: number) => T)(cap * 2)
      b.set(a)
      b.fill(fill, cap)
      return b
    }
    first = g(first, Infinity)
    dispatch = g(dispatch, Infinity)
    response = g(response, Infinity)
    close = g(close, Infinity)
    satAt = g(satAt, -Infinity)
    sat = g(sat, 0)
    resAt = g(resAt, -Infinity)
    res = g(res, 0)
    cap *= 2
  }
  for (const a of [first, dispatch, response, close]) a.fill(Infinity)
  satAt.fill(-Infinity)
  resAt.fill(-Infinity)

  let n = 0
  for (let i = 0; i < log.length; i++) {
    const e = log[i] as WorkflowEvent
    let c = index.get(e.caseId)
    if (c === undefined) {
      if (n === cap) grow()
      c = n++
      index.set(e.caseId, c)
    }
    const t = seconds[i] as number
    if (t < (first[c] as number)) first[c] = t
    const k = kind.get(e.event)
    if (k === undefined) continue
    if (k & DISPATCH && t < (dispatch[c] as number)) dispatch[c] = t
    if (k & RESPONSE && t < (response[c] as number)) response[c] = t
    if (k & CLOSE && t < (close[c] as number)) close[c] = t
    if (k & RATING && e.data) {
      const r = e.data.rating
      if (r !== undefined) {
        const v = SAT_RANK[r] + 1
        if (t > (satAt[c] as number) || (t === satAt[c] && v < (sat[c] as number))) {
          satAt[c] = t
          sat[c] = v
        }
      }
      const rv = e.data.resolved
      if (rv !== undefined) {
        const v = rv ? 2 : 1
        if (t > (resAt[c] as number) || (t === resAt[c] && v < (res[c] as number))) {
          resAt[c] = t
          res[c] = v
        }
      }
    }
  }

  const memo = new Map<number, number | Issue>()
  const excluded: Array<ExcludedCase> = []
  let caseIds: Array<string> | undefined
  const byDay = "workingDays" in responseWithin
  let dispatched = 0
  let responded = 0
  let closed = 0
  let rated = 0
  let satisfied = 0
  let resolvedDen = 0
  let resolved = 0
  const ttr = new Float64Array(n)
  let nr = 0
  const ttc = new Float64Array(n)
  let nc = 0
  for (let c = 0; c < n; c++) {
    const d = dispatch[c] as number
    const r = response[c] as number
    if (d !== Infinity) {
      dispatched++
      if (r !== Infinity) {
        const key = byDay ? Math.floor(d / 86_400) : d
        let due = memo.get(key)
        if (due === undefined) {
          due = core.computeDue(d, responseWithin)
          memo.set(key, due)
        }
        if (typeof due === "number") {
          if (r <= due) responded++
        } else {
          // Whether the response was on time is unknown: out of the rate, not a silent guess.
          caseIds ??= [...index.keys()]
          const caseId = caseIds[c] as string
          const reason = { ...due, path: ["cases", caseId, "dispatch"] }
          if (allOrNothing) return err(new InvalidInputError([reason]))
          excluded.push({ caseId, rate: "responseRate", reason })
        }
        if (r >= d) ttr[nr++] = r - d
      }
    }
    const cl = close[c] as number
    if (cl !== Infinity) {
      closed++
      ttc[nc++] = cl - (first[c] as number)
    }
    const s = sat[c] as number
    if (s > 0) {
      rated++
      if (s === 3 || (basic && s === 2)) satisfied++
    }
    const rs = res[c] as number
    if (rs > 0) {
      resolvedDen++
      if (rs === 2) resolved++
    }
  }
  const limitText =
    "workingDays" in responseWithin
      ? { zh: `${responseWithin.workingDays} 个工作日`, en: `${responseWithin.workingDays} working day(s)` }
      : "workingHours" in responseWithin
        ? { zh: `${responseWithin.workingHours} 个工作小时`, en: `${responseWithin.workingHours} working hour(s)` }
        : "workingMinutes" in responseWithin
          ? {
              zh: `${responseWithin.workingMinutes} 个工作分钟`,
              en: `${responseWithin.workingMinutes} working minute(s)`
            }
          : { zh: `${responseWithin.minutes} 分钟`, en: `${responseWithin.minutes} minute(s)` }
  excluded.sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0))
  const x = excluded.length
  const excludedText =
    x === 0
      ? { zh: "", en: "" }
      : {
          zh: `（${x} 件已派单案件因日历无法计算响应期限而不计入，见 excluded）`,
          en: ` (${x} dispatched case${x === 1 ? "" : "s"} excluded: the calendar cannot count the response deadline; see excluded)`
        }
  return ok({
    cases: n,
    dispatched,
    closed,
    responseRate: rate(responded, dispatched - x, {
      zh: `派单后 ${limitText.zh} 内有响应（${mapping.response.join("/")}）的案件数 ÷ 已派单案件数${excludedText.zh}`,
      en: `cases with a response (${mapping.response.join("/")}) within ${limitText.en} of first dispatch ÷ dispatched cases${excludedText.en}`
    }),
    resolutionRate: rate(resolved, resolvedDen, {
      zh: "最近一次评价为“已解决”的案件数 ÷ 有解决评价的案件数",
      en: "cases whose latest rating says resolved ÷ cases with a resolution rating"
    }),
    satisfactionRate: rate(satisfied, rated, {
      zh: `最近一次评价为满意${basic ? "或基本满意" : ""}的案件数 ÷ 有满意度评价的案件数`,
      en: `cases whose latest rating is satisfied${basic ? " or basically satisfied" : ""} ÷ cases with a satisfaction rating`
    }),
    timeToResponse: stats(ttr, nr),
    timeToClose: stats(ttc, nc),
    excluded,
    parameters: { mapping, responseWithin, basicallySatisfiedCounts: basic },
    basis: [beijingRegulation]
  })
}
