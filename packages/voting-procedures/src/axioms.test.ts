import { createRng } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { approval } from "./approval.ts"
import { type AxiomName, checkAxioms, condorcetWinner, type VotingMethod } from "./axioms.ts"
import { borda } from "./borda.ts"
import { copeland } from "./copeland.ts"
import { irv } from "./irv.ts"
import { minimax } from "./minimax.ts"
import { plurality } from "./plurality.ts"
import { rankedPairs } from "./rankedPairs.ts"
import { schulze } from "./schulze.ts"

const NAMES = ["A", "B", "C", "D", "E"]

/** Random strict (possibly truncated) profiles over 2–5 candidates. */
const profileArb = (complete = false) =>
  fc.integer({ min: 2, max: 5 }).chain((m) =>
    fc
      .array(
        fc.record({
          count: fc.integer({ min: 1, max: 5 }),
          order: fc.shuffledSubarray(NAMES.slice(0, m), { minLength: complete ? m : 1, maxLength: m })
        }),
        { minLength: 1, maxLength: 12 }
      )
      .map((rows) => ({
        candidates: NAMES.slice(0, m),
        ballots: rows.map((r) => ({ count: r.count, ranking: r.order }))
      }))
  )

const condorcetMethods: Array<[string, VotingMethod]> = [
  ["schulze", schulze],
  ["rankedPairs", rankedPairs],
  ["copeland", copeland],
  ["minimax", minimax]
]
const allMethods: Array<[string, VotingMethod]> = [
  ...condorcetMethods,
  ["plurality", plurality],
  ["approval", approval],
  ["borda", borda],
  ["irv", irv]
]

const verdict = (m: VotingMethod, p: unknown, a: AxiomName) => {
  const r = checkAxioms(m, p, [a])
  if (!r.ok) throw r.error
  return r.value[0]!
}

describe("axioms — properties of the methods", () => {
  for (const [name, m] of condorcetMethods) {
    it(`${name} elects the Condorcet winner whenever one exists`, () => {
      fc.assert(
        fc.property(profileArb(), (p) => {
          const cw = condorcetWinner(p)
          const r = m(p)
          return cw === undefined || (r.ok && r.value.winner === cw && r.value.tiedWinners.length === 1)
        })
      )
    })
  }

  for (const [name, m] of allMethods) {
    it(`${name} is anonymous and neutral up to the declared tie-break`, () => {
      fc.assert(
        fc.property(profileArb(), (p) => {
          expect(verdict(m, p, "anonymity").satisfied).toBe(true)
          expect(verdict(m, p, "neutrality").satisfied).toBe(true)
        })
      )
    })
    it(`${name} never throws on arbitrary JSON (fuzz)`, () => {
      fc.assert(
        fc.property(
          fc.oneof(fc.jsonValue(), fc.anything()),
          fc.oneof(fc.jsonValue(), fc.constant(undefined)),
          (x, o) => {
            const r = m(x, o)
            return r.ok || r.error.issues.length > 0
          }
        )
      )
    })
  }

  it("Condorcet methods satisfy Pareto, and all but minimax the Condorcet-loser criterion, on random profiles", () => {
    fc.assert(
      fc.property(profileArb(true), (p) => {
        for (const [name, m] of condorcetMethods) {
          expect(verdict(m, p, "pareto").satisfied).toBe(true)
          if (name !== "minimax") expect(verdict(m, p, "condorcetLoser").satisfied).toBe(true)
        }
      })
    )
  })

  it("minimax fails the Condorcet-loser criterion: a counterexample, re-checked by hand", () => {
    // Found by the property above. Pairwise (9 voters): A>B 5–4, C>A 8–1, A>D 5–4, C>B 5–4,
    // D>B 5–4, D>C 5–4 — B loses to everyone. Worst opposition: A 8, B 5, C 5, D 5, so B, C and
    // D tie for minimax and the declared candidate-order tie-break picks B.
    const p = {
      candidates: ["A", "B", "C", "D"],
      ballots: [
        { count: 4, ranking: ["C", "A", "B", "D"] },
        { count: 1, ranking: ["A", "D", "C", "B"] },
        { count: 4, ranking: ["D", "B", "C", "A"] }
      ]
    }
    const r = minimax(p)
    expect(r.ok && [r.value.winner, r.value.tiedWinners]).toEqual(["B", ["B", "C", "D"]])
    expect(verdict(minimax, p, "condorcetLoser")).toMatchObject({ applicable: true, satisfied: false })
    expect(verdict(schulze, p, "condorcetLoser").satisfied).toBe(true)
  })

  it("IRV's non-monotonicity is shown by a counterexample found by search, not claimed", () => {
    const rng = createRng("irv-monotonicity")
    let found: ReturnType<typeof verdict> | undefined
    for (let tries = 0; tries < 20_000 && !found; tries++) {
      const orders = [
        ["A", "B", "C"],
        ["A", "C", "B"],
        ["B", "A", "C"],
        ["B", "C", "A"],
        ["C", "A", "B"],
        ["C", "B", "A"]
      ]
      const ballots = orders.map((ranking) => ({ count: rng.int(0, 9), ranking })).filter((b) => b.count > 0)
      if (ballots.length === 0) continue
      const v = verdict(irv, { candidates: ["A", "B", "C"], ballots }, "monotonicity")
      if (!v.satisfied) found = v
    }
    expect(found).toBeDefined()
    const w = found!.witness!
    // Re-check the witness independently: the lifted profile really elects someone else.
    const after = irv(w.profile)
    expect(after.ok && after.value.winner).toBe(w.winnerAfter)
    expect(w.winnerAfter).not.toBe(w.winnerBefore)
  })

  it("plurality fails the Condorcet criterion on a hand-made profile; the majority criterion holds", () => {
    const p = {
      candidates: ["A", "B", "C"],
      ballots: [
        { count: 3, ranking: ["A", "B", "C"] },
        { count: 2, ranking: ["B", "C", "A"] },
        { count: 2, ranking: ["C", "B", "A"] }
      ]
    }
    expect(verdict(plurality, p, "condorcetWinner")).toMatchObject({ applicable: true, satisfied: false })
    expect(verdict(plurality, p, "majority")).toMatchObject({ applicable: false })
  })

  it("rejects bad input and bad methods' errors without throwing", () => {
    expect(checkAxioms(schulze, { candidates: [] }).ok).toBe(false)
  })
})
