import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type CommunityProject, selectProjects } from "./selectProjects.ts"

describe("selectProjects (公益创投)", () => {
  it("takes the best-scoring set that fits, not the greedy one", () => {
    // Greedy by score takes A (90, 60,000 yuan) and then nothing fits; B + C score 115 for 100,000.
    const r = selectProjects(
      [
        { id: "A", cost: 6_000_000, score: 90 },
        { id: "B", cost: 5_000_000, score: 60 },
        { id: "C", cost: 5_000_000, score: 55 },
        { id: "D", cost: 100, score: 10 }
      ],
      { budget: 10_000_000, minScore: 20 }
    )
    expect(r).toMatchObject({
      ok: true,
      value: {
        selected: ["B", "C"],
        totalScore: 115,
        totalCost: 10_000_000,
        remaining: 0,
        notSelected: [
          { id: "A", reason: "outscored" },
          { id: "D", reason: "belowMinScore" }
        ]
      }
    })
  })
  it("breaks ties by cost, then by input order", () => {
    const r = selectProjects(
      [
        { id: "x", cost: 300, score: 5 },
        { id: "y", cost: 200, score: 5 },
        { id: "z", cost: 200, score: 5 }
      ],
      { budget: 400 }
    )
    expect(r.ok && r.value.selected).toEqual(["y", "z"])
    const s = selectProjects(
      [
        { id: "p", cost: 100, score: 5 },
        { id: "q", cost: 100, score: 5 }
      ],
      { budget: 150 }
    )
    expect(s.ok && s.value.selected).toEqual(["p"])
  })
  it("reports duplicates and bad costs", () => {
    const r = selectProjects(
      [
        { id: "a", cost: 1, score: 1 },
        { id: "a", cost: 1, score: 1 }
      ],
      { budget: 1 }
    )
    expect(r.ok || r.error.issues[0]?.code).toBe("duplicate_code")
    const s = selectProjects([{ id: "a", cost: -1, score: 1 }], { budget: 1 })
    expect(s.ok || s.error.issues[0]?.path).toEqual([0, "cost"])
  })

  const projectsArb = fc
    .array(fc.record({ cost: fc.integer({ min: 0, max: 1000 }), score: fc.integer({ min: 0, max: 20 }) }), {
      maxLength: 10
    })
    .map((xs) => xs.map((x, i): CommunityProject => ({ id: `p${i}`, ...x })))

  it("is optimal: brute force over every subset finds no higher score within budget, nor a cheaper one", () => {
    fc.assert(
      fc.property(projectsArb, fc.integer({ min: 0, max: 4000 }), (ps, budget) => {
        const r = selectProjects(ps, { budget })
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const chosen = ps.filter((p) => r.value.selected.includes(p.id))
        expect(chosen.reduce((a, p) => a + p.cost, 0)).toBe(r.value.totalCost)
        expect(chosen.reduce((a, p) => a + p.score, 0)).toBe(r.value.totalScore)
        expect(r.value.totalCost).toBeLessThanOrEqual(budget)
        let bestScore = -1
        let bestCost = 0
        for (let mask = 0; mask < 1 << ps.length; mask++) {
          let c = 0
          let s = 0
          ps.forEach((p, i) => {
            if (mask & (1 << i)) {
              c += p.cost
              s += p.score
            }
          })
          if (c > budget) continue
          if (s > bestScore || (s === bestScore && c < bestCost)) {
            bestScore = s
            bestCost = c
          }
        }
        expect(r.value.totalScore).toBe(bestScore)
        expect(r.value.totalCost).toBe(bestCost)
      })
    )
  })
  it("is deterministic and its totals do not depend on the input order", () => {
    fc.assert(
      fc.property(projectsArb, fc.integer({ min: 0, max: 4000 }), (ps, budget) => {
        const a = selectProjects(ps, { budget })
        expect(selectProjects(ps, { budget })).toEqual(a)
        const b = selectProjects([...ps].reverse(), { budget })
        expect(a.ok && b.ok && [a.value.totalScore, a.value.totalCost]).toEqual(
          b.ok && [b.value.totalScore, b.value.totalCost]
        )
      })
    )
  })
  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, o) => {
        const r = selectProjects(x, o)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
