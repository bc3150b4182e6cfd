import { err, InvalidInputError as IIE, type InvalidInputError, issue, ok, type Result } from "@jiceng/core"
import * as z from "zod"
import type { SingleWinnerResult } from "./internal/single.ts"
import { profile } from "./Profile.ts"

/**
 * The axioms {@link checkAxioms} can test.
 *
 * @example
 * ```ts
 * import { AxiomName } from "@jiceng/voting-procedures"
 * AxiomName.options.length //=> 8
 * ```
 * @since 0.1.0
 * @category axioms
 */
export const AxiomName = z.enum([
  "condorcetWinner",
  "condorcetLoser",
  "majority",
  "pareto",
  "monotonicity",
  "participation",
  "anonymity",
  "neutrality"
])
/** @since 0.1.0 @category axioms */
export type AxiomName = z.infer<typeof AxiomName>

/**
 * A single-winner method as {@link checkAxioms} calls it.
 *
 * @since 0.1.0
 * @category axioms
 */
export type VotingMethod = (profile: unknown, options?: unknown) => Result<SingleWinnerResult, InvalidInputError>

/**
 * The verdict on one axiom for one profile: not applicable (the premise does not hold),
 * satisfied, or violated with a witness profile that shows it.
 *
 * @since 0.1.0
 * @category axioms
 */
export interface AxiomReport {
  readonly axiom: AxiomName
  readonly applicable: boolean
  readonly satisfied: boolean
  readonly witness?: {
    readonly profile: PlainProfile
    readonly winnerBefore: string
    readonly winnerAfter: string
  }
  readonly zh: string
  readonly en: string
}

type PlainProfile = {
  candidates: Array<string>
  ballots: Array<{ count: number; ranking: Array<string | Array<string>> }>
}

const plain = (input: unknown): Result<PlainProfile, InvalidInputError> => {
  const p = profile(input)
  if (!p.ok) return p
  const j = p.value.toJSON()
  if (j.withdrawn.length > 0)
    return err(
      new IIE([
        issue(
          ["withdrawn"],
          "unsupported",
          "公理检验不支持退选候选人",
          "axiom checks do not support withdrawn candidates"
        )
      ])
    )
  return ok({ candidates: j.candidates, ballots: j.ballots })
}

const tiersOf = (r: Array<string | Array<string>>): Array<Array<string>> =>
  r.map((t) => (typeof t === "string" ? [t] : t))
const rank = (ballot: Array<string | Array<string>>, c: string): number => {
  const i = tiersOf(ballot).findIndex((t) => t.includes(c))
  return i < 0 ? Number.POSITIVE_INFINITY : i
}
const prefers = (ballot: Array<string | Array<string>>, a: string, b: string) => rank(ballot, a) < rank(ballot, b)
const sameSet = (a: ReadonlyArray<string>, b: ReadonlyArray<string>) =>
  a.length === b.length && a.every((x) => b.includes(x))

const pairwise = (p: PlainProfile, a: string, b: string): number =>
  p.ballots.reduce((n, x) => n + (prefers(x.ranking, a, b) ? x.count : 0), 0)

/**
 * The Condorcet winner of a profile — the candidate who beats every other head to head — or
 * `undefined` when there is none.
 *
 * @example
 * ```ts
 * import { condorcetWinner } from "@jiceng/voting-procedures"
 * condorcetWinner({ candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["B", "A", "C"] }, { ranking: ["A", "C", "B"] }] }) //=> "B"
 * ```
 * @since 0.1.0
 * @category axioms
 */
export const condorcetWinner = (input: unknown): string | undefined => {
  const p = plain(input)
  if (!p.ok) return undefined
  const cs = p.value.candidates
  return cs.find((a) => cs.every((b) => a === b || pairwise(p.value, a, b) > pairwise(p.value, b, a)))
}

/**
 * The Condorcet loser — beaten head to head by every other candidate — or `undefined`.
 *
 * @example
 * ```ts
 * import { condorcetLoser } from "@jiceng/voting-procedures"
 * condorcetLoser({ candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["B", "A", "C"] }, { ranking: ["A", "C", "B"] }] }) //=> "C"
 * ```
 * @since 0.1.0
 * @category axioms
 */
export const condorcetLoser = (input: unknown): string | undefined => {
  const p = plain(input)
  if (!p.ok) return undefined
  const cs = p.value.candidates
  return cs.find((a) => cs.every((b) => a === b || pairwise(p.value, b, a) > pairwise(p.value, a, b)))
}

