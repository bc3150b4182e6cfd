import type { Citation, DatedValue } from "@jiceng/core"
import { getOrThrow } from "@jiceng/core"
import { cite } from "./internal/citations.ts"
import {
  type AssetRules,
  type DeductionRules,
  definePolicy,
  type GradualExitRules,
  type IncomeKind,
  type IncomeRules,
  type IndividualInclusionRules,
  type MarginalRules,
  type PaymentRules,
  type Policy,
  type RigidHardshipRules,
  type SupportImputation,
  type TekunRules,
  type TemporaryRules
} from "./Policy.ts"

const NATIONAL_FROM = "2021-07-01" // 最低生活保障审核确认办法 and 特困人员认定办法 in force

const dated = <T>(value: T, from: string, source: Citation, to?: string): DatedValue<T> =>
  to === undefined ? { value, from, source } : { value, from, to, source }

// Local standards are revised about once a year; the notes give a start date but no end, so a
// local amount is treated as reviewed for 12 months, after which lookups carry a stale warning.
const local = <T>(value: T, from: string, source: Citation): ReadonlyArray<DatedValue<T>> => {
  const to = `${Number(from.slice(0, 4)) + 1}${from.slice(4)}`
  return [dated(value, from, source, to)]
}

const DIBAO_EXCLUDED: ReadonlyArray<IncomeKind> = [
  "preferentialPension",
  "familyPlanning",
  "scholarship",
  "braveryAward",
  "socialAssistance",
  "basicPensionCentral",
  "disabilitySubsidy"
]

const national = {
  // The basic-pension exclusion is stated for the 14th Five-Year Plan (2021–2025); its
  // continuation afterwards is unverified (relief-rules.md §9.10), so it is a separate entry.
  incomeRules: [
    dated<IncomeRules>({ excluded: [...DIBAO_EXCLUDED] }, NATIONAL_FROM, cite.s2art13, "2026-01-01"),
    dated<IncomeRules>({ excluded: [...DIBAO_EXCLUDED] }, "2026-01-01", {
      ...cite.jicengDefault,
      title:
        "Assumed continuation after 2025 of the basic-pension exclusion (最低生活保障审核确认办法 art. 13(3)); unverified"
    })
  ],
  deductions: [dated<DeductionRules>({ items: [] }, NATIONAL_FROM, cite.s2art13)],
  assets: [
    dated<AssetRules>(
      { maxDepositsPerCapitaFen: null, vehicleDisqualifies: true, maxHomes: 1 },
      NATIONAL_FROM,
      cite.s32
    )
  ],
  payment: [dated<PaymentRules>({ method: "gap", rounding: "none", minimumFen: 0 }, NATIONAL_FROM, cite.s2art23)],
  supportImputation: [
    dated<SupportImputation>(
      {
        variant: "declared",
        mode: "declared",
        thresholdBasis: "dibao",
        lowIncomeLineFen: null,
        thresholdMultiplier: { numerator: 2, denominator: 1 },
        excessBasis: "household",
        shareRate: { numerator: 0, denominator: 1 },
        manyChildren: null,
        divideBy: "supportedPersons",
        exemptObligorDibao: true,
        exemptObligorTekun: true
      },
      NATIONAL_FROM,
      cite.s2art13
    )
  ],
  marginal: [
    dated<MarginalRules>(
      { multiplier: { numerator: 3, denominator: 2 }, perCapitaCapFen: null },
      NATIONAL_FROM,
      cite.s2art8
    )
  ],
  individualInclusion: [
    dated<IndividualInclusionRules>(
      { incomeMultiplier: { numerator: 3, denominator: 2 }, adultSevereDisabledRoute: "marginalOnly" },
      NATIONAL_FROM,
      cite.s2art8
    )
  ],
  gradualExit: [dated<GradualExitRules>({ months: 6, amountRule: "keepLast" }, NATIONAL_FROM, cite.s2art33)],
  rigidHardship: [
    dated<RigidHardshipRules>({ ratio: { numerator: 1, denominator: 1 }, includeBasicLiving: true }, "2025-01-01", {
      ...cite.s4art4,
      verified: false,
      title: `${cite.s4art4.title} — the ratio is local and no national number exists; Jiceng default: spending above income`
    })
  ]
}

const tekunExcluded: ReadonlyArray<IncomeKind> = [
  "basicPensionCentral",
  "medicalInsurance",
  "preferentialPension",
  "oldAgeAllowance",
  "socialAssistance",
  "disabilitySubsidy"
]

const tekun = (
  basic: TekunRules["basic"],
  care: TekunRules["care"],
  source: Citation
): ReadonlyArray<DatedValue<TekunRules>> => [
  dated<TekunRules>({ basic, care, excludedIncome: [...tekunExcluded] }, NATIONAL_FROM, source)
]

const preset = (
  id: string,
  zh: string,
  en: string,
  line: ReadonlyArray<DatedValue<number>>,
  extra: Partial<Record<keyof Policy["parameters"], ReadonlyArray<DatedValue<unknown>>>> = {}
): Policy =>
  getOrThrow(
    definePolicy({ id, name: { zh, en }, kind: "preset", parameters: { dibaoLine: line, ...national, ...extra } })
  )

