import { getOrThrow } from "@jiceng/core"
import { defineSuite } from "../../../bench/kit.ts"
import { createPointsSystem, defineScheme, schemes, simulateScheme } from "../src/index.ts"

// Workload: 1,000 holders of a community-points scheme with 30-day expiry (FIFO lots); each
// holder is issued points 5 times and spends 5 times (donations), one operation per call as
// an app would submit them — so each operation is validated, idempotency-checked, expiry-swept,
// planned against the lots and committed as its own hashed ledger batch.
const HOLDERS = 1_000
const base = schemes.kunshan[0]!.value
const scheme = getOrThrow(defineScheme({ ...base, lots: { ...base.lots, expiryDays: 30 } }))
const ops: Array<["issue" | "donate", Record<string, unknown>]> = []
for (let round = 0; round < 5; round++)
  for (let h = 0; h < HOLDERS; h++) {
    const at = (round * HOLDERS + h) * 1000
    ops.push(["issue", { id: `i${round}-${h}`, holder: `h${h}`, amount: 100, at }])
    ops.push(["donate", { id: `d${round}-${h}`, holder: `h${(h * 7) % HOLDERS}`, amount: 30, at: at + 1 }])
  }
const N = ops.length

const fresh = () => {
  const s = getOrThrow(createPointsSystem(scheme))
  getOrThrow(s.openHolders(Array.from({ length: HOLDERS }, (_, h) => ({ id: `h${h}` }))))
  return s
}
const pool = Array.from({ length: 12 }, fresh)

// Baseline: the same arithmetic by hand — FIFO lot arrays per holder and a balance array; no
// validation, no idempotency, no ledger, no hash.
const handLots = () => {
  const lots: Array<Array<[number, number]>> = Array.from({ length: HOLDERS }, () => [])
  const bal = new Float64Array(HOLDERS)
  let refused = 0
  for (const [kind, op] of ops) {
    const h = Number((op.holder as string).slice(1))
    const amount = op.amount as number
    if (kind === "issue") {
      lots[h]!.push([op.at as number, amount])
      bal[h] = bal[h]! + amount
    } else if (bal[h]! < amount) refused++
    else {
      let need = amount
      for (const l of lots[h]!) {
        const take = Math.min(need, l[1])
        l[1] -= take
        need -= take
        if (need === 0) break
      }
      bal[h] = bal[h]! - amount
    }
  }
  return refused
}

export default [
  defineSuite({
    name: "points: operations with FIFO lots, expiry sweep and one ledger batch each",
    baseline: { name: "hand-written FIFO lots over arrays (no checks, no ledger)", items: N, fn: handLots },
    cases: [
      {
        name: "issue + donate through createPointsSystem",
        items: N,
        unit: "operations",
        // Research note §5.3: "transfers with FIFO lots, caps and policy evaluation ≥ 100k/s".
        target: { minItemsPerSecond: 100_000 },
        fn: () => {
          const s = pool.pop() ?? fresh()
          let refused = 0
          for (const [kind, op] of ops) if (!s[kind](op).ok) refused++
          return refused
        }
      }
    ]
  }),
  defineSuite({
    name: "points: simulateScheme",
    baseline: { name: "hand-written FIFO lots (as above)", items: N, fn: handLots },
    cases: [
      {
        name: "simulateScheme, Beijing time bank, 500 agents × 52 weeks",
        unit: "runs",
        target: { maxMsPerOp: 5_000 },
        fn: () => getOrThrow(simulateScheme({ seed: 1, agents: 500, weeks: 52 })).operations
      }
    ]
  })
]
