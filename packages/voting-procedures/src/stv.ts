import { type Citation, err, InvalidInputError, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep } from "./Explanation.ts"
import { unknownCandidate } from "./internal/ballotCounting.ts"
import { floorDiv, mulDivFloor, mulScale9 } from "./internal/fixed.ts"
import { formatFixed } from "./internal/format.ts"
import { type Profile, profile } from "./Profile.ts"
import { priorityOf, TieBreak, type TieRecord } from "./TieBreak.ts"

/**
 * Options of {@link stv}: seats, the counting rule and the declared tie-break.
 *
 * @example
 * ```ts
 * import { StvOptions } from "@jiceng/voting-procedures"
 * StvOptions.parse({ seats: 3 }).rule //=> "scottish"
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const StvOptions = z.object({
  seats: z.int().positive(),
  /** `scottish`: SSI 2007/42 (WIGM, 5 decimals truncated); `meek`: Meek as in Droop (9 decimals, ω = 10⁻⁶). */
  rule: z.enum(["scottish", "meek"]).default("scottish"),
  tieBreak: TieBreak.default({ kind: "candidateOrder" })
})
/** @since 0.1.0 @category social-choice */
export type StvOptions = z.input<typeof StvOptions>

/**
 * One stage (Scottish) or round (Meek) of an STV count; values are exact decimal strings.
 *
 * @since 0.1.0
 * @category social-choice
 */
export interface StvStage {
  readonly stage: number
  readonly action: "first-preferences" | "surplus" | "exclusion" | "iteration" | "batch-exclusion"
  readonly candidates: ReadonlyArray<string>
  readonly votes: Readonly<Record<string, string>>
  readonly quota: string
  readonly exhausted: string
  /** Value lost to truncation so far. */
  readonly loss: string
  readonly elected: ReadonlyArray<string>
  readonly excluded: ReadonlyArray<string>
  /** Meek keep factors. */
  readonly keepFactors?: Readonly<Record<string, string>>
}

/**
 * The result of {@link stv}.
 *
 * @since 0.1.0
 * @category social-choice
 */
export interface StvResult {
  readonly method: "stv"
  readonly rule: "scottish" | "meek"
  readonly seats: number
  readonly validBallots: number
  readonly blankBallots: number
  readonly quota: string
  /** In order of election. */
  readonly elected: ReadonlyArray<string>
  /** In order of exclusion. */
  readonly excluded: ReadonlyArray<string>
  readonly stages: ReadonlyArray<StvStage>
  readonly ties: ReadonlyArray<TieRecord>
  readonly tieBreak: { readonly kind: TieBreak["kind"]; readonly order: ReadonlyArray<string> }
  /** Decimal places of the arithmetic; values are truncated to it. */
  readonly decimals: number
  readonly explanation: ReadonlyArray<ExplanationStep>
}

const SSI_2007_42: Citation = {
  title: "The Scottish Local Government Elections Order 2007 (SSI 2007/42)",
  article: "Sch. 1, rules 45–52",
  issuer: "Scottish Ministers",
  date: "2007-02-09",
  url: "https://www.legislation.gov.uk/ssi/2007/42/contents/made",
  verified: false
}
const MEEK: Citation = {
  title:
    "Hill, Wichmann & Woodall, Algorithm 123 — Single Transferable Vote by Meek's Method, The Computer Journal 30(3)",
  date: "1987-06-01",
  verified: false
}

