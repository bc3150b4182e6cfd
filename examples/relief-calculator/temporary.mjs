// Temporary assistance (临时救助) under a county rule: ≤ 6 months of the line per person, one
// award per cause per year [S29], and an income test for the expenditure type [S29; S33].
// Run after building: pnpm --filter @jiceng/examples exec node relief-calculator/temporary.mjs
import assert from "node:assert/strict"
import { getOrThrow } from "@jiceng/core"
import { assessTemporaryAssistance, definePolicy, policies } from "@jiceng/relief-calculator"

const source = { title: "Illustrative county rule (relief-rules.md §4, S29)", verified: false }
const county = getOrThrow(
  definePolicy(
    {
      id: "county",
      name: { zh: "某县", en: "A county" },
      parameters: {
        dibaoLine: [{ value: 100000, from: "2024-01-01", source }],
        disposableIncomeLine: [{ value: 200000, from: "2024-01-01", source }],
        temporaryAssistance: [
          {
            value: {
              capBasis: "perPerson",
              emergencyCapMonths: 6,
              specialHardshipCapMonths: null,
              emergencyMinMonths: null,
              expenditureMinMonths: null,
              expenditureMaxMonths: 6,
              directApprovalMonths: 3,
              directApprovalBasis: "perPerson",
              oncePerCause: "calendarYear",
              expenditureIncomeTest: "belowDisposableIncome"
            },
            from: "2024-01-01",
            source
          }
        ]
      }
    },
    policies.beijing
  )
)
const household = {
  members: [
    { id: "mother", age: 41, incomes: [{ kind: "wages", amountFen: 450000 }] },
    { id: "son", age: 15, incomes: [] }
  ]
}
const show = (label, r) => {
  assert.ok(r.ok, label)
  console.log(`\n${label}: award ¥${r.value.awardFen / 100}${r.value.eligible ? "" : ` (refused: ${r.value.refusal})`}`)
  for (const s of r.value.steps) console.log(`  [${s.id}] ${s.text.en}\n  ${s.text.zh}`)
  return r.value
}

// A fire in August: cap 6 × ¥1,000 × 2 = ¥12,000; ¥8,000 is above the township limit (3 × ¥1,000 × 2), so the county approves.
const fire = show(
  "Fire, 2024-08",
  assessTemporaryAssistance(household, { type: "emergency", month: "2024-08", needFen: 800000, cause: "fire" }, county)
)
assert.deepEqual([fire.capFen, fire.awardFen, fire.approval], [1200000, 800000, "county"])

// A second fire award in the same calendar year is refused; a new cause is not.
const again = show(
  "Fire again, 2024-11",
  assessTemporaryAssistance(
    household,
    {
      type: "emergency",
      month: "2024-11",
      needFen: 300000,
      cause: "fire",
      previousAwards: [{ cause: "fire", month: "2024-08" }]
    },
    county
  )
)
assert.equal(again.refusal, "sameCause")

// Expenditure type: income ¥4,500 is not below ¥2,000 × 2 = ¥4,000, so the income test refuses it.
const surgery = show(
  "Surgery bill, 2024-11",
  assessTemporaryAssistance(
    household,
    { type: "expenditure", month: "2024-11", needFen: 2000000, cause: "surgery" },
    county
  )
)
assert.equal(surgery.refusal, "income")

// Bad input: the once-per-cause rule needs a cause.
const bad = assessTemporaryAssistance(household, { type: "emergency", month: "2024-11", needFen: 1 }, county)
assert.ok(!bad.ok)
console.log(
  `\nInvalid input → ${bad.error.issues.map((i) => `${i.path.join(".")}: ${i.message.en} / ${i.message.zh}`).join("; ")}`
)
