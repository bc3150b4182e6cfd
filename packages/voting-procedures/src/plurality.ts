import type { InvalidInputError, Result } from "@jiceng/core"
import { finish, prepare, type SingleWinnerResult, scoreRecord, tiersByScore } from "./internal/single.ts"

/**
 * Plurality (first past the post): each ballot counts for its first choice. A ballot whose
 * first rank is a tie is an overvote and counts for nobody (reported, never dropped silently).
 *
 * @example
 * ```ts
 * import { plurality } from "@jiceng/voting-procedures"
 * const r = plurality({ candidates: ["A", "B"], ballots: [{ count: 3, ranking: ["B"] }, { count: 2, ranking: ["A"] }] })
 * r.ok && r.value.winner //=> "B"
 * r.ok && r.value.scores //=> { A: 2, B: 3 }
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const plurality = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p } = prep.value
  const score = new Float64Array(p.candidates.length)
  let overvotes = 0
  let blank = 0
  for (let b = 0; b < p.counts.length; b++) {
    const s = p.offsets[b]!
    const e = p.offsets[b + 1]!
    if (e === s) blank += p.counts[b]!
    else if (e > s + 1 && p.tiers[s + 1] === p.tiers[s]) overvotes += p.counts[b]!
    else score[p.entries[s]!]! += p.counts[b]!
  }
  const f = (c: number) => score[c]!
  return {
    ok: true,
    value: finish(prep.value, "plurality", tiersByScore(prep.value.live, f), {
      scores: scoreRecord(prep.value, f),
      explanation: [
        {
          code: "count",
          zh: `统计每张选票的第一选择；首位并列的 ${overvotes} 张视为多选无效，空白 ${blank} 张。`,
          en: `Each ballot counts for its first choice; ${overvotes} ballot(s) with a tied first rank are overvotes, ${blank} blank.`
        }
      ]
    })
  }
}
