import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { chinaHolidayNotices } from "./chinaHolidays.ts"
import { formatDay, parseDay } from "./internal/time.ts"
import { HolidayNotice, workingCalendar } from "./workingCalendar.ts"

const cal = getOrThrow(workingCalendar())
const due = (start: string, limit: Parameters<typeof cal.deadline>[1]) => getOrThrow(cal.deadline(start, limit))

describe("holiday data", () => {
  it("every shipped notice validates (make-up days are weekends, outside holidays)", () => {
    for (const n of chinaHolidayNotices) expect(HolidayNotice.safeParse(n).success).toBe(true)
  })
  it("rejects a make-up workday on a weekday, with a bilingual message", () => {
    const bad = { ...chinaHolidayNotices[2], makeUpWorkdays: ["2025-02-05"] }
    const r = workingCalendar({ notices: [bad] })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.issues[0]?.code).toBe("make_up_not_weekend")
      expect(r.error.issues[0]?.path).toEqual(["notices", 0, "makeUpWorkdays", 0])
      expect(r.error.messageZh).toContain("不是周六或周日")
    }
  })
  it("rejects two notices for one year", () => {
    const r = workingCalendar({ notices: [chinaHolidayNotices[0], chinaHolidayNotices[0]] })
    expect(r.ok || r.error.issues.map((i) => i.code)).toEqual(["duplicate_year"])
  })
})

describe("day", () => {
  it("classifies holidays, make-up workdays, weekends and workdays", () => {
    expect(getOrThrow(cal.day("2026-02-16"))).toMatchObject({ working: false, kind: "holiday", name: { zh: "春节" } })
    expect(getOrThrow(cal.day("2026-02-28"))).toMatchObject({ working: true, kind: "makeUpWorkday", weekday: 6 })
    expect(getOrThrow(cal.day("2025-03-08"))).toMatchObject({ working: false, kind: "weekend" })
    expect(getOrThrow(cal.day("2025-03-10"))).toMatchObject({ working: true, kind: "workday" })
    // 2025 rules: Spring Festival Eve (28 Jan) is a holiday under the revised 放假办法.
    expect(getOrThrow(cal.day("2025-01-28")).kind).toBe("holiday")
  })
  it("refuses a year with no notice unless weekdays are assumed", () => {
    const r = cal.day("2030-01-02")
    expect(r.ok || r.error.issues[0]?.code).toBe("no_holiday_notice")
    const lenient = getOrThrow(workingCalendar({ beyondNotices: "weekdaysOnly" }))
    expect(getOrThrow(lenient.day("2030-01-02"))).toMatchObject({ working: true, assumed: true })
  })
})

describe("deadline (worked examples, counted by hand on the notices)", () => {
  it("5 working days from Monday 27 Jan 2025 skip the Spring Festival and count Saturday 8 Feb", () => {
    // 28 Jan–4 Feb holiday; 5, 6, 7 Feb = 1–3; Sat 8 Feb make-up = 4; Mon 10 Feb = 5.
    const d = due("2025-01-27T10:00", { workingDays: 5 })
    expect(d.due).toBe("2025-02-10T23:59:59")
    expect(d.skippedHolidays).toHaveLength(8)
    expect(d.makeUpWorkdaysCounted).toEqual(["2025-02-08"])
    expect(d.basis[0]?.article).toContain("第二百零一条")
    expect(d.explanation.zh).toContain("开始当日不计入")
  })
  it("1 working day from Friday 27 Sep 2024 lands on Sunday 29 Sep, a make-up workday", () => {
    expect(due("2024-09-27T16:00", { workingDays: 1 }).due).toBe("2024-09-29T23:59:59")
  })
  it("same-day handling (0 working days) ends at 24:00 of the start day", () => {
    expect(due("2024-10-03T08:00", { workingDays: 0 }).due).toBe("2024-10-03T23:59:59")
  })
  it("close of business ends at the last office window", () => {
    const c = getOrThrow(workingCalendar({ dayEndsAt: "closeOfBusiness" }))
    expect(getOrThrow(c.deadline("2025-03-03T09:00", { workingDays: 2 })).due).toBe("2025-03-05T18:00:00")
  })
  it("2 working hours from 17:00 on 30 Sep 2024 resume after the National Day week", () => {
    // 17:00–18:00 = 1 h; 1–7 Oct holiday; Tue 8 Oct 09:00–10:00 = 1 h.
    expect(due("2024-09-30T17:00", { workingHours: 2 }).due).toBe("2024-10-08T10:00:00")
  })
  it("working hours skip the lunch break", () => {
    expect(due("2025-03-03T11:00", { workingHours: 2 }).due).toBe("2025-03-03T14:00:00")
  })
  it("a wall-clock limit ignores the calendar (吹哨报到: arrive within 30 minutes)", () => {
    expect(due("2025-05-01T10:00", { minutes: 30 }).due).toBe("2025-05-01T10:30:00")
  })
  it("reports bad input with paths", () => {
    const r = cal.deadline("2025-13-01T10:00", { workingDays: -2 })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.issues.map((i) => i.path[0])).toEqual(["start", "limit"])
  })
})

