import {
  canonicalJson,
  err,
  InvalidInputError,
  IsoDate,
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
import { compareCodeUnits, unknownCandidate } from "./internal/ballotCounting.ts"
import { check, kindEn, kindZh } from "./internal/check.ts"
import { article, RESIDENTS_LAW, VILLAGE_LAW, ZHEJIANG_VILLAGE_ELECTION } from "./internal/citations.ts"
import { committeeElectionLaw, latestCommitteeElectionLaw } from "./internal/committeeElectionDefaults.ts"

const CountedBallot = z.object({
  count: z.int().positive().default(1),
  /** Names marked; `[]` is a blank ballot. */
  choices: z.array(z.string().min(1)).default([]),
  /** Spoiled (unreadable, marked to identify, …): counted as cast, for nobody. */
  spoiled: z.boolean().default(false)
})

/** One re-vote between tied candidates; several, in the order held, as an array. */
const Revote = z.object({ ballots: z.array(CountedBallot) })
const Revotes = z.union([Revote, z.array(Revote)])

// The rules a caller may state; every legal one left out comes from the dated defaults
// (internal/committeeElectionDefaults.ts), resolved by the election date.
const CommitteeElectionRuleOverrides = z.object({
  /** Turnout for a valid election: more than this share of registered voters (Villagers' Committees Law art. 15). */
  turnout: Ratio.optional(),
  /** Win line: more than this share of the ballots cast (art. 15). */
  winLine: Ratio.optional(),
  /** Runoff (另行选举) floor: at least this share of the ballots cast in that round (art. 15). */
  runoffFloor: Ratio.optional(),
  /** Runoff candidates = unfilled seats + this many (差额, Zhejiang art. 29); candidates tied with the last one taken all stand. */
  runoffExtraCandidates: z.int().nonnegative().optional(),
  /** Members needed for the remaining seats to stay vacant (Zhejiang art. 30). */
  minMembersToLeaveVacancy: z.int().nonnegative().optional(),
  /** More ballots than voters voids that round — the first round, a re-vote or the runoff (Zhejiang art. 27). */
  ballotsExceedVotersVoids: z.boolean().optional(),
  /** Names not on the candidate list (另选他人) are allowed. */
  writeIns: z.boolean().default(false)
})

/**
 * Thresholds of a residents' or villagers' committee election. Defaults follow the
 * Villagers' Committees Law art. 15 with Zhejiang's detail (arts. 27–30), each with its source
 * and the period it is in force; residents' committee elections have no national thresholds,
 * so the same defaults apply there as named parameters. Parsing fills every rule left out with
 * the latest default; {@link tallyCommitteeElection} instead takes the default in force on the
 * input's `electionDate` when one is given.
 *
 * @example
 * ```ts
 * import { CommitteeElectionRules } from "@jiceng/voting-procedures"
 * CommitteeElectionRules.parse({}).runoffFloor //=> { numerator: 1, denominator: 3 }
 * ```
 * @since 0.1.0
 * @category committee-elections
 */
export const CommitteeElectionRules = CommitteeElectionRuleOverrides.transform((r) => ({
  ...latestCommitteeElectionLaw(r),
  writeIns: r.writeIns
}))
/** @since 0.1.0 @category committee-elections */
export type CommitteeElectionRules = z.input<typeof CommitteeElectionRules>

/**
 * Input of {@link tallyCommitteeElection}: one contest (a post with its seats), its first
 * round and, when held, its re-votes, its runoff and the runoff's re-votes — each round only
 * once the count calls for it (a round it never reaches is an `unused_round` error).
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
  /**
   * Date of the first round: each default rule is the one in force on it. Without it the latest
   * defaults apply, whatever the date of the election.
   */
  electionDate: IsoDate.optional(),
  registeredVoters: z.int().positive(),
  seats: z.int().positive(),
  candidates: z.array(z.string().min(1)).min(1),
  ballots: z.array(CountedBallot),
  /** Members already elected to other posts of the committee (e.g. the chair), for the vacancy rule. */
  membersElsewhere: z.array(z.string().min(1)).default([]),
  /** Pairs who may not serve together (spouses, parents and children, siblings; Zhejiang art. 31). */
  relatives: z.array(z.tuple([z.string().min(1), z.string().min(1)])).default([]),
  /** The runoff (另行选举) and, when it ties, its re-vote(s). */
  runoff: z.object({ ballots: z.array(CountedBallot), tieRevote: Revotes.optional() }).optional(),
  /** Re-vote(s) of the first round, in the order held: a tie for the last seats (Zhejiang art. 28) or relatives with equal votes (art. 31). */
  tieRevote: Revotes.optional(),
  rules: CommitteeElectionRuleOverrides.optional()
})
/** @since 0.1.0 @category committee-elections */
export type CommitteeElectionInput = z.input<typeof CommitteeElectionInput>

