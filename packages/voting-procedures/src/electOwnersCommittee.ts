import {
  Citation,
  canonicalJson,
  err,
  InvalidInputError,
  IsoDate,
  type Issue,
  issue,
  meetsThreshold,
  ok,
  Ratio,
  type Result,
  sha256Hex,
  validate,
  valueAt
} from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep, ThresholdCheck } from "./Explanation.ts"
import { type Regime, rulesFor, selectRegime } from "./internal/assemblyRules.ts"
import {
  ballotOwner,
  byId,
  compareCodeUnits,
  duplicateBallot,
  missingVote,
  normalisedRegister,
  PROXY_RULES,
  proxyCounter,
  proxyWithoutInstruction,
  readRegister,
  unknownCandidate
} from "./internal/ballotCounting.ts"
import { check, kindEn, kindZh } from "./internal/check.ts"
import {
  BEIJING_PROPERTY_39,
  BUILDING_INTERPRETATION,
  CIVIL_CODE_278,
  GUIDANCE_2009_31,
  HANGZHOU_LINAN_CANDIDATES,
  LOCAL_ALTERNATES,
  PROPERTY_LAW_76,
  SHANGHAI_PROPERTY_18
} from "./internal/citations.ts"
import {
  type CommitteeSizeRule,
  minimumSize,
  SIZE_RULE_NAMES,
  SIZE_RULES,
  type SizeRuleName,
  sizeAllowed
} from "./internal/committeeSize.ts"
import { formatArea } from "./internal/format.ts"
import { AssemblyOwner } from "./tallyOwnersAssembly.ts"

/**
 * A candidate for the owners' committee. `owner` is the register id of the owner they are (or
 * represent, for an organisation); it defaults to `id`. `attributes` are facts the screens and
 * composition targets look at, e.g. `"partyMember"` or `"dishonestDebtor"`.
 *
 * @example
 * ```ts
 * import { CommitteeCandidate } from "@jiceng/voting-procedures"
 * CommitteeCandidate.parse({ id: "Wang", attributes: ["partyMember"] }).attributes //=> ["partyMember"]
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const CommitteeCandidate = z.object({
  id: z.string().min(1),
  owner: z.string().min(1).optional(),
  attributes: z.array(z.string().min(1)).default([])
})
/** @since 0.1.0 @category owners-committee */
export type CommitteeCandidate = z.input<typeof CommitteeCandidate>

/**
 * One entry of the candidate exclusion list (负面清单): a candidate carrying `attribute` may not
 * stand (a hard exclusion — the "一票否决" of policy writing), with the reason in both languages
 * and its source.
 *
 * @example
 * ```ts
 * import { CandidateExclusion } from "@jiceng/voting-procedures"
 * CandidateExclusion.parse({ attribute: "arrears", zh: "欠缴物业费", en: "owes service fees" }).attribute //=> "arrears"
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const CandidateExclusion = z.object({
  attribute: z.string().min(1),
  zh: z.string().min(1),
  en: z.string().min(1),
  citation: Citation.optional()
})
/** @since 0.1.0 @category owners-committee */
export type CandidateExclusion = z.infer<typeof CandidateExclusion>

/**
 * The default exclusion list: no full civil capacity (2009 Guidance Rules art. 31), on the
 * dishonest-judgment-debtor list (失信被执行人) and a direct interest with the property company
 * (Beijing art. 39), a criminal record or a pending criminal investigation (Hangzhou Lin'an, a
 * local rule). Replace it through `rules.exclusions` to apply another locality's list.
 *
 * @example
 * ```ts
 * import { DEFAULT_CANDIDATE_EXCLUSIONS } from "@jiceng/voting-procedures"
 * DEFAULT_CANDIDATE_EXCLUSIONS.map((e) => e.attribute)
 * //=> ["lacksCivilCapacity", "dishonestDebtor", "propertyCompanyInterest", "criminalRecord", "underInvestigation"]
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const DEFAULT_CANDIDATE_EXCLUSIONS: ReadonlyArray<CandidateExclusion> = [
  {
    attribute: "lacksCivilCapacity",
    zh: "不具有完全民事行为能力",
    en: "lacks full civil capacity",
    citation: GUIDANCE_2009_31
  },
  {
    attribute: "dishonestDebtor",
    zh: "被列为失信被执行人",
    en: "is on the dishonest-judgment-debtor list",
    citation: BEIJING_PROPERTY_39
  },
  {
    attribute: "propertyCompanyInterest",
    zh: "本人、配偶及其直系亲属与物业服务人有直接利害关系",
    en: "has (or a spouse or direct relative has) a direct interest in the property-service company",
    citation: BEIJING_PROPERTY_39
  },
  {
    attribute: "criminalRecord",
    zh: "有刑事犯罪记录",
    en: "has a criminal record",
    citation: HANGZHOU_LINAN_CANDIDATES
  },
  {
    attribute: "underInvestigation",
    zh: "正在被立案侦查",
    en: "is under criminal investigation",
    citation: HANGZHOU_LINAN_CANDIDATES
  }
]

/**
 * A composition target, e.g. "party members are at least half of the committee" (Shenzhen
 * 2022, "一般不低于50%"). Targets are REPORTED as met or not; they never change who is elected.
 *
 * @example
 * ```ts
 * import { CompositionTarget } from "@jiceng/voting-procedures"
 * CompositionTarget.parse({ code: "party", attribute: "partyMember", share: { numerator: 1, denominator: 2 } }).of //=> "elected"
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const CompositionTarget = z.object({
  code: z.string().min(1),
  attribute: z.string().min(1),
  share: Ratio,
  kind: z.enum(["atLeast", "moreThan"]).default("atLeast"),
  /** Measured over the elected members, or over the candidates who passed the screens. */
  of: z.enum(["elected", "candidates"]).default("elected"),
  citation: Citation.optional()
})
/** @since 0.1.0 @category owners-committee */
export type CompositionTarget = z.input<typeof CompositionTarget>

