import { type InvalidInputError, meetsThreshold, ok, Ratio, type Result, ratio, validate } from "@jiceng/core"
import * as z from "zod"

/**
 * A matter raised in a community, described by the facts the "1+3" routing looks at.
 *
 * - `affectedHouseholds` of `communityHouseholds`: how many households it touches.
 * - `publicResources`: it concerns public space, facilities, funds or a duty the law gives the
 *   government (公共事务).
 * - `disputed`: the people concerned disagree (a conflict of interests, not a request).
 * - `responsibleUnits`: how many departments or bodies share responsibility for it.
 * - `parties`: the number of identifiable sides to a dispute (for mediation).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const Matter = z
  .object({
    id: z.string().min(1).max(200),
    title: z.string().max(500).optional(),
    affectedHouseholds: z.int().min(0).max(10_000_000),
    communityHouseholds: z.int().min(1).max(10_000_000),
    publicResources: z.boolean(),
    disputed: z.boolean(),
    responsibleUnits: z.int().min(0).max(1000).optional(),
    parties: z.int().min(0).max(100_000).optional()
  })
  .check((ctx) => {
    const m = ctx.value
    if (m.affectedHouseholds > m.communityHouseholds)
      ctx.issues.push({
        code: "custom",
        input: m,
        path: ["affectedHouseholds"],
        message: "more than the community",
        params: {
          code: "exceeds_community",
          zh: `受影响户数 ${m.affectedHouseholds} 超过社区户数 ${m.communityHouseholds}`,
          en: `affected households ${m.affectedHouseholds} exceed the community's ${m.communityHouseholds}`
        }
      })
  })
/** @since 0.1.0 @category deliberation */
export type Matter = z.infer<typeof Matter>

/**
 * Options of {@link classifyMatter}. The essays (篇七) name the three routes but give no numbers,
 * and no primary source for "1+3" was found, so every cut-off is a named parameter:
 *
 * - `smallGroupShare` (default 1/10): a matter touching at most this share of the community's
 *   households, with no public resources and one responsible unit at most, is a small-group
 *   matter (小群体事务) for the parties concerned.
 * - `hearingShare` (default 1/3): in a joint meeting, a matter touching at least this share of
 *   households, or any public-resource matter, goes to a hearing (听证会).
 * - `mediationMaxParties` (default 10): a dispute with at most this many identifiable sides goes
 *   to mediation (调解) rather than a coordination meeting (协调会).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const ClassifyMatterOptions = z
  .object({
    smallGroupShare: Ratio.optional(),
    hearingShare: Ratio.optional(),
    mediationMaxParties: z.int().min(1).max(100_000).optional()
  })
  .optional()
/** @since 0.1.0 @category deliberation */
export type ClassifyMatterOptions = z.infer<typeof ClassifyMatterOptions>

/**
 * The route of a matter: led by the government (政府主导), handled by the parties concerned
 * (当事人自主), or jointly (共商共治).
 *
 * @since 0.1.0
 * @category deliberation
 */
export type MatterRoute = "governmentLed" | "partiesConcerned" | "joint"

/**
 * The procedure a joint meeting (联席会议) chooses: a hearing (听证会), a coordination meeting
 * (协调会) or mediation (调解).
 *
 * @since 0.1.0
 * @category deliberation
 */
export type JointProcedure = "hearing" | "coordination" | "mediation"

/**
 * A route with the reasons for it, bilingual.
 *
 * @since 0.1.0
 * @category deliberation
 */
export interface MatterClassification {
  readonly matterId: string
  readonly route: MatterRoute
  /** For joint matters: the procedure the joint meeting should choose. */
  readonly procedure?: JointProcedure
  readonly reasons: ReadonlyArray<{ readonly code: string; readonly zh: string; readonly en: string }>
}

