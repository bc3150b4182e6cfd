import { getOrThrow } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { defineScheme, Scheme, schemeAt, schemes } from "./schemes.ts"

describe("schemes — presets as data with citations", () => {
  it("every preset is a valid scheme, in force from its first date, with a citation per legal constant", () => {
    for (const [name, history] of Object.entries(schemes)) {
      const s = history[0]!.value
      expect(Scheme.safeParse(s).success, name).toBe(true)
      expect(getOrThrow(schemeAt(history, s.effective.from)).value).toBe(s)
      // Every rule the preset states needs a source: rates, caps, ages, who may benefit, minimums, expiry.
      const stated = [
        "earning.unitsPerHour",
        s.cap && "cap.amount",
        s.cap && "cap.overflow",
        s.withdrawal && "withdrawal.minAge",
        s.withdrawal?.hardshipMinAge !== undefined && "withdrawal.hardshipMinAge",
        s.withdrawal && "withdrawal.beneficiaries",
        s.gifts.relations.length > 0 && "gifts.relations",
        s.redemption.minimumBalance > 0 && "redemption.minimumBalance",
        s.lots.expiryDays !== undefined && "lots.expiryDays"
      ].filter((k): k is string => typeof k === "string")
      expect(Object.keys(s.citations), name).toEqual(expect.arrayContaining(stated))
      // Every value comes from a secondary report until someone checks the instrument.
      expect(Object.values(s.citations).every((c) => c.verified === false)).toBe(true)
    }
  })
  it("encodes the figures of the notes", () => {
    const nj = schemes.nanjing[0]!.value
    expect(nj.cap).toEqual({ amount: 90_000, basis: "balance", overflow: "donate" }) // 1,500 h in minutes
    expect(schemes.beijing[0]!.value.withdrawal?.minAge).toBe(60)
    expect(schemes.beijing[0]!.value.effective.from).toBe("2022-06-01")
    expect(schemes.shanghai[0]!.value.withdrawal).toMatchObject({ minAge: 65, hardshipMinAge: 60 })
    expect(schemes.shanghai[0]!.value.gifts.relations).toContain("friend")
    expect(schemes.beijing[0]!.value.gifts.relations).not.toContain("friend")
    expect(schemes.changsha[0]!.value.redemption.minimumBalance).toBe(300) // 5 h
    expect(schemes.kunshan[0]!.value.earning.unitsPerHour).toBe(10)
    for (const h of [schemes.beijing, schemes.nanjing, schemes.shanghai])
      expect(h[0]!.value.lots.expiryDays).toBeUndefined()
  })
  it("refuses dates before a scheme existed and warns past a version's end", () => {
    expect(schemeAt(schemes.beijing, "2022-05-31").ok).toBe(false)
    expect(schemeAt(schemes.beijing, "not a date").ok).toBe(false)
    const ended = [{ ...schemes.beijing[0]!, to: "2024-01-01" }]
    expect(getOrThrow(schemeAt(ended, "2025-01-01")).warnings[0]?.code).toBe("stale_parameter")
  })
  it("defineScheme refuses duplicate skus, a merchant in two regions and an inverted period", () => {
    const base = schemes.kunshan[0]!.value
    const item = base.redemption.catalogue[0]!
    const codes = (x: unknown) => {
      const r = defineScheme(x)
      return r.ok ? [] : r.error.issues.map((i) => i.code)
    }
    expect(codes({ ...base, redemption: { minimumBalance: 0, catalogue: [item, item] } })).toEqual(["duplicate_sku"])
    expect(
      codes({ ...base, redemption: { minimumBalance: 0, catalogue: [item, { ...item, sku: "x", region: "north" }] } })
    ).toEqual(["merchant_region_conflict"])
    expect(codes({ ...base, effective: { from: "2025-01-01", to: "2024-01-01" } })).toEqual(["empty_period"])
  })
})
