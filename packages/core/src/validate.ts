import type * as z from "zod"
import { en, zhCN } from "zod/locales"
import type { Issue } from "./Issue.ts"
import { InvalidInputError } from "./JicengError.ts"
import { err, ok, type Result } from "./Result.ts"

// Locales are called per issue rather than installed with `z.config()`: that call mutates
// zod's global state, which a library must never do to its host application.
const enError = en().localeError
const zhError = zhCN().localeError

type ZodIssueLike = z.core.$ZodIssue & { readonly input?: unknown; readonly params?: Record<string, unknown> }

const localised = (locale: (issue: never) => unknown, issue: ZodIssueLike): string | undefined => {
  const out = locale(issue as never)
  if (typeof out === "string") return out
  if (out && typeof out === "object" && "message" in out && typeof out.message === "string") return out.message
  return undefined
}

/**
 * Maps zod issues to Jiceng {@link Issue}s with Chinese and English messages.
 *
 * Custom refinements can supply their own bilingual text through `params: { zh, en }`.
 *
 * @example
 * ```ts
 * import * as z from "zod"
 * import { fromZodIssues } from "@jiceng/core"
 * const r = z.object({ n: z.number() }).safeParse({ n: "x" }, { reportInput: true })
 * fromZodIssues(r.error!.issues)[0]!.message.en //=> "Invalid input: expected number, received string"
 * ```
 * @since 0.1.0
 * @category errors
 */
export const fromZodIssues = (issues: ReadonlyArray<z.core.$ZodIssue>): Array<Issue> =>
  issues.map((raw) => {
    const i = raw as ZodIssueLike
    const params = i.params
    if (i.code === "custom" && params && typeof params.zh === "string" && typeof params.en === "string") {
      const code = typeof params.code === "string" ? params.code : "custom"
      return { path: i.path.map(pathKey), code, message: { zh: params.zh, en: params.en } }
    }
    // A message set on the schema wins over the locale default.
    const enText = localised(enError, i) ?? i.message
    const custom = i.message !== "" && i.message !== enText && i.code === "custom"
    return {
      path: i.path.map(pathKey),
      code: i.code,
      message: {
        en: custom ? i.message : enText,
        zh: custom ? i.message : (localised(zhError, i) ?? i.message)
      }
    }
  })

const pathKey = (key: PropertyKey): string | number => (typeof key === "symbol" ? String(key) : key)

/**
 * Parses `input` with a zod schema and returns a {@link Result}: the parsed value, or an
 * {@link InvalidInputError} whose issues carry paths and bilingual messages. Never throws.
 *
 * @example
 * ```ts
 * import * as z from "zod"
 * import { validate } from "@jiceng/core"
 * validate(z.number().int().min(0), 3) //=> { ok: true, value: 3 }
 * validate(z.number().int().min(0), -1).ok //=> false
 * ```
 * @since 0.1.0
 * @category errors
 */
export const validate = <S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>, InvalidInputError> => {
  const parsed = schema.safeParse(input, { reportInput: true })
  return parsed.success ? ok(parsed.data) : err(new InvalidInputError(fromZodIssues(parsed.error.issues)))
}
