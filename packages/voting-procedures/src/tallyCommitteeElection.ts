import {
  canonicalJson,
  err,
  InvalidInputError,
  type Issue,
  issue,
  ok,
  Ratio,
  type Result,
  sha256Hex,
  validate
} from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep, ThresholdCheck } from "./Explanation.ts"
import { check } from "./internal/check.ts"
import { article, RESIDENTS_LAW, VILLAGE_LAW, ZHEJIANG_VILLAGE_ELECTION } from "./internal/citations.ts"

const CountedBallot = z.object({
  count: z.int().positive().default(1),
  /** Names marked; `[]` is a blank ballot. */
  choices: z.array(z.string().min(1)).default([]),
  /** Spoiled (unreadable, marked to identify, …): counted as cast, for nobody. */
  spoiled: z.boolean().default(false)
})

/**
 * Thresholds of a residents' or villagers' committee election. Defaults follow the
 * Villagers' Committees Law art. 15 with Zhejiang's detail (arts. 27–30); residents' committee
 * elections have no national thresholds, so the same defaults apply there as named parameters.
 *
 * @example
 * ```ts
 * import { CommitteeElectionRules } from "@jiceng/voting-procedures"
 * CommitteeElectionRules.parse({}).runoffFloor //=> { numerator: 1, denominator: 3 }
 * ```
 * @since 0.1.0
 * @category committee-elections
 */
export const CommitteeElectionRules = z.object({
  /** Turnout for a valid election: more than half of registered voters (art. 15). */
  turnout: Ratio.default({ numerator: 1, denominator: 2 }),
  /** Win line: more than half of the ballots cast (art. 15). */
  winLine: Ratio.default({ numerator: 1, denominator: 2 }),
  /** Runoff (另行选举) floor: at least 1/3 of the ballots cast in that round (art. 15). */
  runoffFloor: Ratio.default({ numerator: 1, denominator: 3 }),
  /** Runoff candidates = unfilled seats + this many (差额, Zhejiang art. 29). */
  runoffExtraCandidates: z.int().nonnegative().default(1),
  /** Members needed for the remaining seats to stay vacant (Zhejiang art. 30). */
  minMembersToLeaveVacancy: z.int().nonnegative().default(3),
  /** More ballots than voters voids the whole vote (Zhejiang art. 27). */
  ballotsExceedVotersVoids: z.boolean().default(true),
  /** Names not on the candidate list (另选他人) are allowed. */
  writeIns: z.boolean().default(false)
})
/** @since 0.1.0 @category committee-elections */
export type CommitteeElectionRules = z.input<typeof CommitteeElectionRules>

/**
 * Input of {@link tallyCommitteeElection}: one contest (a post with its seats), its first
 * round and, when held, its runoff and tie re-vote.
 *
 * @example
 * ```ts
 * import { CommitteeElectionInput } from "@jiceng/voting-procedures"
 * CommitteeElectionInput.safeParse({ registeredVoters: 10, seats: 1, candidates: ["A"], ballots: [] }).success //=> true
 * ```
 * @since 0.1.0
 * @category committee-elections
 */
export const CommitteeElectionInput = z.object({
  committee: z.enum(["villagers", "residents"]).default("villagers"),
  registeredVoters: z.int().positive(),
  seats: z.int().positive(),
  candidates: z.array(z.string().min(1)).min(1),
  ballots: z.array(CountedBallot),
  /** Members already elected to other posts of the committee (e.g. the chair), for the vacancy rule. */
  membersElsewhere: z.array(z.string().min(1)).default([]),
  /** Pairs who may not serve together (spouses, parents and children, siblings; Zhejiang art. 31). */
  relatives: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
  runoff: z.object({ ballots: z.array(CountedBallot) }).optional(),
  tieRevote: z.object({ ballots: z.array(CountedBallot) }).optional(),
  rules: CommitteeElectionRules.optional()
})
/** @since 0.1.0 @category committee-elections */
export type CommitteeElectionInput = z.input<typeof CommitteeElectionInput>

