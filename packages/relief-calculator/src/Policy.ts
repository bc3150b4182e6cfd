import {
  type DatedValue,
  err,
  InvalidInputError as InvalidInput,
  type InvalidInputError,
  issue,
  ok,
  ParameterHistorySchema,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"

/**
 * Upper bound on any money amount (¥10 billion in fen): sums of amounts and amount × member
 * count stay safe integers. Products with a {@link Rate} may not, and are compared exactly.
 */
export const MAX_FEN = 1_000_000_000_000

/**
 * An amount in integer fen (分), non-negative and at most ¥10 billion.
 *
 * @example
 * ```ts
 * import { Money } from "@jiceng/relief-calculator"
 * Money.safeParse(145000).success //=> true
 * Money.safeParse(-1).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const Money = z.int().min(0).max(MAX_FEN)
/** @since 0.1.0 @category models */
export type Money = z.infer<typeof Money>

/**
 * An exact policy rate such as 3/2 for "1.5 × the line", with terms of at most 1,000.
 * Thresholds are cross-multiplied (income × denominator against numerator × line × members),
 * and at the largest amounts those products pass 2^53 (¥10 billion × 1,000 × 50 ≈ 5 × 10^16),
 * so the comparisons fall back to exact BigInt arithmetic there (core's `meetsThreshold`) and
 * stay exact for every valid input.
 *
 * @example
 * ```ts
 * import { Rate } from "@jiceng/relief-calculator"
 * Rate.parse({ numerator: 3, denominator: 2 }) //=> { numerator: 3, denominator: 2 }
 * ```
 * @since 0.1.0
 * @category models
 */
export const Rate = z.object({ numerator: z.int().min(0).max(1000), denominator: z.int().min(1).max(1000) })
/** @since 0.1.0 @category models */
export type Rate = z.infer<typeof Rate>

/**
 * Kinds of income item (家庭收入, 最低生活保障审核确认办法 art. 13). Which kinds are excluded is
 * a policy parameter; `transferOutFen` on a member covers transfer spending.
 *
 * @example
 * ```ts
 * import { IncomeKind } from "@jiceng/relief-calculator"
 * IncomeKind.options.includes("basicPensionCentral") //=> true
 * ```
 * @since 0.1.0
 * @category models
 */
export const IncomeKind = z.enum([
  "wages",
  "business",
  "property",
  "pension",
  "supportReceived",
  "otherTransfer",
  "localPensionTopUp",
  "preferentialPension",
  "familyPlanning",
  "scholarship",
  "braveryAward",
  "socialAssistance",
  "basicPensionCentral",
  "disabilitySubsidy",
  "oldAgeAllowance",
  "medicalInsurance"
])
/** @since 0.1.0 @category models */
export type IncomeKind = z.infer<typeof IncomeKind>

/**
 * Kinds of rigid expenditure (刚性支出) a household can report, per month.
 *
 * @example
 * ```ts
 * import { RigidKind } from "@jiceng/relief-calculator"
 * RigidKind.options.length //=> 6
 * ```
 * @since 0.1.0
 * @category models
 */
export const RigidKind = z.enum(["medical", "education", "disabilityCare", "rent", "employmentCost", "basicLiving"])
/** @since 0.1.0 @category models */
export type RigidKind = z.infer<typeof RigidKind>

/** Income items left out of counted income (最低生活保障审核确认办法 art. 13). */
export const IncomeRules = z.object({ excluded: z.array(IncomeKind) })
/** @since 0.1.0 @category models */
export type IncomeRules = z.infer<typeof IncomeRules>

/** Rigid expenditures deducted from counted income before the dibao test, each with an optional monthly cap. */
export const DeductionRules = z.object({
  items: z
    .array(z.object({ kind: RigidKind, capFen: Money.nullable() }))
    .refine((items) => new Set(items.map((i) => i.kind)).size === items.length, {
      params: { code: "duplicate_deduction", zh: "扣减项目重复", en: "a deduction kind is listed twice" }
    })
})
/** @since 0.1.0 @category models */
export type DeductionRules = z.infer<typeof DeductionRules>

/** Local asset limits (家庭财产, art. 14): `null` means no limit of that kind. */
export const AssetRules = z.object({
  maxDepositsPerCapitaFen: Money.nullable(),
  vehicleDisqualifies: z.boolean(),
  maxHomes: z.int().min(0).max(100).nullable()
})
/** @since 0.1.0 @category models */
export type AssetRules = z.infer<typeof AssetRules>

/** How the dibao amount is paid: the gap method, its rounding and a minimum payment. */
export const PaymentRules = z.object({
  method: z.literal("gap"),
  rounding: z.enum(["none", "ceilYuan", "roundYuan", "floorYuan"]),
  minimumFen: Money
})
/** @since 0.1.0 @category models */
export type PaymentRules = z.infer<typeof PaymentRules>

/** The marginal-household (低保边缘家庭) line as a multiple of the dibao line, optionally capped per capita. */
export const MarginalRules = z.object({ multiplier: Rate, perCapitaCapFen: Money.nullable() })
/** @since 0.1.0 @category models */
export type MarginalRules = z.infer<typeof MarginalRules>

/** 单人保: the household-income multiple below which a member may apply alone, and the adult-severe-disability route. */
export const IndividualInclusionRules = z.object({
  incomeMultiplier: Rate,
  adultSevereDisabledRoute: z.enum(["marginalOnly", "always"])
})
/** @since 0.1.0 @category models */
export type IndividualInclusionRules = z.infer<typeof IndividualInclusionRules>

/** 渐退期: how many months the last amount keeps being paid after employment lifts income. */
export const GradualExitRules = z.object({ months: z.int().min(0).max(6), amountRule: z.literal("keepLast") })
/** @since 0.1.0 @category models */
export type GradualExitRules = z.infer<typeof GradualExitRules>

/**
 * How support owed by relatives living apart (赡养费/抚养费/扶养费) is imputed as income
 * (relief-rules.md §2.8, variants A–E). Judgments and agreements take precedence, and a higher
 * actual payment replaces the imputed amount. `mode: "declared"` uses judgments, agreements and
 * actual payments but no formula; `mode: "actualOnly"` counts only what is actually paid.
 *
 * @example
 * ```ts
 * import { SupportImputation, supportVariants } from "@jiceng/relief-calculator"
 * SupportImputation.safeParse(supportVariants.A.value).success //=> true
 * SupportImputation.safeParse(supportVariants.D.value).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const SupportImputation = z
  .object({
    variant: z.string().min(1),
    mode: z.enum(["formula", "declared", "actualOnly"]),
    thresholdBasis: z.enum(["dibao", "lowIncomeLine"]),
    lowIncomeLineFen: Money.nullable(),
    thresholdMultiplier: Rate,
    excessBasis: z.enum(["household", "perCapita"]),
    shareRate: Rate,
    manyChildren: z.object({ minChildren: z.int().min(2).max(20), shareRate: Rate }).nullable(),
    divideBy: z.enum(["supportedPersons", "none"]),
    exemptObligorDibao: z.boolean(),
    exemptObligorTekun: z.boolean()
  })
  .refine((s) => s.mode !== "formula" || s.thresholdBasis !== "lowIncomeLine" || s.lowIncomeLineFen !== null, {
    path: ["lowIncomeLineFen"],
    params: {
      code: "missing_low_income_line",
      zh: "以低收入标准为门槛时必须给出 lowIncomeLineFen",
      en: "a low-income-line threshold needs lowIncomeLineFen"
    }
  })
/** @since 0.1.0 @category models */
export type SupportImputation = z.infer<typeof SupportImputation>

/**
 * Categories of dibao recipient that a locality may top up (分类施保): elderly people (at or
 * above `elderlyAge`), minors (under 18), severely disabled people (grade 1–2, or grade 3
 * intellectual or mental) and people with a catastrophic illness (重特大疾病).
 *
 * @example
 * ```ts
 * import { TopUpCategory } from "@jiceng/relief-calculator"
 * TopUpCategory.options //=> ["elderly", "minor", "severeDisability", "seriousIllness"]
 * ```
 * @since 0.1.0
 * @category models
 */
export const TopUpCategory = z.enum(["elderly", "minor", "severeDisability", "seriousIllness"])
/** @since 0.1.0 @category models */
export type TopUpCategory = z.infer<typeof TopUpCategory>

/**
 * 分类施保: monthly top-ups for members of a dibao household in particular categories, on top
 * of the gap amount (Shanghai raises the level for the elderly, minors, the severely disabled
 * and the seriously ill, 上海市社会救助条例 art. 16). No national rule exists, so everything is a
 * parameter: an amount or a share of the line per category (a share is rounded half-up to the
 * fen), the elderly age, and whether a member in several categories gets the highest top-up or
 * their sum.
 *
 * @example
 * ```ts
 * import { CategoryTopUps } from "@jiceng/relief-calculator"
 * const rules = {
 *   elderlyAge: 60,
 *   stacking: "highest",
 *   items: [{ category: "elderly", amount: { kind: "lineShare", rate: { numerator: 1, denominator: 10 } } }]
 * }
 * CategoryTopUps.safeParse(rules).success //=> true
 * ```
 * @since 0.1.0
 * @category models
 */
export const CategoryTopUps = z.object({
  elderlyAge: z.int().min(0).max(130),
  stacking: z.enum(["highest", "sum"]),
  items: z
    .array(
      z.object({
        category: TopUpCategory,
        amount: z.discriminatedUnion("kind", [
          z.object({ kind: z.literal("amount"), amountFen: Money }),
          z.object({ kind: z.literal("lineShare"), rate: Rate })
        ])
      })
    )
    .max(4)
    .refine((items) => new Set(items.map((i) => i.category)).size === items.length, {
      params: { code: "duplicate_category", zh: "分类施保类别重复", en: "a top-up category is listed twice" }
    })
})
/** @since 0.1.0 @category models */
export type CategoryTopUps = z.infer<typeof CategoryTopUps>

/** 刚性支出困难家庭 (from 2025-01-01): the share of income that rigid spending must exceed. */
export const RigidHardshipRules = z.object({ ratio: Rate, includeBasicLiving: z.boolean() })
/** @since 0.1.0 @category models */
export type RigidHardshipRules = z.infer<typeof RigidHardshipRules>

/** 特困: basic living standard (a multiple of the dibao line or an amount) and monthly care amounts by self-care tier. */
export const TekunRules = z.object({
  basic: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("multiplier"), multiplier: Rate }),
    z.object({ kind: z.literal("amount"), amountFen: Money })
  ]),
  care: z.object({ selfCare: Money, partial: Money, full: Money }),
  excludedIncome: z.array(IncomeKind)
})
/** @since 0.1.0 @category models */
export type TekunRules = z.infer<typeof TekunRules>

