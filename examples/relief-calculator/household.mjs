// One household under the rules in force and under the composite standard, with the cited
// explanation. Run: pnpm --filter @jiceng/examples exec node relief-calculator/household.mjs
import assert from "node:assert/strict"
import { assessHousehold, compositeStandard, policies } from "@jiceng/relief-calculator"

const household = {
  members: [
    { id: "mother", age: 38, employed: true, incomes: [{ kind: "wages", amountFen: 450000 }] },
    { id: "father", age: 40, incomes: [{ kind: "socialAssistance", amountFen: 20000 }] },
    { id: "child", age: 10, incomes: [] }
  ],
  rigidExpenditure: { medical: 60000, education: 10000 }
}
const options = { month: "2024-08" }

for (const policy of [policies.beijing, compositeStandard(policies.beijing)]) {
  const r = assessHousehold(household, policy, options)
  assert.ok(r.ok, r.ok ? "" : r.error.message)
  console.log(`\n== ${policy.name.en} (${policy.name.zh}) ==`)
  for (const step of r.value.steps) console.log(`- [${step.id}] ${step.text.en}\n  ${step.text.zh}`)
}

const now = assessHousehold(household, policies.beijing, options)
const reform = assessHousehold(household, compositeStandard(policies.beijing), options)
assert.ok(now.ok && reform.ok)
// Rules in force: ¥4,500 counted for 3 people is ¥150 above ¥1,450 × 3.
assert.equal(now.value.dibao.marginFen, 15000)
assert.equal(now.value.totalFen, 0)
// Composite: ¥700 of medical and education spending deducted → ¥4,350 − ¥3,800 = ¥550.
assert.equal(reform.value.dibao.amountFen, 55000)

const bad = assessHousehold({ members: [{ id: "x", age: 200, incomes: [] }] }, policies.beijing, options)
assert.equal(bad.ok, false)
console.log(
  `\nInvalid input → ${bad.error.issues[0].path.join(".")}: ${bad.error.issues[0].message.en} / ${bad.error.issues[0].message.zh}`
)
