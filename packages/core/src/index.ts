/**
 * `@jiceng/core` — the small kernel the Jiceng domain packages share: results and bilingual
 * typed errors, exact arithmetic on money and ratios, effective-dated parameters with their
 * citations, a seeded random generator and canonical digests.
 *
 * @since 0.1.0
 * @module @jiceng/core
 */
export { canonicalJson, sha256Hex } from "./digest.ts"
export {
  Citation,
  type DatedValue,
  IsoDate,
  type ParameterHistory,
  ParameterHistorySchema,
  type ValueAtOptions,
  type ValueInForce,
  valueAt
} from "./EffectiveDated.ts"
export {
  assertSafeInteger,
  checkedAdd,
  checkedMul,
  divideRounded,
  isSafeInteger,
  mulDiv,
  type RoundingMode
} from "./exact.ts"
export { type BilingualText, formatPath, type Issue, issue } from "./Issue.ts"
export { InvalidInputError, JicengError } from "./JicengError.ts"
export { Fen, formatYuan, roundFenTo, SignedFen, yuanToFen } from "./money.ts"
export { isPlatformSha256, type PlatformSha256, platformSha256 } from "./PlatformSha256.ts"
export { type Err, err, flatMap, getOrThrow, isOk, map, type Ok, ok, type Result } from "./Result.ts"
export { createRng, type Rng } from "./random.ts"
export { compareFractions, meetsThreshold, Ratio, ratio, type ThresholdKind } from "./ratio.ts"
export { Sha256Hasher } from "./Sha256Hasher.ts"
export { fromZodIssues, validate } from "./validate.ts"
