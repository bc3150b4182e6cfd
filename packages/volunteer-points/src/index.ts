/**
 * `@jiceng/volunteer-points` — volunteer service records, points and time banks on a
 * double-entry ledger that never creates or loses a point.
 *
 * @since 0.1.0
 * @module
 */

export { type Certificate, CertificateRequest, certificateData } from "./certificate.ts"
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
  type RestoreOptions,
  restoreLedger,
  type UnitTotals,
  type VerifyReport
} from "./createLedger.ts"
export {
  createPointsSystem,
  DonateInput,
  ExpireInput,
  GiftInput,
  HolderInput,
  IssueInput,
  type Liability,
  type LotView,
  PointsOperation,
  PointsOperationName,
  PointsSnapshot,
  type PointsSystem,
  PointsSystemOptions,
  type PostedRecord,
  PostRecordInput,
  type Receipt,
  RedeemInput,
  type RegionPosition,
  RestockInput,
  ReverseRecordInput,
  restorePointsSystem,
  SettleInput,
  TRANSFER_CODES
} from "./createPointsSystem.ts"
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
export { type LeaderboardEntry, LeaderboardRequest, leaderboard } from "./leaderboard.ts"
export {
  Bilingual,
  CatalogueItem,
  defineScheme,
  Relation,
  Scheme,
  ShortId,
  schemeAt,
  schemes
} from "./schemes.ts"
export {
  Actor,
  defaultWorkflow,
  isReadyToPost,
  PointsError,
  RecordAction,
  RecordState,
  RecordWorkflow,
  recordAction,
  ServiceRecord,
  ServiceSession,
  servedMinutes,
  Timestamp,
  verifyRecord
} from "./serviceRecord.ts"
export {
  gini,
  SimulationInput,
  type SimulationResult,
  type SimulationWeek,
  simulateScheme
} from "./simulateScheme.ts"
export { type CitedStarTable, nationalStarTable, type StarTable, starLevel, starTables } from "./starLevel.ts"
