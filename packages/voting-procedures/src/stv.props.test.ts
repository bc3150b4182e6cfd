import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { stv } from "./stv.ts"

const NAMES = ["A", "B", "C", "D", "E", "F"]
const electionArb = fc.integer({ min: 2, max: 6 }).chain((m) =>
  fc.record({
    seats: fc.integer({ min: 1, max: m }),
    rule: fc.constantFrom("scottish" as const, "meek" as const),
    profile: fc
      .array(
        fc.record({
          count: fc.integer({ min: 1, max: 40 }),
          ranking: fc.shuffledSubarray(NAMES.slice(0, m), { minLength: 0, maxLength: m })
        }),
        { minLength: 1, maxLength: 15 }
      )
      .map((ballots) => ({ candidates: NAMES.slice(0, m), ballots }))
  })
)

const units = (s: string, decimals: number) => {
  const [w, f = ""] = s.split(".")
  return BigInt(w!) * 10n ** BigInt(decimals) + BigInt(f.padEnd(decimals, "0"))
}

describe("stv — properties", () => {
  it("conserves votes at every stage: elected + continuing + exhausted + loss = valid ballots, loss ≥ 0 and bounded", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = stv(e.profile, { seats: e.seats, rule: e.rule })
        if (!r.ok) throw r.error
        const v = r.value
        const scale = 10n ** BigInt(v.decimals)
        for (const s of v.stages) {
          const sum = Object.values(s.votes).reduce((a, x) => a + units(x, v.decimals), 0n)
          const loss = units(s.loss, v.decimals)
          expect(sum + units(s.exhausted, v.decimals) + loss).toBe(BigInt(v.validBallots) * scale)
          expect(loss >= 0n).toBe(true)
          // Each truncation loses less than one unit per ballot paper.
          expect(loss <= BigInt(v.validBallots) * BigInt(v.stages.length) * (v.rule === "meek" ? 1000n : 1n)).toBe(true)
        }
        expect(v.elected.length).toBe(Math.min(e.seats, e.profile.candidates.length))
        expect(new Set(v.elected).size).toBe(v.elected.length)
      })
    )
  })

  it("permuting the ballots changes nothing", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const a = stv(e.profile, { seats: e.seats, rule: e.rule })
        const b = stv({ ...e.profile, ballots: [...e.profile.ballots].reverse() }, { seats: e.seats, rule: e.rule })
        expect(b.ok && b.value.elected).toEqual(a.ok && a.value.elected)
        expect(b.ok && b.value.stages.map((s) => s.votes)).toEqual(a.ok && a.value.stages.map((s) => s.votes))
      })
    )
  })

  it("a candidate with a quota of first preferences is always elected (Scottish)", () => {
    fc.assert(
      fc.property(electionArb, (e) => {
        const r = stv(e.profile, { seats: e.seats, rule: "scottish" })
        if (!r.ok) throw r.error
        const q = Number(r.value.quota)
        for (const [c, v] of Object.entries(r.value.stages[0]!.votes))
          if (Number(v) >= q) expect(r.value.elected).toContain(c)
      })
    )
  })

  it("never throws on arbitrary JSON (fuzz)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.anything()),
        fc.oneof(fc.jsonValue(), fc.record({ seats: fc.integer() })),
        (x, o) => {
          const r = stv(x, o)
          return r.ok || r.error.issues.length > 0
        }
      )
    )
  })

  it("rejects more seats than candidates and equal rankings", () => {
    const p = { candidates: ["A", "B"], ballots: [{ ranking: ["A"] }] }
    expect(stv(p, { seats: 3 }).ok).toBe(false)
    const t = stv({ candidates: ["A", "B"], ballots: [{ ranking: [["A", "B"]] }] }, { seats: 1 })
    expect(t.ok ? "" : t.error.issues[0]?.code).toBe("equal_rankings_unsupported")
  })
})
