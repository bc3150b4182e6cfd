import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { trackConsultation } from "./trackConsultation.ts"

describe("trackConsultation", () => {
  it("keeps each household's latest answer and lists who is pending or to revisit", () => {
    const r = trackConsultation({
      matterId: "加装电梯",
      households: ["101", "102", "201", "202", "301", "302"],
      responses: [
        { household: "101", at: "2025-03-01T10:00", answer: "agree" },
        { household: "102", at: "2025-03-01T10:20", answer: "noAnswer" },
        { household: "102", at: "2025-03-02T19:00", answer: "disagree" },
        { household: "201", at: "2025-03-01T11:00", answer: "noAnswer" },
        { household: "301", at: "2025-03-03T09:00", answer: "agree" },
        { household: "301", at: "2025-03-02T09:00", answer: "abstain" }, // older entry logged late
        { household: "302", at: "2025-03-03T09:00", answer: "abstain" }
      ]
    })
    expect(r).toMatchObject({
      ok: true,
      value: {
        households: 6,
        agree: 2,
        disagree: 1,
        abstain: 1,
        noAnswer: ["201"],
        pending: ["202"],
        responseRate: { numerator: 4, denominator: 6 },
        complete: false
      }
    })
  })

  it("reports duplicate and unknown households at once", () => {
    const r = trackConsultation({
      matterId: "m",
      households: ["1", "1", "2"],
      responses: [{ household: "9", at: "2025-03-01T10:00", answer: "agree" }]
    })
    expect(r.ok || r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["duplicate_code", ["households", 1]],
      ["unknown_household", ["responses", 0, "household"]]
    ])
  })

  it("counts add up: answered + visited without answer + pending = households", () => {
    const hs = ["a", "b", "c", "d", "e"]
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            household: fc.constantFrom(...hs),
            at: fc.integer({ min: 0, max: 59 }).map((m) => `2025-03-01T10:${String(m).padStart(2, "0")}`),
            answer: fc.constantFrom("agree", "disagree", "abstain", "noAnswer")
          })
        ),
        (responses) => {
          const r = trackConsultation({ matterId: "m", households: hs, responses })
          expect(r.ok).toBe(true)
          if (!r.ok) return
          const v = r.value
          expect(v.agree + v.disagree + v.abstain + v.noAnswer.length + v.pending.length).toBe(hs.length)
          expect(v.responseRate.numerator).toBe(v.agree + v.disagree + v.abstain)
          expect(v.pending).toEqual(hs.filter((h) => !responses.some((x) => x.household === h)))
        }
      )
    )
  })

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const r = trackConsultation(x)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
