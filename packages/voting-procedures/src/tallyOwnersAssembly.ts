import {
  type Citation,
  canonicalJson,
  err,
  InvalidInputError,
  IsoDate,
  type Issue,
  issue,
  meetsThreshold,
  ok,
  type Ratio,
  type Result,
  sha256Hex,
  type ThresholdKind,
  validate
} from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep, ThresholdCheck } from "./Explanation.ts"
import {
  decideAssembly,
  MATTER_NAMES,
  MATTER_TEXT,
  type MatterName,
  type Regime,
  rulesFor,
  selectRegime
} from "./internal/assemblyRules.ts"
import {
  ballotOwner,
  duplicateBallot,
  missingVote,
  normalisedRegister,
  PROXY_RULES,
  proxyCounter,
  proxyWithoutInstruction,
  readRegister,
  unknownOwner
} from "./internal/ballotCounting.ts"
import {
  BUILDING_INTERPRETATION,
  CIVIL_CODE_278,
  GUIDANCE_2009_26,
  PROPERTY_LAW_76,
  SHANGHAI_PROPERTY_18
} from "./internal/citations.ts"
import { formatArea } from "./internal/format.ts"

/**
 * The nine kinds of matter owners decide jointly (Civil Code art. 278 ¶1), by name or by item
 * number 1–9.
 *
 * @example
 * ```ts
 * import { AssemblyMatter } from "@jiceng/voting-procedures"
 * AssemblyMatter.parse(5) //=> "useMaintenanceFunds"
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const AssemblyMatter = z
  .union([z.enum(MATTER_NAMES), z.int().min(1).max(9)])
  .transform((m): MatterName => (typeof m === "number" ? MATTER_NAMES[m - 1]! : m))
/** @since 0.1.0 @category owners-assembly */
export type AssemblyMatter = z.input<typeof AssemblyMatter>

/**
 * One exclusive part (专有部分). `area` is in integer hundredths of a square metre, taken from
 * the register, else the surveyed area, else the contract area (SPC interpretation art. 8).
 *
 * @example
 * ```ts
 * import { AssemblyUnit } from "@jiceng/voting-procedures"
 * AssemblyUnit.parse({ id: "1-101", area: 8_950 }).area //=> 8950
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const AssemblyUnit = z.object({
  id: z.string().min(1),
  area: z.int().nonnegative(),
  areaSource: z.enum(["register", "surveyed", "contract"]).optional()
})
/** @since 0.1.0 @category owners-assembly */
export type AssemblyUnit = z.infer<typeof AssemblyUnit>

/**
 * One owner as the law counts heads: a buyer with several units, or the developer with all
 * its unsold or undelivered units, is ONE owner holding all that area (SPC interpretation
 * art. 9). A unit held jointly is one owner whose `coOwners` may cast its single vote.
 *
 * @example
 * ```ts
 * import { AssemblyOwner } from "@jiceng/voting-procedures"
 * AssemblyOwner.parse({ id: "M", units: [{ id: "1", area: 10_000 }, { id: "2", area: 10_000 }] }).kind //=> "natural"
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const AssemblyOwner = z.object({
  id: z.string().min(1),
  units: z.array(AssemblyUnit).min(1),
  kind: z.enum(["natural", "developer", "organisation"]).default("natural"),
  coOwners: z.array(z.string().min(1)).min(2).optional(),
  representative: z.string().min(1).optional()
})
/** @since 0.1.0 @category owners-assembly */
export type AssemblyOwner = z.infer<typeof AssemblyOwner>

/**
 * One returned ballot (or proxy vote) on the matter. `vote` is the owner's choice, or — when a
 * `proxy` casts it — the principal's written instruction for this item.
 *
 * @example
 * ```ts
 * import { AssemblyBallot } from "@jiceng/voting-procedures"
 * AssemblyBallot.parse({ owner: "P1", proxy: { agent: "P" }, vote: "yes" }).vote //=> "yes"
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const AssemblyBallot = z.object({
  owner: z.string().min(1),
  vote: z.enum(["yes", "no", "abstain", "invalid"]).optional(),
  castBy: z.string().min(1).optional(),
  proxy: z.object({ agent: z.string().min(1) }).optional(),
  channel: z.enum(["meeting", "written", "electronic"]).optional()
})
/** @since 0.1.0 @category owners-assembly */
export type AssemblyBallot = z.infer<typeof AssemblyBallot>

