import {
  type Citation,
  type InvalidInputError,
  type IsoDate,
  type Issue,
  ok,
  type ParameterHistory,
  type Ratio,
  type Result,
  type ThresholdKind,
  valueAt
} from "@jiceng/core"
import type { ExplanationStep, ThresholdCheck } from "../Explanation.ts"
import { check, kindEn, kindZh } from "./check.ts"
import { CIVIL_CODE_278, PROPERTY_LAW_76, PROPERTY_REGULATION_12 } from "./citations.ts"
import { formatArea } from "./format.ts"

export const MATTER_NAMES = [
  "rulesOfProcedure",
  "managementStatute",
  "electCommittee",
  "hireManager",
  "useMaintenanceFunds",
  "raiseMaintenanceFunds",
  "rebuild",
  "changeCommonParts",
  "otherMajor"
] as const
export type MatterName = (typeof MATTER_NAMES)[number]

export const MATTER_TEXT: Record<MatterName, { readonly zh: string; readonly en: string }> = {
  rulesOfProcedure: { zh: "制定和修改业主大会议事规则", en: "make or amend the assembly's rules of procedure" },
  managementStatute: { zh: "制定和修改管理规约", en: "make or amend the management statute" },
  electCommittee: { zh: "选举业主委员会或者更换业主委员会成员", en: "elect the owners' committee or replace members" },
  hireManager: { zh: "选聘和解聘物业服务企业或者其他管理人", en: "hire or dismiss the property-service company" },
  useMaintenanceFunds: { zh: "使用建筑物及其附属设施的维修资金", en: "use the building maintenance funds" },
  raiseMaintenanceFunds: { zh: "筹集建筑物及其附属设施的维修资金", en: "raise the building maintenance funds" },
  rebuild: { zh: "改建、重建建筑物及其附属设施", en: "alter or rebuild the building and its facilities" },
  changeCommonParts: {
    zh: "改变共有部分的用途或者利用共有部分从事经营活动",
    en: "change the use of common parts or operate them commercially"
  },
  otherMajor: {
    zh: "有关共有和共同管理权利的其他重大事项",
    en: "other major matters of co-ownership and joint management"
  }
}

export type Regime = "civilCode2021" | "propertyLaw2007"

/** Which law governs an owners' decision, by decision date. */
export const ASSEMBLY_REGIMES: ParameterHistory<Regime> = [
  { value: "propertyLaw2007", from: "2007-10-01", to: "2021-01-01", source: PROPERTY_LAW_76 },
  { value: "civilCode2021", from: "2021-01-01", source: CIVIL_CODE_278 }
]

/**
 * The regime for a decision date, or the one the caller forces. A date no regime covers is an
 * error only when nothing is forced, since forcing is how such decisions are still tallied;
 * the lookup's warnings (a stale regime) are passed on either way.
 */
export const selectRegime = (
  date: IsoDate,
  forced: Regime | undefined
): Result<{ readonly regime: Regime; readonly warnings: ReadonlyArray<Issue> }, InvalidInputError> => {
  const lookup = valueAt(ASSEMBLY_REGIMES, date, { name: "legalRegime" })
  if (!lookup.ok) return forced === undefined ? lookup : ok({ regime: forced, warnings: [] })
  return ok({ regime: forced ?? lookup.value.value, warnings: lookup.value.warnings })
}

interface Rule {
  readonly threshold: Ratio
  readonly kind: ThresholdKind
  readonly base: "total" | "participating"
  readonly citation: Citation
}

export interface RegimeRules {
  readonly quorum: Rule
  readonly pass: Rule
}

const TWO_THIRDS = { numerator: 2, denominator: 3 }
const THREE_QUARTERS = { numerator: 3, denominator: 4 }
const HALF = { numerator: 1, denominator: 2 }

export const rulesFor = (regime: Regime, item: number): RegimeRules => {
  if (regime === "civilCode2021") {
    const c = { ...CIVIL_CODE_278, article: "art. 278 ¶2" }
    return {
      quorum: { threshold: TWO_THIRDS, kind: "atLeast", base: "total", citation: c },
      pass:
        item >= 6 && item <= 8
          ? { threshold: THREE_QUARTERS, kind: "atLeast", base: "participating", citation: c }
          : { threshold: HALF, kind: "moreThan", base: "participating", citation: c }
    }
  }
  // 物权法 art. 76 listed "raise and use maintenance funds" (item 5 today) and "rebuild" at 2/3
  // of the total; changing common parts was one of the "other major matters" (simple majority).
  return {
    quorum: { threshold: HALF, kind: "moreThan", base: "total", citation: PROPERTY_REGULATION_12 },
    pass:
      item >= 5 && item <= 7
        ? { threshold: TWO_THIRDS, kind: "atLeast", base: "total", citation: PROPERTY_LAW_76 }
        : { threshold: HALF, kind: "moreThan", base: "total", citation: PROPERTY_LAW_76 }
  }
}

