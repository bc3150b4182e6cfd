import { err, InvalidInputError, type Issue, issue, ok, type Result } from "@jiceng/core"
import { Profile } from "./Profile.ts"

/**
 * A parsed BLT election: the compiled profile, the number of seats and the title.
 *
 * @since 0.1.0
 * @category social-choice
 */
export interface BltElection {
  readonly profile: Profile
  readonly seats: number
  readonly title: string
}

const fail = (line: number, column: number, code: string, zh: string, en: string): Issue =>
  issue(
    ["line", line, "column", column],
    code,
    `第 ${line} 行第 ${column} 列：${zh}`,
    `line ${line}, column ${column}: ${en}`
  )

interface Token {
  readonly text: string
  readonly column: number
}

const tokens = (line: string): Array<Token> => {
  const out: Array<Token> = []
  const re = /"(?:[^"\\]|\\.)*"|\S+/g
  for (let m = re.exec(line); m !== null; m = re.exec(line)) out.push({ text: m[0], column: m.index + 1 })
  return out
}

/**
 * Parses a BLT file (the Hill–Wichmann–Woodall format used by OpenSTV, OpaVote and Droop):
 * the `candidates seats` line, an optional line of withdrawn candidates (negative numbers),
 * ballot lines `weight pref pref … 0` (with `=` for equal rankings, `-` for a skipped rank and
 * an optional `(id)` prefix), a lone `0`, the quoted candidate names and the title. `#` lines
 * are comments. Errors give the line and column.
 *
 * @example
 * ```ts
 * import { parseBlt } from "@jiceng/voting-procedures"
 * const blt = parseBlt('2 1\n3 1 2 0\n2 2 0\n0\n"Ann"\n"Bo"\n"Demo"\n')
 * blt.ok && [blt.value.seats, blt.value.profile.totalBallots, blt.value.title] //=> [1, 5, "Demo"]
 * const bad = parseBlt("2 1\n1 3 0\n0\n")
 * bad.ok ? "" : bad.error.issues[0]!.message.en //=> "line 2, column 3: candidate 3 is out of range 1–2"
 * ```
 * @since 0.1.0
 * @category social-choice
 */
