import { err, Fen, formatYuan, InvalidInputError, type Issue, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"

/**
 * A community project proposed for venture-philanthropy funding (公益创投): its cost in fen and
 * its review score (an integer, e.g. the sum of the reviewers' marks).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const CommunityProject = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(500).optional(),
  cost: Fen,
  score: z.int().min(0).max(1_000_000)
})
/** @since 0.1.0 @category deliberation */
export type CommunityProject = z.infer<typeof CommunityProject>

/**
 * Options of {@link selectProjects}: the `budget` in fen and the `minScore` a project needs to
 * be eligible (default 0).
 *
 * @since 0.1.0
 * @category deliberation
 */
export const SelectProjectsOptions = z.object({ budget: Fen, minScore: z.int().min(0).optional() })
/** @since 0.1.0 @category deliberation */
export type SelectProjectsOptions = z.infer<typeof SelectProjectsOptions>

/**
 * The funded projects and why the others were not funded.
 *
 * @since 0.1.0
 * @category deliberation
 */
export interface ProjectSelection {
  /** Funded project ids, in input order. */
  readonly selected: ReadonlyArray<string>
  readonly totalScore: number
  readonly totalCost: number
  readonly remaining: number
  readonly notSelected: ReadonlyArray<{ readonly id: string; readonly reason: "belowMinScore" | "outscored" }>
  readonly explanation: { readonly zh: string; readonly en: string }
}

// The dynamic programme keeps (projects + 1) × (total score + 1) costs.
const MAX_CELLS = 4_000_000

/**
 * Choose community projects within a budget by exact 0/1 knapsack: the largest total score whose
 * cost fits, then the smallest cost for that score, then — deterministically — earlier projects
 * in the input before later ones. Runs a dynamic programme over scores (projects × total score
 * ≤ 4,000,000 cells), so costs in fen need no rounding.
 *
 * @example
 * ```ts
 * import { selectProjects } from "@jiceng/governance-model"
 * const r = selectProjects(
 *   [
 *     { id: "助老餐桌", cost: 6_000_000, score: 90 },
 *     { id: "四点半课堂", cost: 5_000_000, score: 60 },
 *     { id: "楼道微更新", cost: 5_000_000, score: 55 }
 *   ],
 *   { budget: 10_000_000 }
 * )
 * r.ok && r.value.selected //=> ["四点半课堂", "楼道微更新"]
 * ```
 * @since 0.1.0
 * @category deliberation
 */
export const selectProjects = (projects: unknown, options: unknown): Result<ProjectSelection, InvalidInputError> => {
  const o = validate(SelectProjectsOptions, options)
  if (!o.ok) return o
  const p = validate(z.array(CommunityProject).max(10_000), projects)
  if (!p.ok) return p
  const { budget, minScore = 0 } = o.value
  const issues: Array<Issue> = []
  const seen = new Set<string>()
  p.value.forEach((x, i) => {
    if (seen.has(x.id))
      issues.push(issue([i, "id"], "duplicate_code", `项目 ${x.id} 重复`, `project ${x.id} is listed twice`))
    seen.add(x.id)
  })
  const items = p.value.filter((x) => x.score >= minScore)
  const n = items.length
  const S = items.reduce((a, x) => a + x.score, 0)
  if (items.reduce((a, x) => a + x.cost, 0) > Number.MAX_SAFE_INTEGER)
    issues.push(
      issue([], "too_large", "项目费用合计超出精确整数范围", "the projects' costs add up beyond exact integers")
    )
  if ((n + 1) * (S + 1) > MAX_CELLS)
    issues.push(
      issue(
        [],
        "too_large",
        `项目数 × 总分过大（${n} × ${S}），请缩小分值尺度`,
        `projects × total score is too large (${n} × ${S}); use a coarser score scale`
      )
    )
  if (issues.length > 0) return err(new InvalidInputError(issues))

  // best[i][s]: the least cost reaching score exactly s with projects i.. n-1 (Infinity: none).
  const W = S + 1
  const best = new Float64Array((n + 1) * W).fill(Number.POSITIVE_INFINITY)
  best[n * W] = 0
  for (let i = n - 1; i >= 0; i--) {
    const { cost, score } = items[i] as CommunityProject
    const row = i * W
    const next = (i + 1) * W
    for (let s = 0; s < W; s++) {
      const skip = best[next + s] as number
      const take = s >= score ? (best[next + s - score] as number) + cost : Number.POSITIVE_INFINITY
      best[row + s] = Math.min(take, skip)
    }
  }
  let target = 0
  for (let s = S; s >= 0; s--)
    if ((best[s] as number) <= budget) {
      target = s
      break
    }
  // Walk forward, taking a project whenever an optimal completion includes it.
  const chosen = new Set<string>()
  let rem = target
  for (let i = 0; i < n; i++) {
    const { id, cost, score } = items[i] as CommunityProject
    const here = best[i * W + rem] as number
    if (score <= rem && (best[(i + 1) * W + rem - score] as number) + cost === here) {
      chosen.add(id)
      rem -= score
    }
  }
  const totalCost = best[target] as number
  const selected = p.value.filter((x) => chosen.has(x.id)).map((x) => x.id)
  const notSelected = p.value
    .filter((x) => !chosen.has(x.id))
    .map((x) => ({ id: x.id, reason: x.score < minScore ? ("belowMinScore" as const) : ("outscored" as const) }))
  return ok({
    selected,
    totalScore: target,
    totalCost,
    remaining: budget - totalCost,
    notSelected,
    explanation: {
      zh: `在预算 ${formatYuan(budget)} 元内选出 ${selected.length} 个项目，总分 ${target}（可达到的最高分），花费 ${formatYuan(totalCost)} 元`,
      en: `within the budget of ¥${formatYuan(budget)}, ${selected.length} projects with total score ${target} (the highest reachable), costing ¥${formatYuan(totalCost)}`
    }
  })
}
