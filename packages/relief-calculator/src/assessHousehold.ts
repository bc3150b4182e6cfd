import {
  err,
  formatYuan,
  InvalidInputError as InvalidInput,
  type InvalidInputError,
  type Issue,
  ok,
  type Result,
  validate
} from "@jiceng/core"
import type { ParameterUsed, Step } from "./Explanation.ts"
import { AssessOptions, DisabilityKind, Household, type Member, type Obligor } from "./Household.ts"
import { cite } from "./internal/citations.ts"
import { obligorGroundsNotAssessed, type Param, type Resolved, resolve, rigidNotAssessed } from "./internal/resolve.ts"
import {
  belowMultiple,
  CAPACITY,
  careTier,
  exceedsShare,
  imputeSupport,
  memberTopUp,
  NEEDS_DISPOSABLE_LINE,
  type ObligorNumbers,
  type ObligorStatus,
  obligorUnableGround,
  ROUNDING,
  roundPayment,
  STATUS,
  type SupportBasis,
  severeDisability,
  workCapacity
} from "./internal/rules.ts"
import { definePolicy, isDefinedPolicy, type Policy } from "./Policy.ts"

/**
 * The assessment of one household for one month: every programme's outcome and amount in fen,
 * the explanation steps, and any stale-parameter warnings.
 *
 * @example
 * ```ts
 * import type { HouseholdAssessment } from "@jiceng/relief-calculator"
 * const total = (a: HouseholdAssessment) => a.totalFen
 * ```
 * @since 0.1.0
 * @category calculators
 */
export interface HouseholdAssessment {
  readonly policyId: string
  readonly month: string
  readonly lineFen: number
  readonly unit: {
    readonly members: ReadonlyArray<string>
    readonly excluded: ReadonlyArray<{ readonly id: string; readonly reason: string }>
    readonly size: number
  }
  /** Counted income of the dibao unit, including imputed support, before deductions. */
  readonly countedIncomeFen: number
  readonly imputedSupportFen: number
  readonly deductionsFen: number
  readonly adjustedIncomeFen: number
  readonly assetsPass: boolean
  readonly dibao: {
    readonly eligible: boolean
    readonly amountFen: number
    readonly ceilingFen: number
    /** Adjusted income minus line × unit size: ≥ 0 means ineligible by that many fen. */
    readonly marginFen: number
  }
  readonly marginal: boolean
  readonly individualInclusion: {
    readonly amountFen: number
    readonly members: ReadonlyArray<{
      readonly id: string
      readonly route: "art8" | "adultSevereDisabled"
      readonly amountFen: number
    }>
  }
  readonly gradualExit: { readonly active: boolean; readonly amountFen: number; readonly monthsRemaining: number }
  readonly rigidHardship: boolean
  readonly tekun: {
    readonly amountFen: number
    readonly members: ReadonlyArray<{
      readonly id: string
      readonly tier: "selfCare" | "partial" | "full"
      readonly basicFen: number
      readonly careFen: number
      readonly amountFen: number
    }>
  }
  /** 分类施保: top-ups for members of a dibao household in the policy's categories. */
  readonly categoryTopUp: {
    readonly amountFen: number
    readonly members: ReadonlyArray<{
      readonly id: string
      readonly categories: ReadonlyArray<"elderly" | "minor" | "severeDisability" | "seriousIllness">
      readonly amountFen: number
    }>
  }
  readonly totalFen: number
  /** Bit flags: dibao 1, marginal 2, individualInclusion 4, gradualExit 8, rigidHardship 16, tekun 32, assetsFail 64. */
  readonly status: number
  readonly steps: ReadonlyArray<Step>
  readonly warnings: ReadonlyArray<Issue>
}

const y = (fen: number): string => `¥${formatYuan(fen)}`
// Resolved parameters are cached per (policy, month), so their explanation records are too.
const usedCache = new WeakMap<object, ParameterUsed>()
const used = <T>(p: Param<T>): ParameterUsed => {
  let u = usedCache.get(p)
  if (u === undefined) {
    u = { name: p.name, value: p.value, from: p.entry.from, to: p.entry.to, source: p.entry.source }
    usedCache.set(p, u)
  }
  return u
}
const TIERS = ["selfCare", "partial", "full"] as const
const TIER_ZH = ["具备自理能力", "部分丧失", "完全丧失"] as const
const TIER_EN = ["self-care", "partially lost", "fully lost"] as const
const EXCLUSION_ZH: Record<string, string> = {
  clergyAway3Years: "宗教教职人员离家3年以上",
  imprisoned: "服刑",
  compulsoryRehab: "强制隔离戒毒",
  missing: "宣告失踪"
}
const BASIS_ZH: Record<SupportBasis, string> = {
  formula: "按公式推算",
  judgment: "按判决/调解/裁决书",
  agreement: "按书面协议",
  actual: "按实际给付",
  exempt: "义务人属低保或特困，免计",
  unable: "义务人收入未超过门槛，视为无力给付",
  none: "无可计入的赡（抚、扶）养费"
}
const BASIS_EN: Record<SupportBasis, string> = {
  formula: "imputed by the policy's formula",
  judgment: "as set by a judgment, mediation or award",
  agreement: "as set by a written agreement",
  actual: "the amount actually paid",
  exempt: "obligor is on dibao or 特困, so nothing is imputed",
  unable: "obligor's income is not above the threshold, so treated as unable to pay",
  none: "no support counted"
}

