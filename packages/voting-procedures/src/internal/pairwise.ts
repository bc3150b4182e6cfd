import type { Profile } from "../Profile.ts"

/**
 * d[i·m + j] = ballots ranking i strictly above j; an unranked candidate is below every ranked
 * one, and two unranked candidates are tied. O(distinct ballots × m²) over typed arrays.
 */
export const pairwiseMatrix = (p: Profile): Float64Array => {
  const m = p.candidates.length
  const d = new Float64Array(m * m)
  const out = new Uint8Array(m)
  for (const c of p.withdrawn) out[c] = 1
  const live = m - p.withdrawn.length
  const rankedFlag = new Uint8Array(m)
  const unranked = new Int32Array(m)
  const { offsets, entries, tiers, counts } = p
  for (let b = 0; b < counts.length; b++) {
    const w = counts[b]!
    const start = offsets[b]!
    const end = offsets[b + 1]!
    let u = 0
    if (end - start < live) {
      for (let i = start; i < end; i++) rankedFlag[entries[i]!] = 1
      for (let x = 0; x < m; x++) if (rankedFlag[x] === 0 && out[x] === 0) unranked[u++] = x
      for (let i = start; i < end; i++) rankedFlag[entries[i]!] = 0
    }
    let next = start // first entry of the next tier
    for (let i = start; i < end; i++) {
      if (next <= i) {
        next = i + 1
        while (next < end && tiers[next] === tiers[i]) next++
      }
      const row = entries[i]! * m
      // Above every later tier on the ballot, and above every unranked candidate.
      for (let j = next; j < end; j++) d[row + entries[j]!]! += w
      for (let k = 0; k < u; k++) d[row + unranked[k]!]! += w
    }
  }
  return d
}

export const toRows = (d: Float64Array, m: number): Array<Array<number>> =>
  Array.from({ length: m }, (_, i) => Array.from(d.subarray(i * m, i * m + m)))
