/**
 * `@jiceng/volunteer-points/effect` — the ledger as an Effect service over a pluggable journal
 * store, with typed failures. The only module of the package that imports `effect` (an
 * optional peer dependency).
 *
 * @since 0.1.0
 * @module
 */
import type { InvalidInputError, Result } from "@jiceng/core"
import { fromResult } from "@jiceng/core/effect"
import * as Context from "effect/Context"
import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import * as Layer from "effect/Layer"
import {
  type BatchOutcome,
  type CreateTransfersOptions,
  createLedger,
  JournalError,
  type Ledger,
  type LedgerIntegrityError,
  type LedgerSnapshot,
  type LogBatch,
  type RestoreOptions,
  restoreLedger,
  type VerifyReport
} from "./createLedger.ts"
import { createPointsSystem, type PointsSystem, type Receipt } from "./createPointsSystem.ts"
import type { AccountResult, AccountState, TransferResult } from "./LedgerModel.ts"
import type { PointsError } from "./serviceRecord.ts"
import { type SimulationResult, simulateScheme } from "./simulateScheme.ts"

// The head of an empty log.
const GENESIS_HEAD = "0".repeat(64)

export { fromResult, lift } from "@jiceng/core/effect"

/**
 * Where committed batches are kept: `load` returns them in order at start-up, `append` stores
 * one batch. `append` must complete synchronously (as `node:sqlite` does) because the ledger
 * rolls a batch back when its journal write fails, before the call returns.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { inMemoryJournalStore } from "@jiceng/volunteer-points/effect"
 * const store = inMemoryJournalStore([])
 * Effect.runSync(store.load).length //=> 0
 * ```
 * @since 0.1.0
 * @category effect
 */
export class JournalStore extends Context.Service<
  JournalStore,
  {
    readonly load: Effect.Effect<ReadonlyArray<LogBatch>, JournalError>
    readonly append: (batch: LogBatch) => Effect.Effect<void, JournalError>
  }
>()("@jiceng/volunteer-points/JournalStore") {}

/**
 * A journal store over an array you own (appended to in place), e.g. to inspect it in tests.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { inMemoryJournalStore } from "@jiceng/volunteer-points/effect"
 * const batches: Array<never> = []
 * const store = inMemoryJournalStore(batches)
 * Effect.runSync(store.load) //=> []
 * ```
 * @since 0.1.0
 * @category effect
 */
export const inMemoryJournalStore = (batches: Array<LogBatch>): JournalStore["Service"] => ({
  load: Effect.sync(() => [...batches]),
  append: (batch) =>
    Effect.sync(() => {
      batches.push(batch)
    })
})

/**
 * A layer providing an empty in-memory {@link JournalStore}.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { InMemoryJournal, JournalStore } from "@jiceng/volunteer-points/effect"
 * const program = Effect.gen(function* () {
 *   const store = yield* JournalStore
 *   return yield* store.load
 * })
 * Effect.runSync(Effect.provide(program, InMemoryJournal)) //=> []
 * ```
 * @since 0.1.0
 * @category effect
 */
export const InMemoryJournal: Layer.Layer<JournalStore> = Layer.sync(JournalStore, () => inMemoryJournalStore([]))

/**
 * The ledger as a service: every operation is an `Effect` failing with a tagged error
 * (`InvalidInputError`, `JournalError`, `LedgerIntegrityError`), so `Effect.catchTag` works.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import * as Layer from "effect/Layer"
 * import { InMemoryJournal, LedgerService, ledgerLayer } from "@jiceng/volunteer-points/effect"
 * const program = Effect.gen(function* () {
 *   const ledger = yield* LedgerService
 *   yield* ledger.createAccounts([{ id: "fund", unit: "min" }, { id: "v1", unit: "min" }])
 *   yield* ledger.createTransfers([{ id: "t1", debitAccountId: "fund", creditAccountId: "v1", amount: 90 }])
 *   return (yield* ledger.account("v1"))?.balance
 * })
 * Effect.runSync(Effect.provide(program, Layer.provide(ledgerLayer(), InMemoryJournal))) //=> 90
 * ```
 * @since 0.1.0
 * @category effect
 */
