import { getOrThrow } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { JournalError } from "./createLedger.ts"
import {
  createPointsSystem,
  type PointsOperation,
  type PointsSystem,
  restorePointsSystem
} from "./createPointsSystem.ts"
import { approved } from "./internal/fixtures.test.ts"
import { defineScheme, type Scheme, schemes } from "./schemes.ts"
import { defaultWorkflow, recordAction, verifyRecord } from "./serviceRecord.ts"

const H = 3_600_000
const DAY = 86_400_000
const vol = (id: string) => ({ id, roles: ["volunteer"] })
const staff = { id: "staff-1", roles: ["organisation"] }

const open = (scheme: Scheme, holders: Array<string>, options: unknown = {}): PointsSystem => {
  const s = getOrThrow(createPointsSystem(scheme, options))
  getOrThrow(s.openHolders(holders.map((id) => ({ id }))))
  return s
}

const codeOf = (r: { ok: boolean; error?: { issues: ReadonlyArray<{ code: string }> } }) =>
  r.ok ? "ok" : r.error?.issues[0]?.code

describe("createPointsSystem — worked examples from the rule notes", () => {
  it("Kunshan: 1 h = 10 points; 2.5 h of service (travel excluded) earns 25 points", () => {
    const s = open(schemes.kunshan[0]!.value, ["vol-1"])
    // Travel 8:30–9:00, service 9:00–11:30: 150 minutes count, the 30 minutes of travel do not.
    const rec = approved("rec-1", "vol-1", [
      { signIn: 8.5 * H, signOut: 9 * H, kind: "travel" },
      { signIn: 9 * H, signOut: 11.5 * H }
    ])
    expect(rec.minutes).toBe(150)
    const receipt = getOrThrow(s.postRecord({ record: rec, at: 12 * H }))
    expect(receipt.amount).toBe(25)
    expect(receipt.transfers).toEqual(["p:rec-1"])
    expect(s.balance("vol-1")).toBe(25)
    expect(s.certifiedMinutes("vol-1")).toBe(150)
    expect(s.ledger.transfer("p:rec-1")).toMatchObject({
      debitAccountId: "issuer",
      creditAccountId: "h:vol-1",
      amount: 25
    })
  })

  it("Kunshan: a redemption needs stock and balance; refusals apply nothing", () => {
    const s = open(schemes.kunshan[0]!.value, ["vol-1"])
    getOrThrow(s.issue({ id: "g1", holder: "vol-1", amount: 4000, at: 0 }))
    expect(codeOf(s.redeem({ id: "c1", holder: "vol-1", sku: "cooker", quantity: 2, at: 1 }))).toBe(
      "insufficient_balance"
    )
    getOrThrow(s.restock({ id: "r0", sku: "cooker", quantity: 1, at: 1 })) // 11 cookers
    getOrThrow(s.issue({ id: "g2", holder: "vol-1", amount: 38_000, at: 2 }))
    expect(codeOf(s.redeem({ id: "c2", holder: "vol-1", sku: "cooker", quantity: 12, at: 3 }))).toBe("out_of_stock")
    const head = s.ledger.head()
    expect(s.balance("vol-1")).toBe(42_000)
    getOrThrow(s.redeem({ id: "c3", holder: "vol-1", sku: "cooker", quantity: 11, at: 4 }))
    expect(s.ledger.head()).not.toBe(head)
    expect(s.balance("vol-1")).toBe(42_000 - 11 * 3800)
    expect(s.stock("cooker")).toBe(0)
    expect(codeOf(s.redeem({ id: "c4", holder: "vol-1", sku: "cooker", at: 5 }))).toBe("out_of_stock")
    expect(s.liability()).toEqual({ issued: 42_000, redeemed: 41_800, expired: 0, donated: 0, outstanding: 200 })
    expect(s.verify().ok).toBe(true)
  })

  it("Changsha: redemption starts once 5 h are held", () => {
    const s = open(schemes.changsha[0]!.value, ["vol-1"])
    getOrThrow(
      s.postRecord({ record: approved("r1", "vol-1", [{ signIn: 0, signOut: 4 * H + 59 * 60_000 }]), at: 5 * H })
    )
    expect(s.balance("vol-1")).toBe(299)
    expect(codeOf(s.redeem({ id: "cut-1", holder: "vol-1", sku: "haircut", at: 5 * H }))).toBe(
      "below_redemption_minimum"
    )
    getOrThrow(
      s.postRecord({ record: approved("r2", "vol-1", [{ signIn: 6 * H, signOut: 6 * H + 60_000 }]), at: 7 * H })
    )
    expect(s.balance("vol-1")).toBe(300)
    getOrThrow(s.redeem({ id: "cut-2", holder: "vol-1", sku: "haircut", at: 8 * H }))
    expect(s.balance("vol-1")).toBe(240)
  })

  it("Nanjing: the 1,500-hour storage cap sends the excess to the donation pool", () => {
    const s = open(schemes.nanjing[0]!.value, ["vol-1"])
    getOrThrow(s.issue({ id: "seed", holder: "vol-1", amount: 1499 * 60, at: 0 }))
    // A 3-hour record at 1,499 h: 1 h fits under the cap, 2 h overflow to donation.
    const r = getOrThrow(s.postRecord({ record: approved("r1", "vol-1", [{ signIn: H, signOut: 4 * H }]), at: 5 * H }))
    expect(r.amount).toBe(60)
    expect(r.overflow).toBe(120)
    expect(r.transfers).toEqual(["p:r1", "p:r1#o"])
    expect(s.balance("vol-1")).toBe(90_000)
    expect(s.liability()).toEqual({ issued: 90_120, redeemed: 0, expired: 0, donated: 120, outstanding: 90_000 })
    // Gifts never overflow: a gift that would pass the cap is refused.
    getOrThrow(s.openHolders([{ id: "mother" }]))
    getOrThrow(s.issue({ id: "m", holder: "mother", amount: 60, at: 6 * H }))
    expect(codeOf(s.gift({ id: "g", from: "mother", to: "vol-1", relation: "parent", amount: 1, at: 6 * H }))).toBe(
      "exceeds_cap"
    )
    expect(s.verify().ok).toBe(true)
  })

  it("an annual cap (earnedPerYear, a custom scheme) resets on 1 January in China Standard Time", () => {
    const base = schemes.nanjing[0]!.value
    const scheme = getOrThrow(
      defineScheme({ ...base, cap: { amount: 600, basis: "earnedPerYear", overflow: "reject" } })
    )
    const s = open(scheme, ["v"])
    const dec31 = Date.UTC(2024, 11, 31, 15, 0) // 23:00 on 31 December in Beijing
    getOrThrow(s.issue({ id: "a", holder: "v", amount: 600, at: dec31 }))
    expect(codeOf(s.issue({ id: "b", holder: "v", amount: 1, at: dec31 + 30 * 60_000 }))).toBe("exceeds_cap")
    getOrThrow(s.issue({ id: "c", holder: "v", amount: 600, at: dec31 + H })) // 00:00 on 1 January in Beijing
    expect(s.balance("v")).toBe(1200)
  })

  it("Beijing: withdrawal from age 60 for self or spouse; gifts to parents and grandparents only", () => {
    const s = open(schemes.beijing[0]!.value, ["vol-1", "father"])
    getOrThrow(s.issue({ id: "g", holder: "vol-1", amount: 600, at: 0 }))
    expect(codeOf(s.redeem({ id: "w1", holder: "vol-1", sku: "care-hour", at: 1 }))).toBe("beneficiary_required")
    const age59 = { relation: "self", age: 59 } as const
    expect(codeOf(s.redeem({ id: "w2", holder: "vol-1", sku: "care-hour", at: 1, beneficiary: age59 }))).toBe(
      "withdrawal_age_not_met"
    )
    getOrThrow(
      s.redeem({ id: "w3", holder: "vol-1", sku: "care-hour", at: 2, beneficiary: { relation: "spouse", age: 60 } })
    )
    expect(s.balance("vol-1")).toBe(540)
    expect(codeOf(s.gift({ id: "f", from: "vol-1", to: "father", relation: "friend", amount: 60, at: 3 }))).toBe(
      "gift_not_allowed"
    )
    getOrThrow(s.gift({ id: "p", from: "vol-1", to: "father", relation: "parent", amount: 120, at: 3 }))
    expect([s.balance("vol-1"), s.balance("father")]).toEqual([420, 120])
    expect(s.verify().ok).toBe(true)
  })

  it("Shanghai: withdrawal from 65, or 60 in special hardship; gifts to friends allowed", () => {
    const s = open(schemes.shanghai[0]!.value, ["v", "friend"])
    getOrThrow(s.issue({ id: "g", holder: "v", amount: 600, at: 0 }))
    const at62 = { relation: "self", age: 62 } as const
    expect(codeOf(s.redeem({ id: "w1", holder: "v", sku: "care-package", at: 1, beneficiary: at62 }))).toBe(
      "withdrawal_age_not_met"
    )
    getOrThrow(
      s.redeem({ id: "w2", holder: "v", sku: "care-package", at: 1, beneficiary: { ...at62, hardship: true } })
    )
    expect(s.balance("v")).toBe(480)
    getOrThrow(s.gift({ id: "f", from: "v", to: "friend", relation: "friend", amount: 60, at: 2 }))
    expect(s.balance("friend")).toBe(60)
  })
})

