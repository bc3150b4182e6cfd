/**
 * A message in both languages Jiceng documents: simplified Chinese and English.
 *
 * @example
 * ```ts
 * import type { BilingualText } from "@jiceng/core"
 * const m: BilingualText = { zh: "金额不能为负", en: "amount must not be negative" }
 * ```
 * @since 0.1.0
 * @category errors
 */
export interface BilingualText {
  readonly zh: string
  readonly en: string
}

/**
 * One problem found in an input: where (`path`), what kind (`code`, machine-readable) and a
 * bilingual human message.
 *
 * @example
 * ```ts
 * import type { Issue } from "@jiceng/core"
 * const issue: Issue = {
 *   path: ["members", 2, "age"],
 *   code: "too_small",
 *   message: { zh: "年龄不能为负", en: "age must not be negative" }
 * }
 * ```
 * @since 0.1.0
 * @category errors
 */
export interface Issue {
  readonly path: ReadonlyArray<string | number>
  readonly code: string
  readonly message: BilingualText
}

/**
 * Builds an {@link Issue}.
 *
 * @example
 * ```ts
 * import { issue } from "@jiceng/core"
 * issue(["ballots", 0], "duplicate_ballot", "重复选票", "duplicate ballot").code //=> "duplicate_ballot"
 * ```
 * @since 0.1.0
 * @category errors
 */
export const issue = (path: ReadonlyArray<string | number>, code: string, zh: string, en: string): Issue => ({
  path,
  code,
  message: { zh, en }
})

/**
 * Renders a path as `a.b[2].c`, or `(root)` for the empty path.
 *
 * @example
 * ```ts
 * import { formatPath } from "@jiceng/core"
 * formatPath(["members", 2, "age"]) //=> "members[2].age"
 * ```
 * @since 0.1.0
 * @category errors
 */
export const formatPath = (path: ReadonlyArray<string | number>): string => {
  if (path.length === 0) return "(root)"
  let out = ""
  for (const part of path) {
    out += typeof part === "number" ? `[${part}]` : out === "" ? part : `.${part}`
  }
  return out
}
