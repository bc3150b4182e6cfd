import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type AssemblyBallot, tallyOwnersAssembly } from "./tallyOwnersAssembly.ts"

// Estate Q (voting-rules.md §5): developer D with 10 unsold units of 100 m², owner M with 3
// units of 100 m², 87 single-unit owners of 100 m². N = 89 persons, A = 10,000 m².
const M2 = 100 // hundredths of a square metre
const estateQ = [
  { id: "D", kind: "developer", units: Array.from({ length: 10 }, (_, i) => ({ id: `D-${i}`, area: 100 * M2 })) },
  { id: "M", units: Array.from({ length: 3 }, (_, i) => ({ id: `M-${i}`, area: 100 * M2 })) },
  ...Array.from({ length: 87 }, (_, i) => ({ id: `o${i}`, units: [{ id: `u${i}`, area: 100 * M2 }] }))
]
const singles = (from: number, count: number, vote: AssemblyBallot["vote"]) =>
  Array.from({ length: count }, (_, i) => ({ owner: `o${from + i}`, vote }))

const tallyQ = (matter: unknown, ballots: Array<unknown>, decisionDate = "2024-03-01") =>
  tallyOwnersAssembly({ decisionDate, matter, owners: estateQ, ballots })

const value = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw r.error
  return r.value
}

describe("tallyOwnersAssembly — Estate Q worked examples (voting-rules.md §5)", () => {
  it("T1: item 4 passes with 31/4,000 yes of 60/7,100 participating", () => {
    const r = value(
      tallyQ("hireManager", [
        { owner: "D", vote: "yes" },
        ...singles(0, 30, "yes"),
        { owner: "M", vote: "no" },
        ...singles(30, 20, "no"),
        ...singles(50, 8, "abstain")
      ])
    )
    expect(r.totals).toMatchObject({
      owners: 89,
      area: 1_000_000,
      participatingOwners: 60,
      participatingArea: 710_000,
      yesOwners: 31,
      yesArea: 400_000,
      noOwners: 21,
      noArea: 230_000,
      abstainOwners: 8,
      abstainArea: 80_000
    })
    expect(r.outcome).toBe("passed")
    expect(r.reasons).toEqual([])
    expect(r.checks.find((c) => c.code === "quorum-headcount")?.inequality).toBe("3 × 60 = 180 ≥ 178 = 2 × 89")
    expect(r.checks.find((c) => c.code === "yes-headcount")?.inequality).toBe("2 × 31 = 62 > 60 = 1 × 60")
    expect(r.regime).toBe("civilCode2021")
    expect(r.explanation.map((s) => s.code)).toEqual([
      "regime",
      "matter",
      "register",
      "ballots",
      "quorum",
      "yes",
      "outcome"
    ])
    expect(r.explanation[0]?.citation?.article).toBe("art. 278")
    expect(r.inputDigest).toMatch(/^[0-9a-f]{64}$/)
  })

  it("T2: 59 participants miss the headcount quorum (3·59 = 177 < 178)", () => {
    const r = value(tallyQ(4, [{ owner: "D", vote: "yes" }, { owner: "M", vote: "yes" }, ...singles(0, 57, "yes")]))
    expect(r.totals.participatingOwners).toBe(59)
    expect(r.totals.participatingArea).toBe(700_000)
    expect(r.outcome).toBe("failed")
    expect(r.reasons).toEqual(["quorum-headcount"])
  })

  it("T3: 60 single-unit owners (6,000 m²) miss the area quorum", () => {
    const r = value(tallyQ(4, singles(0, 60, "yes")))
    expect(r.reasons).toEqual(["quorum-area"])
  })

  const participants70 = (yes: Array<string>) => {
    const voters = ["D", "M", ...Array.from({ length: 68 }, (_, i) => `o${i}`)]
    return voters.map((owner) => ({ owner, vote: yes.includes(owner) ? "yes" : "no" }))
  }
  const ids = (from: number, count: number) => Array.from({ length: count }, (_, i) => `o${from + i}`)

  it("T4: item 6 passes at 53/6,400 of 70/8,100 (4·53 = 212 ≥ 210)", () => {
    const r = value(tallyQ("raiseMaintenanceFunds", participants70(["D", "M", ...ids(0, 51)])))
    expect([r.totals.yesOwners, r.totals.yesArea]).toEqual([53, 640_000])
    expect(r.outcome).toBe("passed")
  })

  it("T5: item 6 fails on area when D and M vote no (21,200 < 24,300)", () => {
    const r = value(tallyQ(6, participants70(ids(0, 53))))
    expect(r.reasons).toEqual(["yes-area"])
  })

  it("T6: item 6 fails on headcount at 52 (4·52 = 208 < 210)", () => {
    const r = value(tallyQ(6, participants70(["D", "M", ...ids(0, 50)])))
    expect(r.reasons).toEqual(["yes-headcount"])
  })

  it("T7: item 5 (use of funds) needs a simple majority only; the old Property Law would fail it", () => {
    const ballots = participants70(["D", ...ids(0, 35)])
    const now = value(tallyQ("useMaintenanceFunds", ballots))
    expect([now.totals.yesOwners, now.totals.yesArea]).toEqual([36, 450_000])
    expect(now.outcome).toBe("passed")
    const before = value(tallyQ("useMaintenanceFunds", ballots, "2020-12-31"))
    expect(before.regime).toBe("propertyLaw2007")
    expect(before.outcome).toBe("failed")
    expect(before.reasons).toEqual(["yes-headcount", "yes-area"])
  })

  it("T8: exactly half the participating headcount is not 过半数", () => {
    const r = value(
      tallyQ(4, [
        { owner: "D", vote: "yes" },
        ...singles(0, 29, "yes"),
        { owner: "M", vote: "no" },
        ...singles(29, 29, "no")
      ])
    )
    expect([r.totals.participatingOwners, r.totals.participatingArea]).toEqual([60, 710_000])
    expect([r.totals.yesOwners, r.totals.yesArea]).toEqual([30, 390_000])
    expect(r.reasons).toEqual(["yes-headcount"])
  })
})

