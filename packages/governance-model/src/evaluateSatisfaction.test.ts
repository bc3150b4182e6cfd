import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  evaluateSatisfaction,
  satisfactionThresholdRules,
  satisfactionThresholdSource
} from "./evaluateSatisfaction.ts"

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

  it("fails an evaluation with no answers, with no shortfall and the reason, and reports bad counts", () => {
    const none = evaluateSatisfaction({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })
    expect(none).toMatchObject({ value: { passes: false, shortfall: null, reason: { code: "no_answers" } } })
    expect(none.ok && none.value.explanation.en).toBe("no answers: satisfaction cannot be judged (needs at least 4/5)")
    expect(none.ok && none.value.explanation.zh).toBe("无人作答，无法评定满意度（须不低于 4/5）")
    // With answers there is no reason field.
    const some = evaluateSatisfaction({ satisfied: 1, basicallySatisfied: 0, unsatisfied: 0 })
    expect(some.ok && "reason" in some.value).toBe(false)
    const r = evaluateSatisfaction({ satisfied: -1, basicallySatisfied: 0, unsatisfied: 0 })
    expect(r.ok || r.error.issues[0]?.path).toEqual(["satisfied"])
  })

  it("rejects a threshold that no evaluation can reach", () => {
    // 6/5 = 120%: 5/10 would be "5 short" of a rate above 100%.
    const above = evaluateSatisfaction(
      { satisfied: 5, basicallySatisfied: 0, unsatisfied: 5 },
      { threshold: { numerator: 6, denominator: 5 } }
    )
    expect(above.ok || [above.error._tag, above.error.issues.map((i) => [i.code, i.path])]).toEqual([
      "InvalidInputError",
      [["threshold_above_one", ["threshold"]]]
    ])
    expect(above.ok || above.error.issues[0]?.message.zh).toContain("6/5")
    // More than 100% is unreachable too; at least 100% is not.
    const strict = evaluateSatisfaction(
      { satisfied: 5, basicallySatisfied: 0, unsatisfied: 0 },
      { threshold: { numerator: 3, denominator: 3 }, kind: "moreThan" }
    )
    expect(strict.ok || strict.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["threshold_unreachable", ["threshold"]]
    ])
    expect(
      evaluateSatisfaction(
        { satisfied: 5, basicallySatisfied: 0, unsatisfied: 0 },
        { threshold: { numerator: 3, denominator: 3 } }
      )
    ).toMatchObject({ value: { passes: true } })
  })

  it("every reachable threshold is accepted and every unreachable one rejected (property)", () => {
    fc.assert(
      fc.property(
        fc.nat(50),
        fc.integer({ min: 1, max: 50 }),
        fc.constantFrom("atLeast" as const, "moreThan" as const),
        fc.nat(30),
        fc.nat(30),
        (n, d, kind, s, u) => {
          const r = evaluateSatisfaction(
            { satisfied: s, basicallySatisfied: 0, unsatisfied: u },
            { threshold: { numerator: n, denominator: d }, kind }
          )
          const reachable = kind === "atLeast" ? n <= d : n < d
          expect(r.ok).toBe(reachable)
          if (r.ok && s + u > 0) expect(typeof r.value.shortfall).toBe("number")
          if (r.ok && s + u === 0) expect([r.value.passes, r.value.shortfall]).toEqual([false, null])
        }
      )
    )
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
            const k = r.value.shortfall as number
            expect((yes + k) * d >= n * whole).toBe(true)
            expect((yes + k - 1) * d >= n * whole).toBe(false)
            expect(k).toBeLessThanOrEqual(u)
          }
        }
      )
    )
  })

  it("the default threshold is a dated rule: the result cites it, and a date before it is refused", () => {
    const tally = { satisfied: 4, basicallySatisfied: 0, unsatisfied: 1 }
    const r = evaluateSatisfaction(tally)
    expect(r.ok && r.value.basis).toEqual({
      kind: "rule",
      source: satisfactionThresholdSource,
      effective: { from: "2004-01-06" }
    })
    expect(r.ok && r.value.threshold).toEqual(satisfactionThresholdRules[0]?.value)
    expect(evaluateSatisfaction(tally, { asOf: "2025-06-30" })).toMatchObject({ ok: true, value: { passes: true } })
    const early = evaluateSatisfaction(tally, { asOf: "2003-12-31" })
    expect(early.ok || [early.error._tag, early.error.issues.map((i) => [i.code, i.path])]).toEqual([
      "InvalidInputError",
      [["no_rule_in_force", ["asOf"]]]
    ])
    expect(early.ok || early.error.issues[0]?.message.en).toContain("satisfactionThreshold")
    // A threshold from the options needs no rule in force and is cited as the option.
    const own = evaluateSatisfaction(tally, { asOf: "2003-12-31", threshold: { numerator: 2, denominator: 3 } })
    expect(own.ok && own.value.basis).toEqual({ kind: "options", option: "threshold" })
    const none = evaluateSatisfaction({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })
    expect(none.ok && none.value.basis.kind).toBe("rule")
  })

  it("the shortfall is exact for both kinds and for counts whose products pass 2^53 (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.nat(),
        fc.constantFrom("atLeast" as const, "moreThan" as const),
        (s, u, d, n0, kind) => {
          // A reachable threshold: n ≤ d for "at least", n < d for "more than".
          const n = kind === "atLeast" ? n0 % (d + 1) : n0 % d
          const r = evaluateSatisfaction(
            { satisfied: s, basicallySatisfied: 0, unsatisfied: u },
            { threshold: { numerator: n, denominator: d }, kind }
          )
          expect(r.ok).toBe(true)
          if (!r.ok || s + u === 0) return
          const whole = BigInt(s + u)
          const passesWith = (yes: number) => {
            const l = BigInt(yes) * BigInt(d)
            const rr = BigInt(n) * whole
            return kind === "atLeast" ? l >= rr : l > rr
          }
          expect(r.value.passes).toBe(passesWith(s))
          const k = r.value.shortfall as number
          if (r.value.passes) expect(k).toBe(0)
          else {
            expect(passesWith(s + k)).toBe(true)
            expect(passesWith(s + k - 1)).toBe(false)
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
