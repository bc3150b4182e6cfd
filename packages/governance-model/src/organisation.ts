import {
  err,
  fromZodIssues,
  type InvalidInputError,
  IsoDate,
  type Issue,
  issue,
  ok,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { OrganisationError } from "./errors.ts"
import { formatBasis, formatCitation, type RuleLookup, ruleInForce } from "./internal/rules.ts"
import {
  branchMinimumFullMembers,
  type CommitteeSize,
  CommitteeSizeSchema,
  committeeSizeRules,
  orgCitations
} from "./organisationRules.ts"

const Code = z.string().min(1).max(200)
const Name = z.string().min(1).max(200)

/**
 * Levels of the government hierarchy: 市 city → 区 district → 街道 street → 社区 community →
 * 小区 compound or 网格 grid → 楼栋 building → 户 household.
 *
 * @since 0.1.0
 * @category organisation
 */
export const UnitKind = z.enum(["city", "district", "street", "community", "compound", "grid", "building", "household"])
/** @since 0.1.0 @category organisation */
export type UnitKind = z.infer<typeof UnitKind>

/**
 * A territorial unit. `parent` is the unit one level up. A building whose parent is a compound
 * names its grid in `grid` (grids and compounds are two overlapping divisions of a community);
 * `households` is a building's household count when its households are not listed as units.
 *
 * @since 0.1.0
 * @category organisation
 */
export const TerritoryUnit = z.object({
  code: Code,
  name: Name,
  kind: UnitKind,
  parent: Code.optional(),
  grid: Code.optional(),
  households: z.int().min(0).max(100_000).optional()
})
/** @since 0.1.0 @category organisation */
export type TerritoryUnit = z.infer<typeof TerritoryUnit>

/**
 * Levels of the party hierarchy in a community: 社区党委 party committee (or 党总支 general
 * branch) → 小区/网格党支部 branch → 楼栋党小组 group → 党员中心户 liaison household.
 *
 * @since 0.1.0
 * @category organisation
 */
export const PartyOrgKind = z.enum(["partyCommittee", "generalBranch", "branch", "group", "liaisonHousehold"])
/** @since 0.1.0 @category organisation */
export type PartyOrgKind = z.infer<typeof PartyOrgKind>

/**
 * A party organisation, the units it covers (`territory`), and for a liaison household the
 * household unit it is (`household`).
 *
 * @since 0.1.0
 * @category organisation
 */
export const PartyOrg = z.object({
  code: Code,
  name: Name,
  kind: PartyOrgKind,
  parent: Code.optional(),
  territory: z.array(Code).max(10_000),
  household: Code.optional()
})
/** @since 0.1.0 @category organisation */
export type PartyOrg = z.infer<typeof PartyOrg>

/**
 * Kinds of bodies: 居民委员会, 村民委员会, 业主委员会, 物业服务企业 property manager, 社会组织
 * social organisation, 志愿服务队 volunteer team, 自治小组 self-governance group.
 *
 * @since 0.1.0
 * @category organisation
 */
export const BodyKind = z.enum([
  "residentsCommittee",
  "villagersCommittee",
  "ownersCommittee",
  "propertyManager",
  "socialOrganisation",
  "volunteerTeam",
  "selfGovernanceGroup"
])
/** @since 0.1.0 @category organisation */
export type BodyKind = z.infer<typeof BodyKind>

/**
 * A body and the units it serves.
 *
 * @since 0.1.0
 * @category organisation
 */
export const Body = z.object({ code: Code, name: Name, kind: BodyKind, territory: z.array(Code).min(1).max(10_000) })
/** @since 0.1.0 @category organisation */
export type Body = z.infer<typeof Body>

/**
 * A person: the household unit they live in and their party status (正式 full or 预备
 * probationary member), if any.
 *
 * @since 0.1.0
 * @category organisation
 */
export const Person = z.object({
  id: Code,
  name: Name.optional(),
  household: Code.optional(),
  party: z.enum(["full", "probationary"]).optional()
})
/** @since 0.1.0 @category organisation */
export type Person = z.infer<typeof Person>

/**
 * A person's role in a party organisation, a body or a unit (e.g. a grid worker of a grid).
 * Roles are free text; `chair` and `secretary` are heads (at most one per organisation), and
 * `chair`, `viceChair`, `member` are the committee seats counted for committee sizes.
 *
 * @since 0.1.0
 * @category organisation
 */
export const Membership = z.object({ person: Code, org: Code, role: Code })
/** @since 0.1.0 @category organisation */
export type Membership = z.infer<typeof Membership>

/**
 * An organisation model: territorial units, party organisations, bodies, people and memberships.
 *
 * @since 0.1.0
 * @category organisation
 */
export const Organisation = z.object({
  units: z.array(TerritoryUnit),
  party: z.array(PartyOrg).optional(),
  bodies: z.array(Body).optional(),
  people: z.array(Person).optional(),
  memberships: z.array(Membership).optional()
})
/** @since 0.1.0 @category organisation */
export type Organisation = z.infer<typeof Organisation>

/**
 * Options of {@link validateOrganisation}.
 *
 * - `asOf` (default: the latest rules): the date whose committee-size and branch rules apply
 *   ({@link committeeSizeRules}, {@link branchMinimumFullMembers}). On a date no rule is in
 *   force (e.g. before it was made) a check that needs the rule is not skipped: it is reported
 *   as `no_rule_in_force`.
 * - `committeeSizes`: a local rule replacing the national one per body kind (`min` ≤ `max`);
 *   messages then cite the option, not the national law.
 * - `minFullMembersPerBranch` (default: {@link branchMinimumFullMembers} in force on `asOf`, i.e.
 *   3, Party Constitution art. 30); messages cite the option when it is given.
 * - `skippableLevels` (default none): levels a parent may skip, e.g. `["compound"]` for
 *   buildings directly under a community, or `["group"]` for liaison households directly under
 *   a branch.
 * - `seatRoles` (default `["chair", "viceChair", "member"]`): the roles counted as committee seats.
 *
 * @since 0.1.0
 * @category organisation
 */
export const OrganisationOptions = z
  .object({
    asOf: IsoDate.optional(),
    committeeSizes: z
      .object({
        residentsCommittee: CommitteeSizeSchema.optional(),
        villagersCommittee: CommitteeSizeSchema.optional(),
        ownersCommittee: CommitteeSizeSchema.optional()
      })
      .optional(),
    minFullMembersPerBranch: z.int().min(1).max(1000).optional(),
    skippableLevels: z.array(z.union([UnitKind, PartyOrgKind])).optional(),
    seatRoles: z.array(Code).min(1).optional()
  })
  .optional()
/** @since 0.1.0 @category organisation */
export type OrganisationOptions = z.infer<typeof OrganisationOptions>

// ---------------------------------------------------------------------------------------------
// Levels

const unitRank: Record<UnitKind, number> = {
  city: 0,
  district: 1,
  street: 2,
  community: 3,
  compound: 4,
  grid: 4,
  building: 5,
  household: 6
}
const unitParents: Record<UnitKind, ReadonlyArray<UnitKind>> = {
  city: [],
  district: ["city"],
  street: ["district"],
  community: ["street"],
  compound: ["community"],
  grid: ["community"],
  building: ["compound", "grid"],
  household: ["building"]
}
const partyRank: Record<PartyOrgKind, number> = {
  partyCommittee: 0,
  generalBranch: 0,
  branch: 1,
  group: 2,
  liaisonHousehold: 3
}
const partyParents: Record<PartyOrgKind, ReadonlyArray<PartyOrgKind>> = {
  partyCommittee: [],
  generalBranch: [],
  branch: ["partyCommittee", "generalBranch"],
  group: ["branch"],
  liaisonHousehold: ["group"]
}
// Which units each party organisation may cover: the chain 社区党委 → 小区/网格党支部 →
// 楼栋党小组 → 党员中心户, allowing the observed variants (网格党小组, a 中心户 serving a building).
const partyTerritory: Record<PartyOrgKind, ReadonlyArray<UnitKind>> = {
  partyCommittee: ["street", "community"],
  generalBranch: ["community"],
  branch: ["community", "compound", "grid"],
  group: ["compound", "grid", "building"],
  liaisonHousehold: ["building", "household"]
}
const bodyTerritory: Partial<Record<BodyKind, ReadonlyArray<UnitKind>>> = {
  residentsCommittee: ["community"],
  villagersCommittee: ["community"],
  ownersCommittee: ["compound"]
}
const HEADS = new Set(["chair", "secretary"])

// ---------------------------------------------------------------------------------------------
// Index shared with the rollup

interface Item<T> {
  readonly value: T
  readonly i: number
}

/** Valid elements of a model with lookups; built by {@link validateOrganisation} and the rollup. */
export interface OrgIndex {
  readonly units: ReadonlyArray<Item<TerritoryUnit>>
  readonly party: ReadonlyArray<Item<PartyOrg>>
  readonly bodies: ReadonlyArray<Item<Body>>
  readonly people: ReadonlyArray<Item<Person>>
  readonly memberships: ReadonlyArray<Item<Membership>>
  readonly unit: ReadonlyMap<string, TerritoryUnit>
  readonly partyOrg: ReadonlyMap<string, PartyOrg>
  readonly body: ReadonlyMap<string, Body>
  readonly person: ReadonlyMap<string, Person>
  /** The unit itself, its ancestors, and the grid of every building on the way (cycle-safe). */
  readonly above: (code: string) => ReadonlyArray<string>
  /** Household units listed under each building (by the building's code). */
  readonly householdUnits: ReadonlyMap<string, number>
  /** Households of a building: its declared count, else its household units. */
  readonly householdsOf: (building: string) => number
}

const buildIndex = (
  units: ReadonlyArray<Item<TerritoryUnit>>,
  party: ReadonlyArray<Item<PartyOrg>>,
  bodies: ReadonlyArray<Item<Body>>,
  people: ReadonlyArray<Item<Person>>,
  memberships: ReadonlyArray<Item<Membership>>
): OrgIndex => {
  const unit = new Map<string, TerritoryUnit>()
  for (const { value } of units) if (!unit.has(value.code)) unit.set(value.code, value)
  const partyOrg = new Map<string, PartyOrg>()
  for (const { value } of party) if (!partyOrg.has(value.code)) partyOrg.set(value.code, value)
  const body = new Map<string, Body>()
  for (const { value } of bodies) if (!body.has(value.code)) body.set(value.code, value)
  const person = new Map<string, Person>()
  for (const { value } of people) if (!person.has(value.id)) person.set(value.id, value)
  const householdUnits = new Map<string, number>()
  for (const { value } of units)
    if (value.kind === "household" && value.parent !== undefined)
      householdUnits.set(value.parent, (householdUnits.get(value.parent) ?? 0) + 1)
  const memo = new Map<string, ReadonlyArray<string>>()
  const above = (code: string): ReadonlyArray<string> => {
    const hit = memo.get(code)
    if (hit) return hit
    const out: Array<string> = []
    const seen = new Set<string>()
    let cur: string | undefined = code
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur)
      out.push(cur)
      const u = unit.get(cur)
      if (u?.kind === "building" && u.grid !== undefined && u.grid !== u.parent && !seen.has(u.grid)) {
        seen.add(u.grid)
        out.push(u.grid)
      }
      cur = u?.parent
    }
    memo.set(code, out)
    return out
  }
  return {
    units,
    party,
    bodies,
    people,
    memberships,
    unit,
    partyOrg,
    body,
    person,
    above,
    householdUnits,
    householdsOf: (b) => unit.get(b)?.households ?? householdUnits.get(b) ?? 0
  }
}

