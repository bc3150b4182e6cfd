import { type InvalidInputError, ok, type Result, sha256Hex, validate } from "@jiceng/core"
import * as z from "zod"
import type { PointsSystem } from "./createPointsSystem.ts"
import { ShortId } from "./schemes.ts"
import { nationalStarTable, starLevel } from "./starLevel.ts"

/**
 * What a leaderboard (光荣榜) shows and whom: only holders whose `consents` entry is true take
 * part (志愿服务条例 art. 20, no disclosure without consent; article number to verify), and they
 * appear under a pseudonym derived from `salt`, never their id. Ranked by certified minutes —
 * posted, unreversed records only.
 *
 * @since 0.1.0
 * @category leaderboards
 */
export const LeaderboardRequest = z.strictObject({
  consents: z.record(ShortId, z.boolean()),
  /** A secret of the publishing organisation; the same salt gives the same pseudonyms. */
  salt: z.string().min(8).max(200),
  limit: z.int().min(1).max(1000).optional(),
  /** Star thresholds in hours, ascending (default: the national table). */
  table: z.array(z.int().min(0)).max(20).optional()
})
/** @since 0.1.0 @category leaderboards */
export type LeaderboardRequest = z.infer<typeof LeaderboardRequest>

/**
 * One row of a leaderboard.
 *
 * @since 0.1.0
 * @category leaderboards
 */
export interface LeaderboardEntry {
  /** Competition ranking: equal minutes share a rank (1, 1, 3). */
  readonly rank: number
  readonly pseudonym: string
  readonly minutes: number
  readonly stars: number
}

/**
 * A pseudonymous leaderboard of certified service time, honouring consent flags.
 *
 * @example
 * ```ts
 * import { createPointsSystem, leaderboard, schemes } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const bank = getOrThrow(createPointsSystem(schemes.beijing[0]!.value))
 * bank.openHolders([{ id: "v-1" }])
 * getOrThrow(leaderboard(bank, { consents: { "v-1": true }, salt: "community-2025" })).length //=> 0
 * ```
 * @since 0.1.0
 * @category leaderboards
 */
export const leaderboard = (
  system: PointsSystem,
  request: unknown
): Result<ReadonlyArray<LeaderboardEntry>, InvalidInputError> => {
  const parsed = validate(LeaderboardRequest, request)
  if (!parsed.ok) return parsed
  const { consents, salt } = parsed.value
  const table = parsed.value.table ?? nationalStarTable
  const rows = system
    .holders()
    .filter((h) => consents[h.id] === true)
    .map((h) => ({
      pseudonym: `V-${sha256Hex(`${salt}\u0000${h.id}`).slice(0, 10)}`,
      minutes: system.certifiedMinutes(h.id)
    }))
    .filter((r) => r.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || (a.pseudonym < b.pseudonym ? -1 : 1))
  const out: Array<LeaderboardEntry> = []
  for (const [i, r] of rows.slice(0, parsed.value.limit ?? 10).entries()) {
    const prev = out[i - 1]
    const rank = prev !== undefined && prev.minutes === r.minutes ? prev.rank : i + 1
    out.push({ rank, pseudonym: r.pseudonym, minutes: r.minutes, stars: starLevel(Math.floor(r.minutes / 60), table) })
  }
  return ok(out)
}
