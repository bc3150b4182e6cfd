import {
  type BilingualText,
  Citation,
  err,
  InvalidInputError,
  IsoDate,
  type Issue,
  issue,
  ok,
  type ParameterHistory,
  ParameterHistorySchema,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { formatBasis, formatCitation, ruleInForce } from "./internal/rules.ts"
import { parseDay } from "./internal/time.ts"

const Id = z.string().min(1).max(200)
const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) })
const PostingDays = z.int().min(1).max(365)

/**
 * A multi-step decision procedure for major public matters, as data: ordered steps, the body
 * that acts at each, and for publication steps the minimum posting period in days — a number,
 * or a dated history of numbers (a `ParameterHistory`, each value with its source), looked up on
 * the date of the posting step. `source` is where the procedure comes from (core's `Citation`).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const DecisionPipeline = z.object({
  id: Id,
  name: Bilingual,
  steps: z
    .array(
      z.object({
        id: Id,
        name: Bilingual,
        body: Bilingual,
        minPostingDays: z.union([PostingDays, ParameterHistorySchema(PostingDays)]).optional()
      })
    )
    .min(1)
    .max(50),
  source: Citation.optional()
})
/** @since 0.1.0 @category deliberation */
export type DecisionPipeline = z.infer<typeof DecisionPipeline>

const V22: Citation = {
  title: "四议两公开 工作法（社区版、村级版说明）The 'four deliberations, two disclosures' method",
  url: "https://www.renrendoc.com/p-59651201.html",
  verified: false
}

/**
 * The shortest posting of a 四议两公开 disclosure (决议公开, 实施结果公开): 7 days, both days
 * counted. The source is a secondary description of the method (unverified); the method itself
 * dates from Dengzhou, Henan, in 2004, and no earlier or later posting period was found.
 *
 * @example
 * ```ts
 * import { minimumPostingDays } from "@jiceng/governance-model"
 * minimumPostingDays[0]?.value //=> 7
 * ```
 * @since 0.1.0
 * @category deliberation
 */
// Neither the day nor the year comes from the cited source: 2004 is when the method is generally
// said to have begun (Dengzhou), and its first day stands in for the unknown date. A caller with
// a dated local rule passes it as `minPostingDays`.
export const minimumPostingDays: ParameterHistory<number> = [{ value: 7, from: "2004-01-01", source: V22 }]

const b = (zh: string, en: string) => ({ zh, en })

/**
 * Shipped decision pipelines. `fourDeliberationsTwoDisclosures` (四议两公开) is the default: the
 * party organisation proposes (提议), the joint meeting of the two committees deliberates
 * (商议), the party members' meeting reviews (审议), the residents' (representatives') meeting
 * resolves (决议), then the resolution and the result of implementation are each posted for at
 * least {@link minimumPostingDays} (7 days). The essays' "三议一审两公开" was not found in any
 * source; build it from this one.
 *
 * @example
 * ```ts
 * import { decisionPipelines } from "@jiceng/governance-model"
 * decisionPipelines.fourDeliberationsTwoDisclosures.steps.map((s) => s.id) //=> ["propose", "deliberate", "review", "resolve", "publishResolution", "publishResult"]
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const decisionPipelines: { readonly fourDeliberationsTwoDisclosures: DecisionPipeline } = {
  fourDeliberationsTwoDisclosures: {
    id: "fourDeliberationsTwoDisclosures",
    name: b("四议两公开", "four deliberations, two disclosures"),
    steps: [
      { id: "propose", name: b("党组织提议", "proposal"), body: b("社区党组织", "community party organisation") },
      {
        id: "deliberate",
        name: b("两委会商议", "deliberation"),
        body: b("社区“两委”联席会议", "joint meeting of the party and residents' committees")
      },
      { id: "review", name: b("党员大会审议", "review"), body: b("党员大会", "party members' meeting") },
      {
        id: "resolve",
        name: b("居民会议决议", "resolution"),
        body: b("居民会议或居民代表会议", "residents' meeting or residents' representatives' meeting")
      },
      {
        id: "publishResolution",
        name: b("决议公开", "publish the resolution"),
        body: b("居民委员会", "residents' committee"),
        minPostingDays: [...minimumPostingDays]
      },
      {
        id: "publishResult",
        name: b("实施结果公开", "publish the result"),
        body: b("居民委员会", "residents' committee"),
        minPostingDays: [...minimumPostingDays]
      }
    ],
    source: V22
  }
}

/**
 * One step taken: which step, on what date, with what outcome; a posting step gives the last
 * day of posting (`postedUntil`).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const DecisionRecord = z.object({
  step: Id,
  date: IsoDate,
  outcome: z.enum(["approved", "rejected"]),
  postedUntil: IsoDate.optional(),
  note: z.string().max(2000).optional()
})
/** @since 0.1.0 @category deliberation */
export type DecisionRecord = z.infer<typeof DecisionRecord>

