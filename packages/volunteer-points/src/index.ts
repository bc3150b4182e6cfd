/**
 * `@jiceng/volunteer-points` — volunteer service records, points and time banks on a
 * double-entry ledger that never creates or loses a point.
 *
 * @since 0.1.0
 * @module @jiceng/volunteer-points
 */
export { nationalStarTable, type StarTable, starLevel } from "./starLevel.ts"
