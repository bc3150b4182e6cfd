import { readFileSync } from "node:fs"
import { createRng } from "@jiceng/core"
import { defineSuite } from "../../../bench/kit.ts"
import { irv, parseBlt, profile, schulze, stv, tallyOwnersAssemblyColumns } from "../src/index.ts"

// --- Owners' assembly: 1,000,000 owners' ballots as columns --------------------------------
const N = 1_000_000
const rng = createRng("assembly-bench")
const area = new Uint32Array(N)
const votes = new Uint8Array(N)
for (let i = 0; i < N; i++) {
  area[i] = 5_000 + rng.int(0, 15_000)
  votes[i] = rng.int(0, 4)
}
const columns = { decisionDate: "2024-06-01", matter: "hireManager", area, votes }

// --- Ranked profiles --------------------------------------------------------------------
const randomProfile = (ballots: number, m: number, seed: string) => {
  const r = createRng(seed)
  const candidates = Array.from({ length: m }, (_, i) => `c${i}`)
  const p = profile({
    candidates,
    ballots: Array.from({ length: ballots }, () => ({ ranking: r.shuffle(candidates) }))
  })
  if (!p.ok) throw p.error
  return p.value
}
const p30 = randomProfile(1000, 30, "schulze")
const p50 = randomProfile(1000, 50, "irv")
const calton = parseBlt(readFileSync(new URL("../test-data/glasgow-2007-calton.blt", import.meta.url), "utf8"))
if (!calton.ok) throw calton.error
const caltonProfile = calton.value.profile

export default [
  defineSuite({
    name: "owners' assembly tally, 1,000,000 ballots",
    baseline: {
      name: "raw summing loop (area and count per vote code)",
      items: N,
      fn: () => {
        const a = new Float64Array(5)
        const c = new Float64Array(5)
        for (let i = 0; i < N; i++) {
          const v = votes[i]!
          a[v]! += area[i]!
          c[v]!++
        }
        return a[1]! + c[1]!
      }
    },
    cases: [
      {
        name: "tallyOwnersAssemblyColumns (validate, sum, decide, explain; no digest)",
        items: N,
        unit: "ballots",
        target: { minItemsPerSecond: 10_000_000, maxRatio: 2 },
        fn: () => tallyOwnersAssemblyColumns(columns, { digest: false })
      },
      {
        name: "tallyOwnersAssemblyColumns with sha256 input digest",
        items: N,
        unit: "ballots",
        fn: () => tallyOwnersAssemblyColumns(columns)
      }
    ]
  }),
  defineSuite({
    name: "Schulze 1,000 ballots × 30 candidates; IRV 1,000 × 50",
    baseline: {
      name: "pairwise-matrix loop only (typed arrays, 30 candidates)",
      items: 1000,
      fn: () => {
        const m = 30
        const d = new Float64Array(m * m)
        const pos = new Int32Array(m)
        for (let b = 0; b < p30.counts.length; b++) {
          const s = p30.offsets[b]!
          for (let i = 0; i < m; i++) pos[p30.entries[s + i]!] = i
          for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (pos[i]! < pos[j]!) d[i * m + j]! += 1
        }
        return d[1]
      }
    },
    cases: [
      {
        name: "schulze (compiled profile)",
        items: 1000,
        unit: "ballots",
        target: { maxMsPerOp: 1 },
        fn: () => schulze(p30)
      },
      {
        name: "irv 1,000 × 50 (compiled profile)",
        items: 1000,
        unit: "ballots",
        target: { maxMsPerOp: 5 },
        fn: () => irv(p50)
      }
    ]
  }),
  defineSuite({
    name: "STV on Glasgow 2007 Calton (5,199 ballots)",
    baseline: {
      name: "first-preference count only",
      items: 5199,
      fn: () => {
        const t = new Float64Array(10)
        for (let b = 0; b < caltonProfile.counts.length; b++)
          t[caltonProfile.entries[caltonProfile.offsets[b]!]!]! += caltonProfile.counts[b]!
        return t[0]
      }
    },
    cases: [
      {
        name: "stv scottish",
        items: 5199,
        unit: "ballots",
        target: { maxMsPerOp: 20 },
        fn: () => stv(caltonProfile, { seats: 3, rule: "scottish" })
      },
      { name: "stv meek", items: 5199, unit: "ballots", fn: () => stv(caltonProfile, { seats: 3, rule: "meek" }) }
    ]
  })
]