describe("lots, FIFO/FEFO and expiry", () => {
  const expiring = (order: "fifo" | "fefo", days = 365): Scheme =>
    getOrThrow(
      defineScheme({
        ...schemes.kunshan[0]!.value,
        lots: { order, expiryDays: days, giftProvenance: "carry" },
        gifts: { relations: ["friend"] }
      })
    )

  it("FIFO spends the oldest lot first; expiry is an explicit transfer of the remainder", () => {
    const s = open(expiring("fifo"), ["v"])
    getOrThrow(s.issue({ id: "a", holder: "v", amount: 100, at: 0 }))
    getOrThrow(s.issue({ id: "b", holder: "v", amount: 50, at: 10 * DAY }))
    getOrThrow(s.donate({ id: "d", holder: "v", amount: 70, at: 20 * DAY }))
    expect(s.lots("v").map((l) => [l.id, l.remaining])).toEqual([
      ["i:a", 30],
      ["i:b", 50]
    ])
    // Day 365: lot a (30 left) expires; lot b still has 10 days.
    const r = getOrThrow(s.expire({ at: 365 * DAY }))
    expect(r).toEqual([{ lot: "i:a", holder: "v", amount: 30 }])
    expect(s.ledger.transfer("x:i:a")).toMatchObject({ debitAccountId: "h:v", creditAccountId: "expired", amount: 30 })
    expect(s.balance("v")).toBe(50)
    // A redemption after b's expiry cannot use it: the sweep runs first.
    const late = s.donate({ id: "late", holder: "v", amount: 10, at: 375 * DAY })
    expect(codeOf(late)).toBe("insufficient_balance")
    expect(s.liability()).toEqual({ issued: 150, redeemed: 0, expired: 80, donated: 70, outstanding: 0 })
    expect(s.verify().ok).toBe(true)
  })

  it("FEFO spends the soonest-expiring lot first, including lots carried by a gift", () => {
    const s = open(expiring("fefo"), ["giver", "v"])
    getOrThrow(s.issue({ id: "old", holder: "giver", amount: 40, at: 0 }))
    getOrThrow(s.issue({ id: "new", holder: "v", amount: 40, at: 100 * DAY }))
    // The gift carries the giver's issue date, so it expires on day 365, before v's own lot (day 465).
    getOrThrow(s.gift({ id: "gift", from: "giver", to: "v", relation: "friend", amount: 40, at: 200 * DAY }))
    expect(s.lots("v").map((l) => [l.id, l.expiresAt])).toEqual([
      ["g:gift/0", 365 * DAY],
      ["i:new", 465 * DAY]
    ])
    const r = getOrThrow(s.donate({ id: "d", holder: "v", amount: 50, at: 201 * DAY }))
    expect(r.lots).toEqual([
      { lot: "g:gift/0", amount: 40 },
      { lot: "i:new", amount: 10 }
    ])
  })

  it("no expiry by default in time banks", () => {
    const s = open(schemes.beijing[0]!.value, ["v"])
    getOrThrow(s.issue({ id: "a", holder: "v", amount: 60, at: 0 }))
    expect(getOrThrow(s.expire({ at: 50 * 365 * DAY }))).toEqual([])
    expect(s.balance("v")).toBe(60)
  })
})

