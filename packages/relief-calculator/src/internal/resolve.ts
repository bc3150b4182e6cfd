// Looks up every parameter in force on the first day of a month, once per (policy, month).
import {
  type DatedValue,
  err,
  InvalidInputError,
  type Issue,
  issue,
  mulDiv,
  ok,
  type Result,
  valueAt
} from "@jiceng/core"
import type {
  AssetRules,
  CategoryTopUps,
  DeductionRules,
  GradualExitRules,
  IncomeKind,
  IncomeRules,
  IndividualInclusionRules,
  MarginalRules,
  PaymentRules,
  Policy,
  RigidHardshipRules,
  SupportImputation,
  TekunRules,
  TemporaryRules
} from "../Policy.ts"

export interface Param<T> {
  readonly name: string
  readonly value: T
  readonly entry: DatedValue<T>
}

export interface Resolved {
  readonly policyId: string
  readonly month: string
  readonly date: string
  readonly line: Param<number>
  readonly income: Param<IncomeRules>
  readonly deductions: Param<DeductionRules>
  readonly assets: Param<AssetRules>
  readonly payment: Param<PaymentRules>
  readonly support: Param<SupportImputation>
  readonly marginal: Param<MarginalRules> | undefined
  readonly individual: Param<IndividualInclusionRules> | undefined
  readonly gradualExit: Param<GradualExitRules> | undefined
  readonly disposable: Param<number> | undefined
  readonly rigid: Param<RigidHardshipRules> | undefined
  readonly tekun: Param<TekunRules> | undefined
  readonly topUps: Param<CategoryTopUps> | undefined
  /** Monthly top-up per category in fen, in `TopUpCategory` order (−1 = category not topped up). */
  readonly topUpFen: readonly [number, number, number, number]
  readonly temporary: Param<TemporaryRules> | undefined
  readonly excluded: ReadonlySet<IncomeKind>
  readonly tekunExcluded: ReadonlySet<IncomeKind>
  readonly tekunBasicFen: number
  readonly warnings: ReadonlyArray<Issue>
}

const CATEGORIES = ["elderly", "minor", "severeDisability", "seriousIllness"] as const

const cache = new WeakMap<Policy, Map<string, Result<Resolved, InvalidInputError>>>()

export const resolve = (
  policy: Policy,
  month: string,
  onStale: "warn" | "error" = "warn"
): Result<Resolved, InvalidInputError> => {
  let byMonth = cache.get(policy)
  if (byMonth === undefined) {
    byMonth = new Map()
    cache.set(policy, byMonth)
  }
  const key = `${month}|${onStale}`
  const hit = byMonth.get(key)
  if (hit !== undefined) return hit
  const r = compute(policy, month, onStale)
  if (byMonth.size > 256) byMonth.clear()
  byMonth.set(key, r)
  return r
}

