import { meetsThreshold, ratio } from "@jiceng/core"

/**
 * Headcount and exclusive-area totals of an owners' assembly vote, in integers (area in
 * hundredths of a square metre).
 *
 * @since 0.1.0
 * @category owners-assembly
 */
export interface ParticipationTotals {
  readonly participatingOwners: number
  readonly totalOwners: number
  /** Exclusive area (专有部分面积) of participating owners, in 0.01 m². */
  readonly participatingArea: number
  /** Total exclusive area of the building zone, in 0.01 m². */
  readonly totalArea: number
}

/**
 * Whether an owners' assembly vote meets the participation quorum of Civil Code art. 278
 * (2021-01-01 onward): owners holding at least two thirds (三分之二以上, inclusive — art. 1259)
 * of the exclusive area AND at least two thirds of the owners by headcount took part.
 * Compared exactly by cross-multiplication.
 *
 * @example
 * ```ts
 * import { meetsParticipationQuorum } from "@jiceng/voting-procedures"
 * meetsParticipationQuorum({ participatingOwners: 200, totalOwners: 300, participatingArea: 2_000_000, totalArea: 3_000_000 })
 * //=> { area: true, headcount: true, met: true }
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const meetsParticipationQuorum = (
  totals: ParticipationTotals
): { readonly area: boolean; readonly headcount: boolean; readonly met: boolean } => {
  const twoThirds = ratio(2, 3)
  const area = meetsThreshold(totals.participatingArea, totals.totalArea, twoThirds, "atLeast")
  const headcount = meetsThreshold(totals.participatingOwners, totals.totalOwners, twoThirds, "atLeast")
  return { area, headcount, met: area && headcount }
}