describe("service records on the ledger", () => {
  it("only complete records post; overlapping sign-in across records is refused", () => {
    const s = open(schemes.beijing[0]!.value, ["v"])
    const draft = getOrThrow(
      recordAction(undefined, {
        type: "draft",
        actor: vol("v"),
        at: 0,
        record: { id: "r0", volunteer: "v", organisation: "o", sessions: [{ signIn: 0, signOut: H }] }
      })
    )
    expect(codeOf(s.postRecord({ record: draft, at: H }))).toBe("not_ready_to_post")
    expect(s.balance("v")).toBe(0)
    getOrThrow(s.postRecord({ record: approved("r1", "v", [{ signIn: 9 * H, signOut: 11 * H }]), at: 12 * H }))
    const clash = approved("r2", "v", [{ signIn: 10 * H, signOut: 13 * H }])
    expect(codeOf(s.postRecord({ record: clash, at: 14 * H }))).toBe("overlapping_sessions")
    // Touching is not overlapping: 11:00–12:00 follows 9:00–11:00.
    getOrThrow(s.postRecord({ record: approved("r3", "v", [{ signIn: 11 * H, signOut: 12 * H }]), at: 14 * H }))
    expect(s.certifiedMinutes("v")).toBe(180)
  })

  it("refuses forged or self-approved records: the history must replay to the claimed state", () => {
    const s = open(schemes.nanjing[0]!.value, ["vol-1"])
    const H10 = { signIn: 0, signOut: 10 * H }
    const forged = {
      id: "r-forged",
      volunteer: "vol-1",
      organisation: "org",
      sessions: [H10],
      state: "acknowledged",
      minutes: 600,
      confirmations: [],
      acknowledgements: [],
      history: []
    }
    expect(codeOf(s.postRecord({ record: forged, at: 11 * H }))).toBe("record_tampered")
    const selfApproved = { ...forged, confirmations: ["vol-1"], acknowledgements: ["vol-1"] }
    expect(codeOf(s.postRecord({ record: selfApproved, at: 11 * H }))).toBe("record_tampered")
    // Even with a history that says the volunteer confirmed in the organisation's role.
    const hist = [
      { action: "draft", actor: "vol-1", roles: [], at: 0 },
      { action: "submit", actor: "vol-1", roles: [], at: 0 },
      { action: "confirm", actor: "vol-1", roles: ["organisation"], at: 0 },
      { action: "acknowledge", actor: "vol-1", roles: ["beneficiary"], at: 0 }
    ]
    expect(codeOf(s.postRecord({ record: { ...selfApproved, history: hist }, at: 11 * H }))).toBe("not_authorised")
    // A genuine record whose minutes were inflated afterwards.
    const real = approved("r1", "vol-1", [{ signIn: 0, signOut: H }])
    expect(codeOf(s.postRecord({ record: { ...real, minutes: 600 }, at: 11 * H }))).toBe("minutes_mismatch")
    const late = approved("r2", "vol-1", [{ signIn: 2 * H, signOut: 3 * H }], 12 * H)
    expect(codeOf(s.postRecord({ record: late, at: 11 * H }))).toBe("posted_before_approval")
    getOrThrow(s.postRecord({ record: real, at: 11 * H }))
    expect(s.balance("vol-1")).toBe(60)
    expect(s.certifiedMinutes("vol-1")).toBe(60)
    expect(s.verify().ok).toBe(true)
  })

  it("a posted record is corrected by reversal (with a reason) and a new record that names it", () => {
    const s = open(schemes.beijing[0]!.value, ["v"])
    getOrThrow(s.postRecord({ record: approved("r1", "v", [{ signIn: 0, signOut: 3 * H }]), at: 3 * H }))
    const wrong = approved("r1b", "v", [{ signIn: 0, signOut: 2 * H }])
    expect(codeOf(s.postRecord({ record: { ...wrong, corrects: "r1" }, at: 4 * H }))).toBe(
      "corrected_record_not_reversed"
    )
    const rev = getOrThrow(s.reverseRecord({ id: "fix-1", recordId: "r1", reason: "signed out 1 h late", at: 4 * H }))
    expect(rev.amount).toBe(180)
    expect(s.ledger.transfer("v:fix-1")).toMatchObject({ reverses: "p:r1", reason: "signed out 1 h late" })
    expect(s.ledger.transfer("p:r1")?.reversed).toBe(180)
    expect(s.certifiedMinutes("v")).toBe(0)
    getOrThrow(s.postRecord({ record: { ...wrong, corrects: "r1" }, at: 5 * H }))
    expect(s.certifiedMinutes("v")).toBe(120)
    expect(s.balance("v")).toBe(120)
    expect(s.postedRecords("v").map((p) => [p.record.id, p.record.state])).toEqual([
      ["r1", "reversed"],
      ["r1b", "posted"]
    ])
    // The system's own post and reverse entries replay too.
    expect(s.postedRecords("v").every((p) => verifyRecord(p.record, s.workflow).ok)).toBe(true)
    expect(codeOf(s.reverseRecord({ id: "fix-2", recordId: "r1", reason: "again", at: 6 * H }))).toBe(
      "already_reversed"
    )
    expect(s.verify().ok).toBe(true)
  })

  it("reversing a record whose lot already expired does not charge the holder again", () => {
    // Kunshan with 10-day expiry: a 1 h record earns 10 points at hour 1; 100 more on day 5;
    // the record's lot expires on day 10 (+1 h); the record is reversed on day 12.
    const base = schemes.kunshan[0]!.value
    const s = open(getOrThrow(defineScheme({ ...base, lots: { ...base.lots, expiryDays: 10 } })), ["v"])
    getOrThrow(s.postRecord({ record: approved("r1", "v", [{ signIn: 0, signOut: H }]), at: H }))
    getOrThrow(s.issue({ id: "i1", holder: "v", amount: 100, at: 5 * DAY }))
    expect(getOrThrow(s.expire({ at: 11 * DAY }))).toEqual([{ lot: "p:r1", holder: "v", amount: 10 }])
    expect(s.balance("v")).toBe(100)
    const rev = getOrThrow(s.reverseRecord({ id: "rev1", recordId: "r1", reason: "fraud", at: 12 * DAY }))
    expect(rev.amount).toBe(10)
    expect(s.balance("v")).toBe(100)
    expect(s.liability()).toEqual({ issued: 100, redeemed: 0, expired: 0, donated: 0, outstanding: 100 })
    expect(s.ledger.transfer("x:p:r1")?.reversed).toBe(10)
    expect(s.ledger.transfer("p:r1")?.reversed).toBe(10)
    expect(s.certifiedMinutes("v")).toBe(0)
    expect(s.verify().ok).toBe(true)
  })

  it("splits a reversal into the part left, the part expired and the part spent", () => {
    // 3 h = 30 points at hour 3; 5 spent on day 1 (a 5-point item), 100 issued on day 5; the
    // rest of the record's lot (25) expires on day 10 (+3 h). Reversal: 5 from the holder,
    // 25 back from the expiry account.
    const base = schemes.kunshan[0]!.value
    const scheme = getOrThrow(
      defineScheme({
        ...base,
        lots: { ...base.lots, expiryDays: 10 },
        redemption: {
          minimumBalance: 0,
          catalogue: [{ sku: "soap", merchant: "m", name: { zh: "肥皂", en: "soap" }, price: 5 }]
        }
      })
    )
    const s = open(scheme, ["v"])
    getOrThrow(s.postRecord({ record: approved("r1", "v", [{ signIn: 0, signOut: 3 * H }]), at: 3 * H }))
    getOrThrow(s.redeem({ id: "b1", holder: "v", sku: "soap", at: DAY }))
    getOrThrow(s.issue({ id: "i1", holder: "v", amount: 100, at: 5 * DAY }))
    getOrThrow(s.expire({ at: 11 * DAY }))
    expect(s.balance("v")).toBe(100)
    getOrThrow(s.reverseRecord({ id: "rev1", recordId: "r1", reason: "duplicate", at: 12 * DAY }))
    expect(s.balance("v")).toBe(95)
    expect(s.liability()).toEqual({ issued: 100, redeemed: 5, expired: 0, donated: 0, outstanding: 95 })
    expect(s.verify().ok).toBe(true)
  })

  it("passes an expired part back under a balance cap without ever crossing it", () => {
    // Cap 100. 8 h = 80 points expire on day 10; 60 are granted on day 11; reversing the record
    // on day 12 brings 80 back from the expiry account. Crediting 80 at once would reach 140,
    // so the ledger sees two debit-first passes of 60 and 20 and the holder keeps 60.
    const base = schemes.kunshan[0]!.value
    const scheme = getOrThrow(
      defineScheme({
        ...base,
        lots: { ...base.lots, expiryDays: 10 },
        cap: { amount: 100, basis: "balance", overflow: "reject" }
      })
    )
    const s = open(scheme, ["v"])
    getOrThrow(s.postRecord({ record: approved("r1", "v", [{ signIn: 0, signOut: 8 * H }]), at: 8 * H }))
    getOrThrow(s.expire({ at: 11 * DAY }))
    getOrThrow(s.issue({ id: "i1", holder: "v", amount: 60, at: 11 * DAY }))
    const rev = getOrThrow(s.reverseRecord({ id: "rev", recordId: "r1", reason: "not served", at: 12 * DAY }))
    expect(rev.transfers).toEqual(["v:rev#e", "v:rev#x", "v:rev#e2", "v:rev#x2"])
    expect(s.ledger.transfer("v:rev#e")?.amount).toBe(60)
    expect(s.ledger.transfer("v:rev#e2")?.amount).toBe(20)
    expect(s.balance("v")).toBe(60)
    expect(s.liability()).toEqual({ issued: 60, redeemed: 0, expired: 0, donated: 0, outstanding: 60 })
    expect(s.verify().ok).toBe(true)
  })

  it("a reversal never pushes a holder negative", () => {
    const s = open(schemes.beijing[0]!.value, ["v"])
    getOrThrow(s.postRecord({ record: approved("r1", "v", [{ signIn: 0, signOut: H }]), at: H }))
    getOrThrow(s.redeem({ id: "w", holder: "v", sku: "care-hour", at: H, beneficiary: { relation: "self", age: 70 } }))
    expect(codeOf(s.reverseRecord({ id: "x", recordId: "r1", reason: "fraud", at: 2 * H }))).toBe(
      "insufficient_balance"
    )
    expect(s.certifiedMinutes("v")).toBe(60)
  })

  it("a custom workflow needs two organisation confirmations and no acknowledgement", () => {
    const workflow = { confirm: { roles: ["organisation"], quorum: 2 }, acknowledge: null }
    const s = open(schemes.beijing[0]!.value, ["v"], { workflow })
    let r = getOrThrow(
      recordAction(
        undefined,
        {
          type: "draft",
          actor: vol("v"),
          at: 0,
          record: { id: "r", volunteer: "v", organisation: "o", sessions: [{ signIn: 0, signOut: H }] }
        },
        workflow
      )
    )
    r = getOrThrow(recordAction(r, { type: "submit", actor: vol("v"), at: 0 }, workflow))
    r = getOrThrow(recordAction(r, { type: "confirm", actor: staff, at: 0 }, workflow))
    expect(r.state).toBe("submitted")
    expect(codeOf(recordAction(r, { type: "confirm", actor: staff, at: 0 }, workflow))).toBe("already_approved")
    expect(codeOf(s.postRecord({ record: r, at: H }))).toBe("not_ready_to_post")
    r = getOrThrow(
      recordAction(r, { type: "confirm", actor: { id: "staff-2", roles: ["organisation"] }, at: 0 }, workflow)
    )
    expect(r.state).toBe("confirmed")
    getOrThrow(s.postRecord({ record: r, at: H }))
    expect(s.balance("v")).toBe(60)
    expect(defaultWorkflow.acknowledge).not.toBeNull()
  })
})

