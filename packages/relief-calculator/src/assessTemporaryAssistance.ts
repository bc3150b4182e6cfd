import { err, formatYuan, InvalidInputError, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { assessParsed, prepare } from "./assessHousehold.ts"
import type { Step } from "./Explanation.ts"
import { Month } from "./Household.ts"
import { cite } from "./internal/citations.ts"
import { Money } from "./Policy.ts"

/**
 * A temporary-assistance event (临时救助): emergency (急难型, sudden accident or illness) or
 * expenditure (支出型, medical, education or other necessary spending beyond capacity), the
 * month, the need in fen, whether the case is one of special hardship, and — for the
 * once-per-cause rule — its cause and the household's earlier awards.
 *
 * @example
 * ```ts
 * import { TemporaryEvent } from "@jiceng/relief-calculator"
 * TemporaryEvent.safeParse({ type: "fire", month: "2024-08", needFen: 1 }).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const TemporaryEvent = z.object({
  type: z.enum(["emergency", "expenditure"]),
  month: Month,
  needFen: Money,
  specialHardship: z.boolean().optional(),
  /** What caused the hardship (e.g. "fire", "illness:grandfather"); needed when the policy allows one award per cause. */
  cause: z.string().min(1).max(200).optional(),
  /** The household's earlier temporary-assistance awards, for the once-per-cause rule. */
  previousAwards: z
    .array(z.object({ cause: z.string().min(1).max(200), month: Month }))
    .max(200)
    .optional()
})
/** @since 0.1.0 @category models */
export type TemporaryEvent = z.infer<typeof TemporaryEvent>

/**
 * The outcome of {@link assessTemporaryAssistance}: the cap (and floor, if any) in fen, the
 * award, who may approve it, and the explanation.
 *
 * @example
 * ```ts
 * import type { TemporaryAssessment } from "@jiceng/relief-calculator"
 * const atCap = (t: TemporaryAssessment) => t.awardFen === t.capFen
 * ```
 * @since 0.1.0
 * @category calculators
 */
export interface TemporaryAssessment {
  /** False when a local condition refuses the award (then `awardFen` is 0 and `refusal` says why). */
  readonly eligible: boolean
  readonly refusal?: "sameCause" | "income" | "assets"
  readonly capFen: number
  readonly floorFen: number
  readonly awardFen: number
  /** "township": within the amount a township or street office may approve directly. */
  readonly approval: "township" | "county"
  readonly steps: ReadonlyArray<Step>
}

/**
 * Assesses one-off temporary assistance (社会救助暂行办法 arts. 47–49) for a household and an
 * event under a policy's local caps, counted in months of the dibao line per person or per
 * household. The award is the need, limited to the cap and raised to any local floor.
 *
 * @example
 * ```ts
 * import { assessTemporaryAssistance, policies } from "@jiceng/relief-calculator"
 * const household = { members: [{ id: "a", age: 40, incomes: [] }, { id: "b", age: 12, incomes: [] }] }
 * const r = assessTemporaryAssistance(household, { type: "emergency", month: "2024-08", needFen: 2000000 }, policies.beijing)
 * r.ok && r.value.capFen //=> 870000
 * r.ok && r.value.awardFen //=> 870000
 * ```
 * @since 0.1.0
 * @category calculators
 */
