import { formatPath, type Issue } from "./Issue.ts"

/**
 * Base class of every error Jiceng returns or throws. Errors are data: a `_tag` to switch
 * on (and for Effect's `catchTag`), and the `issues` that explain them. They extend `Error`
 * so `instanceof`, stack traces and `try/catch` work in notebooks.
 *
 * @example
 * ```ts
 * import { InvalidInputError, issue } from "@jiceng/core"
 * const e = new InvalidInputError([issue(["age"], "too_small", "年龄过小", "age too small")])
 * e._tag //=> "InvalidInputError"
 * e.message //=> "age: age too small"
 * ```
 * @since 0.1.0
 * @category errors
 */
export abstract class JicengError extends Error {
  abstract readonly _tag: string
  readonly issues: ReadonlyArray<Issue>

  constructor(issues: ReadonlyArray<Issue>) {
    super(issues.map((i) => `${formatPath(i.path)}: ${i.message.en}`).join("; "))
    this.issues = issues
  }

  /** The same message in Chinese. */
  get messageZh(): string {
    return this.issues.map((i) => `${formatPath(i.path)}：${i.message.zh}`).join("；")
  }

  toJSON(): { readonly _tag: string; readonly issues: ReadonlyArray<Issue> } {
    return { _tag: this._tag, issues: this.issues }
  }
}

/**
 * The input did not match its schema or broke a rule checked before any computation
 * (duplicate ids, unknown references, impossible values). Nothing was computed or applied.
 *
 * @example
 * ```ts
 * import { InvalidInputError, issue } from "@jiceng/core"
 * new InvalidInputError([issue([], "custom", "坏", "bad")]).issues.length //=> 1
 * ```
 * @since 0.1.0
 * @category errors
 */
export class InvalidInputError extends JicengError {
  readonly _tag = "InvalidInputError" as const
  override readonly name = "InvalidInputError"
}