describe("idempotency", () => {
  it("a retry returns the original receipt; the same id with other fields is refused", () => {
    const s = open(schemes.kunshan[0]!.value, ["v"])
    const first = s.issue({ id: "g", holder: "v", amount: 10, at: 0 })
    const again = s.issue({ id: "g", holder: "v", amount: 10, at: 0 })
    expect(again).toEqual(first)
    // Key order does not matter: the same fields in another order are the same operation.
    expect(s.issue({ at: 0, amount: 10, holder: "v", id: "g" })).toEqual(first)
    expect(codeOf(s.issue({ id: "g", holder: "v", amount: 11, at: 0 }))).toBe("exists_with_different_fields")
    // A refused id stays refused, even once the holder could afford it.
    expect(codeOf(s.donate({ id: "d", holder: "v", amount: 20, at: 1 }))).toBe("insufficient_balance")
    getOrThrow(s.issue({ id: "g2", holder: "v", amount: 10, at: 2 }))
    expect(codeOf(s.donate({ id: "d", holder: "v", amount: 20, at: 1 }))).toBe("insufficient_balance")
    expect(s.balance("v")).toBe(20)
    expect(codeOf(s.issue({ id: "g3", holder: "v", amount: 1, at: 1 }))).toBe("time_went_backwards")
  })
})

