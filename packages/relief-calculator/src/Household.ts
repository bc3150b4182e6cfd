import * as z from "zod"
import { IncomeKind, Money } from "./Policy.ts"

/**
 * Disability kinds on the certificate (残疾人证), numbered 1–6 in columnar populations.
 *
 * @example
 * ```ts
 * import { DisabilityKind } from "@jiceng/relief-calculator"
 * DisabilityKind.options.indexOf("intellectual") + 1 //=> 5
 * ```
 * @since 0.1.0
 * @category models
 */
export const DisabilityKind = z.enum(["physical", "visual", "hearing", "speech", "intellectual", "mental"])
/** @since 0.1.0 @category models */
export type DisabilityKind = z.infer<typeof DisabilityKind>

/**
 * Statuses that take a person out of the household unit (最低生活保障审核确认办法 art. 7), numbered 1–4 in columns.
 *
 * @example
 * ```ts
 * import { ExclusionStatus } from "@jiceng/relief-calculator"
 * ExclusionStatus.options[1] //=> "imprisoned"
 * ```
 * @since 0.1.0
 * @category models
 */
export const ExclusionStatus = z.enum(["clergyAway3Years", "imprisoned", "compulsoryRehab", "missing"])
/** @since 0.1.0 @category models */
export type ExclusionStatus = z.infer<typeof ExclusionStatus>

/**
 * One person listed in the household (a candidate 共同生活家庭成员) with monthly income items in fen.
 *
 * @example
 * ```ts
 * import { Member } from "@jiceng/relief-calculator"
 * Member.safeParse({ id: "a", age: 131, incomes: [] }).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const Member = z.object({
  id: z.string().min(1),
  age: z.int().min(0).max(130),
  incomes: z.array(z.object({ kind: IncomeKind, amountFen: Money })).max(50),
  /** Transfer spending the person pays out: support for others, taxes, social-insurance contributions. */
  transferOutFen: Money.optional(),
  disability: z.object({ kind: DisabilityKind, grade: z.int().min(1).max(4) }).optional(),
  /** A locally recognised catastrophic illness (重特大疾病). */
  catastrophicIllness: z.boolean().optional(),
  employed: z.boolean().optional(),
  excluded: ExclusionStatus.optional(),
  /** How many of the six self-care indicators (eating, dressing, bed transfer, toileting, walking indoors, bathing) are not achieved. */
  selfCareFailed: z.int().min(0).max(6).optional(),
  /** A minor who qualifies as an orphan and chose the orphan benefit (特困人员认定办法 art. 9). */
  choseOrphanBenefit: z.boolean().optional(),
  /**
   * Already receives 特困 support granted while a minor: it continues until 18, and beyond while
   * `inSchool` (特困人员认定办法, note under art. 24), as long as the other conditions still hold.
   */
  alreadyTekunAsMinor: z.boolean().optional(),
  /** In compulsory education, ordinary senior high school or secondary vocational school. */
  inSchool: z.boolean().optional()
})
/** @since 0.1.0 @category models */
export type Member = z.infer<typeof Member>

/**
 * A relative living apart who owes support (赡养/抚养/扶养义务人) to some members.
 *
 * @example
 * ```ts
 * import { Obligor } from "@jiceng/relief-calculator"
 * Obligor.safeParse({ id: "son", supports: ["f"], age: 40, householdIncomeFen: 0, householdSize: -1, ownIncomeFen: 0 }).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const Obligor = z
  .object({
    id: z.string().min(1),
    /** Member ids this person must support. */
    supports: z.array(z.string().min(1)).min(1).max(50),
    age: z.int().min(0).max(130),
    householdIncomeFen: Money,
    householdSize: z.int().min(1).max(50),
    ownIncomeFen: Money,
    /**
     * Everyone outside the obligor's own household whom the obligor must support, here or
     * elsewhere; at least `supports.length`, and that by default. A divided formula gives each
     * of them an equal share (relief-rules.md §2.8 variant A).
     */
    supportedPersons: z.int().min(1).max(50).optional(),
    /** Children of the supported parent (variant E switches rate at 3). */
    childrenCount: z.int().min(1).max(30).optional(),
    isDibao: z.boolean().optional(),
    isTekun: z.boolean().optional(),
    /** Grade 1–2 disability, or grade 3 intellectual or mental disability. */
    severeDisability: z.boolean().optional(),
    /** Lacks civil capacity, declared missing, or serving a prison sentence. */
    lacksCapacity: z.boolean().optional(),
    /** Assets within the local low-income asset rules (needed by 特困人员认定办法 art. 8(3)–(5)). */
    lowIncomeAssets: z.boolean().optional(),
    /** Monthly support set by a judgment, mediation or award, for the supported members of this household together. */
    judgmentFen: Money.optional(),
    /** Monthly support set by a written agreement, for the supported members of this household together. */
    agreementFen: Money.optional(),
    /** Monthly support actually paid to the supported members of this household together. */
    actualPaidFen: Money.optional()
  })
  .check((ctx) => {
    const o = ctx.value
    const seen = new Set<string>()
    o.supports.forEach((s, j) => {
      if (seen.has(s)) {
        ctx.issues.push({
          code: "custom",
          input: s,
          path: ["supports", j],
          message: "duplicate supported member",
          params: { code: "duplicate_support", zh: `受赡养成员 ${s} 重复`, en: `supported member ${s} is listed twice` }
        })
      }
      seen.add(s)
    })
    if (o.supportedPersons !== undefined && o.supportedPersons < seen.size) {
      ctx.issues.push({
        code: "custom",
        input: o.supportedPersons,
        path: ["supportedPersons"],
        message: "supportedPersons is below the members supported",
        params: {
          code: "supported_persons_too_small",
          zh: `受赡（抚、扶）养总人数 ${o.supportedPersons} 不能少于本户受赡养成员数 ${seen.size}`,
          en: `supportedPersons ${o.supportedPersons} cannot be less than the ${seen.size} members supported here`
        }
      })
    }
  })
