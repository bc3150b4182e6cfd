import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { electOwnersCommittee, type OwnersCommitteeResult } from "./electOwnersCommittee.ts"

const v = (r: ReturnType<typeof electOwnersCommittee>): OwnersCommitteeResult => {
  if (!r.ok) throw new Error(JSON.stringify(r.error.issues))
  return r.value
}
const codes = (r: ReturnType<typeof electOwnersCommittee>) => (r.ok ? [] : r.error.issues.map((i) => i.code))
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i)
const names = (xs: ReadonlyArray<{ candidate: string }>) => xs.map((e) => e.candidate)

// Estate Q (voting-rules.md §5): 100 units, 10,000 m². Developer D holds 10 unsold units
// (1,000 m²) and owner M 3 units (300 m²), each one person; 87 owners of 100 m² each. N = 89.
const estateQ = [
  { id: "D", kind: "developer" as const, units: range(1, 10).map((i) => ({ id: `D${i}`, area: 10_000 })) },
  { id: "M", units: range(1, 3).map((i) => ({ id: `M${i}`, area: 10_000 })) },
  ...range(1, 87).map((i) => ({ id: `o${i}`, units: [{ id: `u${i}`, area: 10_000 }] }))
]

describe("electOwnersCommittee — Estate Q, Beijing rules (voting-rules.md §1.6, §5)", () => {
  // 3 seats are lawful only because Estate Q has 100 households (Beijing art. 39, T16).
  // Participants D, M and o1–o58: 60 persons / 7,100 m², the T1 quorum (3·60 = 180 ≥ 178).
  // Marks (≤ 3 each): D {C1,C2,C4}; M {C1,C4}; o1–o30 {C1,C2,C3}; o31–o35 {C1,C2,C4};
  // o36–o40 {C1,C4}; o41–o45 {C3,C4}; o46–o58 {C4,C5}. By hand:
  //   C1 = D, M, o1–o40       → 42 / 5,300 m²: 84 > 60 and 10,600 > 7,100 → elected
  //   C2 = D, o1–o35          → 36 / 4,500 m²: 72 > 60 and  9,000 > 7,100 → elected
  //   C3 = o1–o30, o41–o45    → 35 / 3,500 m²: 70 > 60 but  7,000 ≤ 7,100 → fails on area
  //   C4 = D, M, o31–o58      → 30 / 4,100 m²: 60 = 60 ("过半数" is strict) → fails; alternate (≥ half)
  //   C5 = o46–o58            → 13 / 1,300 m² → fails both
  const marks: Record<string, Array<string>> = { D: ["C1", "C2", "C4"], M: ["C1", "C4"] }
  for (const i of range(1, 58))
    marks[`o${i}`] =
      i <= 30
        ? ["C1", "C2", "C3"]
        : i <= 35
          ? ["C1", "C2", "C4"]
          : i <= 40
            ? ["C1", "C4"]
            : i <= 45
              ? ["C3", "C4"]
              : ["C4", "C5"]
  const input = {
    electionDate: "2024-06-01",
    seats: 3,
    alternateSeats: 1,
    owners: estateQ,
    candidates: range(1, 5).map((i) => ({ id: `C${i}`, owner: `o${80 + i}` })),
    ballots: Object.entries(marks).map(([owner, choices]) => ({ owner, choices })),
    rules: { sizeRule: "beijing" as const }
  }

  it("applies the double majority to each candidate and names the exact-half candidate an alternate", () => {
    const r = v(electOwnersCommittee(input))
    expect(r.totals).toMatchObject({ owners: 89, area: 1_000_000, participatingOwners: 60, participatingArea: 710_000 })
    expect(r.elected).toEqual([
      { candidate: "C1", yesOwners: 42, yesArea: 530_000 },
      { candidate: "C2", yesOwners: 36, yesArea: 450_000 }
    ])
    expect(names(r.alternates)).toEqual(["C4"])
    const c = Object.fromEntries(r.candidates.map((x) => [x.candidate, [x.status, x.reasons]]))
    expect(c).toEqual({
      C1: ["elected", []],
      C2: ["elected", []],
      C3: ["notElected", ["yes-area"]],
      C4: ["alternate", ["yes-headcount"]],
      C5: ["notElected", ["yes-headcount", "yes-area"]]
    })
    const k = (code: string) => r.checks.find((x) => x.code === code)?.inequality
    expect(k("quorum-headcount")).toBe("3 × 60 = 180 ≥ 178 = 2 × 89")
    expect(k("yes-area:C3")).toBe("2 × 350000 = 700000 ≤ 710000 = 1 × 710000")
    expect(k("yes-headcount:C4")).toBe("2 × 30 = 60 ≤ 60 = 1 × 60")
    // Two of three seats: fewer than the 3 a small Beijing estate needs to form a committee.
    expect([r.status, r.vacancies, r.reasons]).toEqual(["belowMinimum", 1, ["seats-unfilled", "below-minimum"]])
    expect(r.sizeRule.minimumForEstate).toBe(3)
    expect(r.explanation.map((s) => s.code)).toEqual([
      "regime",
      "committee-size",
      "register",
      "eligibility",
      "ballots",
      "quorum",
      "win-line",
      "alternates",
      "outcome"
    ])
    expect(r.explanation.find((s) => s.code === "win-line")?.zh).toContain("C3 35 人/3500.00 平方米未过线（面积）")
    expect(r.explanation.find((s) => s.code === "committee-size")?.citation?.article).toBe("art. 39")
    expect(r.inputDigest).toMatch(/^[0-9a-f]{64}$/)
  })

  it("the same vote under the national 2009 rule refuses 3 seats (T16)", () => {
    expect(codes(electOwnersCommittee({ ...input, rules: { sizeRule: "national2009" } }))).toEqual(["committee_size"])
  })

  it("without quorum nobody is elected (T2: 59 participants, 3·59 = 177 < 178)", () => {
    const r = v(electOwnersCommittee({ ...input, ballots: input.ballots.filter((b) => b.owner !== "o58") }))
    expect([r.status, r.reasons, r.elected]).toEqual(["noQuorum", ["quorum-headcount"], []])
    expect(r.candidates.every((c) => c.reasons[0] === "no-quorum")).toBe(true)
  })
})

