// The README's snippet, checked: earn, retry, overspend, verify.
// Run: pnpm --filter @jiceng/examples exec node volunteer-points/ledger-basics.mjs
import assert from "node:assert/strict"
import { getOrThrow } from "@jiceng/core"
import { createLedger, explainCode } from "@jiceng/volunteer-points"

const ledger = getOrThrow(createLedger())
getOrThrow(
  ledger.createAccounts([
    { id: "community-fund", unit: "points" },
    { id: "vol-0001", unit: "points", debitsMustNotExceedCredits: true }
  ])
)
const earn = { id: "rec-17", debitAccountId: "community-fund", creditAccountId: "vol-0001", amount: 30 }
assert.equal(getOrThrow(ledger.createTransfers([earn])).results[0].code, "created")
assert.equal(getOrThrow(ledger.createTransfers([earn])).results[0].code, "exists")
const spend = getOrThrow(
  ledger.createTransfers([{ id: "buy-1", debitAccountId: "vol-0001", creditAccountId: "community-fund", amount: 50 }])
)
console.log("balance:", ledger.account("vol-0001")?.balance)
console.log("overspend:", spend.results[0].code, "—", explainCode(spend.results[0].code).zh)
assert.equal(ledger.account("vol-0001")?.balance, 30)
assert.equal(explainCode(spend.results[0].code).zh, "余额不足：该账户不允许为负")
const v = ledger.verify()
assert.ok(v.ok)
console.log("verify:", v.value.mode, "head", v.value.head.slice(0, 16), "…", v.value.units)