const winnerOf = (method: VotingMethod, p: PlainProfile, options: unknown): SingleWinnerResult | undefined => {
  const r = method(p, options)
  return r.ok ? r.value : undefined
}

const report = (
  axiom: AxiomName,
  applicable: boolean,
  satisfied: boolean,
  zh: string,
  en: string,
  witness?: AxiomReport["witness"]
): AxiomReport =>
  witness ? { axiom, applicable, satisfied, witness, zh, en } : { axiom, applicable, satisfied, zh, en }

/**
 * Tests a single-winner method against social-choice axioms on one profile, returning, for
 * each, whether it applies, whether it holds, and a witness profile for every violation found
 * (monotonicity: lifting the winner one place on one ballot type; participation: adding one
 * ballot that prefers the winner; anonymity: reversing the ballot order; neutrality: renaming
 * the candidates). Results compare the method's own co-winners, before any tie-break.
 *
 * @example
 * ```ts
 * import { checkAxioms, plurality } from "@jiceng/voting-procedures"
 * const p = { candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["A", "B", "C"] }, { count: 2, ranking: ["B", "C", "A"] }, { count: 1, ranking: ["C", "B", "A"] }] }
 * const r = checkAxioms(plurality, p, ["condorcetWinner"])
 * r.ok && r.value[0]!.satisfied //=> false
 * ```
 * @since 0.1.0
 * @category axioms
 */