/**
 * The counting choices the law leaves open, each with its documented default
 * (voting-rules.md §7). Non-default `silentOwnerRule` values carry a legal-risk warning.
 *
 * @example
 * ```ts
 * import { AssemblyOptions } from "@jiceng/voting-procedures"
 * AssemblyOptions.parse({}).abstentionCountsAsParticipation //=> true
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const AssemblyOptions = z.object({
  /** A returned 弃权 ballot "参与表决" (default true: our reading; the law is silent). */
  abstentionCountsAsParticipation: z.boolean().default(true),
  /** A spoiled ballot counts towards participation (default false: open question). */
  invalidBallotCountsAsParticipation: z.boolean().default(false),
  /** 从众条款: what happens to owners who did not vote (default "none"). */
  silentOwnerRule: z
    .enum(["none", "followMajorityAfterQuorum", "servedCountsAsParticipatingAndFollowsMajority"])
    .default("none"),
  /** Owners to whom the written consultation was served (for the "served…" silent rule). */
  served: z.array(z.string().min(1)).default([]),
  /** Co-owners of one unit share one vote: who casts it (not regulated nationally). */
  coOwnerPolicy: z
    .enum(["designatedRepresentative", "anyCoOwnerFirstReceived", "conflictInvalid"])
    .default("designatedRepresentative"),
  ...PROXY_RULES,
  /** Force a regime instead of selecting it by decision date. */
  regime: z.enum(["civilCode2021", "propertyLaw2007"]).optional()
})
/** @since 0.1.0 @category owners-assembly */
export type AssemblyOptions = z.input<typeof AssemblyOptions>

/**
 * The input of {@link tallyOwnersAssembly}: the decision date (which selects the law), the
 * matter, the owners register and the ballots in the order they were received.
 *
 * @example
 * ```ts
 * import { AssemblyInput } from "@jiceng/voting-procedures"
 * AssemblyInput.safeParse({ decisionDate: "2024-05-01", matter: 4, owners: [], ballots: [] }).success //=> false
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const AssemblyInput = z.object({
  decisionDate: IsoDate,
  matter: AssemblyMatter,
  owners: z.array(AssemblyOwner).min(1),
  ballots: z.array(AssemblyBallot),
  options: AssemblyOptions.optional()
})
/** @since 0.1.0 @category owners-assembly */
export type AssemblyInput = z.input<typeof AssemblyInput>

/**
 * How one ballot was counted, with a reason code — no ballot is ever dropped silently.
 *
 * @since 0.1.0
 * @category owners-assembly
 */
export interface AssemblyBallotAudit {
  readonly index: number
  readonly owner: string
  readonly counted: "yes" | "no" | "abstain" | "invalid" | "notCounted"
  readonly reason: string
}

/**
 * Headcount and area (0.01 m²) totals of a tally, after the silent-owner rule.
 *
 * @since 0.1.0
 * @category owners-assembly
 */
export interface AssemblyTally {
  readonly owners: number
  readonly area: number
  readonly participatingOwners: number
  readonly participatingArea: number
  readonly yesOwners: number
  readonly yesArea: number
  readonly noOwners: number
  readonly noArea: number
  readonly abstainOwners: number
  readonly abstainArea: number
  readonly invalidOwners: number
  readonly invalidArea: number
  readonly silentOwners: number
  readonly silentArea: number
  /** Silent owners the silent-owner rule added to the participating and majority side. */
  readonly deemedOwners: number
  readonly deemedArea: number
}

/**
 * The decision of an owners' assembly vote.
 *
 * @since 0.1.0
 * @category owners-assembly
 */
export interface AssemblyResult {
  readonly outcome: "passed" | "failed"
  readonly passed: boolean
  readonly regime: Regime
  readonly matter: { readonly name: MatterName; readonly item: number; readonly zh: string; readonly en: string }
  /** Failed tests: `quorum-headcount`, `quorum-area`, `yes-headcount`, `yes-area`. */
  readonly reasons: ReadonlyArray<string>
  readonly checks: ReadonlyArray<ThresholdCheck>
  readonly totals: AssemblyTally
  readonly ballots: ReadonlyArray<AssemblyBallotAudit>
  readonly explanation: ReadonlyArray<ExplanationStep>
  /** Legal-risk flags (non-default silent-owner rule, stale regime lookups). */
  readonly warnings: ReadonlyArray<Issue>
  readonly options: z.output<typeof AssemblyOptions>
  /** sha256 of the canonical JSON of the normalised input: re-run and compare to audit. */
  readonly inputDigest: string
}

