import { err, InvalidInputError, type Issue, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { LocalDateTime } from "./LocalDateTime.ts"

const Id = z.string().min(1).max(200)

/**
 * A household-by-household consultation (入户征询): the households to ask and the answers
 * collected so far. A household may answer again; its latest answer counts.
 *
 * @since 0.1.0
 * @category deliberation
 */
export const Consultation = z.object({
  matterId: Id,
  households: z.array(Id).min(1).max(1_000_000),
  responses: z.array(
    z.object({
      household: Id,
      at: LocalDateTime,
      answer: z.enum(["agree", "disagree", "abstain", "noAnswer"]),
      note: z.string().max(2000).optional()
    })
  )
})
/** @since 0.1.0 @category deliberation */
export type Consultation = z.infer<typeof Consultation>

/**
 * Where a consultation stands: who answered what (latest answer per household), who was
 * visited without an answer (`noAnswer`), who is still to visit, and the response rate with its
 * denominator.
 *
 * @since 0.1.0
 * @category deliberation
 */
export interface ConsultationStatus {
  readonly matterId: string
  readonly households: number
  readonly agree: number
  readonly disagree: number
  readonly abstain: number
  /** Visited, no answer given. */
  readonly noAnswer: ReadonlyArray<string>
  /** Not yet visited, in the consultation's order. */
  readonly pending: ReadonlyArray<string>
  /** Households that answered (agree, disagree or abstain) over all households. */
  readonly responseRate: { readonly numerator: number; readonly denominator: number }
  readonly complete: boolean
}

/**
 * Track a household-by-household consultation: each household's latest answer, the households
 * still to visit or to revisit, and the response rate. Duplicate households and answers from
 * households outside the list are reported, all at once.
 *
 * @example
 * ```ts
 * import { trackConsultation } from "@jiceng/governance-model"
 * const r = trackConsultation({
 *   matterId: "加装电梯",
 *   households: ["101", "102", "201", "202"],
 *   responses: [
 *     { household: "101", at: "2025-03-01T10:00", answer: "agree" },
 *     { household: "102", at: "2025-03-01T10:20", answer: "noAnswer" },
 *     { household: "102", at: "2025-03-02T19:00", answer: "disagree" },
 *     { household: "201", at: "2025-03-01T11:00", answer: "noAnswer" }
 *   ]
 * })
 * r.ok && [r.value.agree, r.value.disagree, r.value.noAnswer, r.value.pending] //=> [1, 1, ["201"], ["202"]]
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const trackConsultation = (input: unknown): Result<ConsultationStatus, InvalidInputError> => {
  const v = validate(Consultation, input)
  if (!v.ok) return v
  const c = v.value
  const issues: Array<Issue> = []
  const known = new Set<string>()
  c.households.forEach((h, i) => {
    if (known.has(h))
      issues.push(issue(["households", i], "duplicate_code", `户 ${h} 重复`, `household ${h} is listed twice`))
    known.add(h)
  })
  const latest = new Map<string, { at: string; answer: string }>()
  c.responses.forEach((r, i) => {
    if (!known.has(r.household)) {
      issues.push(
        issue(
          ["responses", i, "household"],
          "unknown_household",
          `户 ${r.household} 不在征询名单中`,
          `household ${r.household} is not on the consultation list`
        )
      )
      return
    }
    const prev = latest.get(r.household)
    // Later answers replace earlier ones; at the same minute, the later entry in the log wins.
    if (!prev || normal(r.at) >= normal(prev.at)) latest.set(r.household, { at: r.at, answer: r.answer })
  })
  if (issues.length > 0) return err(new InvalidInputError(issues))
  let agree = 0
  let disagree = 0
  let abstain = 0
  const noAnswer: Array<string> = []
  const pending: Array<string> = []
  for (const h of c.households) {
    const a = latest.get(h)?.answer
    if (a === undefined) pending.push(h)
    else if (a === "agree") agree++
    else if (a === "disagree") disagree++
    else if (a === "abstain") abstain++
    else noAnswer.push(h)
  }
  const answered = agree + disagree + abstain
  return ok({
    matterId: c.matterId,
    households: c.households.length,
    agree,
    disagree,
    abstain,
    noAnswer,
    pending,
    responseRate: { numerator: answered, denominator: c.households.length },
    complete: answered === c.households.length
  })
}

const normal = (at: string): string => (at.length === 16 ? `${at}:00` : at)
