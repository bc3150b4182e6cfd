// Income-only rules vs the composite standard over a synthetic population.
// Run: pnpm --filter @jiceng/examples exec node relief-calculator/compare.mjs
import assert from "node:assert/strict"
import { compareScenarios, compositeStandard, policies, syntheticPopulation } from "@jiceng/relief-calculator"

const pop = syntheticPopulation({ seed: 2026, size: 100_000 })
assert.ok(pop.ok)
const t0 = performance.now()
const c = compareScenarios(pop.value, policies.beijing, compositeStandard(policies.beijing), { month: "2024-08" })
const ms = performance.now() - t0
assert.ok(c.ok, c.ok ? "" : c.error.message)
const yuan = (fen) => `¥${(fen / 100).toLocaleString("en", { maximumFractionDigits: 0 })}`
console.log(
  `SYNTHETIC population of ${pop.value.households.count} households (${pop.value.persons.count} persons); two runs in ${ms.toFixed(0)} ms`
)
console.table(
  [c.value.total, ...c.value.byGroup].map((g) => ({
    group: g.label,
    households: g.households,
    "covered (in force)": g.coveredA,
    "covered (composite)": g.coveredB,
    "cost/month (in force)": yuan(g.costAFen),
    "cost/month (composite)": yuan(g.costBFen),
    gainers: g.gainers,
    losers: g.losers
  }))
)
assert.equal(c.value.total.leaving, 0, "the composite standard must not drop a covered household")
assert.ok(c.value.total.coveredB > c.value.total.coveredA)
assert.ok(c.value.total.costBFen > c.value.total.costAFen)
console.log(
  `${c.value.changed.length} households change status, e.g. rows ${Array.from(c.value.changed.slice(0, 5)).join(", ")}`
)