/**
 * 临时救助 caps in months of the dibao line, per person or per household, and two local
 * conditions that are named parameters because no national rule fixes them:
 * `oncePerCause` — one award per cause per calendar year or per rolling 12 months (a county
 * rule [S29]; absent or `null` = no limit) — and `expenditureIncomeTest` — for the expenditure
 * type, per-capita counted income below the local disposable-income line with assets passing
 * ([S29; S33]; absent = `"none"`; it needs `disposableIncomeLine` in force, or the expenditure
 * type is an error).
 */
export const TemporaryRules = z.object({
  oncePerCause: z.enum(["calendarYear", "rolling12Months"]).nullable().optional(),
  expenditureIncomeTest: z.enum(["none", "belowDisposableIncome"]).optional(),
  capBasis: z.enum(["perPerson", "household"]),
  emergencyCapMonths: z.int().min(0).max(120),
  specialHardshipCapMonths: z.int().min(0).max(120).nullable(),
  emergencyMinMonths: z.int().min(0).max(120).nullable(),
  expenditureMinMonths: z.int().min(0).max(120).nullable(),
  expenditureMaxMonths: z.int().min(0).max(120).nullable(),
  directApprovalMonths: z.int().min(0).max(120).nullable(),
  directApprovalBasis: z.enum(["perPerson", "household"])
})
/** @since 0.1.0 @category models */
export type TemporaryRules = z.infer<typeof TemporaryRules>

