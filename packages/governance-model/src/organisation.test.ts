import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Body,
  type Membership,
  type Organisation,
  type PartyOrg,
  type Person,
  type TerritoryUnit,
  validateOrganisation
} from "./organisation.ts"
import { rollupOrganisation } from "./rollupOrganisation.ts"

const u = (code: string, kind: TerritoryUnit["kind"], parent?: string, extra: Partial<TerritoryUnit> = {}) =>
  ({ code, name: code, kind, ...(parent === undefined ? {} : { parent }), ...extra }) as TerritoryUnit

// A street with one community: compound K1 split into grids G1 and G2, and the four-level party
// chain 社区党委 → 网格党支部 → 楼栋党小组 → 党员中心户.
const base = (): Organisation => ({
  units: [
    u("S", "street"),
    u("C", "community", "S"),
    u("K1", "compound", "C"),
    u("G1", "grid", "C"),
    u("G2", "grid", "C"),
    u("B1", "building", "K1", { grid: "G1", households: 120 }),
    u("B2", "building", "K1", { grid: "G1", households: 150 }),
    u("B3", "building", "K1", { grid: "G2" }),
    u("H1", "household", "B3"),
    u("H2", "household", "B3")
  ],
  party: [
    { code: "P", name: "社区党委", kind: "partyCommittee", territory: ["C"] },
    { code: "P1", name: "一网格党支部", kind: "branch", parent: "P", territory: ["G1"] },
    { code: "P2", name: "二网格党支部", kind: "branch", parent: "P", territory: ["G2"] },
    { code: "P1a", name: "1号楼党小组", kind: "group", parent: "P1", territory: ["B1"] },
    { code: "P2a", name: "3号楼党小组", kind: "group", parent: "P2", territory: ["B3"] },
    { code: "L1", name: "张家中心户", kind: "liaisonHousehold", parent: "P2a", territory: ["B3"], household: "H1" }
  ],
  bodies: [
    { code: "R", name: "东山社区居委会", kind: "residentsCommittee", territory: ["C"] },
    { code: "O", name: "一小区业委会", kind: "ownersCommittee", territory: ["K1"] },
    { code: "V", name: "红心志愿队", kind: "volunteerTeam", territory: ["C"] }
  ],
  people: [
    ...["a", "b", "c", "d", "e", "f", "g"].map((id): Person => ({ id, party: "full" })),
    { id: "zhang", household: "H1", party: "full" },
    { id: "li", household: "H2" },
    { id: "wang", household: "H2", party: "probationary" }
  ],
  memberships: [
    ...["a", "b", "c"].map((person): Membership => ({ person, org: "P1", role: "member" })),
    ...["d", "e", "f"].map((person): Membership => ({ person, org: "P2", role: "member" })),
    { person: "zhang", org: "P2", role: "secretary" },
    ...["a", "b", "c", "d", "e"].map(
      (person, k): Membership => ({ person, org: "R", role: k === 0 ? "chair" : "member" })
    ),
    ...["a", "b", "c", "d", "e"].map((person): Membership => ({ person, org: "O", role: "member" })),
    { person: "li", org: "V", role: "volunteer" }
  ]
})

const codes = (r: ReturnType<typeof validateOrganisation>) => (r.ok ? [] : r.error.issues.map((i) => i.code).sort())