// Estate R: 30 owners of 100 m² each.
const estateR = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, units: [{ id: `R${i}`, area: 100 * M2 }] }))
const tallyR = (ballots: Array<unknown>, options?: unknown) =>
  tallyOwnersAssembly({ decisionDate: "2024-03-01", matter: 4, owners: estateR, ballots, options })

describe("tallyOwnersAssembly — Estate R", () => {
  it("T10: 20 of 30 owners meet the 2/3 quorum exactly (以上 is inclusive); 19 do not", () => {
    const yes = (n: number) => Array.from({ length: n }, (_, i) => ({ owner: `r${i}`, vote: "yes" }))
    expect(
      value(tallyR(yes(20)))
        .checks.slice(0, 2)
        .map((c) => c.passed)
    ).toEqual([true, true])
    expect(value(tallyR(yes(19))).reasons).toEqual(["quorum-headcount", "quorum-area"])
  })

  it("T13: a proxy holder counts as five persons with five areas, following each instruction", () => {
    const r = value(
      tallyR([
        { owner: "r0", vote: "yes" },
        { owner: "r1", vote: "yes", proxy: { agent: "r0" } },
        { owner: "r2", vote: "yes", proxy: { agent: "r0" } },
        { owner: "r3", vote: "no", proxy: { agent: "r0" } },
        { owner: "r4", vote: "abstain", proxy: { agent: "r0" } }
      ])
    )
    expect(r.totals).toMatchObject({
      participatingOwners: 5,
      participatingArea: 50_000,
      yesOwners: 3,
      noOwners: 1,
      abstainOwners: 1
    })
  })

  it("T13: a proxy without an instruction follows proxyMissingInstruction", () => {
    const ballots = [{ owner: "r1", proxy: { agent: "r0" } }]
    expect(value(tallyR(ballots)).totals.abstainOwners).toBe(1)
    expect(value(tallyR(ballots, { proxyMissingInstruction: "invalid" })).totals.invalidOwners).toBe(1)
    const rejected = tallyR(ballots, { proxyMissingInstruction: "reject" })
    expect(rejected.ok ? [] : rejected.error.issues.map((i) => i.code)).toEqual(["proxy_missing_instruction"])
  })

  it("rejects more proxies than maxProxiesPerAgent", () => {
    const ballots = [1, 2, 3, 4].map((i) => ({ owner: `r${i}`, vote: "yes", proxy: { agent: "r0" } }))
    const r = tallyR(ballots, { maxProxiesPerAgent: 3 })
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["proxy_limit_exceeded", ["ballots", 3, "proxy", "agent"]]
    ])
  })

  it("abstentions can be excluded from participation", () => {
    const ballots = Array.from({ length: 20 }, (_, i) => ({ owner: `r${i}`, vote: i < 2 ? "abstain" : "yes" }))
    expect(value(tallyR(ballots)).outcome).toBe("passed")
    expect(value(tallyR(ballots, { abstentionCountsAsParticipation: false })).reasons).toEqual([
      "quorum-headcount",
      "quorum-area"
    ])
  })

  it("the silent-owner rule adds silent owners to the majority side only after a real quorum, with a warning", () => {
    const ballots = Array.from({ length: 20 }, (_, i) => ({
      owner: `r${i}`,
      vote: i < 9 ? "yes" : i < 15 ? "no" : "abstain"
    }))
    const plain = value(tallyR(ballots))
    expect(plain.reasons).toEqual(["yes-headcount", "yes-area"])
    expect(plain.warnings).toEqual([])
    const silent = value(tallyR(ballots, { silentOwnerRule: "followMajorityAfterQuorum" }))
    expect([silent.totals.yesOwners, silent.totals.participatingOwners, silent.totals.deemedOwners]).toEqual([
      19, 30, 10
    ])
    expect(silent.outcome).toBe("passed")
    expect(silent.warnings.map((w) => w.code)).toEqual(["legal_risk_silent_owner_rule"])
    const served = value(
      tallyR(ballots.slice(0, 15), {
        silentOwnerRule: "servedCountsAsParticipatingAndFollowsMajority",
        served: ["r20", "r21", "r22", "r23", "r24"]
      })
    )
    expect([served.totals.participatingOwners, served.totals.yesOwners]).toEqual([20, 14])
    expect(served.outcome).toBe("passed")
  })
})

