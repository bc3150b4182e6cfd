import {
  type Citation,
  canonicalJson,
  err,
  InvalidInputError,
  issue,
  ok,
  type ParameterHistory,
  Ratio,
  type Result,
  sha256Hex,
  validate
} from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep, ThresholdCheck } from "./Explanation.ts"
import { check, kindEn, kindZh } from "./internal/check.ts"
import { article, RESIDENTS_LAW, VILLAGE_LAW } from "./internal/citations.ts"

const Threshold = z.object({ ratio: Ratio, kind: z.enum(["atLeast", "moreThan"]) })

/**
 * Who may propose a village recall (Villagers' Committees Law art. 16): at least 1/5 of the
 * voters, or at least 1/3 of the village representatives, jointly. `from` is the date of the
 * text read (the 2018 amendment); meetings carry no date, so the latest entry applies.
 */
const RECALL_PROPOSAL: ParameterHistory<{ readonly voters: Ratio; readonly representatives: Ratio }> = [
  {
    value: { voters: { numerator: 1, denominator: 5 }, representatives: { numerator: 1, denominator: 3 } },
    from: "2018-12-29",
    source: article(VILLAGE_LAW, "art. 16")
  }
]

/** A recall proposal states who signed it: voters, representatives or both (art. 16). */
const RecallProposal = z
  .object({
    voters: z.int().nonnegative().optional(),
    representatives: z.object({ signed: z.int().nonnegative(), total: z.int().positive() }).optional()
  })
  .check((ctx) => {
    if (ctx.value.voters === undefined && ctx.value.representatives === undefined)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        message: "a recall proposal must state its voters' or representatives' signatures",
        params: {
          code: "empty_proposal",
          zh: "罢免提议须载明联名的选民人数或村民代表人数",
          en: "a recall proposal must state its voters' or representatives' signatures"
        }
      })
  })

/**
 * Input of {@link tallyMeetingResolution}. `members` is the quorum base of the chosen mode
 * (adult residents or villagers, household representatives, group representatives, meeting
 * members, or — for a recall — registered voters).
 *
 * @example
 * ```ts
 * import { MeetingInput } from "@jiceng/voting-procedures"
 * MeetingInput.parse({ body: "residentsMeeting", members: 10, attending: 6, yes: 4 }).quorumMode //=> "adults"
 * ```
 * @since 0.1.0
 * @category meetings
 */
export const MeetingInput = z.object({
  body: z.enum([
    "residentsMeeting",
    "villagersMeeting",
    "villagersRepresentatives",
    "villagersGroupMeeting",
    "deliberationCouncil",
    "villageRecall"
  ]),
  quorumMode: z.enum(["adults", "households", "groupRepresentatives"]).default("adults"),
  members: z.int().positive(),
  attending: z.int().nonnegative(),
  yes: z.int().nonnegative(),
  /**
   * Recall proposal: signatures of voters, or of village representatives out of their total (at
   * least one of the two). Without it the proposal is not checked.
   */
  proposal: RecallProposal.optional(),
  /** Overrides for local bodies (deliberation councils have no national rule). */
  quorum: Threshold.optional(),
  decision: Threshold.optional()
})
/** @since 0.1.0 @category meetings */
export type MeetingInput = z.input<typeof MeetingInput>

/**
 * The outcome of {@link tallyMeetingResolution}.
 *
 * @since 0.1.0
 * @category meetings
 */
export interface MeetingResult {
  readonly outcome: "passed" | "failed"
  readonly passed: boolean
  readonly reasons: ReadonlyArray<string>
  readonly checks: ReadonlyArray<ThresholdCheck>
  readonly explanation: ReadonlyArray<ExplanationStep>
  readonly inputDigest: string
}

type T = { ratio: Ratio; kind: "atLeast" | "moreThan" }
const HALF: T = { ratio: { numerator: 1, denominator: 2 }, kind: "moreThan" }
const TWO_THIRDS: T = { ratio: { numerator: 2, denominator: 3 }, kind: "atLeast" }

type Statutory = { quorum: T; decision: T; qc: Citation; dc: Citation }

/** A national body: one article sets both its quorum and its simple-majority decision rule. */
const national = (quorum: T, law: Citation, art: string): Statutory => ({
  quorum,
  decision: HALF,
  qc: article(law, art),
  dc: article(law, art)
})

const statutory = (
  body: z.output<typeof MeetingInput>["body"],
  mode: z.output<typeof MeetingInput>["quorumMode"]
): Statutory | undefined => {
  switch (body) {
    case "residentsMeeting":
      return national(HALF, RESIDENTS_LAW, "art. 9")
    case "villagersMeeting":
      if (mode === "groupRepresentatives") return undefined
      return national(mode === "adults" ? HALF : TWO_THIRDS, VILLAGE_LAW, "art. 22")
    case "villagersRepresentatives":
      return national(TWO_THIRDS, VILLAGE_LAW, "art. 26")
    case "villagersGroupMeeting":
      if (mode === "groupRepresentatives") return undefined
      return national(TWO_THIRDS, VILLAGE_LAW, "art. 28")
    case "villageRecall":
      return national(HALF, VILLAGE_LAW, "art. 16")
    case "deliberationCouncil": {
      const local: Citation = {
        title: "议事会议事规则（地方实践，无全国性规定）Local deliberation-council rules (no national rule)",
        verified: false
      }
      return { quorum: HALF, decision: HALF, qc: local, dc: local }
    }
  }
}