/**
 * The outcome of {@link tallyCommitteeElection}.
 *
 * @since 0.1.0
 * @category committee-elections
 */
export interface CommitteeElectionResult {
  readonly status: "void" | "complete" | "runoffRequired" | "tieRevoteRequired" | "vacancyAllowed" | "repeatRequired"
  readonly reasons: ReadonlyArray<string>
  readonly elected: ReadonlyArray<{ readonly candidate: string; readonly votes: number; readonly round: string }>
  readonly unfilledSeats: number
  readonly runoffCandidates: ReadonlyArray<string>
  readonly tieRevoteCandidates: ReadonlyArray<string>
  readonly rounds: ReadonlyArray<{
    readonly round: "first" | "tieRevote" | "runoff"
    readonly ballotsCast: number
    readonly validBallots: number
    readonly blankBallots: number
    readonly invalidBallots: number
    readonly tallies: Readonly<Record<string, number>>
  }>
  readonly checks: ReadonlyArray<ThresholdCheck>
  readonly explanation: ReadonlyArray<ExplanationStep>
  readonly inputDigest: string
}

type Ballots = z.output<typeof CountedBallot>[]

const countRound = (ballots: Ballots, seats: number, allowed: Set<string> | undefined) => {
  const tallies = new Map<string, number>()
  let cast = 0
  let valid = 0
  let blank = 0
  let invalid = 0
  for (const b of ballots) {
    cast += b.count
    // A ballot marking more names than seats is invalid (Zhejiang art. 27); so is one naming
    // someone outside a runoff's candidate list.
    const unique = new Set(b.choices)
    if (b.spoiled || unique.size !== b.choices.length || unique.size > seats) invalid += b.count
    else if (allowed && b.choices.some((c) => !allowed.has(c))) invalid += b.count
    else if (unique.size === 0) blank += b.count
    else {
      valid += b.count
      for (const c of unique) tallies.set(c, (tallies.get(c) ?? 0) + b.count)
    }
  }
  return { tallies, cast, valid, blank, invalid }
}

/**
 * Tallies a residents' or villagers' committee election (居委会/村委会选举) for one post:
 * turnout validity (more than half of registered voters), the win line (more than half of the
 * ballots cast), ties at the last seat sent to a re-vote, unfilled seats sent to a runoff
 * (另行选举) among the top unelected candidates where the highest vote wins with at least 1/3 of
 * that round's ballots, overvoted ballots and "more ballots than voters" invalidation, the
 * relatives-in-office rule and the vacancy rule — all thresholds exact and overridable.
 *
 * @example
 * ```ts
 * import { tallyCommitteeElection } from "@jiceng/voting-procedures"
 * const r = tallyCommitteeElection({
 *   registeredVoters: 1000, seats: 1, candidates: ["A", "B"],
 *   ballots: [{ count: 330, choices: ["A"] }, { count: 270, choices: ["B"] }, { count: 20, choices: [] }]
 * })
 * r.ok && r.value.elected //=> [{ candidate: "A", votes: 330, round: "first" }]
 * ```
 * @since 0.1.0
 * @category committee-elections
 */
