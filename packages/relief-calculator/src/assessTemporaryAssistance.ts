import { err, formatYuan, InvalidInputError, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { prepare } from "./assessHousehold.ts"
import type { Step } from "./Explanation.ts"
import { cite } from "./internal/citations.ts"
import { Money } from "./Policy.ts"

/**
 * A temporary-assistance event (临时救助): emergency (急难型, sudden accident or illness) or
 * expenditure (支出型, medical, education or other necessary spending beyond capacity), the
 * month, the need in fen, and whether the case is one of special hardship.
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
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM"),
  needFen: Money,
  specialHardship: z.boolean().optional()
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
  const awardFen = ev.needFen === 0 ? 0 : Math.max(floorFen, Math.min(ev.needFen, capFen))
  const direct =
    rules.directApprovalMonths === null
      ? null
      : rules.directApprovalMonths * S * (rules.directApprovalBasis === "perPerson" ? n : 1)
  const approval = direct !== null && awardFen <= direct ? "township" : "county"
  const y = (f: number) => `¥${formatYuan(f)}`
  const step: Step = {
    id: `temporary.${ev.type}`,
    title: {
      zh: ev.type === "emergency" ? "急难型临时救助" : "支出型临时救助",
      en: ev.type === "emergency" ? "Emergency temporary assistance" : "Expenditure temporary assistance"
    },
    citations: [cite.s1art47, t.entry.source],
    inputs: { members: n, lineFen: S, needFen: ev.needFen, capMonths, specialHardship: ev.specialHardship === true },
    parameters: [
      { name: r.line.name, value: S, from: r.line.entry.from, to: r.line.entry.to, source: r.line.entry.source },
      { name: t.name, value: rules, from: t.entry.from, to: t.entry.to, source: t.entry.source }
    ],
    amountFen: awardFen,
    payment: true,
    text: {
      zh: `上限 = ${capMonths} 个月 × 低保标准 ${y(S)}${rules.capBasis === "perPerson" ? ` × ${n} 人` : ""} = ${y(capFen)}${floorFen > 0 ? `，下限 ${y(floorFen)}` : ""}；需求 ${y(ev.needFen)}，救助 ${y(awardFen)}，由${approval === "township" ? "乡镇（街道）直接审批" : "县级民政部门审批"}。`,
      en: `Cap = ${capMonths} months × line ${y(S)}${rules.capBasis === "perPerson" ? ` × ${n} people` : ""} = ${y(capFen)}${floorFen > 0 ? `, floor ${y(floorFen)}` : ""}; need ${y(ev.needFen)}, award ${y(awardFen)}, approved by the ${approval === "township" ? "township or street office directly" : "county civil-affairs department"}.`
    }
  }
  return ok({ capFen, floorFen, awardFen, approval, steps: [step] })
}