describe("validateOrganisation", () => {
  it("accepts the worked community", () => {
    expect(validateOrganisation(base()).ok).toBe(true)
  })

  it("reports every problem at once, each with its path and a cited message", () => {
    const o = base()
    const bad: Organisation = {
      ...o,
      units: [
        ...o.units,
        u("B4", "building", "K9", { households: 10 }), // unknown parent
        u("C2", "community", "S"),
        u("G3", "grid", "C2"),
        u("B5", "building", "K1", { grid: "G3", households: 30 }), // grid G3 now spans C and C2
        u("B6", "building", "C", { households: 20 }), // skips compound/grid
        u("B1", "building", "K1", { households: 1 }) // duplicate code
      ],
      memberships: (o.memberships ?? []).filter((m) => !(m.org === "P1" && m.person === "c") && m.person !== "e")
    }
    const r = validateOrganisation(bad)
    expect(codes(r)).toEqual([
      "branch_too_few_full_members",
      "committee_size",
      "committee_size",
      "duplicate_code",
      "grid_spans_communities",
      "skipped_level",
      "unknown_parent"
    ])
    if (r.ok) return
    const byCode = new Map(r.error.issues.map((i) => [i.code, i]))
    expect(byCode.get("unknown_parent")?.path).toEqual(["units", 10, "parent"])
    expect(byCode.get("duplicate_code")?.path).toEqual(["units", 15, "code"])
    expect(byCode.get("grid_spans_communities")?.message.en).toContain("C, C2")
    const branch = byCode.get("branch_too_few_full_members")
    expect(branch?.path).toEqual(["party", 1])
    expect(branch?.message.zh).toContain("中国共产党章程第三十条")
    expect(branch?.message.en).toContain("2 full members, fewer than 3")
    const committees = r.error.issues.filter((i) => i.code === "committee_size").map((i) => i.message.en)
    expect(committees[0]).toContain("R (residentsCommittee) has 4 seats; the rule is 5–9")
    expect(committees[0]).toContain("Organic Law of Urban Residents' Committees")
    expect(committees[1]).toContain("O (ownersCommittee) has 4 seats; the rule is 5–11, an odd number")
  })

  it("counts only full members for a branch (probationary members do not count)", () => {
    const o = base()
    const r = validateOrganisation({
      ...o,
      people: (o.people ?? []).map((p) => (p.id === "c" ? { ...p, party: "probationary" as const } : p))
    })
    expect(codes(r)).toEqual(["branch_too_few_full_members"])
  })

  it("reports cycles, wrong levels, bad territories and references", () => {
    const o = base()
    const r = validateOrganisation({
      ...o,
      units: [...o.units, u("X1", "street", "X2"), u("X2", "street", "X1")],
      party: [
        ...(o.party ?? []),
        { code: "L2", name: "x", kind: "liaisonHousehold", parent: "P1", territory: ["B2"], household: "H2" },
        { code: "Q", name: "y", kind: "group", parent: "P1", territory: ["B3"] }
      ],
      memberships: [...(o.memberships ?? []), { person: "ghost", org: "nowhere", role: "member" }]
    })
    expect(codes(r)).toEqual([
      "cycle",
      "outside_parent_territory",
      "skipped_level",
      "unknown_org",
      "unknown_person",
      "wrong_parent_level",
      "wrong_parent_level"
    ])
  })

  it("accepts a skipped level when the option allows it", () => {
    const o = base()
    const org = { ...o, units: [...o.units, u("B6", "building", "C", { households: 20 })] }
    expect(codes(validateOrganisation(org))).toEqual(["skipped_level"])
    expect(validateOrganisation(org, { skippableLevels: ["compound"] }).ok).toBe(true)
  })

  it("applies a local committee-size rule from the options", () => {
    const o = base()
    const four = { ...o, memberships: (o.memberships ?? []).filter((m) => !(m.org === "O" && m.person === "e")) }
    expect(codes(validateOrganisation(four))).toEqual(["committee_size"])
    expect(validateOrganisation(four, { committeeSizes: { ownersCommittee: { min: 3, odd: false } } }).ok).toBe(true)
  })

  it("requires a party member in a liaison household", () => {
    const o = base()
    const r = validateOrganisation({
      ...o,
      people: (o.people ?? []).map((p) => (p.id === "zhang" ? { id: "zhang", household: "H2" } : p)),
      memberships: (o.memberships ?? []).filter((m) => m.person !== "zhang")
    })
    expect(codes(r)).toEqual(["liaison_without_party_member"])
  })

  it("reports element schema problems with the semantic ones", () => {
    const o = base()
    const r = validateOrganisation({
      ...o,
      units: [...o.units, { code: "B9", name: "9号楼", kind: "building", parent: "K1", households: -3 }],
      bodies: [...(o.bodies ?? []), { code: "R", name: "dup", kind: "volunteerTeam", territory: ["C"] }]
    })
    expect(codes(r)).toEqual(["duplicate_code", "too_small"])
    if (!r.ok) expect(r.error.issues.find((i) => i.code === "too_small")?.path).toEqual(["units", 10, "households"])
  })
})

