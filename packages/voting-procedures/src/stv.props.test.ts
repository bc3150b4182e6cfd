import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { mulDivFloor } from "./internal/fixed.ts"
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

  // A Scottish surplus transfer computes value × surplus ÷ total in units of 10^-5, a product
  // past 2^53 from about 900,000 ballots. A double is wrong there only when the quotient lies
  // within an ulp of an integer, so the generator aims at those: s with w·s ≡ −d (mod v).
  const inverse = (a: bigint, m: bigint): bigint | undefined => {
    let [r0, r1, t0, t1] = [m, a % m, 0n, 1n]
    while (r1 !== 0n) {
      const q = r0 / r1
      ;[r0, r1, t0, t1] = [r1, r0 - q * r1, t1, t0 - q * t1]
    }
    return r0 === 1n ? ((t0 % m) + m) % m : undefined
  }
  const transferArb = fc.oneof(
    fc
      .record({
        v: fc.integer({ min: 2 ** 36, max: Number.MAX_SAFE_INTEGER }),
        w: fc.integer({ min: 1, max: 100_000 }),
        d: fc.integer({ min: 0, max: 16 })
      })
      .map(({ v, w, d }) => {
        const inv = inverse(BigInt(w), BigInt(v))
        return { v, w, s: inv === undefined ? v : Number(((BigInt(v) - BigInt(d)) * inv) % BigInt(v)) }
      }),
    fc
      .record({ v: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), w: fc.integer({ min: 0, max: 100_000 }) })
      .chain(({ v, w }) => fc.record({ v: fc.constant(v), w: fc.constant(w), s: fc.integer({ min: 0, max: v }) }))
  )

  it("the surplus-transfer arithmetic equals BigInt floor(w · s / v) at every magnitude", () => {
    fc.assert(
      fc.property(transferArb, ({ v, w, s }) => {
        expect(mulDivFloor(w, s, v)).toBe(Number((BigInt(w) * BigInt(s)) / BigInt(v)))
      }),
      { numRuns: 1000 }
    )
  })

  // Tens of millions of ballots: A's surplus goes to B, B's to C, D or E. Both transfers are
  // recomputed paper by paper in BigInt and must match the stages to the last 10^-5.
  const chainArb = fc
    .record({
      b: fc.integer({ min: 0, max: 2_000_000 }),
      others: fc.tuple(...["C", "D", "E"].map(() => fc.integer({ min: 1, max: 4_000_000 }))),
      m: fc.integer({ min: 2, max: 5 }),
      extra: fc.nat(999_999),
      tails: fc.array(fc.shuffledSubarray(["C", "D", "E"]), { minLength: 1, maxLength: 3 }),
      tailB: fc.shuffledSubarray(["C", "D", "E"])
    })
    .map(({ b, others, m, extra, tails, tailB }) => {
      const rest = b + others.reduce((x, y) => x + y, 0)
      const nA = m * rest + extra
      const groups = tails.map((tail, i) => ({
        count: Math.floor(nA / tails.length) + (i === 0 ? nA % tails.length : 0),
        ranking: ["A", "B", ...tail]
      }))
      const ballots = [
        ...groups,
        ...(b > 0 ? [{ count: b, ranking: ["B", ...tailB] }] : []),
        ...others.map((count, i) => ({ count, ranking: [["C", "D", "E"][i]!] }))
      ]
      return { candidates: ["A", "B", "C", "D", "E"], ballots }
    })

  it("Scottish surplus transfers are exact with tens of millions of ballots (BigInt recount)", () => {
    fc.assert(
      fc.property(chainArb, (p) => {
        const r = stv(p, { seats: 3, rule: "scottish" })
        if (!r.ok) throw r.error
        const S = 100_000n
        const valid = p.ballots.reduce((n, b) => n + BigInt(b.count), 0n)
        const Q = (valid / 4n + 1n) * S
        const first = (c: string) =>
          p.ballots.filter((b) => b.ranking[0] === c).reduce((n, b) => n + BigInt(b.count), 0n) * S
        const votes1 = new Map(p.candidates.map((c) => [c, first(c)]))
        fc.pre(votes1.get("A")! >= Q && ["B", "C", "D", "E"].every((c) => votes1.get(c)! < Q))
        const stage = (n: number) => new Map(Object.entries(r.value.stages[n]!.votes).map(([c, x]) => [c, units(x, 5)]))
        // Stage 2: each of A's papers passes to B at ⌊10^5 × surplus ÷ A's votes⌋.
        const vA = votes1.get("A")!
        const w1 = (S * (vA - Q)) / vA
        const fromA = p.ballots.filter((b) => b.ranking[0] === "A")
        const votes2 = new Map(votes1)
        votes2.set("A", Q)
        votes2.set("B", votes1.get("B")! + fromA.reduce((n, b) => n + w1 * BigInt(b.count), 0n))
        expect(r.value.stages[1]).toMatchObject({ action: "surplus", candidates: ["A"] })
        expect(stage(1)).toEqual(votes2)
        fc.pre(votes2.get("B")! >= Q)
        // Stage 3: B's papers — A's at value w1, B's own at 10^5 — pass on at ⌊value × surplus ÷ B's votes⌋.
        const vB = votes2.get("B")!
        const votes3 = new Map(votes2)
        votes3.set("B", Q)
        const papers = [
          ...fromA.map((b) => ({ value: w1, b })),
          ...p.ballots.filter((b) => b.ranking[0] === "B").map((b) => ({ value: S, b }))
        ]
        for (const { value, b } of papers) {
          const to = b.ranking.find((c) => c !== "A" && c !== "B")
          if (to !== undefined) votes3.set(to, votes3.get(to)! + ((value * (vB - Q)) / vB) * BigInt(b.count))
        }
        expect(r.value.stages[2]).toMatchObject({ action: "surplus", candidates: ["B"] })
        expect(stage(2)).toEqual(votes3)
      }),
      { numRuns: 200 }
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