describe("cross-region clearing (通存通兑)", () => {
  const scheme = (): Scheme =>
    getOrThrow(
      defineScheme({
        ...schemes.beijing[0]!.value,
        redemption: {
          minimumBalance: 0,
          catalogue: [
            {
              sku: "care-e",
              merchant: "east-care",
              name: { zh: "东城助老", en: "east care" },
              price: 60,
              region: "east"
            },
            {
              sku: "care-w",
              merchant: "west-care",
              name: { zh: "西城助老", en: "west care" },
              price: 60,
              region: "west"
            }
          ]
        }
      })
    )
  const elder = { relation: "self", age: 70 } as const

  it("a holder from the east redeems in the west through a linked pair of clearing transfers", () => {
    const s = getOrThrow(createPointsSystem(scheme(), { regions: [{ id: "east" }, { id: "west", netLimit: 500 }] }))
    getOrThrow(
      s.openHolders([
        { id: "e1", region: "east" },
        { id: "w1", region: "west" }
      ])
    )
    getOrThrow(s.issue({ id: "g1", holder: "e1", amount: 600, at: 0 }))
    getOrThrow(s.issue({ id: "g2", holder: "w1", amount: 600, at: 0 }))
    const r = getOrThrow(s.redeem({ id: "x1", holder: "e1", sku: "care-w", quantity: 3, at: 1, beneficiary: elder }))
    expect(r.transfers).toEqual(["r:x1", "r:x1#c"])
    expect(s.ledger.transfer("r:x1")).toMatchObject({ debitAccountId: "h:e1", creditAccountId: "c:east", amount: 180 })
    expect(s.ledger.transfer("r:x1#c")).toMatchObject({ debitAccountId: "c:west", creditAccountId: "m:west-care" })
    getOrThrow(s.redeem({ id: "x2", holder: "w1", sku: "care-e", quantity: 1, at: 2, beneficiary: elder }))
    expect(s.positions()).toEqual([
      { region: "east", net: 120, limit: undefined, owes: { west: 180 } },
      { region: "west", net: -120, limit: 500, owes: { east: 60 } }
    ])
    // West may be owed at most 500 net: 120 + 420 = 540 would pass it.
    const tooMuch = s.redeem({ id: "x3", holder: "e1", sku: "care-w", quantity: 7, at: 3, beneficiary: elder })
    expect(codeOf(tooMuch)).toBe("clearing_limit_exceeded")
    expect(s.balance("e1")).toBe(420)
    expect(codeOf(s.settle({ id: "s0", debtor: "east", creditor: "west", amount: 121, at: 4 }))).toBe(
      "settle_exceeds_position"
    )
    getOrThrow(s.settle({ id: "s1", debtor: "east", creditor: "west", amount: 120, at: 4 }))
    expect(s.positions().map((p) => p.net)).toEqual([0, 0])
    expect(s.verify().ok).toBe(true)
  })
})

