import { createRng } from "@jiceng/core"
import * as z from "zod"

/**
 * How a method breaks a tie it cannot settle by its own rules, declared up front and
 * recorded in every result: the candidates' listed order, an explicit priority order (first =
 * favoured: it wins a tie for a seat and survives a tie for exclusion), or a seeded lot.
 *
 * @example
 * ```ts
 * import { TieBreak } from "@jiceng/voting-procedures"
 * TieBreak.parse({ kind: "seeded", seed: 2007 }) //=> { kind: "seeded", seed: 2007 }
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const TieBreak = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("candidateOrder") }),
  z.object({ kind: z.literal("order"), order: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal("seeded"), seed: z.int() })
])
/** @since 0.1.0 @category social-choice */
export type TieBreak = z.infer<typeof TieBreak>

/**
 * A tie that the declared {@link TieBreak} decided, as recorded in a result.
 *
 * @since 0.1.0
 * @category social-choice
 */
export interface TieRecord {
  readonly stage: number
  readonly purpose: string
  readonly tied: ReadonlyArray<string>
  readonly chosen: string
  readonly by: "priorStage" | "tieBreak"
}

/** Resolves a tie-break to a priority per candidate index (smaller = favoured). */
export const priorityOf = (
  tb: TieBreak,
  candidates: ReadonlyArray<string>
): { readonly priority: Int32Array; readonly order: ReadonlyArray<string> } | { readonly unknown: string } => {
  const n = candidates.length
  let order: Array<number>
  if (tb.kind === "candidateOrder") order = candidates.map((_, i) => i)
  else if (tb.kind === "seeded") order = createRng(tb.seed).shuffle(candidates.map((_, i) => i))
  else {
    order = []
    const seen = new Set<number>()
    for (const name of tb.order) {
      const at = candidates.indexOf(name)
      if (at < 0) return { unknown: name }
      if (!seen.has(at)) order.push(at)
      seen.add(at)
    }
    // Candidates the order leaves out come after it, in listed order.
    for (let i = 0; i < n; i++) if (!seen.has(i)) order.push(i)
  }
  const priority = new Int32Array(n)
  order.forEach((c, rank) => {
    priority[c] = rank
  })
  return { priority, order: order.map((c) => candidates[c]!) }
}