/**
 * One owner's returned ballot: the candidates marked in favour (`choices`), or — when a `proxy`
 * casts it — the principal's written instruction. A co-owned unit's ballot is cast by its
 * designated representative (`castBy`).
 *
 * @example
 * ```ts
 * import { CommitteeBallot } from "@jiceng/voting-procedures"
 * CommitteeBallot.parse({ owner: "r1", choices: ["Wang", "Li"] }).spoiled //=> false
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const CommitteeBallot = z.object({
  owner: z.string().min(1),
  choices: z.array(z.string().min(1)).optional(),
  /** Unreadable or otherwise spoiled: an invalid ballot. */
  spoiled: z.boolean().default(false),
  castBy: z.string().min(1).optional(),
  proxy: z.object({ agent: z.string().min(1) }).optional()
})
/** @since 0.1.0 @category owners-committee */
export type CommitteeBallot = z.input<typeof CommitteeBallot>

/**
 * The choices the law leaves open for an owners' committee election, each with its documented
 * default (voting-rules.md §1.6 and §7).
 *
 * @example
 * ```ts
 * import { OwnersCommitteeRules } from "@jiceng/voting-procedures"
 * const r = OwnersCommitteeRules.parse({})
 * r.sizeRule //=> "national2009"
 * r.overvote //=> "invalid"
 * r.alternateLine //=> { numerator: 1, denominator: 2 }
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const OwnersCommitteeRules = z.object({
  /** Committee-size rules: national 2009 Guidance Rules (default), Beijing, Shanghai or Hangzhou. */
  sizeRule: z.enum(SIZE_RULE_NAMES).default("national2009"),
  /** Households, for the small-estate exception; defaults to the number of units in the register. */
  households: z.int().positive().optional(),
  /** A ballot marking more names than seats: an invalid ballot (default) or an input error. */
  overvote: z.enum(["invalid", "reject"]).default("invalid"),
  /** Order among candidates over the line when there are more than seats (not regulated). */
  ranking: z.enum(["headcountThenArea", "areaThenHeadcount"]).default("headcountThenArea"),
  /** Unelected candidates at or above this share of participants (both counts) become alternates. */
  alternateLine: Ratio.default({ numerator: 1, denominator: 2 }),
  /** The exclusion list applied to every candidate. */
  exclusions: z.array(CandidateExclusion).default([...DEFAULT_CANDIDATE_EXCLUSIONS]),
  /** Candidates must be owners in the register (Beijing art. 39). */
  requireOwner: z.boolean().default(true),
  /** Reported, never enforced. Default none (the 50% seen locally is a soft target). */
  compositionTargets: z.array(CompositionTarget).default([]),
  /** Members needed for a committee with vacancies; default the smallest lawful size for the estate. */
  minMembersToForm: z.int().positive().optional(),
  /** A blank ballot "参与表决" (default true, as for abstentions in the assembly tally). */
  blankCountsAsParticipation: z.boolean().default(true),
  /** A spoiled or overvoted ballot counts towards participation (default false: open question). */
  invalidBallotCountsAsParticipation: z.boolean().default(false),
  ...PROXY_RULES,
  /** Force a regime instead of selecting it by election date. */
  regime: z.enum(["civilCode2021", "propertyLaw2007"]).optional()
})
/** @since 0.1.0 @category owners-committee */
export type OwnersCommitteeRules = z.input<typeof OwnersCommitteeRules>

/**
 * Input of {@link electOwnersCommittee}: the election date, seats and alternate places, the
 * owners register, the candidates, the ballots and — when a re-vote or a drawing of lots has
 * settled a tie — its order.
 *
 * @example
 * ```ts
 * import { OwnersCommitteeInput } from "@jiceng/voting-procedures"
 * OwnersCommitteeInput.safeParse({ electionDate: "2024-06-01", seats: 5, owners: [], candidates: [], ballots: [] }).success //=> false
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const OwnersCommitteeInput = z.object({
  electionDate: IsoDate,
  seats: z.int().positive(),
  alternateSeats: z.int().nonnegative().default(0),
  owners: z.array(AssemblyOwner).min(1),
  candidates: z.array(CommitteeCandidate).min(1),
  ballots: z.array(CommitteeBallot),
  tieResolution: z.object({ method: z.enum(["revote", "lot"]), order: z.array(z.string().min(1)).min(1) }).optional(),
  rules: OwnersCommitteeRules.optional()
})
/** @since 0.1.0 @category owners-committee */
export type OwnersCommitteeInput = z.input<typeof OwnersCommitteeInput>

/**
 * What happened to one candidate, with reason codes (`excluded:<attribute>`, `not-owner`,
 * `yes-headcount`, `yes-area`, `outranked`, `tie`, `no-quorum`).
 *
 * @since 0.1.0
 * @category owners-committee
 */
export interface CandidateOutcome {
  readonly candidate: string
  readonly status: "elected" | "alternate" | "tied" | "notElected" | "excluded"
  readonly reasons: ReadonlyArray<string>
  readonly yesOwners: number
  readonly yesArea: number
  readonly checks: ReadonlyArray<ThresholdCheck>
}

/**
 * The result of {@link electOwnersCommittee}.
 *
 * @since 0.1.0
 * @category owners-committee
 */