export const parseBlt = (text: unknown): Result<BltElection, InvalidInputError> => {
  if (typeof text !== "string")
    return err(
      new InvalidInputError([issue([], "invalid_type", "BLT 内容必须是字符串", "BLT content must be a string")])
    )
  const lines = text.split(/\r?\n/)
  const issues: Array<Issue> = []
  let ln = 0
  const next = (): { line: number; toks: Array<Token> } | undefined => {
    while (ln < lines.length) {
      const raw = lines[ln++]!
      const trimmed = raw.trim()
      if (trimmed === "" || trimmed.startsWith("#")) continue
      return { line: ln, toks: tokens(raw) }
    }
    return undefined
  }
  const intOf = (t: Token): number | undefined => (/^-?\d+$/.test(t.text) ? Number(t.text) : undefined)

  const header = next()
  if (header === undefined)
    return err(new InvalidInputError([fail(1, 1, "blt_empty", "文件为空", "the file is empty")]))
  const nc = header.toks[0] ? intOf(header.toks[0]) : undefined
  const ns = header.toks[1] ? intOf(header.toks[1]) : undefined
  if (nc === undefined || ns === undefined || nc < 1 || ns < 1 || ns > nc || header.toks.length !== 2) {
    return err(
      new InvalidInputError([
        fail(
          header.line,
          1,
          "blt_header",
          "首行应为“候选人数 席位数”两个正整数，且席位数不超过候选人数",
          "the first line must be two positive integers, candidates and seats (seats ≤ candidates)"
        )
      ])
    )
  }
  const withdrawn: Array<number> = []
  const rows: Array<{ count: number; tiers: Array<Array<number>> }> = []
  let row = next()
  if (row?.toks[0]?.text.startsWith("-")) {
    for (const t of row.toks) {
      const v = intOf(t)
      if (v === undefined || v >= 0 || -v > nc)
        issues.push(
          fail(row.line, t.column, "blt_withdrawn", "退选候选人编号无效", `invalid withdrawn candidate ${t.text}`)
        )
      else withdrawn.push(-v - 1)
    }
    row = next()
  }
  let ended = false
  while (row !== undefined) {
    const toks = row.toks
    if (toks.length === 1 && toks[0]!.text === "0") {
      ended = true
      break
    }
    let i = 0
    if (toks[0]?.text.startsWith("(")) i = 1
    const wt = toks[i]
    const weight = wt ? intOf(wt) : undefined
    if (wt === undefined || weight === undefined || weight < 1) {
      issues.push(
        fail(row.line, wt?.column ?? 1, "blt_weight", "选票权重须为正整数", `ballot weight must be a positive integer`)
      )
      row = next()
      continue
    }
    const tiers: Array<Array<number>> = []
    const seen = new Set<number>()
    let closed = false
    for (i = i + 1; i < toks.length; i++) {
      const t = toks[i]!
      if (t.text === "0") {
        closed = true
        if (i !== toks.length - 1)
          issues.push(fail(row.line, toks[i + 1]!.column, "blt_trailing", "0 之后还有内容", "text after the closing 0"))
        break
      }
      if (t.text === "-") continue
      const tier: Array<number> = []
      let col = t.column
      for (const part of t.text.split("=")) {
        const c = /^\d+$/.test(part) ? Number(part) : Number.NaN
        if (!Number.isInteger(c) || c < 1 || c > nc) {
          issues.push(
            fail(
              row.line,
              col,
              "blt_candidate",
              `候选人编号 ${part} 超出 1–${nc}`,
              `candidate ${part} is out of range 1–${nc}`
            )
          )
        } else if (seen.has(c - 1)) {
          issues.push(fail(row.line, col, "blt_duplicate", `候选人 ${c} 重复排序`, `candidate ${c} is ranked twice`))
        } else {
          seen.add(c - 1)
          tier.push(c - 1)
        }
        col += part.length + 1
      }
      if (tier.length > 0) tiers.push(tier)
    }
    if (!closed) {
      const last = toks[toks.length - 1]!
      issues.push(
        fail(
          row.line,
          last.column + last.text.length,
          "blt_unterminated",
          "选票行须以 0 结尾",
          "a ballot line must end with 0"
        )
      )
    }
    rows.push({ count: weight, tiers })
    row = next()
  }
  if (!ended)
    issues.push(
      fail(lines.length, 1, "blt_no_end", "缺少结束选票部分的单独一行 0", "missing the lone 0 that ends the ballots")
    )
  const strings: Array<{ text: string; line: number; column: number }> = []
  for (let r = next(); r !== undefined; r = next()) {
    for (const t of r.toks) {
      if (!t.text.startsWith('"') || !t.text.endsWith('"') || t.text.length < 2) {
        issues.push(
          fail(r.line, t.column, "blt_name", "候选人姓名须加双引号", "candidate names must be in double quotes")
        )
      } else strings.push({ text: t.text.slice(1, -1).replace(/\\(.)/g, "$1"), line: r.line, column: t.column })
    }
  }
  if (ended && strings.length < nc)
    issues.push(
      fail(
        lines.length,
        1,
        "blt_names",
        `需要 ${nc} 个候选人姓名，只有 ${strings.length} 个`,
        `expected ${nc} candidate names, found ${strings.length}`
      )
    )
  const names = strings.slice(0, nc).map((s) => s.text)
  const dup = names.findIndex((n, i) => names.indexOf(n) !== i)
  if (dup >= 0) {
    const s = strings[dup]!
    issues.push(fail(s.line, s.column, "blt_duplicate_name", `候选人姓名 ${s.text} 重复`, `duplicate name ${s.text}`))
  }
  if (issues.length > 0) return err(new InvalidInputError(issues))
  return ok({ profile: new Profile(names, withdrawn, rows), seats: ns, title: strings[nc]?.text ?? "" })
}
