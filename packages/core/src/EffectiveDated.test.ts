import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as z from "zod"
import { type DatedValue, ParameterHistorySchema, valueAt } from "./EffectiveDated.ts"
import { validate } from "./validate.ts"

const src = { title: "test notice" }
const history: ReadonlyArray<DatedValue<number>> = [
  { value: 100, from: "2023-01-01", to: "2024-01-01", source: src },
  { value: 120, from: "2024-01-01", to: "2025-01-01", source: src }
]

const isoDay = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2027-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

describe("valueAt", () => {
  it("switches value exactly on the effective date", () => {
    const before = valueAt(history, "2023-12-31")
    const on = valueAt(history, "2024-01-01")
    expect(before.ok && before.value.value).toBe(100)
    expect(on.ok && on.value.value).toBe(120)
  })
  it("refuses a date before the first value", () => {
    const r = valueAt(history, "2022-12-31", { name: "dibaoLine" })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error.issues[0]?.code).toBe("no_value_in_force")
  })
  it("warns, or errors on request, past the last dated value", () => {
    const warned = valueAt(history, "2025-06-01")
    expect(warned.ok && warned.value.warnings.map((w) => w.code)).toEqual(["stale_parameter"])
    expect(valueAt(history, "2025-06-01", { onStale: "error" }).ok).toBe(false)
  })
  it("refuses a date in a gap between periods", () => {
    const gappy = [history[0]!, { value: 130, from: "2024-06-01", source: src }]
    expect(valueAt(gappy, "2024-03-01").ok).toBe(false)
  })
  it("picks the entry whose period contains the date, for every date (property)", () => {
    fc.assert(
      fc.property(isoDay, (date) => {
        const r = valueAt(history, date)
        const containing = history.find((e) => e.from <= date && (e.to === undefined || date < e.to))
        if (containing) return r.ok && r.value.value === containing.value && r.value.warnings.length === 0
        if (date >= "2025-01-01") return r.ok && r.value.value === 120 && r.value.warnings.length === 1
        return !r.ok
      })
    )
  })
})

describe("ParameterHistorySchema", () => {
  it("reports overlapping periods with a path and bilingual text", () => {
    const r = validate(ParameterHistorySchema(z.int()), [
      { value: 1, from: "2020-01-01", to: "2021-06-01", source: src },
      { value: 2, from: "2021-01-01", source: src }
    ])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.issues[0]).toMatchObject({ path: [1, "from"], code: "overlapping_periods" })
      expect(r.error.issues[0]?.message.zh).toContain("重叠")
    }
  })
})