/**
 * Counts a single-transferable-vote election: `rule: "scottish"` follows the Scottish Local
 * Government Elections Order 2007 (Droop quota ⌊valid ÷ (seats + 1)⌋ + 1, weighted inclusive
 * Gregory surplus transfers truncated to five decimals, ties by the most recent unequal stage
 * and then the declared tie-break) and reproduces Glasgow 2007 Calton exactly; `rule: "meek"`
 * follows Meek's method as in Droop (nine decimals, ω = 10⁻⁶, safe batch exclusion). Every
 * stage is returned with exact decimal values.
 *
 * @example
 * ```ts
 * import { stv } from "@jiceng/voting-procedures"
 * const p = {
 *   candidates: ["Ann", "Bo", "Cy"],
 *   ballots: [{ count: 5, ranking: ["Ann", "Bo"] }, { count: 2, ranking: ["Cy"] }, { count: 2, ranking: ["Bo"] }]
 * }
 * const r = stv(p, { seats: 2 })
 * r.ok && r.value.elected //=> ["Ann", "Bo"]
 * r.ok && r.value.quota //=> "4.00000"
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const stv = (input: unknown, options: unknown): Result<StvResult, InvalidInputError> => {
  const p = profile(input)
  if (!p.ok) return p
  const o = validate(StvOptions, options)
  if (!o.ok) return o
  const prof = p.value
  if (prof.hasTies)
    return err(
      new InvalidInputError([
        issue(
          ["ballots"],
          "equal_rankings_unsupported",
          "STV 计票不接受并列排序的选票",
          "STV counting does not accept ballots with equal rankings"
        )
      ])
    )
  const tb = priorityOf(o.value.tieBreak, prof.candidates)
  if ("unknown" in tb) return err(new InvalidInputError([unknownCandidate(["tieBreak", "order"], tb.unknown)]))
  const hopefulCount = prof.candidates.length - prof.withdrawn.length
  if (o.value.seats > hopefulCount)
    return err(
      new InvalidInputError([
        issue(
          ["seats"],
          "too_many_seats",
          `席位数 ${o.value.seats} 多于候选人数 ${hopefulCount}`,
          `${o.value.seats} seats but only ${hopefulCount} candidates`
        )
      ])
    )
  const tieBreak = { kind: o.value.tieBreak.kind, order: tb.order }
  return ok(
    o.value.rule === "scottish"
      ? scottish(prof, o.value.seats, tb.priority, tieBreak)
      : meek(prof, o.value.seats, tb.priority, tieBreak)
  )
}

/** The state both counts share; candidates are indices until the result names them. */
interface Counter {
  readonly m: number
  readonly status: Int8Array // 0 hopeful, 1 elected, 2 excluded, 3 withdrawn
  readonly history: Array<Float64Array>
  readonly ties: Array<TieRecord>
  /** In order of election. */
  readonly elected: Array<number>
  /** In order of exclusion. */
  readonly excluded: Array<number>
  readonly stages: Array<StvStage>
  readonly steps: Array<ExplanationStep>
}

const newCounter = (prof: Profile): Counter => {
  const m = prof.candidates.length
  const status = new Int8Array(m)
  for (const c of prof.withdrawn) status[c] = 3
  return { m, status, history: [], ties: [], elected: [], excluded: [], stages: [], steps: [] }
}

const namesOf = (prof: Profile, cs: ReadonlyArray<number>): Array<string> => cs.map((c) => prof.candidates[c]!)

/** Formatted values by candidate name; withdrawn candidates take no part in the count. */
const byName = (prof: Profile, k: Counter, values: Float64Array, fmt: (v: number) => string) => {
  const out: Record<string, string> = {}
  for (let c = 0; c < k.m; c++) if (k.status[c] !== 3) out[prof.candidates[c]!] = fmt(values[c]!)
  return out
}

/**
 * Closes a stage: keeps the votes for the look-back tie-break and reports them with the
 * count's own figures (quota, exhausted, loss and, for Meek, the keep factors).
 */
const recordStage = (
  prof: Profile,
  k: Counter,
  votes: Float64Array,
  fmt: (v: number) => string,
  action: StvStage["action"],
  who: ReadonlyArray<number>,
  figures: Pick<StvStage, "quota" | "exhausted" | "loss" | "keepFactors">
): void => {
  k.history.push(votes.slice())
  const stage: StvStage = {
    stage: k.stages.length + 1,
    action,
    candidates: namesOf(prof, who),
    votes: byName(prof, k, votes, fmt),
    quota: figures.quota,
    exhausted: figures.exhausted,
    loss: figures.loss,
    elected: namesOf(prof, k.elected),
    excluded: namesOf(prof, k.excluded)
  }
  // Scottish stages have no keep factors: the key is left out rather than set to undefined.
  k.stages.push(figures.keepFactors === undefined ? stage : { ...stage, keepFactors: figures.keepFactors })
}