export interface OwnersCommitteeResult {
  /** `complete`; `vacancies` (formed, seats left for a by-election); `belowMinimum`; `tieUnresolved`; `noQuorum`. */
  readonly status: "complete" | "vacancies" | "belowMinimum" | "tieUnresolved" | "noQuorum"
  readonly regime: Regime
  /** Elected members in rank order. */
  readonly elected: ReadonlyArray<{ readonly candidate: string; readonly yesOwners: number; readonly yesArea: number }>
  /** Alternates (候补委员) in the order they would fill vacancies. */
  readonly alternates: ReadonlyArray<{
    readonly candidate: string
    readonly yesOwners: number
    readonly yesArea: number
  }>
  readonly vacancies: number
  /** Candidates tied at the last seat (or alternate place) awaiting a re-vote or lot. */
  readonly tied: ReadonlyArray<string>
  readonly candidates: ReadonlyArray<CandidateOutcome>
  readonly sizeRule: {
    readonly name: SizeRuleName
    readonly rule: CommitteeSizeRule
    readonly minimumForEstate: number
    readonly citation: Citation
  }
  readonly totals: {
    readonly owners: number
    readonly area: number
    readonly participatingOwners: number
    readonly participatingArea: number
    readonly validBallots: number
    readonly blankBallots: number
    readonly invalidBallots: number
    readonly silentOwners: number
  }
  readonly ballots: ReadonlyArray<{
    readonly index: number
    readonly owner: string
    readonly counted: "valid" | "blank" | "invalid"
    readonly reason: string
  }>
  readonly composition: ReadonlyArray<{
    readonly code: string
    readonly attribute: string
    readonly of: "elected" | "candidates"
    readonly met: boolean
    readonly check: ThresholdCheck
  }>
  /** Everything that fell short: `quorum-headcount`, `quorum-area`, `tie`, `seats-unfilled`, `below-minimum`, `alternate-tie`, `composition-not-met:<code>`. */
  readonly reasons: ReadonlyArray<string>
  readonly checks: ReadonlyArray<ThresholdCheck>
  readonly explanation: ReadonlyArray<ExplanationStep>
  readonly warnings: ReadonlyArray<Issue>
  readonly rules: z.output<typeof OwnersCommitteeRules>
  /** sha256 of the canonical JSON of the normalised input (ballot and register order do not matter). */
  readonly inputDigest: string
}

interface Entry {
  readonly id: string
  readonly yesOwners: number
  readonly yesArea: number
}

/**
 * Takes `k` entries from a ranked list. A group tied on both counts that straddles the cut is
 * either ordered by the caller's re-vote or lot, or left unresolved — never broken silently.
 */
const selectTop = (
  ranked: ReadonlyArray<Entry>,
  k: number,
  same: (a: Entry, b: Entry) => boolean,
  order: ReadonlyArray<string> | undefined
): { ordered: Array<Entry>; taken: Array<Entry>; tie: Array<Entry>; resolved: Array<Entry> } => {
  if (ranked.length <= k || k === 0) return { ordered: [...ranked], taken: ranked.slice(0, k), tie: [], resolved: [] }
  const cut = ranked[k - 1]!
  const start = ranked.findIndex((e) => same(e, cut))
  let end = start
  while (end < ranked.length && same(ranked[end]!, cut)) end++
  if (end <= k) return { ordered: [...ranked], taken: ranked.slice(0, k), tie: [], resolved: [] }
  const group = ranked.slice(start, end)
  if (order !== undefined && group.every((e) => order.includes(e.id))) {
    const sorted = [...group].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
    const ordered = [...ranked.slice(0, start), ...sorted, ...ranked.slice(end)]
    return { ordered, taken: ordered.slice(0, k), tie: [], resolved: group }
  }
  return { ordered: [...ranked], taken: ranked.slice(0, start), tie: group, resolved: [] }
}

/**
 * Elects an owners' committee (业主委员会) at an owners' assembly: screens candidates against an
 * exclusion list with reasons, counts one ballot per owner (multi-unit owners and the developer
 * once with all their area; overvoted ballots per the `overvote` parameter), applies the
 * art. 278 participation quorum and the double majority — more than half of the participating
 * owners by headcount AND by area — to every candidate, ranks the candidates over the line for
 * the seats, leaves ties to a re-vote or lot, names alternates, checks the committee size under
 * the national or a local rule in force on the election date, and reports composition targets
 * without ever reordering the result.
 *
 * @example
 * ```ts
 * import { electOwnersCommittee } from "@jiceng/voting-procedures"
 * const owners = ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, units: [{ id, area: 10_000 }] }))
 * const r = electOwnersCommittee({
 *   electionDate: "2024-06-01",
 *   seats: 3,
 *   owners,
 *   candidates: [{ id: "a" }, { id: "b" }, { id: "c" }, { id: "d" }],
 *   ballots: [
 *     { owner: "a", choices: ["a", "b", "c"] },
 *     { owner: "b", choices: ["a", "b", "c"] },
 *     { owner: "c", choices: ["a", "b", "d"] },
 *     { owner: "d", choices: ["a", "d"] }
 *   ],
 *   rules: { sizeRule: "shanghai" } // 600 m² is a small estate: 3 members allowed
 * })
 * r.ok && r.value.elected.map((e) => e.candidate) //=> ["a", "b"]
 * r.ok && r.value.status //=> "belowMinimum"
 * ```
 * @since 0.1.0
 * @category owners-committee
 */
