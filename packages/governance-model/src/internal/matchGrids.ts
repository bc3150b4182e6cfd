/**
 * Households two grid systems keep together: the households each pair of grids (one of each
 * system) shares are tallied, then grids are matched one-to-one, largest shared count first
 * (ties by the two grid ids), and the matched counts are summed. Greedy, so deterministic and
 * simple to explain; used for a plan's stability against its previous plan and for the overlap
 * of two layers.
 */
export interface GridOverlap {
  /** Add `households` shared by grid `a` of the first system and grid `b` of the second. */
  readonly add: (a: string, b: string, households: number) => void
  /** Households kept together under the one-to-one matching. */
  readonly matched: () => number
}

const compare = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0)

export const gridOverlap = (): GridOverlap => {
  const shared = new Map<string, Map<string, number>>()
  return {
    add: (a, b, households) => {
      let row = shared.get(a)
      if (row === undefined) shared.set(a, (row = new Map()))
      row.set(b, (row.get(b) ?? 0) + households)
    },
    matched: () => {
      const pairs: Array<readonly [string, string, number]> = []
      for (const [a, row] of shared) for (const [b, w] of row) pairs.push([a, b, w])
      pairs.sort((p, q) => q[2] - p[2] || compare(p[0], q[0]) || compare(p[1], q[1]))
      const usedA = new Set<string>()
      const usedB = new Set<string>()
      let kept = 0
      for (const [a, b, w] of pairs) {
        if (usedA.has(a) || usedB.has(b)) continue
        usedA.add(a)
        usedB.add(b)
        kept += w
      }
      return kept
    }
  }
}