const resultOf = (
  prof: Profile,
  k: Counter,
  count: Pick<StvResult, "rule" | "seats" | "validBallots" | "quota" | "tieBreak" | "decimals">
): StvResult => ({
  method: "stv",
  rule: count.rule,
  seats: count.seats,
  validBallots: count.validBallots,
  blankBallots: prof.blankBallots,
  quota: count.quota,
  elected: namesOf(prof, k.elected),
  excluded: namesOf(prof, k.excluded),
  stages: k.stages,
  ties: k.ties,
  tieBreak: count.tieBreak,
  decimals: count.decimals,
  explanation: k.steps
})

const hopeful = (k: Counter): Array<number> => {
  const out = []
  for (let c = 0; c < k.m; c++) if (k.status[c] === 0) out.push(c)
  return out
}

/** Scottish rules 49(2) and 51(2): most recent stage with unequal votes, then the declared lot. */
const breakTie = (
  k: Counter,
  prof: Profile,
  tied: Array<number>,
  highest: boolean,
  priority: Int32Array,
  stage: number,
  purpose: string,
  lookBack: boolean
): number => {
  if (tied.length === 1) return tied[0]!
  const names = namesOf(prof, tied)
  if (lookBack) {
    for (let s = k.history.length - 1; s >= 0; s--) {
      const v = k.history[s]!
      let best = v[tied[0]!]!
      for (const c of tied) best = highest ? Math.max(best, v[c]!) : Math.min(best, v[c]!)
      const at = tied.filter((c) => v[c] === best)
      if (at.length === 1) {
        k.ties.push({ stage, purpose, tied: names, chosen: prof.candidates[at[0]!]!, by: "priorStage" })
        return at[0]!
      }
    }
  }
  // The declared order favours its first candidate: it goes first for a surplus and last for exclusion.
  const chosen = tied.reduce((a, b) => ((highest ? priority[b]! < priority[a]! : priority[b]! > priority[a]!) ? b : a))
  k.ties.push({ stage, purpose, tied: names, chosen: prof.candidates[chosen]!, by: "tieBreak" })
  return chosen
}

const byVotesDesc = (votes: Float64Array, priority: Int32Array) => (a: number, b: number) =>
  votes[b]! - votes[a]! || priority[a]! - priority[b]!

