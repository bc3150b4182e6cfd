import type { InvalidInputError, Result } from "@jiceng/core"
import type { ExplanationStep } from "./Explanation.ts"
import { finish, prepare, type SingleWinnerResult } from "./internal/single.ts"
import type { TieRecord } from "./TieBreak.ts"

/**
 * Instant-runoff voting: count each ballot for its highest continuing choice; a candidate
 * with more than half of the non-exhausted ballots wins, otherwise the last is eliminated
 * (ties: the fewest votes in the most recent round where they differ, then the declared
 * tie-break) and the count repeats. Every round is returned.
 *
 * @example
 * ```ts
 * import { irv } from "@jiceng/voting-procedures"
 * const r = irv({
 *   candidates: ["A", "B", "C"],
 *   ballots: [{ count: 4, ranking: ["A"] }, { count: 3, ranking: ["B"] }, { count: 2, ranking: ["C", "B"] }]
 * })
 * r.ok && r.value.winner //=> "B"
 * r.ok && r.value.rounds!.length //=> 2
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const irv = (input: unknown, options?: unknown): Result<SingleWinnerResult, InvalidInputError> => {
  const prep = prepare(input, options, { strict: true })
  if (!prep.ok) return prep
  const { p, live, priority } = prep.value
  const m = p.candidates.length
  const names = p.candidates
  const nb = p.counts.length
  const alive = new Uint8Array(m)
  for (const c of live) alive[c] = 1
  const pos = new Int32Array(nb)
  const tally = new Float64Array(m)
  // Ballots grouped by their current candidate: a linked list per candidate, so eliminating
  // a candidate touches only its own ballots.
  const head = new Int32Array(m).fill(-1)
  const next = new Int32Array(nb).fill(-1)
  let exhausted = 0
  const place = (b: number, from: number) => {
    const end = p.offsets[b + 1]!
    for (let i = from; i < end; i++) {
      const c = p.entries[i]!
      if (alive[c] === 1) {
        pos[b] = i
        next[b] = head[c]!
        head[c] = b
        tally[c]! += p.counts[b]!
        return
      }
    }
    exhausted += p.counts[b]!
  }
  for (let b = 0; b < nb; b++) place(b, p.offsets[b]!)
  const rounds: Array<{
    round: number
    tallies: Record<string, number>
    exhausted: number
    eliminated: Array<string>
  }> = []
  const history: Array<Float64Array> = []
  const ties: Array<TieRecord> = []
  const steps: Array<ExplanationStep> = []
  const eliminatedOrder: Array<number> = []
  let remaining = live.length
  for (let round = 1; ; round++) {
    let total = 0
    const tallies: Record<string, number> = {}
    for (let c = 0; c < m; c++)
      if (alive[c] === 1) {
        total += tally[c]!
        tallies[names[c]!] = tally[c]!
      }
    history.push(tally.slice())
    let best = -1
    for (let c = 0; c < m; c++) if (alive[c] === 1 && (best < 0 || tally[c]! > tally[best]!)) best = c
    if (2 * tally[best]! > total || remaining === 1) {
      rounds.push({ round, tallies, exhausted, eliminated: [] })
      steps.push({
        code: "majority",
        zh: `第 ${round} 轮：${names[best]} 获得 ${tally[best]} 票，超过未耗尽选票 ${total} 的半数。`,
        en: `Round ${round}: ${names[best]} has ${tally[best]} of ${total} continuing ballots, more than half.`
      })
      break
    }
    let low = Number.POSITIVE_INFINITY
    for (let c = 0; c < m; c++) if (alive[c] === 1 && tally[c]! < low) low = tally[c]!
    let tied: Array<number> = []
    for (let c = 0; c < m; c++) if (alive[c] === 1 && tally[c] === low) tied.push(c)
    let loser = tied[0]!
    if (tied.length > 1) {
      const all = tied.map((c) => names[c]!)
      for (let s = history.length - 2; s >= 0 && tied.length > 1; s--) {
        const v = history[s]!
        const min = Math.min(...tied.map((c) => v[c]!))
        const narrowed = tied.filter((c) => v[c] === min)
        if (narrowed.length < tied.length) tied = narrowed
      }
      if (tied.length === 1) {
        loser = tied[0]!
        ties.push({ stage: round, purpose: "elimination", tied: all, chosen: names[loser]!, by: "priorStage" })
      } else {
        loser = tied.reduce((a, b) => (priority[b]! > priority[a]! ? b : a))
        ties.push({ stage: round, purpose: "elimination", tied: all, chosen: names[loser]!, by: "tieBreak" })
      }
    }
    rounds.push({ round, tallies, exhausted, eliminated: [names[loser]!] })
    steps.push({
      code: "eliminate",
      zh: `第 ${round} 轮：无人过半，淘汰得票最少的 ${names[loser]}（${tally[loser]} 票）。`,
      en: `Round ${round}: nobody has a majority; ${names[loser]} (${tally[loser]}) is eliminated.`
    })
    alive[loser] = 0
    eliminatedOrder.push(loser)
    remaining--
    for (let b = head[loser]!; b >= 0; ) {
      const nx = next[b]!
      place(b, pos[b]! + 1)
      b = nx
    }
    head[loser] = -1
    tally[loser] = 0
  }
  // Ranking: the winner, the rest of the final round by votes, then the eliminated, last first.
  const finalists = live.filter((c) => alive[c] === 1).sort((a, b) => tally[b]! - tally[a]! || a - b)
  const tiers: Array<Array<number>> = []
  for (const c of finalists) {
    const last = tiers[tiers.length - 1]
    if (last && tally[last[0]!] === tally[c]) last.push(c)
    else tiers.push([c])
  }
  for (let i = eliminatedOrder.length - 1; i >= 0; i--) tiers.push([eliminatedOrder[i]!])
  return { ok: true, value: finish(prep.value, "irv", tiers, { rounds, ties, explanation: steps }) }
}