export const checkAxioms = (
  method: VotingMethod,
  input: unknown,
  which: ReadonlyArray<AxiomName> = AxiomName.options,
  options?: unknown
): Result<ReadonlyArray<AxiomReport>, InvalidInputError> => {
  const pp = plain(input)
  if (!pp.ok) return pp
  const p = pp.value
  const base = method(p, options)
  if (!base.ok) return base
  const W = base.value
  const total = p.ballots.reduce((n, b) => n + b.count, 0)
  const out: Array<AxiomReport> = []
  for (const axiom of which) {
    if (axiom === "condorcetWinner") {
      const cw = condorcetWinner(p)
      out.push(
        cw === undefined
          ? report(axiom, false, true, "没有孔多塞胜者。", "There is no Condorcet winner.")
          : report(axiom, true, sameSet(W.tiedWinners, [cw]), `孔多塞胜者为 ${cw}。`, `The Condorcet winner is ${cw}.`)
      )
    } else if (axiom === "condorcetLoser") {
      const cl = condorcetLoser(p)
      out.push(
        cl === undefined
          ? report(axiom, false, true, "没有孔多塞输家。", "There is no Condorcet loser.")
          : report(axiom, true, !W.tiedWinners.includes(cl), `孔多塞输家为 ${cl}。`, `The Condorcet loser is ${cl}.`)
      )
    } else if (axiom === "majority") {
      const maj = p.candidates.find(
        (c) =>
          2 *
            p.ballots.reduce(
              (n, b) => n + (tiersOf(b.ranking)[0]?.length === 1 && tiersOf(b.ranking)[0]![0] === c ? b.count : 0),
              0
            ) >
          total
      )
      out.push(
        maj === undefined
          ? report(
              axiom,
              false,
              true,
              "没有候选人获得过半数第一选择。",
              "No candidate is the sole first choice of a majority."
            )
          : report(
              axiom,
              true,
              sameSet(W.tiedWinners, [maj]),
              `${maj} 获得过半数第一选择。`,
              `${maj} is the first choice of a majority.`
            )
      )
    } else if (axiom === "pareto") {
      const dominated = p.candidates.filter((b) =>
        p.candidates.some((a) => a !== b && p.ballots.every((x) => prefers(x.ranking, a, b)))
      )
      out.push(
        report(
          axiom,
          dominated.length > 0,
          !W.tiedWinners.some((w) => dominated.includes(w)),
          `被帕累托占优的候选人：${dominated.join("、") || "无"}。`,
          `Pareto-dominated candidates: ${dominated.join(", ") || "none"}.`
        )
      )
    } else if (axiom === "monotonicity") {
      const w = W.winner
      let witness: AxiomReport["witness"]
      for (let i = 0; i < p.ballots.length && !witness; i++) {
        const tiers = tiersOf(p.ballots[i]!.ranking)
        const r = rank(p.ballots[i]!.ranking, w)
        if (r === 0) continue
        const lifted = tiers.map((t) => t.filter((c) => c !== w)).filter((t) => t.length > 0)
        const target = r === Number.POSITIVE_INFINITY ? lifted.length : r - 1
        lifted.splice(Math.min(target, lifted.length), 0, [w])
        // Lift one copy of this ballot type only.
        const ballots = p.ballots.flatMap((b, j) =>
          j !== i
            ? [b]
            : [
                ...(b.count > 1 ? [{ count: b.count - 1, ranking: b.ranking }] : []),
                { count: 1, ranking: lifted.map((t) => (t.length === 1 ? t[0]! : t)) }
              ]
        )
        const q = { candidates: p.candidates, ballots }
        const after = winnerOf(method, q, options)
        if (after && !after.tiedWinners.includes(w))
          witness = { profile: q, winnerBefore: w, winnerAfter: after.winner }
      }
      out.push(
        report(
          axiom,
          true,
          witness === undefined,
          witness
            ? `把 ${w} 在一张选票上提前一位后，胜者变为 ${witness.winnerAfter}：违反单调性。`
            : "在任一选票上提前胜者都不会使其落败。",
          witness
            ? `Lifting ${w} one place on one ballot makes ${witness.winnerAfter} win: monotonicity fails.`
            : "Lifting the winner on any ballot never makes it lose.",
          witness
        )
      )
    } else if (axiom === "participation") {
      const w = W.winner
      let witness: AxiomReport["witness"]
      for (const b of p.ballots) {
        if (witness) break
        const q = { candidates: p.candidates, ballots: [...p.ballots, { count: 1, ranking: b.ranking }] }
        const after = winnerOf(method, q, options)
        if (after && after.winner !== w && prefers(b.ranking, w, after.winner))
          witness = { profile: q, winnerBefore: w, winnerAfter: after.winner }
      }
      out.push(
        report(
          axiom,
          true,
          witness === undefined,
          witness
            ? `增加一张偏好 ${w} 胜过 ${witness.winnerAfter} 的选票反而使 ${witness.winnerAfter} 当选：违反参与性。`
            : "增加一张已有类型的选票不会损害该选民。",
          witness
            ? `Adding a ballot preferring ${w} to ${witness.winnerAfter} elects ${witness.winnerAfter}: participation fails.`
            : "Adding a copy of any ballot never hurts that voter.",
          witness
        )
      )
    } else if (axiom === "anonymity") {
      const q = {
        candidates: p.candidates,
        ballots: p.ballots
          .flatMap((b) => Array.from({ length: b.count }, () => ({ count: 1, ranking: b.ranking })))
          .reverse()
      }
      const after = winnerOf(method, q, options)
      const okay = after !== undefined && sameSet(after.tiedWinners, W.tiedWinners) && after.winner === W.winner
      out.push(
        report(
          axiom,
          true,
          okay,
          okay ? "颠倒选票顺序不改变结果。" : "颠倒选票顺序改变了结果。",
          okay ? "Reversing the ballot order changes nothing." : "Reversing the ballot order changes the result.",
          okay || !after ? undefined : { profile: q, winnerBefore: W.winner, winnerAfter: after.winner }
        )
      )
    } else {
      const rename = new Map(p.candidates.map((c, i) => [c, p.candidates[p.candidates.length - 1 - i]!]))
      const back = new Map([...rename].map(([a, b]) => [b, a]))
      const q = {
        candidates: p.candidates,
        ballots: p.ballots.map((b) => ({
          count: b.count,
          ranking: b.ranking.map((t) => (typeof t === "string" ? rename.get(t)! : t.map((c) => rename.get(c)!)))
        }))
      }
      // The declared tie-break is renamed with the candidates, so ties resolve equivariantly.
      const renamedOptions = {
        ...(typeof options === "object" && options !== null ? options : {}),
        tieBreak: { kind: "order", order: W.tieBreak.order.map((c) => rename.get(c)!) }
      }
      const after = winnerOf(method, q, renamedOptions)
      const okay =
        after !== undefined &&
        sameSet(
          after.tiedWinners.map((c) => back.get(c)!),
          W.tiedWinners
        ) &&
        back.get(after.winner) === W.winner
      out.push(
        report(
          axiom,
          true,
          okay,
          okay ? "互换候选人名称后，结果随之互换。" : "互换候选人名称后结果不对应。",
          okay
            ? "Renaming the candidates renames the co-winners accordingly."
            : "Renaming the candidates does not rename the co-winners.",
          okay || !after ? undefined : { profile: q, winnerBefore: W.winner, winnerAfter: after.winner }
        )
      )
    }
  }
  return ok(out)
}
