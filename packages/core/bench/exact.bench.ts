import { defineSuite } from "../../../bench/kit.ts"
import { meetsThreshold, ratio } from "../src/index.ts"

const N = 100_000
const parts = Float64Array.from({ length: N }, (_, i) => (i * 7919) % 1_000_003)
const wholes = Float64Array.from({ length: N }, (_, i) => 1_000_003 + (i % 97))
const twoThirds = ratio(2, 3)

export default defineSuite({
  name: "exact 2/3 threshold vs float comparison",
  baseline: {
    name: "float part / whole >= 2 / 3 (inexact)",
    items: N,
    fn: () => {
      let n = 0
      for (let i = 0; i < N; i++) if (parts[i]! / wholes[i]! >= 2 / 3) n++
      return n
    }
  },
  cases: [
    {
      name: "meetsThreshold(part, whole, 2/3, atLeast)",
      items: N,
      unit: "comparisons",
      target: { maxRatio: 3 },
      fn: () => {
        let n = 0
        for (let i = 0; i < N; i++) if (meetsThreshold(parts[i]!, wholes[i]!, twoThirds, "atLeast")) n++
        return n
      }
    }
  ]
})
