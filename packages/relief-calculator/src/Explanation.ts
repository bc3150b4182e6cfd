import type { BilingualText, Citation } from "@jiceng/core"

/**
 * A parameter value an explanation step used, with the dates it was in force and its source.
 *
 * @example
 * ```ts
 * import type { ParameterUsed } from "@jiceng/relief-calculator"
 * const p: ParameterUsed = { name: "dibaoLine", value: 145000, from: "2024-07-01", source: { title: "Beijing notice" } }
 * ```
 * @since 0.1.0
 * @category explanations
 */
export interface ParameterUsed {
  readonly name: string
  readonly value: unknown
  readonly from: string
  readonly to?: string | undefined
  readonly source: Citation
}

/**
 * One step of an explanation: a rule id, its legal citations, the inputs and parameters it
 * read, its outcome and, for money steps, the amount in fen. Steps marked `payment` add up to
 * the assessment's `totalFen`.
 *
 * @example
 * ```ts
 * import type { Step } from "@jiceng/relief-calculator"
 * const s: Step = {
 *   id: "dibao.amount",
 *   title: { zh: "低保金", en: "Dibao amount" },
 *   citations: [],
 *   inputs: { lineFen: 145000, unitSize: 3, adjustedIncomeFen: 320000 },
 *   parameters: [],
 *   amountFen: 115000,
 *   payment: true,
 *   text: { zh: "…", en: "…" }
 * }
 * ```
 * @since 0.1.0
 * @category explanations
 */
export interface Step {
  readonly id: string
  readonly title: BilingualText
  readonly citations: ReadonlyArray<Citation>
  readonly inputs: Readonly<Record<string, number | string | boolean>>
  readonly parameters: ReadonlyArray<ParameterUsed>
  readonly outcome?: boolean
  readonly amountFen?: number
  readonly payment?: boolean
  readonly text: BilingualText
}
