import { createHash } from "node:crypto"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { describe, expect, it } from "vitest"
import type { LogBatch } from "../createLedger.ts"
import {
  InMemoryJournal,
  inMemoryJournalStore,
  JournalError,
  JournalStore,
  LedgerService,
  ledgerLayer
} from "../effect.ts"

const program = Effect.gen(function* () {
  const ledger = yield* LedgerService
  yield* ledger.createAccounts([
    { id: "fund", unit: "min" },
    { id: "v1", unit: "min", debitsMustNotExceedCredits: true }
  ])
  yield* ledger.createTransfers([{ id: "t1", debitAccountId: "fund", creditAccountId: "v1", amount: 90 }])
  return (yield* ledger.account("v1"))?.balance
})

describe("effect: LedgerService over a JournalStore", () => {
  it("runs with the in-memory journal layer", () => {
    expect(Effect.runSync(Effect.provide(program, Layer.provide(ledgerLayer(), InMemoryJournal)))).toBe(90)
  })

  it("replays the journal on start-up and keeps appending", () => {
    const batches: Array<LogBatch> = []
    const store = Layer.succeed(JournalStore, inMemoryJournalStore(batches))
    Effect.runSync(Effect.provide(program, Layer.provide(ledgerLayer(), store)))
    expect(batches.length).toBe(2)
    const again = Effect.gen(function* () {
      const ledger = yield* LedgerService
      const r = yield* ledger.createTransfers([{ id: "t1", debitAccountId: "fund", creditAccountId: "v1", amount: 90 }])
      yield* ledger.verify()
      return [r.results[0]?.code, (yield* ledger.account("v1"))?.balance]
    })
    expect(Effect.runSync(Effect.provide(again, Layer.provide(ledgerLayer(), store)))).toEqual(["exists", 90])
  })

  it("takes a platform SHA-256 and an outside checkpoint; a journal that lost its tail fails", () => {
    const batches: Array<LogBatch> = []
    const store = Layer.succeed(JournalStore, inMemoryJournalStore(batches))
    const sha256 = () => createHash("sha256")
    Effect.runSync(Effect.provide(program, Layer.provide(ledgerLayer({ sha256 }), store)))
    const head = batches[1]!.hash
    const checkpoint = { expectHead: head, expectSeq: 1 }
    const reopen = (journal: Array<LogBatch>) =>
      Effect.runSyncExit(
        Effect.provide(
          Effect.gen(function* () {
            return (yield* LedgerService).ledger.head()
          }),
          Layer.provide(ledgerLayer(checkpoint), Layer.succeed(JournalStore, inMemoryJournalStore(journal)))
        )
      )
    const whole = reopen([...batches])
    expect(Exit.isSuccess(whole) && whole.value).toBe(head)
    for (const lost of [batches.slice(0, 1), []]) {
      const exit = reopen(lost)
      expect(Exit.isFailure(exit)).toBe(true)
      if (Exit.isFailure(exit)) expect(String(exit.cause)).toContain("LedgerIntegrityError")
    }
  })

  it("fails with typed errors: bad input, and a journal that refuses a write (rolled back)", () => {
    const bad = Effect.gen(function* () {
      const ledger = yield* LedgerService
      return yield* ledger.createTransfers([{ id: "x", amount: -1 }])
    })
    const exit = Effect.runSyncExit(Effect.provide(bad, Layer.provide(ledgerLayer(), InMemoryJournal)))
    expect(Exit.isFailure(exit)).toBe(true)
    const tag = Effect.runSync(
      Effect.provide(
        bad.pipe(Effect.catchTag("InvalidInputError", (e) => Effect.succeed(e._tag))),
        Layer.provide(ledgerLayer(), InMemoryJournal)
      )
    )
    expect(tag).toBe("InvalidInputError")
    let calls = 0
    const flaky = Layer.succeed(JournalStore, {
      load: Effect.succeed([]),
      append: () => (calls++ === 0 ? Effect.void : Effect.fail(new JournalError("disk full")))
    })
    const r = Effect.runSync(
      Effect.provide(
        Effect.gen(function* () {
          const ledger = yield* LedgerService
          yield* ledger.createAccounts([
            { id: "a", unit: "u" },
            { id: "b", unit: "u" }
          ])
          const failed = yield* ledger
            .createTransfers([{ id: "t", debitAccountId: "a", creditAccountId: "b", amount: 5 }])
            .pipe(Effect.catchTag("JournalError", () => Effect.succeed("journal failed")))
          return [failed, (yield* ledger.account("b"))?.balance]
        }),
        Layer.provide(ledgerLayer(), flaky)
      )
    )
    expect(r).toEqual(["journal failed", 0])
  })
})

describe("effect: PointsService and simulate", () => {
  it("fails with a tagged PointsError that catchTag can handle, and verifies", async () => {
    const { PointsService, pointsLayer, simulate } = await import("../effect.ts")
    const { schemes } = await import("../schemes.ts")
    const program = Effect.gen(function* () {
      const bank = yield* PointsService
      yield* bank.openHolders([{ id: "v1" }])
      yield* bank.issue({ id: "g", holder: "v1", amount: 60, at: 0 })
      const refused = yield* bank
        .redeem({ id: "w", holder: "v1", sku: "care-hour", at: 1, beneficiary: { relation: "self", age: 59 } })
        .pipe(
          Effect.map(() => "accepted"),
          Effect.catchTag("PointsError", (e) => Effect.succeed(e.issues[0]?.code))
        )
      yield* bank.verify
      return [refused, bank.system.balance("v1")]
    })
    expect(Effect.runSync(Effect.provide(program, pointsLayer(schemes.beijing[0]!.value)))).toEqual([
      "withdrawal_age_not_met",
      60
    ])
    const needs = Effect.gen(function* () {
      yield* PointsService
    })
    const bad = Effect.runSyncExit(Effect.provide(needs, pointsLayer({})))
    expect(Exit.isFailure(bad)).toBe(true)
    expect(Effect.runSync(simulate({ seed: 9, agents: 10, weeks: 3 })).weeks.length).toBe(3)
    expect(Exit.isFailure(Effect.runSyncExit(simulate({ seed: -1 })))).toBe(true)
  })
})
