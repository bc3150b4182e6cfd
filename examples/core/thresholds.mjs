// Exact legal thresholds and effective-dated parameters with @jiceng/core (runs on the built package).
import assert from "node:assert/strict"
import { formatYuan, meetsThreshold, ratio, valueAt, yuanToFen } from "@jiceng/core"

// Civil Code art. 1259: 以上 includes the boundary, 过半数 does not.
assert.equal(meetsThreshold(2, 3, ratio(2, 3), "atLeast"), true)
assert.equal(meetsThreshold(50, 100, ratio(1, 2), "moreThan"), false)

// A float at a 2/3 boundary is a bug: this count is just below two thirds.
const part = 6_004_799_503_160_659
const whole = 9_007_199_254_740_989
console.log(`float says ${part / whole >= 2 / 3}, exact says ${meetsThreshold(part, whole, ratio(2, 3), "atLeast")}`)
assert.equal(meetsThreshold(part, whole, ratio(2, 3), "atLeast"), false)

// Parameters carry their period and source; a lookup past the last period warns.
const line = [
  { value: yuanToFen("1320"), from: "2023-07-01", to: "2024-07-01", source: { title: "illustrative notice 2023" } },
  { value: yuanToFen("1395"), from: "2024-07-01", to: "2025-07-01", source: { title: "illustrative notice 2024" } }
]
const inForce = valueAt(line, "2025-01-15", { name: "dibaoLine" })
assert.ok(inForce.ok)
console.log(`line on 2025-01-15: ¥${formatYuan(inForce.value.value)} (${inForce.value.entry.source.title})`)
const stale = valueAt(line, "2026-01-15", { name: "dibaoLine" })
assert.ok(stale.ok && stale.value.warnings.length === 1)
console.log(`line on 2026-01-15: warning — ${stale.value.warnings[0].message.en}`)