// ---------------------------------------------------------------------------------------------
// Parsing element by element, so one bad element does not hide the problems of the others

const Shape = z.object({
  units: z.array(z.unknown()),
  party: z.array(z.unknown()).optional(),
  bodies: z.array(z.unknown()).optional(),
  people: z.array(z.unknown()).optional(),
  memberships: z.array(z.unknown()).optional()
})

const parseEach = <S extends z.ZodType>(
  schema: S,
  section: string,
  xs: ReadonlyArray<unknown> | undefined,
  issues: Array<Issue>
): Array<Item<z.infer<S>>> => {
  const out: Array<Item<z.infer<S>>> = []
  ;(xs ?? []).forEach((x, i) => {
    const r = schema.safeParse(x, { reportInput: true })
    if (r.success) out.push({ value: r.data, i })
    else for (const q of fromZodIssues(r.error.issues)) issues.push({ ...q, path: [section, i, ...q.path] })
  })
  return out
}

const list = (xs: Iterable<string>): string => [...xs].join(", ")

/**
 * Parse and check a model: the index of its elements, or every problem found at once (an
 * `InvalidInputError` when the options or the model's outline are unreadable).
 */
export const analyseOrganisation = (
  input: unknown,
  options: unknown
): Result<OrgIndex, InvalidInputError | OrganisationError> => {
  const opts = validate(OrganisationOptions, options)
  if (!opts.ok) return opts
  const shape = validate(Shape, input)
  if (!shape.ok) return shape
  const o = opts.value ?? {}
  const issues: Array<Issue> = []
  const units = parseEach(TerritoryUnit, "units", shape.value.units, issues)
  const party = parseEach(PartyOrg, "party", shape.value.party, issues)
  const bodies = parseEach(Body, "bodies", shape.value.bodies, issues)
  const people = parseEach(Person, "people", shape.value.people, issues)
  const memberships = parseEach(Membership, "memberships", shape.value.memberships, issues)
  const ix = buildIndex(units, party, bodies, people, memberships)
  const skippable = new Set<string>(o.skippableLevels ?? [])

  // Codes: one namespace for units, party organisations and bodies (memberships name any of them).
  const firstAt = new Map<string, string>()
  const claim = (code: string, path: Array<string | number>) => {
    const prev = firstAt.get(code)
    if (prev === undefined) firstAt.set(code, path.slice(0, 2).join("."))
    else
      issues.push(
        issue(
          path,
          "duplicate_code",
          `编码 ${code} 重复（已用于 ${prev}）`,
          `code ${code} is used twice (first at ${prev})`
        )
      )
  }
  for (const { value, i } of units) claim(value.code, ["units", i, "code"])
  for (const { value, i } of party) claim(value.code, ["party", i, "code"])
  for (const { value, i } of bodies) claim(value.code, ["bodies", i, "code"])
  const personAt = new Map<string, number>()
  for (const { value, i } of people) {
    const prev = personAt.get(value.id)
    if (prev === undefined) personAt.set(value.id, i)
    else
      issues.push(
        issue(
          ["people", i, "id"],
          "duplicate_code",
          `人员 ${value.id} 重复（已用于 people.${prev}）`,
          `person ${value.id} is listed twice (first at people.${prev})`
        )
      )
  }

  // Levels: the parent is exactly one level up, unless the levels in between may be skipped.
  const levelCheck = <K extends string>(
    section: string,
    i: number,
    code: string,
    kind: K,
    parentKind: K,
    rank: Record<K, number>,
    parents: Record<K, ReadonlyArray<K>>
  ) => {
    if (parents[kind].includes(parentKind)) return
    const lo = rank[parentKind]
    const hi = rank[kind]
    const between = (Object.keys(rank) as Array<K>).filter((k) => rank[k] > lo && rank[k] < hi)
    const ranks = [...new Set(between.map((k) => rank[k]))]
    const okSkip =
      lo < hi && ranks.every((r) => between.some((k) => rank[k] === r && skippable.has(k))) && ranks.length > 0
    if (okSkip) return
    if (lo < hi)
      issues.push(
        issue(
          [section, i, "parent"],
          "skipped_level",
          `${code}（${kind}）的上级是 ${parentKind}，跳过了 ${list(between)} 层级`,
          `${code} (${kind}) has a ${parentKind} as parent, skipping the level ${list(between)}`
        )
      )
    else
      issues.push(
        issue(
          [section, i, "parent"],
          "wrong_parent_level",
          `${code}（${kind}）的上级须为 ${list(parents[kind]) || "无"}，不能是 ${parentKind}`,
          `${code} (${kind}) must have ${parents[kind].length === 0 ? "no parent" : `a ${parents[kind].join(" or ")} as parent`}, not a ${parentKind}`
        )
      )
  }

  // Cycles in a parent relation: each reported once, at its first member in input order.
  const cycles = <T extends { code: string; parent?: string | undefined }>(
    section: string,
    items: ReadonlyArray<Item<T>>,
    get: (code: string) => T | undefined
  ) => {
    const done = new Set<string>()
    for (const { value } of items) {
      const path: Array<string> = []
      const onPath = new Map<string, number>()
      let cur: string | undefined = value.code
      while (cur !== undefined && !done.has(cur) && !onPath.has(cur)) {
        onPath.set(cur, path.length)
        path.push(cur)
        cur = get(cur)?.parent
      }
      if (cur !== undefined && onPath.has(cur)) {
        const cyc = path.slice(onPath.get(cur))
        const first = items.find((x) => cyc.includes(x.value.code))
        issues.push(
          issue(
            [section, first?.i ?? 0, "parent"],
            "cycle",
            `上级关系成环：${[...cyc, cyc[0]].join(" → ")}`,
            `the parent relation has a cycle: ${[...cyc, cyc[0]].join(" → ")}`
          )
        )
      }
      for (const c of path) done.add(c)
    }
  }

  // Units
  for (const { value: u, i } of units) {
    if (u.parent !== undefined) {
      const p = ix.unit.get(u.parent)
      if (!p)
        issues.push(
          issue(
            ["units", i, "parent"],
            "unknown_parent",
            `${u.code} 的上级 ${u.parent} 不存在`,
            `parent ${u.parent} of ${u.code} does not exist`
          )
        )
      else levelCheck("units", i, u.code, u.kind, p.kind, unitRank, unitParents)
    }
    if (u.grid !== undefined) {
      const g = ix.unit.get(u.grid)
      if (u.kind !== "building")
        issues.push(
          issue(["units", i, "grid"], "grid_not_building", `只有楼栋可指定网格`, `only a building names its grid`)
        )
      else if (g?.kind !== "grid")
        issues.push(
          issue(
            ["units", i, "grid"],
            "unknown_grid",
            `${u.code} 的网格 ${u.grid} 不存在或不是网格`,
            `grid ${u.grid} of ${u.code} does not exist or is not a grid`
          )
        )
      else if (ix.unit.get(u.parent ?? "")?.kind === "grid" && u.parent !== u.grid)
        issues.push(
          issue(
            ["units", i, "grid"],
            "grid_conflict",
            `${u.code} 的上级网格 ${u.parent} 与所填网格 ${u.grid} 不同`,
            `${u.code} is under grid ${u.parent} but names grid ${u.grid}`
          )
        )
    }
    if (u.households !== undefined && u.kind !== "building")
      issues.push(
        issue(
          ["units", i, "households"],
          "households_not_building",
          `只有楼栋填写户数`,
          `only a building carries a household count`
        )
      )
  }
  for (const { value: u, i } of units) {
    const listed = ix.householdUnits.get(u.code)
    if (u.kind === "building" && u.households !== undefined && listed !== undefined && listed !== u.households)
      issues.push(
        issue(
          ["units", i, "households"],
          "household_count_mismatch",
          `${u.code} 填写 ${u.households} 户，但列出了 ${listed} 个户`,
          `${u.code} declares ${u.households} households but ${listed} household units are listed`
        )
      )
  }
  cycles("units", units, (c) => ix.unit.get(c))

  // A grid lies inside one community: the one it belongs to, holding all its buildings.
  const gridCommunities = new Map<string, Set<string>>()
  for (const { value: u } of units) {
    if (u.kind !== "building") continue
    const g = u.grid ?? (ix.unit.get(u.parent ?? "")?.kind === "grid" ? u.parent : undefined)
    if (g === undefined || ix.unit.get(g)?.kind !== "grid") continue
    const viaParent = buildingCommunity(ix, u.code)
    if (viaParent === undefined) continue
    const set = gridCommunities.get(g) ?? new Set<string>()
    set.add(viaParent)
    gridCommunities.set(g, set)
  }
  for (const { value: u, i } of units) {
    if (u.kind !== "grid") continue
    const set = new Set(gridCommunities.get(u.code) ?? [])
    const own = u.parent !== undefined && ix.unit.get(u.parent)?.kind === "community" ? u.parent : undefined
    if (own !== undefined) set.add(own)
    if (set.size > 1)
      issues.push(
        issue(
          ["units", i],
          "grid_spans_communities",
          `网格 ${u.code} 跨越多个社区：${list([...set].sort())}（网格须完整属于一个社区）`,
          `grid ${u.code} spans several communities: ${list([...set].sort())} (a grid lies inside one community)`
        )
      )
  }

  // Territories of party organisations and bodies.
  const territoryCheck = (
    section: string,
    i: number,
    code: string,
    kind: string,
    territory: ReadonlyArray<string>,
    allowed: ReadonlyArray<UnitKind> | undefined
  ) => {
    territory.forEach((t, j) => {
      const u = ix.unit.get(t)
      if (!u)
        issues.push(
          issue(
            [section, i, "territory", j],
            "unknown_territory",
            `${code} 的辖区单元 ${t} 不存在`,
            `territory unit ${t} of ${code} does not exist`
          )
        )
      else if (allowed && !allowed.includes(u.kind))
        issues.push(
          issue(
            [section, i, "territory", j],
            "territory_kind",
            `${code}（${kind}）的辖区须为 ${list(allowed)}，${t} 是 ${u.kind}`,
            `${code} (${kind}) covers ${allowed.join(" or ")} units; ${t} is a ${u.kind}`
          )
        )
    })
  }

  // The rules in force on `asOf`, looked up once and only when a check needs them: a rule
  // missing on that date is one issue, reported once.
  const lookups = new Map<string, RuleLookup<unknown>>()
  const rule = <T>(name: string, fromOptions: T | undefined, lookup: () => RuleLookup<T>): RuleLookup<T> => {
    if (fromOptions !== undefined)
      return { ok: true, value: fromOptions, basis: { kind: "options", option: name }, warnings: [] }
    const hit = lookups.get(name) as RuleLookup<T> | undefined
    if (hit) return hit
    const r = lookup()
    lookups.set(name, r)
    if (!r.ok) issues.push(...r.issues)
    return r
  }
  const branchRule = () =>
    rule("minFullMembersPerBranch", o.minFullMembersPerBranch, () =>
      ruleInForce(branchMinimumFullMembers, o.asOf, "branchMinimumFullMembers", ["options", "asOf"], "error")
    )
  const fullMembers = new Map<string, Set<string>>()
  const seats = new Map<string, Set<string>>()
  const seatRoles = new Set(o.seatRoles ?? ["chair", "viceChair", "member"])

  // Memberships
  const heads = new Map<string, string>()
  const seenMembership = new Set<string>()
  for (const { value: m, i } of memberships) {
    const p = ix.person.get(m.person)
    if (!p)
      issues.push(
        issue(
          ["memberships", i, "person"],
          "unknown_person",
          `人员 ${m.person} 不存在`,
          `person ${m.person} does not exist`
        )
      )
    if (!firstAt.has(m.org))
      issues.push(
        issue(
          ["memberships", i, "org"],
          "unknown_org",
          `组织或单元 ${m.org} 不存在`,
          `organisation or unit ${m.org} does not exist`
        )
      )
    const key = `${m.person}\u0000${m.org}\u0000${m.role}`
    if (seenMembership.has(key))
      issues.push(
        issue(
          ["memberships", i],
          "duplicate_membership",
          `${m.person} 在 ${m.org} 的职务 ${m.role} 重复`,
          `${m.person} holds ${m.role} in ${m.org} twice`
        )
      )
    seenMembership.add(key)
    if (HEADS.has(m.role)) {
      const hk = `${m.org}\u0000${m.role}`
      const prev = heads.get(hk)
      if (prev !== undefined && prev !== m.person)
        issues.push(
          issue(
            ["memberships", i, "role"],
            "multiple_heads",
            `${m.org} 已有 ${m.role}（${prev}），不能再设 ${m.person}`,
            `${m.org} already has a ${m.role} (${prev}); ${m.person} cannot be another`
          )
        )
      else heads.set(hk, m.person)
    }
    if (p?.party === "full") {
      const s = fullMembers.get(m.org) ?? new Set<string>()
      s.add(m.person)
      fullMembers.set(m.org, s)
    }
    if (seatRoles.has(m.role)) {
      const s = seats.get(m.org) ?? new Set<string>()
      s.add(m.person)
      seats.set(m.org, s)
    }
  }

  // Party organisations
  const livesIn = new Map<string, Array<Person>>()
  for (const { value: p } of people) if (p.household !== undefined) push(livesIn, p.household, p)
  for (const { value: g, i } of party) {
    const parent = g.parent === undefined ? undefined : ix.partyOrg.get(g.parent)
    if (g.parent !== undefined && !parent)
      issues.push(
        issue(
          ["party", i, "parent"],
          "unknown_parent",
          `${g.code} 的上级党组织 ${g.parent} 不存在`,
          `parent party organisation ${g.parent} of ${g.code} does not exist`
        )
      )
    if (parent) levelCheck("party", i, g.code, g.kind, parent.kind, partyRank, partyParents)
    else if (g.parent === undefined && partyParents[g.kind].length > 0)
      issues.push(
        issue(
          ["party", i, "parent"],
          "missing_parent",
          `${g.code}（${g.kind}）须有上级党组织（${list(partyParents[g.kind])}）`,
          `${g.code} (${g.kind}) needs a parent party organisation (${partyParents[g.kind].join(" or ")})`
        )
      )
    territoryCheck("party", i, g.code, g.kind, g.territory, partyTerritory[g.kind])
    if (parent && parent.territory.length > 0)
      g.territory.forEach((t, j) => {
        if (!ix.unit.has(t)) return
        const up = ix.above(t)
        if (!parent.territory.some((p) => up.includes(p)))
          issues.push(
            issue(
              ["party", i, "territory", j],
              "outside_parent_territory",
              `${g.code} 的辖区 ${t} 不在上级 ${parent.code} 的辖区内`,
              `territory ${t} of ${g.code} is outside the territory of its parent ${parent.code}`
            )
          )
      })
    if (g.kind === "liaisonHousehold") {
      const h = g.household === undefined ? undefined : ix.unit.get(g.household)
      if (g.household === undefined || !h || h.kind !== "household")
        issues.push(
          issue(
            ["party", i, "household"],
            "liaison_household_unknown",
            `党员中心户 ${g.code} 须指明所在的户`,
            `liaison household ${g.code} must name its household unit`
          )
        )
      else if (!(livesIn.get(h.code) ?? []).some((p) => p.party !== undefined))
        issues.push(
          issue(
            ["party", i, "household"],
            "liaison_without_party_member",
            `党员中心户 ${g.code} 所在户 ${h.code} 没有党员`,
            `liaison household ${g.code}: no party member lives in household ${h.code}`
          )
        )
    } else if (g.household !== undefined)
      issues.push(
        issue(
          ["party", i, "household"],
          "household_not_liaison",
          `只有党员中心户指明所在的户`,
          `only a liaison household names a household unit`
        )
      )
    const minFull = g.kind === "branch" ? branchRule() : undefined
    if (minFull?.ok) {
      const n = fullMembers.get(g.code)?.size ?? 0
      if (n < minFull.value) {
        const cite = formatBasis(minFull.basis)
        // The joint-branch remedy belongs to the national rule, not to a local minimum.
        const joint = minFull.basis.kind === "rule" ? formatCitation(orgCitations.BRANCH_REGULATIONS) : undefined
        issues.push(
          issue(
            ["party", i],
            "branch_too_few_full_members",
            `党支部 ${g.code} 只有 ${n} 名正式党员，少于 ${minFull.value} 名（${cite.zh}${joint ? `；不足 ${minFull.value} 人的可与邻近单位党员联合成立党支部，${joint.zh}` : ""}）`,
            `party branch ${g.code} has ${n} full members, fewer than ${minFull.value} (${cite.en}${joint ? `; with fewer, members join a neighbouring unit's joint branch under ${joint.en}` : ""})`
          )
        )
      }
    }
  }
  cycles("party", party, (c) => ix.partyOrg.get(c))

  // Bodies
  for (const { value: b, i } of bodies) {
    territoryCheck("bodies", i, b.code, b.kind, b.territory, bodyTerritory[b.kind])
    const k = b.kind
    if (k === "residentsCommittee" || k === "villagersCommittee" || k === "ownersCommittee") {
      const size = rule<CommitteeSize>(`committeeSizes.${k}`, o.committeeSizes?.[k], () =>
        ruleInForce(committeeSizeRules[k], o.asOf, `committeeSizeRules.${k}`, ["options", "asOf"], "error")
      )
      if (size.ok) {
        const { min, max, odd } = size.value
        const n = seats.get(b.code)?.size ?? 0
        if (n < min || (max !== undefined && n > max) || (odd && n % 2 === 0)) {
          const cite = formatBasis(size.basis)
          const range = `${min}–${max ?? "∞"}${odd ? "，单数" : ""}`
          const rangeEn = `${min}–${max ?? "∞"}${odd ? ", an odd number" : ""}`
          issues.push(
            issue(
              ["bodies", i],
              "committee_size",
              `${b.code}（${k}）有 ${n} 名委员，应为 ${range}（${cite.zh}）`,
              `${b.code} (${k}) has ${n} seats; the rule is ${rangeEn} (${cite.en})`
            )
          )
        }
      }
    }
  }

  // People
  for (const { value: p, i } of people) {
    if (p.household === undefined) continue
    const h = ix.unit.get(p.household)
    if (h?.kind !== "household")
      issues.push(
        issue(
          ["people", i, "household"],
          "unknown_household",
          `${p.id} 所在户 ${p.household} 不存在或不是户`,
          `household ${p.household} of ${p.id} does not exist or is not a household unit`
        )
      )
  }
  return issues.length > 0 ? err(new OrganisationError(issues)) : ok(ix)
}