/**
 * Decides a residents' meeting (居民会议), villagers' meeting (村民会议), villagers'
 * representatives meeting (村民代表会议), villagers' group meeting, deliberation council or a
 * village recall vote (罢免): the quorum of the chosen mode, then a majority of those attending
 * (or voting), compared exactly. Local bodies take explicit `quorum` and `decision` overrides.
 *
 * @example
 * ```ts
 * import { tallyMeetingResolution } from "@jiceng/voting-procedures"
 * const r = tallyMeetingResolution({ body: "villageRecall", members: 2000, attending: 1100, yes: 550 })
 * r.ok && r.value.reasons //=> ["decision"]
 * ```
 * @since 0.1.0
 * @category meetings
 */
export const tallyMeetingResolution = (input: unknown): Result<MeetingResult, InvalidInputError> => {
  const parsed = validate(MeetingInput, input)
  if (!parsed.ok) return parsed
  const x = parsed.value
  const issues = []
  if (x.attending > x.members)
    issues.push(
      issue(["attending"], "attending_exceeds_members", "到会人数多于应到人数", "more attending than members")
    )
  if (x.yes > x.attending)
    issues.push(issue(["yes"], "yes_exceeds_attending", "同意人数多于到会人数", "more yes votes than people attending"))
  if (x.proposal?.voters !== undefined && x.proposal.voters > x.members)
    issues.push(
      issue(
        ["proposal", "voters"],
        "proposal_voters_exceed_members",
        `联名选民 ${x.proposal.voters} 人多于登记选民 ${x.members} 人`,
        `${x.proposal.voters} voters signed the proposal but only ${x.members} are registered`
      )
    )
  const reps = x.proposal?.representatives
  if (reps && reps.signed > reps.total)
    issues.push(
      issue(
        ["proposal", "representatives", "signed"],
        "proposal_signed_exceeds_total",
        `联名村民代表 ${reps.signed} 人多于村民代表总数 ${reps.total} 人`,
        `${reps.signed} representatives signed but there are only ${reps.total}`
      )
    )
  const rule = statutory(x.body, x.quorumMode)
  if (!rule)
    issues.push(
      issue(
        ["quorumMode"],
        "unsupported_mode",
        "该会议不采用小组代表的到会方式",
        "this body has no group-representative quorum mode"
      )
    )
  if (issues.length > 0 || !rule) return err(new InvalidInputError(issues))
  const q = x.quorum ?? rule.quorum
  const d = x.decision ?? rule.decision
  const checks: Array<ThresholdCheck> = []
  const steps: Array<ExplanationStep> = []
  // Whether a recall proposal qualifies; `undefined` when there is none to check.
  let proposalMet: boolean | undefined
  if (x.body === "villageRecall" && x.proposal) {
    const { value: share, source } = RECALL_PROPOSAL.at(-1)!
    const { voters, representatives: reps } = x.proposal
    const byVoters =
      voters !== undefined ? check("proposal-voters", voters, x.members, share.voters, "atLeast", source) : undefined
    const byReps = reps
      ? check("proposal-representatives", reps.signed, reps.total, share.representatives, "atLeast", source)
      : undefined
    for (const c of [byVoters, byReps]) if (c) checks.push(c)
    proposalMet = (byVoters?.passed ?? false) || (byReps?.passed ?? false)
    steps.push({
      code: "proposal",
      zh: `罢免须经本村${kindZh(share.voters, "atLeast")}选民或${kindZh(share.representatives, "atLeast")}村民代表联名提出：${proposalMet ? "符合" : "不符合"}。`,
      en: `A recall must be proposed by ${kindEn(share.voters, "atLeast")} of voters or ${kindEn(share.representatives, "atLeast")} of village representatives: ${proposalMet ? "met" : "not met"}.`,
      citation: source
    })
  }
  const quorum = check("quorum", x.attending, x.members, q.ratio, q.kind, rule.qc)
  const decision = check("decision", x.yes, x.attending, d.ratio, d.kind, rule.dc)
  checks.push(quorum, decision)
  const recall = x.body === "villageRecall"
  steps.push({
    code: "quorum",
    zh: `${recall ? "参加投票" : "到会"} ${x.attending}/${x.members}，须${kindZh(q.ratio, q.kind)}（${quorum.inequality}）：${quorum.passed ? "达到" : "未达到"}。`,
    en: `${recall ? "Voting" : "Attending"} ${x.attending}/${x.members}, needs ${kindEn(q.ratio, q.kind)} (${quorum.inequality}): ${quorum.passed ? "met" : "not met"}.`,
    citation: rule.qc
  })
  steps.push({
    code: "decision",
    zh: `同意 ${x.yes}/${x.attending}，须${recall ? "参加投票" : "到会"}人员${kindZh(d.ratio, d.kind)}（${decision.inequality}）：${decision.passed ? "达到" : "未达到"}。`,
    en: `Yes ${x.yes}/${x.attending}, needs ${kindEn(d.ratio, d.kind)} of those ${recall ? "voting" : "attending"} (${decision.inequality}): ${decision.passed ? "met" : "not met"}.`,
    citation: rule.dc
  })
  const reasons = [
    ...(proposalMet === false ? ["proposal"] : []),
    ...[quorum, decision].filter((c) => !c.passed).map((c) => c.code)
  ]
  const passed = reasons.length === 0
  steps.push(
    passed
      ? {
          code: "outcome",
          zh: recall ? "结论：罢免通过。" : "结论：决定通过。",
          en: recall ? "Outcome: the member is recalled." : "Outcome: the resolution passes."
        }
      : {
          code: "outcome",
          zh: recall ? "结论：罢免未通过。" : "结论：决定未通过。",
          en: `Outcome: ${recall ? "the recall fails" : "the resolution fails"} (${reasons.join(", ")}).`
        }
  )
  return ok({
    outcome: passed ? "passed" : "failed",
    passed,
    reasons,
    checks,
    explanation: steps,
    inputDigest: sha256Hex(canonicalJson(x))
  })
}