export const electOwnersCommittee = (input: unknown): Result<OwnersCommitteeResult, InvalidInputError> => {
  const parsed = validate(OwnersCommitteeInput, input)
  if (!parsed.ok) return parsed
  const x = parsed.value
  const rules = OwnersCommitteeRules.parse(x.rules ?? {})
  const issues: Array<Issue> = []

  // Register: the same counting rules as the assembly tally (SPC interpretation art. 9). A
  // co-owned unit always votes through its designated representative here (no co-owner policy).
  const register = readRegister(x.owners, issues, (o, i) => {
    if (o.coOwners && (o.representative === undefined || !o.coOwners.includes(o.representative)))
      issues.push(
        issue(
          ["owners", i, "representative"],
          "missing_representative",
          "共有专有部分须指定一名共有人为代表人",
          "a co-owned unit needs one of its co-owners as designated representative"
        )
      )
  })
  const { ownerIndex, ownerArea, totalArea, unitCount } = register

  // Committee size under the rule in force on the election date.
  const sizeLookup = valueAt(SIZE_RULES[rules.sizeRule], x.electionDate, { name: "committeeSize" })
  if (!sizeLookup.ok) return sizeLookup
  const sizeRule = sizeLookup.value.value
  const sizeCitation = sizeLookup.value.entry.source
  const households = rules.households ?? unitCount
  if (!sizeAllowed(sizeRule, x.seats, households, totalArea))
    issues.push(
      issue(
        ["seats"],
        "committee_size",
        `业主委员会委员 ${x.seats} 人不符合${rules.sizeRule}规则（${sizeRule.zh}；本小区 ${households} 户、${formatArea(totalArea)} 平方米）`,
        `${x.seats} members breaks the ${rules.sizeRule} rule (${sizeRule.en}; this estate: ${households} households, ${formatArea(totalArea)} m²)`
      )
    )
  if (sizeRule.alternatesAtMostMembers && x.alternateSeats > x.seats)
    issues.push(
      issue(
        ["alternateSeats"],
        "too_many_alternates",
        `候补委员 ${x.alternateSeats} 人多于委员 ${x.seats} 人`,
        `${x.alternateSeats} alternates is more than the ${x.seats} members`
      )
    )

  // Candidates and eligibility screens.
  const candidateIds = new Map<string, number>()
  x.candidates.forEach((c, i) => {
    if (candidateIds.has(c.id))
      issues.push(
        issue(
          ["candidates", i, "id"],
          "duplicate_candidate",
          `候选人 ${c.id} 重复`,
          `candidate ${c.id} is listed twice`
        )
      )
    candidateIds.set(c.id, i)
  })
  const exclusionOf = new Map(rules.exclusions.map((e) => [e.attribute, e]))
  const screened = x.candidates.map((c) => {
    const hits: Array<{ code: string; zh: string; en: string; citation?: Citation }> = []
    if (rules.requireOwner && !ownerIndex.has(c.owner ?? c.id))
      hits.push({
        code: "not-owner",
        zh: "不是本物业管理区域的业主",
        en: "is not an owner in this estate",
        citation: BEIJING_PROPERTY_39
      })
    for (const a of c.attributes) {
      const e = exclusionOf.get(a)
      if (e !== undefined)
        hits.push(
          e.citation === undefined
            ? { code: `excluded:${a}`, zh: e.zh, en: e.en }
            : { code: `excluded:${a}`, zh: e.zh, en: e.en, citation: e.citation }
        )
    }
    return { candidate: c, hits }
  })
  const eligible = new Set(screened.filter((s) => s.hits.length === 0).map((s) => s.candidate.id))

  // Ballots: one per owner, each resolved to valid, blank or invalid with a reason.
  const yes = new Map<string, { owners: number; area: number }>()
  for (const id of eligible) yes.set(id, { owners: 0, area: 0 })
  const voted = new Set<number>()
  const countProxy = proxyCounter(rules.maxProxiesPerAgent)
  const audit: Array<OwnersCommitteeResult["ballots"][number]> = []
  const counts = { valid: 0, blank: 0, invalid: 0 }
  let pOwners = 0
  let pArea = 0
  x.ballots.forEach((b, index) => {
    const oi = ballotOwner(register, b.owner, index, issues)
    if (oi === undefined) return
    if (voted.has(oi)) {
      issues.push(duplicateBallot(index, b.owner))
      return
    }
    voted.add(oi)
    const owner = x.owners[oi]!
    if (owner.coOwners && !b.proxy && b.castBy !== owner.representative)
      issues.push(
        issue(
          ["ballots", index, "castBy"],
          "not_designated_representative",
          `共有专有部分的选票须由指定代表人 ${owner.representative ?? ""} 投出`,
          `a co-owned unit's ballot must be cast by its designated representative ${owner.representative ?? ""}`
        )
      )
    if (b.proxy) countProxy(b.proxy.agent, index, issues)
    b.choices?.forEach((c, j) => {
      if (!candidateIds.has(c)) issues.push(unknownCandidate(["ballots", index, "choices", j], c))
    })
    let counted: "valid" | "blank" | "invalid"
    let reason: string
    if (b.spoiled) {
      counted = "invalid"
      reason = "spoiled"
    } else if (b.choices === undefined) {
      if (!b.proxy) {
        issues.push(missingVote(index, "choices"))
        return
      }
      const missing = proxyWithoutInstruction(
        rules.proxyMissingInstruction,
        ["ballots", index, "choices"],
        "委托书未载明委托人的选举意见",
        "the proxy carries no instruction from the principal",
        issues
      )
      if (missing === undefined) return
      // An election ballot has no abstention: an uninstructed proxy leaves it blank.
      counted = missing === "abstain" ? "blank" : "invalid"
      reason = "proxy-missing-instruction"
    } else if (new Set(b.choices).size !== b.choices.length) {
      counted = "invalid"
      reason = "repeated-name"
    } else if (b.choices.length > x.seats) {
      if (rules.overvote === "reject") {
        issues.push(
          issue(
            ["ballots", index, "choices"],
            "overvote",
            `选票选了 ${b.choices.length} 人，多于应选 ${x.seats} 人`,
            `the ballot marks ${b.choices.length} names for ${x.seats} seats`
          )
        )
        return
      }
      counted = "invalid"
      reason = "overvote"
    } else if (b.choices.length === 0) {
      counted = "blank"
      reason = "blank"
    } else {
      counted = "valid"
      reason = b.choices.some((c) => candidateIds.has(c) && !eligible.has(c))
        ? "excluded-candidate-marked"
        : b.proxy
          ? "proxy"
          : "counted"
    }
    counts[counted]++
    const a = ownerArea[oi]!
    const participates =
      counted === "valid" ||
      (counted === "blank" && rules.blankCountsAsParticipation) ||
      (counted === "invalid" && rules.invalidBallotCountsAsParticipation)
    if (participates) {
      pOwners++
      pArea += a
    }
    if (counted === "valid")
      for (const c of b.choices ?? []) {
        const t = yes.get(c)
        if (t !== undefined) {
          t.owners++
          t.area += a
        }
      }
    audit.push({ index, owner: b.owner, counted, reason })
  })
  if (x.tieResolution)
    x.tieResolution.order.forEach((c, i) => {
      if (!candidateIds.has(c)) issues.push(unknownCandidate(["tieResolution", "order", i], c))
    })
  if (issues.length > 0) return err(new InvalidInputError(issues))

  const selected = selectRegime(x.electionDate, rules.regime)
  if (!selected.ok) return selected
  const { regime } = selected.value
  // Electing the committee is art. 278 item 3 (Property Law art. 76 item 3 before 2021).
  const law = rulesFor(regime, 3)
  const N = x.owners.length
  const A = totalArea
  const quorumChecks = [
    check("quorum-headcount", pOwners, N, law.quorum.threshold, law.quorum.kind, law.quorum.citation),
    check("quorum-area", pArea, A, law.quorum.threshold, law.quorum.kind, law.quorum.citation)
  ]
  const quorumMet = quorumChecks.every((c) => c.passed)
  const baseOwners = law.pass.base === "total" ? N : pOwners
  const baseArea = law.pass.base === "total" ? A : pArea

  const candidateChecks = new Map<string, Array<ThresholdCheck>>()
  const overLine: Array<Entry> = []
  const reachesAlternateLine = new Set<string>()
  for (const c of x.candidates) {
    const t = yes.get(c.id)
    if (t === undefined) continue
    const cs = [
      check(`yes-headcount:${c.id}`, t.owners, baseOwners, law.pass.threshold, law.pass.kind, law.pass.citation),
      check(`yes-area:${c.id}`, t.area, baseArea, law.pass.threshold, law.pass.kind, law.pass.citation)
    ]
    candidateChecks.set(c.id, cs)
    const entry = { id: c.id, yesOwners: t.owners, yesArea: t.area }
    if (cs.every((k) => k.passed)) overLine.push(entry)
    else if (
      meetsThreshold(t.owners, baseOwners, rules.alternateLine, "atLeast") &&
      meetsThreshold(t.area, baseArea, rules.alternateLine, "atLeast")
    )
      reachesAlternateLine.add(c.id)
  }
  const primary = rules.ranking === "headcountThenArea" ? "yesOwners" : "yesArea"
  const secondary = rules.ranking === "headcountThenArea" ? "yesArea" : "yesOwners"
  const order = x.tieResolution?.order
  const settled = (id: string) => (order === undefined ? -1 : order.indexOf(id))
  // Inside a tie group the re-vote or lot decides; the id is only a display order, and a group
  // straddling a seat or alternate place is never cut by it (selectTop leaves it unresolved).
  const rank = (a: Entry, b: Entry) =>
    b[primary] - a[primary] ||
    b[secondary] - a[secondary] ||
    (settled(a.id) >= 0 && settled(b.id) >= 0 ? settled(a.id) - settled(b.id) : byId(a, b))
  const same = (a: Entry, b: Entry) => a.yesOwners === b.yesOwners && a.yesArea === b.yesArea

  let seatPick = selectTop([], 0, same, order)
  let altPick = selectTop([], 0, same, order)
  if (quorumMet) {
    seatPick = selectTop([...overLine].sort(rank), x.seats, same, order)
    if (seatPick.tie.length === 0) {
      const taken = new Set(seatPick.taken.map((e) => e.id))
      // Over-line candidates who lost on ranking and those at the alternate line, in vote order.
      const pool = [
        ...seatPick.ordered.filter((e) => !taken.has(e.id)),
        ...x.candidates
          .filter((c) => reachesAlternateLine.has(c.id))
          .map((c) => ({ id: c.id, yesOwners: yes.get(c.id)!.owners, yesArea: yes.get(c.id)!.area }))
      ].sort(rank)
      altPick = selectTop(pool, x.alternateSeats, same, order)
    }
  }
  const elected = seatPick.taken
  const alternates = altPick.taken
  const tied = [...seatPick.tie, ...altPick.tie]
  const electedSet = new Set(elected.map((e) => e.id))
  const altSet = new Set(alternates.map((e) => e.id))
  const tiedSet = new Set(tied.map((e) => e.id))
  const overSet = new Set(overLine.map((e) => e.id))

  const minToForm = rules.minMembersToForm ?? minimumSize(sizeRule, households, totalArea)
  const vacancies = x.seats - elected.length
  const status: OwnersCommitteeResult["status"] = !quorumMet
    ? "noQuorum"
    : seatPick.tie.length > 0
      ? "tieUnresolved"
      : vacancies === 0
        ? "complete"
        : elected.length >= minToForm
          ? "vacancies"
          : "belowMinimum"

  const candidates = screened.map(({ candidate: c, hits }): CandidateOutcome => {
    const t = yes.get(c.id) ?? { owners: 0, area: 0 }
    const cs = candidateChecks.get(c.id) ?? []
    const base = { candidate: c.id, yesOwners: t.owners, yesArea: t.area, checks: cs }
    if (hits.length > 0) return { ...base, status: "excluded", reasons: hits.map((h) => h.code) }
    if (!quorumMet) return { ...base, status: "notElected", reasons: ["no-quorum"] }
    const lineReasons = cs.filter((k) => !k.passed).map((k) => k.code.split(":")[0]!)
    if (electedSet.has(c.id)) return { ...base, status: "elected", reasons: [] }
    if (tiedSet.has(c.id)) return { ...base, status: "tied", reasons: ["tie"] }
    const reasons = overSet.has(c.id) ? ["outranked"] : lineReasons
    return altSet.has(c.id) ? { ...base, status: "alternate", reasons } : { ...base, status: "notElected", reasons }
  })

  // Composition targets: measured and reported; the elected list above is already final.
  const candidateById = new Map(x.candidates.map((c) => [c.id, c]))
  const composition = rules.compositionTargets.map((target) => {
    const pool = target.of === "elected" ? elected.map((e) => e.id) : [...eligible]
    const part = pool.filter((id) => candidateById.get(id)!.attributes.includes(target.attribute)).length
    const k = check(`composition:${target.code}`, part, pool.length, target.share, target.kind, target.citation)
    return { code: target.code, attribute: target.attribute, of: target.of, met: k.passed, check: k }
  })

  const reasons: Array<string> = []
  if (!quorumMet) reasons.push(...quorumChecks.filter((c) => !c.passed).map((c) => c.code))
  if (seatPick.tie.length > 0) reasons.push("tie")
  if (status === "vacancies" || status === "belowMinimum") reasons.push("seats-unfilled")
  if (status === "belowMinimum") reasons.push("below-minimum")
  if (altPick.tie.length > 0) reasons.push("alternate-tie")
  for (const c of composition) if (!c.met) reasons.push(`composition-not-met:${c.code}`)

  const warnings: Array<Issue> = []
  warnings.push(...selected.value.warnings)
  warnings.push(...sizeLookup.value.warnings)
  alternates.forEach((e, i) => {
    const prev = alternates[i - 1]
    if (prev !== undefined && same(prev, e) && (settled(prev.id) < 0 || settled(e.id) < 0))
      warnings.push(
        issue(
          ["alternates", i],
          "alternate_order_tied",
          `候补委员 ${prev.id} 与 ${e.id} 得票相同，递补顺序须重新投票或抽签确定`,
          `alternates ${prev.id} and ${e.id} tie, so their order of succession needs a re-vote or lot`
        )
      )
  })
  composition.forEach((c, i) => {
    if (!c.met)
      warnings.push(
        issue(
          ["rules", "compositionTargets", i],
          "composition_target_not_met",
          `构成目标 ${c.code} 未达到（${c.check.inequality}）；选举结果不因此调整`,
          `composition target ${c.code} is not met (${c.check.inequality}); the result is not adjusted for it`
        )
      )
  })

  const steps = explain({
    x,
    rules,
    regime,
    sizeRule,
    sizeCitation,
    households,
    totalArea,
    screened,
    counts,
    quorumChecks,
    quorumMet,
    baseOwners,
    baseArea,
    law,
    candidates,
    seatPick,
    altPick,
    minToForm,
    status,
    composition
  })

  const sortedStrings = (a: ReadonlyArray<string>) => [...a].sort()
  const normalised = {
    electionDate: x.electionDate,
    seats: x.seats,
    alternateSeats: x.alternateSeats,
    owners: normalisedRegister(x.owners),
    candidates: [...x.candidates].sort(byId).map((c) => ({ ...c, attributes: sortedStrings(c.attributes) })),
    ballots: [...x.ballots]
      .sort((a, b) => compareCodeUnits(a.owner, b.owner))
      .map((b) => (b.choices === undefined ? b : { ...b, choices: sortedStrings(b.choices) })),
    tieResolution: x.tieResolution ?? null,
    rules
  }
  const strip = (e: Entry) => ({ candidate: e.id, yesOwners: e.yesOwners, yesArea: e.yesArea })
  return ok({
    status,
    regime,
    elected: elected.map(strip),
    alternates: alternates.map(strip),
    vacancies,
    tied: tied.map((e) => e.id),
    candidates,
    sizeRule: { name: rules.sizeRule, rule: sizeRule, minimumForEstate: minToForm, citation: sizeCitation },
    totals: {
      owners: N,
      area: A,
      participatingOwners: pOwners,
      participatingArea: pArea,
      validBallots: counts.valid,
      blankBallots: counts.blank,
      invalidBallots: counts.invalid,
      silentOwners: N - voted.size
    },
    ballots: audit,
    composition,
    reasons,
    checks: [...quorumChecks, ...[...candidateChecks.values()].flat()],
    explanation: steps,
    warnings,
    rules,
    inputDigest: sha256Hex(canonicalJson(normalised))
  })
}

