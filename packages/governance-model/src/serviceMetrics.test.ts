import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { LocalDateTime } from "./LocalDateTime.ts"
import { serviceMetrics } from "./serviceMetrics.ts"
import { createWorkflow, type WorkflowEvent } from "./workflow.ts"
import { workflowTemplates } from "./workflowTemplates.ts"

const e = (caseId: string, event: string, at: string, data?: WorkflowEvent["data"]): WorkflowEvent => ({
  caseId,
  event,
  actor: "a",
  role: "r",
  unit: "u",
  at,
  ...(data ? { data } : {})
})

// Four 12345 cases, counted by hand:
// A: dispatched Fri 7 Mar 17:00, contact Mon 10 Mar 10:00 (due end of Mon 10) → responded;
//    closed 11 Mar 09:00 (opened 7 Mar 16:50: 3 days 16h10m = 317 400 s); basically satisfied, resolved.
// B: dispatched Mon 3 Mar 09:00, contact Wed 5 Mar (due end of Tue 4) → late; closed Wed 5 Mar
//    12:00 (opened 09:00 → 183 600 s); unsatisfied, not resolved.
// C: dispatched, never contacted, never closed, not rated.
// D: answered at intake (no dispatch): closed 3 Mar 10:30 (opened 10:00 → 1 800 s); satisfied.
const log = [
  e("A", "intake", "2025-03-07T16:50"),
  e("A", "dispatch", "2025-03-07T17:00"),
  e("A", "contact", "2025-03-10T10:00"),
  e("A", "close", "2025-03-11T09:00"),
  e("A", "rate", "2025-03-12T09:00", { rating: "basicallySatisfied", resolved: true }),
  e("B", "intake", "2025-03-03T09:00"),
  e("B", "dispatch", "2025-03-03T09:00"),
  e("B", "contact", "2025-03-05T09:00"),
  e("B", "close", "2025-03-05T12:00"),
  e("B", "rate", "2025-03-06T09:00", { rating: "unsatisfied", resolved: false }),
  e("C", "intake", "2025-03-03T09:00"),
  e("C", "dispatch", "2025-03-03T09:30"),
  e("D", "intake", "2025-03-03T10:00"),
  e("D", "answer", "2025-03-03T10:20"),
  e("D", "close", "2025-03-03T10:30"),
  e("D", "rate", "2025-03-04T10:30", { rating: "satisfied" })
]

describe("serviceMetrics (worked example)", () => {
  const m = getOrThrow(serviceMetrics(log))
  it("counts cases, dispatches and closes", () => {
    expect(m).toMatchObject({ cases: 4, dispatched: 3, closed: 3 })
  })
  it("三率 with stated denominators", () => {
    expect(m.responseRate).toMatchObject({ numerator: 1, denominator: 3, basisPoints: 3333 })
    expect(m.resolutionRate).toMatchObject({ numerator: 1, denominator: 2, basisPoints: 5000 })
    expect(m.satisfactionRate).toMatchObject({ numerator: 2, denominator: 3, basisPoints: 6667 })
    expect(m.satisfactionRate.definition.zh).toContain("基本满意")
    expect(m.responseRate.definition.en).toContain("dispatched cases")
  })
  it("basically satisfied can be excluded", () => {
    const strict = getOrThrow(serviceMetrics(log, { basicallySatisfiedCounts: false }))
    expect(strict.satisfactionRate).toMatchObject({ numerator: 1, denominator: 3 })
  })
  it("time to close: mean, nearest-rank median and p90 in seconds", () => {
    // sorted: 1 800, 183 600, 317 400 → mean 167 600; median 183 600; p90 317 400.
    expect(m.timeToClose).toEqual({ count: 3, meanSeconds: 167_600, medianSeconds: 183_600, p90Seconds: 317_400 })
  })
  it("the latest rating wins; at one instant the least favourable", () => {
    const r = getOrThrow(
      serviceMetrics([
        e("X", "rate", "2025-03-03T09:00", { rating: "unsatisfied" }),
        e("X", "rate", "2025-03-04T09:00", { rating: "satisfied" }),
        e("Y", "rate", "2025-03-04T09:00", { rating: "satisfied" }),
        e("Y", "rate", "2025-03-04T09:00", { rating: "unsatisfied" })
      ])
    )
    expect(r.satisfactionRate).toMatchObject({ numerator: 1, denominator: 2 })
  })
  it("uses a template's mapping", () => {
    const r = getOrThrow(
      serviceMetrics(
        [
          e("1", "order", "2025-03-03T09:00"),
          e("1", "dispatch", "2025-03-03T09:10"),
          e("1", "grab", "2025-03-03T09:20"),
          e("1", "publish", "2025-03-04T09:00")
        ],
        { mapping: workflowTemplates.fiveOrder.metrics }
      )
    )
    expect(r.responseRate.numerator).toBe(1)
    expect(r.timeToResponse.medianSeconds).toBe(600)
  })
  it("rejects bad events with a path", () => {
    const r = serviceMetrics([{ ...log[0], at: "yesterday" }])
    expect(r.ok || r.error.issues[0]?.path).toEqual([0, "at"])
  })
})

