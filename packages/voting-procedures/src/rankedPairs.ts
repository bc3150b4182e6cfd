import type { InvalidInputError, Result } from "@jiceng/core"
import { pairwiseMatrix, toRows } from "./internal/pairwise.ts"
import { finish, prepare, type SingleWinnerResult } from "./internal/single.ts"
import type { TieRecord } from "./TieBreak.ts"

/**
 * Tideman's ranked pairs: sort pairwise victories by winning votes (then by smaller losing
 * votes, then by the declared tie-break order of the winner and loser), lock each unless it
 * would create a cycle, and rank by the locked graph.
 *
 * @example
 * ```ts
 * import { rankedPairs } from "@jiceng/voting-procedures"
 * const r = rankedPairs({
 *   candidates: ["A", "B", "C"],
 *   ballots: [{ count: 3, ranking: ["A", "B", "C"] }, { count: 2, ranking: ["B", "C", "A"] }, { count: 2, ranking: ["C", "A", "B"] }]
 * })
 * r.ok && r.value.winner //=> "A"
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const rankedPairs = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options)
  if (!prep.ok) return prep
  const { p, live, priority } = prep.value
  const m = p.candidates.length
  const d = pairwiseMatrix(p)
  const pairs: Array<[number, number]> = []
  for (const i of live) for (const j of live) if (i !== j && d[i * m + j]! > d[j * m + i]!) pairs.push([i, j])
  const ties: Array<TieRecord> = []
  pairs.sort(
    ([a, b], [c, e]) =>
      d[c * m + e]! - d[a * m + b]! ||
      d[b * m + a]! - d[e * m + c]! ||
      priority[a]! - priority[c]! ||
      priority[e]! - priority[b]!
  )
  const locked = new Uint8Array(m * m)
  const reaches = (from: number, to: number): boolean => {
    const seen = new Uint8Array(m)
    const stack = [from]
    while (stack.length > 0) {
      const x = stack.pop()!
      if (x === to) return true
      if (seen[x]) continue
      seen[x] = 1
      for (const y of live) if (locked[x * m + y]) stack.push(y)
    }
    return false
  }
  const skipped: Array<string> = []
  for (const [a, b] of pairs) {
    if (reaches(b, a)) skipped.push(`${p.candidates[a]}>${p.candidates[b]}`)
    else locked[a * m + b] = 1
  }
  // Rank by repeatedly taking the sources of the locked graph.
  const left = new Set(live)
  const tiers: Array<Array<number>> = []
  while (left.size > 0) {
    const sources = [...left].filter((c) => ![...left].some((x) => locked[x * m + c]))
    tiers.push(sources)
    for (const c of sources) left.delete(c)
  }
  return {
    ok: true,
    value: finish(prep.value, "rankedPairs", tiers, {
      pairwise: toRows(d, m),
      ties,
      explanation: [
        {
          code: "lock",
          zh: `按胜票由大到小锁定两两胜负，跳过会形成循环的 ${skipped.length} 对${skipped.length > 0 ? `（${skipped.join("，")}）` : ""}。`,
          en: `Lock pairwise victories from the strongest, skipping ${skipped.length} that would form a cycle${skipped.length > 0 ? ` (${skipped.join(", ")})` : ""}.`
        }
      ]
    })
  }
}