describe("tallyOwnersAssembly — co-owners", () => {
  const owners = [
    { id: "h1", coOwners: ["Li", "Wang"], representative: "Li", units: [{ id: "1", area: 9_000 }] },
    { id: "h2", units: [{ id: "2", area: 9_000 }] },
    { id: "h3", units: [{ id: "3", area: 9_000 }] }
  ]
  const run = (ballots: Array<unknown>, options?: unknown) =>
    value(tallyOwnersAssembly({ decisionDate: "2023-01-01", matter: 1, owners, ballots, options }))
  const ballots = [
    { owner: "h1", castBy: "Wang", vote: "no" },
    { owner: "h1", castBy: "Li", vote: "yes" },
    { owner: "h2", vote: "yes" }
  ]
  it("one unit is one vote whatever the policy", () => {
    const a = run(ballots)
    expect([a.totals.yesOwners, a.totals.noOwners]).toEqual([2, 0])
    expect(a.ballots[0]).toMatchObject({ counted: "notCounted", reason: "not-designated-representative" })
    const b = run(ballots, { coOwnerPolicy: "anyCoOwnerFirstReceived" })
    expect([b.totals.yesOwners, b.totals.noOwners]).toEqual([1, 1])
    const c = run(ballots, { coOwnerPolicy: "conflictInvalid" })
    expect([c.totals.yesOwners, c.totals.invalidOwners]).toEqual([1, 1])
  })

  const codes = (ballots: Array<unknown>) => {
    const r = tallyOwnersAssembly({ decisionDate: "2023-01-01", matter: 1, owners, ballots })
    return r.ok ? [] : r.error.issues.map((i) => [i.code, i.path])
  }
  it("refuses a second representative vote for one unit: in person plus a proxy, or two proxies", () => {
    // Review repro: the representative Li votes yes, then agent X brings h1's proxy with "no".
    expect(
      codes([
        { owner: "h1", castBy: "Li", vote: "yes" },
        { owner: "h1", proxy: { agent: "X" }, vote: "no" }
      ])
    ).toEqual([["duplicate_ballot", ["ballots", 1, "owner"]]])
    expect(
      codes([
        { owner: "h1", proxy: { agent: "X" }, vote: "yes" },
        { owner: "h1", proxy: { agent: "Y" }, vote: "no" }
      ])
    ).toEqual([["duplicate_ballot", ["ballots", 1, "owner"]]])
    // A non-representative co-owner's ballot is still audited as not counted, not an error.
    expect(
      codes([
        { owner: "h1", castBy: "Wang", vote: "no" },
        { owner: "h1", proxy: { agent: "X" }, vote: "yes" }
      ])
    ).toEqual([])
  })

  it("a second vote of the representative is the one shared duplicate-ballot issue (review item 4)", () => {
    const issues = (ballots: Array<unknown>, options?: unknown) => {
      const r = tallyOwnersAssembly({ decisionDate: "2023-01-01", matter: 1, owners, ballots, options })
      return r.ok ? [] : r.error.issues.map((i) => [i.code, i.path, i.message.en])
    }
    const dup = (i: number) => ["duplicate_ballot", ["ballots", i, "owner"], "owner h1 has already voted"]
    expect(
      issues([
        { owner: "h1", castBy: "Li", vote: "yes" },
        { owner: "h1", proxy: { agent: "X" }, vote: "no" }
      ])
    ).toEqual([dup(1)])
    expect(
      issues([
        { owner: "h1", castBy: "Li", vote: "yes" },
        { owner: "h1", castBy: "Wang", vote: "no" },
        { owner: "h1", castBy: "Li", vote: "no" }
      ])
    ).toEqual([dup(2)])
    // Under the other policies each co-owner and each agent casts once: Li and X's proxy both count.
    const first = issues(
      [
        { owner: "h1", castBy: "Li", vote: "yes" },
        { owner: "h1", proxy: { agent: "X" }, vote: "no" }
      ],
      { coOwnerPolicy: "anyCoOwnerFirstReceived" }
    )
    expect(first).toEqual([])
    expect(
      issues(
        [
          { owner: "h1", proxy: { agent: "X" }, vote: "yes" },
          { owner: "h1", proxy: { agent: "X" }, vote: "no" }
        ],
        { coOwnerPolicy: "conflictInvalid" }
      )
    ).toEqual([dup(1)])
  })
})