export interface AssemblyTotals {
  readonly owners: number
  readonly area: number
  readonly participatingOwners: number
  readonly participatingArea: number
  readonly yesOwners: number
  readonly yesArea: number
}

export interface AssemblyDecision {
  readonly passed: boolean
  readonly reasons: ReadonlyArray<string>
  readonly checks: ReadonlyArray<ThresholdCheck>
  readonly steps: ReadonlyArray<ExplanationStep>
}

export const decideAssembly = (regime: Regime, matter: MatterName, t: AssemblyTotals): AssemblyDecision => {
  const item = MATTER_NAMES.indexOf(matter) + 1
  const rules = rulesFor(regime, item)
  const q = rules.quorum
  const p = rules.pass
  const quorumChecks = [
    check("quorum-headcount", t.participatingOwners, t.owners, q.threshold, q.kind, q.citation),
    check("quorum-area", t.participatingArea, t.area, q.threshold, q.kind, q.citation)
  ]
  const baseOwners = p.base === "total" ? t.owners : t.participatingOwners
  const baseArea = p.base === "total" ? t.area : t.participatingArea
  const yesChecks = [
    check("yes-headcount", t.yesOwners, baseOwners, p.threshold, p.kind, p.citation),
    check("yes-area", t.yesArea, baseArea, p.threshold, p.kind, p.citation)
  ]
  const checks = [...quorumChecks, ...yesChecks]
  const quorumMet = quorumChecks.every((c) => c.passed)
  const passed = checks.every((c) => c.passed)
  const reasons = checks.filter((c) => !c.passed).map((c) => c.code)
  const steps: Array<ExplanationStep> = []
  const qZh = kindZh(q.threshold, q.kind)
  const qEn = kindEn(q.threshold, q.kind)
  steps.push({
    code: "quorum",
    zh: `参与表决门槛：专有部分面积${qZh}且人数${qZh}的业主参与表决。参与人数 ${t.participatingOwners}/${t.owners}（${quorumChecks[0]!.inequality}，${quorumChecks[0]!.passed ? "达到" : "未达到"}）；参与面积 ${formatArea(t.participatingArea)}/${formatArea(t.area)} 平方米（${quorumChecks[1]!.passed ? "达到" : "未达到"}）。`,
    en: `Participation quorum: owners holding ${qEn} of the exclusive area and ${qEn} of all owners must take part. Headcount ${t.participatingOwners}/${t.owners} (${quorumChecks[0]!.inequality}: ${quorumChecks[0]!.passed ? "met" : "not met"}); area ${formatArea(t.participatingArea)}/${formatArea(t.area)} m² (${quorumChecks[1]!.passed ? "met" : "not met"}).`,
    citation: q.citation
  })
  const pZh = kindZh(p.threshold, p.kind)
  const pEn = kindEn(p.threshold, p.kind)
  const baseZh = p.base === "total" ? "全体业主" : "参与表决业主"
  const baseEn = p.base === "total" ? "all owners" : "the participating owners"
  steps.push({
    code: "yes",
    zh: `同意门槛：经${baseZh}专有部分面积${pZh}且人数${pZh}同意。同意人数 ${t.yesOwners}/${baseOwners}（${yesChecks[0]!.inequality}，${yesChecks[0]!.passed ? "达到" : "未达到"}）；同意面积 ${formatArea(t.yesArea)}/${formatArea(baseArea)} 平方米（${yesChecks[1]!.passed ? "达到" : "未达到"}）。`,
    en: `Approval: ${pEn} of ${baseEn} by area and ${pEn} by headcount must agree. Yes headcount ${t.yesOwners}/${baseOwners} (${yesChecks[0]!.inequality}: ${yesChecks[0]!.passed ? "met" : "not met"}); yes area ${formatArea(t.yesArea)}/${formatArea(baseArea)} m² (${yesChecks[1]!.passed ? "met" : "not met"}).`,
    citation: p.citation
  })
  const reasonsZh: Record<string, string> = {
    "quorum-headcount": "参与人数不足",
    "quorum-area": "参与面积不足",
    "yes-headcount": "同意人数不足",
    "yes-area": "同意面积不足"
  }
  steps.push(
    passed
      ? { code: "outcome", zh: "结论：决议通过。", en: "Outcome: the resolution passes." }
      : {
          code: "outcome",
          zh: `结论：决议未通过（${reasons.map((r) => reasonsZh[r]).join("、")}${quorumMet ? "" : "；未达参与门槛的表决不产生决议"}）。`,
          en: `Outcome: the resolution fails (${reasons.join(", ")}${quorumMet ? "" : "; without a quorum no resolution is made"}).`
        }
  )
  return { passed, reasons, checks, steps }
}
