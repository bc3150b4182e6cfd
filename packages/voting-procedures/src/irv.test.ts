import { describe, expect, it } from "vitest"
import { approval } from "./approval.ts"
import { borda } from "./borda.ts"
import { irv } from "./irv.ts"
import { plurality } from "./plurality.ts"

describe("irv", () => {
  it("transfers the eliminated candidate's ballots and stops at a majority", () => {
    // A 8, B 7, C 4 (C→B 3, C→A 1), D 2 (D→C): round 1 D out → C 6; round 2 C out → A 9, B 10.
    const r = irv({
      candidates: ["A", "B", "C", "D"],
      ballots: [
        { count: 8, ranking: ["A"] },
        { count: 7, ranking: ["B"] },
        { count: 3, ranking: ["C", "B"] },
        { count: 1, ranking: ["C", "A"] },
        { count: 2, ranking: ["D", "C"] }
      ]
    })
    if (!r.ok) throw r.error
    expect(r.value.rounds).toEqual([
      { round: 1, tallies: { A: 8, B: 7, C: 4, D: 2 }, exhausted: 0, eliminated: ["D"] },
      { round: 2, tallies: { A: 8, B: 7, C: 6 }, exhausted: 0, eliminated: ["C"] },
      { round: 3, tallies: { A: 9, B: 10 }, exhausted: 2, eliminated: [] }
    ])
    expect(r.value.winner).toBe("B")
    expect(r.value.ranking).toEqual([["B"], ["A"], ["C"], ["D"]])
  })
  it("breaks an elimination tie by the earlier round, then by the declared order", () => {
    const r = irv(
      {
        candidates: ["A", "B", "C"],
        ballots: [
          { count: 2, ranking: ["A"] },
          { count: 2, ranking: ["B"] },
          { count: 3, ranking: ["C"] }
        ]
      },
      { tieBreak: { kind: "order", order: ["B", "A", "C"] } }
    )
    expect(r.ok && r.value.ties[0]).toEqual({
      stage: 1,
      purpose: "elimination",
      tied: ["A", "B"],
      chosen: "A",
      by: "tieBreak"
    })
  })
  it("rejects equal rankings", () => {
    const r = irv({ candidates: ["A", "B"], ballots: [{ ranking: [["A", "B"]] }] })
    expect(r.ok ? "" : r.error.issues[0]?.code).toBe("equal_rankings_unsupported")
  })
})

describe("plurality, approval, borda", () => {
  const p = {
    candidates: ["A", "B", "C"],
    ballots: [
      { count: 4, ranking: ["A", "C", "B"] },
      { count: 3, ranking: ["B", "C", "A"] },
      { count: 2, ranking: ["C", "B"] },
      { count: 1, ranking: [["A", "B"]] }
    ]
  }
  it("plurality counts first choices and reports the tied-first ballot as an overvote", () => {
    const r = plurality(p)
    expect(r.ok && r.value.scores).toEqual({ A: 4, B: 3, C: 2 })
    expect(r.ok && r.value.explanation[0]?.en).toContain("1 ballot(s) with a tied first rank")
  })
  it("approval approves every listed candidate", () => {
    expect(approval(p).ok && (approval(p) as { value: { scores: unknown } }).value.scores).toEqual({
      A: 8,
      B: 10,
      C: 9
    })
  })
  it("borda scores candidates strictly below (A 4·2+1·1 = 9, B 3·2+2·1+1·1 = 9, C 4+3+2·2 = 11)", () => {
    const r = borda(p)
    expect(r.ok && r.value.scores).toEqual({ A: 9, B: 9, C: 11 })
    expect(r.ok && r.value.winner).toBe("C")
  })
})
