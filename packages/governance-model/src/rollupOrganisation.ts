import { type InvalidInputError, ok, type Result } from "@jiceng/core"
import type { OrganisationError } from "./errors.ts"
import { analyseOrganisation, type BodyKind, type PartyOrgKind, push, type UnitKind } from "./organisation.ts"

/**
 * Totals of one territorial unit. `households` and `buildings` count the buildings inside it
 * (a grid counts the buildings that name it); `residents` and the party counts are people whose
 * household lies inside it; `liaisonHouseholds` counts the 党员中心户 serving any of it.
 *
 * @since 0.1.0
 * @category organisation
 */
export interface UnitTotals {
  readonly code: string
  readonly kind: UnitKind
  readonly households: number
  readonly buildings: number
  readonly residents: number
  readonly partyMembers: number
  readonly fullPartyMembers: number
  readonly liaisonHouseholds: number
}

/**
 * Totals of one party organisation or body: its direct members (distinct people), how many of
 * them are full party members, the households and buildings its territory covers, and (party
 * organisations) the liaison households at or below it.
 *
 * @since 0.1.0
 * @category organisation
 */
export interface OrgTotals {
  readonly code: string
  readonly kind: PartyOrgKind | BodyKind
  readonly members: number
  readonly fullPartyMembers: number
  readonly households: number
  readonly buildings: number
  readonly liaisonHouseholds: number
}

/**
 * The rollup of an organisation model, in input order.
 *
 * @since 0.1.0
 * @category organisation
 */
export interface OrganisationRollup {
  readonly units: ReadonlyArray<UnitTotals>
  readonly party: ReadonlyArray<OrgTotals>
  readonly bodies: ReadonlyArray<OrgTotals>
  readonly totals: {
    readonly households: number
    readonly buildings: number
    readonly people: number
    readonly partyMembers: number
    readonly fullPartyMembers: number
    readonly liaisonHouseholds: number
  }
}

/**
 * Validate an organisation model (as {@link validateOrganisation}) and roll it up: households,
 * buildings, residents, party members and liaison households per unit (so per building, grid,
 * compound, community …), and members and coverage per party organisation and body.
 *
 * @example
 * ```ts
 * import { rollupOrganisation } from "@jiceng/governance-model"
 * const r = rollupOrganisation({
 *   units: [
 *     { code: "C", name: "东山社区", kind: "community" },
 *     { code: "G1", name: "一网格", kind: "grid", parent: "C" },
 *     { code: "B1", name: "1号楼", kind: "building", parent: "G1", households: 120 },
 *     { code: "B2", name: "2号楼", kind: "building", parent: "G1", households: 80 }
 *   ]
 * })
 * r.ok && r.value.units.map((u) => u.households) //=> [200, 200, 120, 80]
 * ```
 * @since 0.1.0
 * @category organisation
 */