/**
 * Route a matter by the "1+3" consultation model (篇七): public matters are led by the
 * government, small-group matters by the parties concerned, hard matters jointly — and for a
 * joint matter, say whether the joint meeting should hold a hearing, a coordination meeting or
 * mediation. Shares are compared exactly (cross-multiplication).
 *
 * @example
 * ```ts
 * import { classifyMatter } from "@jiceng/governance-model"
 * const r = classifyMatter({ id: "m1", affectedHouseholds: 6, communityHouseholds: 600, publicResources: false, disputed: true, parties: 2 })
 * r.ok && r.value.route //=> "partiesConcerned"
 * const p = classifyMatter({ id: "m2", affectedHouseholds: 300, communityHouseholds: 600, publicResources: true, disputed: true })
 * p.ok && [p.value.route, p.value.procedure] //=> ["joint", "hearing"]
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const classifyMatter = (matter: unknown, options?: unknown): Result<MatterClassification, InvalidInputError> => {
  const o = validate(ClassifyMatterOptions, options)
  if (!o.ok) return o
  const m = validate(Matter, matter)
  if (!m.ok) return m
  const x = m.value
  const small = o.value?.smallGroupShare ?? ratio(1, 10)
  const hearing = o.value?.hearingShare ?? ratio(1, 3)
  const maxParties = o.value?.mediationMaxParties ?? 10
  const units = x.responsibleUnits ?? 1
  const share = `${x.affectedHouseholds}/${x.communityHouseholds}`
  const reasons: Array<MatterClassification["reasons"][number]> = []
  const why = (code: string, zh: string, en: string) => reasons.push({ code, zh, en })

  // affected / community ≤ small, by cross-multiplication.
  const isSmall = !meetsThreshold(x.affectedHouseholds, x.communityHouseholds, small, "moreThan")
  if (x.publicResources && !x.disputed && units <= 1) {
    why(
      "public",
      "涉及公共资源或政府法定职责，且无争议",
      "it concerns public resources or a statutory government duty, and nobody disputes it"
    )
    return ok({ matterId: x.id, route: "governmentLed", reasons })
  }
  if (!x.publicResources && units <= 1 && isSmall) {
    why(
      "small_group",
      `只涉及 ${share} 户（不超过 ${small.numerator}/${small.denominator}），不涉及公共资源`,
      `it touches ${share} households (at most ${small.numerator}/${small.denominator}) and no public resources`
    )
    return ok({ matterId: x.id, route: "partiesConcerned", reasons })
  }
  if (x.publicResources && x.disputed)
    why("disputed_public", "涉及公共资源且有争议", "it concerns public resources and is disputed")
  if (!x.publicResources && !isSmall)
    why(
      "wide_private",
      `涉及 ${share} 户，超过小群体上限 ${small.numerator}/${small.denominator}`,
      `it touches ${share} households, more than the small-group share ${small.numerator}/${small.denominator}`
    )
  if (units > 1) why("several_units", `由 ${units} 个单位共同负责`, `${units} units share responsibility for it`)

  let procedure: JointProcedure
  const wide = meetsThreshold(x.affectedHouseholds, x.communityHouseholds, hearing, "atLeast")
  if (x.publicResources || wide) {
    procedure = "hearing"
    why(
      "hearing",
      `涉及公共利益或至少 ${hearing.numerator}/${hearing.denominator} 的住户：召开听证会`,
      `it touches the public interest or at least ${hearing.numerator}/${hearing.denominator} of households: hold a hearing`
    )
  } else if (x.disputed && (x.parties ?? 2) <= maxParties) {
    procedure = "mediation"
    why(
      "mediation",
      `争议当事方不超过 ${maxParties} 方：进行调解`,
      `a dispute among at most ${maxParties} sides: mediate`
    )
  } else {
    procedure = "coordination"
    why(
      "coordination",
      "需要多方协调：召开协调会",
      "several sides must be brought together: hold a coordination meeting"
    )
  }
  return ok({ matterId: x.id, route: "joint", procedure, reasons })
}
