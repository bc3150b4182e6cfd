import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  createPointsSystem,
  type PointsOperation,
  type PointsSystem,
  type Receipt,
  restorePointsSystem,
  TRANSFER_CODES
} from "./createPointsSystem.ts"
import { approved } from "./internal/fixtures.test.ts"
import { defineScheme, type Scheme, schemes } from "./schemes.ts"

const DAY = 86_400_000
const HOLDERS = ["a", "b", "c"] as const

interface Setup {
  readonly order: "fifo" | "fefo"
  readonly expiryDays: number | undefined
  readonly provenance: "carry" | "reset"
  readonly cap: number | undefined
  readonly regions: boolean
}

const setupArb: fc.Arbitrary<Setup> = fc.record({
  order: fc.constantFrom("fifo", "fefo"),
  expiryDays: fc.constantFrom(undefined, 3, 30),
  provenance: fc.constantFrom("carry", "reset"),
  cap: fc.constantFrom(undefined, 500),
  regions: fc.boolean()
})

type Cmd =
  | { readonly t: "issue"; readonly h: number; readonly amount: number }
  | { readonly t: "post"; readonly h: number; readonly minutes: number }
  | { readonly t: "redeem"; readonly h: number; readonly sku: "near" | "far"; readonly q: number }
  | { readonly t: "gift"; readonly h: number; readonly to: number; readonly amount: number }
  | { readonly t: "donate"; readonly h: number; readonly amount: number }
  | { readonly t: "expire" }
  | { readonly t: "reverse"; readonly k: number }
  | { readonly t: "retry"; readonly k: number }

const h = fc.integer({ min: 0, max: 2 })
const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  fc.record({ t: fc.constant("issue" as const), h, amount: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ t: fc.constant("post" as const), h, minutes: fc.integer({ min: 1, max: 240 }) }),
  fc.record({
    t: fc.constant("redeem" as const),
    h,
    sku: fc.constantFrom("near" as const, "far" as const),
    q: fc.integer({ min: 1, max: 3 })
  }),
  fc.record({ t: fc.constant("gift" as const), h, to: h, amount: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ t: fc.constant("donate" as const), h, amount: fc.integer({ min: 1, max: 200 }) }),
  fc.constant({ t: "expire" as const }),
  fc.record({ t: fc.constant("reverse" as const), k: fc.nat(50) }),
  fc.record({ t: fc.constant("retry" as const), k: fc.nat(50) })
)
// Gaps in hours, concentrated on small values so operations often race a lot's expiry.
const stepArb = fc.tuple(
  cmdArb,
  fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 24, max: 24 * 40 }))
)

const schemeFor = (s: Setup): Scheme =>
  getOrThrow(
    defineScheme({
      ...schemes.kunshan[0]!.value,
      lots: {
        order: s.order,
        giftProvenance: s.provenance,
        ...(s.expiryDays === undefined ? {} : { expiryDays: s.expiryDays })
      },
      ...(s.cap === undefined ? {} : { cap: { amount: s.cap, basis: "balance", overflow: "donate" } }),
      gifts: { relations: ["friend"] },
      redemption: {
        minimumBalance: 0,
        catalogue: [
          { sku: "near", merchant: "m1", name: { zh: "近", en: "near" }, price: 40, stock: 20, region: "r0" },
          { sku: "far", merchant: "m2", name: { zh: "远", en: "far" }, price: 25, region: s.regions ? "r1" : "r0" }
        ]
      }
    })
  )

interface Run {
  readonly system: PointsSystem
  readonly inputs: Array<[keyof PointsSystem, unknown]>
  readonly receipts: Array<Receipt>
}

