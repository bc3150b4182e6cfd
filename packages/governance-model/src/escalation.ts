/**
 * The four levels of the linkage chain a service request climbs when nobody acts:
 * community (社区) → street (街道) → district (区) → city (市).
 *
 * @since 0.1.0
 * @category workflows
 */
export type EscalationLevel = "community" | "street" | "district" | "city"

/**
 * The levels in escalation order.
 *
 * @example
 * ```ts
 * import { escalationLevels } from "@jiceng/governance-model"
 * escalationLevels[0] //=> "community"
 * ```
 * @since 0.1.0
 * @category workflows
 */
export const escalationLevels: ReadonlyArray<EscalationLevel> = ["community", "street", "district", "city"]

/**
 * The level a request escalates to from `level`: always exactly one level up, and `undefined`
 * at the top (the city has nobody above it in the four-level linkage, 四级联动) and for a string
 * that is not a level (never a silent restart at the community).
 *
 * @example
 * ```ts
 * import { escalateFrom } from "@jiceng/governance-model"
 * escalateFrom("street") //=> "district"
 * escalateFrom("city") //=> undefined
 * escalateFrom("province") //=> undefined
 * ```
 * @since 0.1.0
 * @category workflows
 */
export const escalateFrom = (level: EscalationLevel | (string & {})): EscalationLevel | undefined => {
  const i = escalationLevels.indexOf(level as EscalationLevel)
  return i < 0 ? undefined : escalationLevels[i + 1]
}
