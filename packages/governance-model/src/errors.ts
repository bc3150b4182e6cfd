import { JicengError } from "@jiceng/core"

/**
 * An event the workflow does not allow: wrong state, wrong role, a failed guard, time running
 * backwards, or escalation past the top. Each issue names the case, the state, the event and the
 * events that were allowed.
 *
 * @example
 * ```ts
 * import { IllegalTransitionError } from "@jiceng/governance-model"
 * new IllegalTransitionError([])._tag //=> "IllegalTransitionError"
 * ```
 * @since 0.1.0
 * @category errors
 */
export class IllegalTransitionError extends JicengError {
  readonly _tag = "IllegalTransitionError" as const
  override readonly name = "IllegalTransitionError"
}

/**
 * A grid partition that cannot meet its household band: the issues name the blocking building,
 * connected part or community, and say why.
 *
 * @example
 * ```ts
 * import { InfeasibleBandError } from "@jiceng/governance-model"
 * new InfeasibleBandError([])._tag //=> "InfeasibleBandError"
 * ```
 * @since 0.1.0
 * @category errors
 */
export class InfeasibleBandError extends JicengError {
  readonly _tag = "InfeasibleBandError" as const
  override readonly name = "InfeasibleBandError"
}

/**
 * An organisation model with problems: unknown parents or territories, duplicate codes, cycles,
 * skipped levels, a grid spanning communities, a party branch with too few full members, a
 * committee of unlawful size. Every problem is reported at once, each with its path.
 *
 * @example
 * ```ts
 * import { OrganisationError } from "@jiceng/governance-model"
 * new OrganisationError([])._tag //=> "OrganisationError"
 * ```
 * @since 0.1.0
 * @category errors
 */
export class OrganisationError extends JicengError {
  readonly _tag = "OrganisationError" as const
  override readonly name = "OrganisationError"
}