const explain = (a: {
  x: z.output<typeof OwnersCommitteeInput>
  rules: z.output<typeof OwnersCommitteeRules>
  regime: Regime
  sizeRule: CommitteeSizeRule
  sizeCitation: Citation
  households: number
  totalArea: number
  screened: ReadonlyArray<{
    candidate: z.output<typeof CommitteeCandidate>
    hits: ReadonlyArray<{ code: string; zh: string; en: string; citation?: Citation }>
  }>
  counts: { valid: number; blank: number; invalid: number }
  quorumChecks: ReadonlyArray<ThresholdCheck>
  quorumMet: boolean
  baseOwners: number
  baseArea: number
  law: ReturnType<typeof rulesFor>
  candidates: ReadonlyArray<CandidateOutcome>
  seatPick: ReturnType<typeof selectTop>
  altPick: ReturnType<typeof selectTop>
  minToForm: number
  status: OwnersCommitteeResult["status"]
  composition: OwnersCommitteeResult["composition"]
}): Array<ExplanationStep> => {
  const { x, rules, law } = a
  const steps: Array<ExplanationStep> = []
  const civil = a.regime === "civilCode2021"
  steps.push({
    code: "regime",
    zh: civil
      ? `选举日期 ${x.electionDate}：选举业主委员会属民法典第二百七十八条第一款第（三）项事项。`
      : `选举日期 ${x.electionDate}（2021年1月1日前）：适用原物权法第七十六条及物业管理条例第十二条。`,
    en: civil
      ? `Election date ${x.electionDate}: electing the owners' committee is item 3 of Civil Code art. 278 ¶1.`
      : `Election date ${x.electionDate} (before 2021-01-01): the former Property Law art. 76 and Property Management Regulation art. 12 apply.`,
    citation: civil ? { ...CIVIL_CODE_278, article: "art. 278 ¶1 (3)" } : PROPERTY_LAW_76
  })
  steps.push({
    code: "committee-size",
    zh: `委员会规模：应选委员 ${x.seats} 人${x.alternateSeats > 0 ? `、候补委员 ${x.alternateSeats} 人` : ""}，符合${rules.sizeRule}规则（${a.sizeRule.zh}）；本小区 ${a.households} 户、${formatArea(a.totalArea)} 平方米，至少选出 ${a.minToForm} 人方可组成委员会。`,
    en: `Committee size: ${x.seats} member(s)${x.alternateSeats > 0 ? ` and ${x.alternateSeats} alternate place(s)` : ""}, allowed under the ${rules.sizeRule} rule (${a.sizeRule.en}); with ${a.households} households and ${formatArea(a.totalArea)} m² at least ${a.minToForm} must be elected to form the committee.`,
    citation: a.sizeCitation
  })
  const excluded = a.screened.filter((s) => s.hits.length > 0)
  steps.push({
    code: "register",
    zh: `业主总人数 ${x.owners.length}，专有部分总面积 ${formatArea(a.totalArea)} 平方米；拥有多个专有部分的业主和建设单位未售出部分各按一人计算。`,
    en: `${x.owners.length} owners holding ${formatArea(a.totalArea)} m²; an owner of several units, and the developer's unsold units, count as one person each.`,
    citation: BUILDING_INTERPRETATION
  })
  if (excluded.length === 0)
    steps.push({
      code: "eligibility",
      zh: `资格审查：${a.screened.length} 名候选人均未触及负面清单。`,
      en: `Eligibility: none of the ${a.screened.length} candidates is on the exclusion list.`,
      citation: BEIJING_PROPERTY_39
    })
  for (const s of excluded)
    for (const h of s.hits) {
      const step: ExplanationStep = {
        code: `excluded:${s.candidate.id}`,
        zh: `资格审查：${s.candidate.id} ${h.zh}，不得作为候选人，所得选票不计。`,
        en: `Eligibility: ${s.candidate.id} ${h.en}, so may not stand; marks for them are not counted.`
      }
      steps.push(h.citation === undefined ? step : { ...step, citation: h.citation })
    }
  steps.push({
    code: "ballots",
    zh: `收回选票：有效 ${a.counts.valid} 张，空白 ${a.counts.blank} 张（${rules.blankCountsAsParticipation ? "计入" : "不计入"}参与表决），无效 ${a.counts.invalid} 张（多选超过应选人数、重复填写或作废；${rules.invalidBallotCountsAsParticipation ? "计入" : "不计入"}参与表决）。`,
    en: `Ballots returned: ${a.counts.valid} valid, ${a.counts.blank} blank (${rules.blankCountsAsParticipation ? "counted" : "not counted"} as participating), ${a.counts.invalid} invalid (more names than seats, a repeated name, or spoiled; ${rules.invalidBallotCountsAsParticipation ? "counted" : "not counted"} as participating).`,
    citation: SHANGHAI_PROPERTY_18
  })
  const [qh, qa] = a.quorumChecks as [ThresholdCheck, ThresholdCheck]
  const qZh = kindZh(law.quorum.threshold, law.quorum.kind)
  const qEn = kindEn(law.quorum.threshold, law.quorum.kind)
  steps.push({
    code: "quorum",
    zh: `参与表决门槛：面积${qZh}且人数${qZh}。参与人数 ${qh.part}/${qh.whole}（${qh.inequality}，${qh.passed ? "达到" : "未达到"}）；参与面积 ${formatArea(qa.part)}/${formatArea(qa.whole)} 平方米（${qa.passed ? "达到" : "未达到"}）。`,
    en: `Participation quorum: ${qEn} of the area and ${qEn} of the owners. Headcount ${qh.part}/${qh.whole} (${qh.inequality}: ${qh.passed ? "met" : "not met"}); area ${formatArea(qa.part)}/${formatArea(qa.whole)} m² (${qa.passed ? "met" : "not met"}).`,
    citation: law.quorum.citation
  })
  if (!a.quorumMet) {
    steps.push({
      code: "outcome",
      zh: "结论：未达到参与表决门槛，选举不产生结果，须重新组织表决。",
      en: "Outcome: no quorum, so nobody is elected; the vote must be held again."
    })
    return steps
  }
  const pZh = kindZh(law.pass.threshold, law.pass.kind)
  const pEn = kindEn(law.pass.threshold, law.pass.kind)
  const baseZh = law.pass.base === "total" ? "全体业主" : "参与表决业主"
  const baseEn = law.pass.base === "total" ? "all owners" : "the participating owners"
  const line = a.candidates
    .filter((c) => c.status !== "excluded")
    .map((c) => {
      const ok = c.checks.every((k) => k.passed)
      return { c, ok }
    })
  steps.push({
    code: "win-line",
    zh: `当选线：同意人数须达${baseZh}人数（${a.baseOwners}）${pZh}，且同意面积须达${baseZh}面积（${formatArea(a.baseArea)} 平方米）${pZh}。${line
      .map(
        ({ c, ok }) =>
          `${c.candidate} ${c.yesOwners} 人/${formatArea(c.yesArea)} 平方米${
            ok
              ? "过线"
              : `未过线（${c.checks
                  .filter((k) => !k.passed)
                  .map((k) => (k.code.startsWith("yes-area") ? "面积" : "人数"))
                  .join("、")}）`
          }`
      )
      .join("；")}。`,
    en: `Win line: ${pEn} of ${baseEn} by headcount (${a.baseOwners}) AND ${pEn} by area (${formatArea(a.baseArea)} m²). ${line
      .map(
        ({ c, ok }) =>
          `${c.candidate} ${c.yesOwners} / ${formatArea(c.yesArea)} m² ${
            ok
              ? "clears it"
              : `falls short (${c.checks
                  .filter((k) => !k.passed)
                  .map((k) => (k.code.startsWith("yes-area") ? "area" : "headcount"))
                  .join(", ")})`
          }`
      )
      .join("; ")}.`,
    citation: law.pass.citation
  })
  const rankingZh = rules.ranking === "headcountThenArea" ? "先按同意人数、再按同意面积" : "先按同意面积、再按同意人数"
  const rankingEn =
    rules.ranking === "headcountThenArea" ? "by yes headcount, then yes area" : "by yes area, then yes headcount"
  const over = line.filter((l) => l.ok).length
  if (over > x.seats)
    steps.push({
      code: "ranking",
      zh: `过线者 ${over} 人多于应选 ${x.seats} 人，${rankingZh}排序（法律未规定，参数 ranking）。`,
      en: `${over} candidates clear the line for ${x.seats} seat(s); they are ranked ${rankingEn} (not regulated; parameter ranking).`
    })
  const resolved = [...a.seatPick.resolved, ...a.altPick.resolved]
  if (resolved.length > 0 && x.tieResolution)
    steps.push({
      code: "tie-resolved",
      zh: `${resolved.map((e) => e.id).join("、")} 同意人数和面积均相同，按${x.tieResolution.method === "revote" ? "重新投票" : "抽签"}结果排序：${x.tieResolution.order.join("、")}。`,
      en: `${resolved.map((e) => e.id).join(", ")} tie on both counts; ordered by the ${x.tieResolution.method === "revote" ? "re-vote" : "drawing of lots"}: ${x.tieResolution.order.join(", ")}.`
    })
  if (a.seatPick.tie.length > 0)
    steps.push({
      code: "tie",
      zh: `${a.seatPick.tie.map((e) => e.id).join("、")} 同意人数和面积均相同，争夺最后的席位，须就其重新投票或抽签（tieResolution），本结果不作取舍。`,
      en: `${a.seatPick.tie.map((e) => e.id).join(", ")} tie on both counts for the last seat(s): a re-vote or drawing of lots (tieResolution) must decide; this result does not pick.`
    })
  const lineZh = kindZh(rules.alternateLine, "atLeast")
  if (x.alternateSeats > 0 && a.seatPick.tie.length === 0)
    steps.push({
      code: "alternates",
      zh: `候补委员：未当选且同意人数和面积均达参与表决业主${lineZh}的候选人，按得票顺序递补，共 ${x.alternateSeats} 名：${a.altPick.taken.map((e) => e.id).join("、") || "无"}${a.altPick.tie.length > 0 ? `；${a.altPick.tie.map((e) => e.id).join("、")} 并列，须重新投票或抽签` : ""}。`,
      en: `Alternates: unelected candidates with ${kindEn(rules.alternateLine, "atLeast")} of the participants by headcount and area, in vote order, up to ${x.alternateSeats}: ${a.altPick.taken.map((e) => e.id).join(", ") || "none"}${a.altPick.tie.length > 0 ? `; ${a.altPick.tie.map((e) => e.id).join(", ")} tie and need a re-vote or lot` : ""}.`,
      citation: LOCAL_ALTERNATES
    })
  for (const c of a.composition) {
    const step: ExplanationStep = {
      code: `composition:${c.code}`,
      zh: `构成目标 ${c.code}（${c.attribute} 占${c.of === "elected" ? "当选委员" : "合格候选人"}${kindZh(c.check.threshold, c.check.kind)}）：${c.check.part}/${c.check.whole}（${c.check.inequality}），${c.met ? "达到" : "未达到"}。目标仅作报告，不调整当选结果。`,
      en: `Composition target ${c.code} (${c.attribute} among the ${c.of === "elected" ? "elected members" : "eligible candidates"}, ${kindEn(c.check.threshold, c.check.kind)}): ${c.check.part}/${c.check.whole} (${c.check.inequality}) — ${c.met ? "met" : "not met"}. Reported only; the result is never reordered to meet it.`
    }
    steps.push(c.check.citation === undefined ? step : { ...step, citation: c.check.citation })
  }
  const names = a.seatPick.taken.map((e) => e.id)
  const vac = x.seats - names.length
  const outcome: Record<OwnersCommitteeResult["status"], { zh: string; en: string }> = {
    complete: { zh: `结论：当选 ${names.join("、")}。`, en: `Outcome: elected ${names.join(", ")}.` },
    vacancies: {
      zh: `结论：当选 ${names.join("、")}；尚缺 ${vac} 人，已达组成委员会的最低人数 ${a.minToForm}，空缺待补选。`,
      en: `Outcome: elected ${names.join(", ")}; ${vac} seat(s) remain vacant for a by-election — the ${a.minToForm} needed to form the committee are there.`
    },
    belowMinimum: {
      zh: `结论：仅 ${names.length} 人当选（${names.join("、") || "无"}），少于组成委员会的最低人数 ${a.minToForm}，须就空缺席位另行选举。`,
      en: `Outcome: only ${names.length} elected (${names.join(", ") || "nobody"}), fewer than the ${a.minToForm} needed to form the committee; the vacant seats need another election.`
    },
    tieUnresolved: {
      zh: `结论：已当选 ${names.join("、") || "无"}；其余席位待并列候选人重新投票或抽签决定。`,
      en: `Outcome: elected so far ${names.join(", ") || "nobody"}; the remaining seat(s) wait for the tie to be settled.`
    },
    noQuorum: { zh: "", en: "" }
  }
  steps.push({ code: "outcome", ...outcome[a.status] })
  return steps
}
