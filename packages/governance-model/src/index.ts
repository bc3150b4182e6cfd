/**
 * `@jiceng/governance-model` — territory, party and committee hierarchies, grid partitioning,
 * service-request workflows with deadlines, and deliberation routes.
 *
 * @since 0.1.0
 * @module @jiceng/governance-model
 */
export { type EscalationLevel, escalateFrom, escalationLevels } from "./escalation.ts"