/** Runs the commands, checking the invariants after every step; returns the system and inputs. */
const run = (setup: Setup, steps: ReadonlyArray<[Cmd, number]>, check = true): Run => {
  const regions = setup.regions ? [{ id: "r0" }, { id: "r1", netLimit: 400 }] : [{ id: "r0" }]
  const system = getOrThrow(createPointsSystem(schemeFor(setup), { regions }))
  getOrThrow(system.openHolders(HOLDERS.map((id, i) => ({ id, region: setup.regions && i === 2 ? "r1" : "r0" }))))
  const inputs: Array<[keyof PointsSystem, unknown]> = []
  const receipts: Array<Receipt> = []
  const seen = new Set<string>()
  const consumed = new Map<string, number>()
  const expired = new Map<string, number>()
  const posted: Array<string> = []
  const cursor = [0, 0, 0]
  let at = 0
  for (const [i, [cmd, gap]] of steps.entries()) {
    at += gap * 3_600_000
    const id = `op${i}`
    let call: [keyof PointsSystem, unknown] | undefined
    switch (cmd.t) {
      case "issue":
        call = ["issue", { id, holder: HOLDERS[cmd.h], amount: cmd.amount, at }]
        break
      case "post": {
        const start = Math.max(cursor[cmd.h]!, at - 300 * 60_000)
        cursor[cmd.h] = start + cmd.minutes * 60_000
        const record = approved(id, HOLDERS[cmd.h]!, [{ signIn: start, signOut: start + cmd.minutes * 60_000 }])
        call = ["postRecord", { record, at }]
        posted.push(id)
        break
      }
      case "redeem":
        call = ["redeem", { id, holder: HOLDERS[cmd.h], sku: cmd.sku, quantity: cmd.q, at }]
        break
      case "gift":
        call = ["gift", { id, from: HOLDERS[cmd.h], to: HOLDERS[cmd.to], relation: "friend", amount: cmd.amount, at }]
        break
      case "donate":
        call = ["donate", { id, holder: HOLDERS[cmd.h], amount: cmd.amount, at }]
        break
      case "expire":
        call = ["expire", { at }]
        break
      case "reverse":
        if (posted.length > 0)
          call = ["reverseRecord", { id, recordId: posted[cmd.k % posted.length], reason: "correction", at }]
        break
      case "retry":
        call = inputs.length > 0 ? inputs[cmd.k % inputs.length] : undefined
        break
    }
    if (call === undefined) continue
    if (cmd.t !== "retry") inputs.push(call)
    const lotsBefore = new Map(HOLDERS.map((x) => [x, system.lots(x)]))
    const balanceBefore = new Map(HOLDERS.map((x) => [x, system.balance(x)!]))
    const result = (system[call[0]] as (x: unknown) => { ok: boolean; value?: unknown })(call[1])
    if (!check) continue
    if (result.ok && call[0] !== "expire" && call[0] !== "openHolders") {
      const r = result.value as Receipt
      const key = `${r.kind}:${r.id}`
      if (!seen.has(key)) {
        seen.add(key)
        receipts.push(r)
        if (r.kind === "redeem" || r.kind === "gift" || r.kind === "donate" || r.kind === "reverse")
          for (const x of r.lots) consumed.set(x.lot, (consumed.get(x.lot) ?? 0) + x.amount)
        // A reversal takes from the holder at most the record's points still attributable to
        // them: the part of its lot that expired is taken back from the expiry account instead.
        if (r.kind === "reverse") {
          const recordId = (call[1] as { recordId: string }).recordId
          const holder = HOLDERS.find((x) => system.postedRecords(x).some((p) => p.record.id === recordId))!
          const units = system.postedRecords(holder).find((p) => p.record.id === recordId)!.units
          const expiredPart = system.ledger.transfer(`x:p:${recordId}`)?.amount ?? 0
          const sweptNow = r.expired.filter((e) => e.holder === holder)
          const drop = balanceBefore.get(holder)! - system.balance(holder)! - sweptNow.reduce((a, e) => a + e.amount, 0)
          expect(drop).toBeLessThanOrEqual(units - expiredPart)
          expect(drop).toBe(units - expiredPart)
        }
        // Expiry racing redemption: a spend at `at` never touches a lot that had expired by then.
        if (r.kind !== "reverse" && r.kind !== "issue" && r.kind !== "post") {
          const spender = (call[1] as { holder?: string; from?: string }).holder ?? (call[1] as { from?: string }).from
          const before = lotsBefore.get(spender as (typeof HOLDERS)[number]) ?? []
          for (const x of r.lots) {
            const lot = before.find((l) => l.id === x.lot)
            expect(lot).toBeDefined()
            if (lot?.expiresAt !== undefined) expect(lot.expiresAt).toBeGreaterThan(r.at)
          }
          // Spends consume lots in scheme order: nothing before the last lot touched is left.
          const after = system.lots(spender as string)
          const touched = new Set(r.lots.map((x) => x.lot))
          const lastIdx = after.reduce((m, l, j) => (touched.has(l.id) ? j : m), -1)
          for (let j = 0; j < lastIdx; j++) expect(after[j]!.remaining).toBe(0)
        }
      }
    }
    // Expiries as the ledger recorded them (a sweep runs even when the operation after it is refused).
    expired.clear()
    for (const t of system.ledger.transfers())
      if (t.code === TRANSFER_CODES.expire && t.ref !== undefined)
        expired.set(t.ref, (expired.get(t.ref) ?? 0) + t.amount)
    // Lot sums = balances, the liability identity, clearing sums to zero, no negative holder.
    const v = system.verify({ mode: "state" })
    if (!v.ok) throw new Error(v.error.message)
    for (const x of HOLDERS) {
      expect(system.balance(x)).toBeGreaterThanOrEqual(0)
      if (setup.cap !== undefined) expect(system.balance(x)).toBeLessThanOrEqual(setup.cap)
      // No double spend: every lot's spent + expired + remaining equals what it was issued with.
      for (const l of system.lots(x))
        expect((consumed.get(l.id) ?? 0) + (expired.get(l.id) ?? 0) + l.remaining).toBe(l.amount)
    }
    for (const p of system.positions()) if (p.limit !== undefined) expect(Math.abs(p.net)).toBeLessThanOrEqual(p.limit)
  }
  return { system, inputs, receipts }
}