export const disabilityCode = (m: Member): number =>
  m.disability === undefined ? 0 : DisabilityKind.options.indexOf(m.disability.kind) + 1
export const disabilityGrade = (m: Member): number => m.disability?.grade ?? 0
/** 特困 condition 1 (art. 5), with the continuation for minors already supported (note under art. 24). */
const capacityOf = (m: Member): 0 | 1 | 2 =>
  workCapacity(m.age, disabilityCode(m), disabilityGrade(m), m.alreadyTekunAsMinor === true, m.inSchool === true)

const memberIncome = (m: Member, excluded: ReadonlySet<string>): { counted: number; excludedFen: number } => {
  let counted = 0
  let excludedFen = 0
  for (const item of m.incomes) {
    if (excluded.has(item.kind)) excludedFen += item.amountFen
    else counted += item.amountFen
  }
  return { counted: counted - (m.transferOutFen ?? 0), excludedFen }
}

const obligorNumbers = (o: Obligor, supportedInUnit: number): Readonly<ObligorNumbers> => ({
  householdIncomeFen: o.householdIncomeFen,
  householdSize: o.householdSize,
  supportedPersons: o.supportedPersons ?? o.supports.length,
  supportedInUnit,
  childrenCount: o.childrenCount ?? 1,
  isDibao: o.isDibao ?? false,
  isTekun: o.isTekun ?? false,
  judgmentFen: o.judgmentFen ?? -1,
  agreementFen: o.agreementFen ?? -1,
  actualPaidFen: o.actualPaidFen ?? 0
})

const obligorStatus = (o: Obligor): ObligorStatus => ({
  age: o.age,
  ownIncomeFen: o.ownIncomeFen,
  isDibao: o.isDibao ?? false,
  isTekun: o.isTekun ?? false,
  severeDisability: o.severeDisability ?? false,
  lacksCapacity: o.lacksCapacity ?? false,
  lowIncomeAssets: o.lowIncomeAssets ?? false
})

const GROUND_ZH = [
  "",
  "本人为特困人员",
  "60周岁以上的低保对象",
  "70周岁以上且收入、财产符合条件",
  "重度残疾且收入、财产符合条件",
  "无民事行为能力、失踪或服刑且财产符合条件"
]
const GROUND_EN = [
  "",
  "is a 特困 person",
  "is a dibao recipient aged 60+",
  "is 70+ with income and assets under the limits",
  "is severely disabled with income and assets under the limits",
  "lacks capacity, is missing or imprisoned, with assets under the limits"
]