const yuan = (y: number): number => Math.round(y * 100)

/**
 * Presets for the localities in the research notes, each parameter dated and cited. Local
 * amounts come from secondary sources (`verified: false`) and are treated as reviewed for 12
 * months, so later months get a `stale_parameter` warning; national rules are dated from
 * 2021-07-01, when 最低生活保障审核确认办法 and 特困人员认定办法 took effect (the notes give no
 * earlier national text for the income, marginal and 特困 rules). Rural and urban standards are
 * separate presets.
 *
 * Usable windows (months assessable without an error, and without a stale local line):
 * `beijing` 2024-07 on, clean to 2025-06; `weifangUrban`/`weifangRural` 2021-07 on, clean to
 * 2021-12; `jinanUrban`/`jinanRural` (line from 2020-04), `dongyingUrban`/`dongyingRural`
 * (2019-10) and `mianyangUrban` (2020-07) 2021-07 on, **always** with a stale warning for
 * `dibaoLine`, because their local lines predate the national rules; before 2021-07 they give
 * `no_value_in_force`, and with `onStale: "error"` they give an error in every month. Patch a
 * current line with `definePolicy` to use them without a warning.
 *
 * @example
 * ```ts
 * import { policies } from "@jiceng/relief-calculator"
 * policies.beijing.parameters.dibaoLine[0]!.value //=> 145000
 * policies.beijing.parameters.dibaoLine[0]!.source.verified //=> false
 * ```
 * @since 0.1.0
 * @category policies
 */
export const policies = {
  /** 北京 (unified urban/rural): ¥1,450 from 2024-07 [S24]; 急难型 temporary aid ≤ 3 months per person [S25]. Usable from 2024-07; stale from 2025-07. */
  beijing: preset("beijing", "北京市", "Beijing", local(yuan(1450), "2024-07-01", cite.s24), {
    temporaryAssistance: [
      dated<TemporaryRules>(
        {
          capBasis: "perPerson",
          emergencyCapMonths: 3,
          specialHardshipCapMonths: null,
          emergencyMinMonths: null,
          expenditureMinMonths: null,
          expenditureMaxMonths: null,
          directApprovalMonths: null,
          directApprovalBasis: "household"
        },
        "2020-09-09",
        cite.s25
      )
    ]
  }),
  /** 济南 urban 2020 [S18]: line ¥740; 特困 basic ¥1,110; care ¥210 / 350 / 700. Usable from 2021-07, always with a stale line. */
  jinanUrban: preset("jinan-urban", "济南市（城市）", "Jinan (urban)", local(yuan(740), "2020-04-01", cite.s18), {
    tekun: tekun(
      { kind: "amount", amountFen: yuan(1110) },
      { selfCare: yuan(210), partial: yuan(350), full: yuan(700) },
      cite.s18
    )
  }),
  /** 济南 rural 2020 [S18]: line ¥494 (a floor); 特困 basic ¥643; care ¥210 / 350 / 700. Usable from 2021-07, always with a stale line. */
  jinanRural: preset("jinan-rural", "济南市（农村）", "Jinan (rural)", local(yuan(494), "2020-04-01", cite.s18), {
    tekun: tekun(
      { kind: "amount", amountFen: yuan(643) },
      { selfCare: yuan(210), partial: yuan(350), full: yuan(700) },
      cite.s18
    )
  }),
  /** 潍坊 urban 2021 [S19]: line ¥791 (floor); 特困 basic ¥1,029; care ¥220 / 352 / 704. Usable from 2021-07; stale from 2022-01. */
  weifangUrban: preset("weifang-urban", "潍坊市（城市）", "Weifang (urban)", local(yuan(791), "2021-01-01", cite.s19), {
    tekun: tekun(
      { kind: "amount", amountFen: yuan(1029) },
      { selfCare: yuan(220), partial: yuan(352), full: yuan(704) },
      cite.s19
    )
  }),
  /** 潍坊 rural 2021 [S19]: line ¥595 (floor); 特困 basic ¥836; care ¥220 / 352 / 704. Usable from 2021-07; stale from 2022-01. */
  weifangRural: preset("weifang-rural", "潍坊市（农村）", "Weifang (rural)", local(yuan(595), "2021-01-01", cite.s19), {
    tekun: tekun(
      { kind: "amount", amountFen: yuan(836) },
      { selfCare: yuan(220), partial: yuan(352), full: yuan(704) },
      cite.s19
    )
  }),
  // Dongying publishes annual care amounts (2,292 / 3,820 / 7,640); monthly = annual ÷ 12, half-up to the fen.
  /** 东营 urban 2019 [S20]: line ¥620; 特困 basic ¥930; care annual ¥2,292 / 3,820 / 7,640 ÷ 12. Usable from 2021-07, always with a stale line. */
  dongyingUrban: preset(
    "dongying-urban",
    "东营市（城市）",
    "Dongying (urban)",
    local(yuan(620), "2019-10-01", cite.s20),
    {
      tekun: tekun({ kind: "amount", amountFen: yuan(930) }, { selfCare: 19100, partial: 31833, full: 63667 }, cite.s20)
    }
  ),
  /** 东营 rural 2019 [S20]: line ¥5,400 a year (¥450 a month); 特困 basic ¥8,100 a year (¥675 a month). Usable from 2021-07, always with a stale line. */
  dongyingRural: preset(
    "dongying-rural",
    "东营市（农村）",
    "Dongying (rural)",
    local(yuan(450), "2019-10-01", cite.s20),
    {
      tekun: tekun({ kind: "amount", amountFen: yuan(675) }, { selfCare: 19100, partial: 31833, full: 63667 }, cite.s20)
    }
  ),
  /** 绵阳 2020 urban floor [S21]: line ¥610; 特困 basic 1.3 × the line; care amounts not in the notes (0). Usable from 2021-07, always with a stale line. */
  mianyangUrban: preset(
    "mianyang-urban",
    "绵阳市（城市，底线）",
    "Mianyang (urban floor)",
    local(yuan(610), "2020-07-01", cite.s21),
    {
      tekun: tekun(
        { kind: "multiplier", multiplier: { numerator: 13, denominator: 10 } },
        { selfCare: 0, partial: 0, full: 0 },
        { ...cite.s21, title: `${cite.s21.title}; care amounts not found — set to 0` }
      )
    }
  )
} as const