// Estate R (voting-rules.md §5): 30 owners of 100 m² each; quorum 20 persons and 2,000 m².
// r1–r24 vote (3·24 = 72 ≥ 60), so a candidate needs more than 12 of the 24.
const estateR = range(1, 30).map((i) => ({ id: `r${i}`, units: [{ id: `R${i}`, area: 10_000 }] }))
const tallies: Array<[string, number]> = [
  ["K1", 20],
  ["K2", 18],
  ["K3", 16],
  ["K4", 15],
  ["K5", 14],
  ["K6", 14],
  ["K7", 12],
  ["K8", 5]
]
// Marks are dealt round-robin over the 24 voters: 114 marks, so 4 or 5 per ballot (≤ 5 seats).
const dealt = (() => {
  const marks: Array<Array<string>> = range(1, 24).map(() => [])
  let p = 0
  for (const [c, n] of tallies)
    for (let j = 0; j < n; j++) {
      marks[p % 24]!.push(c)
      p++
    }
  return marks.map((choices, i) => ({ owner: `r${i + 1}`, choices }))
})()
const rInput = {
  electionDate: "2024-06-01",
  seats: 5,
  alternateSeats: 2,
  owners: estateR,
  candidates: tallies.map(([id], i) => ({ id, owner: `r${i + 1}`, attributes: [] as Array<string> })),
  ballots: dealt
}

