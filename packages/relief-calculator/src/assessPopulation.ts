import { err, InvalidInputError, type Issue, ok, type Result, validate } from "@jiceng/core"
import { AssessOptions } from "./Household.ts"
import { missingDisposableWarnings, type Resolved, resolve } from "./internal/resolve.ts"
import {
  belowMultiple,
  exceedsShare,
  imputeSupportFen,
  lacksWorkCapacity,
  memberTopUp,
  NEEDS_DISPOSABLE_LINE,
  OBLIGOR_FLAG,
  type ObligorNumbers,
  obligorUnableFlags,
  PERSON_FLAG,
  ROUNDING,
  roundPayment,
  STATUS,
  severeDisability
} from "./internal/rules.ts"
import { definePolicy, isDefinedPolicy, type Policy, type SupportImputation } from "./Policy.ts"
import { type Columns, type ObligorView, validatePopulation } from "./Population.ts"

/**
 * Columnar results of {@link assessPopulation}: one entry per household row, equal field by
 * field to what {@link assessHousehold} returns for that row. Money in integer fen.
 *
 * @example
 * ```ts
 * import type { PopulationAssessment } from "@jiceng/relief-calculator"
 * const covered = (r: PopulationAssessment) => r.totalFen.filter((x) => x > 0).length
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface PopulationAssessment {
  readonly count: number
  readonly policyId: string
  readonly month: string
  /** Bit flags as in `HouseholdAssessment.status`. */
  readonly status: Uint8Array
  readonly unitSize: Uint8Array
  readonly tekunMembers: Uint8Array
  readonly countedIncomeFen: Float64Array
  readonly adjustedIncomeFen: Float64Array
  readonly marginFen: Float64Array
  readonly dibaoFen: Float64Array
  /** 分类施保 top-ups (0 unless the policy has `categoryTopUps` and the household gets dibao). */
  readonly categoryTopUpFen: Float64Array
  readonly individualInclusionFen: Float64Array
  readonly gradualExitFen: Float64Array
  readonly tekunFen: Float64Array
  readonly totalFen: Float64Array
  readonly warnings: ReadonlyArray<Issue>
}

/** Per-person counted income: a column-wise sum of the supplied, non-excluded income columns. */
const countedPerPerson = (c: Columns, excluded: ReadonlySet<string>): Float64Array => {
  const out = new Float64Array(c.p.count)
  for (const [name, kind] of c.incomeColumns) {
    if (excluded.has(kind)) continue
    const col = c.p[name]
    for (let j = 0; j < out.length; j++) out[j]! += col[j]!
  }
  return out
}

// Obligor flag bits as module constants, so the per-obligor helpers below stay small.
const O_DIBAO = OBLIGOR_FLAG.dibao
const O_TEKUN = OBLIGOR_FLAG.tekun
const O_JUDGMENT = OBLIGOR_FLAG.judgment
const O_AGREEMENT = OBLIGOR_FLAG.agreement

/**
 * Support imputed from obligor `k` of a view, by the shared rule: the view's columns are
 * decoded into the batch's one scratch object `ob` ("0 supported" reads as the household's
 * member count, "0 children" as 1; every unit member is supported).
 */
const supportAt = (
  cfg: SupportImputation,
  lineFen: number,
  ob: ObligorNumbers,
  v: ObligorView,
  k: number,
  members: number,
  inUnit: number
): number => {
  const f = v.flags[k]!
  ob.householdIncomeFen = v.incomeFen[k]!
  ob.householdSize = v.size[k]!
  ob.supportedPersons = v.supported[k]! || members
  ob.supportedInUnit = inUnit
  ob.childrenCount = v.children[k]! || 1
  ob.isDibao = (f & O_DIBAO) !== 0
  ob.isTekun = (f & O_TEKUN) !== 0
  ob.judgmentFen = (f & O_JUDGMENT) !== 0 ? v.judgmentFen[k]! : -1
  ob.agreementFen = (f & O_AGREEMENT) !== 0 ? v.agreementFen[k]! : -1
  ob.actualPaidFen = v.actualFen[k]!
  return imputeSupportFen(cfg, lineFen, ob)
}

/** 特困人员认定办法 art. 8 for obligor `k` of a view: a ground > 0, 0, or NEEDS_DISPOSABLE_LINE. */
const unableAt = (v: ObligorView, k: number, d: number | null): number =>
  obligorUnableFlags(v.age[k]!, v.ownIncomeFen[k]!, v.flags[k]!, d)