/**
 * The outcome of {@link tallyCommitteeElection}. `void` means the last round in `rounds` is
 * void (too few voters, or more ballots than voters); winners of earlier rounds stand.
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
  /** Candidates of the re-vote required next (`tieRevoteRequired`). */
  readonly tieRevoteCandidates: ReadonlyArray<string>
  /** How many of them the re-vote elects: a ballot may mark at most this many names. */
  readonly tieRevoteSeats: number
  readonly rounds: ReadonlyArray<{
    readonly round: "first" | "tieRevote" | "runoff" | "runoffTieRevote"
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
type RoundName = CommitteeElectionResult["rounds"][number]["round"]
type Entry = readonly [string, number]
type Path = ReadonlyArray<string | number>

/** A round supplied in the input: where it sits (for errors) and its ballots. */
interface SuppliedRound {
  readonly path: Path
  readonly ballots: Ballots
}

const ROUND_TEXT: Record<RoundName, { readonly zh: string; readonly en: string; readonly title: string }> = {
  first: { zh: "第一轮投票", en: "the first round", title: "The first round" },
  tieRevote: { zh: "再次投票", en: "the re-vote", title: "The re-vote" },
  runoff: { zh: "另行选举", en: "the runoff", title: "The runoff" },
  runoffTieRevote: { zh: "另行选举的再次投票", en: "the runoff's re-vote", title: "The runoff's re-vote" }
}

const countRound = (ballots: Ballots, seats: number, allowed: ReadonlyArray<string> | undefined) => {
  // Everyone on the round's list appears, with 0 if unmarked: a re-vote nobody marks is
  // still a tie, and a runoff candidate without votes is shown below the floor.
  const tallies = new Map<string, number>((allowed ?? []).map((c) => [c, 0]))
  const allowedSet = allowed && new Set(allowed)
  let cast = 0
  let valid = 0
  let blank = 0
  let invalid = 0
  for (const b of ballots) {
    cast += b.count
    // A ballot marking more names than seats is invalid (Zhejiang art. 27); so is one naming
    // someone outside a runoff's or re-vote's candidate list.
    const unique = new Set(b.choices)
    if (b.spoiled || unique.size !== b.choices.length || unique.size > seats) invalid += b.count
    else if (allowedSet && b.choices.some((c) => !allowedSet.has(c))) invalid += b.count
    else if (unique.size === 0) blank += b.count
    else {
      valid += b.count
      for (const c of unique) tallies.set(c, (tallies.get(c) ?? 0) + b.count)
    }
  }
  return { tallies, cast, valid, blank, invalid }
}

const byVotes = (t: Map<string, number>): Array<Entry> =>
  [...t].sort((a, b) => b[1] - a[1] || compareCodeUnits(a[0], b[0]))

/** Entries grouped by equal votes, highest first. */
const groups = (list: ReadonlyArray<Entry>): Array<Array<Entry>> => {
  const out: Array<Array<Entry>> = []
  for (const e of list) {
    const last = out.at(-1)
    if (last && last[0]![1] === e[1]) last.push(e)
    else out.push([e])
  }
  return out
}

/** The re-votes of one round as supplied: one object, or several in the order held. */
const suppliedRevotes = (
  raw: z.output<typeof Revotes> | undefined,
  base: ReadonlyArray<string>
): Array<SuppliedRound> =>
  raw === undefined
    ? []
    : Array.isArray(raw)
      ? raw.map((r, k) => ({ path: [...base, k, "ballots"], ballots: r.ballots }))
      : [{ path: [...base, "ballots"], ballots: raw.ballots }]

/** Why {@link fill} stopped before filling its seats. */
type Halt =
  | { readonly kind: "tie"; readonly candidates: Array<string>; readonly seats: number; readonly reason: string }
  | { readonly kind: "void" }

/** The re-votes of one round and how many of them the count has used so far. */
interface RevoteQueue {
  readonly rounds: ReadonlyArray<SuppliedRound>
  next: number
  readonly label: "tieRevote" | "runoffTieRevote"
}

/**
 * Tallies a residents' or villagers' committee election (居委会/村委会选举) for one post:
 * turnout validity (more than half of registered voters), the win line (more than half of the
 * ballots cast), ties at the last seat and relatives with equal votes sent to a re-vote,
 * unfilled seats sent to a runoff (另行选举) among the top unelected candidates where the
 * highest vote wins with at least 1/3 of that round's ballots, overvoted ballots and "more
 * ballots than voters" invalidation in every round, the relatives-in-office rule in every
 * round and the vacancy rule — all thresholds exact and overridable, and each default the one
 * in force on `electionDate` (the latest without it).
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
  const issues: Array<Issue> = []
  const known = new Set(x.candidates)
  if (known.size !== x.candidates.length)
    issues.push(issue(["candidates"], "duplicate_candidate", "候选人重复", "a candidate is listed twice"))
  if (!x.rules?.writeIns)
    x.ballots.forEach((b, i) => {
      b.choices.forEach((c, j) => {
        if (!known.has(c)) issues.push(unknownCandidate(["ballots", i, "choices", j], c))
      })
    })
  // From here on no pair names one person twice.
  x.relatives.forEach(([a, b], i) => {
    if (a === b)
      issues.push(
        issue(
          ["relatives", i],
          "invalid_relatives",
          `近亲属关系须为两个不同的人：${a}`,
          `a relatives pair names ${a} twice`
        )
      )
  })
  // Each held round is supplied with its ballots; a round without any is a data error, not a
  // round that elects nobody.
  const firstRevotes: RevoteQueue = {
    rounds: suppliedRevotes(x.tieRevote, ["tieRevote"]),
    next: 0,
    label: "tieRevote"
  }
  const runoffRound: ReadonlyArray<SuppliedRound> = x.runoff
    ? [{ path: ["runoff", "ballots"], ballots: x.runoff.ballots }]
    : []
  const runoffRevotes: RevoteQueue = {
    rounds: suppliedRevotes(x.runoff?.tieRevote, ["runoff", "tieRevote"]),
    next: 0,
    label: "runoffTieRevote"
  }
  for (const r of [...firstRevotes.rounds, ...runoffRound, ...runoffRevotes.rounds])
    if (r.ballots.length === 0)
      issues.push(issue(r.path, "empty_round", "该轮投票没有任何选票", "this round has no ballots"))
  const law = committeeElectionLaw(x.rules ?? {}, x.electionDate)
  if (!law.ok) issues.push(...law.error.issues)
  if (issues.length > 0 || !law.ok) return err(new InvalidInputError(issues))
  const rules = { ...law.value, writeIns: x.rules?.writeIns ?? false }

  const committeeLaw = x.committee === "villagers" ? VILLAGE_LAW : RESIDENTS_LAW
  const art15 = article(VILLAGE_LAW, "art. 15")
  const art27 = article(ZHEJIANG_VILLAGE_ELECTION, "art. 27")
  const art28 = article(ZHEJIANG_VILLAGE_ELECTION, "art. 28")
  const art31 = article(ZHEJIANG_VILLAGE_ELECTION, "art. 31")
  const steps: Array<ExplanationStep> = []
  const checks: Array<ThresholdCheck> = []
  const rounds: Array<CommitteeElectionResult["rounds"][number]> = []
  const reasons: Array<string> = []
  const elected: Array<{ candidate: string; votes: number; round: string }> = []
  // The digest covers the input with every rule resolved.
  const digest = sha256Hex(canonicalJson({ ...x, rules }))
  const relativesOf = (c: string) => x.relatives.flatMap(([a, b]) => (a === c ? [b] : b === c ? [a] : []))
  // Those in office: members of other posts (a higher post, so they stay) and winners so far
  // (a higher vote, since seats are filled in vote order) — Zhejiang art. 31.
  const inOffice = (c: string) => x.membersElsewhere.includes(c) || elected.some((e) => e.candidate === c)
  const conflictOf = (c: string) => relativesOf(c).find(inOffice)

  const record = (round: RoundName, r: ReturnType<typeof countRound>) =>
    rounds.push({
      round,
      ballotsCast: r.cast,
      validBallots: r.valid,
      blankBallots: r.blank,
      invalidBallots: r.invalid,
      tallies: Object.fromEntries(byVotes(r.tallies))
    })
  /** Zhejiang art. 27 voids any round with more ballots than voters. */
  const exceedsVoters = (round: RoundName, cast: number): boolean => {
    if (!rules.ballotsExceedVotersVoids || cast <= x.registeredVoters) return false
    reasons.push("ballots-exceed-voters")
    steps.push({
      code: "ballots-exceed-voters",
      zh: `${ROUND_TEXT[round].zh}收回选票 ${cast} 张多于选民 ${x.registeredVoters} 人，该轮投票无效。`,
      en: `${cast} ballots were returned in ${ROUND_TEXT[round].en} for ${x.registeredVoters} voters: that vote is void.`,
      citation: art27
    })
    return true
  }

  const lapse = (c: string, r: string) => {
    if (!reasons.includes("relatives-in-office")) reasons.push("relatives-in-office")
    steps.push({
      code: "relatives",
      zh: `${c} 与 ${r} 为近亲属，不得同时任职；${r} 职务在先或得票更多，${c} 的当选不成立。`,
      en: `${c} and ${r} are close relatives and may not serve together; ${r} holds the higher post or vote, so ${c}'s election lapses.`,
      citation: art31
    })
  }

  /**
   * Fills up to `seats` seats from `ranked` (already past the round's line) in vote order,
   * skipping anyone whose relative is in office, and sending equal-vote relatives, then a tie
   * for the last seats, to the next of the round's re-votes. Returns the seats filled, or why
   * it had to stop.
   */
  const fill = (ranked: ReadonlyArray<Entry>, seats: number, label: RoundName, revotes: RevoteQueue): number | Halt => {
    let filled = 0
    for (const group of groups(ranked)) {
      if (filled === seats) break
      const votes = group[0]![1]
      let rest = group.map(([c]) => c)
      // Equal posts and equal votes: the relatives vote again (art. 31); then a tie for the
      // last seats goes to a re-vote among the tied (art. 28). Each pass seats at least one.
      for (;;) {
        // Whoever has a relative in office lapses — a member of a higher post, a higher vote,
        // or the winner of the relatives' re-vote just held: that re-vote's loser and anyone
        // else in the group related to its winner (art. 31).
        rest = rest.filter((c) => {
          const r = conflictOf(c)
          if (r !== undefined) lapse(c, r)
          return r === undefined
        })
        if (filled === seats) break
        const pair = x.relatives.find(([a, b]) => rest.includes(a) && rest.includes(b))
        const tie =
          pair !== undefined
            ? { candidates: [...pair].sort(compareCodeUnits), seats: 1, reason: "relatives-tie" }
            : rest.length > seats - filled
              ? { candidates: rest, seats: seats - filled, reason: "tie" }
              : undefined
        if (tie === undefined) break
        steps.push(
          tie.reason === "tie"
            ? {
                code: "tie",
                zh: `${tie.candidates.join("、")} 得票相等（${votes} 票），争夺最后 ${tie.seats} 个席位，须就票数相等的候选人再次投票。`,
                en: `${tie.candidates.join(", ")} tie on ${votes} votes for the last ${tie.seats} seat(s): a re-vote between them is required.`,
                citation: art28
              }
            : {
                code: "relatives-tie",
                zh: `${tie.candidates.join("、")} 为近亲属，职务相同且得票相等（${votes} 票），须再次投票决定由谁任职。`,
                en: `${tie.candidates.join(" and ")} are close relatives in the same post with equal votes (${votes}): they vote again to decide who serves.`,
                citation: art31
              }
        )
        const supplied = revotes.rounds[revotes.next]
        if (supplied === undefined) return { kind: "tie", ...tie }
        revotes.next++
        const rv = countRound(supplied.ballots, tie.seats, tie.candidates)
        record(revotes.label, rv)
        if (exceedsVoters(revotes.label, rv.cast)) return { kind: "void" }
        const ranking = byVotes(rv.tallies)
        const text = ROUND_TEXT[revotes.label]
        steps.push({
          code: revotes.label,
          zh: `${text.zh}：${ranking.map(([c, v]) => `${c} ${v}`).join("，")}（投票 ${rv.cast} 张），得票多的当选。`,
          en: `${text.title}: ${ranking.map(([c, v]) => `${c} ${v}`).join(", ")} (${rv.cast} ballots); the higher vote wins.`,
          citation: tie.reason === "tie" ? art28 : art31
        })
        // The re-vote seats its winners (an art. 28 re-vote takes every seat left, so the
        // loop ends); the losers stay in the group, to be screened against the winners.
        const got = fill(ranking, tie.seats, revotes.label, revotes)
        if (typeof got !== "number") return got
        filled += got
        rest = rest.filter((c) => !inOffice(c))
      }
      for (const c of rest) {
        if (filled === seats) break
        elected.push({ candidate: c, votes, round: label })
        filled++
      }
    }
    return filled
  }

  const result = (
    status: CommitteeElectionResult["status"],
    extra: Partial<Pick<CommitteeElectionResult, "runoffCandidates" | "tieRevoteCandidates" | "tieRevoteSeats">> = {}
  ): Result<CommitteeElectionResult, InvalidInputError> => {
    // A round supplied but never reached would be ignored silently: refuse it instead — also
    // when the count stopped on a void round.
    const unused = [
      ...firstRevotes.rounds.slice(firstRevotes.next),
      ...(rounds.some((r) => r.round === "runoff") ? [] : runoffRound),
      ...runoffRevotes.rounds.slice(runoffRevotes.next)
    ]
    if (unused.length > 0)
      return err(
        new InvalidInputError(
          unused.map((r) =>
            issue(
              r.path,
              "unused_round",
              "提供了按计票结果不需要举行的一轮投票",
              "this round was supplied but the count never calls for it"
            )
          )
        )
      )
    return ok({
      status,
      reasons: [...reasons],
      elected,
      unfilledSeats: x.seats - elected.length,
      runoffCandidates: extra.runoffCandidates ?? [],
      tieRevoteCandidates: extra.tieRevoteCandidates ?? [],
      tieRevoteSeats: extra.tieRevoteSeats ?? 0,
      rounds,
      checks,
      explanation: steps,
      inputDigest: digest
    })
  }
  const halted = (h: Halt, runoffCandidates: Array<string>) => {
    if (h.kind === "void") return result("void", { runoffCandidates })
    reasons.push(h.reason)
    return result("tieRevoteRequired", {
      runoffCandidates,
      tieRevoteCandidates: h.candidates,
      tieRevoteSeats: h.seats
    })
  }

  // First round.
  const first = countRound(x.ballots, x.seats, x.candidates)
  record("first", first)
  if (x.committee === "residents")
    steps.push({
      code: "residents-defaults",
      zh: "居民委员会组织法未规定选举有效和当选门槛，以下门槛为可配置参数，默认参照村民委员会组织法第十五条。",
      en: "The Residents' Committees Law sets no validity or winning thresholds; the thresholds below are parameters defaulting to the Villagers' Committees Law art. 15.",
      citation: article(committeeLaw, "art. 8")
    })
  if (exceedsVoters("first", first.cast)) return result("void")
  const turnout = check("turnout", first.cast, x.registeredVoters, rules.turnout, "moreThan", art15)
  checks.push(turnout)
  steps.push({
    code: "turnout",
    zh: `投票人数 ${first.cast}/${x.registeredVoters}（${turnout.inequality}），${turnout.passed ? "选举有效" : "未过半数，选举无效"}。`,
    en: `Turnout ${first.cast}/${x.registeredVoters} (${turnout.inequality}): ${turnout.passed ? "the election is valid" : "not more than half, so the election is void"}.`,
    citation: art15
  })
  if (!turnout.passed) {
    reasons.push("turnout")
    return result("void")
  }
  if (first.invalid > 0)
    steps.push({
      code: "invalid-ballots",
      zh: `无效票 ${first.invalid} 张（多选、重复或作废），空白票 ${first.blank} 张，均计入投票总数。`,
      en: `${first.invalid} invalid ballot(s) (overvoted, repeated or spoiled) and ${first.blank} blank, all counted as cast.`,
      citation: art27
    })
  const lineChecks = byVotes(first.tallies).map(([c, v]) => ({
    entry: [c, v] as const,
    check: check(`win-line:${c}`, v, first.cast, rules.winLine, "moreThan", art15)
  }))
  for (const l of lineChecks) checks.push(l.check)
  const overLine = lineChecks.filter((l) => l.check.passed)
  const overText = (zh: boolean) =>
    overLine
      .map(({ entry: [c, v], check: k }) => (zh ? `${c} ${v}（${k.inequality}）` : `${c} ${v} (${k.inequality})`))
      .join(zh ? "；" : "; ")
  steps.push({
    code: "win-line",
    zh: `当选须获得参加投票的 ${first.cast} 张选票的${kindZh(rules.winLine, "moreThan")}：${overText(true) || "无人"}过线。`,
    en: `Winning needs ${kindEn(rules.winLine, "moreThan")} of the ${first.cast} ballots cast: ${overText(false) || "nobody"} ${overLine.length === 1 ? "clears" : "clear"} the line.`,
    citation: art15
  })
  // Seats freed by the relatives rule go to the next candidates over the line, in vote order
  // (Zhejiang art. 31), before any runoff.
  const firstFill = fill(
    overLine.map((l) => l.entry),
    x.seats,
    "first",
    firstRevotes
  )
  if (typeof firstFill !== "number") return halted(firstFill, [])

  // Runoff (另行选举) for the seats still open.
  let runoffCandidates: Array<string> = []
  if (elected.length < x.seats) {
    const open = x.seats - elected.length
    // A candidate whose election lapsed has a relative in office, so the last test leaves them out too.
    const pool = byVotes(first.tallies).filter(([c]) => !inOffice(c) && conflictOf(c) === undefined)
    // Candidates tied with the last one taken all stand: who to leave out is not ours to pick.
    const cutVotes = pool[Math.min(open + rules.runoffExtraCandidates, pool.length) - 1]?.[1]
    runoffCandidates = pool
      .filter(([, v], i) => i < open + rules.runoffExtraCandidates || v === cutVotes)
      .map(([c]) => c)
    if (runoffCandidates.length === 0)
      steps.push({
        code: "no-runoff-candidates",
        zh: `仍有 ${open} 个席位未选足，但第一轮已无可参加另行选举的候选人。`,
        en: `${open} seat(s) remain unfilled, but no first-round candidate is left to stand in a runoff.`,
        citation: art15
      })
    else {
      steps.push({
        code: "runoff",
        zh: `仍有 ${open} 个席位未选足，另行选举，候选人按得票多少为：${runoffCandidates.join("、")}。`,
        en: `${open} seat(s) remain unfilled: a runoff (另行选举) among the top unelected candidates ${runoffCandidates.join(", ")}.`,
        citation: art15
      })
      if (!x.runoff) {
        reasons.push("seats-unfilled")
        return result("runoffRequired", { runoffCandidates })
      }
      const ro = countRound(x.runoff.ballots, open, runoffCandidates)
      record("runoff", ro)
      if (exceedsVoters("runoff", ro.cast)) return result("void", { runoffCandidates })
      const floorChecks = byVotes(ro.tallies).map(([c, v]) => ({
        entry: [c, v] as const,
        check: check(`runoff-floor:${c}`, v, ro.cast, rules.runoffFloor, "atLeast", art15)
      }))
      for (const f of floorChecks) checks.push(f.check)
      const floorText = (zh: boolean) =>
        floorChecks
          .map(({ entry: [c, v], check: k }) =>
            zh
              ? `${c} ${v}（${k.inequality}，${k.passed ? "达到" : "未达到"}）`
              : `${c} ${v} (${k.inequality}: ${k.passed ? "met" : "not met"})`
          )
          .join(zh ? "；" : "; ")
      steps.push({
        code: "runoff-floor",
        zh: `另行选举以得票多的当选，但得票不得少于该轮选票总数 ${ro.cast} 的${kindZh(rules.runoffFloor, "atLeast").replace(/以上$/, "")}：${floorText(true)}。`,
        en: `In the runoff the highest vote wins, but only with ${kindEn(rules.runoffFloor, "atLeast")} of the ${ro.cast} ballots cast: ${floorText(false)}.`,
        citation: art15
      })
      const runoffFill = fill(
        floorChecks.filter((f) => f.check.passed).map((f) => f.entry),
        open,
        "runoff",
        runoffRevotes
      )
      if (typeof runoffFill !== "number") return halted(runoffFill, runoffCandidates)
    }
  }

  const unfilled = x.seats - elected.length
  const members = x.membersElsewhere.length + elected.length
  const status: CommitteeElectionResult["status"] =
    unfilled === 0 ? "complete" : members >= rules.minMembersToLeaveVacancy ? "vacancyAllowed" : "repeatRequired"
  if (unfilled > 0) reasons.push("seats-unfilled")
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
  return result(status, { runoffCandidates })
}