/** Core computation over a parsed household and resolved parameters; shared with the columnar self-check. */
export const assessParsed = (h: Household, r: Resolved): HouseholdAssessment => {
  const steps: Array<Step> = []
  const S = r.line.value
  const lineParam = used(r.line)

  // 1. Membership (最低生活保障审核确认办法 art. 7).
  const included: Array<Member> = []
  const excludedMembers: Array<{ id: string; reason: string }> = []
  for (const m of h.members) {
    if (m.excluded !== undefined) excludedMembers.push({ id: m.id, reason: m.excluded })
    else included.push(m)
  }
  steps.push({
    id: "membership",
    title: { zh: "共同生活家庭成员", en: "Household members" },
    citations: [cite.s2art7],
    inputs: { listed: h.members.length, included: included.length, excluded: excludedMembers.length },
    parameters: [],
    text: {
      zh: `申报 ${h.members.length} 人，计入 ${included.length} 人${excludedMembers.length > 0 ? `；不计入：${excludedMembers.map((e) => `${e.id}（${EXCLUSION_ZH[e.reason]}）`).join("、")}` : ""}。`,
      en: `${h.members.length} listed, ${included.length} counted${excludedMembers.length > 0 ? `; not counted: ${excludedMembers.map((e) => `${e.id} (${e.reason})`).join(", ")}` : ""}.`
    }
  })

  // 2. Assets (art. 14; limits are local).
  const a = r.assets.value
  const deposits = h.assets?.depositsFen ?? 0
  const vehicles = h.assets?.vehicles ?? 0
  const homes = h.assets?.homes ?? 0
  const depositFail = a.maxDepositsPerCapitaFen !== null && deposits > a.maxDepositsPerCapitaFen * included.length
  const vehicleFail = a.vehicleDisqualifies && vehicles > 0
  const homeFail = a.maxHomes !== null && homes > a.maxHomes
  const assetsPass = !depositFail && !vehicleFail && !homeFail
  steps.push({
    id: "assets",
    title: { zh: "家庭财产", en: "Assets" },
    citations: [cite.s2art14],
    inputs: { depositsFen: deposits, vehicles, homes },
    parameters: [used(r.assets)],
    outcome: assetsPass,
    text: assetsPass
      ? { zh: "家庭财产符合当地规定。", en: "Assets are within the local limits." }
      : {
          zh: `家庭财产不符合规定：${[depositFail ? "存款超过人均上限" : "", vehicleFail ? "拥有机动车" : "", homeFail ? `住房 ${homes} 套超过 ${a.maxHomes} 套` : ""].filter(Boolean).join("；")}。`,
          en: `Assets exceed the local limits: ${[depositFail ? "deposits above the per-capita cap" : "", vehicleFail ? "owns a motor vehicle" : "", homeFail ? `${homes} homes, more than ${a.maxHomes}` : ""].filter(Boolean).join("; ")}.`
        }
  })

  // 3. 特困 per member (特困人员认定办法 arts. 4–9). Cohabiting adults with work capacity are
  // treated as able supporters: the household data carries no kinship, and art. 8 needs one.
  const tekunMembers: Array<HouseholdAssessment["tekun"]["members"][number]> = []
  const tekunIds = new Set<string>()
  let missingDisposableLine = false
  if (r.tekun !== undefined) {
    const d = r.disposable?.value ?? null
    // Condition 1 once per member: able, no work capacity, or continued support as a minor.
    const capacity = included.map(capacityOf)
    const ableAdult = included.some((m, i) => m.age >= 18 && capacity[i] === CAPACITY.able)
    for (const [i, m] of included.entries()) {
      if (capacity[i] === CAPACITY.able) continue
      const continued = capacity[i] === CAPACITY.continuedAsMinor
      const own = memberIncome(m, r.tekunExcluded)
      const ownIncome = Math.max(own.counted, 0)
      const c2 = ownIncome < S && assetsPass
      const obligors = (h.obligors ?? []).filter((o) => o.supports.includes(m.id))
      const grounds = obligors.map((o) => obligorUnableGround(obligorStatus(o), d))
      const c3 = !ableAdult && grounds.every((g) => g > 0)
      // Grounds 3 and 4 compare the obligor's income with the disposable-income line; without
      // it an obligor who might be unable on those grounds is treated as able, and we say so.
      const undetermined = obligors.filter((_, j) => grounds[j] === NEEDS_DISPOSABLE_LINE)
      if (undetermined.length > 0 && !ableAdult) missingDisposableLine = true
      const undeterminedIds = undetermined.map((o) => o.id).join("、")
      const undeterminedIdsEn = undetermined.map((o) => o.id).join(", ")
      const orphan = m.choseOrphanBenefit === true
      const qualifies = c2 && c3 && !orphan
      const tier = careTier(m.selfCareFailed ?? 0)
      const careFen =
        tier === 2 ? r.tekun.value.care.full : tier === 1 ? r.tekun.value.care.partial : r.tekun.value.care.selfCare
      const amount = qualifies ? r.tekunBasicFen + careFen : 0
      const capacityZh = continued
        ? `已享受特困供养的未成年人，保障至18周岁${m.age >= 18 ? "（仍在校就读，继续保障）" : ""}`
        : "无劳动能力"
      const capacityEn = continued
        ? `Already supported as a minor, so support is kept until 18${m.age >= 18 ? " (and beyond while in school)" : ""}`
        : "No capacity to work"
      const ableOther = grounds.includes(0)
      const obligorReasonZh = ableAdult
        ? "共同生活的成年家庭成员有劳动能力"
        : [
            ableOther ? "有能够履行义务的义务人" : "",
            undetermined.length > 0
              ? `义务人 ${undeterminedIds} 按有履行能力处理：政策没有上年居民人均可支配收入标准（disposableIncomeLine），无法适用特困人员认定办法第八条第三、四项`
              : ""
          ]
            .filter(Boolean)
            .join("；")
      const obligorReasonEn = ableAdult
        ? "an adult household member can work"
        : [
            ableOther ? "an obligor is able to perform" : "",
            undetermined.length > 0
              ? `obligor ${undeterminedIdsEn} is treated as able: the policy has no disposableIncomeLine, so art. 8(3)–(4) cannot be applied`
              : ""
          ]
            .filter(Boolean)
            .join("; ")
      steps.push({
        id: `tekun.${m.id}`,
        title: { zh: `特困人员认定：${m.id}`, en: `Extreme-poverty support: ${m.id}` },
        citations: [
          cite.s3art4,
          cite.s3art5,
          cite.s3art6,
          cite.s3art8,
          cite.s3art22,
          cite.s1art15,
          ...(continued ? [cite.s3art24] : [])
        ],
        inputs: {
          age: m.age,
          ownIncomeFen: ownIncome,
          obligors: obligors.length,
          ableCohabitingAdult: ableAdult,
          selfCareFailed: m.selfCareFailed ?? 0,
          continuedAsMinor: continued,
          obligorsTreatedAsAbleWithoutDisposableLine: undetermined.map((o) => o.id).join(",")
        },
        parameters: [lineParam, used(r.tekun), ...(r.disposable ? [used(r.disposable)] : [])],
        outcome: qualifies,
        ...(qualifies ? { amountFen: amount, payment: true } : {}),
        text: qualifies
          ? {
              zh: `${capacityZh}；本人收入 ${y(ownIncome)} 低于低保标准 ${y(S)}；${obligors.length === 0 ? "无法定义务人" : `义务人均无履行能力（${grounds.map((g) => GROUND_ZH[g]).join("、")}）`}。生活自理能力：${TIER_ZH[tier]}。供养标准 = 基本生活 ${y(r.tekunBasicFen)} + 照料护理 ${y(careFen)} = ${y(amount)}，自认定次月起发放。`,
              en: `${capacityEn}; own income ${y(ownIncome)} is below the line ${y(S)}; ${obligors.length === 0 ? "no statutory supporter" : `every obligor is unable to perform (${grounds.map((g) => GROUND_EN[g]).join(", ")})`}. Self-care: ${TIER_EN[tier]}. Support = basic ${y(r.tekunBasicFen)} + care ${y(careFen)} = ${y(amount)}, from the month after confirmation.`
            }
          : {
              zh: `不认定为特困人员：${[!c2 ? (assetsPass ? `本人收入 ${y(ownIncome)} 不低于低保标准 ${y(S)}` : "财产不符合规定") : "", !c3 ? obligorReasonZh : "", orphan ? "选择了孤儿保障" : ""].filter(Boolean).join("；")}。`,
              en: `Not 特困: ${[!c2 ? (assetsPass ? `own income ${y(ownIncome)} is not below the line ${y(S)}` : "assets exceed the limits") : "", !c3 ? obligorReasonEn : "", orphan ? "chose the orphan benefit" : ""].filter(Boolean).join("; ")}.`
            }
      })
      if (qualifies) {
        tekunIds.add(m.id)
        tekunMembers.push({ id: m.id, tier: TIERS[tier], basicFen: r.tekunBasicFen, careFen, amountFen: amount })
      }
    }
  }
  let tekunFen = 0
  for (const t of tekunMembers) tekunFen += t.amountFen

  // 4. Dibao unit and counted income (art. 13). 特困 members are supported separately.
  const unit = tekunIds.size === 0 ? included : included.filter((m) => !tekunIds.has(m.id))
  const n = unit.length
  let counted = 0
  let excludedFen = 0
  const ownCounted = new Map<string, number>()
  for (const m of unit) {
    const inc = memberIncome(m, r.excluded)
    counted += inc.counted
    excludedFen += inc.excludedFen
    ownCounted.set(m.id, Math.max(inc.counted, 0))
  }
  if (counted < 0) counted = 0
  steps.push({
    id: "income",
    title: { zh: "家庭收入", en: "Counted income" },
    citations: [cite.s2art13],
    inputs: { unitSize: n, countedFen: counted, excludedFen },
    parameters: [used(r.income)],
    amountFen: counted,
    text: {
      zh: `${n} 名成员计入收入 ${y(counted)}；按规定不计入 ${y(excludedFen)}（${r.income.value.excluded.join("、")}）。`,
      en: `${n} members have counted income ${y(counted)}; ${y(excludedFen)} is not counted (${r.income.value.excluded.join(", ")}).`
    }
  })

  // 5. Support owed by relatives living apart (transfer income, art. 13(4)).
  let imputed = 0
  const unitIds = new Set(unit.map((m) => m.id))
  for (const o of h.obligors ?? []) {
    let inUnit = 0
    for (const id of o.supports) if (unitIds.has(id)) inUnit++
    if (inUnit === 0) continue
    const on = obligorNumbers(o, inUnit)
    const supportedPersons = on.supportedPersons
    const s = imputeSupport(r.support.value, S, on)
    imputed += s.amountFen
    const perPerson = s.basis === "formula" && r.support.value.divideBy === "supportedPersons"
    steps.push({
      id: `support.${o.id}`,
      title: { zh: `赡（抚、扶）养费：${o.id}`, en: `Support from ${o.id}` },
      citations: [cite.s2art13, r.support.entry.source],
      inputs: {
        obligorHouseholdIncomeFen: o.householdIncomeFen,
        obligorHouseholdSize: o.householdSize,
        supportedPersons,
        supportedInUnit: inUnit,
        perPersonShareFen: s.shareFen,
        actualPaidFen: o.actualPaidFen ?? 0,
        basis: s.basis
      },
      parameters: [lineParam, used(r.support)],
      amountFen: s.amountFen,
      text: perPerson
        ? {
            zh: `计入 ${y(s.amountFen)}：${BASIS_ZH[s.basis]}（方案 ${r.support.value.variant}），义务人可负担部分由 ${supportedPersons} 名受赡（抚、扶）养人平分，每人 ${y(s.shareFen)} × 本户 ${inUnit} 人。`,
            en: `Counted ${y(s.amountFen)}: ${BASIS_EN[s.basis]} (variant ${r.support.value.variant}), the obligor's capacity shared by ${supportedPersons} supported people: ${y(s.shareFen)} per person × ${inUnit} in this household.`
          }
        : {
            zh: `计入 ${y(s.amountFen)}：${BASIS_ZH[s.basis]}（方案 ${r.support.value.variant}）。`,
            en: `Counted ${y(s.amountFen)}: ${BASIS_EN[s.basis]} (variant ${r.support.value.variant}).`
          }
    })
  }
  const countedIncome = counted + imputed

  // 6. Rigid-expenditure deductions (discretionary, art. 13 last paragraph).
  let deductions = 0
  const rigid = h.rigidExpenditure ?? {}
  for (const item of r.deductions.value.items) {
    const v = rigid[item.kind] ?? 0
    deductions += item.capFen !== null && v > item.capFen ? item.capFen : v
  }
  const adjusted = countedIncome > deductions ? countedIncome - deductions : 0
  if (r.deductions.value.items.length > 0) {
    steps.push({
      id: "deductions",
      title: { zh: "刚性支出扣减", en: "Rigid-expenditure deductions" },
      citations: [cite.s2art13, r.deductions.entry.source],
      inputs: { countedIncomeFen: countedIncome, deductionsFen: deductions },
      parameters: [used(r.deductions)],
      amountFen: adjusted,
      text: {
        zh: `扣减刚性支出 ${y(deductions)}（${r.deductions.value.items.map((i) => i.kind).join("、")}），核算收入 ${y(adjusted)}。`,
        en: `Deducting rigid expenditure of ${y(deductions)} (${r.deductions.value.items.map((i) => i.kind).join(", ")}) leaves ${y(adjusted)}.`
      }
    })
  }

  // 7. Dibao eligibility: per-capita income strictly below the line (社会救助暂行办法 art. 9),
  // tested as adjusted < S × n so no per-capita division happens.
  const ceiling = S * n
  const margin = adjusted - ceiling
  const eligible = n > 0 && assetsPass && adjusted < ceiling
  steps.push({
    id: "dibao.eligibility",
    title: { zh: "低保资格", en: "Dibao eligibility" },
    citations: [cite.s1art9],
    inputs: { adjustedIncomeFen: adjusted, unitSize: n, lineFen: S, assetsPass },
    parameters: [lineParam],
    outcome: eligible,
    text:
      n === 0
        ? { zh: "低保核算单位中没有成员。", en: "No member is left in the dibao unit." }
        : eligible
          ? {
              zh: `核算收入 ${y(adjusted)} 低于 低保标准 ${y(S)} × ${n} 人 = ${y(ceiling)}，差 ${y(-margin)}：符合条件。`,
              en: `Income ${y(adjusted)} is below the line ${y(S)} × ${n} = ${y(ceiling)} by ${y(-margin)}: eligible.`
            }
          : !assetsPass
            ? { zh: "财产不符合规定，不符合低保条件。", en: "Assets exceed the limits: not eligible." }
            : margin === 0
              ? {
                  zh: `核算收入 ${y(adjusted)} 恰好等于 低保标准 ${y(S)} × ${n} 人；须"低于"标准，不符合条件。`,
                  en: `Income ${y(adjusted)} equals the line ${y(S)} × ${n}; it must be strictly below: not eligible.`
                }
              : {
                  zh: `核算收入 ${y(adjusted)} 高于 低保标准 ${y(S)} × ${n} 人 = ${y(ceiling)}，超出 ${y(margin)}：不符合条件。`,
                  en: `Counted income ${y(adjusted)} is ${y(margin)} above the line ${y(S)} × ${n} = ${y(ceiling)}: not eligible.`
                }
  })
  const pay = r.payment.value
  const gap = ceiling - adjusted
  const dibaoFen = eligible ? roundPayment(gap, ROUNDING[pay.rounding], pay.minimumFen, ceiling) : 0
  if (eligible) {
    steps.push({
      id: "dibao.amount",
      title: { zh: "低保金（差额补助）", en: "Dibao amount (gap method)" },
      citations: [cite.s1art12, cite.s2art23],
      inputs: { lineFen: S, unitSize: n, adjustedIncomeFen: adjusted, gapFen: gap },
      parameters: [lineParam, used(r.payment)],
      amountFen: dibaoFen,
      payment: true,
      text: {
        zh: `${y(S)} × ${n} − ${y(adjusted)} = ${y(gap)}${dibaoFen !== gap ? `；按取整与最低发放规则（${pay.rounding}，最低 ${y(pay.minimumFen)}）为 ${y(dibaoFen)}` : ""}。每月发放 ${y(dibaoFen)}，自审批次月起。`,
        en: `${y(S)} × ${n} − ${y(adjusted)} = ${y(gap)}${dibaoFen !== gap ? `; after rounding (${pay.rounding}) and the minimum payment (${y(pay.minimumFen)}): ${y(dibaoFen)}` : ""}. Paid ${y(dibaoFen)} a month from the month after approval.`
      }
    })
  }

  // 7b. 分类施保: local top-ups for members of a dibao household (e.g. 上海市社会救助条例 art. 16).
  const topUpMembers: Array<HouseholdAssessment["categoryTopUp"]["members"][number]> = []
  let topUpFen = 0
  if (eligible && r.topUps !== undefined) {
    const tu = r.topUps.value
    const sum = tu.stacking === "sum"
    for (const m of unit) {
      const k = disabilityCode(m)
      const g = disabilityGrade(m)
      const amount = memberTopUp(m.age, k, g, m.catastrophicIllness === true, tu.elderlyAge, r.topUpFen, sum)
      if (amount <= 0) continue
      const categories: Array<"elderly" | "minor" | "severeDisability" | "seriousIllness"> = []
      if (m.age >= tu.elderlyAge && r.topUpFen[0] >= 0) categories.push("elderly")
      if (m.age < 18 && r.topUpFen[1] >= 0) categories.push("minor")
      if (severeDisability(k, g) && r.topUpFen[2] >= 0) categories.push("severeDisability")
      if (m.catastrophicIllness === true && r.topUpFen[3] >= 0) categories.push("seriousIllness")
      topUpMembers.push({ id: m.id, categories, amountFen: amount })
      topUpFen += amount
    }
    const zhCat = { elderly: "老年人", minor: "未成年人", severeDisability: "重度残疾人", seriousIllness: "重病患者" }
    steps.push({
      id: "categoryTopUp",
      title: { zh: "分类施保", en: "Category top-ups (分类施保)" },
      citations: [r.topUps.entry.source],
      inputs: { members: topUpMembers.length, stacking: tu.stacking, elderlyAge: tu.elderlyAge },
      parameters: [lineParam, used(r.topUps)],
      amountFen: topUpFen,
      payment: true,
      text:
        topUpMembers.length === 0
          ? {
              zh: "低保家庭中没有属于分类施保类别的成员。",
              en: "No member of the dibao household is in a top-up category."
            }
          : {
              zh: `分类施保${sum ? "（各类别累加）" : "（取最高类别）"}：${topUpMembers.map((t) => `${t.id}（${t.categories.map((c) => zhCat[c]).join("、")}）${y(t.amountFen)}`).join("；")}，合计 ${y(topUpFen)}。`,
              en: `Category top-ups (${sum ? "summed over categories" : "highest category"}): ${topUpMembers.map((t) => `${t.id} (${t.categories.join(", ")}) ${y(t.amountFen)}`).join("; ")}; total ${y(topUpFen)}.`
            }
    })
  }

  // 8. Marginal household (art. 8; 1.5 × S by default).
  let marginal = false
  if (r.marginal !== undefined && !eligible && n > 0) {
    const mm = r.marginal.value
    marginal =
      assetsPass &&
      belowMultiple(adjusted, ceiling, mm.multiplier) &&
      (mm.perCapitaCapFen === null || adjusted < mm.perCapitaCapFen * n)
    steps.push({
      id: "marginal",
      title: { zh: "低保边缘家庭", en: "Marginal household" },
      citations: [cite.s2art8, cite.s6],
      inputs: { adjustedIncomeFen: adjusted, unitSize: n, lineFen: S },
      parameters: [lineParam, used(r.marginal)],
      outcome: marginal,
      text: marginal
        ? {
            zh: `人均收入低于低保标准的 ${mm.multiplier.numerator}/${mm.multiplier.denominator} 倍：认定为低保边缘家庭（可享专项救助，无低保金）。`,
            en: `Per-capita income is below ${mm.multiplier.numerator}/${mm.multiplier.denominator} × the line: a marginal household (special assistance, no cash).`
          }
        : {
            zh: `人均收入不低于低保标准的 ${mm.multiplier.numerator}/${mm.multiplier.denominator} 倍或财产不符：不是低保边缘家庭。`,
            en: `Per-capita income is not below ${mm.multiplier.numerator}/${mm.multiplier.denominator} × the line, or assets fail: not marginal.`
          }
    })
  }

  // 9. Gradual exit (art. 33; ≤ 6 months per the 2022 notice).
  let gradualActive = false
  let gradualFen = 0
  let monthsRemaining = 0
  if (r.gradualExit !== undefined && h.previous !== undefined && !eligible) {
    const g = r.gradualExit.value
    const prev = h.previous
    gradualActive = assetsPass && n > 0 && prev.dibaoFen > 0 && prev.employmentGained && prev.exitMonthsUsed < g.months
    if (gradualActive) {
      gradualFen = prev.dibaoFen
      monthsRemaining = g.months - prev.exitMonthsUsed - 1
    }
    steps.push({
      id: "gradualExit",
      title: { zh: "低保渐退", en: "Gradual exit" },
      citations: [cite.s2art33, cite.s5],
      inputs: {
        previousDibaoFen: prev.dibaoFen,
        exitMonthsUsed: prev.exitMonthsUsed,
        employmentGained: prev.employmentGained
      },
      parameters: [used(r.gradualExit)],
      outcome: gradualActive,
      ...(gradualActive ? { amountFen: gradualFen, payment: true } : {}),
      text: gradualActive
        ? {
            zh: `因就业收入超过标准，进入渐退期：继续发放上月金额 ${y(gradualFen)}，渐退期还剩 ${monthsRemaining} 个月。`,
            en: `Income rose above the line through employment: gradual exit keeps last month's ${y(gradualFen)}; ${monthsRemaining} exit months remain.`
          }
        : {
            zh: `不适用渐退（须上月享受低保、因就业增收、渐退期未满 ${g.months} 个月）。`,
            en: `No gradual exit (needs last month's dibao, income from new employment, and fewer than ${g.months} exit months used).`
          }
    })
  }

  // 10. Individual inclusion (单人保, art. 8; adult severe-disability route from the 2022 notice).
  const individuals: Array<HouseholdAssessment["individualInclusion"]["members"][number]> = []
  if (r.individual !== undefined && !eligible && !gradualActive && assetsPass && n > 0) {
    const ii = r.individual.value
    const marginalForIi = belowMultiple(adjusted, ceiling, ii.incomeMultiplier)
    for (const m of unit) {
      const code = disabilityCode(m)
      const severe = severeDisability(code, disabilityGrade(m))
      const art8 = marginalForIi && (severe || m.catastrophicIllness === true)
      const adultRoute = ii.adultSevereDisabledRoute === "always" && m.age >= 18 && m.employed !== true && severe
      if (!art8 && !adultRoute) continue
      const own = ownCounted.get(m.id) ?? 0
      const amount = roundPayment(S - own, ROUNDING[pay.rounding], pay.minimumFen, S)
      if (amount <= 0) continue
      const route = art8 ? "art8" : "adultSevereDisabled"
      individuals.push({ id: m.id, route, amountFen: amount })
      steps.push({
        id: `individualInclusion.${m.id}`,
        title: { zh: `单人保：${m.id}`, en: `Individual inclusion: ${m.id}` },
        citations: art8 ? [cite.s2art8] : [cite.s5],
        inputs: { ownIncomeFen: own, lineFen: S, route, householdAdjustedIncomeFen: adjusted, unitSize: n },
        parameters: [lineParam, used(r.individual), used(r.payment)],
        outcome: true,
        amountFen: amount,
        payment: true,
        text: {
          zh: `${art8 ? `家庭人均收入低于低保标准的 ${ii.incomeMultiplier.numerator}/${ii.incomeMultiplier.denominator} 倍，且本人为重度残疾或重病患者` : "成年无业重度残疾人可单独申请"}：按单人户计算 ${y(S)} − 本人收入 ${y(own)} = ${y(amount)}。`,
          en: `${art8 ? `Household per-capita income is below ${ii.incomeMultiplier.numerator}/${ii.incomeMultiplier.denominator} × the line and this member is severely disabled or seriously ill` : "An adult, unemployed, severely disabled person may apply alone"}: as a one-person household, ${y(S)} − own income ${y(own)} = ${y(amount)}.`
        }
      })
    }
  }
  let individualFen = 0
  for (const i of individuals) individualFen += i.amountFen

  // 11. Rigid-expenditure hardship (刚性支出困难家庭认定办法, from 2025-01-01).
  let rigidHardship = false
  // Art. 4(1): only for households that are not dibao, 特困 or marginal.
  const rigidP = !eligible && !marginal && tekunIds.size === 0 && n > 0 ? r.rigid : undefined
  const rigidNotRun = rigidP !== undefined && r.disposable === undefined
  if (rigidNotRun) {
    // Art. 4(2) compares income with the local disposable-income line; without it the test
    // cannot be run, which is reported rather than read as "not a hardship household".
    steps.push({
      id: "rigidHardship",
      title: { zh: "刚性支出困难家庭", en: "Rigid-expenditure hardship" },
      citations: [cite.s4art4],
      inputs: { countedIncomeFen: countedIncome, unitSize: n, assessed: false },
      parameters: [used(rigidP)],
      text: {
        zh: "未评估：政策没有生效的上年居民人均可支配收入标准（disposableIncomeLine，按月人均计），无法适用刚性支出困难家庭认定办法第四条第（二）项。",
        en: "Not assessed: the policy has no disposableIncomeLine (monthly per capita) in force, so art. 4(2) of the rigid-expenditure measures cannot be applied."
      }
    })
  } else if (rigidP !== undefined && r.disposable !== undefined) {
    const rh = rigidP.value
    const spend =
      (rigid.medical ?? 0) +
      (rigid.education ?? 0) +
      (rigid.disabilityCare ?? 0) +
      (rh.includeBasicLiving ? (rigid.basicLiving ?? 0) : 0)
    const D = r.disposable.value
    rigidHardship = assetsPass && countedIncome < D * n && spend > 0 && exceedsShare(spend, countedIncome, rh.ratio)
    steps.push({
      id: "rigidHardship",
      title: { zh: "刚性支出困难家庭", en: "Rigid-expenditure hardship" },
      citations: [cite.s4art4],
      inputs: { countedIncomeFen: countedIncome, rigidSpendingFen: spend, unitSize: n, disposableLineFen: D },
      parameters: [used(rigidP), used(r.disposable)],
      outcome: rigidHardship,
      text: rigidHardship
        ? {
            zh: `人均收入低于上年人均可支配收入（按月 ${y(D)}/人），刚性支出 ${y(spend)} 超过家庭收入 ${y(countedIncome)} 的 ${rh.ratio.numerator}/${rh.ratio.denominator}：认定为刚性支出困难家庭（专项救助）。`,
            en: `Per-capita income is below last year's per-capita disposable income (${y(D)} a month per person) and rigid spending ${y(spend)} exceeds ${rh.ratio.numerator}/${rh.ratio.denominator} of income ${y(countedIncome)}: a rigid-expenditure hardship household (special assistance).`
          }
        : {
            zh: `不符合刚性支出困难家庭条件（收入 ${y(countedIncome)}，可支配收入线 ${y(D)} × ${n} 人，刚性支出 ${y(spend)}）。`,
            en: `Not a rigid-expenditure hardship household (income ${y(countedIncome)}, disposable-income line ${y(D)} × ${n}, rigid spending ${y(spend)}).`
          }
    })
  }

  const totalFen = dibaoFen + topUpFen + individualFen + gradualFen + tekunFen
  let status = 0
  if (eligible) status |= STATUS.dibao
  if (marginal) status |= STATUS.marginal
  if (individuals.length > 0) status |= STATUS.individualInclusion
  if (gradualActive) status |= STATUS.gradualExit
  if (rigidHardship) status |= STATUS.rigidHardship
  if (tekunMembers.length > 0) status |= STATUS.tekun
  if (!assetsPass) status |= STATUS.assetsFail
  steps.push({
    id: "total",
    title: { zh: "每月合计", en: "Monthly total" },
    citations: [],
    inputs: {
      dibaoFen,
      categoryTopUpFen: topUpFen,
      individualInclusionFen: individualFen,
      gradualExitFen: gradualFen,
      tekunFen
    },
    parameters: [],
    amountFen: totalFen,
    text:
      topUpFen > 0
        ? {
            zh: `${r.month} 月合计 ${y(totalFen)}（低保 ${y(dibaoFen)}，分类施保 ${y(topUpFen)}，单人保 ${y(individualFen)}，渐退 ${y(gradualFen)}，特困 ${y(tekunFen)}）。`,
            en: `Total for ${r.month}: ${y(totalFen)} (dibao ${y(dibaoFen)}, category top-ups ${y(topUpFen)}, individual ${y(individualFen)}, gradual exit ${y(gradualFen)}, 特困 ${y(tekunFen)}).`
          }
        : {
            zh: `${r.month} 月合计 ${y(totalFen)}（低保 ${y(dibaoFen)}，单人保 ${y(individualFen)}，渐退 ${y(gradualFen)}，特困 ${y(tekunFen)}）。`,
            en: `Total for ${r.month}: ${y(totalFen)} (dibao ${y(dibaoFen)}, individual ${y(individualFen)}, gradual exit ${y(gradualFen)}, 特困 ${y(tekunFen)}).`
          }
  })

  return {
    policyId: r.policyId,
    month: r.month,
    lineFen: S,
    unit: { members: unit.map((m) => m.id), excluded: excludedMembers, size: n },
    countedIncomeFen: countedIncome,
    imputedSupportFen: imputed,
    deductionsFen: deductions,
    adjustedIncomeFen: adjusted,
    assetsPass,
    dibao: { eligible, amountFen: dibaoFen, ceilingFen: ceiling, marginFen: margin },
    marginal,
    individualInclusion: { amountFen: individualFen, members: individuals },
    gradualExit: { active: gradualActive, amountFen: gradualFen, monthsRemaining },
    rigidHardship,
    tekun: { amountFen: tekunFen, members: tekunMembers },
    categoryTopUp: { amountFen: topUpFen, members: topUpMembers },
    totalFen,
    status,
    steps,
    warnings:
      rigidNotRun || missingDisposableLine
        ? [
            ...r.warnings,
            ...(rigidNotRun ? [rigidNotAssessed] : []),
            ...(missingDisposableLine ? [obligorGroundsNotAssessed] : [])
          ]
        : r.warnings
  }
}

