// Numeric rule helpers shared by the single-household path and the columnar kernel, so the two
// cannot drift apart. Everything is integer fen; comparisons with rates are cross-multiplied
// exactly (see belowMultiple and exceedsShare).
import { meetsThreshold, mulDiv, type Ratio } from "@jiceng/core"
import type { SupportImputation } from "../Policy.ts"

/** Disability kind codes used in columns: 0 none, then physical, visual, hearing, speech, intellectual, mental. */
export const PHYSICAL = 1
export const VISUAL = 2
export const INTELLECTUAL = 5
export const MENTAL = 6

// 特困人员认定办法 art. 5: 60周岁以上 includes 60 (民法典 art. 1259); 未满16周岁 excludes 16.
export const noWorkCapacity = (age: number, kind: number, grade: number): boolean =>
  age >= 60 ||
  age < 16 ||
  ((kind === INTELLECTUAL || kind === MENTAL) && grade >= 1 && grade <= 3) ||
  (kind === PHYSICAL && grade >= 1 && grade <= 2) ||
  (kind === VISUAL && grade === 1)

/** Bits of `PersonColumns.flags`. */
export const PERSON_FLAG = {
  catastrophicIllness: 1,
  employed: 2,
  choseOrphanBenefit: 4,
  /** Already receives 特困 support granted as a minor (see {@link keepsMinorTekun}). */
  alreadyTekunAsMinor: 8,
  inSchool: 16
} as const

/** Bits of `HouseholdColumns.obligorFlags` and `ObligorColumns.flags`. */
export const OBLIGOR_FLAG = {
  dibao: 1,
  tekun: 2,
  severeDisability: 4,
  /** Lacks civil capacity, declared missing or imprisoned. */
  lacksCapacity: 8,
  /** Assets within the local low-income asset rules. */
  lowIncomeAssets: 16,
  /** `judgmentFen` holds a judgment, mediation or award. */
  judgment: 32,
  /** `agreementFen` holds a written agreement. */
  agreement: 64
} as const

// 特困人员认定办法, note under art. 24: support granted to a minor lasts until 18, and beyond
// while still in compulsory education, ordinary senior high school or secondary vocational
// school. Such a member counts as without work capacity (condition 1) for as long as it lasts.
export const keepsMinorTekun = (age: number, alreadyTekunAsMinor: boolean, inSchool: boolean): boolean =>
  alreadyTekunAsMinor && (age < 18 || inSchool)

/** How a member meets condition 1 of 特困 (art. 5): not at all, by having no work capacity, or only by {@link keepsMinorTekun}. */
export const CAPACITY = { able: 0, none: 1, continuedAsMinor: 2 } as const

/** {@link CAPACITY} of one member; the column kernel decodes its flag bits into the two booleans. */
export const workCapacity = (
  age: number,
  kind: number,
  grade: number,
  alreadyTekunAsMinor: boolean,
  inSchool: boolean
): 0 | 1 | 2 =>
  noWorkCapacity(age, kind, grade)
    ? CAPACITY.none
    : keepsMinorTekun(age, alreadyTekunAsMinor, inSchool)
      ? CAPACITY.continuedAsMinor
      : CAPACITY.able

/**
 * Condition 1 of 特困 (art. 5), including the continuation for minors already supported:
 * `workCapacity(…) !== CAPACITY.able`, written out so the column kernel inlines less code.
 */
export const lacksWorkCapacity = (
  age: number,
  kind: number,
  grade: number,
  alreadyTekunAsMinor: boolean,
  inSchool: boolean
): boolean => noWorkCapacity(age, kind, grade) || keepsMinorTekun(age, alreadyTekunAsMinor, inSchool)

// 最低生活保障审核确认办法 art. 8: grade 1–2 of any kind, or grade 3 intellectual or mental.
export const severeDisability = (kind: number, grade: number): boolean =>
  kind !== 0 && (grade === 1 || grade === 2 || (grade === 3 && (kind === INTELLECTUAL || kind === MENTAL)))