export const rollupOrganisation = (
  input: unknown,
  options?: unknown
): Result<OrganisationRollup, InvalidInputError | OrganisationError> => {
  const r = analyseOrganisation(input, options)
  if (!r.ok) return r
  const ix = r.value

  const unitAcc = new Map<string, { h: number; b: number; res: number; pm: number; full: number; lh: number }>()
  for (const { value } of ix.units) unitAcc.set(value.code, { h: 0, b: 0, res: 0, pm: 0, full: 0, lh: 0 })

  // Which party organisations and bodies cover each unit directly.
  const coveredBy = new Map<string, Array<string>>()
  const orgAcc = new Map<string, { h: number; b: number; lastB: string; members: Set<string>; full: number }>()
  for (const { value } of [...ix.party, ...ix.bodies]) {
    orgAcc.set(value.code, { h: 0, b: 0, lastB: "", members: new Set(), full: 0 })
    for (const t of new Set(value.territory)) push(coveredBy, t, value.code)
  }

  let households = 0
  let buildings = 0
  for (const { value: u } of ix.units) {
    if (u.kind !== "building") continue
    const h = ix.householdsOf(u.code)
    households += h
    buildings++
    for (const a of ix.above(u.code)) {
      const acc = unitAcc.get(a)
      if (acc) {
        acc.h += h
        acc.b++
      }
      for (const o of coveredBy.get(a) ?? []) {
        const oa = orgAcc.get(o)
        if (oa && oa.lastB !== u.code) {
          oa.lastB = u.code
          oa.h += h
          oa.b++
        }
      }
    }
  }
  // A household unit counts once for itself; an organisation covering only that household (a
  // liaison household serving a few doors) counts it unless it already covers its building.
  for (const { value: u } of ix.units) {
    if (u.kind !== "household") continue
    const acc = unitAcc.get(u.code)
    if (acc) acc.h = 1
    const up = ix.above(u.code).slice(1)
    for (const o of coveredBy.get(u.code) ?? []) {
      const oa = orgAcc.get(o)
      const g = ix.partyOrg.get(o) ?? ix.body.get(o)
      if (oa && g && !g.territory.some((t) => up.includes(t))) oa.h++
    }
  }

  let partyMembers = 0
  let fullPartyMembers = 0
  for (const { value: p } of ix.people) {
    if (p.party !== undefined) partyMembers++
    if (p.party === "full") fullPartyMembers++
    if (p.household === undefined) continue
    for (const a of ix.above(p.household)) {
      const acc = unitAcc.get(a)
      if (!acc) continue
      acc.res++
      if (p.party !== undefined) acc.pm++
      if (p.party === "full") acc.full++
    }
  }

  const children = new Map<string, Array<string>>()
  for (const { value: u } of ix.units) if (u.parent !== undefined) push(children, u.parent, u.code)
  let liaison = 0
  const liaisonBelow = new Map<string, number>()
  for (const { value: g } of ix.party) {
    if (g.kind !== "liaisonHousehold") continue
    liaison++
    const units = new Set<string>()
    for (const t of g.territory) for (const a of ix.above(t)) units.add(a)
    // The liaison also serves the households below the buildings it names.
    const stack = [...g.territory]
    for (let t = stack.pop(); t !== undefined; t = stack.pop())
      for (const c of children.get(t) ?? [])
        if (!units.has(c)) {
          units.add(c)
          stack.push(c)
        }
    for (const c of units) {
      const acc = unitAcc.get(c)
      if (acc) acc.lh++
    }
    const seen = new Set<string>()
    let cur: string | undefined = g.code
    while (cur !== undefined && !seen.has(cur)) {
      seen.add(cur)
      liaisonBelow.set(cur, (liaisonBelow.get(cur) ?? 0) + 1)
      cur = ix.partyOrg.get(cur)?.parent
    }
  }

  for (const { value: m } of ix.memberships) {
    const oa = orgAcc.get(m.org)
    if (!oa || oa.members.has(m.person)) continue
    oa.members.add(m.person)
    if (ix.person.get(m.person)?.party === "full") oa.full++
  }

  const orgTotals = (code: string, kind: PartyOrgKind | BodyKind): OrgTotals => {
    const oa = orgAcc.get(code)
    return {
      code,
      kind,
      members: oa?.members.size ?? 0,
      fullPartyMembers: oa?.full ?? 0,
      households: oa?.h ?? 0,
      buildings: oa?.b ?? 0,
      liaisonHouseholds: liaisonBelow.get(code) ?? 0
    }
  }

  return ok({
    units: ix.units.map(({ value: u }) => {
      const acc = unitAcc.get(u.code)
      return {
        code: u.code,
        kind: u.kind,
        households: acc?.h ?? 0,
        buildings: acc?.b ?? 0,
        residents: acc?.res ?? 0,
        partyMembers: acc?.pm ?? 0,
        fullPartyMembers: acc?.full ?? 0,
        liaisonHouseholds: acc?.lh ?? 0
      }
    }),
    party: ix.party.map(({ value }) => orgTotals(value.code, value.kind)),
    bodies: ix.bodies.map(({ value }) => ({ ...orgTotals(value.code, value.kind), liaisonHouseholds: 0 })),
    totals: {
      households,
      buildings,
      people: ix.people.length,
      partyMembers,
      fullPartyMembers,
      liaisonHouseholds: liaison
    }
  })
}