describe("tallyOwnersAssembly — bad input", () => {
  it("reports duplicate ballots, unknown owners and negative areas with paths", () => {
    const r = tallyOwnersAssembly({
      decisionDate: "2024-01-01",
      matter: 4,
      owners: estateR,
      ballots: [
        { owner: "r0", vote: "yes" },
        { owner: "r0", vote: "no" },
        { owner: "nobody", vote: "yes" }
      ]
    })
    expect(r.ok ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["duplicate_ballot", ["ballots", 1, "owner"]],
      ["unknown_owner", ["ballots", 2, "owner"]]
    ])
    const neg = tallyOwnersAssembly({
      decisionDate: "2024-01-01",
      matter: 4,
      owners: [{ id: "a", units: [{ id: "1", area: -5 }] }],
      ballots: []
    })
    expect(neg.ok).toBe(false)
    expect(neg.ok ? [] : neg.error.issues[0]?.path).toEqual(["owners", 0, "units", 0, "area"])
    expect(neg.ok ? "" : neg.error.issues[0]?.message.zh).toMatch(/[\u4e00-\u9fff]/)
  })

  it("refuses a decision date before the 2007 Property Law took effect", () => {
    const r = tallyOwnersAssembly({ decisionDate: "2005-01-01", matter: 4, owners: estateR, ballots: [] })
    expect(r.ok ? "" : r.error.issues[0]?.code).toBe("no_value_in_force")
  })

  it("never throws on arbitrary JSON (fuzz)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (j) => {
        const r = tallyOwnersAssembly(j)
        return r.ok || r.error.issues.length > 0
      })
    )
    fc.assert(
      fc.property(fc.anything(), (j) => {
        const r = tallyOwnersAssembly(j)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})

// ---------------------------------------------------------------------------------------------
// Properties (INVARIANTS.md)

const estateArb = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 50_000 }), fc.integer({ min: 0, max: 4 })), {
    minLength: 1,
    maxLength: 40
  })
  .map((rows) => ({
    owners: rows.map(([area], i) => ({ id: `o${i}`, units: [{ id: `u${i}`, area }] })),
    ballots: rows.flatMap(([, v], i) =>
      v === 0 ? [] : [{ owner: `o${i}`, vote: (["yes", "no", "abstain", "invalid"] as const)[v - 1] }]
    )
  }))
const matterArb = fc.integer({ min: 1, max: 9 })
const dateArb = fc.constantFrom("2019-06-01", "2024-06-01")

