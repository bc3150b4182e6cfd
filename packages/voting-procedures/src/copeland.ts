import type { InvalidInputError, Result } from "@jiceng/core"
import { pairwiseMatrix, toRows } from "./internal/pairwise.ts"
import { finish, prepare, type SingleWinnerResult, scoreRecord, tiersByScore } from "./internal/single.ts"

/**
 * Copeland's method: a candidate scores its pairwise wins minus its pairwise losses (the same
 * order as wins + ½ ties, kept in integers); the highest score wins.
 *
 * @example
 * ```ts
 * import { copeland } from "@jiceng/voting-procedures"
 * const r = copeland({ candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["A", "B", "C"] }, { ranking: ["B", "C", "A"] }] })
 * r.ok && r.value.scores //=> { A: 2, B: 0, C: -2 }
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const copeland = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p, live } = prep.value
  const m = p.candidates.length
  const d = pairwiseMatrix(p)
  const score = new Float64Array(m)
  for (const i of live)
    for (const j of live) {
      if (i === j) continue
      if (d[i * m + j]! > d[j * m + i]!) score[i]!++
      else if (d[i * m + j]! < d[j * m + i]!) score[i]!--
    }
  const f = (c: number) => score[c]!
  return {
    ok: true,
    value: finish(prep.value, "copeland", tiersByScore(live, f), {
      pairwise: toRows(d, m),
      scores: scoreRecord(prep.value, f),
      explanation: [
        { code: "count", zh: "每位候选人得分 = 两两对决胜场 − 负场。", en: "Score = pairwise wins − pairwise losses." }
      ]
    })
  }
}