describe("rules in force (asOf), their citations and local overrides", () => {
  // One community whose residents' committee has a single seat.
  const oneSeat = (): Organisation => ({
    units: [u("S", "street"), u("C", "community", "S")],
    bodies: [{ code: "R", name: "居委会", kind: "residentsCommittee", territory: ["C"] }],
    people: [{ id: "a" }],
    memberships: [{ person: "a", org: "R", role: "chair" }]
  })
  const issuesOf = (r: ReturnType<typeof validateOrganisation>) => (r.ok ? [] : r.error.issues)

  it("a date before the committee-size rule was made is reported, not a skipped check", () => {
    // Before: accepted, because the 1990 rule was not in force and the check was silently skipped.
    const r = validateOrganisation(oneSeat(), { asOf: "1985-06-01" })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error._tag).toBe("OrganisationError")
    expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([["no_rule_in_force", ["options", "asOf"]]])
    const m = r.error.issues[0]?.message
    expect(m?.en).toContain("no committeeSizeRules.residentsCommittee rule is in force on 1985-06-01")
    expect(m?.en).toContain("1990-01-01")
    expect(m?.zh).toContain("1985-06-01 没有生效的 committeeSizeRules.residentsCommittee 规则")
    // On a date the rule is in force it applies, citing the entry in force.
    const later = issuesOf(validateOrganisation(oneSeat(), { asOf: "2020-01-01" }))
    expect(later.map((i) => i.code)).toEqual(["committee_size"])
    expect(later[0]?.message.zh).toContain("（中华人民共和国城市居民委员会组织法第七条）")
    expect(later[0]?.message.en).toContain("Organic Law of Urban Residents' Committees, art. 7")
  })

  it("a missing rule is reported once however many bodies or branches need it, and only when one does", () => {
    const o = oneSeat()
    const two = { ...o, bodies: [...(o.bodies ?? []), { ...(o.bodies ?? [])[0]!, code: "R2" }] }
    expect(issuesOf(validateOrganisation(two, { asOf: "1985-06-01" })).map((i) => i.code)).toEqual(["no_rule_in_force"])
    // The worked community in 1980: no committee-size rule yet, nor (before 1982-09-06) the branch rule.
    const all = issuesOf(validateOrganisation(base(), { asOf: "1980-01-01" }))
    expect(all.map((i) => i.code)).toEqual(["no_rule_in_force", "no_rule_in_force", "no_rule_in_force"])
    expect(all.map((i) => i.message.en.split(" ")[1])).toEqual([
      "branchMinimumFullMembers",
      "committeeSizeRules.residentsCommittee",
      "committeeSizeRules.ownersCommittee"
    ])
    // No committee, no branch: nothing needs a rule, so no date is too early.
    expect(
      validateOrganisation({ units: [u("S", "street"), u("C", "community", "S")] }, { asOf: "1950-01-01" }).ok
    ).toBe(true)
  })

  it("a local rule from the options needs no national rule in force, and is what the message cites", () => {
    const local = { committeeSizes: { residentsCommittee: { min: 1, max: 3, odd: true } } }
    expect(validateOrganisation(oneSeat(), { ...local, asOf: "1985-06-01" }).ok).toBe(true)
    const o = oneSeat()
    const none = { ...o, memberships: [] }
    const r = issuesOf(validateOrganisation(none, local))
    expect(r.map((i) => i.code)).toEqual(["committee_size"])
    expect(r[0]?.message.en).toContain(
      "the rule is 1–3, an odd number (local rule, options.committeeSizes.residentsCommittee)"
    )
    expect(r[0]?.message.zh).not.toContain("组织法")
  })

  it("minFullMembersPerBranch from the options is cited as the option, not as Party Constitution art. 30", () => {
    const r = issuesOf(validateOrganisation(base(), { minFullMembersPerBranch: 5 }))
    expect(r.map((i) => [i.code, i.path])).toEqual([
      ["branch_too_few_full_members", ["party", 1]],
      ["branch_too_few_full_members", ["party", 2]]
    ])
    for (const i of r) {
      expect(i.message.en).toContain("fewer than 5 (local rule, options.minFullMembersPerBranch)")
      expect(i.message.en).not.toContain("art. 30")
      expect(i.message.zh).toContain("本地规则，见 options.minFullMembersPerBranch")
      expect(i.message.zh).not.toContain("中国共产党章程")
    }
    // With the national rule the message cites it, and the joint-branch remedy of the regulations.
    const o = base()
    const national = issuesOf(
      validateOrganisation({ ...o, memberships: (o.memberships ?? []).filter((m) => m.person !== "a") })
    )
    expect(national[0]?.message.zh).toContain("中国共产党章程第三十条")
    expect(national[0]?.message.zh).toContain("中国共产党支部工作条例（试行）第五条")
    expect(national[0]?.message.en).toContain("Constitution of the Communist Party of China, art. 30")
  })

  it("refuses a committee size whose maximum is below its minimum", () => {
    const r = validateOrganisation(base(), { committeeSizes: { ownersCommittee: { min: 7, max: 5, odd: true } } })
    expect(r.ok || [r.error._tag, r.error.issues.map((i) => [i.code, i.path])]).toEqual([
      "InvalidInputError",
      [["empty_range", ["committeeSizes", "ownersCommittee", "max"]]]
    ])
    expect(
      validateOrganisation(base(), { committeeSizes: { ownersCommittee: { min: 5, max: 5, odd: true } } }).ok
    ).toBe(true)
  })
})