describe("tallyOwnersAssembly — properties", () => {
  it("turning a no, abstain, invalid or silent owner into a yes never turns a pass into a fail", () => {
    fc.assert(
      fc.property(estateArb, matterArb, dateArb, fc.nat(), (e, matter, decisionDate, pick) => {
        const before = value(tallyOwnersAssembly({ decisionDate, matter, ...e }))
        const target = e.owners[pick % e.owners.length]!.id
        const ballots = [...e.ballots.filter((b) => b.owner !== target), { owner: target, vote: "yes" as const }]
        const after = value(tallyOwnersAssembly({ decisionDate, matter, owners: e.owners, ballots }))
        return !before.passed || after.passed
      })
    )
  })

  it("permuting ballots, owners and renaming owner ids changes nothing but the digest", () => {
    fc.assert(
      fc.property(estateArb, matterArb, dateArb, fc.integer(), (e, matter, decisionDate, seed) => {
        const perm = <T>(xs: Array<T>) =>
          xs
            .map((x, i) => ({ x, k: Math.imul(i + 1, seed | 1) >>> 0 }))
            .sort((a, b) => a.k - b.k)
            .map((p) => p.x)
        const rename = (id: string) => `z-${id}`
        const a = value(tallyOwnersAssembly({ decisionDate, matter, ...e }))
        const b = value(
          tallyOwnersAssembly({
            decisionDate,
            matter,
            owners: perm(e.owners.map((o) => ({ ...o, id: rename(o.id) }))),
            ballots: perm(e.ballots.map((x) => ({ ...x, owner: rename(x.owner) })))
          })
        )
        expect(b.totals).toEqual(a.totals)
        expect(b.checks).toEqual(a.checks)
        expect(b.outcome).toBe(a.outcome)
      })
    )
  })

  it("scaling every area by the same factor changes no outcome or reason", () => {
    fc.assert(
      fc.property(estateArb, matterArb, dateArb, fc.integer({ min: 2, max: 1000 }), (e, matter, decisionDate, k) => {
        const a = value(tallyOwnersAssembly({ decisionDate, matter, ...e }))
        const scaled = e.owners.map((o) => ({ ...o, units: o.units.map((u) => ({ ...u, area: u.area * k })) }))
        const b = value(tallyOwnersAssembly({ decisionDate, matter, owners: scaled, ballots: e.ballots }))
        expect(b.reasons).toEqual(a.reasons)
        expect(b.outcome).toBe(a.outcome)
      })
    )
  })

  it("is exact at every boundary: the result equals the rational inequalities of art. 278", () => {
    fc.assert(
      fc.property(estateArb, matterArb, (e, matter) => {
        const r = value(tallyOwnersAssembly({ decisionDate: "2024-06-01", matter, ...e }))
        const t = r.totals
        const big = BigInt
        const quorum =
          3n * big(t.participatingOwners) >= 2n * big(t.owners) && 3n * big(t.participatingArea) >= 2n * big(t.area)
        const yes =
          matter >= 6 && matter <= 8
            ? 4n * big(t.yesOwners) >= 3n * big(t.participatingOwners) &&
              4n * big(t.yesArea) >= 3n * big(t.participatingArea)
            : 2n * big(t.yesOwners) > big(t.participatingOwners) && 2n * big(t.yesArea) > big(t.participatingArea)
        return r.passed === (quorum && yes)
      })
    )
  })

  it("hits the exact 2/3 and 3/4 boundaries: one hundredth of a m² decides", () => {
    // Three owners; participants hold exactly 2/3 of the area, then one hundredth less.
    const owners = (a: number) => [
      { id: "a", units: [{ id: "1", area: a }] },
      { id: "b", units: [{ id: "2", area: 200_000 - a }] },
      { id: "c", units: [{ id: "3", area: 100_000 }] }
    ]
    const ballots = [
      { owner: "a", vote: "yes" },
      { owner: "b", vote: "yes" }
    ]
    const at = value(tallyOwnersAssembly({ decisionDate: "2024-01-01", matter: 7, owners: owners(100_000), ballots }))
    expect(at.passed).toBe(true)
    const below = value(
      tallyOwnersAssembly({
        decisionDate: "2024-01-01",
        matter: 7,
        owners: [...owners(100_000).slice(0, 2), { id: "c", units: [{ id: "3", area: 100_001 }] }],
        ballots
      })
    )
    expect(below.reasons).toEqual(["quorum-area"])
  })

  it("does not mutate its input", () => {
    const input = { decisionDate: "2024-01-01", matter: 4, owners: estateR, ballots: [{ owner: "r0", vote: "yes" }] }
    const copy = structuredClone(input)
    tallyOwnersAssembly(input)
    expect(input).toEqual(copy)
  })
})