/**
 * Where a matter stands in its pipeline.
 *
 * @since 0.1.0
 * @category deliberation
 */
export interface DecisionStatus {
  readonly status: "inProgress" | "adopted" | "rejected"
  readonly completed: ReadonlyArray<string>
  /** The step due next while in progress. */
  readonly next?: { readonly id: string; readonly name: { readonly zh: string; readonly en: string } }
}

const pipelineCite = (id: string): BilingualText => ({ zh: `流程 ${id}`, en: `pipeline ${id}` })

/**
 * Check the records of a major public matter against its pipeline (default 四议两公开): steps
 * in order with none skipped or repeated, dates never going back, nothing after a rejection,
 * posting periods at least as long as required on the posting date (both days counted; a dated
 * minimum not in force on that date is `no_rule_in_force`), each shortfall citing the rule it
 * breaks. Every problem is reported at once; otherwise the status and the next step.
 *
 * @example
 * ```ts
 * import { checkDecision } from "@jiceng/governance-model"
 * const r = checkDecision([
 *   { step: "propose", date: "2025-04-01", outcome: "approved" },
 *   { step: "deliberate", date: "2025-04-03", outcome: "approved" }
 * ])
 * r.ok && r.value.next?.id //=> "review"
 * const bad = checkDecision([{ step: "resolve", date: "2025-04-01", outcome: "approved" }])
 * !bad.ok && bad.error.issues[0]?.code //=> "out_of_order"
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const checkDecision = (
  records: unknown,
  pipeline: unknown = decisionPipelines.fourDeliberationsTwoDisclosures
): Result<DecisionStatus, InvalidInputError> => {
  const pv = validate(DecisionPipeline, pipeline)
  if (!pv.ok) return pv
  const rv = validate(z.array(DecisionRecord).max(1000), records)
  if (!rv.ok) return rv
  const steps = pv.value.steps
  const source = pv.value.source
  const issues: Array<Issue> = []
  const completed: Array<string> = []
  let rejected = false
  let lastDate = ""
  rv.value.forEach((r, i) => {
    if (rejected) {
      issues.push(issue([i], "after_rejection", `步骤 ${r.step} 在否决之后`, `step ${r.step} comes after a rejection`))
      return
    }
    const expected = steps[completed.length]
    if (!expected || expected.id !== r.step) {
      issues.push(
        issue(
          [i, "step"],
          "out_of_order",
          expected
            ? `应为步骤“${expected.name.zh}”（${expected.id}），而不是 ${r.step}`
            : `流程已完成，不应再有步骤 ${r.step}`,
          expected
            ? `expected step "${expected.name.en}" (${expected.id}), not ${r.step}`
            : `the pipeline is complete; no step ${r.step} is expected`
        )
      )
      return
    }
    if (lastDate !== "" && r.date < lastDate)
      issues.push(
        issue(
          [i, "date"],
          "date_before_previous",
          `日期 ${r.date} 早于上一步骤的 ${lastDate}`,
          `date ${r.date} is before the previous step's ${lastDate}`
        )
      )
    lastDate = r.date
    const rule = expected.minPostingDays
    if (rule !== undefined && r.outcome === "approved") {
      // A plain number is the pipeline's own rule (cited by its source); a dated history gives
      // the rule in force on the posting date, cited by that entry's source.
      const inForce =
        typeof rule === "number"
          ? { ok: true as const, value: rule, cite: source ? formatCitation(source) : pipelineCite(pv.value.id) }
          : ruleInForce(rule, r.date, `minPostingDays (${expected.id})`, [i, "date"], "error")
      if (!inForce.ok) issues.push(...inForce.issues)
      else {
        const minDays = inForce.value
        const cite = "cite" in inForce ? inForce.cite : formatBasis(inForce.basis)
        const from = parseDay(r.date) ?? 0
        const to = r.postedUntil === undefined ? undefined : parseDay(r.postedUntil)
        const days = to === undefined ? 0 : to - from + 1
        if (days < minDays)
          issues.push(
            issue(
              [i, "postedUntil"],
              "posting_too_short",
              `“${expected.name.zh}”须公示至少 ${minDays} 天，实际 ${days} 天（${cite.zh}）`,
              `"${expected.name.en}" must be posted for at least ${minDays} days; it was ${days} (${cite.en})`
            )
          )
      }
    }
    completed.push(r.step)
    if (r.outcome === "rejected") rejected = true
  })
  if (issues.length > 0) return err(new InvalidInputError(issues))
  if (rejected) return ok({ status: "rejected", completed })
  const next = steps[completed.length]
  return next
    ? ok({ status: "inProgress", completed, next: { id: next.id, name: next.name } })
    : ok({ status: "adopted", completed })
}