describe("restorePointsSystem and the write-ahead journal", () => {
  const scheme = schemes.kunshan[0]!.value
  const build = () => {
    const bank = getOrThrow(createPointsSystem(scheme))
    getOrThrow(bank.openHolders([{ id: "v1" }, { id: "v2" }]))
    getOrThrow(bank.issue({ id: "g1", holder: "v1", amount: 1000, at: 0 }))
    getOrThrow(bank.redeem({ id: "r1", holder: "v1", sku: "rice-5kg", at: H }))
    return bank
  }
  it("detects an edited, dropped or reordered operation that moved units", () => {
    const snap = JSON.parse(JSON.stringify(build().snapshot()))
    const edited = structuredClone(snap)
    edited.operations[1].input.amount = 5000
    const e = restorePointsSystem(edited)
    expect(!e.ok && e.error.issues[0]).toMatchObject({ path: ["ledgerHead"], code: "head_mismatch" })
    const dropped = { ...snap, operations: snap.operations.filter((_: unknown, i: number) => i !== 1) }
    expect(restorePointsSystem(dropped).ok).toBe(false)
    const swapped = { ...snap, operations: [snap.operations[0], snap.operations[2], snap.operations[1]] }
    expect(restorePointsSystem(swapped).ok).toBe(false)
  })
  it("rejects malformed snapshots and options with typed, bilingual errors", () => {
    const snap = build().snapshot()
    for (const bad of [
      undefined,
      {},
      { ...snap, format: "x" },
      { ...snap, operations: [{ op: "steal", input: {} }] }
    ]) {
      const r = restorePointsSystem(bad)
      expect(!r.ok && r.error._tag).toBe("InvalidInputError")
    }
    const badInput = { ...snap, operations: [...snap.operations, { op: "issue", input: { id: "x", amount: -1 } }] }
    const r = restorePointsSystem(badInput)
    expect(!r.ok && r.error.issues[0]?.path.slice(0, 3)).toEqual(["operations", 3, "input"])
    const o = restorePointsSystem(snap, { onOperation: 1 } as never)
    expect(!o.ok && o.error.issues[0]?.path).toEqual(["onOperation"])
  })
  it("applies nothing when the journal write fails, and journals after a restore only what follows it", () => {
    const journal: Array<PointsOperation> = []
    let fail = false
    const bank = getOrThrow(
      createPointsSystem(scheme, {
        onOperation: (o: PointsOperation) => {
          if (fail) throw new Error("disk full")
          journal.push(o)
        }
      })
    )
    getOrThrow(bank.openHolders([{ id: "v1" }]))
    getOrThrow(bank.issue({ id: "g1", holder: "v1", amount: 1000, at: 0 }))
    const head = bank.ledger.head()
    fail = true
    const r = bank.redeem({ id: "r1", holder: "v1", sku: "rice-5kg", at: H })
    expect(!r.ok && r.error).toBeInstanceOf(JournalError)
    expect(bank.balance("v1")).toBe(1000)
    expect(bank.ledger.head()).toBe(head)
    expect(bank.snapshot().operations.length).toBe(2)
    fail = false
    expect(bank.redeem({ id: "r1", holder: "v1", sku: "rice-5kg", at: H }).ok).toBe(true)
    expect(journal.map((o) => o.op)).toEqual(["openHolders", "issue", "redeem"])
    const after: Array<PointsOperation> = []
    const restored = getOrThrow(
      restorePointsSystem({ ...bank.snapshot(), operations: journal }, { onOperation: (o) => after.push(o) })
    )
    expect(restored.balance("v1")).toBe(bank.balance("v1"))
    expect(after).toEqual([])
    getOrThrow(restored.donate({ id: "d1", holder: "v1", amount: 10, at: 2 * H }))
    expect(after.map((o) => o.op)).toEqual(["donate"])
  })
})
