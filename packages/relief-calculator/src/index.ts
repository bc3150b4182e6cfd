/**
 * `@jiceng/relief-calculator` — minimum living allowance (低保), extreme-poverty support (特困),
 * temporary assistance, marginal and rigid-expenditure households, with cited explanations.
 *
 * @since 0.1.0
 * @module @jiceng/relief-calculator
 */
export { dibaoGap } from "./dibaoGap.ts"