describe("rollupOrganisation", () => {
  it("rolls up the worked community", () => {
    const r = rollupOrganisation(base())
    expect(r.ok).toBe(true)
    if (!r.ok) return
    const unit = new Map(r.value.units.map((x) => [x.code, x]))
    // B3 has two listed households: G2 = 2, G1 = 120 + 150, K1 = C = S = 272.
    expect([...["S", "C", "K1", "G1", "G2", "B3"].map((c) => unit.get(c)?.households)]).toEqual([
      272, 272, 272, 270, 2, 2
    ])
    expect(unit.get("G1")?.buildings).toBe(2)
    expect(unit.get("B3")).toMatchObject({ residents: 3, partyMembers: 2, fullPartyMembers: 1, liaisonHouseholds: 1 })
    expect(unit.get("B1")?.liaisonHouseholds).toBe(0)
    expect(unit.get("H2")).toMatchObject({ households: 1, residents: 2, liaisonHouseholds: 1 })
    const party = new Map(r.value.party.map((x) => [x.code, x]))
    expect(party.get("P")).toMatchObject({ households: 272, buildings: 3, liaisonHouseholds: 1 })
    expect(party.get("P2")).toMatchObject({ members: 4, fullPartyMembers: 4, households: 2 })
    expect(r.value.bodies.find((b) => b.code === "O")).toMatchObject({ members: 5, households: 272 })
    expect(r.value.totals).toEqual({
      households: 272,
      buildings: 3,
      people: 10,
      partyMembers: 9,
      fullPartyMembers: 8,
      liaisonHouseholds: 1
    })
  })
})

// ---------------------------------------------------------------------------------------------
// Generated organisations

interface Shape {
  readonly communities: ReadonlyArray<ReadonlyArray<{ readonly grid: number; readonly households: number }>>
  readonly grids: number
}

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  grids: fc.integer({ min: 1, max: 3 }),
  communities: fc.array(
    fc.array(fc.record({ grid: fc.nat(2), households: fc.integer({ min: 0, max: 400 }) }), {
      minLength: 1,
      maxLength: 6
    }),
    { minLength: 1, maxLength: 4 }
  )
})

const generate = (s: Shape): Organisation => {
  const units: Array<TerritoryUnit> = [u("D", "district"), u("S", "street", "D")]
  const party: Array<PartyOrg> = []
  const bodies: Array<Body> = []
  const people: Array<Person> = []
  const memberships: Array<Membership> = []
  s.communities.forEach((bs, c) => {
    const cc = `C${c}`
    units.push(u(cc, "community", "S"), u(`${cc}K`, "compound", cc))
    for (let g = 0; g < s.grids; g++) units.push(u(`${cc}G${g}`, "grid", cc))
    party.push({ code: `${cc}P`, name: "党委", kind: "partyCommittee", territory: [cc] })
    for (let g = 0; g < s.grids; g++) {
      const code = `${cc}P${g}`
      party.push({ code, name: "支部", kind: "branch", parent: `${cc}P`, territory: [`${cc}G${g}`] })
      for (let k = 0; k < 3; k++) {
        people.push({ id: `${code}m${k}`, party: "full" })
        memberships.push({ person: `${code}m${k}`, org: code, role: "member" })
      }
    }
    bs.forEach((b, i) => {
      units.push(u(`${cc}B${i}`, "building", `${cc}K`, { grid: `${cc}G${b.grid % s.grids}`, households: b.households }))
    })
    bodies.push({ code: `${cc}R`, name: "居委会", kind: "residentsCommittee", territory: [cc] })
    for (let k = 0; k < 5; k++) {
      people.push({ id: `${cc}r${k}` })
      memberships.push({ person: `${cc}r${k}`, org: `${cc}R`, role: k === 0 ? "chair" : "member" })
    }
  })
  return { units, party, bodies, people, memberships }
}