const scottish = (prof: Profile, seats: number, priority: Int32Array, tieBreak: StvResult["tieBreak"]): StvResult => {
  const S = 100_000
  const D = 5
  const k = newCounter(prof)
  const { m, status, elected, excluded, stages, steps } = k
  const nb = prof.uniqueBallots
  const { offsets, entries, counts } = prof
  const weight = new Float64Array(nb).fill(S)
  const pos = new Int32Array(nb)
  const votes = new Float64Array(m)
  const piles: Array<Array<number>> = Array.from({ length: m }, () => [])
  let valid = 0
  for (let b = 0; b < nb; b++) {
    pos[b] = offsets[b]!
    if (offsets[b + 1]! > offsets[b]!) {
      valid += counts[b]!
      const c = entries[offsets[b]!]!
      piles[c]!.push(b)
      votes[c] = votes[c]! + S * counts[b]!
    }
  }
  const quota = Math.floor(valid / (seats + 1)) + 1
  const Q = quota * S
  let exhausted = 0
  const pending: Array<number> = []
  const total = valid * S
  const fmt = (v: number) => formatFixed(v, S, D)
  const record = (action: StvStage["action"], who: Array<number>) => {
    let sum = exhausted
    for (let c = 0; c < m; c++) if (status[c] !== 3) sum += votes[c]!
    recordStage(prof, k, votes, fmt, action, who, { quota: fmt(Q), exhausted: fmt(exhausted), loss: fmt(total - sum) })
  }
  const advance = (b: number): number => {
    const end = offsets[b + 1]!
    for (let i = pos[b]! + 1; i < end; i++) {
      if (status[entries[i]!] === 0) {
        pos[b] = i
        return entries[i]!
      }
    }
    pos[b] = end
    return -1
  }
  const complete = () => seats - elected.length <= 0 || hopeful(k).length <= seats - elected.length
  record("first-preferences", [])
  steps.push({
    code: "quota",
    zh: `有效选票 ${valid} 张，席位 ${seats} 个；当选基数 = ⌊${valid} ÷ ${seats + 1}⌋ + 1 = ${quota}。`,
    en: `${valid} valid ballots, ${seats} seats; quota = ⌊${valid} ÷ ${seats + 1}⌋ + 1 = ${quota}.`,
    citation: { ...SSI_2007_42, article: "Sch. 1, rule 46" }
  })
  for (;;) {
    const newly = hopeful(k)
      .filter((c) => votes[c]! >= Q)
      .sort(byVotesDesc(votes, priority))
    for (const c of newly) {
      status[c] = 1
      elected.push(c)
      pending.push(c)
      steps.push({
        code: "elected",
        zh: `第 ${stages.length} 轮：${prof.candidates[c]} 得票 ${fmt(votes[c]!)}，达到当选基数，当选。`,
        en: `Stage ${stages.length}: ${prof.candidates[c]} reaches the quota with ${fmt(votes[c]!)} and is elected.`,
        citation: { ...SSI_2007_42, article: "Sch. 1, rule 47" }
      })
    }
    if (complete()) break
    const stageNo = stages.length + 1
    if (pending.length > 0) {
      const high = Math.max(...pending.map((c) => votes[c]!))
      const c = breakTie(
        k,
        prof,
        pending.filter((x) => votes[x] === high),
        true,
        priority,
        stageNo,
        "surplus",
        true
      )
      pending.splice(pending.indexOf(c), 1)
      const v = votes[c]!
      const surplus = v - Q
      for (const b of piles[c]!) {
        // Rule 48(3): value × surplus ÷ total, to five decimals, remainder ignored.
        const w = mulDivFloor(weight[b]!, surplus, v)
        weight[b] = w
        const to = advance(b)
        if (to >= 0) {
          piles[to]!.push(b)
          votes[to] = votes[to]! + w * counts[b]!
        } else exhausted += w * counts[b]!
      }
      piles[c] = []
      votes[c] = Q
      steps.push({
        code: "surplus",
        zh: `第 ${stageNo} 轮：转移 ${prof.candidates[c]} 的盈余 ${fmt(surplus)} 票（每张选票价值 × ${fmt(surplus)} ÷ ${fmt(v)}，保留五位小数）。`,
        en: `Stage ${stageNo}: transfer ${prof.candidates[c]}'s surplus of ${fmt(surplus)} (each paper's value × ${fmt(surplus)} ÷ ${fmt(v)}, truncated to five decimals).`,
        citation: { ...SSI_2007_42, article: "Sch. 1, rules 48–49" }
      })
      record("surplus", [c])
      continue
    }
    const hs = hopeful(k)
    const low = Math.min(...hs.map((c) => votes[c]!))
    const c = breakTie(
      k,
      prof,
      hs.filter((x) => votes[x] === low),
      false,
      priority,
      stageNo,
      "exclusion",
      true
    )
    status[c] = 2
    excluded.push(c)
    for (const b of piles[c]!) {
      const to = advance(b)
      if (to >= 0) {
        piles[to]!.push(b)
        votes[to] = votes[to]! + weight[b]! * counts[b]!
      } else exhausted += weight[b]! * counts[b]!
    }
    piles[c] = []
    steps.push({
      code: "exclusion",
      zh: `第 ${stageNo} 轮：${prof.candidates[c]} 得票最少（${fmt(low)}），被淘汰，其选票按原价值转给下一顺位的继续候选人。`,
      en: `Stage ${stageNo}: ${prof.candidates[c]} has the fewest votes (${fmt(low)}) and is excluded; the papers pass at their current value to the next continuing preference.`,
      citation: { ...SSI_2007_42, article: "Sch. 1, rules 50–51" }
    })
    votes[c] = 0
    record("exclusion", [c])
    if (complete()) break
  }
  const rest = hopeful(k).sort(byVotesDesc(votes, priority))
  if (rest.length <= seats - elected.length) {
    for (const c of rest) {
      status[c] = 1
      elected.push(c)
      steps.push({
        code: "elected-remaining",
        zh: `${prof.candidates[c]} 为剩余的继续候选人，人数不超过剩余席位，当选。`,
        en: `${prof.candidates[c]} is elected as a remaining continuing candidate (no more candidates than vacancies).`,
        citation: { ...SSI_2007_42, article: "Sch. 1, rule 52" }
      })
    }
    if (rest.length > 0) {
      const last = stages[stages.length - 1]!
      stages[stages.length - 1] = { ...last, elected: namesOf(prof, elected) }
    }
  }
  return resultOf(prof, k, { rule: "scottish", seats, validBallots: valid, quota: fmt(Q), tieBreak, decimals: D })
}