export const tallyCommitteeElection = (input: unknown): Result<CommitteeElectionResult, InvalidInputError> => {
  const parsed = validate(CommitteeElectionInput, input)
  if (!parsed.ok) return parsed
  const x = parsed.value
  const rules = CommitteeElectionRules.parse(x.rules ?? {})
  const issues: Array<Issue> = []
  const known = new Set(x.candidates)
  if (known.size !== x.candidates.length)
    issues.push(issue(["candidates"], "duplicate_candidate", "候选人重复", "a candidate is listed twice"))
  if (!rules.writeIns)
    x.ballots.forEach((b, i) => {
      b.choices.forEach((c, j) => {
        if (!known.has(c))
          issues.push(
            issue(["ballots", i, "choices", j], "unknown_candidate", `未知候选人 ${c}`, `unknown candidate ${c}`)
          )
      })
    })
  if (issues.length > 0) return err(new InvalidInputError(issues))
  const law = x.committee === "villagers" ? VILLAGE_LAW : RESIDENTS_LAW
  const art15 = article(VILLAGE_LAW, "art. 15")
  const steps: Array<ExplanationStep> = []
  const checks: Array<ThresholdCheck> = []
  const rounds: Array<CommitteeElectionResult["rounds"][number]> = []
  const first = countRound(x.ballots, x.seats, rules.writeIns ? undefined : known)
  const digest = sha256Hex(canonicalJson({ ...x, rules }))
  const base = { runoffCandidates: [], tieRevoteCandidates: [], inputDigest: digest }
  const tallyRecord = (t: Map<string, number>) => Object.fromEntries([...t].sort((a, b) => b[1] - a[1]))
  rounds.push({
    round: "first",
    ballotsCast: first.cast,
    validBallots: first.valid,
    blankBallots: first.blank,
    invalidBallots: first.invalid,
    tallies: tallyRecord(first.tallies)
  })
  if (x.committee === "residents")
    steps.push({
      code: "residents-defaults",
      zh: "居民委员会组织法未规定选举有效和当选门槛，以下门槛为可配置参数，默认参照村民委员会组织法第十五条。",
      en: "The Residents' Committees Law sets no validity or winning thresholds; the thresholds below are parameters defaulting to the Villagers' Committees Law art. 15.",
      citation: article(law, "art. 8")
    })
  if (rules.ballotsExceedVotersVoids && first.cast > x.registeredVoters) {
    steps.push({
      code: "ballots-exceed-voters",
      zh: `收回选票 ${first.cast} 张多于选民 ${x.registeredVoters} 人，选举无效。`,
      en: `${first.cast} ballots were returned for ${x.registeredVoters} voters: the vote is void.`,
      citation: article(ZHEJIANG_VILLAGE_ELECTION, "art. 27")
    })
    return ok({
      ...base,
      status: "void",
      reasons: ["ballots-exceed-voters"],
      elected: [],
      unfilledSeats: x.seats,
      rounds,
      checks,
      explanation: steps
    })
  }
  const turnout = check("turnout", first.cast, x.registeredVoters, rules.turnout, "moreThan", art15)
  checks.push(turnout)
  steps.push({
    code: "turnout",
    zh: `投票人数 ${first.cast}/${x.registeredVoters}（${turnout.inequality}），${turnout.passed ? "选举有效" : "未过半数，选举无效"}。`,
    en: `Turnout ${first.cast}/${x.registeredVoters} (${turnout.inequality}): ${turnout.passed ? "the election is valid" : "not more than half, so the election is void"}.`,
    citation: art15
  })
  if (!turnout.passed)
    return ok({
      ...base,
      status: "void",
      reasons: ["turnout"],
      elected: [],
      unfilledSeats: x.seats,
      rounds,
      checks,
      explanation: steps
    })
  if (first.invalid > 0)
    steps.push({
      code: "invalid-ballots",
      zh: `无效票 ${first.invalid} 张（多选、重复或作废），空白票 ${first.blank} 张，均计入投票总数。`,
      en: `${first.invalid} invalid ballot(s) (overvoted, repeated or spoiled) and ${first.blank} blank, all counted as cast.`,
      citation: article(ZHEJIANG_VILLAGE_ELECTION, "art. 27")
    })
  const sorted = (t: Map<string, number>) => [...t].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
  const overLine = sorted(first.tallies).filter(([c, v]) => {
    const k = check(`win-line:${c}`, v, first.cast, rules.winLine, "moreThan", art15)
    checks.push(k)
    return k.passed
  })
  const elected: Array<{ candidate: string; votes: number; round: string }> = []
  let tieRevoteCandidates: Array<string> = []
  const takeTop = (list: Array<[string, number]>, seatsLeft: number, round: string) => {
    if (list.length <= seatsLeft) {
      for (const [c, v] of list) elected.push({ candidate: c, votes: v, round })
      return [] as Array<string>
    }
    const cut = list[seatsLeft - 1]![1]
    const above = list.filter(([, v]) => v > cut)
    const atCut = list.filter(([, v]) => v === cut)
    for (const [c, v] of above) elected.push({ candidate: c, votes: v, round })
    if (above.length + atCut.length <= seatsLeft) {
      for (const [c, v] of atCut) elected.push({ candidate: c, votes: v, round })
      return []
    }
    return atCut.map(([c]) => c)
  }
  tieRevoteCandidates = takeTop(overLine, x.seats, "first")
  steps.push({
    code: "win-line",
    zh: `当选须获得投票人数过半数（> ${first.cast / 2}）的选票：${overLine.map(([c, v]) => `${c} ${v}`).join("，") || "无人"}过线。`,
    en: `Winning needs more than half of the ${first.cast} ballots cast: ${overLine.map(([c, v]) => `${c} ${v}`).join(", ") || "nobody"} clear the line.`,
    citation: art15
  })
  if (tieRevoteCandidates.length > 0) {
    const seatsLeft = x.seats - elected.length
    steps.push({
      code: "tie",
      zh: `${tieRevoteCandidates.join("、")} 票数相等，争夺最后 ${seatsLeft} 个席位，须就票数相等的候选人再次投票。`,
      en: `${tieRevoteCandidates.join(", ")} tie for the last ${seatsLeft} seat(s): a re-vote between them is required.`,
      citation: article(ZHEJIANG_VILLAGE_ELECTION, "art. 28")
    })
    if (!x.tieRevote)
      return ok({
        ...base,
        status: "tieRevoteRequired",
        reasons: ["tie"],
        elected,
        unfilledSeats: seatsLeft,
        tieRevoteCandidates,
        rounds,
        checks,
        explanation: steps
      })
    const rv = countRound(x.tieRevote.ballots, seatsLeft, new Set(tieRevoteCandidates))
    rounds.push({
      round: "tieRevote",
      ballotsCast: rv.cast,
      validBallots: rv.valid,
      blankBallots: rv.blank,
      invalidBallots: rv.invalid,
      tallies: tallyRecord(rv.tallies)
    })
    const again = takeTop(sorted(rv.tallies), seatsLeft, "tieRevote")
    if (again.length > 0)
      return ok({
        ...base,
        status: "tieRevoteRequired",
        reasons: ["tie"],
        elected,
        unfilledSeats: x.seats - elected.length,
        tieRevoteCandidates: again,
        rounds,
        checks,
        explanation: steps
      })
    tieRevoteCandidates = []
  }
  // Relatives may not serve together: the one in the higher post (already elected elsewhere)
  // stays; between two winners here, the higher vote stays (Zhejiang art. 31).
  const reasons: Array<string> = []
  for (const [a, b] of x.relatives) {
    const ia = elected.findIndex((e) => e.candidate === a)
    const ib = elected.findIndex((e) => e.candidate === b)
    let drop = -1
    if (ia >= 0 && x.membersElsewhere.includes(b)) drop = ia
    else if (ib >= 0 && x.membersElsewhere.includes(a)) drop = ib
    else if (ia >= 0 && ib >= 0 && elected[ia]!.votes !== elected[ib]!.votes)
      drop = elected[ia]!.votes < elected[ib]!.votes ? ia : ib
    if (drop >= 0) {
      const gone = elected[drop]!
      elected.splice(drop, 1)
      reasons.push("relatives-in-office")
      steps.push({
        code: "relatives",
        zh: `${a} 与 ${b} 为近亲属，不得同时任职；${gone.candidate} 的当选不成立。`,
        en: `${a} and ${b} are close relatives and may not serve together; ${gone.candidate}'s election lapses.`,
        citation: article(ZHEJIANG_VILLAGE_ELECTION, "art. 31")
      })
    }
  }
  let unfilled = x.seats - elected.length
  let runoffCandidates: Array<string> = []
  if (unfilled > 0) {
    const electedSet = new Set(elected.map((e) => e.candidate))
    const dropped = new Set(x.relatives.flat().filter((c) => !electedSet.has(c) && overLine.some(([o]) => o === c)))
    runoffCandidates = sorted(first.tallies)
      .filter(([c]) => !electedSet.has(c) && !dropped.has(c))
      .slice(0, unfilled + rules.runoffExtraCandidates)
      .map(([c]) => c)
    steps.push({
      code: "runoff",
      zh: `仍有 ${unfilled} 个席位未选足，另行选举，候选人按得票多少为：${runoffCandidates.join("、")}。`,
      en: `${unfilled} seat(s) remain unfilled: a runoff (另行选举) among the top unelected candidates ${runoffCandidates.join(", ")}.`,
      citation: art15
    })
    if (!x.runoff)
      return ok({
        ...base,
        status: "runoffRequired",
        reasons: [...reasons, "seats-unfilled"],
        elected,
        unfilledSeats: unfilled,
        runoffCandidates,
        rounds,
        checks,
        explanation: steps
      })
    const ro = countRound(x.runoff.ballots, unfilled, new Set(runoffCandidates))
    rounds.push({
      round: "runoff",
      ballotsCast: ro.cast,
      validBallots: ro.valid,
      blankBallots: ro.blank,
      invalidBallots: ro.invalid,
      tallies: tallyRecord(ro.tallies)
    })
    const floor = sorted(ro.tallies).filter(([c, v]) => {
      const k = check(`runoff-floor:${c}`, v, ro.cast, rules.runoffFloor, "atLeast", art15)
      checks.push(k)
      return k.passed
    })
    const tied = takeTop(floor, unfilled, "runoff")
    steps.push({
      code: "runoff-floor",
      zh: `另行选举以得票多的当选，但得票不得少于该轮选票总数 ${ro.cast} 的三分之一：${floor.map(([c, v]) => `${c} ${v}`).join("，") || "无人"}达到。`,
      en: `In the runoff the highest vote wins, but only with at least 1/3 of the ${ro.cast} ballots cast: ${floor.map(([c, v]) => `${c} ${v}`).join(", ") || "nobody"} reach it.`,
      citation: art15
    })
    if (tied.length > 0)
      return ok({
        ...base,
        status: "tieRevoteRequired",
        reasons: ["tie"],
        elected,
        unfilledSeats: x.seats - elected.length,
        runoffCandidates,
        tieRevoteCandidates: tied,
        rounds,
        checks,
        explanation: steps
      })
    unfilled = x.seats - elected.length
  }
  const members = x.membersElsewhere.length + elected.length
  const status: CommitteeElectionResult["status"] =
    unfilled === 0 ? "complete" : members >= rules.minMembersToLeaveVacancy ? "vacancyAllowed" : "repeatRequired"
  steps.push(
    unfilled === 0
      ? {
          code: "outcome",
          zh: `当选：${elected.map((e) => e.candidate).join("、")}。`,
          en: `Elected: ${elected.map((e) => e.candidate).join(", ")}.`
        }
      : {
          code: "outcome",
          zh: `仍缺 ${unfilled} 席；委员会已有 ${members} 人，${status === "vacancyAllowed" ? `不少于 ${rules.minMembersToLeaveVacancy} 人，空缺可以保留` : `少于 ${rules.minMembersToLeaveVacancy} 人，须再行选举`}。`,
          en: `${unfilled} seat(s) still unfilled; the committee has ${members} member(s), ${status === "vacancyAllowed" ? `at least ${rules.minMembersToLeaveVacancy}, so the seat(s) may stay vacant` : `fewer than ${rules.minMembersToLeaveVacancy}, so another vote is needed`}.`,
          citation: article(ZHEJIANG_VILLAGE_ELECTION, "art. 30")
        }
  )
  return ok({
    ...base,
    status,
    reasons: unfilled === 0 ? reasons : [...reasons, "seats-unfilled"],
    elected,
    unfilledSeats: unfilled,
    runoffCandidates,
    rounds,
    checks,
    explanation: steps
  })
}
