import {
  type Citation,
  compareFractions,
  err,
  InvalidInputError,
  IsoDate,
  meetsThreshold,
  mulDiv,
  ok,
  type ParameterHistory,
  Ratio,
  type Result,
  ratio,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { pushIssue } from "./internal/refine.ts"
import { ruleInForce } from "./internal/rules.ts"
import type { RuleBasis } from "./RuleBasis.ts"

/**
 * Where the default 80% comes from. The essays (篇一) say a committee below 80% satisfaction
 * loses its place; no legal text with that rule was found. The nearest dated rule is the
 * 2004 industry standard for grade-1 property service (≥ 80% owner satisfaction).
 *
 * @example
 * ```ts
 * import { satisfactionThresholdSource } from "@jiceng/governance-model"
 * satisfactionThresholdSource.verified //=> false
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const satisfactionThresholdSource: Citation = {
  title:
    "普通住宅小区物业管理服务等级标准（试行）Service Grade Standard for Residential Property Management (Trial), grade 1",
  issuer: "中国物业管理协会 China Property Management Institute",
  date: "2004-01-06",
  url: "https://zhishi.iwuye.com/tag/17478.html",
  verified: false
}

/**
 * The default satisfaction threshold, dated: 4/5 (80%), "at least", from the 2004 grade-1
 * property service standard ({@link satisfactionThresholdSource}, unverified), the nearest dated
 * rule to the essays' 80%.
 *
 * @example
 * ```ts
 * import { satisfactionThresholdRules } from "@jiceng/governance-model"
 * satisfactionThresholdRules[0]?.value //=> { numerator: 4, denominator: 5 }
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const satisfactionThresholdRules: ParameterHistory<Ratio> = [
  { value: ratio(4, 5), from: "2004-01-06", source: satisfactionThresholdSource }
]

/**
 * Options of {@link evaluateSatisfaction}: `threshold` (default: {@link satisfactionThresholdRules}
 * in force on `asOf`, else the latest — 4/5, i.e. 80%), whether
 * "basically satisfied" counts as satisfied (`countBasically`, default true, as the 12345 三率
 * do), and whether the threshold is inclusive (`kind`: `"atLeast"` default, or `"moreThan"`).
 * A threshold no evaluation can reach is refused: above 1 (`threshold_above_one`), or "more
 * than" 1 (`threshold_unreachable`). `asOf` is the date of the evaluation, for the default
 * threshold; a date before it was set is refused (`no_rule_in_force`).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const SatisfactionOptions = z
  .object({
    threshold: Ratio.optional(),
    asOf: IsoDate.optional(),
    countBasically: z.boolean().optional(),
    kind: z.enum(["atLeast", "moreThan"]).optional()
  })
  .check((ctx) => {
    const t = ctx.value.threshold
    if (!t) return
    const vsOne = compareFractions(t.numerator, t.denominator, 1, 1)
    const text = `${t.numerator}/${t.denominator}`
    if (vsOne > 0)
      pushIssue(
        ctx,
        ["threshold"],
        "threshold_above_one",
        `满意率门槛 ${text} 高于 100%，任何测评都达不到`,
        `the threshold ${text} is above 100%, which no evaluation can reach`
      )
    else if (vsOne === 0 && ctx.value.kind === "moreThan")
      pushIssue(
        ctx,
        ["threshold"],
        "threshold_unreachable",
        `满意率须“高于” ${text}（100%），任何测评都达不到`,
        `"more than" ${text} (100%) is a threshold no evaluation can reach`
      )
  })
  .optional()
/** @since 0.1.0 @category deliberation */
export type SatisfactionOptions = z.infer<typeof SatisfactionOptions>

/**
 * Counts of a satisfaction evaluation (满意度测评): 满意, 基本满意, 不满意.
 *
 * @since 0.1.0
 * @category deliberation
 */
export const SatisfactionTally = z.object({
  satisfied: z.int().min(0).max(1e12),
  basicallySatisfied: z.int().min(0).max(1e12),
  unsatisfied: z.int().min(0).max(1e12)
})
/** @since 0.1.0 @category deliberation */
export type SatisfactionTally = z.infer<typeof SatisfactionTally>

/**
 * The outcome of a satisfaction evaluation.
 *
 * @since 0.1.0
 * @category deliberation
 */
export interface SatisfactionResult {
  /** Satisfied responses over all responses. */
  readonly rate: Ratio
  readonly threshold: Ratio
  readonly passes: boolean
  /**
   * When it fails: the fewest unsatisfied responses that, turned satisfied, would make it pass
   * (0 when it passes); `null` when there are no answers, so there is nothing to turn.
   */
  readonly shortfall: number | null
  /** Why `shortfall` is `null`: `no_answers`. Present only then. */
  readonly reason?: { readonly code: "no_answers"; readonly zh: string; readonly en: string }
  readonly explanation: { readonly zh: string; readonly en: string }
  /** Where the threshold comes from: the dated default rule (with its citation) or the options. */
  readonly basis: RuleBasis
}

/**
 * Judge a satisfaction evaluation against a threshold by exact arithmetic (the essays use 80%;
 * `satisfactionThresholdSource` records why that default is unverified). No answers fail, with
 * `shortfall: null` and the reason `no_answers`.
 *
 * @example
 * ```ts
 * import { evaluateSatisfaction } from "@jiceng/governance-model"
 * const r = evaluateSatisfaction({ satisfied: 70, basicallySatisfied: 10, unsatisfied: 20 })
 * r.ok && [r.value.passes, r.value.rate] //=> [true, { numerator: 80, denominator: 100 }]
 * const s = evaluateSatisfaction({ satisfied: 70, basicallySatisfied: 10, unsatisfied: 20 }, { countBasically: false })
 * s.ok && s.value.shortfall //=> 10
 * const none = evaluateSatisfaction({ satisfied: 0, basicallySatisfied: 0, unsatisfied: 0 })
 * none.ok && [none.value.passes, none.value.shortfall] //=> [false, null]
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const evaluateSatisfaction = (
  tally: unknown,
  options?: unknown
): Result<SatisfactionResult, InvalidInputError> => {
  const o = validate(SatisfactionOptions, options)
  if (!o.ok) return o
  const t = validate(SatisfactionTally, tally)
  if (!t.ok) return t
  const given = o.value?.threshold
  const rule = given
    ? ({ ok: true, value: given, basis: { kind: "options", option: "threshold" } } as const)
    : ruleInForce(satisfactionThresholdRules, o.value?.asOf, "satisfactionThresholdRules", ["asOf"], "error")
  if (!rule.ok) return err(new InvalidInputError(rule.issues))
  const threshold = rule.value
  const basis = rule.basis
  const kind = o.value?.kind ?? "atLeast"
  const { satisfied, basicallySatisfied, unsatisfied } = t.value
  const whole = satisfied + basicallySatisfied + unsatisfied
  const yes = o.value?.countBasically === false ? satisfied : satisfied + basicallySatisfied
  const pct = `${threshold.numerator}/${threshold.denominator}`
  const cmpZh = kind === "atLeast" ? "不低于" : "高于"
  const cmpEn = kind === "atLeast" ? "at least" : "more than"
  if (whole === 0)
    return ok({
      rate: ratio(0, 1),
      threshold,
      passes: false,
      shortfall: null,
      reason: { code: "no_answers", zh: "无人作答", en: "no answers" },
      explanation: {
        zh: `无人作答，无法评定满意度（须${cmpZh} ${pct}）`,
        en: `no answers: satisfaction cannot be judged (needs ${cmpEn} ${pct})`
      },
      basis
    })
  const passes = meetsThreshold(yes, whole, threshold, kind)
  // The fewest k with (yes + k)/whole passing, n/d the threshold: "at least" needs
  // (yes + k)·d ≥ n·whole, i.e. yes + k ≥ ⌈n·whole/d⌉; "more than" needs (yes + k)·d > n·whole,
  // i.e. yes + k ≥ ⌊n·whole/d⌋ + 1. mulDiv computes n·whole/d exactly (the product may pass
  // 2^53) and the result is at most whole. The schema refuses unreachable thresholds, so this
  // is at most whole − yes (every answer satisfied).
  const { numerator: n, denominator: d } = threshold
  const needed = kind === "atLeast" ? mulDiv(whole, n, d, "ceil") : mulDiv(whole, n, d, "floor") + 1
  const shortfall = passes ? 0 : needed - yes
  return ok({
    rate: ratio(yes, whole),
    threshold,
    passes,
    shortfall,
    explanation: {
      zh: `满意 ${yes}/${whole}，须${cmpZh} ${pct}：${passes ? "达标" : `未达标，还差 ${shortfall} 票`}`,
      en: `satisfied ${yes}/${whole}, needs ${cmpEn} ${pct}: ${passes ? "passes" : `fails, ${shortfall} short`}`
    },
    basis
  })
}