describe("limits longer than the scan (about ten years)", () => {
  const lenient = getOrThrow(workingCalendar({ beyondNotices: "weekdaysOnly" }))
  it("87 600 working hours are refused as too long, not blamed on a missing notice for 2036", () => {
    // 87 600 h at 8 h a day = 10 950 working days ≈ 42 years: far past the 3 660-day scan.
    const r = lenient.deadline("2026-01-01T10:00", { workingHours: 87_600 })
    expect(r.ok || [r.error.issues.map((i) => [i.code, i.path])]).toEqual([[["limit_too_long", ["limit"]]]])
    expect(r.ok || r.error.issues[0]?.message.en).toContain("3660")
  })
  it("in strict mode the first year without a notice is still the reason", () => {
    const r = cal.deadline("2026-12-30T10:00", { workingHours: 87_600 })
    expect(r.ok || r.error.issues.map((i) => i.code)).toEqual(["no_holiday_notice"])
    expect(r.ok || r.error.issues[0]?.message.en).toContain("2027")
  })
  it("a long span of working days between two dates is refused the same way", () => {
    const r = lenient.workingDaysBetween("2025-01-01", "2040-01-01")
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([["limit_too_long", ["to"]]])
    const s = cal.workingDaysBetween("2025-01-01", "2040-01-01")
    expect(s.ok || s.error.issues[0]?.message.en).toContain("2027")
  })
  it("a working-hours deadline lands within 3 660 days or is refused as too long (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 87_600 }), (offset, hours) => {
        const start = `${formatDay((parseDay("2023-01-01") as number) + offset)}T10:00`
        const r = lenient.deadline(start, { workingHours: hours })
        if (!r.ok) {
          expect(r.error.issues.map((i) => i.code)).toEqual(["limit_too_long"])
          // Ten years hold at least 3 660 · 5/7 − 100 holidays ≥ 2 500 working days of 8 hours.
          expect(hours).toBeGreaterThan(20_000)
          return
        }
        const days = (parseDay(r.value.due.slice(0, 10)) as number) - (parseDay(start.slice(0, 10)) as number)
        expect(days).toBeLessThanOrEqual(3661)
      }),
      { numRuns: 200 }
    )
  })
})

describe("signal", () => {
  const s = (now: string) => getOrThrow(cal.signal({ due: "2025-02-10T23:59:59", now }))
  it("on time, due soon, overdue, urge, public report", () => {
    expect(s("2025-02-10T09:00").status).toBe("onTime") // 8 working hours left
    expect(s("2025-02-10T15:00").status).toBe("dueSoon") // 3 left ≤ 4
    expect(s("2025-02-11T09:00")).toMatchObject({
      status: "overdue",
      overdueWorkingDays: 1,
      urge: true,
      escalate: true
    })
    expect(s("2025-02-11T09:00").publicReport).toBe(false)
    // 11, 12, 13, 14, 17 Feb = 5 working days overdue.
    expect(s("2025-02-17T09:00")).toMatchObject({ overdueWorkingDays: 5, publicReport: true })
  })
  it("a weekend right after the deadline is overdue but not yet a working day overdue", () => {
    expect(getOrThrow(cal.signal({ due: "2025-03-07T23:59:59", now: "2025-03-08T10:00" }))).toMatchObject({
      status: "overdue",
      overdueWorkingDays: 0,
      urge: false
    })
  })
})

const dayArb = fc.integer({ min: parseDay("2023-01-01")!, max: parseDay("2026-10-31")! })

describe("properties", () => {
  it("deadlines move forward: the due date is a working day exactly N working days after the start", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 1, max: 30 }), (day, n) => {
        const start = formatDay(day)
        const d = cal.deadline(`${start}T10:00`, { workingDays: n })
        if (!d.ok) return d.error.issues[0]?.code === "no_holiday_notice"
        const dueDate = d.value.due.slice(0, 10)
        return (
          dueDate > start &&
          getOrThrow(cal.day(dueDate)).working &&
          getOrThrow(cal.workingDaysBetween(start, dueDate)) === n
        )
      })
    )
  })
  it("counting m then n working days equals counting m + n", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 15 }), fc.integer({ min: 0, max: 15 }), (day, m, n) => {
        const a = cal.deadline(`${formatDay(day)}T10:00`, { workingDays: m })
        if (!a.ok) return true
        const b = cal.deadline(`${a.value.due.slice(0, 10)}T10:00`, { workingDays: n })
        const c = cal.deadline(`${formatDay(day)}T10:00`, { workingDays: m + n })
        if (!b.ok || !c.ok) return true
        return b.value.due === c.value.due
      })
    )
  })
  it("more working days never give an earlier deadline, and no deadline falls on a holiday", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 20 }), (day, n) => {
        const a = cal.deadline(`${formatDay(day)}T10:00`, { workingDays: n })
        const b = cal.deadline(`${formatDay(day)}T10:00`, { workingDays: n + 1 })
        if (!a.ok || !b.ok) return true
        return (
          a.value.due < b.value.due && (n === 0 || getOrThrow(cal.day(b.value.due.slice(0, 10))).kind !== "holiday")
        )
      })
    )
  })
  it("overdue exactly when now is past the due instant", () => {
    fc.assert(
      fc.property(dayArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 86_399 }), (day, back, sec) => {
        const dueStr = `${formatDay(day)}T12:00:00`
        const nowDay = day - 20 + back
        const hh = String(Math.floor(sec / 3600)).padStart(2, "0")
        const mm = String(Math.floor((sec % 3600) / 60)).padStart(2, "0")
        const ss = String(sec % 60).padStart(2, "0")
        const now = `${formatDay(nowDay)}T${hh}:${mm}:${ss}`
        const r = cal.signal({ due: dueStr, now })
        if (!r.ok) return true
        return (r.value.status === "overdue") === now > dueStr
      })
    )
  })
  it("fuzz: workingCalendar, deadline, day and signal never throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (a, b, c) => {
        const r = workingCalendar(a)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        for (const x of [
          cal.deadline(a as string, b as never),
          cal.day(a as string),
          cal.signal(c as never),
          cal.workingDaysBetween(a as string, b as string)
        ]) {
          if (!x.ok) expect(x.error.issues.length).toBeGreaterThan(0)
        }
      })
    )
  })
})