type Fault = "unknown_parent" | "duplicate_code" | "branch_too_few_full_members" | "committee_size" | "cycle"
const inject = (o: Organisation, faults: ReadonlyArray<Fault>): Organisation => {
  let units = [...o.units]
  let memberships = [...(o.memberships ?? [])]
  for (const f of faults) {
    if (f === "unknown_parent") units.push(u("Bx", "building", "nowhere", { households: 1 }))
    if (f === "duplicate_code") units.push(u("S", "street", "D"))
    if (f === "branch_too_few_full_members") memberships = memberships.filter((m) => m.person !== "C0P0m0")
    if (f === "committee_size") memberships = memberships.filter((m) => m.person !== "C0r4")
    if (f === "cycle") {
      units = units.map((x) => (x.code === "D" ? { ...x, parent: "S" } : x))
    }
  }
  return { ...o, units, memberships }
}

describe("organisation properties", () => {
  it("generated organisations are valid", () => {
    fc.assert(fc.property(shapeArb, (s) => validateOrganisation(generate(s)).ok))
  })

  it("validation reports every injected problem at once", () => {
    const faults = fc.subarray<Fault>(
      ["unknown_parent", "duplicate_code", "branch_too_few_full_members", "committee_size", "cycle"],
      { minLength: 1 }
    )
    fc.assert(
      fc.property(shapeArb, faults, (s, fs) => {
        const r = validateOrganisation(inject(generate(s), fs))
        expect(r.ok).toBe(false)
        if (r.ok) return
        const got = new Set(r.error.issues.map((i) => i.code))
        for (const f of fs) expect(got.has(f)).toBe(true)
        for (const i of r.error.issues) {
          expect(i.path.length).toBeGreaterThan(0)
          expect(i.message.zh.length).toBeGreaterThan(0)
          expect(i.message.en.length).toBeGreaterThan(0)
        }
      })
    )
  })

  it("a grid whose buildings lie in two communities is always reported", () => {
    fc.assert(
      fc.property(
        shapeArb.filter((s) => s.communities.length >= 2),
        fc.nat(),
        (s, k) => {
          const o = generate(s)
          const c = 1 + (k % (s.communities.length - 1))
          const moved = { ...o, units: [...o.units, u("Bx", "building", `C${c}K`, { grid: "C0G0", households: 5 })] }
          expect(codes(validateOrganisation(moved))).toEqual(["grid_spans_communities"])
        }
      )
    )
  })

  it("with asOf, no rule-based check is skipped: no_rule_in_force exactly for the rules not yet in force", () => {
    const date = fc
      .tuple(fc.integer({ min: 1950, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`)
    fc.assert(
      fc.property(shapeArb, date, (s, asOf) => {
        // Generated organisations have party branches (rule from 1982-09-06) and residents'
        // committees (rule from 1990-01-01).
        const missing = [
          ...(asOf < "1982-09-06" ? ["branchMinimumFullMembers"] : []),
          ...(asOf < "1990-01-01" ? ["committeeSizeRules.residentsCommittee"] : [])
        ]
        const r = validateOrganisation(generate(s), { asOf })
        expect(r.ok).toBe(missing.length === 0)
        if (r.ok) return
        expect(r.error.issues.map((i) => [i.code, i.path, i.message.en.split(" ")[1]])).toEqual(
          missing.map((name) => ["no_rule_in_force", ["options", "asOf"], name])
        )
        // An injected committee of unlawful size is still caught once its rule is in force.
        const bad = validateOrganisation(inject(generate(s), ["committee_size"]), { asOf })
        expect(codes(bad).includes("committee_size")).toBe(asOf >= "1990-01-01")
      })
    )
  })

  it("a committee size in the options is accepted exactly when min ≤ max (or max is absent)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.option(fc.integer({ min: 1, max: 1000 }), { nil: undefined }),
        fc.boolean(),
        (min, max, odd) => {
          const size = max === undefined ? { min, odd } : { min, max, odd }
          const r = validateOrganisation(
            { units: [u("S", "street")] },
            { committeeSizes: { villagersCommittee: size } }
          )
          expect(r.ok).toBe(max === undefined || min <= max)
          if (!r.ok)
            expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([
              ["empty_range", ["committeeSizes", "villagersCommittee", "max"]]
            ])
        }
      )
    )
  })

  it("rollups conserve households: each level sums its children and grids partition each community", () => {
    fc.assert(
      fc.property(shapeArb, (s) => {
        const o = generate(s)
        const r = rollupOrganisation(o)
        expect(r.ok).toBe(true)
        if (!r.ok) return
        const total = s.communities.flat().reduce((a, b) => a + b.households, 0)
        const by = new Map(r.value.units.map((x) => [x.code, x]))
        expect(by.get("D")?.households).toBe(total)
        expect(r.value.totals.households).toBe(total)
        s.communities.forEach((bs, c) => {
          const own = bs.reduce((a, b) => a + b.households, 0)
          expect(by.get(`C${c}`)?.households).toBe(own)
          expect(by.get(`C${c}K`)?.households).toBe(own)
          let grids = 0
          for (let g = 0; g < s.grids; g++) grids += by.get(`C${c}G${g}`)?.households ?? 0
          expect(grids).toBe(own)
          // The party committee covers the community, each branch its grid.
          expect(r.value.party.find((p) => p.code === `C${c}P`)?.households).toBe(own)
        })
      })
    )
  })

  it("rollups do not depend on the order of the input lists", () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(), (s, seed) => {
        const o = generate(s)
        const shuffle = <T>(xs: ReadonlyArray<T>): Array<T> =>
          xs
            .map((x, i) => ({ x, k: (i * 2_654_435_761 + seed) % 1_000_003 }))
            .sort((a, b) => a.k - b.k)
            .map((e) => e.x)
        const a = rollupOrganisation(o)
        const b = rollupOrganisation({
          units: shuffle(o.units),
          party: shuffle(o.party ?? []),
          bodies: shuffle(o.bodies ?? []),
          people: shuffle(o.people ?? []),
          memberships: shuffle(o.memberships ?? [])
        })
        expect(a.ok && b.ok).toBe(true)
        if (!a.ok || !b.ok) return
        const sortBy = <T extends { code: string }>(xs: ReadonlyArray<T>) =>
          [...xs].sort((p, q) => (p.code < q.code ? -1 : 1))
        expect(sortBy(b.value.units)).toEqual(sortBy(a.value.units))
        expect(sortBy(b.value.party)).toEqual(sortBy(a.value.party))
        expect(b.value.totals).toEqual(a.value.totals)
      })
    )
  })

  it("validateOrganisation and rollupOrganisation never throw on any input", () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (x, opts) => {
        for (const f of [validateOrganisation, rollupOrganisation]) {
          const r = f(x, opts)
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      })
    )
    fc.assert(
      fc.property(
        fc.record({
          units: fc.array(
            fc.record({
              code: fc.constantFrom("a", "b", "c", "d"),
              name: fc.constant("n"),
              kind: fc.constantFrom("city", "street", "community", "grid", "building", "household"),
              parent: fc.option(fc.constantFrom("a", "b", "c", "d"), { nil: undefined }),
              grid: fc.option(fc.constantFrom("a", "b", "c"), { nil: undefined }),
              households: fc.option(fc.integer({ min: -5, max: 50 }), { nil: undefined })
            }),
            { maxLength: 8 }
          ),
          party: fc.array(
            fc.record({
              code: fc.constantFrom("p", "q", "a"),
              name: fc.constant("n"),
              kind: fc.constantFrom("partyCommittee", "branch", "group", "liaisonHousehold"),
              parent: fc.option(fc.constantFrom("p", "q"), { nil: undefined }),
              territory: fc.array(fc.constantFrom("a", "b", "c", "z")),
              household: fc.option(fc.constantFrom("a", "b"), { nil: undefined })
            }),
            { maxLength: 4 }
          )
        }),
        (o) => {
          const r = rollupOrganisation(o)
          if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        }
      )
    )
  })
})
