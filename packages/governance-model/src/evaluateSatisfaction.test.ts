import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { evaluateSatisfaction } from "./evaluateSatisfaction.ts"

describe("evaluateSatisfaction", () => {
  it("passes at exactly 80% and fails one vote below", () => {
    // 400 of 500 = 80% exactly.
    expect(evaluateSatisfaction({ satisfied: 380, basicallySatisfied: 20, unsatisfied: 100 })).toMatchObject({
      ok: true,
      value: { passes: true, rate: { numerator: 400, denominator: 500 }, shortfall: 0 }
    })
    // 399 of 500 = 79.8%: one more satisfied answer would do.
    expect(evaluateSatisfaction({ satisfied: 379, basicallySatisfied: 20, unsatisfied: 101 })).toMatchObject({
      value: { passes: false, shortfall: 1 }
    })
  })

  it("honours the options: basic satisfaction excluded, strict threshold, another ratio", () => {
    // 380/500 = 76% without the 20 basically satisfied: 20 short of 400.
    expect(
      evaluateSatisfaction({ satisfied: 380, basicallySatisfied: 20, unsatisfied: 100 }, { countBasically: false })
    ).toMatchObject({ value: { passes: false, shortfall: 20 } })
    expect(
      evaluateSatisfaction({ satisfied: 380, basicallySatisfied: 20, unsatisfied: 100 }, { kind: "moreThan" })
    ).toMatchObject({ value: { passes: false, shortfall: 1 } })
    // 2/3 of 3: two satisfied pass.
    expect(
      evaluateSatisfaction(
        { satisfied: 2, basicallySatisfied: 0, unsatisfied: 1 },
        { threshold: { numerator: 2, denominator: 3 } }
      )
    ).toMatchObject({ value: { passes: true } })
  })

  it("fails an evaluation with no responses and reports bad counts", () => {
    expect(evaluateSatisfaction({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })).toMatchObject({
      value: { passes: false, shortfall: 0 }
    })
    const r = evaluateSatisfaction({ satisfied: -1, basicallySatisfied: 0, unsatisfied: 0 })
    expect(r.ok || r.error.issues[0]?.path).toEqual(["satisfied"])
  })

  it("passes exactly when yes·d ≥ n·whole, and the shortfall is the least number of votes that flips it", () => {
    fc.assert(
      fc.property(
        fc.nat(2000),
        fc.nat(2000),
        fc.nat(2000),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        (s, b, u, n0, d) => {
          const n = Math.min(n0, d)
          const r = evaluateSatisfaction(
            { satisfied: s, basicallySatisfied: b, unsatisfied: u },
            { threshold: { numerator: n, denominator: d } }
          )
          expect(r.ok).toBe(true)
          if (!r.ok) return
          const whole = s + b + u
          const yes = s + b
          expect(r.value.passes).toBe(whole > 0 && yes * d >= n * whole)
          if (!r.value.passes && whole > 0) {
            const k = r.value.shortfall
            expect((yes + k) * d >= n * whole).toBe(true)
            expect((yes + k - 1) * d >= n * whole).toBe(false)
            expect(k).toBeLessThanOrEqual(u)
          }
        }
      )
    )
  })

  it("never throws on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, o) => {
        const r = evaluateSatisfaction(x, o)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