const meek = (prof: Profile, seats: number, priority: Int32Array, tieBreak: StvResult["tieBreak"]): StvResult => {
  const S = 1_000_000_000
  const D = 9
  const OMEGA = 1000 // 10⁻⁶
  const k = newCounter(prof)
  const { m, status, elected, excluded, stages, steps } = k
  const nb = prof.uniqueBallots
  const { offsets, entries, counts } = prof
  const kf = new Float64Array(m)
  for (let c = 0; c < m; c++) if (status[c] === 0) kf[c] = S
  const votes = new Float64Array(m)
  let valid = 0
  for (let b = 0; b < nb; b++) if (offsets[b + 1]! > offsets[b]!) valid += counts[b]!
  let quota = floorDiv(valid * S, seats + 1) + 1
  let surplus = 0
  let exhausted = 0
  const fmt = (v: number) => formatFixed(v, S, D)

  const distribute = () => {
    votes.fill(0)
    exhausted = 0
    for (let b = 0; b < nb; b++) {
      if (offsets[b + 1] === offsets[b]) continue // blank: not a valid ballot
      const mult = counts[b]!
      let w = S
      for (let i = offsets[b]!, end = offsets[b + 1]!; i < end; i++) {
        const c = entries[i]!
        const f = kf[c]!
        if (f === 0) continue
        const keep = mulScale9(w, f)
        w = mulScale9(w, S - f)
        votes[c] = votes[c]! + keep * mult
        if (w <= 0) break
      }
      exhausted += w * mult
    }
  }
  const sumVotes = () => {
    let s = 0
    for (let c = 0; c < m; c++) if (status[c] === 0 || status[c] === 1) s += votes[c]!
    return s
  }
  const record = (action: StvStage["action"], who: Array<number>) =>
    recordStage(prof, k, votes, fmt, action, who, {
      quota: fmt(quota),
      exhausted: fmt(exhausted),
      loss: fmt(valid * S - sumVotes() - exhausted),
      keepFactors: byName(prof, k, kf, fmt)
    })
  const complete = () => hopeful(k).length <= seats - elected.length || seats - elected.length <= 0

  const batchDefeat = (): Array<number> => {
    const sorted = hopeful(k).sort((a, b) => votes[a]! - votes[b]! || priority[b]! - priority[a]!)
    const groups: Array<Array<number>> = []
    let group: Array<number> = []
    let v = 0
    for (const c of sorted) {
      if (v + surplus >= votes[c]!) group.push(c)
      else {
        if (group.length > 0) groups.push(group)
        group = [c]
        v = votes[c]!
      }
    }
    if (group.length > 0) groups.push(group)
    const maxDefeat = sorted.length - (seats - elected.length)
    let acc = 0
    let n = 0
    let maxg = -1
    for (let g = 0; g < groups.length - 1; g++) {
      n += groups[g]!.length
      if (n > maxDefeat) break
      for (const c of groups[g]!) acc += votes[c]!
      if (acc + surplus < votes[groups[g + 1]![0]!]!) maxg = g
    }
    return groups.slice(0, maxg + 1).flat()
  }

  const iterate = (): { kind: "elected" | "omega" | "stable" | "batch"; batch: Array<number> } => {
    let last = valid * S
    for (;;) {
      distribute()
      quota = floorDiv(sumVotes(), seats + 1) + 1
      const newly = hopeful(k)
        .filter((c) => votes[c]! >= quota)
        .sort(byVotesDesc(votes, priority))
      for (const c of newly) {
        status[c] = 1
        elected.push(c)
      }
      surplus = 0
      for (const c of elected) surplus += votes[c]! - quota
      if (newly.length > 0) return { kind: "elected", batch: newly }
      if (surplus <= OMEGA) return { kind: "omega", batch: [] }
      if (surplus >= last) return { kind: "stable", batch: [] }
      const batch = batchDefeat()
      if (batch.length > 0) return { kind: "batch", batch }
      last = surplus
      for (const c of elected) {
        // NZ variant: kf ← ⌈⌈kf · quota⌉ ÷ vote⌉ at nine decimals (exact via BigInt).
        const up = (BigInt(kf[c]!) * BigInt(quota) + BigInt(S - 1)) / BigInt(S)
        const v = BigInt(votes[c]!)
        kf[c] = Number((up * BigInt(S) + v - 1n) / v)
      }
    }
  }

  distribute()
  record("first-preferences", [])
  steps.push({
    code: "quota",
    zh: `有效选票 ${valid} 张，席位 ${seats} 个；Meek 法每轮按未耗尽票数重算当选基数（初始 ${fmt(quota)}），以保留系数迭代至盈余小于 10⁻⁶。`,
    en: `${valid} valid ballots, ${seats} seats; Meek's method recomputes the quota from the non-exhausted votes (initially ${fmt(quota)}) and iterates keep factors until the surplus is below 10⁻⁶.`,
    citation: MEEK
  })
  while (!complete()) {
    const stageNo = stages.length + 1
    const it = iterate()
    if (it.kind === "elected") {
      for (const c of it.batch)
        steps.push({
          code: "elected",
          zh: `第 ${stageNo} 轮：${prof.candidates[c]} 得票 ${fmt(votes[c]!)} 达到当选基数 ${fmt(quota)}，当选。`,
          en: `Round ${stageNo}: ${prof.candidates[c]} reaches the quota ${fmt(quota)} with ${fmt(votes[c]!)} and is elected.`,
          citation: MEEK
        })
      record("iteration", it.batch)
      continue
    }
    let out: Array<number>
    if (it.kind === "batch") out = it.batch
    else {
      const hs = hopeful(k)
      const low = Math.min(...hs.map((c) => votes[c]!))
      const tied = hs.filter((c) => low + surplus >= votes[c]!)
      out = [breakTie(k, prof, tied, false, priority, stageNo, "exclusion", false)]
    }
    for (const c of out) {
      status[c] = 2
      kf[c] = 0
      excluded.push(c)
      steps.push({
        code: "exclusion",
        zh: `第 ${stageNo} 轮：${prof.candidates[c]}（${fmt(votes[c]!)} 票）被淘汰${it.kind === "batch" ? "（确定落选者批量淘汰）" : ""}。`,
        en: `Round ${stageNo}: ${prof.candidates[c]} (${fmt(votes[c]!)}) is excluded${it.kind === "batch" ? " (batch of certain losers)" : ""}.`,
        citation: MEEK
      })
    }
    distribute()
    record(it.kind === "batch" ? "batch-exclusion" : "exclusion", out)
  }
  for (const c of hopeful(k).sort(byVotesDesc(votes, priority))) {
    if (elected.length < seats) {
      status[c] = 1
      elected.push(c)
      steps.push({
        code: "elected-remaining",
        zh: `${prof.candidates[c]} 为剩余候选人，当选。`,
        en: `${prof.candidates[c]} is elected as a remaining candidate.`,
        citation: MEEK
      })
    } else {
      status[c] = 2
      excluded.push(c)
    }
  }
  if (stages.length > 0) {
    const last = stages[stages.length - 1]!
    stages[stages.length - 1] = {
      ...last,
      elected: namesOf(prof, elected),
      excluded: namesOf(prof, excluded)
    }
  }
  return resultOf(prof, k, { rule: "meek", seats, validBallots: valid, quota: fmt(quota), tieBreak, decimals: D })
}
