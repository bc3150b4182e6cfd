import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { copeland } from "./copeland.ts"
import { minimax } from "./minimax.ts"
import { rankedPairs } from "./rankedPairs.ts"
import { schulze } from "./schulze.ts"

const data = (f: string) => readFileSync(new URL(`../test-data/${f}`, import.meta.url), "utf8")
const expected = JSON.parse(data("debian-dpl-2020.expected.json"))
const options: Array<string> = expected.pairwise.order

/** Debian tally sheet: `V: <rank digit or - per option>  <HMAC>`. */
const debianProfile = () => {
  const ballots = data("debian-dpl-2020-tally.txt")
    .split("\n")
    .map((l) => /^\s*V:\s*([0-9-]+)\s/.exec(l)?.[1])
    .filter((v): v is string => v !== undefined)
    .map((v) => {
      const byRank = new Map<number, Array<string>>()
      ;[...v].forEach((ch, i) => {
        if (ch !== "-") byRank.set(Number(ch), [...(byRank.get(Number(ch)) ?? []), options[i]!])
      })
      return { ranking: [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t) }
    })
  return { candidates: options, ballots }
}

describe("schulze — Debian Project Leader 2020", () => {
  const p = debianProfile()
  it("reads the 339 ballots", () => expect(p.ballots.length).toBe(expected.ballots))
  it("gives the recorded pairwise matrix and Schulze order", () => {
    const r = schulze(p)
    if (!r.ok) throw r.error
    expect(r.value.pairwise).toEqual(expected.pairwise.matrix_rowPreferredOverColumn)
    expect(r.value.ranking).toEqual(expected.ranking.map((c: string) => [c]))
    expect(r.value.winner).toBe(expected.winner)
  })
  it("every Condorcet method elects Jonathan Carter (a Condorcet winner)", () => {
    for (const m of [rankedPairs, copeland, minimax]) {
      const r = m(p)
      expect(r.ok && r.value.winner).toBe("Jonathan Carter")
    }
  })
})

describe("Condorcet methods on a cycle (hand-computed)", () => {
  // 3 A>B>C, 2 B>C>A, 2 C>A>B: A>B 5–2, B>C 5–2, C>A 4–3.
  const cycle = {
    candidates: ["A", "B", "C"],
    ballots: [
      { count: 3, ranking: ["A", "B", "C"] },
      { count: 2, ranking: ["B", "C", "A"] },
      { count: 2, ranking: ["C", "A", "B"] }
    ]
  }
  it("schulze: strongest paths A→C 5 > C→A 4 and A→B 5 > B→A 4", () => {
    const r = schulze(cycle)
    expect(r.ok && r.value.pairwise).toEqual([
      [0, 5, 3],
      [2, 0, 5],
      [4, 2, 0]
    ])
    expect(r.ok && r.value.ranking).toEqual([["A"], ["B"], ["C"]])
  })
  it("ranked pairs locks A>B, B>C and skips C>A", () => {
    const r = rankedPairs(cycle)
    expect(r.ok && r.value.ranking).toEqual([["A"], ["B"], ["C"]])
    expect(r.ok && r.value.explanation[0]?.en).toContain("C>A")
  })
  it("copeland ties all three at 0 and the declared tie-break decides, recorded", () => {
    const r = copeland(cycle, { tieBreak: { kind: "order", order: ["C", "A", "B"] } })
    if (!r.ok) throw r.error
    expect(r.value.tiedWinners).toEqual(["A", "B", "C"])
    expect(r.value.winner).toBe("C")
    expect(r.value.ties).toEqual([{ stage: 0, purpose: "winner", tied: ["A", "B", "C"], chosen: "C", by: "tieBreak" }])
    expect(r.value.tieBreak).toEqual({ kind: "order", order: ["C", "A", "B"] })
  })
  it("minimax: worst defeats A 4, B 5, C 5 → A", () => {
    const r = minimax(cycle)
    expect(r.ok && r.value.scores).toEqual({ A: -4, B: -5, C: -5 })
  })
})
