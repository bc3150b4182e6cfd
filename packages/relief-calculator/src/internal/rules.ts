// Numeric rule helpers shared by the single-household path and the columnar kernel, so the two
// cannot drift apart. Everything is integer fen; comparisons with rates are cross-multiplied.
import { mulDiv } from "@jiceng/core"
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

/** Person column flag bits: the support of a minor already on 特困 continues (see {@link keepsMinorTekun}). */
export const ALREADY_TEKUN_AS_MINOR = 8
export const IN_SCHOOL = 16

// 特困人员认定办法, note under art. 24: support granted to a minor lasts until 18, and beyond
// while still in compulsory education, ordinary senior high school or secondary vocational
// school. Such a member counts as without work capacity (condition 1) for as long as it lasts.
export const keepsMinorTekun = (age: number, alreadyTekunAsMinor: boolean, inSchool: boolean): boolean =>
  alreadyTekunAsMinor && (age < 18 || inSchool)

/** Condition 1 of 特困 (art. 5), including the continuation for minors already supported. */
export const lacksWorkCapacity = (age: number, kind: number, grade: number, personFlags: number): boolean =>
  noWorkCapacity(age, kind, grade) ||
  keepsMinorTekun(age, (personFlags & ALREADY_TEKUN_AS_MINOR) !== 0, (personFlags & IN_SCHOOL) !== 0)

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

export interface ObligorNumbers {
  readonly householdIncomeFen: number
  readonly householdSize: number
  /** Everyone the obligor supports outside their own household (≥ `supportedInUnit`). */
  readonly supportedPersons: number
  /** Supported people who are members of this dibao unit. */
  readonly supportedInUnit: number
  readonly childrenCount: number
  readonly isDibao: boolean
  readonly isTekun: boolean
  /** −1 when absent. */
  readonly judgmentFen: number
  /** −1 when absent. */
  readonly agreementFen: number
  readonly actualPaidFen: number
}

export const SUPPORT_BASIS = ["formula", "judgment", "agreement", "actual", "exempt", "unable", "none"] as const
export type SupportBasis = (typeof SUPPORT_BASIS)[number]

/**
 * The formula's share for one supported person (or, with `divideBy: "none"`, the whole amount).
 * relief-rules.md §2.8 variant A: the obligor's capacity is "shared equally among all people the
 * obligor must support", so each supported person is imputed ⌊capacity ÷ supportedPersons⌋.
 */
export const supportShareFen = (
  cfg: SupportImputation,
  lineFen: number,
  incomeFen: number,
  size: number,
  supported: number,
  children: number,
  isDibao: boolean,
  isTekun: boolean
): number => {
  if ((cfg.exemptObligorDibao && isDibao) || (cfg.exemptObligorTekun && isTekun)) return 0
  const basis = cfg.thresholdBasis === "dibao" ? lineFen : (cfg.lowIncomeLineFen ?? 0)
  const m = cfg.thresholdMultiplier
  // income / size > basis × m  ⇔  income × den > basis × num × size
  const excessNum = incomeFen * m.denominator - basis * m.numerator * size
  if (excessNum <= 0) return 0
  const rate =
    cfg.manyChildren !== null && children >= cfg.manyChildren.minChildren ? cfg.manyChildren.shareRate : cfg.shareRate
  let divisor = m.denominator * rate.denominator
  if (cfg.excessBasis === "perCapita") divisor *= size
  if (cfg.divideBy === "supportedPersons") divisor *= supported
  // Floor: an imputed amount is income the household may never see, so round in its favour.
  return mulDiv(excessNum, rate.numerator, divisor, "floor")
}

/**
 * The formula amount counted in this unit: one share per supported member in the unit (never
 * more than `supported` shares, so never more than the obligor's capacity), or the whole
 * amount once when the formula is not divided between supported persons.
 */
export const supportFormulaFen = (
  cfg: SupportImputation,
  lineFen: number,
  incomeFen: number,
  size: number,
  supported: number,
  inUnit: number,
  children: number,
  isDibao: boolean,
  isTekun: boolean
): number => {
  if (inUnit <= 0) return 0
  const share = supportShareFen(cfg, lineFen, incomeFen, size, supported, children, isDibao, isTekun)
  return cfg.divideBy === "supportedPersons" ? share * Math.min(inUnit, supported) : share
}