/** The rule kernel over validated columns: one pass per household, no allocation per row. */
export const runKernel = (c: Columns, r: Resolved): PopulationAssessment => {
  const { h, p, start, ostart } = c
  const hob = c.householdObligor
  const tob = c.tableObligors
  const H = h.count
  const S = r.line.value
  const tekunOn = r.tekun !== undefined
  const dIncome = countedPerPerson(c, r.excluded)
  const tIncome = tekunOn ? countedPerPerson(c, r.tekunExcluded) : dIncome
  const tekunBasic = r.tekunBasicFen
  const care = r.tekun?.value.care ?? { selfCare: 0, partial: 0, full: 0 }
  const D = r.disposable?.value ?? null
  const a = r.assets.value
  const maxDep = a.maxDepositsPerCapitaFen
  const vehicleRule = a.vehicleDisqualifies
  const maxHomes = a.maxHomes
  const pay = r.payment.value
  const rounding = ROUNDING[pay.rounding]
  const minimum = pay.minimumFen
  let dMed = 0
  let dEdu = 0
  let dDis = 0
  let dRent = 0
  let dEmp = 0
  let dBasic = 0
  // Caps are folded into per-kind limits; an absent kind has limit 0, an uncapped one ∞.
  for (const it of r.deductions.value.items) {
    const cap = it.capFen === null ? Number.POSITIVE_INFINITY : it.capFen
    if (it.kind === "medical") dMed = cap
    else if (it.kind === "education") dEdu = cap
    else if (it.kind === "disabilityCare") dDis = cap
    else if (it.kind === "rent") dRent = cap
    else if (it.kind === "employmentCost") dEmp = cap
    else dBasic = cap
  }
  const support = r.support.value
  // Filled in place for each obligor (see supportAt): no allocation per row.
  const ob: ObligorNumbers = {
    householdIncomeFen: 0,
    householdSize: 1,
    supportedPersons: 1,
    supportedInUnit: 0,
    childrenCount: 1,
    isDibao: false,
    isTekun: false,
    judgmentFen: -1,
    agreementFen: -1,
    actualPaidFen: 0
  }
  const mg = r.marginal?.value
  const gx = r.gradualExit?.value
  const ii = r.individual?.value
  const rh = r.rigid !== undefined && D !== null ? r.rigid.value : undefined

  const age = p.age
  const dk = p.disabilityKind
  const dg = p.disabilityGrade
  const pflags = p.flags
  // Flag bits as locals: loading them from the module object inside the per-person loops made
  // the kernel about 10% slower in the bench.
  const ILL = PERSON_FLAG.catastrophicIllness
  const EMPLOYED = PERSON_FLAG.employed
  const ORPHAN = PERSON_FLAG.choseOrphanBenefit
  const TEKUN_MINOR = PERSON_FLAG.alreadyTekunAsMinor
  const IN_SCHOOL = PERSON_FLAG.inSchool
  const excl = p.excluded
  const scf = p.selfCareFailed

  const status = new Uint8Array(H)
  const unitSize = new Uint8Array(H)
  const tekunMembers = new Uint8Array(H)
  const countedCol = new Float64Array(H)
  const adjustedCol = new Float64Array(H)
  const marginCol = new Float64Array(H)
  const dibaoCol = new Float64Array(H)
  const indivCol = new Float64Array(H)
  const gradualCol = new Float64Array(H)
  const tekunCol = new Float64Array(H)
  const totalCol = new Float64Array(H)
  const topUpCol = new Float64Array(H)
  const tu = r.topUps?.value
  const topUpOn = tu !== undefined
  const topUpSum = tu?.stacking === "sum"
  const elderlyAge = tu?.elderlyAge ?? 0
  const topUpFen = r.topUpFen

  const prePass = tekunOn || maxDep !== null
  // Per-member scratch for the current household (at most 50 members), reused row after row:
  // whether the member lacks work capacity (pre-pass) and whether they were found 特困 (member
  // pass), so the 单人保 pass and the member pass never recompute the 特困 test.
  const lacks = new Uint8Array(51)
  const tekunMember = new Uint8Array(51)
  const anyDeduction = r.deductions.value.items.length > 0
  // Some household had an obligor treated as able only for want of the disposable-income line.
  let obligorLineMissing = false
  for (let i = 0; i < H; i++) {
    const s0 = start[i]!
    const s1 = start[i + 1]!
    let nIncl = 0
    let ableAdult = false
    // Only the 特困 test and a per-capita deposit limit need this pre-pass.
    if (prePass) {
      for (let j = s0; j < s1; j++) {
        if (excl[j] !== 0) continue
        nIncl++
        if (tekunOn) {
          const f = pflags[j]!
          const l = lacksWorkCapacity(age[j]!, dk[j]!, dg[j]!, (f & TEKUN_MINOR) !== 0, (f & IN_SCHOOL) !== 0)
          lacks[j - s0] = l ? 1 : 0
          if (!l && age[j]! >= 18) ableAdult = true
        }
      }
    }
    const assetsPass = !(
      (maxDep !== null && h.depositsFen[i]! > maxDep * nIncl) ||
      (vehicleRule && h.vehicles[i]! > 0) ||
      (maxHomes !== null && h.homes[i]! > maxHomes)
    )
    // Obligors k = o0 … o1−1 are table rows; k = o0 − 1 stands for the household-column one.
    // One loop, and one call site per helper for both kinds, so V8 inlines each helper once.
    const o0 = ostart[i]!
    const o1 = ostart[i + 1]!
    const first = hob.size[i]! > 0 ? o0 - 1 : o0
    // 特困人员认定办法 art. 8: every obligor must be unable to perform. Without the disposable-
    // income line, one who might be unable only on grounds 3–4 is treated as able (needsLine).
    let obligorUnable = tekunOn
    let needsLine = false
    if (tekunOn) {
      for (let k = first; k < o1 && (obligorUnable || (D === null && !needsLine)); k++) {
        const g = unableAt(k < o0 ? hob : tob, k < o0 ? i : k, D)
        if (g <= 0) obligorUnable = false
        if (g === NEEDS_DISPOSABLE_LINE) needsLine = true
      }
    }
    let n = 0
    let counted = 0
    let tekunN = 0
    let tekunFen = 0
    let candidates = 0
    let topUp = 0
    for (let j = s0; j < s1; j++) {
      if (excl[j] !== 0) continue
      const ag = age[j]!
      const k = dk[j]!
      const g = dg[j]!
      const pf = pflags[j]!
      if (tekunOn) {
        tekunMember[j - s0] = 0
        if (lacks[j - s0] === 1) {
          if (needsLine && !ableAdult) obligorLineMissing = true
          if (tIncome[j]! < S && assetsPass && !ableAdult && obligorUnable && (pf & ORPHAN) === 0) {
            const f = scf[j]!
            tekunFen += tekunBasic + (f >= 4 ? care.full : f >= 1 ? care.partial : care.selfCare)
            tekunN++
            tekunMember[j - s0] = 1
            continue
          }
        }
      }
      n++
      counted += dIncome[j]!
      const ill = (pf & ILL) !== 0
      if (ill || severeDisability(k, g)) candidates++
      if (topUpOn) topUp += memberTopUp(ag, k, g, ill, elderlyAge, topUpFen, topUpSum)
    }
    // Every obligor supports every listed member, and every unit member is supported.
    if (n > 0) {
      for (let k = first; k < o1; k++)
        counted += supportAt(support, S, ob, k < o0 ? hob : tob, k < o0 ? i : k, s1 - s0, n)
    }
    const med = h.medicalFen[i]!
    const edu = h.educationFen[i]!
    const dis = h.disabilityCareFen[i]!
    const deductions = anyDeduction
      ? Math.min(med, dMed) +
        Math.min(edu, dEdu) +
        Math.min(dis, dDis) +
        Math.min(h.rentFen[i]!, dRent) +
        Math.min(h.employmentCostFen[i]!, dEmp) +
        Math.min(h.basicLivingFen[i]!, dBasic)
      : 0
    const adjusted = counted > deductions ? counted - deductions : 0
    const ceiling = S * n
    const eligible = n > 0 && assetsPass && adjusted < ceiling
    let st = assetsPass ? 0 : STATUS.assetsFail
    let dibao = 0
    let marginal = false
    let gradual = 0
    let indiv = 0
    if (eligible) {
      st |= STATUS.dibao
      dibao = roundPayment(ceiling - adjusted, rounding, minimum, ceiling)
      if (topUp > 0) topUpCol[i] = topUp
    } else if (n > 0) {
      if (mg !== undefined) {
        marginal =
          assetsPass &&
          belowMultiple(adjusted, ceiling, mg.multiplier) &&
          (mg.perCapitaCapFen === null || adjusted < mg.perCapitaCapFen * n)
        if (marginal) st |= STATUS.marginal
      }
      const prev = h.prevDibaoFen[i]!
      if (
        gx !== undefined &&
        prev > 0 &&
        assetsPass &&
        h.employmentGained[i] === 1 &&
        h.exitMonthsUsed[i]! < gx.months
      ) {
        gradual = prev
        st |= STATUS.gradualExit
      } else if (ii !== undefined && assetsPass && (candidates > 0 || ii.adultSevereDisabledRoute === "always")) {
        const marginalForIi = belowMultiple(adjusted, ceiling, ii.incomeMultiplier)
        for (let j = s0; j < s1; j++) {
          if (excl[j] !== 0) continue
          // Members supported as 特困 are outside the unit.
          if (tekunN > 0 && tekunMember[j - s0] === 1) continue
          const k = dk[j]!
          const g = dg[j]!
          const ag = age[j]!
          const pf = pflags[j]!
          const severe = severeDisability(k, g)
          const art8 = marginalForIi && (severe || (pf & ILL) !== 0)
          const adult = ii.adultSevereDisabledRoute === "always" && ag >= 18 && (pf & EMPLOYED) === 0 && severe
          if (!art8 && !adult) continue
          const own = dIncome[j]!
          const amount = roundPayment(S - own, rounding, minimum, S)
          if (amount > 0) indiv += amount
        }
        if (indiv > 0) st |= STATUS.individualInclusion
      }
      if (rh !== undefined && !marginal && tekunN === 0) {
        const spend = med + edu + dis + (rh.includeBasicLiving ? h.basicLivingFen[i]! : 0)
        if (assetsPass && counted < D! * n && spend > 0 && exceedsShare(spend, counted, rh.ratio)) {
          st |= STATUS.rigidHardship
        }
      }
    }
    if (tekunN > 0) st |= STATUS.tekun
    status[i] = st
    unitSize[i] = n
    tekunMembers[i] = tekunN
    countedCol[i] = counted
    adjustedCol[i] = adjusted
    marginCol[i] = adjusted - ceiling
    dibaoCol[i] = dibao
    indivCol[i] = indiv
    gradualCol[i] = gradual
    tekunCol[i] = tekunFen
    totalCol[i] = dibao + (eligible ? topUp : 0) + indiv + gradual + tekunFen
  }
  return {
    count: H,
    policyId: r.policyId,
    month: r.month,
    status,
    unitSize,
    tekunMembers,
    countedIncomeFen: countedCol,
    adjustedIncomeFen: adjustedCol,
    marginFen: marginCol,
    dibaoFen: dibaoCol,
    categoryTopUpFen: topUpCol,
    individualInclusionFen: indivCol,
    gradualExitFen: gradualCol,
    tekunFen: tekunCol,
    totalFen: totalCol,
    warnings: withMissingLine(r, obligorLineMissing)
  }
}

