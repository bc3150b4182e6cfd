/**
 * `@jiceng/voting-procedures` — owners' assemblies under Civil Code art. 278, committee
 * elections with runoffs, meetings and recalls, and social-choice methods.
 *
 * @since 0.1.0
 * @module @jiceng/voting-procedures
 */
export { meetsParticipationQuorum, type ParticipationTotals } from "./quorum.ts"
