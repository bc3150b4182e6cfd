import type { Citation, IsoDate } from "@jiceng/core"

/**
 * Where a value a check applied comes from: a dated rule — its citation and the period the value
 * is in force (`to` absent = open-ended) — or the caller's options (`option` names the field).
 *
 * @example
 * ```ts
 * import { evaluateSatisfaction } from "@jiceng/governance-model"
 * const r = evaluateSatisfaction({ satisfied: 4, basicallySatisfied: 0, unsatisfied: 1 })
 * r.ok && r.value.basis.kind //=> "rule"
 * ```
 * @since 0.1.0
 * @category parameters
 */
export type RuleBasis =
  | {
      readonly kind: "rule"
      readonly source: Citation
      readonly effective: { readonly from: IsoDate; readonly to?: IsoDate }
    }
  | { readonly kind: "options"; readonly option: string }