/**
 * The five local formulas for imputing support owed by relatives living apart
 * (relief-rules.md §2.8), ready to patch into a policy's `supportImputation`. None is national
 * law; all are flagged unverified. Variant A's "excess" is read per household (`excessBasis`).
 * Variant D needs the local low-income line: set `lowIncomeLineFen` before use.
 *
 * @example
 * ```ts
 * import { supportVariants } from "@jiceng/relief-calculator"
 * supportVariants.A.value.shareRate //=> { numerator: 1, denominator: 2 }
 * supportVariants.D.value.thresholdBasis //=> "lowIncomeLine"
 * ```
 * @since 0.1.0
 * @category policies
 */
export const supportVariants = (() => {
  const base: SupportImputation = {
    variant: "A",
    mode: "formula",
    thresholdBasis: "dibao",
    lowIncomeLineFen: null,
    thresholdMultiplier: { numerator: 2, denominator: 1 },
    excessBasis: "household",
    shareRate: { numerator: 1, denominator: 2 },
    manyChildren: null,
    divideBy: "supportedPersons",
    exemptObligorDibao: true,
    exemptObligorTekun: true
  }
  return {
    A: { value: base, source: cite.s11 },
    B: { value: { ...base, variant: "B", shareRate: { numerator: 1, denominator: 5 } }, source: cite.s13 },
    C: {
      value: { ...base, variant: "C", thresholdMultiplier: { numerator: 1, denominator: 1 } },
      source: cite.s12
    },
    D: {
      value: {
        ...base,
        variant: "D",
        thresholdBasis: "lowIncomeLine",
        lowIncomeLineFen: null,
        thresholdMultiplier: { numerator: 1, denominator: 1 },
        shareRate: { numerator: 3, denominator: 10 },
        divideBy: "none"
      },
      source: cite.s14
    },
    E: {
      value: {
        ...base,
        variant: "E",
        thresholdMultiplier: { numerator: 1, denominator: 1 },
        manyChildren: { minChildren: 3, shareRate: { numerator: 2, denominator: 5 } }
      },
      source: cite.s15
    }
  } as const satisfies Record<string, { value: SupportImputation; source: Citation }>
})()

/**
 * The composite standard proposed in essay 6 as a reform of `base`: self-paid medical,
 * education and disability-care spending is deducted from counted income, and support from
 * relatives counts only when actually paid. Dates follow the base's histories.
 *
 * @example
 * ```ts
 * import { compositeStandard, policies } from "@jiceng/relief-calculator"
 * const reform = compositeStandard(policies.beijing)
 * reform.kind //=> "reform"
 * reform.parameters.deductions[0]!.value.items.map((i) => i.kind) //=> ["medical", "education", "disabilityCare"]
 * ```
 * @since 0.1.0
 * @category policies
 */
export const compositeStandard = (base: Policy): Policy => {
  const composite: DeductionRules["items"] = [
    { kind: "medical", capFen: null },
    { kind: "education", capFen: null },
    { kind: "disabilityCare", capFen: null }
  ]
  return getOrThrow(
    definePolicy(
      {
        id: `${base.id}+composite`,
        name: { zh: `${base.name.zh}·综合标准（改革方案）`, en: `${base.name.en} — composite standard (reform)` },
        kind: "reform",
        parameters: {
          deductions: base.parameters.deductions.map((e) => ({
            ...e,
            value: {
              items: [...composite, ...e.value.items.filter((i) => !composite.some((c) => c.kind === i.kind))]
            },
            source: cite.essay6
          })),
          supportImputation: base.parameters.supportImputation.map((e) => ({
            ...e,
            value: { ...e.value, mode: "actualOnly" as const },
            source: cite.essay6
          }))
        }
      },
      base
    )
  )
}