const buildingCommunity = (ix: OrgIndex, building: string): string | undefined => {
  // Follow the parent chain only (not the grid link) to the community.
  const seen = new Set<string>()
  let cur = ix.unit.get(building)?.parent
  while (cur !== undefined && !seen.has(cur)) {
    seen.add(cur)
    const u = ix.unit.get(cur)
    if (!u) return undefined
    if (u.kind === "community") return u.code
    cur = u.parent
  }
  return undefined
}

/**
 * Validate an organisation model — territorial units, party organisations, bodies, people and
 * memberships — and report every problem at once: unknown parents, territories, people or
 * organisations; duplicate codes; cycles; skipped levels; a grid spanning communities; a party
 * branch with fewer than three full members (Party Constitution art. 30); a liaison household
 * without a party member; committees of unlawful size (residents' 5–9, villagers' 3–7, owners'
 * 5–11 odd), each with its citation.
 *
 * @example
 * ```ts
 * import { validateOrganisation } from "@jiceng/governance-model"
 * const r = validateOrganisation({
 *   units: [
 *     { code: "S", name: "东山街道", kind: "street" },
 *     { code: "C", name: "东山社区", kind: "community", parent: "S" },
 *     { code: "B1", name: "1号楼", kind: "building", parent: "C", households: 120 }
 *   ]
 * })
 * !r.ok && r.error.issues.map((i) => i.code) //=> ["skipped_level"]
 * ```
 * @since 0.1.0
 * @category organisation
 */
export const validateOrganisation = (
  input: unknown,
  options?: unknown
): Result<Organisation, InvalidInputError | OrganisationError> => {
  const r = analyseOrganisation(input, options)
  if (!r.ok) return r
  const ix = r.value
  return ok({
    units: ix.units.map((x) => x.value),
    party: ix.party.map((x) => x.value),
    bodies: ix.bodies.map((x) => x.value),
    people: ix.people.map((x) => x.value),
    memberships: ix.memberships.map((x) => x.value)
  })
}

/** Append to a list in a map of lists. */
export const push = <K, V>(m: Map<K, Array<V>>, k: K, v: V): void => {
  const l = m.get(k)
  if (l) l.push(v)
  else m.set(k, [v])
}