type Choice = "yes" | "no" | "abstain" | "invalid"

/**
 * Tallies an owners' assembly (业主大会) decision under Civil Code art. 278 — or, for
 * decisions before 2021-01-01, under Property Law art. 76 and the Property Management
 * Regulation art. 12 — with the statutory counting rules: multi-unit owners and the developer
 * count once with all their area, co-owners share one vote, proxies follow the principal's
 * per-item instruction. Every threshold is compared exactly by cross-multiplication.
 *
 * @example
 * ```ts
 * import { tallyOwnersAssembly } from "@jiceng/voting-procedures"
 * const owners = ["a", "b", "c"].map((id) => ({ id, units: [{ id, area: 10_000 }] }))
 * const r = tallyOwnersAssembly({
 *   decisionDate: "2024-06-01",
 *   matter: "hireManager",
 *   owners,
 *   ballots: [{ owner: "a", vote: "yes" }, { owner: "b", vote: "no" }]
 * })
 * r.ok && r.value.outcome //=> "failed"
 * r.ok && r.value.reasons //=> ["yes-headcount", "yes-area"]
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const tallyOwnersAssembly = (input: unknown): Result<AssemblyResult, InvalidInputError> => {
  const parsed = validate(AssemblyInput, input)
  if (!parsed.ok) return parsed
  const { decisionDate, matter, owners, ballots } = parsed.value
  const options = AssemblyOptions.parse(parsed.value.options ?? {})
  const issues: Array<Issue> = []

  // Register: unique owners and units, safe totals. A representative must be a co-owner, and
  // only the designated-representative policy needs one named.
  const register = readRegister(owners, issues, (o, i) => {
    if (o.representative !== undefined && !(o.coOwners ?? []).includes(o.representative))
      issues.push(
        issue(
          ["owners", i, "representative"],
          "unknown_representative",
          `代表人 ${o.representative} 不是该专有部分的共有人`,
          `representative ${o.representative} is not one of the co-owners`
        )
      )
    if (o.coOwners && options.coOwnerPolicy === "designatedRepresentative" && o.representative === undefined)
      issues.push(
        issue(
          ["owners", i, "representative"],
          "missing_representative",
          "共有专有部分须指定代表人（coOwnerPolicy = designatedRepresentative）",
          "a co-owned unit needs a designated representative (coOwnerPolicy = designatedRepresentative)"
        )
      )
  })
  const { ownerIndex, ownerArea } = register
  options.served.forEach((id, i) => {
    if (!ownerIndex.has(id)) issues.push(unknownOwner(["options", "served", i], id))
  })

  // Ballots: resolve each to a choice for its owner, or a reason it does not count.
  const choiceOf: Array<Choice | undefined> = new Array(owners.length).fill(undefined)
  const castersSeen = new Map<number, Set<string>>()
  const coOwnerBallots = new Map<number, Array<{ index: number; choice: Choice }>>()
  const countProxy = proxyCounter(options.maxProxiesPerAgent)
  const audit: Array<AssemblyBallotAudit> = []
  ballots.forEach((b, index) => {
    const oi = ballotOwner(register, b.owner, index, issues)
    if (oi === undefined) return
    const owner = owners[oi]!
    let choice: Choice
    let reason = "counted"
    if (b.proxy) {
      countProxy(b.proxy.agent, index, issues)
      if (b.vote === undefined) {
        const missing = proxyWithoutInstruction(
          options.proxyMissingInstruction,
          ["ballots", index, "vote"],
          "委托书未载明委托人对本事项的意见",
          "the proxy carries no instruction from the principal for this item",
          issues
        )
        if (missing === undefined) return
        choice = missing
        reason = "proxy-missing-instruction"
      } else {
        choice = b.vote
        reason = "proxy"
      }
    } else if (b.vote === undefined) {
      issues.push(missingVote(index, "vote"))
      return
    } else choice = b.vote

    // Who cast the ballot: an owner casts once, and so does each co-owner or agent. Under the
    // designated-representative policy the unit's one vote is the representative's, in person
    // or through a proxy, so all of those are one caster (SPC interpretation art. 9 counts the
    // unit as one owner). The prefixes keep a co-owner's name from passing for an agent's.
    const isRep = b.proxy !== undefined || b.castBy === owner.representative
    const caster =
      owner.coOwners && options.coOwnerPolicy === "designatedRepresentative" && isRep
        ? "representative"
        : b.proxy
          ? `proxy:${b.proxy.agent}`
          : `person:${b.castBy ?? ""}`
    if (owner.coOwners) {
      if (!b.proxy && (b.castBy === undefined || !owner.coOwners.includes(b.castBy))) {
        issues.push(
          issue(
            ["ballots", index, "castBy"],
            "unknown_co_owner",
            `共有专有部分的选票须由共有人投出（castBy），${b.castBy ?? "未填写"} 不是共有人`,
            `a co-owned unit's ballot must name a co-owner in castBy; ${b.castBy ?? "none given"} is not one`
          )
        )
        return
      }
    }
    const seen = castersSeen.get(oi) ?? new Set<string>()
    if (seen.has(caster) || (!owner.coOwners && seen.size > 0)) {
      issues.push(duplicateBallot(index, b.owner))
      return
    }
    seen.add(caster)
    castersSeen.set(oi, seen)
    if (!owner.coOwners) {
      choiceOf[oi] = choice
      audit.push({ index, owner: b.owner, counted: choice, reason })
      return
    }
    const list = coOwnerBallots.get(oi) ?? []
    list.push({ index, choice })
    coOwnerBallots.set(oi, list)
    if (options.coOwnerPolicy === "designatedRepresentative") {
      if (isRep) {
        choiceOf[oi] = choice
        audit.push({ index, owner: b.owner, counted: choice, reason: "designated-representative" })
      } else audit.push({ index, owner: b.owner, counted: "notCounted", reason: "not-designated-representative" })
    } else if (options.coOwnerPolicy === "anyCoOwnerFirstReceived") {
      if (list.length === 1) {
        choiceOf[oi] = choice
        audit.push({ index, owner: b.owner, counted: choice, reason: "first-co-owner-ballot" })
      } else audit.push({ index, owner: b.owner, counted: "notCounted", reason: "later-co-owner-ballot" })
    } else {
      const conflict = list.some((x) => x.choice !== list[0]!.choice)
      choiceOf[oi] = conflict ? "invalid" : choice
      audit.push({
        index,
        owner: b.owner,
        counted: list.length === 1 ? choice : "notCounted",
        reason: list.length === 1 ? "co-owner-ballot" : conflict ? "co-owner-conflict" : "co-owner-concurring"
      })
    }
  })
  if (issues.length > 0) return err(new InvalidInputError(issues))

  // A conflicting co-owner ballot turns the unit's first audit entry into an invalid vote.
  const audited = audit.map((a) => {
    const oi = ownerIndex.get(a.owner)!
    if (owners[oi]!.coOwners && options.coOwnerPolicy === "conflictInvalid" && a.counted !== "notCounted") {
      return choiceOf[oi] === "invalid" && a.counted !== "invalid"
        ? { ...a, counted: "invalid" as const, reason: "co-owner-conflict" }
        : a
    }
    return a
  })

  const selected = selectRegime(decisionDate, options.regime)
  if (!selected.ok) return selected
  const { regime } = selected.value

  const cols = new Uint8Array(owners.length)
  const served = new Set(options.served)
  const areas = new Float64Array(owners.length)
  owners.forEach((o, i) => {
    areas[i] = ownerArea[i]!
    const c = choiceOf[i]
    cols[i] = c === "yes" ? 1 : c === "no" ? 2 : c === "abstain" ? 3 : c === "invalid" ? 4 : served.has(o.id) ? 5 : 0
  })
  const totals = sumColumns(areas, cols, options, rulesFor(regime, MATTER_NAMES.indexOf(matter) + 1).quorum)!
  const decision = decideAssembly(regime, matter, totals)

  const item = MATTER_NAMES.indexOf(matter) + 1
  const text = MATTER_TEXT[matter]
  const multi = owners.filter((o) => o.units.length > 1 && o.kind !== "developer")
  const developers = owners.filter((o) => o.kind === "developer")
  const steps: Array<ExplanationStep> = [
    regimeStep(regime, decisionDate, options.regime !== undefined),
    {
      code: "matter",
      zh: `表决事项：第 ${item} 项「${text.zh}」${regime === "civilCode2021" ? (item >= 6 && item <= 8 ? "，适用四分之三以上的特别多数" : "，适用过半数规则") : ""}。`,
      en: `Matter: item ${item}, "${text.en}"${regime === "civilCode2021" ? (item >= 6 && item <= 8 ? ", which needs a 3/4 supermajority" : ", decided by simple majority") : ""}.`,
      citation: regime === "civilCode2021" ? { ...CIVIL_CODE_278, article: "art. 278 ¶1" } : PROPERTY_LAW_76
    },
    {
      code: "register",
      zh: `业主总人数 ${totals.owners}，专有部分总面积 ${formatArea(totals.area)} 平方米。${multi.length > 0 ? `${multi.length} 名业主拥有一个以上专有部分，各按一人计算、面积合并计入。` : ""}${developers.length > 0 ? `建设单位未出售或未交付的 ${developers.reduce((n, d) => n + d.units.length, 0)} 个专有部分按一人计算。` : ""}`,
      en: `${totals.owners} owners holding ${formatArea(totals.area)} m² of exclusive area.${multi.length > 0 ? ` ${multi.length} owner(s) hold more than one unit; each counts as one person with all their area.` : ""}${developers.length > 0 ? ` The developer's ${developers.reduce((n, d) => n + d.units.length, 0)} unsold or undelivered unit(s) count as one person.` : ""}`,
      citation: BUILDING_INTERPRETATION
    },
    {
      code: "ballots",
      zh: `计票：同意 ${totals.yesOwners} 人/${formatArea(totals.yesArea)} 平方米，反对 ${totals.noOwners} 人/${formatArea(totals.noArea)}，弃权 ${totals.abstainOwners} 人/${formatArea(totals.abstainArea)}（${options.abstentionCountsAsParticipation ? "计入" : "不计入"}参与表决），无效 ${totals.invalidOwners} 人/${formatArea(totals.invalidArea)}（${options.invalidBallotCountsAsParticipation ? "计入" : "不计入"}参与表决），未表决 ${totals.silentOwners} 人/${formatArea(totals.silentArea)}。`,
      en: `Count: yes ${totals.yesOwners} / ${formatArea(totals.yesArea)} m², no ${totals.noOwners} / ${formatArea(totals.noArea)}, abstain ${totals.abstainOwners} / ${formatArea(totals.abstainArea)} (${options.abstentionCountsAsParticipation ? "counted" : "not counted"} as participating), invalid ${totals.invalidOwners} / ${formatArea(totals.invalidArea)} (${options.invalidBallotCountsAsParticipation ? "counted" : "not counted"} as participating), did not vote ${totals.silentOwners} / ${formatArea(totals.silentArea)}.`,
      citation: SHANGHAI_PROPERTY_18
    }
  ]
  const warnings: Array<Issue> = []
  warnings.push(...selected.value.warnings)
  if (options.silentOwnerRule !== "none") {
    steps.push({
      code: "silent-owners",
      zh: `未表决业主规则「${options.silentOwnerRule}」：${totals.deemedOwners} 人/${formatArea(totals.deemedArea)} 平方米被视为参与并计入多数意见一方。民法典施行后此类条款的效力存在争议。`,
      en: `Silent-owner rule "${options.silentOwnerRule}": ${totals.deemedOwners} owner(s) / ${formatArea(totals.deemedArea)} m² are deemed to participate on the majority side. Such clauses are contested since the Civil Code.`,
      citation: GUIDANCE_2009_26
    })
    warnings.push(
      issue(
        ["options", "silentOwnerRule"],
        "legal_risk_silent_owner_rule",
        "“沉默视为同意/从多数”条款在民法典第二百七十八条下效力存疑，结果可能被法院撤销（民法典第二百八十条）",
        "silent-consent clauses are contested under Civil Code art. 278; a court may revoke the decision (art. 280)"
      )
    )
  }
  steps.push(...decision.steps)

  const normalised = {
    decisionDate,
    matter,
    owners: normalisedRegister(owners),
    ballots,
    options
  }
  return ok({
    outcome: decision.passed ? "passed" : "failed",
    passed: decision.passed,
    regime,
    matter: { name: matter, item, zh: text.zh, en: text.en },
    reasons: decision.reasons,
    checks: decision.checks,
    totals,
    ballots: audited,
    explanation: steps,
    warnings,
    options,
    inputDigest: sha256Hex(canonicalJson(normalised))
  })
}

const regimeStep = (regime: Regime, date: string, forced: boolean): ExplanationStep => {
  const source: Citation = regime === "civilCode2021" ? CIVIL_CODE_278 : PROPERTY_LAW_76
  const how = forced ? { zh: "（由调用方指定）", en: " (set by the caller)" } : { zh: "", en: "" }
  return regime === "civilCode2021"
    ? {
        code: "regime",
        zh: `决定日期 ${date}，适用民法典第二百七十八条（2021年1月1日起施行）${how.zh}。`,
        en: `Decision date ${date}: Civil Code art. 278 applies (in force from 2021-01-01)${how.en}.`,
        citation: source
      }
    : {
        code: "regime",
        zh: `决定日期 ${date}，适用原物权法第七十六条及物业管理条例第十二条（2021年1月1日前）${how.zh}。`,
        en: `Decision date ${date}: the former Property Law art. 76 and Property Management Regulation art. 12 apply (before 2021-01-01)${how.en}.`,
        citation: source
      }
}

/**
 * Sums the per-owner columns. Codes: 0 did not vote, 1 yes, 2 no, 3 abstain, 4 invalid, 5 did
 * not vote but was served the consultation; callers have checked that every code is 0–5. One
 * pass: the hot loop of both the object and the columnar entry points.
 */
