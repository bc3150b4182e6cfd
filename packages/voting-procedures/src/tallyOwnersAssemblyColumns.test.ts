import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { tallyOwnersAssembly } from "./tallyOwnersAssembly.ts"
import { tallyOwnersAssemblyColumns } from "./tallyOwnersAssemblyColumns.ts"

const CODES = ["yes", "no", "abstain", "invalid"] as const

describe("tallyOwnersAssemblyColumns", () => {
  it("agrees with the object API on every random estate", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 4 })), {
          minLength: 1,
          maxLength: 60
        }),
        fc.integer({ min: 1, max: 9 }),
        fc.constantFrom("2019-01-01", "2022-01-01"),
        (rows, matter, decisionDate) => {
          const col = tallyOwnersAssemblyColumns({
            decisionDate,
            matter,
            area: Uint32Array.from(rows.map((r) => r[0])),
            votes: Uint8Array.from(rows.map((r) => r[1]))
          })
          const obj = tallyOwnersAssembly({
            decisionDate,
            matter,
            owners: rows.map(([area], i) => ({ id: `o${i}`, units: [{ id: `u${i}`, area }] })),
            ballots: rows.flatMap(([, v], i) => (v === 0 ? [] : [{ owner: `o${i}`, vote: CODES[v - 1] }]))
          })
          if (!col.ok || !obj.ok) throw new Error("unexpected error")
          expect(col.value.totals).toEqual(obj.value.totals)
          expect(col.value.checks).toEqual(obj.value.checks)
        }
      )
    )
  })
  it("rejects bad codes, mismatched lengths and negative areas; never throws (fuzz)", () => {
    const base = { decisionDate: "2024-01-01", matter: 1 }
    const code = (x: unknown) => {
      const r = tallyOwnersAssemblyColumns(x)
      return r.ok ? "" : r.error.issues[0]!.code
    }
    expect(code({ ...base, area: [1, 2], votes: [1, 9] })).toBe("invalid_vote_code")
    expect(code({ ...base, area: [1], votes: [1, 2] })).toBe("length_mismatch")
    const typed = tallyOwnersAssemblyColumns({
      ...base,
      area: Uint32Array.from([1, 2]),
      votes: Uint8Array.from([1, 9])
    })
    expect(typed.ok ? [] : typed.error.issues[0]!.path).toEqual(["votes", 1])
    expect(code({ ...base, area: [-1], votes: [1] })).toBe("invalid_area")
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (x) => {
        const r = tallyOwnersAssemblyColumns(x)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})