/** {@link supportFormulaFen} over {@link ObligorNumbers}. */
export const supportFormula = (cfg: SupportImputation, lineFen: number, o: ObligorNumbers): number =>
  supportFormulaFen(
    cfg,
    lineFen,
    o.householdIncomeFen,
    o.householdSize,
    o.supportedPersons,
    o.supportedInUnit,
    o.childrenCount,
    o.isDibao,
    o.isTekun
  )

/**
 * Imputed support with its basis: judgment, then agreement, then formula; a higher actual
 * payment wins. Judgment, agreement and actual amounts are what is owed or paid to the
 * supported members of this household, in total.
 */
export const imputeSupport = (
  cfg: SupportImputation,
  lineFen: number,
  o: ObligorNumbers
): {
  readonly amountFen: number
  readonly basis: SupportBasis
  readonly formulaFen: number
  /** The formula's per-person share (0 unless the formula was used). */
  readonly shareFen: number
} => {
  if (cfg.mode === "actualOnly")
    return { amountFen: o.actualPaidFen, basis: o.actualPaidFen > 0 ? "actual" : "none", formulaFen: 0, shareFen: 0 }
  let base = 0
  let basis: SupportBasis = "none"
  let formulaFen = 0
  let shareFen = 0
  if (o.judgmentFen >= 0) {
    base = o.judgmentFen
    basis = "judgment"
  } else if (o.agreementFen >= 0) {
    base = o.agreementFen
    basis = "agreement"
  } else if (cfg.mode === "formula") {
    formulaFen = supportFormula(cfg, lineFen, o)
    shareFen = supportShareFen(
      cfg,
      lineFen,
      o.householdIncomeFen,
      o.householdSize,
      o.supportedPersons,
      o.childrenCount,
      o.isDibao,
      o.isTekun
    )
    base = formulaFen
    basis =
      (cfg.exemptObligorDibao && o.isDibao) || (cfg.exemptObligorTekun && o.isTekun)
        ? "exempt"
        : formulaFen > 0
          ? "formula"
          : "unable"
  }
  if (o.actualPaidFen > base) return { amountFen: o.actualPaidFen, basis: "actual", formulaFen, shareFen }
  return { amountFen: base, basis, formulaFen, shareFen }
}

/** The amount part of {@link imputeSupport} on plain numbers (−1 = no judgment / agreement). */
export const imputeSupportFen = (
  cfg: SupportImputation,
  lineFen: number,
  incomeFen: number,
  size: number,
  supported: number,
  inUnit: number,
  children: number,
  isDibao: boolean,
  isTekun: boolean,
  judgmentFen: number,
  agreementFen: number,
  actualPaidFen: number
): number => {
  if (cfg.mode === "actualOnly") return actualPaidFen
  const base =
    judgmentFen >= 0
      ? judgmentFen
      : agreementFen >= 0
        ? agreementFen
        : cfg.mode === "formula"
          ? supportFormulaFen(cfg, lineFen, incomeFen, size, supported, inUnit, children, isDibao, isTekun)
          : 0
  return Math.max(actualPaidFen, base)
}

/** {@link obligorUnableGround} on plain numbers and the column flag bits. */
export const obligorUnableFlags = (age: number, ownIncomeFen: number, flags: number, d: number | null): boolean =>
  (flags & 2) !== 0 ||
  ((flags & 1) !== 0 && age >= 60) ||
  (d !== null && age >= 70 && ownIncomeFen < d && (flags & 16) !== 0) ||
  (d !== null && (flags & 4) !== 0 && ownIncomeFen < d && (flags & 16) !== 0) ||
  ((flags & 8) !== 0 && (flags & 16) !== 0)

export interface ObligorStatus {
  readonly age: number
  readonly ownIncomeFen: number
  readonly isDibao: boolean
  readonly isTekun: boolean
  readonly severeDisability: boolean
  readonly lacksCapacity: boolean
  readonly lowIncomeAssets: boolean
}

/**
 * 特困人员认定办法 art. 8: the ground (1–5) on which an obligor is unable to perform, or 0.
 * Grounds 3 and 4 need the local disposable-income line `d`; without it they cannot be shown.
 */
export const obligorUnableGround = (o: ObligorStatus, d: number | null): number => {
  if (o.isTekun) return 1
  if (o.isDibao && o.age >= 60) return 2
  if (d !== null && o.age >= 70 && o.ownIncomeFen < d && o.lowIncomeAssets) return 3
  if (d !== null && o.severeDisability && o.ownIncomeFen < d && o.lowIncomeAssets) return 4
  if (o.lacksCapacity && o.lowIncomeAssets) return 5
  return 0
}

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
