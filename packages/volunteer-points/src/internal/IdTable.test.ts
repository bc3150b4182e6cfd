import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { IdTable } from "./IdTable.ts"

// The table replaces a Map on the ledger's hot path, so it is checked against a Map as model
// under random appends to the id column, adds, lookups, last-in first-out removals and
// reservations, with many ids colliding in a small table.
type Op =
  | { readonly op: "add"; readonly id: string }
  | { readonly op: "get"; readonly id: string }
  | { readonly op: "popLast" }
  | { readonly op: "reserve"; readonly n: number }

const id = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.nat({ max: 300 }).map((n) => `t${n}`)
)
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: id.map((id) => ({ op: "add" as const, id })) },
  { weight: 3, arbitrary: id.map((id) => ({ op: "get" as const, id })) },
  { weight: 2, arbitrary: fc.constant({ op: "popLast" as const }) },
  { weight: 1, arbitrary: fc.nat({ max: 500 }).map((n) => ({ op: "reserve" as const, n })) }
)

describe("IdTable", () => {
  it("behaves like a Map from id to position (property)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const ids: Array<string> = []
        const table = new IdTable(ids)
        const model = new Map<string, number>()
        const added: Array<number> = []
        for (const o of ops) {
          if (o.op === "add") {
            // Like the log: every event gets a position; only new ids are added to the table.
            ids.push(o.id)
            if (model.has(o.id)) continue
            expect(table.get(o.id)).toBe(-1)
            table.add(ids.length - 1)
            model.set(o.id, ids.length - 1)
            added.push(ids.length - 1)
          } else if (o.op === "get") expect(table.get(o.id)).toBe(model.get(o.id) ?? -1)
          else if (o.op === "popLast") {
            const p = added.pop()
            if (p === undefined) continue
            table.delete(p)
            model.delete(ids[p]!)
          } else table.reserve(o.n)
          expect(table.size).toBe(model.size)
        }
        for (const [k, p] of model) expect(table.get(k)).toBe(p)
      })
    )
  })
})
