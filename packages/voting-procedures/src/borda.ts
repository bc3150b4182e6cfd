import type { InvalidInputError, Result } from "@jiceng/core"
import { finish, prepare, type SingleWinnerResult, scoreRecord, tiersByScore } from "./internal/single.ts"

/**
 * Borda count: on each ballot a candidate scores one point for every candidate it is ranked
 * strictly above (unranked candidates are below all ranked ones and score nothing), so
 * truncated and tied ballots are handled without fractions.
 *
 * @example
 * ```ts
 * import { borda } from "@jiceng/voting-procedures"
 * const r = borda({ candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["A", "B", "C"] }, { ranking: ["B", "C", "A"] }] })
 * r.ok && r.value.scores //=> { A: 4, B: 4, C: 1 }
 * r.ok && r.value.tiedWinners //=> ["A", "B"]
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const borda = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p, live } = prep.value
  const score = new Float64Array(p.candidates.length)
  const m = live.length
  for (let b = 0; b < p.counts.length; b++) {
    const s = p.offsets[b]!
    const e = p.offsets[b + 1]!
    const w = p.counts[b]!
    for (let i = s; i < e; i++) {
      let below = m - (e - s) // the unranked
      for (let j = s; j < e; j++) if (p.tiers[j]! > p.tiers[i]!) below++
      score[p.entries[i]!]! += below * w
    }
  }
  const f = (c: number) => score[c]!
  return {
    ok: true,
    value: finish(prep.value, "borda", tiersByScore(live, f), {
      scores: scoreRecord(prep.value, f),
      explanation: [
        {
          code: "count",
          zh: "每张选票上，候选人每排在一位候选人之前得 1 分（未排序者计为最后）。",
          en: "On each ballot a candidate scores a point for every candidate ranked below it (unranked count as last)."
        }
      ]
    })
  }
}