/**
 * 分类施保: a member's monthly top-up from the per-category amounts (elderly, minor, severe
 * disability, catastrophic illness; −1 = not topped up), the highest or the sum.
 */
export const memberTopUp = (
  age: number,
  kind: number,
  grade: number,
  illness: boolean,
  elderlyAge: number,
  t: readonly [number, number, number, number],
  sum: boolean
): number => {
  let total = 0
  const take = (v: number) => {
    if (v >= 0) total = sum ? total + v : Math.max(total, v)
  }
  if (age >= elderlyAge) take(t[0])
  if (age < 18) take(t[1])
  if (severeDisability(kind, grade)) take(t[2])
  if (illness) take(t[3])
  return total
}

// 特困人员认定办法 art. 22: 0 failed → self-care, 1–3 → partial, 4+ → full.
export const careTier = (failed: number): 0 | 1 | 2 => (failed >= 4 ? 2 : failed >= 1 ? 1 : 0)

export const ROUNDING = { none: 0, ceilYuan: 1, roundYuan: 2, floorYuan: 3 } as const

/**
 * `amountFen < rate × baseFen`, exactly: `amount × denominator < numerator × base`. Amounts reach
 * ¥10 billion, rate terms 1,000 and bases line × 50 members, so a product can pass 2^53. While
 * both products are safe integers (every ordinary household) they are compared as doubles,
 * inline; beyond, core's `meetsThreshold` compares them in BigInt. Used for "per-capita income
 * below k × the line" (低保边缘, 单人保). `amountFen` ≥ 0.
 */
export const belowMultiple = (amountFen: number, baseFen: number, rate: Ratio): boolean => {
  const left = amountFen * rate.denominator
  const right = rate.numerator * baseFen
  return left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER
    ? left < right
    : belowMultipleExact(amountFen, baseFen, rate)
}
// Out of line, so the kernel inlines only the fast path above.
const belowMultipleExact = (amountFen: number, baseFen: number, rate: Ratio): boolean =>
  baseFen > 0 && !meetsThreshold(amountFen, baseFen, rate, "atLeast")

/**
 * `spendFen > rate × incomeFen`, exactly (`spend × denominator > numerator × income`, BigInt
 * beyond 2^53): rigid spending exceeds the local share of income (刚性支出困难家庭认定办法 art. 4).
 */
export const exceedsShare = (spendFen: number, incomeFen: number, rate: Ratio): boolean =>
  incomeFen > 0 ? meetsThreshold(spendFen, incomeFen, rate, "moreThan") : spendFen > 0

/** Rounds a positive gap once, applies the minimum payment, and never exceeds `ceiling`. */
export const roundPayment = (gap: number, rounding: number, minimum: number, ceiling: number): number => {
  if (gap <= 0) return 0
  const rem = gap % 100
  let r = gap
  if (rounding === 1) r = rem === 0 ? gap : gap - rem + 100
  else if (rounding === 2) r = rem >= 50 ? gap - rem + 100 : gap - rem
  else if (rounding === 3) r = gap - rem
  if (r < minimum) r = minimum
  return Math.min(r, ceiling)
}

/**
 * One obligor as the support rules see it. The single-household path builds one per obligor;
 * the column kernel fills one scratch object in place per obligor (see `supportAt`), so the
 * batch allocates nothing per row.
 */
export interface ObligorNumbers {
  householdIncomeFen: number
  householdSize: number
  /** Everyone the obligor supports outside their own household (≥ `supportedInUnit`). */
  supportedPersons: number
  /** Supported people who are members of this dibao unit. */
  supportedInUnit: number
  childrenCount: number
  isDibao: boolean
  isTekun: boolean
  /** −1 when absent. */
  judgmentFen: number
  /** −1 when absent. */
  agreementFen: number
  actualPaidFen: number
}

