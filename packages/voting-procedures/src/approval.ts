import type { InvalidInputError, Result } from "@jiceng/core"
import { finish, prepare, type SingleWinnerResult, scoreRecord, tiersByScore } from "./internal/single.ts"

/**
 * Approval voting: every candidate a ballot lists (in any order or tier) is approved once;
 * the most-approved candidate wins.
 *
 * @example
 * ```ts
 * import { approval } from "@jiceng/voting-procedures"
 * const r = approval({ candidates: ["A", "B", "C"], ballots: [{ ranking: [["A", "B"]] }, { ranking: ["B"] }] })
 * r.ok && r.value.scores //=> { A: 1, B: 2, C: 0 }
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const approval = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p } = prep.value
  const score = new Float64Array(p.candidates.length)
  for (let b = 0; b < p.counts.length; b++)
    for (let i = p.offsets[b]!; i < p.offsets[b + 1]!; i++) score[p.entries[i]!]! += p.counts[b]!
  const f = (c: number) => score[c]!
  return {
    ok: true,
    value: finish(prep.value, "approval", tiersByScore(prep.value.live, f), {
      scores: scoreRecord(prep.value, f),
      explanation: [
        {
          code: "count",
          zh: "选票上列出的每位候选人各得一票认可。",
          en: "Every candidate a ballot lists gets one approval."
        }
      ]
    })
  }
}
