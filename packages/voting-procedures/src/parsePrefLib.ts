import { err, InvalidInputError, type Issue, issue, ok, type Result } from "@jiceng/core"
import { Profile } from "./Profile.ts"

/**
 * A parsed PrefLib file: the compiled profile and its `# KEY: value` metadata.
 *
 * @since 0.1.0
 * @category social-choice
 */
export interface PrefLibElection {
  readonly profile: Profile
  readonly dataType: "soc" | "soi" | "toc" | "toi"
  readonly metadata: Readonly<Record<string, string>>
}

const at = (line: number, column: number, code: string, zh: string, en: string): Issue =>
  issue(
    ["line", line, "column", column],
    code,
    `第 ${line} 行第 ${column} 列：${zh}`,
    `line ${line}, column ${column}: ${en}`
  )

/**
 * Parses a PrefLib ordinal file (`.soc`, `.soi`, `.toc`, `.toi`; the 2022 format with
 * `# KEY: value` headers and `count: a,b,{c,d}` lines, `{}` grouping ties). The data type is
 * checked against the content: complete orders must rank everyone, strict orders may not tie.
 * Errors give the line and column.
 *
 * @example
 * ```ts
 * import { parsePrefLib } from "@jiceng/voting-procedures"
 * const text = "# DATA TYPE: toc\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n# ALTERNATIVE NAME 3: C\n4: 1,{2,3}\n2: 3,2,1\n"
 * const r = parsePrefLib(text)
 * r.ok && r.value.profile.totalBallots //=> 6
 * const bad = parsePrefLib(text.replace("4: 1,{2,3}", "4: 1,{2,9}"))
 * bad.ok ? "" : bad.error.issues[0]!.message.en //=> "line 6, column 9: alternative 9 is out of range 1–3"
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const parsePrefLib = (
  text: unknown,
  dataType?: "soc" | "soi" | "toc" | "toi"
): Result<PrefLibElection, InvalidInputError> => {
  if (typeof text !== "string")
    return err(
      new InvalidInputError([issue([], "invalid_type", "PrefLib 内容必须是字符串", "PrefLib content must be a string")])
    )
  const lines = text.split(/\r?\n/)
  const meta: Record<string, string> = {}
  const names = new Map<number, string>()
  const issues: Array<Issue> = []
  const rows: Array<{ count: number; tiers: Array<Array<number>>; line: number }> = []
  let n = 0
  lines.forEach((raw, li) => {
    const line = li + 1
    if (raw.trim() === "") return
    if (raw.startsWith("#")) {
      const m = /^#\s*([^:]+):\s?(.*)$/.exec(raw)
      if (!m) return
      const key = m[1]!.trim()
      const value = m[2]!.trim()
      const alt = /^ALTERNATIVE NAME (\d+)$/.exec(key)
      if (alt) names.set(Number(alt[1]), value)
      else meta[key] = value
      if (key === "NUMBER ALTERNATIVES") n = Number(value)
      return
    }
    const colon = raw.indexOf(":")
    const countText = colon < 0 ? "" : raw.slice(0, colon).trim()
    if (!/^\d+$/.test(countText) || Number(countText) < 1) {
      issues.push(
        at(
          line,
          1,
          "preflib_count",
          "每行须以“票数:”开头",
          "each order line must start with a positive count and a colon"
        )
      )
      return
    }
    const tiers: Array<Array<number>> = []
    const seen = new Set<number>()
    let group: Array<number> | undefined
    const re = /\{|\}|,|[^{},\s]+|\s+/g
    const body = raw.slice(colon + 1)
    for (let m = re.exec(body); m !== null; m = re.exec(body)) {
      const tok = m[0]
      const col = colon + 2 + m.index
      if (/^\s+$/.test(tok) || tok === ",") continue
      if (tok === "{") {
        if (group) issues.push(at(line, col, "preflib_nested", "并列组不能嵌套", "nested tie group"))
        group = []
        continue
      }
      if (tok === "}") {
        if (!group) issues.push(at(line, col, "preflib_brace", "多余的 }", "unmatched }"))
        else if (group.length > 0) tiers.push(group)
        group = undefined
        continue
      }
      const c = /^\d+$/.test(tok) ? Number(tok) : Number.NaN
      if (!Number.isInteger(c) || c < 1 || (n > 0 && c > n)) {
        issues.push(
          at(line, col, "preflib_alternative", `备选项 ${tok} 超出 1–${n}`, `alternative ${tok} is out of range 1–${n}`)
        )
        continue
      }
      if (seen.has(c - 1)) {
        issues.push(at(line, col, "preflib_duplicate", `备选项 ${c} 重复`, `alternative ${c} appears twice`))
        continue
      }
      seen.add(c - 1)
      if (group) group.push(c - 1)
      else tiers.push([c - 1])
    }
    if (group) issues.push(at(line, raw.length + 1, "preflib_brace", "缺少 }", "missing }"))
    rows.push({ count: Number(countText), tiers, line })
  })
  if (n < 1 || !Number.isInteger(n))
    issues.push(at(1, 1, "preflib_header", "缺少 # NUMBER ALTERNATIVES", "missing # NUMBER ALTERNATIVES header"))
  const type = dataType ?? (meta["DATA TYPE"] as PrefLibElection["dataType"] | undefined)
  if (type !== "soc" && type !== "soi" && type !== "toc" && type !== "toi")
    issues.push(at(1, 1, "preflib_type", "数据类型须为 soc/soi/toc/toi", "data type must be soc, soi, toc or toi"))
  else
    for (const r of rows) {
      const ranked = r.tiers.reduce((s, t) => s + t.length, 0)
      if ((type === "soc" || type === "toc") && ranked !== n)
        issues.push(
          at(
            r.line,
            1,
            "preflib_incomplete",
            `${type} 须对全部 ${n} 个备选项排序`,
            `a ${type} order must rank all ${n} alternatives`
          )
        )
      if ((type === "soc" || type === "soi") && r.tiers.some((t) => t.length > 1))
        issues.push(at(r.line, 1, "preflib_tie", `${type} 不允许并列`, `a ${type} order may not contain ties`))
    }
  if (issues.length > 0) return err(new InvalidInputError(issues))
  const candidates = Array.from({ length: n }, (_, i) => names.get(i + 1) ?? String(i + 1))
  return ok({
    profile: new Profile(candidates, [], rows),
    dataType: type as PrefLibElection["dataType"],
    metadata: meta
  })
}
