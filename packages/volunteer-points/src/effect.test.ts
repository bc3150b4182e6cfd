import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import { describe, expect, it } from "vitest"
import type { LogBatch } from "./createLedger.ts"
import {
  InMemoryJournal,
  inMemoryJournalStore,
  JournalError,
  JournalStore,
  LedgerService,
  ledgerLayer
} from "./effect.ts"

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

  it("keeps effect out of every other module of the package", () => {
    const dir = import.meta.dirname
    const files = [...readdirSync(dir), ...readdirSync(join(dir, "internal")).map((f) => `internal/${f}`)]
    for (const f of files.filter((f) => f.endsWith(".ts") && !f.includes("test") && f !== "effect.ts"))
      expect(readFileSync(join(dir, f), "utf8")).not.toMatch(/from "effect|@jiceng\/core\/effect/)
  })
})
