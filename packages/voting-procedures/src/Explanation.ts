import type { Citation, Ratio, ThresholdKind } from "@jiceng/core"

/**
 * One step of the ordered, bilingual explanation every statutory tally returns: a
 * machine-readable `code`, the sentence in Chinese and English, and the legal source applied.
 *
 * @example
 * ```ts
 * import type { ExplanationStep } from "@jiceng/voting-procedures"
 * const step: ExplanationStep = { code: "outcome", zh: "表决通过", en: "the resolution passes" }
 * step.code //=> "outcome"
 * ```
 * @since 0.1.0
 * @category explanation
 */
export interface ExplanationStep {
  readonly code: string
  readonly zh: string
  readonly en: string
  readonly citation?: Citation
}

/**
 * One exact threshold comparison: `part / whole` against `threshold` (inclusive for
 * `atLeast` — "以上", strict for `moreThan` — "过半数"/"超过", Civil Code art. 1259), with the
 * cross-multiplied inequality written out so anyone can check it by hand.
 *
 * @example
 * ```ts
 * import type { ThresholdCheck } from "@jiceng/voting-procedures"
 * const c: ThresholdCheck = {
 *   code: "quorum-headcount", passed: true, part: 60, whole: 89,
 *   threshold: { numerator: 2, denominator: 3 }, kind: "atLeast",
 *   inequality: "3 × 60 = 180 ≥ 178 = 2 × 89"
 * }
 * c.passed //=> true
 * ```
 * @since 0.1.0
 * @category explanation
 */
export interface ThresholdCheck {
  readonly code: string
  readonly passed: boolean
  readonly part: number
  readonly whole: number
  readonly threshold: Ratio
  readonly kind: ThresholdKind
  readonly inequality: string
  readonly citation?: Citation
}
