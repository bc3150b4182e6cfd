// The owners' register and ballot-counting rules that the owners' assembly tally and the
// owners' committee election share (SPC building interpretation art. 9: one owner, however many
// units, counts once with all their area). Each caller keeps its own order of checks, because
// the order of the issues it reports is part of its output; this module holds the rules and
// their bilingual texts so that both procedures count and word them the same way.
import { type Issue, issue } from "@jiceng/core"
import * as z from "zod"

type Path = ReadonlyArray<string | number>

/** What the register rules need of an owner: both procedures use the `AssemblyOwner` schema. */
interface RegisterOwner {
  readonly id: string
  readonly units: ReadonlyArray<{ readonly id: string; readonly area: number }>
}

/** The proxy rules, with the same defaults in both option schemas (voting-rules.md §7). */
export const PROXY_RULES = {
  /** A proxy vote that carries no instruction from the principal on what is being decided. */
  proxyMissingInstruction: z.enum(["abstain", "invalid", "reject"]).default("abstain"),
  /** How many principals one agent may represent (national law sets no limit). */
  maxProxiesPerAgent: z.int().positive().optional()
}

export type MissingInstructionPolicy = z.output<typeof PROXY_RULES.proxyMissingInstruction>

export interface Register {
  /** Register position of each owner id (the later one when an id is listed twice). */
  readonly ownerIndex: ReadonlyMap<string, number>
  /** Each owner's exclusive area, all their units together, in register order. */
  readonly ownerArea: ReadonlyArray<number>
  readonly totalArea: number
  readonly unitCount: number
}

/**
 * Reads the owners register: one owner and one unit per id, each owner's area summed over their
 * units, and a total that stays exact and non-zero. `checkOwner` runs the caller's own checks
 * of an owner (the co-owned unit's representative rules differ between the procedures) right
 * after that owner's unit checks, so its issues land where both procedures always put them.
 */
export const readRegister = <O extends RegisterOwner>(
  owners: ReadonlyArray<O>,
  issues: Array<Issue>,
  checkOwner: (o: O, i: number) => void
): Register => {
  const ownerIndex = new Map<string, number>()
  const unitSeen = new Set<string>()
  const ownerArea: Array<number> = []
  let totalArea = 0
  let unitCount = 0
  owners.forEach((o, i) => {
    if (ownerIndex.has(o.id))
      issues.push(
        issue(["owners", i, "id"], "duplicate_owner", `业主 ${o.id} 重复登记`, `owner ${o.id} is listed twice`)
      )
    ownerIndex.set(o.id, i)
    let a = 0
    o.units.forEach((u, j) => {
      if (unitSeen.has(u.id))
        issues.push(
          issue(
            ["owners", i, "units", j, "id"],
            "duplicate_unit",
            `专有部分 ${u.id} 登记在多个业主名下`,
            `unit ${u.id} is registered to more than one owner`
          )
        )
      unitSeen.add(u.id)
      a += u.area
    })
    unitCount += o.units.length
    ownerArea.push(a)
    totalArea += a
    checkOwner(o, i)
  })
  if (!Number.isSafeInteger(totalArea))
    issues.push(issue(["owners"], "area_overflow", "总面积超出可精确计算的范围", "total area exceeds the exact range"))
  if (totalArea === 0)
    issues.push(issue(["owners"], "zero_area", "专有部分总面积为零", "the total exclusive area is zero"))
  return { ownerIndex, ownerArea, totalArea, unitCount }
}

/** The issue for an owner id that is not on the register. */
export const unknownOwner = (path: Path, owner: string): Issue =>
  issue(path, "unknown_owner", `未登记的业主 ${owner}`, `unknown owner ${owner}`)

/** The issue for a name that is not on the candidate list (every procedure and method words it so). */
export const unknownCandidate = (path: Path, candidate: string): Issue =>
  issue(path, "unknown_candidate", `未知候选人 ${candidate}`, `unknown candidate ${candidate}`)

/** The register position of a ballot's owner, or `undefined` with an `unknown_owner` issue. */
export const ballotOwner = (
  register: Register,
  owner: string,
  index: number,
  issues: Array<Issue>
): number | undefined => {
  const oi = register.ownerIndex.get(owner)
  if (oi === undefined) issues.push(unknownOwner(["ballots", index, "owner"], owner))
  return oi
}

/** The issue for a second ballot of an owner who has already voted. */
export const duplicateBallot = (index: number, owner: string): Issue =>
  issue(["ballots", index, "owner"], "duplicate_ballot", `业主 ${owner} 重复投票`, `owner ${owner} has already voted`)

/** The issue for an owner's own ballot (not a proxy's) that records no vote in `field`. */
export const missingVote = (index: number, field: string): Issue =>
  issue(["ballots", index, field], "missing_vote", "选票未载明表决意见", "the ballot carries no vote")

/**
 * Counts each agent's principals in the order the ballots were received. The ballot that takes
 * an agent over `max` is reported but still read on, so one pass finds all its problems.
 */
export const proxyCounter = (max: number | undefined) => {
  const held = new Map<string, number>()
  return (agent: string, index: number, issues: Array<Issue>): void => {
    const n = (held.get(agent) ?? 0) + 1
    held.set(agent, n)
    if (max !== undefined && n > max)
      issues.push(
        issue(
          ["ballots", index, "proxy", "agent"],
          "proxy_limit_exceeded",
          `代理人 ${agent} 代理的业主超过 ${max} 人`,
          `agent ${agent} holds more than ${max} proxies`
        )
      )
  }
}

/**
 * A proxy vote without the principal's instruction: under `reject` an input error (the texts
 * name what the instruction was for, which differs between the procedures) and `undefined`;
 * otherwise how it counts, an abstention or an invalid vote.
 */
export const proxyWithoutInstruction = (
  policy: MissingInstructionPolicy,
  path: Path,
  zh: string,
  en: string,
  issues: Array<Issue>
): "abstain" | "invalid" | undefined => {
  if (policy === "reject") {
    issues.push(issue(path, "proxy_missing_instruction", zh, en))
    return undefined
  }
  return policy
}

/** Orders strings by UTF-16 code units (not locale), so results and digests do not depend on the machine. */
export const compareCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Orders by `id`, by UTF-16 code units (see {@link compareCodeUnits}). */
export const byId = <T extends { readonly id: string }>(a: T, b: T): number => compareCodeUnits(a.id, b.id)

/** The register as the input digests hash it: owners and their units in id order. */
export const normalisedRegister = <O extends RegisterOwner>(owners: ReadonlyArray<O>): Array<O> =>
  [...owners].sort(byId).map((o) => ({ ...o, units: [...o.units].sort(byId) }))
