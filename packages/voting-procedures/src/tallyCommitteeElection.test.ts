import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { tallyCommitteeElection } from "./tallyCommitteeElection.ts"

const v = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error
  return r.value
}
const many = (entries: Array<[string | null, number]>) =>
  entries.map(([c, count]) => ({ count, choices: c === null ? [] : [c] }))

describe("tallyCommitteeElection — worked examples (voting-rules.md §6)", () => {
  it("E1: 500 of 1,000 voters is not more than half; 501 is", () => {
    const base = { registeredVoters: 1000, seats: 1, candidates: ["A"] }
    const r500 = v(tallyCommitteeElection({ ...base, ballots: many([["A", 500]]) }))
    expect([r500.status, r500.reasons]).toEqual(["void", ["turnout"]])
    expect(r500.checks[0]?.inequality).toBe("2 × 500 = 1000 ≤ 1000 = 1 × 1000")
    expect(v(tallyCommitteeElection({ ...base, ballots: many([["A", 501]]) })).status).toBe("complete")
  })

  it("E2: chair — A 330 of 620 clears the line of > 310", () => {
    const r = v(
      tallyCommitteeElection({
        registeredVoters: 1000,
        seats: 1,
        candidates: ["A", "B"],
        ballots: many([
          ["A", 330],
          ["B", 270],
          [null, 20]
        ])
      })
    )
    expect(r.elected).toEqual([{ candidate: "A", votes: 330, round: "first" }])
  })

  const e3 = {
    registeredVoters: 1000,
    seats: 3,
    candidates: ["C1", "C2", "C3", "C4", "C5"],
    membersElsewhere: ["Chair"],
    // 620 ballots, at most three names each: C1 400, C2 350, C3 300, C4 280, C5 210.
    ballots: [
      { count: 200, choices: ["C1", "C2", "C5"] },
      { count: 10, choices: ["C2", "C4", "C5"] },
      { count: 140, choices: ["C1", "C2", "C3"] },
      { count: 60, choices: ["C1", "C3", "C4"] },
      { count: 100, choices: ["C3", "C4"] },
      { count: 110, choices: ["C4"] }
    ]
  }

  it("E3: C1 and C2 elected; one seat to a runoff between C3 and C4; C3 wins with 250 ≥ 200", () => {
    const ballots = e3.ballots
    const first = v(tallyCommitteeElection({ ...e3, ballots }))
    expect(first.rounds[0]?.tallies).toEqual({ C1: 400, C2: 350, C3: 300, C4: 280, C5: 210 })
    expect(first.status).toBe("runoffRequired")
    expect(first.elected.map((e) => e.candidate)).toEqual(["C1", "C2"])
    expect(first.runoffCandidates).toEqual(["C3", "C4"])
    const done = v(
      tallyCommitteeElection({
        ...e3,
        ballots,
        runoff: {
          ballots: many([
            ["C3", 250],
            ["C4", 230],
            [null, 120]
          ])
        }
      })
    )
    expect(done.status).toBe("complete")
    expect(done.elected.at(-1)).toEqual({ candidate: "C3", votes: 250, round: "runoff" })
    expect(done.checks.find((c) => c.code === "runoff-floor:C3")?.inequality).toBe("3 × 250 = 750 ≥ 600 = 1 × 600")
  })

  it("E4: a runoff below 1/3 elects nobody; with chair + C1 + C2 the seat may stay vacant", () => {
    const ballots = e3.ballots
    const runoff = {
      ballots: many([
        ["C3", 190],
        ["C4", 180],
        [null, 230]
      ])
    }
    const r = v(tallyCommitteeElection({ ...e3, ballots, runoff }))
    expect([r.status, r.unfilledSeats]).toEqual(["vacancyAllowed", 1])
    const fewer = v(tallyCommitteeElection({ ...e3, membersElsewhere: [], ballots, runoff }))
    expect(fewer.status).toBe("repeatRequired")
  })

  it("E5: R and S tie at 330 for the last seat → re-vote between them; the higher wins", () => {
    // 620 ballots: P 400, Q 380, R 330, S 330 — all over the line of > 310.
    const input = {
      registeredVoters: 1000,
      seats: 3,
      candidates: ["P", "Q", "R", "S"],
      ballots: [
        { count: 290, choices: ["P", "Q", "R"] },
        { count: 40, choices: ["P", "R", "S"] },
        { count: 70, choices: ["P", "Q", "S"] },
        { count: 20, choices: ["Q", "S"] },
        { count: 200, choices: ["S"] }
      ]
    }
    const t = v(tallyCommitteeElection(input))
    expect(t.rounds[0]?.tallies).toEqual({ P: 400, Q: 380, R: 330, S: 330 })
    expect(t.status).toBe("tieRevoteRequired")
    expect(t.tieRevoteCandidates).toEqual(["R", "S"])
    expect(t.elected.map((e) => e.candidate)).toEqual(["P", "Q"])
    const decided = v(
      tallyCommitteeElection({
        ...input,
        tieRevote: {
          ballots: many([
            ["S", 320],
            ["R", 300]
          ])
        }
      })
    )
    expect(decided.status).toBe("complete")
    expect(decided.elected.at(-1)).toEqual({ candidate: "S", votes: 320, round: "tieRevote" })
  })

  it("E6: 625 ballots for 620 voters voids the vote; a ballot marking 4 names for 3 seats is invalid", () => {
    const void6 = v(
      tallyCommitteeElection({
        registeredVoters: 620,
        seats: 3,
        candidates: ["A", "B", "C", "D"],
        ballots: many([["A", 625]])
      })
    )
    expect([void6.status, void6.reasons]).toEqual(["void", ["ballots-exceed-voters"]])
    const over = v(
      tallyCommitteeElection({
        registeredVoters: 620,
        seats: 3,
        candidates: ["A", "B", "C", "D"],
        ballots: [
          { count: 1, choices: ["A", "B", "C", "D"] },
          { count: 400, choices: ["A"] }
        ]
      })
    )
    expect(over.rounds[0]).toMatchObject({ ballotsCast: 401, invalidBallots: 1, tallies: { A: 400 } })
  })

  it("relatives may not serve together: the lower vote's election lapses", () => {
    const r = v(
      tallyCommitteeElection({
        registeredVoters: 100,
        seats: 2,
        candidates: ["Wife", "Husband", "X"],
        relatives: [["Wife", "Husband"]],
        ballots: [
          { count: 60, choices: ["Wife", "Husband"] },
          { count: 10, choices: ["Wife", "X"] }
        ]
      })
    )
    expect(r.elected.map((e) => e.candidate)).toEqual(["Wife"])
    expect(r.reasons).toContain("relatives-in-office")
    expect(r.runoffCandidates).toEqual(["X"])
  })

  it("rejects unknown candidates unless write-ins are allowed", () => {
    const input = { registeredVoters: 10, seats: 1, candidates: ["A"], ballots: [{ choices: ["Z"] }] }
    const r = tallyCommitteeElection(input)
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown_candidate", ["ballots", 0, "choices", 0]]
    ])
    expect(tallyCommitteeElection({ ...input, rules: { writeIns: true } }).ok).toBe(true)
  })
})

describe("tallyCommitteeElection — properties", () => {
  it("adding a vote for an elected candidate never unelects them; permuting ballots changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            count: fc.integer({ min: 1, max: 50 }),
            choices: fc.subarray(["A", "B", "C", "D"], { maxLength: 2 })
          }),
          {
            minLength: 1,
            maxLength: 10
          }
        ),
        (ballots) => {
          const input = { registeredVoters: 400, seats: 2, candidates: ["A", "B", "C", "D"], ballots }
          const a = v(tallyCommitteeElection(input))
          const b = v(tallyCommitteeElection({ ...input, ballots: [...ballots].reverse() }))
          expect(b.elected).toEqual(a.elected)
          expect(b.status).toBe(a.status)
          for (const e of a.elected) {
            const more = v(
              tallyCommitteeElection({ ...input, ballots: [...ballots, { count: 1, choices: [e.candidate] }] })
            )
            if (more.status !== "void") expect(more.elected.map((x) => x.candidate)).toContain(e.candidate)
          }
        }
      )
    )
  })
  it("never throws on arbitrary JSON (fuzz)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (x) => {
        const r = tallyCommitteeElection(x)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})