describe("electOwnersCommittee — Estate R: oversubscription, ties, exclusions, composition", () => {
  it("six over the line for five seats: K5 and K6 tie on both counts, so nobody picks for them", () => {
    const r = v(electOwnersCommittee(rInput))
    expect(names(r.elected)).toEqual(["K1", "K2", "K3", "K4"])
    expect([r.status, r.tied, r.reasons]).toEqual(["tieUnresolved", ["K5", "K6"], ["tie"]])
    expect(r.alternates).toEqual([])
  })

  it("a re-vote settles the tie: K6 takes the seat, K5 (14) and K7 (exactly half, 12) are alternates", () => {
    const r = v(electOwnersCommittee({ ...rInput, tieResolution: { method: "revote", order: ["K6", "K5"] } }))
    expect(names(r.elected)).toEqual(["K1", "K2", "K3", "K4", "K6"])
    expect(names(r.alternates)).toEqual(["K5", "K7"])
    expect([r.status, r.reasons]).toEqual(["complete", []])
    expect(r.candidates.find((c) => c.candidate === "K5")?.reasons).toEqual(["outranked"])
    expect(r.explanation.some((s) => s.code === "tie-resolved")).toBe(true)
    // An order that leaves out one of the tied candidates settles nothing.
    const partial = v(electOwnersCommittee({ ...rInput, tieResolution: { method: "lot", order: ["K6", "K1"] } }))
    expect([partial.status, partial.tied]).toEqual(["tieUnresolved", ["K5", "K6"]])
  })

  it("an excluded candidate is never elected, whatever the votes; marks for them are dropped, the ballot stands", () => {
    const candidates = rInput.candidates.map((c) => (c.id === "K1" ? { ...c, attributes: ["dishonestDebtor"] } : c))
    const r = v(electOwnersCommittee({ ...rInput, candidates }))
    expect(names(r.elected)).toEqual(["K2", "K3", "K4", "K5", "K6"])
    expect(names(r.alternates)).toEqual(["K7"])
    expect(r.candidates[0]).toMatchObject({ status: "excluded", reasons: ["excluded:dishonestDebtor"] })
    expect(r.totals.validBallots).toBe(24)
    expect(r.ballots.filter((b) => b.reason === "excluded-candidate-marked")).toHaveLength(20)
    const step = r.explanation.find((s) => s.code === "excluded:K1")
    expect(step?.zh).toContain("失信被执行人")
    expect(step?.citation?.title).toContain("北京市物业管理条例")
  })

  it("a candidate who is not an owner is screened out when requireOwner holds", () => {
    const candidates = [...rInput.candidates, { id: "Outsider", attributes: [] }]
    const r = v(electOwnersCommittee({ ...rInput, candidates }))
    expect(r.candidates.at(-1)).toMatchObject({ status: "excluded", reasons: ["not-owner"] })
  })

  it("a party-member share target is reported, never enforced by reordering", () => {
    const candidates = rInput.candidates.map((c) =>
      ["K2", "K3", "K7", "K8"].includes(c.id) ? { ...c, attributes: ["partyMember"] } : c
    )
    const tieResolution = { method: "lot" as const, order: ["K5", "K6"] }
    const target = { code: "party", attribute: "partyMember", share: { numerator: 1, denominator: 2 } }
    const plain = v(electOwnersCommittee({ ...rInput, candidates, tieResolution }))
    const r = v(electOwnersCommittee({ ...rInput, candidates, tieResolution, rules: { compositionTargets: [target] } }))
    expect(r.elected).toEqual(plain.elected)
    expect(r.alternates).toEqual(plain.alternates)
    // 2 party members (K2, K3) of 5 elected: 2·2 = 4 < 5.
    expect(r.composition).toMatchObject([{ code: "party", met: false, check: { inequality: "2 × 2 = 4 < 5 = 1 × 5" } }])
    expect(r.reasons).toEqual(["composition-not-met:party"])
    expect(r.warnings.map((w) => w.code)).toEqual(["composition_target_not_met"])
    // Measured over the 8 eligible candidates instead: 4 of 8 is exactly half, "以上" includes it.
    const ofCandidates = { ...target, of: "candidates" as const }
    const c = v(
      electOwnersCommittee({ ...rInput, candidates, tieResolution, rules: { compositionTargets: [ofCandidates] } })
    )
    expect(c.composition[0]?.met).toBe(true)
  })

  it("seven seats with six over the line: formed with one vacancy (the 2009 minimum of 5 is there)", () => {
    const r = v(electOwnersCommittee({ ...rInput, seats: 7, alternateSeats: 0 }))
    expect(names(r.elected)).toEqual(["K1", "K2", "K3", "K4", "K5", "K6"])
    expect([r.status, r.vacancies, r.reasons]).toEqual(["vacancies", 1, ["seats-unfilled"]])
  })

  it("before 2021 the Property Law counts against ALL owners: > 15 of 30 (K4 with exactly 15 fails)", () => {
    const r = v(electOwnersCommittee({ ...rInput, electionDate: "2019-06-01" }))
    expect(r.regime).toBe("propertyLaw2007")
    expect(names(r.elected)).toEqual(["K1", "K2", "K3"])
    expect(r.checks.find((k) => k.code === "yes-headcount:K4")?.inequality).toBe("2 × 15 = 30 ≤ 30 = 1 × 30")
    expect(r.checks.find((k) => k.code === "quorum-headcount")?.inequality).toBe("2 × 24 = 48 > 30 = 1 × 30")
  })
})

