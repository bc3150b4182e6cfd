import type { InvalidInputError, Result } from "@jiceng/core"
import { pairwiseMatrix, toRows } from "./internal/pairwise.ts"
import { finish, prepare, type SingleWinnerResult, scoreRecord } from "./internal/single.ts"

/**
 * The Schulze (beat-path) method with winning-votes strengths, as used by Debian: build the
 * pairwise matrix, find the strongest path between every pair (Floyd–Warshall, O(m³)), and
 * rank a above b when a's strongest path to b is stronger than b's to a. Reproduces the Debian
 * 2020 leader election.
 *
 * @example
 * ```ts
 * import { schulze } from "@jiceng/voting-procedures"
 * const r = schulze({
 *   candidates: ["A", "B", "C"],
 *   ballots: [{ count: 3, ranking: ["A", "B", "C"] }, { count: 2, ranking: ["B", "C", "A"] }, { count: 2, ranking: ["C", "A", "B"] }]
 * })
 * r.ok && r.value.ranking //=> [["A"], ["B"], ["C"]]
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const schulze = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p, live } = prep.value
  const m = p.candidates.length
  const d = pairwiseMatrix(p)
  const s = new Float64Array(m * m)
  for (const i of live) for (const j of live) if (i !== j && d[i * m + j]! > d[j * m + i]!) s[i * m + j] = d[i * m + j]!
  for (const k of live)
    for (const i of live) {
      if (i === k) continue
      const sik = s[i * m + k]!
      if (sik === 0) continue
      for (const j of live) {
        if (j === i || j === k) continue
        const skj = s[k * m + j]!
        const via = Math.min(sik, skj)
        if (via > s[i * m + j]!) s[i * m + j] = via
      }
    }
  // Schulze's relation is a strict weak order, so the number of candidates each one beats
  // ranks them.
  const beats = new Float64Array(m)
  for (const i of live) for (const j of live) if (i !== j && s[i * m + j]! > s[j * m + i]!) beats[i]!++
  const sorted = [...live].sort((a, b) => beats[b]! - beats[a]! || a - b)
  const tiers: Array<Array<number>> = []
  for (const c of sorted) {
    const last = tiers[tiers.length - 1]
    if (last && beats[last[0]!] === beats[c]) last.push(c)
    else tiers.push([c])
  }
  return {
    ok: true,
    value: finish(prep.value, "schulze", tiers, {
      pairwise: toRows(d, m),
      scores: scoreRecord(prep.value, (c) => beats[c]!),
      explanation: [
        {
          code: "pairwise",
          zh: "统计每两位候选人之间偏好前者的选票数，按最强路径（胜票强度）比较。",
          en: "Count, for every pair, the ballots preferring each; compare by strongest beat paths (winning votes)."
        }
      ]
    })
  }
}
