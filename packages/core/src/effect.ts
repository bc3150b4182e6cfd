/**
 * `@jiceng/core/effect` — bridges Jiceng's plain {@link Result} into Effect. This is the only
 * module of the package that imports `effect` (an optional peer dependency).
 *
 * @since 0.1.0
 * @module
 */
import * as Effect from "effect/Effect"
import type { Result } from "./Result.ts"

/**
 * Lifts a Jiceng {@link Result} into an `Effect` that succeeds with the value or fails with
 * the tagged error (so `Effect.catchTag("InvalidInputError", …)` works).
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { ok } from "@jiceng/core"
 * import { fromResult } from "@jiceng/core/effect"
 * Effect.runSync(fromResult(ok(7))) //=> 7
 * ```
 * @since 0.1.0
 * @category effect
 */
export const fromResult = <A, E>(result: Result<A, E>): Effect.Effect<A, E> =>
  result.ok ? Effect.succeed(result.value) : Effect.fail(result.error)

/**
 * Turns a Result-returning function into one returning an `Effect`.
 *
 * @example
 * ```ts
 * import * as Effect from "effect/Effect"
 * import { validate } from "@jiceng/core"
 * import { lift } from "@jiceng/core/effect"
 * import * as z from "zod"
 * const parseAge = lift((u: unknown) => validate(z.int().min(0), u))
 * Effect.runSync(parseAge(30)) //=> 30
 * ```
 * @since 0.1.0
 * @category effect
 */
export const lift =
  <Args extends ReadonlyArray<unknown>, A, E>(f: (...args: Args) => Result<A, E>) =>
  (...args: Args): Effect.Effect<A, E> =>
    Effect.suspend(() => fromResult(f(...args)))
