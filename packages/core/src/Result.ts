/**
 * A plain discriminated union for the outcome of an operation that can fail with data.
 *
 * Jiceng's core entry points never throw on bad input: they return a `Result`. It is a
 * plain object, so it serialises, crosses worker boundaries and needs no runtime.
 *
 * @example
 * ```ts
 * import { ok, err, isOk } from "@jiceng/core"
 * const r = Math.random() > 2 ? err("never") : ok(42)
 * isOk(r) && r.value //=> 42
 * ```
 * @since 0.1.0
 * @category result
 */
export type Result<A, E> = Ok<A> | Err<E>

/**
 * The success branch of a {@link Result}.
 * @since 0.1.0
 * @category result
 */
export interface Ok<A> {
  readonly ok: true
  readonly value: A
}

/**
 * The failure branch of a {@link Result}.
 * @since 0.1.0
 * @category result
 */
export interface Err<E> {
  readonly ok: false
  readonly error: E
}

/**
 * Wraps a value as a successful {@link Result}.
 *
 * @example
 * ```ts
 * import { ok } from "@jiceng/core"
 * ok(3) //=> { ok: true, value: 3 }
 * ```
 * @since 0.1.0
 * @category result
 */
export const ok = <A>(value: A): Ok<A> => ({ ok: true, value })

/**
 * Wraps an error as a failed {@link Result}.
 *
 * @example
 * ```ts
 * import { err } from "@jiceng/core"
 * err("boom") //=> { ok: false, error: "boom" }
 * ```
 * @since 0.1.0
 * @category result
 */
export const err = <E>(error: E): Err<E> => ({ ok: false, error })

/**
 * Narrows a {@link Result} to its success branch.
 *
 * @example
 * ```ts
 * import { ok, isOk } from "@jiceng/core"
 * isOk(ok(1)) //=> true
 * ```
 * @since 0.1.0
 * @category result
 */
export const isOk = <A, E>(result: Result<A, E>): result is Ok<A> => result.ok

/**
 * Applies `f` to the value of a successful {@link Result}; passes failures through.
 *
 * @example
 * ```ts
 * import { ok, map } from "@jiceng/core"
 * map(ok(2), (n) => n * 10) //=> { ok: true, value: 20 }
 * ```
 * @since 0.1.0
 * @category result
 */
export const map = <A, B, E>(result: Result<A, E>, f: (a: A) => B): Result<B, E> =>
  result.ok ? ok(f(result.value)) : result

/**
 * Chains a computation that may itself fail.
 *
 * @example
 * ```ts
 * import { ok, err, flatMap } from "@jiceng/core"
 * flatMap(ok(0), (n) => (n === 0 ? err("zero") : ok(1 / n))) //=> { ok: false, error: "zero" }
 * ```
 * @since 0.1.0
 * @category result
 */
export const flatMap = <A, B, E, E2>(result: Result<A, E>, f: (a: A) => Result<B, E2>): Result<B, E | E2> =>
  result.ok ? f(result.value) : result

/**
 * The throwing twin of a {@link Result}, for notebooks and scripts: returns the value or
 * throws the error (which, for Jiceng errors, is an `Error` subclass with a `_tag`).
 *
 * @example
 * ```ts
 * import { ok, getOrThrow } from "@jiceng/core"
 * getOrThrow(ok("fine")) //=> "fine"
 * ```
 * @since 0.1.0
 * @category result
 */
export const getOrThrow = <A, E>(result: Result<A, E>): A => {
  if (result.ok) return result.value
  throw result.error
}