describe("timestamps are checked and parsed once, one way", () => {
  it("a non-digit anywhere in a timestamp is refused, as the schema refuses it (20X5 is not the year 1005)", () => {
    for (const at of [
      "20X5-03-03T09:00",
      "202X-03-03T09:00",
      "2025-0X-03T09:00",
      "2025-03-03T09:0X",
      "2025-03-03T09:00:5X"
    ]) {
      const r = serviceMetrics([e("A", "dispatch", at)])
      expect(r.ok || r.error.issues.map((i) => i.path)).toEqual([[0, "at"]])
      const wf = getOrThrow(createWorkflow(workflowTemplates.hotline12345))
      expect(wf.replay([e("A", "intake", at)]).ok).toBe(false)
      expect(LocalDateTime.safeParse(at).success).toBe(false)
    }
  })
  it("serviceMetrics and replay accept a timestamp exactly when the LocalDateTime schema does (property)", () => {
    const wf = getOrThrow(createWorkflow(workflowTemplates.hotline12345))
    // Valid layouts with one character possibly replaced by a digit, a letter or a sign.
    const stamp = fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
        fc.nat(18),
        fc.constantFrom("", "0", "9", "X", "-", " ", ":")
      )
      .map(([y, mo, d, h, mi, se, at, ch]) => {
        const p = (n: number, w = 2) => String(n).padStart(w, "0")
        const s = `${p(y, 4)}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}${se === undefined ? "" : `:${p(se)}`}`
        return ch === "" || at >= s.length ? s : `${s.slice(0, at)}${ch}${s.slice(at + 1)}`
      })
    fc.assert(
      fc.property(stamp, (at) => {
        const valid = LocalDateTime.safeParse(at).success
        expect(serviceMetrics([e("A", "dispatch", at)]).ok).toBe(valid)
        // Replay may also refuse a valid time (a year without a holiday notice); never a bad one.
        if (!valid) expect(wf.replay([e("A", "intake", at)]).ok).toBe(false)
      }),
      { numRuns: 500 }
    )
  })

  it("metrics read each event's time as the schema does, repeated or not", () => {
    const m = getOrThrow(
      serviceMetrics([
        e("A", "dispatch", "2024-02-29T09:00"),
        e("A", "contact", "2024-02-29T09:00:30"),
        e("B", "dispatch", "2024-02-29T09:00"),
        e("B", "contact", "2024-02-29T10:00")
      ])
    )
    expect(m.timeToResponse).toMatchObject({ count: 2, medianSeconds: 30, p90Seconds: 3600 })
    const bad = serviceMetrics([e("A", "dispatch", "2025-02-29T09:00")])
    expect(bad.ok || bad.error.issues.map((i) => i.path)).toEqual([[0, "at"]])
  })
})

