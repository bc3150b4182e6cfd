import {
  type BilingualText,
  type Citation,
  type DatedValue,
  type Issue,
  issue,
  type ParameterHistory,
  valueAt
} from "@jiceng/core"
import type { RuleBasis } from "../RuleBasis.ts"

// Where a bilingual title or article ("中文 English", "第七条 art. 7") stops being Chinese: the
// first non-ASCII character followed (after optional spaces) by a Latin letter.
const CHINESE_PART = /^(.*?\P{ASCII})\s*(?=[A-Za-z])/u

const chinesePart = (s: string): string => CHINESE_PART.exec(s)?.[1] ?? s
// The rest, or the whole text where there is no English (a proper name stays as written).
const englishPart = (s: string): string => s.slice(chinesePart(s).length).trim() || s

/**
 * A citation as message text: Chinese `《title》article` style without the brackets (e.g.
 * 中国共产党章程第三十条), and in English the English title with the article, so an English
 * message carries Chinese only where a source has no English name.
 */
export const formatCitation = (c: Citation): BilingualText => ({
  zh: `${chinesePart(c.title)}${c.article === undefined ? "" : chinesePart(c.article)}`,
  en: c.article === undefined ? englishPart(c.title) : `${englishPart(c.title)}, ${englishPart(c.article)}`
})

/** The text citing where a rule a check applied comes from: a dated rule's citation, or the option that set it. */
export const formatBasis = (b: RuleBasis): BilingualText =>
  b.kind === "rule"
    ? formatCitation(b.source)
    : { zh: `本地规则，见 options.${b.option}`, en: `local rule, options.${b.option}` }

/** The basis of a value taken from a dated rule entry. */
export const ruleBasis = (entry: DatedValue<unknown>): RuleBasis => ({
  kind: "rule",
  source: entry.source,
  effective: entry.to === undefined ? { from: entry.from } : { from: entry.from, to: entry.to }
})

/** A rule in force, with its basis, or the issue saying why there is none. */
export type RuleLookup<T> =
  | { readonly ok: true; readonly value: T; readonly basis: RuleBasis; readonly warnings: ReadonlyArray<Issue> }
  | { readonly ok: false; readonly issues: ReadonlyArray<Issue> }

/**
 * The value of a dated rule on `asOf` (with `valueAt`: inclusive start, exclusive end; past the
 * last end a `stale_parameter` warning, or with `onStale: "error"` — for callers with no place
 * for warnings — that issue), or without a date its latest value. A date before the first value
 * or in a gap is the issue `no_rule_in_force` at `path`, never a silently skipped check.
 */
export const ruleInForce = <T>(
  history: ParameterHistory<T>,
  asOf: string | undefined,
  name: string,
  path: ReadonlyArray<string | number>,
  onStale: "warn" | "error" = "warn"
): RuleLookup<T> => {
  const first = history[0]
  const last = history[history.length - 1]
  if (asOf === undefined && last !== undefined)
    return { ok: true, value: last.value, basis: ruleBasis(last), warnings: [] }
  const r = asOf === undefined ? undefined : valueAt(history, asOf, { name, onStale })
  if (r?.ok) return { ok: true, value: r.value.value, basis: ruleBasis(r.value.entry), warnings: r.value.warnings }
  // Past the end of the last value, with nowhere to put a warning: refused, never silently reused.
  const stale = r?.error.issues.find((i) => i.code === "stale_parameter")
  if (stale) return { ok: false, issues: [{ ...stale, path }] }
  const periods = history.map((e) => (e.to === undefined ? `${e.from} –` : `${e.from} – ${e.to}`)).join(", ")
  return {
    ok: false,
    issues: [
      issue(
        path,
        "no_rule_in_force",
        first === undefined ? `没有 ${name} 规则` : `${asOf} 没有生效的 ${name} 规则（生效期间：${periods}），无法检查`,
        first === undefined
          ? `there is no ${name} rule`
          : `no ${name} rule is in force on ${asOf} (in force: ${periods}), so it cannot be checked`
      )
    ]
  }
}