export const SUPPORT_BASIS = ["formula", "judgment", "agreement", "actual", "exempt", "unable", "none"] as const
export type SupportBasis = (typeof SUPPORT_BASIS)[number]

const exempt = (cfg: SupportImputation, o: Readonly<ObligorNumbers>): boolean =>
  (cfg.exemptObligorDibao && o.isDibao) || (cfg.exemptObligorTekun && o.isTekun)

/**
 * The formula's share for one supported person (or, with `divideBy: "none"`, the whole amount).
 * relief-rules.md §2.8 variant A: the obligor's capacity is "shared equally among all people the
 * obligor must support", so each supported person is imputed ⌊capacity ÷ supportedPersons⌋.
 */
export const supportShareFen = (cfg: SupportImputation, lineFen: number, o: Readonly<ObligorNumbers>): number => {
  if (exempt(cfg, o)) return 0
  const basis = cfg.thresholdBasis === "dibao" ? lineFen : (cfg.lowIncomeLineFen ?? 0)
  const m = cfg.thresholdMultiplier
  const size = o.householdSize
  // income / size > basis × m  ⇔  income × den > basis × num × size. income × den ≤ 10^15 is
  // exact; basis × num × size can pass 2^53, but then it is far above the left side, so the
  // sign is right, and the excess (≤ 10^15) is exact whenever it is positive.
  const excessNum = o.householdIncomeFen * m.denominator - basis * m.numerator * size
  if (excessNum <= 0) return 0
  const rate =
    cfg.manyChildren !== null && o.childrenCount >= cfg.manyChildren.minChildren
      ? cfg.manyChildren.shareRate
      : cfg.shareRate
  let divisor = m.denominator * rate.denominator
  if (cfg.excessBasis === "perCapita") divisor *= size
  if (cfg.divideBy === "supportedPersons") divisor *= o.supportedPersons
  // Floor: an imputed amount is income the household may never see, so round in its favour.
  return mulDiv(excessNum, rate.numerator, divisor, "floor")
}

/** Where {@link imputeSupportFen} records how it reached its amount, for the explanation. */
export interface SupportTrace {
  basis: SupportBasis
  /** The formula amount counted here (0 unless the formula was used). */
  formulaFen: number
  /** The formula's per-person share (0 unless the formula was used). */
  shareFen: number
}

/**
 * The formula amount counted in this unit: one share per supported member in the unit (never
 * more than `supportedPersons` shares, so never more than the obligor's capacity), or the whole
 * amount once when the formula is not divided. The share is computed once and recorded in
 * `trace` with the basis (formula, exempt obligor, or unable to pay). Kept out of
 * {@link imputeSupportFen} so that the column kernel, which inlines that, inlines little.
 */
const supportFormulaFen = (
  cfg: SupportImputation,
  lineFen: number,
  o: Readonly<ObligorNumbers>,
  trace: SupportTrace | undefined
): number => {
  const share = supportShareFen(cfg, lineFen, o)
  const amount = cfg.divideBy === "supportedPersons" ? share * Math.min(o.supportedInUnit, o.supportedPersons) : share
  if (trace !== undefined) {
    trace.shareFen = share
    trace.formulaFen = amount
    // An exempt obligor's share is 0, so "exempt" only ever replaces "unable".
    trace.basis = amount > 0 ? "formula" : exempt(cfg, o) ? "exempt" : "unable"
  }
  return amount
}

/**
 * Imputed support in fen — the one place the priority order lives: judgment, then agreement,
 * then the formula (`mode: "formula"` only); a higher actual payment wins; `actualOnly` counts
 * only what is paid. Judgment, agreement and actual amounts are what is owed or paid to the
 * supported members of this household, in total. With `trace`, also records the basis and the
 * formula figures (each computed once) for the explanation.
 */
