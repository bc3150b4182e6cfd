/**
 * What every demo component's script shares: how an issue of the library is shown, how typed
 * text goes to the library, and a few string helpers for the HTML the demos build.
 */
import { formatPath, type Issue } from "@jiceng/core"

/**
 * One issue as one line: its path as the library writes it (`members[1].age`, `(root)`), then
 * the message in the page's language, then (with `code`) its code in parentheses.
 */
export const issueText = (issue: Issue, zh: boolean, options: { readonly code?: boolean } = {}): string =>
  `${formatPath(issue.path)}: ${zh ? issue.message.zh : issue.message.en}${options.code ? ` (${issue.code})` : ""}`

/**
 * Issues one per line. With `max`, only the first `max` are shown and one more line says how
 * many were left out ("… and 3 more"), so nothing disappears silently.
 */
export const issuesText = (
  issues: ReadonlyArray<Issue>,
  zh: boolean,
  options: { readonly max?: number; readonly code?: boolean } = {}
): string => {
  const max = options.max ?? issues.length
  const lines = issues.slice(0, max).map((i) => issueText(i, zh, options))
  if (issues.length > max) lines.push(fill(zh ? "……另有 {n} 条" : "… and {n} more", { n: issues.length - max }))
  return lines.join("\n")
}

/**
 * A number when the field holds one, else the text as typed (trimmed): the library validates
 * the input, so it — not the demo — answers "1.5", "-3" or "abc" with a typed, bilingual issue
 * ("must be an integer", "too small", …).
 */
export const numberOrRaw = (raw: string): unknown => {
  const s = raw.trim()
  return s !== "" && Number.isFinite(Number(s)) ? Number(s) : s
}

/**
 * A seed field: an integer when the text is one, else the text itself — the library takes
 * either, so "1.5" or "spring" are seeds too, not errors.
 */
export const seedOrText = (raw: string): number | string => {
  const s = raw.trim()
  return /^-?\d+$/.test(s) ? Number(s) : s
}

/** `{name}` placeholders of a translated template filled in; a missing value leaves nothing. */
export const fill = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""))

/** Text made safe to put into HTML built as a string (element content or a quoted attribute). */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c)

/** Basis points as a percentage with two decimals (5918 → "59.18%"); `null` (no rate) → "—". */
export const basisPointsText = (bp: number | null): string =>
  bp === null ? "—" : `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}%`