export class LedgerService extends Context.Service<
  LedgerService,
  {
    readonly createAccounts: (
      input: unknown
    ) => Effect.Effect<BatchOutcome<AccountResult>, InvalidInputError | JournalError>
    readonly createTransfers: (
      input: unknown,
      options?: CreateTransfersOptions
    ) => Effect.Effect<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
    readonly correct: (input: unknown) => Effect.Effect<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
    readonly tick: Effect.Effect<BatchOutcome<TransferResult>, InvalidInputError | JournalError>
    readonly account: (id: string) => Effect.Effect<AccountState | undefined>
    readonly verify: (options?: {
      readonly mode?: "full" | "state"
    }) => Effect.Effect<VerifyReport, LedgerIntegrityError>
    readonly snapshot: Effect.Effect<LedgerSnapshot>
    /** The underlying ledger, for synchronous reads. */
    readonly ledger: Ledger
  }
>()("@jiceng/volunteer-points/Ledger") {}

/**
 * Builds the {@link LedgerService} over the {@link JournalStore} in context: loads the
 * journal, replays it (rechecking every hash), and from then on appends each committed batch
 * before the call returns; a failed append rolls the batch back and fails with `JournalError`.
 * The options are those of `restoreLedger` without `onCommit`: the clock, a platform
 * `sha256`, and a checkpoint kept outside the journal (`expectHead`, `expectSeq`), against
 * which a journal that lost its tail fails with a `LedgerIntegrityError`.
 *
 * @example
 * ```ts
 * import * as Layer from "effect/Layer"
 * import { InMemoryJournal, ledgerLayer } from "@jiceng/volunteer-points/effect"
 * const live = Layer.provide(ledgerLayer({ clock: () => 0 }), InMemoryJournal)
 * Layer.isLayer(live) //=> true
 * ```
 * @since 0.1.0
 * @category effect
 */
export const ledgerLayer = (
  options: Omit<RestoreOptions, "onCommit"> = {}
): Layer.Layer<LedgerService, InvalidInputError | LedgerIntegrityError | JournalError, JournalStore> =>
  Layer.effect(
    LedgerService,
    Effect.gen(function* () {
      const store = yield* JournalStore
      const batches = yield* store.load
      const onCommit = (batch: LogBatch): void => {
        const exit = Effect.runSyncExit(store.append(batch))
        if (Exit.isFailure(exit)) throw new Error(`journal append failed: ${String(exit.cause)}`)
      }
      const ledgerOptions: RestoreOptions = { ...options, onCommit }
      const last = batches[batches.length - 1]
      const checkpoint = options.expectHead !== undefined || options.expectSeq !== undefined
      const ledger: Ledger = yield* fromResult(
        last === undefined && !checkpoint
          ? createLedger(ledgerOptions)
          : restoreLedger({ format: "jiceng-ledger/1", batches, head: last?.hash ?? GENESIS_HEAD }, ledgerOptions)
      )
      return {
        createAccounts: (input: unknown) => Effect.suspend(() => fromResult(ledger.createAccounts(input))),
        createTransfers: (input: unknown, o?: CreateTransfersOptions) =>
          Effect.suspend(() => fromResult(ledger.createTransfers(input, o))),
        correct: (input: unknown) => Effect.suspend(() => fromResult(ledger.correct(input))),
        tick: Effect.suspend(() => fromResult(ledger.tick())),
        account: (id: string) => Effect.sync(() => ledger.account(id)),
        verify: (o?: { readonly mode?: "full" | "state" }) => Effect.suspend(() => fromResult(ledger.verify(o))),
        snapshot: Effect.sync(() => ledger.snapshot()),
        ledger
      }
    })
  )

