import { getOrThrow } from "@jiceng/core"
import { defineSuite } from "../../../bench/kit.ts"
import { createLedger, type Ledger, type LedgerSnapshot, restoreLedger } from "../src/index.ts"

// Workload (as in the research note's micro-benchmark): 10,000 never-negative volunteer
// accounts and a community fund; half the transfers issue points, half move them between
// volunteers; batches of 8,000 (TigerBeetle's request size).
const ACCOUNTS = 10_000
const N = 100_000
const BATCH = 8_000

const accountInputs = [
  { id: "fund", unit: "pts" },
  ...Array.from({ length: ACCOUNTS }, (_, i) => ({ id: `v${i}`, unit: "pts", debitsMustNotExceedCredits: true }))
]
const transfers = Array.from({ length: N }, (_, i) =>
  i % 2 === 0
    ? { id: `t${i}`, debitAccountId: "fund", creditAccountId: `v${(i * 7919) % ACCOUNTS}`, amount: 100 }
    : {
        id: `t${i}`,
        debitAccountId: `v${((i - 1) * 7919) % ACCOUNTS}`,
        creditAccountId: `v${(i * 31) % ACCOUNTS}`,
        amount: 50
      }
)
const batches: Array<typeof transfers> = []
for (let i = 0; i < N; i += BATCH) batches.push(transfers.slice(i, i + BATCH))

const fresh = (): Ledger => {
  const l = getOrThrow(createLedger())
  getOrThrow(l.createAccounts(accountInputs))
  return l
}
// Ledgers are prepared outside the timed call where possible, so the cases time transfers only.
const pool: Array<Ledger> = Array.from({ length: 12 }, fresh)
const take = (): Ledger => pool.pop() ?? fresh()

const loaded = fresh()
for (const b of batches) getOrThrow(loaded.createTransfers(b))
const snapshot: LedgerSnapshot = JSON.parse(JSON.stringify(loaded.snapshot()))

const verifyLedger = fresh()
getOrThrow(verifyLedger.createTransfers(transfers.slice(0, 8_000)))

// Baseline: the research note's plain engine (Appendix A) on the same input — an id map, two
// account lookups, a never-negative check and typed-array updates; no chains, no pending, no
// results, no hash, no validation.
const plainApply = () => {
  const index = new Map<string, number>(accountInputs.map((a, i) => [a.id, i]))
  const dp = new Float64Array(ACCOUNTS + 1)
  const cp = new Float64Array(ACCOUNTS + 1)
  const seen = new Map<string, unknown>()
  const log: Array<unknown> = []
  let failed = 0
  for (const b of batches)
    for (const t of b) {
      if (seen.has(t.id)) continue
      const d = index.get(t.debitAccountId)
      const c = index.get(t.creditAccountId)
      if (d === undefined || c === undefined || d === c) continue
      if (d !== 0 && dp[d]! + t.amount > cp[d]!) {
        failed++
        continue
      }
      dp[d] = dp[d]! + t.amount
      cp[c] = cp[c]! + t.amount
      seen.set(t.id, t)
      log.push(t)
    }
  return failed
}

export default [
  defineSuite({
    name: "ledger: transfers through the batch API",
    baseline: { name: "plain Map + typed-array engine (no checks)", items: N, fn: plainApply },
    cases: [
      {
        name: "createTransfers ×8,000 (validate, limits, chain hash)",
        items: N,
        unit: "transfers",
        target: { minItemsPerSecond: 1_000_000 },
        fn: () => {
          const l = take()
          let failures = 0
          for (const b of batches) failures += getOrThrow(l.createTransfers(b)).failures
          return failures
        }
      },
      {
        name: "retries of 100k committed transfers (exists)",
        items: N,
        unit: "transfers",
        target: { minItemsPerSecond: 1_000_000 },
        fn: () => {
          let n = 0
          for (const b of batches) n += getOrThrow(loaded.createTransfers(b)).results.length
          return n
        }
      }
    ]
  }),
  defineSuite({
    name: "ledger: replay",
    baseline: { name: "plain engine over the same events", items: N, fn: plainApply },
    cases: [
      {
        name: "restoreLedger(snapshot): parse, replay, rehash (SHA-256: the platform's)",
        items: N,
        unit: "events",
        target: { minItemsPerSecond: 2_000_000 },
        fn: () => getOrThrow(restoreLedger(snapshot)).head()
      },
      {
        name: "the same, built-in SHA-256 (WebAssembly, as in browsers)",
        items: N,
        unit: "events",
        target: { minItemsPerSecond: 2_000_000 },
        fn: () => getOrThrow(restoreLedger(snapshot, { sha256: "built-in" })).head()
      }
    ]
  }),
  defineSuite({
    name: "ledger: verify over 10,000 accounts",
    baseline: {
      name: "sum four Float64Arrays of 10,000",
      fn: () => {
        const a = new Float64Array(ACCOUNTS).fill(3)
        let s = 0
        for (let k = 0; k < 4; k++) for (let i = 0; i < ACCOUNTS; i++) s += a[i]!
        return s
      }
    },
    cases: [
      {
        name: "verify({ mode: 'state' }) — balances, limits, Σ",
        target: { maxMsPerOp: 5 },
        fn: () => verifyLedger.verify({ mode: "state" }).ok
      },
      {
        name: "verify() — full replay of 10k accounts + 8k transfers",
        target: { maxMsPerOp: 50 },
        fn: () => verifyLedger.verify().ok
      }
    ]
  })
]
