import { type Citation, meetsThreshold, type Ratio, type ThresholdKind } from "@jiceng/core"
import type { ThresholdCheck } from "../Explanation.ts"
import { inequalityText } from "./format.ts"

export const check = (
  code: string,
  part: number,
  whole: number,
  threshold: Ratio,
  kind: ThresholdKind,
  citation?: Citation
): ThresholdCheck => {
  const passed = meetsThreshold(part, whole, threshold, kind)
  const base = {
    code,
    passed,
    part,
    whole,
    threshold,
    kind,
    inequality: inequalityText(part, whole, threshold.numerator, threshold.denominator, kind, passed)
  }
  return citation === undefined ? base : { ...base, citation }
}

export const kindZh = (t: Ratio, kind: ThresholdKind): string => {
  const frac = t.numerator === 1 && t.denominator === 2 ? "半数" : `${cn(t.denominator)}分之${cn(t.numerator)}`
  if (kind === "moreThan") return t.numerator === 1 && t.denominator === 2 ? "过半数" : `超过${frac}`
  return `${frac}以上`
}

export const kindEn = (t: Ratio, kind: ThresholdKind): string =>
  kind === "moreThan"
    ? t.numerator === 1 && t.denominator === 2
      ? "more than half"
      : `more than ${t.numerator}/${t.denominator}`
    : `at least ${t.numerator}/${t.denominator}`

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
const cn = (n: number): string => DIGITS[n] ?? String(n)
