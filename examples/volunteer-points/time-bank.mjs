// A Nanjing-style time bank: a record through the workflow, the storage cap with overflow to
// the donation pool, a gift to a parent, a withdrawal refused by age, and verify().
// Run: pnpm --filter @jiceng/examples exec node volunteer-points/time-bank.mjs
import assert from "node:assert/strict"
import { getOrThrow } from "@jiceng/core"
import { createPointsSystem, recordAction, schemes, simulateScheme } from "@jiceng/volunteer-points"

const H = 3_600_000
const bank = getOrThrow(createPointsSystem(schemes.nanjing[0].value))
getOrThrow(bank.openHolders([{ id: "vol-1" }, { id: "mother" }]))

const volunteer = { id: "vol-1", roles: ["volunteer"] }
const approve = (id, sessions) => {
  let r = getOrThrow(
    recordAction(undefined, {
      type: "draft",
      actor: volunteer,
      at: 0,
      record: { id, volunteer: "vol-1", organisation: "org-1", beneficiary: "elder-9", sessions }
    })
  )
  r = getOrThrow(recordAction(r, { type: "submit", actor: volunteer, at: 0 }))
  r = getOrThrow(recordAction(r, { type: "confirm", actor: { id: "staff", roles: ["organisation"] }, at: 0 }))
  return getOrThrow(recordAction(r, { type: "acknowledge", actor: { id: "elder-9", roles: ["beneficiary"] }, at: 0 }))
}

// 30 min of travel, then 2 h of service: 120 minutes count.
const rec = approve("rec-1", [
  { signIn: 0, signOut: 0.5 * H, kind: "travel" },
  { signIn: 0.5 * H, signOut: 2.5 * H }
])
getOrThrow(bank.postRecord({ record: rec, at: 3 * H }))
console.log("after rec-1:", bank.balance("vol-1"), "minutes")
assert.equal(bank.balance("vol-1"), 120)

// A fund tops the volunteer up to 1,499 h; a 3-hour record then overflows by 2 h (cap 1,500 h).
getOrThrow(bank.issue({ id: "fund-1", holder: "vol-1", amount: 1499 * 60 - 120, at: 4 * H }))
const big = getOrThrow(bank.postRecord({ record: approve("rec-2", [{ signIn: 5 * H, signOut: 8 * H }]), at: 9 * H }))
console.log("rec-2 credited", big.amount, "overflow to donations", big.overflow)
assert.deepEqual([big.amount, big.overflow], [60, 120])

getOrThrow(bank.gift({ id: "gift-1", from: "vol-1", to: "mother", relation: "parent", amount: 600, at: 10 * H }))
const refused = bank.redeem({
  id: "w-1",
  holder: "mother",
  sku: "care-hour",
  at: 11 * H,
  beneficiary: { relation: "self", age: 58 }
})
assert.equal(refused.ok, false)
console.log("withdrawal at 58:", refused.error.issues[0].code, "—", refused.error.issues[0].message.zh)
getOrThrow(
  bank.redeem({ id: "w-2", holder: "mother", sku: "care-hour", at: 12 * H, beneficiary: { relation: "self", age: 66 } })
)
console.log("mother after one care hour:", bank.balance("mother"))
assert.equal(bank.balance("mother"), 540)

const l = bank.liability()
console.log("liability:", l)
assert.equal(l.issued - l.redeemed - l.expired - l.donated, l.outstanding)
assert.ok(bank.verify().ok)

const sim = getOrThrow(simulateScheme({ seed: 2025, agents: 200, weeks: 26 }))
const last = sim.weeks.at(-1)
console.log(
  `simulation seed ${sim.seed}: ${sim.operations} operations, outstanding ${last.outstanding} min, gini ${last.gini.toFixed(3)}, stars ${sim.stars.join("/")}`
)
assert.ok(sim.verified)
