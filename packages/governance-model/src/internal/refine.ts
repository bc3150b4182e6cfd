import type * as z from "zod"

/** Push a bilingual custom issue from inside a zod `.check`, as `@jiceng/core`'s `validate` expects. */
export const pushIssue = (
  // biome-ignore lint/suspicious/noExplicitAny: zod's check context is generic over the checked value
  ctx: z.core.ParsePayload<any>,
  path: ReadonlyArray<string | number>,
  code: string,
  zh: string,
  en: string
): void => {
  ctx.issues.push({ code: "custom", input: ctx.value, path: [...path], message: en, params: { code, zh, en } })
}
