import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { toOpen311 } from "./toOpen311.ts"
import { type CaseState, createWorkflow, type WorkflowEvent } from "./workflow.ts"
import { workflowTemplates } from "./workflowTemplates.ts"
import { workingCalendar } from "./workingCalendar.ts"

const cal = getOrThrow(workingCalendar())
const hotline = workflowTemplates.hotline12345

const ev = (caseId: string, event: string, role: string, at: string, data?: WorkflowEvent["data"]): WorkflowEvent => ({
  caseId,
  event,
  actor: `${role}-1`,
  role,
  unit: role === "handlingUnit" ? "东城区城管委" : "12345",
  at,
  ...(data ? { data } : {})
})

const opened = (id: string) => [
  ev(id, "intake", "operator", "2025-03-03T09:00"),
  ev(id, "dispatch", "operator", "2025-03-03T09:30"),
  ev(id, "sign", "handlingUnit", "2025-03-03T10:00")
]
const done = (id: string) => [
  ...opened(id),
  ev(id, "reply", "handlingUnit", "2025-03-05T16:00"),
  ev(id, "close", "operator", "2025-03-06T09:00"),
  ev(id, "visit", "operator", "2025-03-07T09:00"),
  ev(id, "rate", "citizen", "2025-03-07T09:05", { rating: "unsatisfied" })
]

describe("toOpen311", () => {
  it("exports open, closed and reopened 12345 cases in the GeoReport v2 shape", () => {
    const log = [...opened("h1"), ...done("h2"), ...done("h3"), ev("h3", "reopen", "supervisor", "2025-03-07T10:00")]
    const r = toOpen311(hotline, log, {
      calendar: cal,
      requests: [
        {
          caseId: "h1",
          serviceCode: "noise",
          serviceName: "噪声扰民",
          description: "夜间施工",
          address: "东城区东四北大街 1 号",
          lat: 39.93,
          long: 116.42
        }
      ]
    })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const [h1, h2, h3] = r.value
    // Signed on Monday 2025-03-03 10:00: five working days (Tue–Fri, Mon) end on 2025-03-10 24:00.
    expect(h1).toEqual({
      service_request_id: "h1",
      status: "open",
      status_notes: "state: signed; level: street",
      service_name: "噪声扰民",
      service_code: "noise",
      description: "夜间施工",
      agency_responsible: "东城区城管委",
      requested_datetime: "2025-03-03T09:00:00+08:00",
      updated_datetime: "2025-03-03T10:00:00+08:00",
      expected_datetime: "2025-03-10T23:59:59+08:00",
      address: "东城区东四北大街 1 号",
      lat: 39.93,
      long: 116.42
    })
    expect(h2).toMatchObject({
      status: "closed",
      service_code: "hotline12345",
      updated_datetime: "2025-03-07T09:05:00+08:00"
    })
    expect(h2 && "expected_datetime" in h2).toBe(false)
    // Reopened on Friday 2025-03-07 10:00 into "dispatched" (one working day to sign): Monday.
    expect(h3).toMatchObject({ status: "open", expected_datetime: "2025-03-10T23:59:59+08:00" })
  })

  it("uses the requested language, offset and closed states", () => {
    const r = toOpen311(hotline, opened("h1"), { lang: "zh", utcOffset: "+00:00", closedStates: ["signed"] })
    expect(r.ok && r.value[0]).toMatchObject({
      status: "closed",
      status_notes: "状态：已签收；层级：街道",
      service_name: "12345 热线工单",
      requested_datetime: "2025-03-03T09:00:00+00:00"
    })
  })

  it("rejects bad options and illegal logs with paths", () => {
    const r1 = toOpen311(hotline, opened("h1"), {
      closedStates: ["nowhere"],
      requests: [
        { caseId: "h1", serviceCode: "a" },
        { caseId: "h1", serviceCode: "b" }
      ]
    })
    expect(r1.ok || r1.error.issues.map((i) => i.path)).toEqual([
      ["options", "requests", 1, "caseId"],
      ["options", "closedStates", 0]
    ])
    const r2 = toOpen311(hotline, opened("h1"), { requests: [{ caseId: "h1", lat: 120 }] })
    expect(r2.ok || r2.error.issues[0]?.path).toEqual(["requests", 0, "lat"])
    const r3 = toOpen311(hotline, [ev("h1", "close", "operator", "2025-03-03T09:00")])
    expect(r3.ok || r3.error._tag).toBe("IllegalTransitionError")
    const r4 = toOpen311(hotline, opened("h1"), { calendar: {} })
    expect(r4.ok).toBe(false)
  })
})