/** @since 0.1.0 @category models */
export type Obligor = z.infer<typeof Obligor>

/**
 * A household applying for assistance for one month: members with their incomes, assets,
 * monthly rigid expenditure, relatives living apart who owe support, and last month's status.
 * Member ids and obligor ids must be unique and obligors must support listed members.
 *
 * @example
 * ```ts
 * import { Household } from "@jiceng/relief-calculator"
 * const h = { members: [{ id: "a", age: 40, incomes: [] }, { id: "a", age: 9, incomes: [] }] }
 * Household.safeParse(h).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const Household = z
  .object({
    id: z.string().optional(),
    members: z.array(Member).min(1).max(50),
    assets: z
      .object({
        depositsFen: Money.optional(),
        vehicles: z.int().min(0).max(100).optional(),
        homes: z.int().min(0).max(100).optional()
      })
      .optional(),
    rigidExpenditure: z
      .object({
        medical: Money.optional(),
        education: Money.optional(),
        disabilityCare: Money.optional(),
        rent: Money.optional(),
        employmentCost: Money.optional(),
        basicLiving: Money.optional()
      })
      .optional(),
    obligors: z.array(Obligor).max(20).optional(),
    previous: z
      .object({ dibaoFen: Money, exitMonthsUsed: z.int().min(0).max(24), employmentGained: z.boolean() })
      .optional()
  })
  .check((ctx) => {
    const seen = new Set<string>()
    ctx.value.members.forEach((m, i) => {
      if (seen.has(m.id)) {
        ctx.issues.push({
          code: "custom",
          input: m.id,
          path: ["members", i, "id"],
          message: "duplicate member id",
          params: { code: "duplicate_member", zh: `成员编号 ${m.id} 重复`, en: `member id ${m.id} appears twice` }
        })
      }
      seen.add(m.id)
    })
    const obligorIds = new Set<string>()
    ctx.value.obligors?.forEach((o, i) => {
      if (obligorIds.has(o.id)) {
        ctx.issues.push({
          code: "custom",
          input: o.id,
          path: ["obligors", i, "id"],
          message: "duplicate obligor id",
          params: { code: "duplicate_obligor", zh: `义务人编号 ${o.id} 重复`, en: `obligor id ${o.id} appears twice` }
        })
      }
      obligorIds.add(o.id)
      o.supports.forEach((s, j) => {
        if (!seen.has(s)) {
          ctx.issues.push({
            code: "custom",
            input: s,
            path: ["obligors", i, "supports", j],
            message: "unknown member",
            params: {
              code: "unknown_member",
              zh: `义务人 ${o.id} 指向不存在的家庭成员 ${s}`,
              en: `obligor ${o.id} points to ${s}, who is not a member of this household`
            }
          })
        }
      })
    })
  })
/** @since 0.1.0 @category models */
export type Household = z.infer<typeof Household>

/** A calendar month `YYYY-MM`: the one month schema of every calculator's options and events. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "month must be YYYY-MM")

/**
 * Options of {@link assessHousehold} (and of `assessPopulation` and `compareScenarios`): the
 * month assessed (`YYYY-MM`, its first day picks the parameters in force) and what to do when
 * a parameter is past its last dated value.
 *
 * @example
 * ```ts
 * import { AssessOptions } from "@jiceng/relief-calculator"
 * AssessOptions.safeParse({ month: "2024-13" }).success //=> false
 * ```
 * @since 0.1.0
 * @category models
 */
export const AssessOptions = z.object({ month: Month, onStale: z.enum(["warn", "error"]).optional() })
/** @since 0.1.0 @category models */
export type AssessOptions = z.infer<typeof AssessOptions>