const prefix = (path: ReadonlyArray<string | number>, issues: ReadonlyArray<Issue>): Array<Issue> =>
  issues.map((i) => ({ ...i, path: [...path, ...i.path] }))

/** Validates the three inputs of a calculator and resolves the parameters in force. */
export const prepare = (
  household: unknown,
  policy: unknown,
  options: unknown
): Result<{ household: Household; policy: Policy; resolved: Resolved }, InvalidInputError> => {
  const issues: Array<Issue> = []
  const h = validate(Household, household)
  if (!h.ok) issues.push(...h.error.issues)
  let p: Policy | undefined
  if (isDefinedPolicy(policy)) p = policy
  else {
    const d = definePolicy(policy)
    if (d.ok) p = d.value
    else issues.push(...prefix(["policy"], d.error.issues))
  }
  const o = validate(AssessOptions, options)
  if (!o.ok) issues.push(...prefix(["options"], o.error.issues))
  if (!h.ok || p === undefined || !o.ok) return err(new InvalidInput(issues))
  const r = resolve(p, o.value.month, o.value.onStale)
  if (!r.ok) return r
  return ok({ household: h.value, policy: p, resolved: r.value })
}

/**
 * Assesses one household for one month under a policy: dibao (membership, counted and
 * excluded income, imputed support, deductions, assets, gap method, rounding, minimum
 * payment), marginal status, 单人保, 渐退, 特困 and rigid-expenditure hardship, with a cited,
 * bilingual explanation. Invalid input returns an `InvalidInputError` with paths.
 *
 * @example
 * ```ts
 * import { assessHousehold, policies } from "@jiceng/relief-calculator"
 * const household = {
 *   members: [
 *     { id: "mother", age: 38, incomes: [{ kind: "wages", amountFen: 320000 }] },
 *     { id: "father", age: 40, incomes: [] },
 *     { id: "child", age: 10, incomes: [] }
 *   ]
 * }
 * const r = assessHousehold(household, policies.beijing, { month: "2024-08" })
 * r.ok && r.value.dibao.amountFen //=> 115000
 * r.ok && r.value.steps.find((s) => s.id === "dibao.amount")!.text.en //=> "¥1450.00 × 3 − ¥3200.00 = ¥1150.00. Paid ¥1150.00 a month from the month after approval."
 * ```
 * @since 0.1.0
 * @category calculators
 */
export const assessHousehold = (
  household: unknown,
  policy: unknown,
  options: unknown
): Result<HouseholdAssessment, InvalidInputError> => {
  const p = prepare(household, policy, options)
  if (!p.ok) return p
  return ok(assessParsed(p.value.household, p.value.resolved))
}