describe("points system invariants (property)", () => {
  it("lot sums equal balances; issued − redeemed − expired − donated = outstanding; nothing is spent twice", () => {
    fc.assert(
      fc.property(setupArb, fc.array(stepArb, { maxLength: 40 }), (setup, steps) => {
        const { system } = run(setup, steps)
        const full = system.verify()
        if (!full.ok) throw new Error(full.error.message)
        const l = full.value.liability
        expect(l.issued - l.redeemed - l.expired - l.donated).toBe(l.outstanding)
      }),
      { numRuns: 150 }
    )
  })

  it("restoring a snapshot (or a write-ahead journal) reproduces the whole system, and goes on the same", () => {
    const sameState = (a: PointsSystem, b: PointsSystem) => {
      for (const x of HOLDERS) {
        expect(b.balance(x)).toBe(a.balance(x))
        expect(b.lots(x)).toEqual(a.lots(x))
        expect(b.postedRecords(x)).toEqual(a.postedRecords(x))
      }
      expect(b.liability()).toEqual(a.liability())
      expect(b.positions()).toEqual(a.positions())
      expect(b.stock("near")).toBe(a.stock("near"))
      expect(b.ledger.head()).toBe(a.ledger.head())
    }
    fc.assert(
      fc.property(
        setupArb,
        fc.array(stepArb, { maxLength: 30 }),
        fc.array(stepArb, { maxLength: 8 }),
        (setup, steps, more) => {
          const { system, inputs } = run(setup, steps, false)
          const restored = getOrThrow(restorePointsSystem(JSON.parse(JSON.stringify(system.snapshot()))))
          sameState(system, restored)
          expect(restored.verify().ok).toBe(true)
          // Both answer the same to what comes next: retries of old operations and new ones.
          const next = [...inputs.slice(-4), ...run(setup, more, false).inputs.map(([m, x]) => [m, x] as const)]
          for (const [method, input] of next) {
            const call = (s: PointsSystem) => JSON.stringify((s[method] as (x: unknown) => unknown)(input))
            expect(call(restored)).toBe(call(system))
          }
          sameState(system, restored)
          // A system journaling every operation ahead of applying it can be rebuilt from the journal alone.
          const journal: Array<PointsOperation> = []
          const regions = setup.regions ? [{ id: "r0" }, { id: "r1", netLimit: 400 }] : [{ id: "r0" }]
          const live = getOrThrow(
            createPointsSystem(schemeFor(setup), { regions, onOperation: (o: PointsOperation) => journal.push(o) })
          )
          for (const op of system.snapshot().operations) (live[op.op] as (x: unknown) => unknown)(op.input)
          const fromJournal = getOrThrow(
            restorePointsSystem({ ...live.snapshot(), operations: JSON.parse(JSON.stringify(journal)) })
          )
          sameState(live, fromJournal)
          sameState(system, fromJournal)
        }
      ),
      { numRuns: 60 }
    )
  })

  it("reversing a record never takes more from the holder than its points still attributable to them", () => {
    // Records, grants, spends and reversals spread over a few expiry periods, so that records'
    // lots are often partly spent and partly expired when they are reversed; run() checks the
    // balance drop of every reversal against units − the expired part of the record's lot.
    const focused = fc.tuple(
      fc.oneof(
        {
          arbitrary: fc.record({ t: fc.constant("post" as const), h, minutes: fc.integer({ min: 6, max: 600 }) }),
          weight: 3
        },
        {
          arbitrary: fc.record({ t: fc.constant("issue" as const), h, amount: fc.integer({ min: 1, max: 300 }) }),
          weight: 2
        },
        {
          arbitrary: fc.record({ t: fc.constant("donate" as const), h, amount: fc.integer({ min: 1, max: 60 }) }),
          weight: 1
        },
        { arbitrary: fc.record({ t: fc.constant("reverse" as const), k: fc.nat(50) }), weight: 3 },
        { arbitrary: fc.constant({ t: "expire" as const }), weight: 1 }
      ),
      fc.integer({ min: 0, max: 24 * 4 })
    )
    fc.assert(
      fc.property(
        fc.record({
          order: fc.constantFrom<"fifo" | "fefo">("fifo", "fefo"),
          expiryDays: fc.constant(3),
          provenance: fc.constant<"carry" | "reset">("carry"),
          cap: fc.constantFrom(undefined, 500),
          regions: fc.constant(false)
        }),
        fc.array(focused, { maxLength: 30 }),
        (setup, steps) => {
          run(setup, steps)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("expiry racing redemption never double-spends: one lot, spends and sweeps around its expiry", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<"fifo" | "fefo">("fifo", "fefo"),
        fc.array(fc.tuple(fc.constantFrom("redeem", "expire", "retry"), fc.integer({ min: -2, max: 2 })), {
          maxLength: 12
        }),
        (order, events) => {
          const scheme = getOrThrow(
            defineScheme({
              ...schemeFor({ order, expiryDays: 1, provenance: "carry", cap: undefined, regions: false })
            })
          )
          const s = getOrThrow(createPointsSystem(scheme, { regions: [{ id: "r0" }] }))
          getOrThrow(s.openHolders([{ id: "a", region: "r0" }]))
          getOrThrow(s.issue({ id: "lot", holder: "a", amount: 100, at: 0 }))
          // Times cluster at the expiry instant (1 day), a millisecond either side.
          const times = events.map(([, d]) => DAY + d).sort((x, y) => x - y)
          let redeemed = 0
          let lastRedeem: unknown
          events.forEach(([kind], i) => {
            const at = times[i]!
            if (kind === "expire") s.expire({ at })
            else if (kind === "redeem") {
              lastRedeem = { id: `r${i}`, holder: "a", sku: "far", at }
              const r = s.redeem(lastRedeem)
              if (r.ok) {
                redeemed += r.value.amount
                expect(at).toBeLessThan(DAY)
              }
            } else if (lastRedeem !== undefined) s.redeem(lastRedeem)
          })
          s.expire({ at: DAY + 3 })
          const l = s.liability()
          expect(l.redeemed).toBe(redeemed)
          expect(l.redeemed + l.expired).toBe(100)
          expect(s.balance("a")).toBe(0)
        }
      ),
      { numRuns: 200 }
    )
  })

  it("retrying decided operations, duplicated and reordered, changes nothing", () => {
    fc.assert(
      fc.property(
        setupArb,
        fc.array(stepArb, { maxLength: 30 }),
        fc.array(fc.nat(100), { maxLength: 30 }),
        (setup, steps, picks) => {
          const { system, inputs } = run(setup, steps, false)
          const head = system.ledger.head()
          const balances = HOLDERS.map((x) => system.balance(x))
          for (const p of picks) {
            if (inputs.length === 0) break
            const [method, input] = inputs[p % inputs.length]!
            if (method === "expire") continue
            const r = (
              system[method] as (x: unknown) => { ok: boolean; error?: { issues: ReadonlyArray<{ code: string }> } }
            )(input)
            // A retry answers with its original outcome, or (for a refused posting) is refused again.
            if (!r.ok) expect(r.error?.issues[0]?.code).not.toBe("exists_with_different_fields")
          }
          expect(system.ledger.head()).toBe(head)
          expect(HOLDERS.map((x) => system.balance(x))).toEqual(balances)
        }
      ),
      { numRuns: 100 }
    )
  })

  it("replaying the same operations gives the same ledger, hash for hash", () => {
    fc.assert(
      fc.property(setupArb, fc.array(stepArb, { maxLength: 30 }), (setup, steps) => {
        const a = run(setup, steps, false)
        const b = run(setup, steps, false)
        expect(b.system.ledger.head()).toBe(a.system.ledger.head())
        expect(b.system.liability()).toEqual(a.system.liability())
      }),
      { numRuns: 50 }
    )
  })
})