/**
 * Every parameter of a policy as a dated history with citations. The first six are required;
 * a programme whose parameter is absent (or not yet in force) is reported as not applicable.
 * Money amounts are monthly, in fen; `disposableIncomeLine` is the annual per-capita
 * disposable income ÷ 12.
 *
 * @since 0.1.0
 * @category models
 */
export const PolicyParameters = z.object({
  dibaoLine: ParameterHistorySchema(Money),
  incomeRules: ParameterHistorySchema(IncomeRules),
  deductions: ParameterHistorySchema(DeductionRules),
  assets: ParameterHistorySchema(AssetRules),
  payment: ParameterHistorySchema(PaymentRules),
  supportImputation: ParameterHistorySchema(SupportImputation),
  marginal: ParameterHistorySchema(MarginalRules).optional(),
  individualInclusion: ParameterHistorySchema(IndividualInclusionRules).optional(),
  gradualExit: ParameterHistorySchema(GradualExitRules).optional(),
  /**
   * 上年居民人均可支配收入 as a **monthly per-capita** amount in fen: the published annual
   * per-capita figure ÷ 12 (convert and round it as your locality does; Jiceng does not). It is
   * compared with monthly counted income per capita (刚性支出困难家庭认定办法 art. 4(2): income <
   * line × members), with an obligor's monthly own income (特困人员认定办法 art. 8(3)–(4)) and by
   * the expenditure-type temporary-assistance income test. Absent (or not in force):
   * rigid-expenditure hardship is reported as not assessed, and an obligor who could be unable
   * only under art. 8(3)–(4) is treated as able — each with a warning; but a temporary-assistance
   * policy with `expenditureIncomeTest: "belowDisposableIncome"` returns a `no_value_in_force`
   * error for an expenditure-type event, because that test decides whether anything is paid.
   */
  disposableIncomeLine: ParameterHistorySchema(Money).optional(),
  rigidHardship: ParameterHistorySchema(RigidHardshipRules).optional(),
  tekun: ParameterHistorySchema(TekunRules).optional(),
  categoryTopUps: ParameterHistorySchema(CategoryTopUps).optional(),
  temporaryAssistance: ParameterHistorySchema(TemporaryRules).optional()
})
/** @since 0.1.0 @category models */
export type PolicyParameters = z.infer<typeof PolicyParameters>