/**
 * A points system or time bank as a service: each operation is an `Effect` failing with a
 * tagged `InvalidInputError` or `PointsError` (`Effect.catchTag("PointsError", …)`).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { PointsService, pointsLayer } from "@jiceng/volunteer-points/effect"
 * import { schemes } from "@jiceng/volunteer-points"
 * const program = Effect.gen(function* () {
 *   const bank = yield* PointsService
 *   yield* bank.openHolders([{ id: "v1" }])
 *   yield* bank.issue({ id: "g1", holder: "v1", amount: 120, at: 0 })
 *   return bank.system.balance("v1")
 * })
 * Effect.runSync(Effect.provide(program, pointsLayer(schemes.beijing[0]!.value))) //=> 120
 * ```
 * @since 0.1.0
 * @category effect
 */
export class PointsService extends Context.Service<
  PointsService,
  {
    readonly openHolders: (
      input: unknown
    ) => Effect.Effect<ReadonlyArray<"created" | "exists">, InvalidInputError | PointsError | JournalError>
    readonly issue: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly postRecord: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly reverseRecord: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly redeem: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly gift: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly donate: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly restock: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly settle: (input: unknown) => Effect.Effect<Receipt, InvalidInputError | PointsError | JournalError>
    readonly expire: (
      input: unknown
    ) => Effect.Effect<Receipt["expired"], InvalidInputError | PointsError | JournalError>
    readonly verify: Effect.Effect<unknown, LedgerIntegrityError | PointsError>
    /** The underlying system, for synchronous reads (balances, lots, positions). */
    readonly system: PointsSystem
  }
>()("@jiceng/volunteer-points/Points") {}

/**
 * Builds the {@link PointsService} for a scheme (validated; a bad scheme fails the layer with
 * `InvalidInputError`).
 *
 * @example
 * ```ts
 * import * as Layer from "effect/Layer"
 * import { pointsLayer } from "@jiceng/volunteer-points/effect"
 * import { schemes } from "@jiceng/volunteer-points"
 * Layer.isLayer(pointsLayer(schemes.nanjing[0]!.value)) //=> true
 * ```
 * @since 0.1.0
 * @category effect
 */
export const pointsLayer = (scheme: unknown, options: unknown = {}): Layer.Layer<PointsService, InvalidInputError> =>
  Layer.effect(
    PointsService,
    Effect.gen(function* () {
      const system = yield* fromResult(createPointsSystem(scheme, options))
      const op =
        <A>(f: (input: unknown) => Result<A, InvalidInputError | PointsError | JournalError>) =>
        (input: unknown) =>
          Effect.suspend(() => fromResult(f(input)))
      return {
        openHolders: op((x) => system.openHolders(x)),
        issue: op((x) => system.issue(x)),
        postRecord: op((x) => system.postRecord(x)),
        reverseRecord: op((x) => system.reverseRecord(x)),
        redeem: op((x) => system.redeem(x)),
        gift: op((x) => system.gift(x)),
        donate: op((x) => system.donate(x)),
        restock: op((x) => system.restock(x)),
        settle: op((x) => system.settle(x)),
        expire: op((x) => system.expire(x)),
        verify: Effect.suspend(() => fromResult(system.verify())),
        system
      }
    })
  )

/**
 * {@link simulateScheme} as an Effect, failing with `InvalidInputError` on bad parameters.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { simulate } from "@jiceng/volunteer-points/effect"
 * Effect.runSync(simulate({ seed: 3, agents: 10, weeks: 2 })).weeks.length //=> 2
 * ```
 * @since 0.1.0
 * @category effect
 */
export const simulate = (input: unknown): Effect.Effect<SimulationResult, InvalidInputError> =>
  Effect.suspend(() => fromResult(simulateScheme(input)))

export { JournalError }