export const assessTemporaryAssistance = (
  household: unknown,
  event: unknown,
  policy: unknown
): Result<TemporaryAssessment, InvalidInputError> => {
  const e = validate(TemporaryEvent, event)
  if (!e.ok) return err(new InvalidInputError(e.error.issues.map((i) => ({ ...i, path: ["event", ...i.path] }))))
  const p = prepare(household, policy, { month: e.value.month })
  if (!p.ok) return p
  const r = p.value.resolved
  const t = r.temporary
  if (t === undefined) {
    return err(
      new InvalidInputError([
        issue(
          ["policy", "parameters", "temporaryAssistance"],
          "no_value_in_force",
          `${r.month} 没有生效的临时救助标准`,
          `the policy has no temporary-assistance rules in force in ${r.month}`
        )
      ])
    )
  }
  const rules = t.value
  const S = r.line.value
  const n = p.value.household.members.filter((m) => m.excluded === undefined).length
  const persons = rules.capBasis === "perPerson" ? n : 1
  const ev = e.value
  let capMonths: number | null
  let floorMonths: number | null = null
  if (ev.type === "emergency") {
    capMonths =
      ev.specialHardship === true && rules.specialHardshipCapMonths !== null
        ? rules.specialHardshipCapMonths
        : rules.emergencyCapMonths
    floorMonths = rules.emergencyMinMonths
  } else {
    capMonths = rules.expenditureMaxMonths
    floorMonths = rules.expenditureMinMonths
  }
  if (capMonths === null) {
    return err(
      new InvalidInputError([
        issue(
          ["event", "type"],
          "not_configured",
          "该政策未设定支出型临时救助上限",
          "the policy sets no cap for expenditure-type assistance"
        )
      ])
    )
  }
  const capFen = capMonths * S * persons
  const floorFen = floorMonths === null ? 0 : Math.min(floorMonths * S * persons, capFen)
  const y = (f: number) => `¥${formatYuan(f)}`
  const steps: Array<Step> = []
  const ruleParam = { name: t.name, value: rules, from: t.entry.from, to: t.entry.to, source: t.entry.source }
  const refuse = (refusal: "sameCause" | "income" | "assets"): Result<TemporaryAssessment, InvalidInputError> =>
    ok({ eligible: false, refusal, capFen, floorFen, awardFen: 0, approval: "township", steps })

  // One award per cause per year (a county rule [S29]); the window is a named parameter.
  const window = rules.oncePerCause ?? null
  if (window !== null) {
    if (ev.cause === undefined) {
      return err(
        new InvalidInputError([
          issue(
            ["event", "cause"],
            "missing_cause",
            "该政策规定同一事由每年救助一次，须填写事由",
            "the policy allows one award per cause per year, so the event needs a cause"
          )
        ])
      )
    }
    const [ey, em] = ev.month.split("-").map(Number) as [number, number]
    const inWindow = (m: string): boolean => {
      const [py, pm] = m.split("-").map(Number) as [number, number]
      const monthsBefore = (ey - py) * 12 + (em - pm)
      if (monthsBefore < 0) return false
      return window === "calendarYear" ? py === ey : monthsBefore < 12
    }
    const earlier = (ev.previousAwards ?? []).find((a) => a.cause === ev.cause && inWindow(a.month))
    steps.push({
      id: "temporary.oncePerCause",
      title: { zh: "同一事由救助次数", en: "One award per cause" },
      citations: [cite.s29, t.entry.source],
      inputs: { cause: ev.cause, month: ev.month, window, earlierAward: earlier?.month ?? "" },
      parameters: [ruleParam],
      outcome: earlier === undefined,
      text:
        earlier === undefined
          ? {
              zh: `事由"${ev.cause}"在${window === "calendarYear" ? `${ey} 年内` : "此前 12 个月内"}未获救助。`,
              en: `No award for "${ev.cause}" ${window === "calendarYear" ? `in ${ey}` : "in the previous 12 months"}.`
            }
          : {
              zh: `事由"${ev.cause}"已于 ${earlier.month} 获得救助，${window === "calendarYear" ? "同一年度" : "12 个月内"}同一事由不再救助。`,
              en: `"${ev.cause}" was already assisted in ${earlier.month}; the same cause is assisted once ${window === "calendarYear" ? "per calendar year" : "per 12 months"}.`
            }
    })
    if (earlier !== undefined) return refuse("sameCause")
  }

  // Expenditure type: per-capita counted income below the local disposable-income line, assets
  // passing ([S29; S33]). Counted as for dibao, without imputed support.
  if (ev.type === "expenditure" && (rules.expenditureIncomeTest ?? "none") === "belowDisposableIncome") {
    const D = r.disposable
    if (D === undefined) {
      return err(
        new InvalidInputError([
          issue(
            ["policy", "parameters", "disposableIncomeLine"],
            "no_value_in_force",
            `${r.month} 没有生效的人均可支配收入标准，无法进行支出型临时救助收入审核`,
            `the expenditure-type income test needs a disposableIncomeLine in force in ${r.month}`
          )
        ])
      )
    }
    const h = p.value.household
    const assetsPass = assessParsed({ members: h.members, ...(h.assets ? { assets: h.assets } : {}) }, r).assetsPass
    let income = 0
    for (const m of h.members) {
      if (m.excluded !== undefined) continue
      let own = 0
      for (const item of m.incomes) if (!r.excluded.has(item.kind)) own += item.amountFen
      income += own - (m.transferOutFen ?? 0)
    }
    if (income < 0) income = 0
    const below = income < D.value * n
    steps.push({
      id: "temporary.incomeTest",
      title: { zh: "支出型救助收入与财产审核", en: "Expenditure-type income and asset test" },
      citations: [cite.s33, cite.s29, D.entry.source],
      inputs: { countedIncomeFen: income, members: n, disposableLineFen: D.value, assetsPass },
      parameters: [
        { name: D.name, value: D.value, from: D.entry.from, to: D.entry.to, source: D.entry.source },
        ruleParam
      ],
      outcome: below && assetsPass,
      text:
        below && assetsPass
          ? {
              zh: `家庭收入 ${y(income)} 低于 人均可支配收入 ${y(D.value)} × ${n} 人，财产符合规定。`,
              en: `Income ${y(income)} is below the disposable-income line ${y(D.value)} × ${n}, and assets pass.`
            }
          : !below
            ? {
                zh: `家庭收入 ${y(income)} 不低于 人均可支配收入 ${y(D.value)} × ${n} 人 = ${y(D.value * n)}，超出 ${y(income - D.value * n)}：不符合支出型临时救助条件。`,
                en: `Income ${y(income)} is not below the disposable-income line ${y(D.value)} × ${n} = ${y(D.value * n)} (by ${y(income - D.value * n)}): not eligible for expenditure-type assistance.`
              }
            : { zh: "家庭财产不符合规定。", en: "Assets exceed the limits." }
    })
    if (!below) return refuse("income")
    if (!assetsPass) return refuse("assets")
  }

  const awardFen = ev.needFen === 0 ? 0 : Math.max(floorFen, Math.min(ev.needFen, capFen))
  const direct =
    rules.directApprovalMonths === null
      ? null
      : rules.directApprovalMonths * S * (rules.directApprovalBasis === "perPerson" ? n : 1)
  const approval = direct !== null && awardFen <= direct ? "township" : "county"
  steps.push({
    id: `temporary.${ev.type}`,
    title: {
      zh: ev.type === "emergency" ? "急难型临时救助" : "支出型临时救助",
      en: ev.type === "emergency" ? "Emergency temporary assistance" : "Expenditure temporary assistance"
    },
    citations: [cite.s1art47, t.entry.source],
    inputs: { members: n, lineFen: S, needFen: ev.needFen, capMonths, specialHardship: ev.specialHardship === true },
    parameters: [
      { name: r.line.name, value: S, from: r.line.entry.from, to: r.line.entry.to, source: r.line.entry.source },
      ruleParam
    ],
    amountFen: awardFen,
    payment: true,
    text: {
      zh: `上限 = ${capMonths} 个月 × 低保标准 ${y(S)}${rules.capBasis === "perPerson" ? ` × ${n} 人` : ""} = ${y(capFen)}${floorFen > 0 ? `，下限 ${y(floorFen)}` : ""}；需求 ${y(ev.needFen)}，救助 ${y(awardFen)}，由${approval === "township" ? "乡镇（街道）直接审批" : "县级民政部门审批"}。`,
      en: `Cap = ${capMonths} months × line ${y(S)}${rules.capBasis === "perPerson" ? ` × ${n} people` : ""} = ${y(capFen)}${floorFen > 0 ? `, floor ${y(floorFen)}` : ""}; need ${y(ev.needFen)}, award ${y(awardFen)}, approved by the ${approval === "township" ? "township or street office directly" : "county civil-affairs department"}.`
    }
  })
  return ok({ eligible: true, capFen, floorFen, awardFen, approval, steps })
}
