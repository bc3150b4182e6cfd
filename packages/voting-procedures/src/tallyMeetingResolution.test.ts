import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { tallyMeetingResolution } from "./tallyMeetingResolution.ts"

const v = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error
  return r.value
}

describe("tallyMeetingResolution", () => {
  it("E8: recall with 2,000 voters — 1,100 vote; 551 yes recalls, 550 does not", () => {
    const base = { body: "villageRecall", members: 2000, attending: 1100, proposal: { voters: 400 } }
    expect(v(tallyMeetingResolution({ ...base, yes: 551 })).outcome).toBe("passed")
    const r = v(tallyMeetingResolution({ ...base, yes: 550 }))
    expect(r.reasons).toEqual(["decision"])
    expect(r.checks.find((c) => c.code === "decision")?.inequality).toBe("2 × 550 = 1100 ≤ 1100 = 1 × 1100")
    expect(v(tallyMeetingResolution({ ...base, yes: 551, proposal: { voters: 399 } })).reasons).toEqual(["proposal"])
    expect(
      v(
        tallyMeetingResolution({
          ...base,
          yes: 551,
          proposal: { voters: 10, representatives: { signed: 10, total: 30 } }
        })
      ).outcome
    ).toBe("passed")
  })
  it("refuses a recall proposal signed by more voters or representatives than exist", () => {
    const base = { body: "villageRecall", members: 2000, attending: 1100, yes: 551 }
    const codes = (proposal: unknown) => {
      const r = tallyMeetingResolution({ ...base, proposal })
      return r.ok ? [] : r.error.issues.map((i) => [i.code, i.path])
    }
    expect(codes({ voters: 2001 })).toEqual([["proposal_voters_exceed_members", ["proposal", "voters"]]])
    expect(codes({ representatives: { signed: 31, total: 30 } })).toEqual([
      ["proposal_signed_exceeds_total", ["proposal", "representatives", "signed"]]
    ])
    expect(codes({ voters: 2000, representatives: { signed: 30, total: 30 } })).toEqual([])
  })
  it("a recall proposal must name its signatures; its step and the reasons always agree (review repro t6)", () => {
    // Before: `proposal: {}` passed with no reason while the proposal step said "not met".
    const base = { body: "villageRecall", members: 2000, attending: 1100, yes: 551 }
    const empty = tallyMeetingResolution({ ...base, proposal: {} })
    expect(empty.ok ? [] : empty.error.issues.map((i) => [i.code, i.path])).toEqual([["empty_proposal", ["proposal"]]])
    expect(empty.ok ? "" : empty.error.issues[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/)
    const short = v(tallyMeetingResolution({ ...base, proposal: { representatives: { signed: 9, total: 30 } } }))
    expect([short.outcome, short.reasons]).toEqual(["failed", ["proposal"]])
    expect(short.explanation.find((s) => s.code === "proposal")?.en).toMatch(/not met\.$/)
    expect(short.checks.find((c) => c.code === "proposal-representatives")?.inequality).toBe("3 × 9 = 27 < 30 = 1 × 30")
  })
  it("the proposal step says met exactly when no `proposal` reason is given", () => {
    const signatures = fc.record(
      {
        voters: fc.nat({ max: 60 }),
        representatives: fc.record({ signed: fc.nat({ max: 12 }), total: fc.constant(12) })
      },
      { requiredKeys: [] }
    )
    fc.assert(
      fc.property(signatures, (proposal) => {
        const r = tallyMeetingResolution({ body: "villageRecall", members: 200, attending: 150, yes: 100, proposal })
        if (proposal.voters === undefined && proposal.representatives === undefined) return !r.ok
        const step = v(r).explanation.find((s) => s.code === "proposal")
        return step !== undefined && step.en.endsWith("not met.") === v(r).reasons.includes("proposal")
      })
    )
  })
  it("villagers' representatives meeting: quorum ≥ 2/3 of members, majority of those attending", () => {
    const r = v(tallyMeetingResolution({ body: "villagersRepresentatives", members: 30, attending: 20, yes: 11 }))
    expect(r.outcome).toBe("passed")
    expect(
      v(tallyMeetingResolution({ body: "villagersRepresentatives", members: 30, attending: 19, yes: 19 })).reasons
    ).toEqual(["quorum"])
  })
  it("villagers' meeting: > 1/2 of adults or ≥ 2/3 of households", () => {
    expect(
      v(tallyMeetingResolution({ body: "villagersMeeting", members: 100, attending: 50, yes: 50 })).reasons
    ).toEqual(["quorum"])
    expect(
      v(
        tallyMeetingResolution({
          body: "villagersMeeting",
          quorumMode: "households",
          members: 90,
          attending: 60,
          yes: 31
        })
      ).outcome
    ).toBe("passed")
  })
  it("residents' meeting and a deliberation council with local overrides", () => {
    expect(v(tallyMeetingResolution({ body: "residentsMeeting", members: 300, attending: 151, yes: 76 })).outcome).toBe(
      "passed"
    )
    const local = v(
      tallyMeetingResolution({
        body: "deliberationCouncil",
        members: 15,
        attending: 10,
        yes: 7,
        decision: { ratio: { numerator: 2, denominator: 3 }, kind: "atLeast" }
      })
    )
    expect(local.reasons).toEqual([])
  })
  it("rejects impossible counts", () => {
    const r = tallyMeetingResolution({ body: "residentsMeeting", members: 10, attending: 11, yes: 12 })
    expect(r.ok ? [] : r.error.issues.map((i) => i.code)).toEqual([
      "attending_exceeds_members",
      "yes_exceeds_attending"
    ])
  })
  it("one more yes never turns a pass into a fail; never throws (fuzz)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(), fc.nat(), (members, a, y) => {
        const attending = a % (members + 1)
        const yes = y % (attending + 1)
        if (yes === attending) return true
        for (const body of ["residentsMeeting", "villagersMeeting", "villagersRepresentatives", "villageRecall"]) {
          const r1 = v(tallyMeetingResolution({ body, members, attending, yes }))
          const r2 = v(tallyMeetingResolution({ body, members, attending, yes: yes + 1 }))
          if (r1.passed && !r2.passed) return false
        }
        return true
      })
    )
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (x) => {
        const r = tallyMeetingResolution(x)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})
