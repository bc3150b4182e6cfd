import { err, InvalidInputError, type Issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { missingDisposableWarnings, type Resolved, resolve } from "./internal/resolve.ts"
import {
  imputeSupportFen,
  lacksWorkCapacity,
  memberTopUp,
  obligorUnableFlags,
  ROUNDING,
  roundPayment,
  STATUS,
  severeDisability
} from "./internal/rules.ts"
import { definePolicy, isDefinedPolicy, type Policy } from "./Policy.ts"
import { type Columns, validatePopulation } from "./Population.ts"

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

const Options = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM"),
  onStale: z.enum(["warn", "error"]).optional()
})

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

/** The rule kernel over validated columns: one pass per household, no allocation per row. */
export const runKernel = (c: Columns, r: Resolved): PopulationAssessment => {
  const { h, p, o, start, ostart } = c
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
  const mg = r.marginal?.value
  const gx = r.gradualExit?.value
  const ii = r.individual?.value
  const rh = r.rigid !== undefined && D !== null ? r.rigid.value : undefined

  const age = p.age
  const dk = p.disabilityKind
  const dg = p.disabilityGrade
  const pflags = p.flags
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
  const anyDeduction = r.deductions.value.items.length > 0
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
        if (tekunOn && age[j]! >= 18 && !lacksWorkCapacity(age[j]!, dk[j]!, dg[j]!, pflags[j]!)) ableAdult = true
      }
    }
    const assetsPass = !(
      (maxDep !== null && h.depositsFen[i]! > maxDep * nIncl) ||
      (vehicleRule && h.vehicles[i]! > 0) ||
      (maxHomes !== null && h.homes[i]! > maxHomes)
    )
    const hasObligor = h.obligorSize[i]! > 0
    const o0 = ostart[i]!
    const o1 = ostart[i + 1]!
    // 特困人员认定办法 art. 8: every obligor must be unable to perform.
    let obligorUnable =
      tekunOn && (!hasObligor || obligorUnableFlags(h.obligorAge[i]!, h.obligorOwnIncomeFen[i]!, h.obligorFlags[i]!, D))
    for (let k = o0; k < o1 && obligorUnable; k++) {
      obligorUnable = obligorUnableFlags(o.age[k]!, o.ownIncomeFen[k]!, o.flags[k]!, D)
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
      if (tekunOn && lacksWorkCapacity(ag, k, g, pflags[j]!)) {
        const own = tIncome[j]!
        if (own < S && assetsPass && !ableAdult && obligorUnable && (pflags[j]! & 4) === 0) {
          const f = scf[j]!
          tekunFen += tekunBasic + (f >= 4 ? care.full : f >= 1 ? care.partial : care.selfCare)
          tekunN++
          continue
        }
      }
      n++
      counted += dIncome[j]!
      if ((pflags[j]! & 1) !== 0 || severeDisability(k, g)) candidates++
      if (topUpOn) topUp += memberTopUp(ag, k, g, (pflags[j]! & 1) !== 0, elderlyAge, topUpFen, topUpSum)
    }
    if (hasObligor && n > 0) {
      const of = h.obligorFlags[i]!
      counted += imputeSupportFen(
        support,
        S,
        h.obligorIncomeFen[i]!,
        h.obligorSize[i]!,
        h.obligorSupported[i]! || s1 - s0,
        n,
        h.obligorChildren[i]! || 1,
        (of & 1) !== 0,
        (of & 2) !== 0,
        (of & 32) !== 0 ? h.obligorJudgmentFen[i]! : -1,
        (of & 64) !== 0 ? h.obligorAgreementFen[i]! : -1,
        h.obligorActualFen[i]!
      )
    }
    if (n > 0) {
      for (let k = o0; k < o1; k++) {
        const of = o.flags[k]!
        counted += imputeSupportFen(
          support,
          S,
          o.incomeFen[k]!,
          o.size[k]!,
          o.supported[k]! || s1 - s0,
          n,
          o.children[k]! || 1,
          (of & 1) !== 0,
          (of & 2) !== 0,
          (of & 32) !== 0 ? o.judgmentFen[k]! : -1,
          (of & 64) !== 0 ? o.agreementFen[k]! : -1,
          o.actualFen[k]!
        )
      }
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
          adjusted * mg.multiplier.denominator < mg.multiplier.numerator * ceiling &&
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
        const marginalForIi = adjusted * ii.incomeMultiplier.denominator < ii.incomeMultiplier.numerator * ceiling
        for (let j = s0; j < s1; j++) {
          if (excl[j] !== 0) continue
          const k = dk[j]!
          const g = dg[j]!
          const ag = age[j]!
          if (tekunN > 0 && tekunOn && lacksWorkCapacity(ag, k, g, pflags[j]!)) {
            // Members already supported as 特困 are outside the unit; recompute their test.
            const own = tIncome[j]!
            if (own < S && assetsPass && !ableAdult && obligorUnable && (pflags[j]! & 4) === 0) continue
          }
          const severe = severeDisability(k, g)
          const art8 = marginalForIi && (severe || (pflags[j]! & 1) !== 0)
          const adult = ii.adultSevereDisabledRoute === "always" && ag >= 18 && (pflags[j]! & 2) === 0 && severe
          if (!art8 && !adult) continue
          const own = dIncome[j]!
          const amount = roundPayment(S - own, rounding, minimum, S)
          if (amount > 0) indiv += amount
        }
        if (indiv > 0) st |= STATUS.individualInclusion
      }
      if (rh !== undefined && !marginal && tekunN === 0) {
        const spend = med + edu + dis + (rh.includeBasicLiving ? h.basicLivingFen[i]! : 0)
        if (
          assetsPass &&
          counted < D! * n &&
          spend > 0 &&
          spend * rh.ratio.denominator > rh.ratio.numerator * counted
        ) {
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
    warnings: D === null ? [...r.warnings, ...missingDisposableWarnings(r)] : r.warnings
  }
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
  const o = validate(Options, options)
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
