/**
 * `@jiceng/voting-procedures` — owners' assemblies under Civil Code art. 278, owners'
 * committee elections, residents' and villagers' committee elections with runoffs, meetings
 * and recalls, and social-choice methods.
 *
 * @since 0.1.0
 * @module
 */
export { approval } from "./approval.ts"
export {
  AxiomName,
  type AxiomReport,
  checkAxioms,
  condorcetLoser,
  condorcetWinner,
  type VotingMethod
} from "./axioms.ts"
export { borda } from "./borda.ts"
export { copeland } from "./copeland.ts"
export type { ExplanationStep, ThresholdCheck } from "./Explanation.ts"
export {
  CandidateExclusion,
  type CandidateOutcome,
  CommitteeBallot,
  CommitteeCandidate,
  CompositionTarget,
  DEFAULT_CANDIDATE_EXCLUSIONS,
  electOwnersCommittee,
  OwnersCommitteeInput,
  type OwnersCommitteeResult,
  OwnersCommitteeRules
} from "./electOwnersCommittee.ts"
export type { SingleWinnerResult } from "./internal/single.ts"
export { irv } from "./irv.ts"
export { minimax } from "./minimax.ts"
export { Profile, ProfileInput, profile } from "./Profile.ts"
export { type BltElection, parseBlt } from "./parseBlt.ts"
export { type PrefLibElection, parsePrefLib } from "./parsePrefLib.ts"
export { plurality } from "./plurality.ts"
export { meetsParticipationQuorum, type ParticipationTotals } from "./quorum.ts"
export { rankedPairs } from "./rankedPairs.ts"
export { schulze } from "./schulze.ts"
export { StvOptions, type StvResult, type StvStage, stv } from "./stv.ts"
export { TieBreak, type TieRecord } from "./TieBreak.ts"
export {
  CommitteeElectionInput,
  type CommitteeElectionResult,
  CommitteeElectionRules,
  tallyCommitteeElection
} from "./tallyCommitteeElection.ts"
export { MeetingInput, type MeetingResult, tallyMeetingResolution } from "./tallyMeetingResolution.ts"
export {
  AssemblyBallot,
  type AssemblyBallotAudit,
  AssemblyInput,
  AssemblyMatter,
  AssemblyOptions,
  AssemblyOwner,
  type AssemblyResult,
  type AssemblyTally,
  AssemblyUnit,
  tallyOwnersAssembly
} from "./tallyOwnersAssembly.ts"
export {
  type AssemblyColumns,
  type AssemblyColumnsResult,
  tallyOwnersAssemblyColumns
} from "./tallyOwnersAssemblyColumns.ts"