export const imputeSupportFen = (
  cfg: SupportImputation,
  lineFen: number,
  o: Readonly<ObligorNumbers>,
  trace?: SupportTrace
): number => {
  let base = 0
  let basis: SupportBasis = "none"
  if (cfg.mode === "actualOnly") {
    // Only what is actually paid counts.
  } else if (o.judgmentFen >= 0) {
    base = o.judgmentFen
    basis = "judgment"
  } else if (o.agreementFen >= 0) {
    base = o.agreementFen
    basis = "agreement"
  } else if (cfg.mode === "formula" && o.supportedInUnit > 0) {
    base = supportFormulaFen(cfg, lineFen, o, trace)
    if (trace !== undefined) basis = trace.basis
  }
  if (trace !== undefined) trace.basis = o.actualPaidFen > base ? "actual" : basis
  return Math.max(o.actualPaidFen, base)
}

/** {@link imputeSupportFen} with its basis and formula figures, for the explanation. */
export const imputeSupport = (
  cfg: SupportImputation,
  lineFen: number,
  o: Readonly<ObligorNumbers>
): Readonly<SupportTrace> & { readonly amountFen: number } => {
  const trace: SupportTrace = { basis: "none", formulaFen: 0, shareFen: 0 }
  const amountFen = imputeSupportFen(cfg, lineFen, o, trace)
  return { amountFen, ...trace }
}

/**
 * What {@link obligorUnableFlags} returns when grounds 3 or 4 of art. 8 might apply but the
 * policy has no disposable-income line to test them: the obligor is treated as able, and the
 * caller says so.
 */
export const NEEDS_DISPOSABLE_LINE = -1

/**
 * 特困人员认定办法 art. 8 on an obligor's age, monthly own income and {@link OBLIGOR_FLAG} bits:
 * the ground (1–5) on which the obligor is unable to perform, 0 when able, or
 * {@link NEEDS_DISPOSABLE_LINE} when only the missing disposable-income line `d` (null) keeps
 * grounds 3–4 from being tested. Only a positive result means "unable". Both paths run this one
 * function (the single path through {@link obligorUnableGround}).
 */
export const obligorUnableFlags = (age: number, ownIncomeFen: number, flags: number, d: number | null): number => {
  if ((flags & OBLIGOR_FLAG.tekun) !== 0) return 1
  if ((flags & OBLIGOR_FLAG.dibao) !== 0 && age >= 60) return 2
  const low = (flags & OBLIGOR_FLAG.lowIncomeAssets) !== 0
  const severe = (flags & OBLIGOR_FLAG.severeDisability) !== 0
  if (d !== null && low && ownIncomeFen < d) {
    if (age >= 70) return 3
    if (severe) return 4
  }
  if (low && (flags & OBLIGOR_FLAG.lacksCapacity) !== 0) return 5
  return d === null && low && (age >= 70 || severe) ? NEEDS_DISPOSABLE_LINE : 0
}

export interface ObligorStatus {
  readonly age: number
  readonly ownIncomeFen: number
  readonly isDibao: boolean
  readonly isTekun: boolean
  readonly severeDisability: boolean
  readonly lacksCapacity: boolean
  readonly lowIncomeAssets: boolean
}

/** {@link obligorUnableFlags} over an {@link ObligorStatus}, its booleans encoded as the column bits. */
export const obligorUnableGround = (o: ObligorStatus, d: number | null): number =>
  obligorUnableFlags(
    o.age,
    o.ownIncomeFen,
    (o.isDibao ? OBLIGOR_FLAG.dibao : 0) |
      (o.isTekun ? OBLIGOR_FLAG.tekun : 0) |
      (o.severeDisability ? OBLIGOR_FLAG.severeDisability : 0) |
      (o.lacksCapacity ? OBLIGOR_FLAG.lacksCapacity : 0) |
      (o.lowIncomeAssets ? OBLIGOR_FLAG.lowIncomeAssets : 0),
    d
  )

/** Status bit flags shared by single and columnar results. */
export const STATUS = {
  dibao: 1,
  marginal: 2,
  individualInclusion: 4,
  gradualExit: 8,
  rigidHardship: 16,
  tekun: 32,
  assetsFail: 64
} as const
