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
  electOwnersCommittee as electOwnersCommitteeResult,
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
/**
 * {@link electOwnersCommitteeResult | electOwnersCommittee} as an Effect: fails with the tagged
 * `InvalidInputError` (an unlawful committee size, a duplicate ballot, …).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { electOwnersCommittee } from "@jiceng/voting-procedures/effect"
 * const owners = ["a", "b", "c", "d"].map((id) => ({ id, units: [{ id, area: 10_000 }] }))
 * const run = electOwnersCommittee({ electionDate: "2024-06-01", seats: 4, owners, candidates: [{ id: "a" }], ballots: [] })
 * Effect.runSync(Effect.flip(run)).issues[0]?.code //=> "committee_size"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const electOwnersCommittee = lift(electOwnersCommitteeResult)
/**
 * `tallyOwnersAssemblyColumns` as an Effect: the columnar owners' assembly tally.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { tallyOwnersAssemblyColumns } from "@jiceng/voting-procedures/effect"
 * const columns = { decisionDate: "2024-06-01", matter: 4, area: Uint32Array.from([10_000, 10_000, 10_000]), votes: Uint8Array.from([1, 1, 2]) }
 * Effect.runSync(tallyOwnersAssemblyColumns(columns)).outcome //=> "passed"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const tallyOwnersAssemblyColumns = lift(tallyOwnersAssemblyColumnsResult)
/**
 * `tallyCommitteeElection` as an Effect: a residents' or villagers' committee election.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { tallyCommitteeElection } from "@jiceng/voting-procedures/effect"
 * const ballots = [{ count: 330, choices: ["A"] }, { count: 270, choices: ["B"] }]
 * Effect.runSync(tallyCommitteeElection({ registeredVoters: 1000, seats: 1, candidates: ["A", "B"], ballots })).status //=> "complete"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const tallyCommitteeElection = lift(tallyCommitteeElectionResult)
/**
 * `tallyMeetingResolution` as an Effect: a meeting resolution or recall vote.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { tallyMeetingResolution } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(tallyMeetingResolution({ body: "villageRecall", members: 2000, attending: 1100, yes: 551 })).reasons //=> []
 * ```
 * @since 0.1.0
 * @category effect
 */
export const tallyMeetingResolution = lift(tallyMeetingResolutionResult)
/**
 * `stv` as an Effect: single transferable vote (Scottish or Meek rules).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { stv } from "@jiceng/voting-procedures/effect"
 * const p = { candidates: ["Ann", "Bo", "Cy"], ballots: [{ count: 5, ranking: ["Ann", "Bo"] }, { count: 2, ranking: ["Cy"] }, { count: 2, ranking: ["Bo"] }] }
 * Effect.runSync(stv(p, { seats: 2 })).elected //=> ["Ann", "Bo"]
 * ```
 * @since 0.1.0
 * @category effect
 */
export const stv = lift(stvResult)
/**
 * `parseBlt` as an Effect: reads a BLT ballot file, failing with line and column.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { parseBlt } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(parseBlt('2 1\n3 1 2 0\n2 2 0\n0\n"Ann"\n"Bo"\n"Demo"\n')).seats //=> 1
 * ```
 * @since 0.1.0
 * @category effect
 */
export const parseBlt = lift(parseBltResult)
/**
 * `parsePrefLib` as an Effect: reads a PrefLib .soc/.soi/.toc/.toi file.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { parsePrefLib } from "@jiceng/voting-procedures/effect"
 * const text = "# DATA TYPE: soc\n# NUMBER ALTERNATIVES: 2\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n3: 1,2\n1: 2,1\n"
 * Effect.runSync(parsePrefLib(text)).profile.totalBallots //=> 4
 * ```
 * @since 0.1.0
 * @category effect
 */
export const parsePrefLib = lift(parsePrefLibResult)
/**
 * `plurality` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { plurality } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(plurality({ candidates: ["A", "B"], ballots: [{ count: 3, ranking: ["B"] }, { count: 2, ranking: ["A"] }] })).winner //=> "B"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const plurality = lift(pluralityResult)
/**
 * `approval` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { approval } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(approval({ candidates: ["A", "B"], ballots: [{ ranking: [["A", "B"]] }, { ranking: ["B"] }] })).winner //=> "B"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const approval = lift(approvalResult)
/**
 * `borda` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { borda } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(borda({ candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["A", "B", "C"] }, { ranking: ["B", "C", "A"] }] })).scores //=> { A: 4, B: 4, C: 1 }
 * ```
 * @since 0.1.0
 * @category effect
 */
export const borda = lift(bordaResult)
/**
 * `irv` as an Effect: instant-runoff voting with its rounds.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { irv } from "@jiceng/voting-procedures/effect"
 * const p = { candidates: ["A", "B", "C"], ballots: [{ count: 4, ranking: ["A"] }, { count: 3, ranking: ["B"] }, { count: 2, ranking: ["C", "B"] }] }
 * Effect.runSync(irv(p)).winner //=> "B"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const irv = lift(irvResult)
/**
 * `schulze` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { schulze } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(schulze({ candidates: ["A", "B", "C"], ballots: [{ count: 3, ranking: ["A", "B", "C"] }, { count: 2, ranking: ["B", "C", "A"] }, { count: 2, ranking: ["C", "A", "B"] }] })).ranking //=> [["A"], ["B"], ["C"]]
 * ```
 * @since 0.1.0
 * @category effect
 */
export const schulze = lift(schulzeResult)
/**
 * `rankedPairs` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { rankedPairs } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(rankedPairs({ candidates: ["A", "B", "C"], ballots: [{ count: 3, ranking: ["A", "B", "C"] }, { count: 2, ranking: ["B", "C", "A"] }, { count: 2, ranking: ["C", "A", "B"] }] })).winner //=> "A"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const rankedPairs = lift(rankedPairsResult)
/**
 * `copeland` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { copeland } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(copeland({ candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["A", "B", "C"] }, { ranking: ["B", "C", "A"] }] })).scores //=> { A: 2, B: 0, C: -2 }
 * ```
 * @since 0.1.0
 * @category effect
 */
export const copeland = lift(copelandResult)
/**
 * `minimax` as an Effect.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { minimax } from "@jiceng/voting-procedures/effect"
 * Effect.runSync(minimax({ candidates: ["A", "B"], ballots: [{ count: 2, ranking: ["A", "B"] }, { ranking: ["B", "A"] }] })).winner //=> "A"
 * ```
 * @since 0.1.0
 * @category effect
 */
export const minimax = lift(minimaxResult)
/**
 * `checkAxioms` as an Effect: tests a method against social-choice axioms on a profile.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { plurality } from "@jiceng/voting-procedures"
 * import { checkAxioms } from "@jiceng/voting-procedures/effect"
 * const p = { candidates: ["A", "B", "C"], ballots: [{ count: 2, ranking: ["A", "B", "C"] }, { count: 2, ranking: ["B", "C", "A"] }, { count: 1, ranking: ["C", "B", "A"] }] }
 * Effect.runSync(checkAxioms(plurality, p, ["condorcetWinner"]))[0]?.satisfied //=> false
 * ```
 * @since 0.1.0
 * @category effect
 */
export const checkAxioms = lift(checkAxiomsResult)