/** The resolved warnings, plus what the missing disposable-income line kept from being assessed. */
const withMissingLine = (r: Resolved, obligorLineMissing: boolean): ReadonlyArray<Issue> => {
  const extra = missingDisposableWarnings(r, obligorLineMissing)
  return extra.length === 0 ? r.warnings : [...r.warnings, ...extra]
}

/** Validates the policy and options shared by the batch entry points. */
export const preparePolicy = (policy: unknown, options: unknown): Result<Resolved, InvalidInputError> => {
  let p: Policy | undefined
  const issues: Array<Issue> = []
  if (isDefinedPolicy(policy)) p = policy
  else {
    const d = definePolicy(policy)
    if (d.ok) p = d.value
    else issues.push(...d.error.issues.map((i) => ({ ...i, path: ["policy", ...i.path] })))
  }
  const o = validate(AssessOptions, options)
  if (!o.ok) issues.push(...o.error.issues.map((i) => ({ ...i, path: ["options", ...i.path] })))
  if (p === undefined || !o.ok) return err(new InvalidInputError(issues))
  return resolve(p, o.value.month, o.value.onStale)
}

/**
 * Assesses every household of a columnar {@link Population} under one policy and month, with
 * the same rules as {@link assessHousehold} (results agree row by row), in one pass over
 * typed arrays. The whole batch is validated first: on any error nothing is computed.
 *
 * @example
 * ```ts
 * import { assessPopulation, policies } from "@jiceng/relief-calculator"
 * const pop = {
 *   households: { count: 2 },
 *   persons: { count: 3, household: Int32Array.of(0, 0, 1), age: Uint8Array.of(38, 10, 45), wagesFen: Float64Array.of(200000, 0, 500000) }
 * }
 * const r = assessPopulation(pop, policies.beijing, { month: "2024-08" })
 * r.ok && Array.from(r.value.dibaoFen) //=> [90000, 0]
 * ```
 * @since 0.1.0
 * @category populations
 */
export const assessPopulation = (
  population: unknown,
  policy: unknown,
  options: unknown
): Result<PopulationAssessment, InvalidInputError> => {
  const r = preparePolicy(policy, options)
  if (!r.ok) return r
  const c = validatePopulation(population)
  if (!c.ok) return c
  return ok(runKernel(c.value, r.value))
}