describe("electOwnersCommittee — committee size (T16)", () => {
  const base = { ...rInput, tieResolution: { method: "lot" as const, order: ["K5", "K6"] } }
  const size = (seats: number, rules: object) =>
    codes(electOwnersCommittee({ ...base, seats, alternateSeats: 0, rules }))
  it("4 is even: invalid everywhere", () => {
    for (const sizeRule of ["national2009", "beijing", "shanghai", "hangzhou"])
      expect(size(4, { sizeRule })).toEqual(["committee_size"])
  })
  it("13 breaks the 2009 maximum of 11 but is allowed in Beijing and Shanghai", () => {
    expect(size(13, { sizeRule: "national2009" })).toEqual(["committee_size"])
    expect(size(13, { sizeRule: "hangzhou" })).toEqual(["committee_size"])
    expect(size(13, { sizeRule: "beijing" })).toEqual([])
    expect(size(13, { sizeRule: "shanghai" })).toEqual([])
  })
  it("3 needs the small-estate exception: ≤ 100 households (Beijing), ≤ 10,000 m² (Shanghai)", () => {
    expect(size(3, { sizeRule: "national2009" })).toEqual(["committee_size"])
    expect(size(3, { sizeRule: "beijing", households: 100 })).toEqual([])
    expect(size(3, { sizeRule: "beijing", households: 101 })).toEqual(["committee_size"])
    expect(size(3, { sizeRule: "shanghai" })).toEqual([]) // Estate R: 3,000 m²
  })
  it("Beijing allows no more alternates than members; a rule is refused before it took effect", () => {
    expect(codes(electOwnersCommittee({ ...base, alternateSeats: 6, rules: { sizeRule: "beijing" } }))).toEqual([
      "too_many_alternates"
    ])
    expect(
      codes(electOwnersCommittee({ ...base, electionDate: "2019-06-01", rules: { sizeRule: "beijing" } }))
    ).toEqual(["no_value_in_force"])
  })
})

