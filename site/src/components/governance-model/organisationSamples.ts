/**
 * The two models the organisation demo starts from — one valid community, and the same
 * community with six problems that `rollupOrganisation` reports all at once — and the
 * one-entry-per-line JSON the demo's editor shows. Data only; the rules are the library's.
 */
import type { Organisation } from "@jiceng/governance-model"

/**
 * 东山社区: one compound (阳光小区) whose four buildings are split over two grids, 3号楼 with its
 * four households listed (it holds the liaison household), a party committee → compound branch →
 * building group → liaison household chain, a residents' committee of five and a property
 * manager.
 */
export const validCommunity: Organisation = {
  units: [
    { code: "S", name: "东山街道", kind: "street" },
    { code: "C", name: "东山社区", kind: "community", parent: "S" },
    { code: "Y", name: "阳光小区", kind: "compound", parent: "C" },
    { code: "G1", name: "第一网格", kind: "grid", parent: "C" },
    { code: "G2", name: "第二网格", kind: "grid", parent: "C" },
    { code: "B1", name: "1号楼", kind: "building", parent: "Y", grid: "G1", households: 180 },
    { code: "B2", name: "2号楼", kind: "building", parent: "Y", grid: "G1", households: 150 },
    { code: "B3", name: "3号楼", kind: "building", parent: "Y", grid: "G2" },
    { code: "B3-101", name: "101室", kind: "household", parent: "B3" },
    { code: "B3-102", name: "102室", kind: "household", parent: "B3" },
    { code: "B3-201", name: "201室", kind: "household", parent: "B3" },
    { code: "B3-202", name: "202室", kind: "household", parent: "B3" },
    { code: "B4", name: "4号楼", kind: "building", parent: "G2", households: 200 }
  ],
  party: [
    { code: "PC", name: "东山社区党委", kind: "partyCommittee", territory: ["C"] },
    { code: "PB", name: "阳光小区党支部", kind: "branch", parent: "PC", territory: ["Y"] },
    { code: "PG", name: "3号楼党小组", kind: "group", parent: "PB", territory: ["B3"] },
    {
      code: "PL",
      name: "王家党员中心户",
      kind: "liaisonHousehold",
      parent: "PG",
      territory: ["B3"],
      household: "B3-101"
    }
  ],
  bodies: [
    { code: "RC", name: "东山社区居委会", kind: "residentsCommittee", territory: ["C"] },
    { code: "PM", name: "阳光物业", kind: "propertyManager", territory: ["Y"] }
  ],
  people: [
    { id: "p1", name: "王", household: "B3-101", party: "full" },
    { id: "p2", name: "李", household: "B3-102", party: "full" },
    { id: "p3", name: "张", household: "B3-201", party: "full" },
    { id: "p4", name: "赵", household: "B3-202", party: "probationary" },
    { id: "p5", name: "陈" },
    { id: "p6", name: "刘" }
  ],
  memberships: [
    { person: "p1", org: "PB", role: "secretary" },
    { person: "p2", org: "PB", role: "member" },
    { person: "p3", org: "PB", role: "member" },
    { person: "p1", org: "RC", role: "chair" },
    { person: "p2", org: "RC", role: "viceChair" },
    { person: "p3", org: "RC", role: "member" },
    { person: "p5", org: "RC", role: "member" },
    { person: "p6", org: "RC", role: "member" }
  ]
}

/**
 * The same community with six problems: 2号楼 hangs directly under the community (skipping the
 * compound level), 4号楼 names a grid that does not exist, a building of another community is
 * put in 第二网格, the branch keeps only two full members, the residents' committee has four
 * seats, and the property manager reuses the compound's code.
 */
export const brokenCommunity: Organisation = {
  ...validCommunity,
  units: [
    ...validCommunity.units.map((u) =>
      u.code === "B2" ? { ...u, parent: "C" } : u.code === "B4" ? { ...u, parent: "G9" } : u
    ),
    { code: "C2", name: "西山社区", kind: "community", parent: "S" },
    { code: "Y2", name: "西山小区", kind: "compound", parent: "C2" },
    { code: "B5", name: "西山5号楼", kind: "building", parent: "Y2", grid: "G2", households: 90 }
  ],
  bodies: (validCommunity.bodies ?? []).map((b) => (b.code === "PM" ? { ...b, code: "Y" } : b)),
  memberships: (validCommunity.memberships ?? []).filter((m) => m.person !== "p3")
}

const line = (value: unknown): string => {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value)
  const fields = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`)
  return `{ ${fields.join(", ")} }`
}

/** A model as JSON with one element per line, so a reader can find and edit one building. */
export const formatModel = (model: Organisation): string => {
  const sections = Object.entries(model).map(([key, items]) => {
    const rows = (items as ReadonlyArray<unknown>).map((x) => `    ${line(x)}`)
    return `  ${JSON.stringify(key)}: [\n${rows.join(",\n")}\n  ]`
  })
  return `{\n${sections.join(",\n")}\n}`
}