export const sumColumns = (
  area: ArrayLike<number>,
  codes: ArrayLike<number>,
  options: z.output<typeof AssemblyOptions>,
  quorum: { readonly threshold: Ratio; readonly kind: ThresholdKind }
): AssemblyTally | undefined => {
  const n = codes.length
  // Branch-free accumulation indexed by vote code, the same shape as a raw summing loop.
  // Codes outside 0–5 land in slots 6–255 (a Uint8Array cannot hold more), so validation
  // costs nothing here: the caller sees `undefined` and looks for the bad entry.
  const sa = new Float64Array(256)
  const sc = new Float64Array(256)
  for (let i = 0; i < n; i++) {
    const v = codes[i]!
    sa[v]! += area[i]!
    sc[v]!++
  }
  if (sc[0]! + sc[1]! + sc[2]! + sc[3]! + sc[4]! + sc[5]! !== n) return undefined
  const a0 = sa[0]!
  const a1 = sa[1]!
  const a2 = sa[2]!
  const a3 = sa[3]!
  const a4 = sa[4]!
  const a5 = sa[5]!
  const c1 = sc[1]!
  const c2 = sc[2]!
  const c3 = sc[3]!
  const c4 = sc[4]!
  const c5 = sc[5]!
  const totalArea = a0 + a1 + a2 + a3 + a4 + a5
  let pOwners = c1 + c2 + (options.abstentionCountsAsParticipation ? c3 : 0)
  let pArea = a1 + a2 + (options.abstentionCountsAsParticipation ? a3 : 0)
  if (options.invalidBallotCountsAsParticipation) {
    pOwners += c4
    pArea += a4
  }
  let yesOwners = c1
  let yesArea = a1
  let noOwners = c2
  let noArea = a2
  let deemedOwners = 0
  let deemedArea = 0
  const silentOwners = n - c1 - c2 - c3 - c4
  const silentArea = a0 + a5
  if (options.silentOwnerRule !== "none") {
    // Only the served silent owners are deemed to take part under the "served" rule; under
    // "followMajorityAfterQuorum" every silent owner follows, but only once a real quorum exists.
    const dOwners = options.silentOwnerRule === "followMajorityAfterQuorum" ? silentOwners : c5
    const dArea = options.silentOwnerRule === "followMajorityAfterQuorum" ? silentArea : a5
    const quorumFirst = options.silentOwnerRule === "followMajorityAfterQuorum"
    const realQuorum =
      meetsThreshold(pOwners, n, quorum.threshold, quorum.kind) &&
      meetsThreshold(pArea, totalArea, quorum.threshold, quorum.kind)
    // The "majority side" must be the majority on both counts; otherwise nobody is deemed.
    const side = c1 > c2 && a1 > a2 ? "yes" : c2 > c1 && a2 > a1 ? "no" : undefined
    if ((!quorumFirst || realQuorum) && dOwners > 0 && side !== undefined) {
      pOwners += dOwners
      pArea += dArea
      deemedOwners = dOwners
      deemedArea = dArea
      if (side === "yes") {
        yesOwners += dOwners
        yesArea += dArea
      } else if (side === "no") {
        noOwners += dOwners
        noArea += dArea
      }
    }
  }
  return {
    owners: n,
    area: totalArea,
    participatingOwners: pOwners,
    participatingArea: pArea,
    yesOwners,
    yesArea,
    noOwners,
    noArea,
    abstainOwners: c3,
    abstainArea: a3,
    invalidOwners: c4,
    invalidArea: a4,
    silentOwners,
    silentArea,
    deemedOwners,
    deemedArea
  }
}