describe("electOwnersCommittee — ballots and bad input", () => {
  it("an overvoted ballot is invalid by default and an input error with overvote = reject", () => {
    const ballots = [...dealt.slice(0, 23), { owner: "r24", choices: ["K1", "K2", "K3", "K4", "K5", "K6"] }]
    const r = v(electOwnersCommittee({ ...rInput, ballots }))
    expect(r.ballots.at(-1)).toEqual({ index: 23, owner: "r24", counted: "invalid", reason: "overvote" })
    expect(r.totals).toMatchObject({ participatingOwners: 23, invalidBallots: 1 })
    const e = electOwnersCommittee({ ...rInput, ballots, rules: { overvote: "reject" } })
    expect(e.ok ? [] : e.error.issues.map((i) => [i.code, i.path])).toEqual([["overvote", ["ballots", 23, "choices"]]])
  })

  it("rejects duplicate ballots, unknown owners and unknown candidates with paths", () => {
    const ballots = [
      ...dealt,
      { owner: "r1", choices: [] },
      { owner: "zz", choices: [] },
      { owner: "r25", choices: ["Q"] }
    ]
    const r = electOwnersCommittee({ ...rInput, ballots })
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["duplicate_ballot", ["ballots", 24, "owner"]],
      ["unknown_owner", ["ballots", 25, "owner"]],
      ["unknown_candidate", ["ballots", 26, "choices", 0]]
    ])
    expect(r.ok ? "" : r.error.issues[0]?.message.zh).toBe("业主 r1 重复投票")
  })

  it("proxies: over the allowed count is an error; a missing instruction counts as blank by default", () => {
    const proxies = range(25, 28).map((i) => ({ owner: `r${i}`, proxy: { agent: "r1" }, choices: ["K1"] }))
    expect(
      codes(electOwnersCommittee({ ...rInput, ballots: [...dealt, ...proxies], rules: { maxProxiesPerAgent: 3 } }))
    ).toEqual(["proxy_limit_exceeded"])
    const noInstruction = [...dealt, { owner: "r25", proxy: { agent: "r1" } }]
    const r = v(electOwnersCommittee({ ...rInput, ballots: noInstruction }))
    expect(r.ballots.at(-1)).toMatchObject({ counted: "blank", reason: "proxy-missing-instruction" })
    expect(r.totals.participatingOwners).toBe(25)
    expect(
      codes(electOwnersCommittee({ ...rInput, ballots: noInstruction, rules: { proxyMissingInstruction: "reject" } }))
    ).toEqual(["proxy_missing_instruction"])
  })

  it("a co-owned unit votes through its designated representative only", () => {
    const owners = [
      ...estateR.slice(1),
      { id: "r1", units: [{ id: "R1", area: 10_000 }], coOwners: ["Hu", "Ma"], representative: "Hu" }
    ]
    const ballots = [{ ...dealt[0]!, castBy: "Ma" }, ...dealt.slice(1)]
    expect(codes(electOwnersCommittee({ ...rInput, owners, ballots }))).toEqual(["not_designated_representative"])
    const fine = [{ ...dealt[0]!, castBy: "Hu" }, ...dealt.slice(1)]
    expect(electOwnersCommittee({ ...rInput, owners, ballots: fine }).ok).toBe(true)
  })
})

// ---------------------------------------------------------------------------------------------
// Properties

const CANDS = ["A", "B", "C", "D", "E", "F"]
// Candidates have a popularity (marks per 10 voters) and the estate a turnout, so quorums,
// double majorities, oversubscription, ties (many equal areas) and overvotes all occur.
const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })
const arbElection = fc
  .record({
    areas: fc.oneof(
      fc.integer({ min: 4, max: 24 }).map((n) => Array.from({ length: n }, () => 10_000)),
      fc.array(fc.oneof(fc.constant(10_000), fc.integer({ min: 1, max: 50_000 })), { minLength: 4, maxLength: 24 })
    ),
    seats: fc.constantFrom(3, 5, 7),
    alternateSeats: fc.integer({ min: 0, max: 3 }),
    flags: fc.array(fc.constantFrom("", "", "", "dishonestDebtor", "partyMember"), { minLength: 6, maxLength: 6 }),
    popularity: fc.array(fc.integer({ min: 2, max: 10 }), { minLength: 6, maxLength: 6 }),
    turnout: fc.integer({ min: 6, max: 10 }),
    present: digits(24),
    marks: fc.array(digits(6), { minLength: 24, maxLength: 24 })
  })
  .map(({ areas, seats, alternateSeats, flags, popularity, turnout, present, marks }) => {
    const owners = areas.map((area, i) => ({ id: `p${i}`, units: [{ id: `u${i}`, area }] }))
    const candidates = CANDS.map((id, i) => ({
      id,
      owner: `p${i % owners.length}`,
      attributes: flags[i] ? [flags[i]] : []
    }))
    const ballots = owners.flatMap((o, i) => {
      if (present[i]! >= turnout) return []
      const m = marks[i]!
      const all = CANDS.filter((_, j) => m[j]! < popularity[j]!)
      // One ballot in ten keeps its overvote; the rest are trimmed to the seats.
      return [{ owner: o.id, choices: m[0] === 0 ? all : all.slice(0, seats) }]
    })
    // households 50 keeps 3 seats lawful under the Beijing rule.
    return {
      electionDate: "2024-06-01",
      seats,
      alternateSeats: Math.min(alternateSeats, seats),
      owners,
      candidates,
      ballots,
      rules: { sizeRule: "beijing" as const, households: 50 }
    }
  })
