import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkDecision, type DecisionRecord, decisionPipelines } from "./decisionPipeline.ts"

const steps = decisionPipelines.fourDeliberationsTwoDisclosures.steps.map((s) => s.id)
const full: Array<DecisionRecord> = [
  { step: "propose", date: "2025-04-01", outcome: "approved" },
  { step: "deliberate", date: "2025-04-03", outcome: "approved" },
  { step: "review", date: "2025-04-08", outcome: "approved" },
  { step: "resolve", date: "2025-04-15", outcome: "approved" },
  // Posted 04-16 to 04-22 inclusive: 7 days.
  { step: "publishResolution", date: "2025-04-16", outcome: "approved", postedUntil: "2025-04-22" },
  { step: "publishResult", date: "2025-06-30", outcome: "approved", postedUntil: "2025-07-06" }
]

describe("checkDecision (四议两公开)", () => {
  it("adopts a matter that went through every step", () => {
    expect(checkDecision(full)).toEqual({ ok: true, value: { status: "adopted", completed: steps } })
  })
  it("stops at a rejection", () => {
    const r = checkDecision([...full.slice(0, 2), { step: "review", date: "2025-04-08", outcome: "rejected" }])
    expect(r).toEqual({ ok: true, value: { status: "rejected", completed: ["propose", "deliberate", "review"] } })
  })
  it("reports a skipped step, a date going back and a short posting at once", () => {
    const r = checkDecision([
      full[0],
      { ...full[1], date: "2025-03-30" },
      full[2],
      full[3],
      { ...full[4], postedUntil: "2025-04-21" },
      { step: "publishResult", date: "2025-07-01", outcome: "approved" }
    ])
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["date_before_previous", [1, "date"]],
      ["posting_too_short", [4, "postedUntil"]],
      ["posting_too_short", [5, "postedUntil"]]
    ])
    const s = checkDecision([full[0], full[2]])
    expect(s.ok || s.error.issues[0]?.message.en).toBe('expected step "deliberation" (deliberate), not review')
  })
  it("any prefix of the full record is in progress with the next step named", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), (k) => {
        const r = checkDecision(full.slice(0, k))
        expect(r).toEqual({
          ok: true,
          value: { status: "inProgress", completed: steps.slice(0, k), next: expect.objectContaining({ id: steps[k] }) }
        })
      })
    )
  })
  it("a record with two steps swapped is always refused", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4 }), (i) => {
        const swapped = [...full]
        const a = swapped[i] as DecisionRecord
        swapped[i] = { ...(swapped[i + 1] as DecisionRecord), date: a.date }
        swapped[i + 1] = { ...a, date: (full[i + 1] as DecisionRecord).date }
        expect(checkDecision(swapped).ok).toBe(false)
      })
    )
  })
  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, p) => {
        for (const r of [checkDecision(x), checkDecision(x, p)])
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