describe("serviceMetrics with a case past the holiday notices", () => {
  // Z is dispatched on Thursday 31 Dec 2026: its one-working-day response deadline needs
  // 1 Jan 2027, which no shipped notice covers, so whether its response was on time is unknown.
  const z = [
    e("Z", "intake", "2026-12-31T16:00"),
    e("Z", "dispatch", "2026-12-31T17:00"),
    e("Z", "contact", "2027-01-04T09:00"),
    e("Z", "close", "2027-01-05T09:00")
  ]
  it("excludes that case from the response rate only, naming it and the reason", () => {
    const m = getOrThrow(serviceMetrics([...log, ...z]))
    expect(m).toMatchObject({ cases: 5, dispatched: 4, closed: 4 })
    // A on time; B late; C never answered; Z undecidable: 1 of 3.
    expect(m.responseRate).toMatchObject({ numerator: 1, denominator: 3, basisPoints: 3333 })
    expect(m.excluded).toHaveLength(1)
    expect(m.excluded[0]).toMatchObject({
      caseId: "Z",
      rate: "responseRate",
      reason: { code: "no_holiday_notice", path: ["cases", "Z", "dispatch"] }
    })
    expect(m.responseRate.definition.en).toContain("1 dispatched case excluded")
    expect(m.responseRate.definition.zh).toContain("1 件")
    // Times do not need the calendar: Z responded 3 days 16 h after dispatch (316 800 s).
    expect(m.timeToResponse.count).toBe(3)
    expect(m.timeToClose.count).toBe(4)
    // Without Z nothing is excluded.
    expect(getOrThrow(serviceMetrics(log)).excluded).toEqual([])
  })
  it("allOrNothing fails the whole result instead", () => {
    const r = serviceMetrics([...log, ...z], { allOrNothing: true })
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["no_holiday_notice", ["cases", "Z", "dispatch"]]
    ])
  })
  it("a lenient calendar counts the case (Monday to Friday assumed)", () => {
    const m = getOrThrow(serviceMetrics([...log, ...z], { calendar: { beyondNotices: "weekdaysOnly" } }))
    // Due end of Fri 1 Jan 2027 (assumed a workday); answered Mon 4 Jan: late.
    expect(m.responseRate).toMatchObject({ numerator: 1, denominator: 4 })
    expect(m.excluded).toEqual([])
  })
})

describe("properties", () => {
  const eventArb = fc.record({
    caseId: fc.constantFrom("a", "b", "c", "d"),
    event: fc.constantFrom("intake", "dispatch", "contact", "reply", "close", "rate", "visit"),
    actor: fc.constant("x"),
    role: fc.constant("r"),
    unit: fc.constant("u"),
    at: fc.constantFrom(
      "2025-03-03T09:00",
      "2025-03-03T12:00",
      "2025-03-04T09:00",
      "2025-03-10T09:00",
      "2026-12-31T17:00",
      "2027-01-04T09:00"
    ),
    data: fc.record(
      { rating: fc.constantFrom("satisfied", "basicallySatisfied", "unsatisfied"), resolved: fc.boolean() },
      { requiredKeys: [] }
    )
  })
  it("metrics are invariant to event order within the same timestamp (and to any reordering)", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), fc.nat(), (events, seed) => {
        const shuffled: Array<WorkflowEvent> = [...events]
        let s = seed
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (s * 1_103_515_245 + 12_345) % 2 ** 31
          const j = s % (i + 1)
          ;[shuffled[i], shuffled[j]] = [shuffled[j] as WorkflowEvent, shuffled[i] as WorkflowEvent]
        }
        expect(getOrThrow(serviceMetrics(shuffled))).toEqual(getOrThrow(serviceMetrics(events)))
      })
    )
  })
  it("rates stay within [0, 1] with numerator ≤ denominator; excluded cases are counted out of the response denominator", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const m = getOrThrow(serviceMetrics(events))
        // Excluded cases leave the response denominator, and only it.
        expect(m.responseRate.denominator + m.excluded.length).toBe(m.dispatched)
        return [m.responseRate, m.resolutionRate, m.satisfactionRate].every(
          (r) => r.numerator <= r.denominator && (r.basisPoints ?? 0) <= 10_000 && r.denominator <= m.cases
        )
      })
    )
  })
  it("fuzz: never throws", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const r = serviceMetrics(a, b)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