const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) })

/**
 * A locality's social-assistance policy: an id, a bilingual name, whether it is a preset of
 * rules in force, a reform or a custom set, and its dated, cited parameters. Amounts are
 * monthly, in fen; `parameters.disposableIncomeLine` is the monthly per-capita line (the annual
 * per-capita disposable income ÷ 12).
 *
 * @example
 * ```ts
 * import { Policy, policies } from "@jiceng/relief-calculator"
 * Policy.safeParse(policies.beijing).success //=> true
 * ```
 * @since 0.1.0
 * @category models
 */
export const Policy = z.object({
  id: z.string().min(1),
  name: Bilingual,
  kind: z.enum(["preset", "reform", "custom"]),
  parameters: PolicyParameters
})
/** @since 0.1.0 @category models */
export type Policy = z.infer<typeof Policy>

const validated = new WeakSet<object>()

/** True when `p` came out of {@link definePolicy} (so it need not be re-validated per call). */
export const isDefinedPolicy = (p: unknown): p is Policy => typeof p === "object" && p !== null && validated.has(p)

const deepFreeze = <T>(v: T): T => {
  if (typeof v === "object" && v !== null && !Object.isFrozen(v)) {
    Object.freeze(v)
    for (const x of Object.values(v)) deepFreeze(x)
  }
  return v
}

/**
 * Patch applied on a base policy by {@link definePolicy}: a new id and name, and any
 * parameter histories to replace.
 *
 * @example
 * ```ts
 * import type { PolicyPatch } from "@jiceng/relief-calculator"
 * const patch: PolicyPatch = { id: "x", name: { zh: "某地", en: "X" }, parameters: {} }
 * ```
 * @since 0.1.0
 * @category models
 */
export interface PolicyPatch {
  readonly id: string
  readonly name: { readonly zh: string; readonly en: string }
  readonly kind?: "preset" | "reform" | "custom"
  readonly parameters: { readonly [K in keyof PolicyParameters]?: ReadonlyArray<DatedValue<unknown>> }
}

/**
 * Validates a complete policy, or a patch over a `base` policy (each patched parameter's
 * history replaces the base's), and returns a frozen {@link Policy}. Every dated value needs a
 * source; histories must be sorted and non-overlapping.
 *
 * @example
 * ```ts
 * import { definePolicy, policies } from "@jiceng/relief-calculator"
 * const source = { title: "My county notice 2025", verified: true }
 * const r = definePolicy(
 *   { id: "county-2025", name: { zh: "某县", en: "A county" }, parameters: { dibaoLine: [{ value: 100000, from: "2025-01-01", source }] } },
 *   policies.beijing
 * )
 * r.ok && r.value.parameters.dibaoLine[0]!.value //=> 100000
 * ```
 * @since 0.1.0
 * @category policies
 */
export const definePolicy = (input: unknown, base?: Policy): Result<Policy, InvalidInputError> => {
  let candidate: unknown = input
  if (base !== undefined) {
    const patch = validate(
      z.object({
        id: z.string().min(1),
        name: Bilingual,
        kind: z.enum(["preset", "reform", "custom"]).optional(),
        parameters: z.record(z.string(), z.unknown())
      }),
      input
    )
    if (!patch.ok) return patch
    const known = Object.keys(PolicyParameters.shape)
    const unknownKeys = Object.keys(patch.value.parameters).filter((k) => !known.includes(k))
    if (unknownKeys.length > 0) {
      return err(
        new InvalidInput(
          unknownKeys.map((k) =>
            issue(["parameters", k], "unknown_parameter", `未知参数 ${k}`, `unknown parameter ${k}`)
          )
        )
      )
    }
    candidate = {
      id: patch.value.id,
      name: patch.value.name,
      kind: patch.value.kind ?? "reform",
      parameters: { ...base.parameters, ...patch.value.parameters }
    }
  }
  const r = validate(Policy, candidate)
  if (!r.ok) return r
  const frozen = deepFreeze(r.value)
  validated.add(frozen)
  return ok(frozen)
}
