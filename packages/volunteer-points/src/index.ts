/**
 * `@jiceng/volunteer-points` — volunteer service records, points and time banks on a
 * double-entry ledger that never creates or loses a point.
 *
 * @since 0.1.0
 * @module
 */
export {
  type BatchOutcome,
  CorrectionInput,
  type CreateTransfersOptions,
  createLedger,
  JournalError,
  type Ledger,
  LedgerIntegrityError,
  type LedgerOptions,
  LedgerSnapshot,
  LogBatch,
  restoreLedger,
  type UnitTotals,
  type VerifyReport
} from "./createLedger.ts"
export {
  AccountBatch,
  AccountInput,
  type AccountResult,
  type AccountState,
  Amount,
  explainCode,
  LedgerId,
  TransferBatch,
  type TransferFailureCode,
  TransferInput,
  TransferKind,
  type TransferResult,
  type TransferState
} from "./LedgerModel.ts"
export { type CitedStarTable, nationalStarTable, type StarTable, starLevel, starTables } from "./starLevel.ts"
