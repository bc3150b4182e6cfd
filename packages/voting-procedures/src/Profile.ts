import { err, InvalidInputError, type Issue, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { unknownCandidate } from "./internal/ballotCounting.ts"

/**
 * A ranked-ballot profile as plain data: candidate names, and ballots that rank candidates
 * best first (an inner array is a group of equally ranked candidates), each with a `count`.
 *
 * @example
 * ```ts
 * import { ProfileInput } from "@jiceng/voting-procedures"
 * ProfileInput.parse({ candidates: ["A", "B"], ballots: [{ ranking: ["B", "A"] }] }).ballots[0]!.count //=> 1
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const ProfileInput = z.object({
  candidates: z.array(z.string().min(1)).min(1),
  ballots: z.array(
    z.object({
      count: z.int().positive().default(1),
      ranking: z.array(z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
    })
  ),
  withdrawn: z.array(z.string().min(1)).default([])
})
/** @since 0.1.0 @category social-choice */
export type ProfileInput = z.input<typeof ProfileInput>

/**
 * A validated, compiled profile: candidates by index and identical ballots merged into typed
 * arrays, so every method can count it many times without re-validating. Build it with
 * {@link profile}, {@link parseBlt} or {@link parsePrefLib}; every method also accepts a plain
 * {@link ProfileInput}.
 *
 * @example
 * ```ts
 * import { profile } from "@jiceng/voting-procedures"
 * const p = profile({ candidates: ["A", "B"], ballots: [{ ranking: ["A"] }, { ranking: ["A"] }] })
 * p.ok && [p.value.uniqueBallots, p.value.totalBallots] //=> [1, 2]
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export class Profile {
  readonly candidates: ReadonlyArray<string>
  /** Indices of withdrawn candidates, skipped by every method. */
  readonly withdrawn: ReadonlyArray<number>
  /** Count of each distinct ballot. */
  readonly counts: Float64Array
  /** Ballot `b` ranks `entries[offsets[b]] … entries[offsets[b + 1] - 1]`. */
  readonly offsets: Int32Array
  readonly entries: Int32Array
  /** Rank position (tier) of each entry: equal tiers are ties. */
  readonly tiers: Int32Array
  readonly hasTies: boolean
  readonly totalBallots: number
  /** Ballots that rank no continuing candidate. */
  readonly blankBallots: number

  constructor(
    candidates: ReadonlyArray<string>,
    withdrawn: ReadonlyArray<number>,
    rows: ReadonlyArray<{ readonly count: number; readonly tiers: ReadonlyArray<ReadonlyArray<number>> }>
  ) {
    this.candidates = candidates
    this.withdrawn = withdrawn
    const out = new Set(withdrawn)
    const merged = new Map<string, number>()
    const keep: Array<{ count: number; tiers: Array<Array<number>> }> = []
    let total = 0
    let blank = 0
    for (const row of rows) {
      const tiers = row.tiers.map((t) => t.filter((c) => !out.has(c))).filter((t) => t.length > 0)
      total += row.count
      if (tiers.length === 0) blank += row.count
      const key = tiers.map((t) => t.join("=")).join(">")
      const at = merged.get(key)
      if (at === undefined) {
        merged.set(key, keep.length)
        keep.push({ count: row.count, tiers })
      } else keep[at]!.count += row.count
    }
    this.counts = Float64Array.from(keep, (k) => k.count)
    this.offsets = new Int32Array(keep.length + 1)
    let n = 0
    for (const k of keep) for (const t of k.tiers) n += t.length
    this.entries = new Int32Array(n)
    this.tiers = new Int32Array(n)
    let at = 0
    let ties = false
    keep.forEach((k, b) => {
      this.offsets[b] = at
      k.tiers.forEach((t, ti) => {
        if (t.length > 1) ties = true
        for (const c of t) {
          this.entries[at] = c
          this.tiers[at] = ti
          at++
        }
      })
    })
    this.offsets[keep.length] = at
    this.hasTies = ties
    this.totalBallots = total
    this.blankBallots = blank
  }

  /** Number of distinct ballots. */
  get uniqueBallots(): number {
    return this.counts.length
  }

  /** The profile as plain data (a {@link ProfileInput}). */
  toJSON(): {
    candidates: Array<string>
    withdrawn: Array<string>
    ballots: Array<{ count: number; ranking: Array<string | Array<string>> }>
  } {
    const ballots = []
    for (let b = 0; b < this.counts.length; b++) {
      const ranking: Array<string | Array<string>> = []
      let tier = -1
      for (let i = this.offsets[b]!; i < this.offsets[b + 1]!; i++) {
        const name = this.candidates[this.entries[i]!]!
        if (this.tiers[i] === tier) {
          const last = ranking[ranking.length - 1]!
          ranking[ranking.length - 1] = Array.isArray(last) ? [...last, name] : [last, name]
        } else ranking.push(name)
        tier = this.tiers[i]!
      }
      ballots.push({ count: this.counts[b]!, ranking })
    }
    return { candidates: [...this.candidates], withdrawn: this.withdrawn.map((c) => this.candidates[c]!), ballots }
  }
}

/**
 * Validates and compiles a ranked-ballot profile: unknown or repeated candidates are errors
 * with the ballot's path; identical ballots are merged.
 *
 * @example
 * ```ts
 * import { profile } from "@jiceng/voting-procedures"
 * const bad = profile({ candidates: ["A"], ballots: [{ ranking: ["A", "Z"] }] })
 * bad.ok ? "" : bad.error.issues[0]!.code //=> "unknown_candidate"
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const profile = (input: unknown): Result<Profile, InvalidInputError> => {
  if (input instanceof Profile) return ok(input)
  const parsed = validate(ProfileInput, input)
  if (!parsed.ok) return parsed
  const { candidates, ballots, withdrawn } = parsed.value
  const issues: Array<Issue> = []
  const index = new Map<string, number>()
  candidates.forEach((c, i) => {
    if (index.has(c))
      issues.push(issue(["candidates", i], "duplicate_candidate", `候选人 ${c} 重复`, `candidate ${c} is listed twice`))
    index.set(c, i)
  })
  const w: Array<number> = []
  withdrawn.forEach((c, i) => {
    const at = index.get(c)
    if (at === undefined) issues.push(unknownCandidate(["withdrawn", i], c))
    else w.push(at)
  })
  const rows = ballots.map((b, bi) => {
    const seen = new Set<number>()
    const tiers = b.ranking.map((entry, ri) =>
      (typeof entry === "string" ? [entry] : entry).flatMap((name) => {
        const at = index.get(name)
        if (at === undefined) {
          issues.push(unknownCandidate(["ballots", bi, "ranking", ri], name))
          return []
        }
        if (seen.has(at)) {
          issues.push(
            issue(
              ["ballots", bi, "ranking", ri],
              "duplicate_ranking",
              `候选人 ${name} 在同一张选票上出现多次`,
              `candidate ${name} appears more than once on the ballot`
            )
          )
          return []
        }
        seen.add(at)
        return [at]
      })
    )
    return { count: b.count, tiers }
  })
  const total = ballots.reduce((n, b) => n + b.count, 0)
  if (!Number.isSafeInteger(total))
    issues.push(
      issue(["ballots"], "count_overflow", "选票总数超出精确范围", "total ballot count exceeds the exact range")
    )
  if (issues.length > 0) return err(new InvalidInputError(issues))
  return ok(new Profile(candidates, w, rows))
}