type Election = ReturnType<(typeof arbElection)["generate"]>["value"]
const summary = (r: OwnersCommitteeResult) => ({
  status: r.status,
  elected: r.elected,
  alternates: r.alternates,
  tied: r.tied,
  reasons: r.reasons
})

describe("electOwnersCommittee — properties", () => {
  it("a silent owner returning a ballot that marks an elected candidate never unelects them", () => {
    fc.assert(
      fc.property(arbElection, fc.nat(), (e: Election, pick) => {
        const r = v(electOwnersCommittee(e))
        const silent = e.owners.filter((o) => !e.ballots.some((b) => b.owner === o.id))
        if (r.elected.length === 0 || silent.length === 0) return
        const who = r.elected[pick % r.elected.length]!.candidate
        const voter = silent[pick % silent.length]!.id
        const more = v(electOwnersCommittee({ ...e, ballots: [...e.ballots, { owner: voter, choices: [who] }] }))
        expect(names(more.elected)).toContain(who)
      })
    )
  })

  it("adding an elected candidate to a ballot with room never unelects them", () => {
    fc.assert(
      fc.property(arbElection, fc.nat(), (e: Election, pick) => {
        const r = v(electOwnersCommittee(e))
        if (r.elected.length === 0 || e.ballots.length === 0) return
        const who = r.elected[pick % r.elected.length]!.candidate
        const i = pick % e.ballots.length
        const b = e.ballots[i]!
        if (b.choices.includes(who) || b.choices.length >= e.seats) return
        const ballots = e.ballots.map((x, j) => (j === i ? { ...x, choices: [...x.choices, who] } : x))
        expect(names(v(electOwnersCommittee({ ...e, ballots })).elected)).toContain(who)
      })
    )
  })

  it("permuting ballots, permuting the register and renaming every owner id change nothing", () => {
    fc.assert(
      fc.property(arbElection, fc.nat(), (e: Election, seed) => {
        const rot = <T>(xs: ReadonlyArray<T>) => {
          const k = xs.length === 0 ? 0 : seed % xs.length
          return [...xs.slice(k), ...xs.slice(0, k)].reverse()
        }
        const rename = (id: string) => `owner-${id}`
        const a = v(electOwnersCommittee(e))
        const b = v(
          electOwnersCommittee({
            ...e,
            owners: rot(e.owners).map((o) => ({ ...o, id: rename(o.id) })),
            candidates: e.candidates.map((c) => ({ ...c, owner: rename(c.owner) })),
            ballots: rot(e.ballots).map((x) => ({ ...x, owner: rename(x.owner) }))
          })
        )
        expect(summary(b)).toEqual(summary(a))
        expect(b.totals).toEqual(a.totals)
        // Order of ballots and register does not enter the digest; renaming does.
        const c = v(electOwnersCommittee({ ...e, owners: rot(e.owners), ballots: rot(e.ballots) }))
        expect(c.inputDigest).toBe(a.inputDigest)
      })
    )
  })

  it("scaling every area by the same factor changes no outcome", () => {
    fc.assert(
      fc.property(arbElection, fc.integer({ min: 2, max: 1000 }), (e: Election, f) => {
        const scaled = {
          ...e,
          owners: e.owners.map((o) => ({ ...o, units: o.units.map((u) => ({ ...u, area: u.area * f })) }))
        }
        const a = v(electOwnersCommittee(e))
        const b = v(electOwnersCommittee(scaled))
        expect(summary(b)).toEqual({
          ...summary(a),
          elected: a.elected.map((x) => ({ ...x, yesArea: x.yesArea * f })),
          alternates: a.alternates.map((x) => ({ ...x, yesArea: x.yesArea * f }))
        })
      })
    )
  })

  it("every line is exact: quorum and each candidate's double majority equal the BigInt inequalities", () => {
    fc.assert(
      fc.property(arbElection, (e: Election) => {
        const r = v(electOwnersCommittee(e))
        const t = r.totals
        const B = BigInt
        const quorum =
          3n * B(t.participatingOwners) >= 2n * B(t.owners) && 3n * B(t.participatingArea) >= 2n * B(t.area)
        expect(r.status === "noQuorum").toBe(!quorum)
        for (const c of r.candidates) {
          if (c.status === "excluded" || !quorum) continue
          const over = 2n * B(c.yesOwners) > B(t.participatingOwners) && 2n * B(c.yesArea) > B(t.participatingArea)
          expect(c.checks.every((k) => k.passed)).toBe(over)
          if (c.status === "elected") expect(over).toBe(true)
          if (c.status === "alternate")
            expect(2n * B(c.yesOwners) >= B(t.participatingOwners) && 2n * B(c.yesArea) >= B(t.participatingArea)).toBe(
              true
            )
        }
      })
    )
  })

  it("excluded candidates are never elected or alternates; seats, alternates and ties are disjoint and bounded", () => {
    fc.assert(
      fc.property(arbElection, (e: Election) => {
        const r = v(electOwnersCommittee(e))
        const excluded = new Set(e.candidates.filter((c) => c.attributes.includes("dishonestDebtor")).map((c) => c.id))
        const all = [...names(r.elected), ...names(r.alternates), ...r.tied]
        expect(all.some((c) => excluded.has(c))).toBe(false)
        expect(new Set(all).size).toBe(all.length)
        expect(r.elected.length).toBeLessThanOrEqual(e.seats)
        expect(r.alternates.length).toBeLessThanOrEqual(e.alternateSeats)
        expect(r.vacancies).toBe(e.seats - r.elected.length)
      })
    )
  })

  it("composition targets never change who is elected or in what order", () => {
    fc.assert(
      fc.property(arbElection, fc.integer({ min: 0, max: 4 }), (e: Election, n) => {
        const target = { code: "party", attribute: "partyMember", share: { numerator: n, denominator: 4 } }
        const a = v(electOwnersCommittee(e))
        const b = v(electOwnersCommittee({ ...e, rules: { ...e.rules, compositionTargets: [target] } }))
        expect([b.status, b.elected, b.alternates, b.tied]).toEqual([a.status, a.elected, a.alternates, a.tied])
        expect(b.composition[0]?.met).toBe(!b.reasons.includes("composition-not-met:party"))
      })
    )
  })

  it("never throws on arbitrary JSON (fuzz)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (x) => {
        const r = electOwnersCommittee(x)
        return r.ok || r.error.issues.length > 0
      })
    )
    // Near-valid inputs reach the deeper checks.
    fc.assert(
      fc.property(
        arbElection,
        fc.jsonValue(),
        fc.constantFrom("seats", "owners", "ballots", "candidates", "rules"),
        (e, junk, key) => {
          const r = electOwnersCommittee({ ...e, [key]: junk })
          return r.ok || r.error.issues.length > 0
        }
      )
    )
  })
})