const compute = (policy: Policy, month: string, onStale: "warn" | "error"): Result<Resolved, InvalidInputError> => {
  const date = `${month}-01`
  const issues: Array<Issue> = []
  const warnings: Array<Issue> = []
  const required = <T>(name: string, h: ReadonlyArray<DatedValue<T>>): Param<T> | undefined => {
    const r = valueAt(h, date, { name, onStale })
    if (!r.ok) {
      issues.push(...r.error.issues.map((i) => ({ ...i, path: ["policy", "parameters", ...i.path] })))
      return undefined
    }
    warnings.push(...r.value.warnings)
    return { name, value: r.value.value, entry: r.value.entry }
  }
  // A programme whose parameter is absent or not yet in force is simply not assessed; past
  // its last value it is stale like any other parameter.
  const optional = <T>(name: string, h: ReadonlyArray<DatedValue<T>> | undefined): Param<T> | undefined => {
    if (h === undefined) return undefined
    const r = valueAt(h, date, { name, onStale })
    if (!r.ok) {
      if (r.error.issues.some((i) => i.code === "stale_parameter")) {
        issues.push(...r.error.issues.map((i) => ({ ...i, path: ["policy", "parameters", ...i.path] })))
      }
      return undefined
    }
    warnings.push(...r.value.warnings)
    return { name, value: r.value.value, entry: r.value.entry }
  }
  const p = policy.parameters
  const line = required("dibaoLine", p.dibaoLine)
  const income = required("incomeRules", p.incomeRules)
  const deductions = required("deductions", p.deductions)
  const assets = required("assets", p.assets)
  const payment = required("payment", p.payment)
  const support = required("supportImputation", p.supportImputation)
  const marginal = optional("marginal", p.marginal)
  const individual = optional("individualInclusion", p.individualInclusion)
  const gradualExit = optional("gradualExit", p.gradualExit)
  const disposable = optional("disposableIncomeLine", p.disposableIncomeLine)
  const rigid = optional("rigidHardship", p.rigidHardship)
  const tekun = optional("tekun", p.tekun)
  const temporary = optional("temporaryAssistance", p.temporaryAssistance)
  const topUps = optional("categoryTopUps", p.categoryTopUps)
  if (
    issues.length > 0 ||
    line === undefined ||
    income === undefined ||
    deductions === undefined ||
    assets === undefined ||
    payment === undefined ||
    support === undefined
  ) {
    return err(new InvalidInputError(issues))
  }
  let tekunBasicFen = 0
  if (tekun !== undefined) {
    const b = tekun.value.basic
    // "不低于 1.3 倍": a multiplier is rounded up to the fen so the standard is never below it.
    tekunBasicFen =
      b.kind === "amount" ? b.amountFen : mulDiv(line.value, b.multiplier.numerator, b.multiplier.denominator, "ceil")
  }
  const topUpFen: [number, number, number, number] = [-1, -1, -1, -1]
  for (const item of topUps?.value.items ?? []) {
    const a = item.amount
    topUpFen[CATEGORIES.indexOf(item.category)] =
      a.kind === "amount" ? a.amountFen : mulDiv(line.value, a.rate.numerator, a.rate.denominator, "halfUp")
  }
  return ok({
    policyId: policy.id,
    month,
    date,
    line,
    income,
    deductions,
    assets,
    payment,
    support,
    marginal,
    individual,
    gradualExit,
    disposable,
    rigid,
    tekun,
    topUps,
    topUpFen,
    temporary,
    excluded: new Set(income.value.excluded),
    tekunExcluded: new Set(tekun?.value.excludedIncome ?? []),
    tekunBasicFen,
    warnings
  })
}

const DISPOSABLE_PATH = ["policy", "parameters", "disposableIncomeLine"]

/** Warning: rigid-expenditure hardship (刚性支出困难家庭认定办法 art. 4(2)) needs the local disposable-income line. */
export const rigidNotAssessed: Issue = issue(
  DISPOSABLE_PATH,
  "rigid_hardship_not_assessed",
  "未评估刚性支出困难家庭：政策没有生效的上年居民人均可支配收入标准（disposableIncomeLine）",
  "rigid-expenditure hardship not assessed: the policy has no disposableIncomeLine in force"
)

/** Warning: 特困人员认定办法 art. 8(3)–(4) need the line, so such obligors are treated as able. */
export const obligorGroundsNotAssessed: Issue = issue(
  DISPOSABLE_PATH,
  "obligor_grounds_not_assessed",
  "政策没有生效的上年居民人均可支配收入标准（disposableIncomeLine），无法认定70周岁以上或重度残疾的义务人无履行能力（特困人员认定办法第八条第三、四项），按有履行能力处理",
  "the policy has no disposableIncomeLine in force, so an obligor aged 70+ or severely disabled cannot be shown unable to perform (特困人员认定办法 art. 8(3)–(4)) and is treated as able"
)

/**
 * Batch-level warnings for what the missing disposable-income line kept from being assessed:
 * the batch has no per-household warnings, so it reports each once for the whole run — rigid
 * hardship whenever the programme is in force, the obligor grounds only when some household
 * had an obligor treated as able for want of the line (`obligorGroundsHit`), exactly when
 * `assessHousehold` would warn for that household.
 */
export const missingDisposableWarnings = (r: Resolved, obligorGroundsHit: boolean): ReadonlyArray<Issue> =>
  r.disposable !== undefined
    ? []
    : [...(r.rigid !== undefined ? [rigidNotAssessed] : []), ...(obligorGroundsHit ? [obligorGroundsNotAssessed] : [])]
