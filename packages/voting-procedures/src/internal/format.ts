/** Area in 0.01 m² as a decimal string of square metres, exact (no float). */
export const formatArea = (hundredths: number): string => {
  const sign = hundredths < 0 ? "-" : ""
  const abs = Math.abs(hundredths)
  const whole = Math.floor(abs / 100)
  const frac = abs - whole * 100
  return `${sign}${whole}.${frac < 10 ? "0" : ""}${frac}`
}

const prod = (a: number, b: number): string => (BigInt(a) * BigInt(b)).toString()

/**
 * The exact inequality behind a threshold check, as people write it on a notice:
 * `3 × 60 = 180 ≥ 178 = 2 × 89`.
 */
export const inequalityText = (
  part: number,
  whole: number,
  numerator: number,
  denominator: number,
  kind: "atLeast" | "moreThan",
  holds: boolean
): string => {
  const op = kind === "atLeast" ? (holds ? "≥" : "<") : holds ? ">" : "≤"
  return `${denominator} × ${part} = ${prod(denominator, part)} ${op} ${prod(numerator, whole)} = ${numerator} × ${whole}`
}

/** Fixed-point value with `digits` decimals as a decimal string. */
export const formatFixed = (value: number, scale: number, digits: number): string => {
  const sign = value < 0 ? "-" : ""
  const abs = Math.abs(value)
  const whole = Math.floor(abs / scale)
  const frac = String(abs - whole * scale).padStart(digits, "0")
  return `${sign}${whole}.${frac}`
}
