import type { ParameterHistory } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { formatBasis, formatCitation, ruleInForce } from "./rules.ts"

const history: ParameterHistory<number> = [
  { value: 3, from: "2000-01-01", to: "2010-01-01", source: { title: "旧规则 Old Rule", article: "第一条 art. 1" } },
  { value: 5, from: "2010-01-01", source: { title: "新规则 New Rule", article: "第二条 art. 2" } }
]

describe("ruleInForce", () => {
  it("takes the entry in force on asOf, and cites that entry", () => {
    const old = ruleInForce(history, "2005-06-01", "x", ["asOf"])
    expect(old).toEqual({
      ok: true,
      value: 3,
      basis: { kind: "rule", source: history[0]?.source, effective: { from: "2000-01-01", to: "2010-01-01" } },
      warnings: []
    })
    const now = ruleInForce(history, "2010-01-01", "x", ["asOf"])
    expect(now.ok && [now.value, now.basis]).toEqual([
      5,
      { kind: "rule", source: history[1]?.source, effective: { from: "2010-01-01" } }
    ])
  })
  it("without a date takes the latest entry", () => {
    const r = ruleInForce(history, undefined, "x", ["asOf"])
    expect(r.ok && r.value).toBe(5)
  })
  it("reports a date before the first entry as no_rule_in_force at the path, in both languages", () => {
    const r = ruleInForce(history, "1999-12-31", "x", ["options", "asOf"])
    expect(r.ok || r.issues.map((i) => [i.code, i.path])).toEqual([["no_rule_in_force", ["options", "asOf"]]])
    expect(r.ok || r.issues[0]?.message).toEqual({
      zh: "1999-12-31 没有生效的 x 规则（生效期间：2000-01-01 – 2010-01-01, 2010-01-01 –），无法检查",
      en: "no x rule is in force on 1999-12-31 (in force: 2000-01-01 – 2010-01-01, 2010-01-01 –), so it cannot be checked"
    })
    expect(ruleInForce([], undefined, "x", []).ok).toBe(false)
  })
  it("past the end of the last value: a stale warning, or with onStale error the stale issue at the path", () => {
    const ended: ParameterHistory<number> = [history[0]!]
    const warn = ruleInForce(ended, "2011-01-01", "x", ["asOf"])
    expect(warn.ok && [warn.value, warn.warnings.map((w) => w.code)]).toEqual([3, ["stale_parameter"]])
    const refuse = ruleInForce(ended, "2011-01-01", "x", ["options", "asOf"], "error")
    expect(refuse.ok || refuse.issues.map((i) => [i.code, i.path])).toEqual([["stale_parameter", ["options", "asOf"]]])
  })
})

describe("formatCitation", () => {
  it("cites the Chinese title and article in Chinese, the English title and article in English", () => {
    expect(
      formatCitation({
        title: "中国共产党章程 Constitution of the Communist Party of China",
        article: "第三十条 art. 30"
      })
    ).toEqual({
      zh: "中国共产党章程第三十条",
      en: "Constitution of the Communist Party of China, art. 30"
    })
    // Brackets and a title without a space before the English, or without English at all.
    expect(formatCitation({ title: "普通住宅小区物业管理服务等级标准（试行）Service Grade Standard" }).zh).toBe(
      "普通住宅小区物业管理服务等级标准（试行）"
    )
    expect(formatCitation({ title: "北京市接诉即办工作条例" })).toEqual({
      zh: "北京市接诉即办工作条例",
      en: "北京市接诉即办工作条例"
    })
    expect(formatBasis({ kind: "options", option: "threshold" })).toEqual({
      zh: "本地规则，见 options.threshold",
      en: "local rule, options.threshold"
    })
  })
})
