import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { checkDecision, type DecisionPipeline, type DecisionRecord, decisionPipelines } from "./decisionPipeline.ts"
import { formatDay, parseDay } from "./internal/time.ts"

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
  // Generated records of the whole pipeline: any start from 2004 (when the 7-day rule starts) to
  // 2035, gaps of 0–60 days between steps, postings of 7–30 days.
  const recordArb = fc
    .record({
      start: fc.integer({ min: parseDay("2004-01-01") as number, max: parseDay("2035-12-31") as number }),
      gaps: fc.array(fc.nat(60), { minLength: steps.length, maxLength: steps.length }),
      posted: fc.array(fc.integer({ min: 7, max: 30 }), { minLength: steps.length, maxLength: steps.length })
    })
    .map(({ start, gaps, posted }) => {
      let day = start
      return steps.map((step, k): DecisionRecord => {
        day += gaps[k] as number
        const date = formatDay(day)
        return k < 4
          ? { step, date, outcome: "approved" }
          : { step, date, outcome: "approved", postedUntil: formatDay(day + (posted[k] as number) - 1) }
      })
    })

  it("any in-order prefix of a generated record, whatever its dates and postings, is in progress or adopted", () => {
    fc.assert(
      fc.property(recordArb, fc.integer({ min: 0, max: steps.length }), (full, k) => {
        const r = checkDecision(full.slice(0, k))
        expect(r.ok).toBe(true)
        if (!r.ok) return
        expect(r.value.completed).toEqual(steps.slice(0, k))
        expect(r.value.status).toBe(k === steps.length ? "adopted" : "inProgress")
        expect(r.value.next?.id).toBe(steps[k])
      })
    )
  })

  it("swapping any two steps i < j (adjacent or not) of a generated record is refused at step i", () => {
    const pair = fc
      .tuple(fc.nat(steps.length - 2), fc.integer({ min: 1, max: steps.length - 1 }))
      .filter(([i, d]) => i + d < steps.length)
      .map(([i, d]) => [i, i + d] as const)
    fc.assert(
      fc.property(recordArb, pair, fc.nat(steps.length), (full, [i, j], extra) => {
        // A record long enough to hold both steps; only the steps trade places, dates stay in order.
        const record = full.slice(0, Math.min(steps.length, j + 1 + extra))
        const swapped = record.map((r, k) =>
          k === i ? { ...r, step: record[j]!.step } : k === j ? { ...r, step: record[i]!.step } : r
        )
        const r = checkDecision(swapped)
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect([r.error.issues[0]?.code, r.error.issues[0]?.path]).toEqual(["out_of_order", [i, "step"]])
      })
    )
  })

  it("the default pipeline cites its source in full, and a short posting cites the rule in force", () => {
    const p = decisionPipelines.fourDeliberationsTwoDisclosures
    expect(p.source).toMatchObject({ url: "https://www.renrendoc.com/p-59651201.html", verified: false })
    const r = checkDecision([...full.slice(0, 4), { ...full[4]!, postedUntil: "2025-04-18" }])
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([["posting_too_short", [4, "postedUntil"]]])
    expect(r.ok || r.error.issues[0]?.message.en).toBe(
      `"publish the resolution" must be posted for at least 7 days; it was 3 (The 'four deliberations, two disclosures' method)`
    )
    expect(r.ok || r.error.issues[0]?.message.zh).toContain("（四议两公开 工作法（社区版、村级版说明））")
    // Before the rule was in force there is nothing to check the posting against: refused, not skipped.
    const early = [
      { step: "propose", date: "2003-03-01", outcome: "approved" },
      { step: "deliberate", date: "2003-03-02", outcome: "approved" },
      { step: "review", date: "2003-03-03", outcome: "approved" },
      { step: "resolve", date: "2003-03-04", outcome: "approved" },
      { step: "publishResolution", date: "2003-03-05", outcome: "approved", postedUntil: "2003-03-06" }
    ]
    const e = checkDecision(early)
    expect(e.ok || e.error.issues.map((i) => [i.code, i.path])).toEqual([["no_rule_in_force", [4, "date"]]])
  })

  it("a pipeline's dated posting rule applies the entry in force on the posting date, with its source", () => {
    const pipeline: DecisionPipeline = {
      id: "local",
      name: { zh: "本地", en: "local" },
      steps: [
        {
          id: "post",
          name: { zh: "公示", en: "posting" },
          body: { zh: "居委会", en: "committee" },
          minPostingDays: [
            { value: 5, from: "2010-01-01", to: "2020-01-01", source: { title: "旧办法 Old Measures" } },
            { value: 10, from: "2020-01-01", to: "2030-01-01", source: { title: "新办法 New Measures" } }
          ]
        }
      ]
    }
    const post = (date: string, postedUntil: string) => [{ step: "post", date, outcome: "approved", postedUntil }]
    // Six days: enough under the old rule, short under the new one.
    expect(checkDecision(post("2015-05-01", "2015-05-06"), pipeline).ok).toBe(true)
    const now = checkDecision(post("2025-05-01", "2025-05-06"), pipeline)
    expect(now.ok || now.error.issues.map((i) => i.message.en)).toEqual([
      '"posting" must be posted for at least 10 days; it was 6 (New Measures)'
    ])
    expect(now.ok || now.error.issues[0]?.message.zh).toContain("（新办法）")
    // Past the end of the last value there is no silent reuse; before the first, no check.
    const late = checkDecision(post("2031-01-01", "2031-02-01"), pipeline)
    expect(late.ok || late.error.issues.map((i) => [i.code, i.path])).toEqual([["stale_parameter", [0, "date"]]])
    const early = checkDecision(post("2009-01-01", "2009-02-01"), pipeline)
    expect(early.ok || early.error.issues.map((i) => [i.code, i.path])).toEqual([["no_rule_in_force", [0, "date"]]])
    // A plain number is the pipeline's own rule, cited by the pipeline.
    const plain = { ...pipeline, steps: [{ ...pipeline.steps[0]!, minPostingDays: 7 }] }
    const short = checkDecision(post("2025-05-01", "2025-05-06"), plain)
    expect(short.ok || short.error.issues[0]?.message.en).toContain("(pipeline local)")
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
