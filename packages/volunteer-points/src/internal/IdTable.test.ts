import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { IdTable } from "./IdTable.ts"

// The table replaces a Map on the ledger's hot path, so it is checked against a Map as model
// under random inserts, lookups, LIFO rollbacks, arbitrary deletes and reservations.
type Op =
  | { readonly op: "add"; readonly id: string }
  | { readonly op: "get"; readonly id: string }
  | { readonly op: "popLast" }
  | { readonly op: "delete"; readonly id: string }
  | { readonly op: "reserve"; readonly n: number }

const id = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.nat({ max: 300 }).map((n) => `t${n}`)
)
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: id.map((id) => ({ op: "add" as const, id })) },
  { weight: 3, arbitrary: id.map((id) => ({ op: "get" as const, id })) },
  { weight: 2, arbitrary: fc.constant({ op: "popLast" as const }) },
  { weight: 1, arbitrary: id.map((id) => ({ op: "delete" as const, id })) },
  { weight: 1, arbitrary: fc.nat({ max: 500 }).map((n) => ({ op: "reserve" as const, n })) }
)

describe("IdTable", () => {
  it("behaves like an insertion-ordered Map (property)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const table = new IdTable<{ id: string; n: number }>()
        const model = new Map<string, { id: string; n: number }>()
        ops.forEach((o, n) => {
          if (o.op === "add") {
            if (model.has(o.id)) return
            const v = { id: o.id, n }
            table.add(v)
            model.set(o.id, v)
          } else if (o.op === "get") expect(table.get(o.id)).toBe(model.get(o.id))
          else if (o.op === "popLast") {
            const last = [...model.keys()].at(-1)
            if (last === undefined) return
            expect(table.delete(last)).toBe(true)
            model.delete(last)
          } else if (o.op === "delete") expect(table.delete(o.id)).toBe(model.delete(o.id))
          else table.reserve(o.n)
          expect(table.size).toBe(model.size)
        })
        expect([...table.values()]).toEqual([...model.values()])
        expect([...table]).toEqual([...model])
        for (const k of model.keys()) expect(table.has(k)).toBe(true)
      })
    )
  })
})
