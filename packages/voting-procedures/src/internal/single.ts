import { err, InvalidInputError, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep } from "../Explanation.ts"
import { type Profile, profile } from "../Profile.ts"
import { priorityOf, TieBreak, type TieRecord } from "../TieBreak.ts"
import { unknownCandidate } from "./ballotCounting.ts"

export const MethodOptions = z.object({ tieBreak: TieBreak.default({ kind: "candidateOrder" }) }).default({
  tieBreak: { kind: "candidateOrder" }
})

export interface Prepared {
  readonly p: Profile
  readonly priority: Int32Array
  readonly tieBreak: { readonly kind: TieBreak["kind"]; readonly order: ReadonlyArray<string> }
  /** Continuing (not withdrawn) candidate indices. */
  readonly live: ReadonlyArray<number>
}

export const prepare = (
  input: unknown,
  options: unknown,
  opts: { readonly strict?: boolean } = {}
): Result<Prepared, InvalidInputError> => {
  const p = profile(input)
  if (!p.ok) return p
  const o = validate(MethodOptions, options)
  if (!o.ok) return o
  if (opts.strict && p.value.hasTies)
    return err(
      new InvalidInputError([
        issue(
          ["ballots"],
          "equal_rankings_unsupported",
          "该方法不接受并列排序的选票",
          "this method does not accept ballots with equal rankings"
        )
      ])
    )
  const tb = priorityOf(o.value.tieBreak, p.value.candidates)
  if ("unknown" in tb) return err(new InvalidInputError([unknownCandidate(["tieBreak", "order"], tb.unknown)]))
  const out = new Set(p.value.withdrawn)
  const live = p.value.candidates.map((_, i) => i).filter((i) => !out.has(i))
  if (live.length === 0)
    return err(
      new InvalidInputError([issue(["candidates"], "no_candidates", "没有候选人", "no continuing candidates")])
    )
  return ok({ p: p.value, priority: tb.priority, tieBreak: { kind: o.value.tieBreak.kind, order: tb.order }, live })
}

/**
 * The result every single-winner method returns.
 *
 * @since 0.1.0
 * @category social-choice
 */
export interface SingleWinnerResult {
  readonly method: string
  /** The winner after the declared tie-break. */
  readonly winner: string
  /** Everyone the method itself ranks first (more than one = a tie the tie-break settled). */
  readonly tiedWinners: ReadonlyArray<string>
  /** Best first; inner arrays are ties the method leaves unresolved. */
  readonly ranking: ReadonlyArray<ReadonlyArray<string>>
  readonly scores?: Readonly<Record<string, number>>
  /** `pairwise[i][j]`: ballots ranking candidate i above j (candidate order). */
  readonly pairwise?: ReadonlyArray<ReadonlyArray<number>>
  readonly rounds?: ReadonlyArray<{
    readonly round: number
    readonly tallies: Readonly<Record<string, number>>
    readonly exhausted: number
    readonly eliminated: ReadonlyArray<string>
  }>
  readonly ties: ReadonlyArray<TieRecord>
  readonly tieBreak: { readonly kind: TieBreak["kind"]; readonly order: ReadonlyArray<string> }
  readonly explanation: ReadonlyArray<ExplanationStep>
}

/** Ranks candidates by a score (higher first), tiers for equal scores. */
export const tiersByScore = (live: ReadonlyArray<number>, score: (c: number) => number): Array<Array<number>> => {
  const sorted = [...live].sort((a, b) => score(b) - score(a) || a - b)
  const tiers: Array<Array<number>> = []
  for (const c of sorted) {
    const last = tiers[tiers.length - 1]
    if (last && score(last[0]!) === score(c)) last.push(c)
    else tiers.push([c])
  }
  return tiers
}

export const finish = (
  prep: Prepared,
  method: string,
  tiers: Array<Array<number>>,
  extra: {
    readonly scores?: Record<string, number>
    readonly pairwise?: Array<Array<number>>
    readonly rounds?: SingleWinnerResult["rounds"]
    readonly ties?: Array<TieRecord>
    readonly explanation: Array<ExplanationStep>
  }
): SingleWinnerResult => {
  const names = prep.p.candidates
  const top = tiers[0] ?? []
  const winner = top.reduce((a, b) => (prep.priority[b]! < prep.priority[a]! ? b : a))
  const ties = [...(extra.ties ?? [])]
  if (top.length > 1)
    ties.push({
      stage: 0,
      purpose: "winner",
      tied: top.map((c) => names[c]!),
      chosen: names[winner]!,
      by: "tieBreak"
    })
  const explanation = [...extra.explanation]
  explanation.push(
    top.length > 1
      ? {
          code: "winner",
          zh: `${top.map((c) => names[c]).join("、")} 并列第一，按声明的平局规则（${prep.tieBreak.kind}）选出 ${names[winner]}。`,
          en: `${top.map((c) => names[c]).join(", ")} tie for first; the declared tie-break (${prep.tieBreak.kind}) picks ${names[winner]}.`
        }
      : { code: "winner", zh: `胜者：${names[winner]}。`, en: `Winner: ${names[winner]}.` }
  )
  const result: SingleWinnerResult = {
    method,
    winner: names[winner]!,
    tiedWinners: top.map((c) => names[c]!),
    ranking: tiers.map((t) => t.map((c) => names[c]!)),
    ...(extra.scores ? { scores: extra.scores } : {}),
    ...(extra.pairwise ? { pairwise: extra.pairwise } : {}),
    ...(extra.rounds ? { rounds: extra.rounds } : {}),
    ties,
    tieBreak: prep.tieBreak,
    explanation
  }
  return result
}

export const scoreRecord = (prep: Prepared, score: (c: number) => number): Record<string, number> => {
  const out: Record<string, number> = {}
  for (const c of prep.live) out[prep.p.candidates[c]!] = score(c)
  return out
}