describe("toOpen311 with a deadline past the holiday notices", () => {
  // Signed Monday 2026-12-28: five working days need 29–31 Dec and then 2027, which no shipped
  // notice covers, so the strict calendar cannot say when it is due.
  const late = [
    ev("h9", "intake", "operator", "2026-12-28T09:00"),
    ev("h9", "dispatch", "operator", "2026-12-28T09:30"),
    ev("h9", "sign", "handlingUnit", "2026-12-28T10:00")
  ]
  it("exports that case without expected_datetime and says why in its notes; the others keep theirs", () => {
    const r = getOrThrow(toOpen311(hotline, [...opened("h1"), ...late], { calendar: cal }))
    expect(r.map((x) => [x.service_request_id, x.expected_datetime])).toEqual([
      ["h1", "2025-03-10T23:59:59+08:00"],
      ["h9", undefined]
    ])
    expect(r[1] && "expected_datetime" in r[1]).toBe(false)
    expect(r[1]?.status_notes).toBe(
      'state: signed; level: street; expected time unknown: no holiday notice covers 2027, so whether 2027-01-01 is a working day is unknown; pass that year\'s notice or set beyondNotices: "weekdaysOnly"'
    )
    const zh = getOrThrow(toOpen311(hotline, late, { calendar: cal, lang: "zh" }))
    expect(zh[0]?.status_notes).toMatch(/^状态：已签收；层级：街道；预计办结时间未知：2027 年没有节假日通知/)
  })
  it("allOrNothing fails the whole export instead", () => {
    const r = toOpen311(hotline, [...opened("h1"), ...late], { calendar: cal, allOrNothing: true })
    expect(r.ok || [r.error._tag, r.error.issues.map((i) => [i.code, i.path])]).toEqual([
      "InvalidInputError",
      [["no_holiday_notice", ["cases", "h9", "expected_datetime"]]]
    ])
  })
})

// A random walk over the 12345 template that only takes allowed events.
const wf = getOrThrow(createWorkflow(hotline))
const walk = (seeds: ReadonlyArray<number>) => {
  const log: Array<WorkflowEvent> = []
  const states = new Map<string, CaseState>()
  let minute = 0
  for (const s of seeds) {
    const caseId = `c${s % 4}`
    const cur = states.get(caseId) ?? wf.initial(caseId, "2025-03-03T09:00")
    const allowed = wf.allowed(cur)
    const a = allowed[s % Math.max(1, allowed.length)]
    if (!a) continue
    minute += 7
    const at = `2025-03-${String(3 + Math.floor(minute / 600)).padStart(2, "0")}T${String(8 + Math.floor((minute % 600) / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`
    const e: WorkflowEvent = {
      caseId,
      event: a.event,
      actor: `a${s}`,
      role: a.roles[0] ?? "",
      unit: `u${s % 3}`,
      at,
      data: { rating: "satisfied", resolved: true, reason: "r" }
    }
    const next = wf.apply(cur, e)
    if (!next.ok) continue
    states.set(caseId, next.value)
    log.push(e)
  }
  return log
}

describe("toOpen311 properties", () => {
  it("a 12345 case is closed exactly when its latest close or reopen event was a close", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 80 }), (seeds) => {
        const log = walk(seeds)
        const out = getOrThrow(toOpen311(hotline, log))
        const ids = new Set(log.map((e) => e.caseId))
        expect(out.length).toBe(ids.size)
        for (const req of out) {
          const last = log.filter(
            (e) => e.caseId === req.service_request_id && (e.event === "close" || e.event === "reopen")
          )
          expect(req.status).toBe(last.at(-1)?.event === "close" ? "closed" : "open")
          expect(req.requested_datetime <= req.updated_datetime).toBe(true)
          expect(req.updated_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
          const mine = log.filter((e) => e.caseId === req.service_request_id)
          expect(req.agency_responsible).toBe(mine.at(-1)?.unit)
        }
      })
    )
  })

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (t, e, o) => {
        for (const r of [toOpen311(t, e, o), toOpen311(hotline, e, o), toOpen311(hotline, [], o)])
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
