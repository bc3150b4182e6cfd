import {
  canonicalJson,
  err,
  InvalidInputError,
  IsoDate,
  type Issue,
  issue,
  ok,
  type Result,
  sha256Hex,
  validate
} from "@jiceng/core"
import * as z from "zod"
import type { ExplanationStep, ThresholdCheck } from "./Explanation.ts"
import { decideAssembly, MATTER_NAMES, type Regime, rulesFor, selectRegime } from "./internal/assemblyRules.ts"
import { AssemblyMatter, AssemblyOptions, type AssemblyTally, sumColumns } from "./tallyOwnersAssembly.ts"

const Header = z.object({
  decisionDate: IsoDate,
  matter: AssemblyMatter,
  options: AssemblyOptions.omit({ served: true, coOwnerPolicy: true }).optional()
})

/**
 * Input of {@link tallyOwnersAssemblyColumns}: one entry per owner (already merged as the law
 * counts heads), `area` in 0.01 m² and `votes` coded 0 did not vote, 1 yes, 2 no, 3 abstain,
 * 4 invalid, 5 did not vote but was served the written consultation.
 *
 * @since 0.1.0
 * @category owners-assembly
 */
export interface AssemblyColumns {
  readonly decisionDate: string
  readonly matter: AssemblyMatter
  readonly area: Uint32Array | ReadonlyArray<number>
  readonly votes: Uint8Array | ReadonlyArray<number>
  readonly options?: Omit<AssemblyOptions, "served" | "coOwnerPolicy">
}

/**
 * The decision from {@link tallyOwnersAssemblyColumns}.
 *
 * @since 0.1.0
 * @category owners-assembly
 */
export interface AssemblyColumnsResult {
  readonly outcome: "passed" | "failed"
  readonly passed: boolean
  readonly regime: Regime
  readonly reasons: ReadonlyArray<string>
  readonly checks: ReadonlyArray<ThresholdCheck>
  readonly totals: AssemblyTally
  readonly explanation: ReadonlyArray<ExplanationStep>
  /** Omitted when called with `{ digest: false }`. */
  readonly inputDigest?: string
}

/**
 * The columnar, population-scale twin of {@link tallyOwnersAssembly} for researchers and
 * large estates: typed arrays in, the same art. 278 decision, exact checks and explanation
 * out, in one pass over the ballots. Per-ballot counting rules (proxies, co-owners) are the
 * object API's job; here each entry is one owner as the law counts heads.
 *
 * @example
 * ```ts
 * import { tallyOwnersAssemblyColumns } from "@jiceng/voting-procedures"
 * const r = tallyOwnersAssemblyColumns({
 *   decisionDate: "2024-06-01", matter: 4,
 *   area: Uint32Array.from([10_000, 10_000, 10_000]),
 *   votes: Uint8Array.from([1, 1, 2])
 * })
 * r.ok && r.value.outcome //=> "passed"
 * ```
 * @since 0.1.0
 * @category owners-assembly
 */
export const tallyOwnersAssemblyColumns = (
  input: unknown,
  config: { readonly digest?: boolean } = {}
): Result<AssemblyColumnsResult, InvalidInputError> => {
  const head = validate(Header, input)
  if (!head.ok) return head
  const raw = input as { area?: unknown; votes?: unknown }
  const { area, votes } = raw
  const issues: Array<Issue> = []
  const isArea = area instanceof Uint32Array || Array.isArray(area)
  const isVotes = votes instanceof Uint8Array || Array.isArray(votes)
  if (!isArea)
    issues.push(
      issue(
        ["area"],
        "invalid_type",
        "area 须为 Uint32Array 或整数数组",
        "area must be a Uint32Array or an array of integers"
      )
    )
  if (!isVotes)
    issues.push(
      issue(
        ["votes"],
        "invalid_type",
        "votes 须为 Uint8Array 或整数数组",
        "votes must be a Uint8Array or an array of codes"
      )
    )
  if (issues.length > 0) return err(new InvalidInputError(issues))
  const a = area as Uint32Array | Array<unknown>
  const v = votes as Uint8Array | Array<unknown>
  if (a.length !== v.length || a.length === 0)
    return err(
      new InvalidInputError([
        issue(
          ["votes"],
          "length_mismatch",
          "area 与 votes 长度须相同且不为零",
          "area and votes must have the same, non-zero length"
        )
      ])
    )
  let total = 0
  // A Uint8Array holds integers 0–255, so one range scan suffices; plain arrays are checked in full.
  const badCode = (i: number) =>
    err(new InvalidInputError([issue(["votes", i], "invalid_vote_code", "表决代码须为 0–5", "vote codes are 0–5")]))
  if (!(v instanceof Uint8Array)) {
    const bad = v.findIndex((code) => typeof code !== "number" || !Number.isInteger(code) || code < 0 || code > 5)
    if (bad >= 0) return badCode(bad)
  }
  if (!(a instanceof Uint32Array))
    for (let i = 0; i < a.length; i++) {
      const x = a[i]
      if (typeof x !== "number" || !Number.isSafeInteger(x) || x < 0)
        return err(
          new InvalidInputError([
            issue(
              ["area", i],
              "invalid_area",
              "面积须为非负整数（0.01 平方米）",
              "area must be a non-negative integer (0.01 m²)"
            )
          ])
        )
      total += x
      if (!Number.isSafeInteger(total))
        return err(
          new InvalidInputError([
            issue(["area"], "area_overflow", "总面积超出精确范围", "total area exceeds the exact range")
          ])
        )
    }
  const options = AssemblyOptions.parse({ ...(head.value.options ?? {}) })
  const { decisionDate, matter } = head.value
  const selected = selectRegime(decisionDate, options.regime)
  if (!selected.ok) return selected
  const { regime } = selected.value
  const totals = sumColumns(
    a as ArrayLike<number>,
    v as ArrayLike<number>,
    options,
    rulesFor(regime, MATTER_NAMES.indexOf(matter) + 1).quorum
  )
  // A Uint8Array code above 5 is found only when the single pass does not add up.
  if (totals === undefined) return badCode(firstOutOfRange(v as Uint8Array))
  if (totals.area === 0)
    return err(
      new InvalidInputError([issue(["area"], "zero_area", "专有部分总面积为零", "the total exclusive area is zero")])
    )
  const decision = decideAssembly(regime, matter, totals)
  const base = {
    outcome: decision.passed ? ("passed" as const) : ("failed" as const),
    passed: decision.passed,
    regime,
    reasons: decision.reasons,
    checks: decision.checks,
    totals,
    explanation: decision.steps
  }
  if (config.digest === false) return ok(base)
  return ok({
    ...base,
    inputDigest: sha256Hex(
      canonicalJson({
        decisionDate,
        matter,
        options,
        area: Array.from(a as ArrayLike<number>),
        votes: Array.from(v as ArrayLike<number>)
      })
    )
  })
}

const firstOutOfRange = (v: Uint8Array): number => v.findIndex((code) => code > 5)
