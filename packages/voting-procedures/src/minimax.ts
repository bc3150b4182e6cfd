import type { InvalidInputError, Result } from "@jiceng/core"
import { pairwiseMatrix, toRows } from "./internal/pairwise.ts"
import { finish, prepare, type SingleWinnerResult, scoreRecord, tiersByScore } from "./internal/single.ts"

/**
 * Minimax (Simpson–Kramer) with winning votes: a candidate's score is its worst pairwise
 * defeat (the votes of the strongest opponent that beats it, 0 if unbeaten); the smallest
 * score wins. `scores` holds the negated worst defeat, so higher is better as elsewhere.
 *
 * @example
 * ```ts
 * import { minimax } from "@jiceng/voting-procedures"
 * const r = minimax({ candidates: ["A", "B"], ballots: [{ count: 2, ranking: ["A", "B"] }, { ranking: ["B", "A"] }] })
 * r.ok && r.value.scores //=> { A: 0, B: -2 }
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const minimax = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p, live } = prep.value
  const m = p.candidates.length
  const d = pairwiseMatrix(p)
  const worst = new Float64Array(m)
  for (const c of live)
    for (const o of live)
      if (o !== c && d[o * m + c]! > d[c * m + o]! && d[o * m + c]! > worst[c]!) worst[c] = d[o * m + c]!
  const f = (c: number) => (worst[c] === 0 ? 0 : -worst[c]!)
  return {
    ok: true,
    value: finish(prep.value, "minimax", tiersByScore(live, f), {
      pairwise: toRows(d, m),
      scores: scoreRecord(prep.value, f),
      explanation: [
        {
          code: "count",
          zh: "每位候选人以其最严重的两两失败（胜方票数）计分，最小者胜。",
          en: "Each candidate is scored by its worst pairwise defeat (winning votes); the smallest wins."
        }
      ]
    })
  }
}
