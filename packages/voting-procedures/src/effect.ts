/**
 * `@jiceng/voting-procedures/effect` — the package's entry points as Effects. The only module of the
 * package that imports `effect` (an optional peer dependency). Each wrapper is lazy (nothing runs
 * until the Effect does) and fails with the tagged `InvalidInputError`, so
 * `Effect.catchTag("InvalidInputError", …)` works.
 *
 * @since 0.1.0
 * @module
 */
import { lift } from "@jiceng/core/effect"
import {
  approval as approvalResult,
  borda as bordaResult,
  checkAxioms as checkAxiomsResult,
  copeland as copelandResult,
  irv as irvResult,
  minimax as minimaxResult,
  parseBlt as parseBltResult,
  parsePrefLib as parsePrefLibResult,
  plurality as pluralityResult,
  rankedPairs as rankedPairsResult,
  schulze as schulzeResult,
  stv as stvResult,
  tallyCommitteeElection as tallyCommitteeElectionResult,
  tallyMeetingResolution as tallyMeetingResolutionResult,
  tallyOwnersAssemblyColumns as tallyOwnersAssemblyColumnsResult,
  tallyOwnersAssembly as tallyOwnersAssemblyResult
} from "./index.ts"

export { fromResult, lift } from "@jiceng/core/effect"

/**
 * {@link tallyOwnersAssemblyResult | tallyOwnersAssembly} as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { tallyOwnersAssembly } from "@jiceng/voting-procedures/effect"
 * const owners = ["a", "b", "c"].map((id) => ({ id, units: [{ id, area: 10_000 }] }))
 * const ballots = [{ owner: "a", vote: "yes" }, { owner: "b", vote: "yes" }]
 * Effect.runSync(tallyOwnersAssembly({ decisionDate: "2024-06-01", matter: 4, owners, ballots })).outcome //=> "passed"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const tallyOwnersAssembly = lift(tallyOwnersAssemblyResult)
/** `tallyOwnersAssemblyColumns` as an Effect. @since 0.1.0 @category effect */
export const tallyOwnersAssemblyColumns = lift(tallyOwnersAssemblyColumnsResult)
/** `tallyCommitteeElection` as an Effect. @since 0.1.0 @category effect */
export const tallyCommitteeElection = lift(tallyCommitteeElectionResult)
/** `tallyMeetingResolution` as an Effect. @since 0.1.0 @category effect */
export const tallyMeetingResolution = lift(tallyMeetingResolutionResult)
/** `stv` as an Effect. @since 0.1.0 @category effect */
export const stv = lift(stvResult)
/** `parseBlt` as an Effect. @since 0.1.0 @category effect */
export const parseBlt = lift(parseBltResult)
/** `parsePrefLib` as an Effect. @since 0.1.0 @category effect */
export const parsePrefLib = lift(parsePrefLibResult)
/** `plurality` as an Effect. @since 0.1.0 @category effect */
export const plurality = lift(pluralityResult)
/** `approval` as an Effect. @since 0.1.0 @category effect */
export const approval = lift(approvalResult)
/** `borda` as an Effect. @since 0.1.0 @category effect */
export const borda = lift(bordaResult)
/** `irv` as an Effect. @since 0.1.0 @category effect */
export const irv = lift(irvResult)
/** `schulze` as an Effect. @since 0.1.0 @category effect */
export const schulze = lift(schulzeResult)
/** `rankedPairs` as an Effect. @since 0.1.0 @category effect */
export const rankedPairs = lift(rankedPairsResult)
/** `copeland` as an Effect. @since 0.1.0 @category effect */
export const copeland = lift(copelandResult)
/** `minimax` as an Effect. @since 0.1.0 @category effect */
export const minimax = lift(minimaxResult)
/** `checkAxioms` as an Effect. @since 0.1.0 @category effect */
export const checkAxioms = lift(checkAxiomsResult)
