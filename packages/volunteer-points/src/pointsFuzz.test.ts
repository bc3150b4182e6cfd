import { getOrThrow, JicengError } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  createPointsSystem,
  PointsOperationName,
  type PointsSystem,
  restorePointsSystem
} from "./createPointsSystem.ts"
import { approved } from "./internal/fixtures.test.ts"
import { defineScheme, schemeAt, schemes } from "./schemes.ts"
import { isReadyToPost, recordAction, servedMinutes, verifyRecord } from "./serviceRecord.ts"

// Every public entry point of the points layer takes anything without throwing: either a typed
// error with at least one bilingual issue, or a valid result — and the system still verifies.
const failsWell = (r: { ok: boolean; error?: unknown }): boolean =>
  r.ok ||
  (r.error instanceof JicengError &&
    r.error.issues.length >= 1 &&
    r.error.issues.every((i) => i.message.zh !== "" && i.message.en !== ""))

const system = (): PointsSystem => {
  const s = getOrThrow(createPointsSystem(schemes.beijing[0]!.value))
  getOrThrow(s.openHolders([{ id: "a" }, { id: "b" }]))
  getOrThrow(s.issue({ id: "seed", holder: "a", amount: 600, at: 0 }))
  return s
}

// Near-valid objects reach the rules behind the schema, not just the schema.
const nearValid = fc.record(
  {
    id: fc.oneof(fc.string({ maxLength: 3 }), fc.constant("seed")),
    holder: fc.constantFrom("a", "b", "zz", ""),
    from: fc.constantFrom("a", "b", "zz"),
    to: fc.constantFrom("a", "b", "zz"),
    relation: fc.constantFrom("parent", "friend", "spouse", "enemy"),
    sku: fc.constantFrom("care-hour", "nope"),
    amount: fc.oneof(fc.integer({ min: -5, max: 2000 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER)),
    quantity: fc.integer({ min: -1, max: 5 }),
    at: fc.oneof(fc.nat(10), fc.constant(-1), fc.double()),
    beneficiary: fc.record({ relation: fc.constantFrom("self", "friend"), age: fc.integer({ min: -1, max: 120 }) }),
    debtor: fc.constantFrom("default", "x"),
    creditor: fc.constantFrom("default", "x"),
    recordId: fc.constantFrom("seed", "r"),
    reason: fc.string({ maxLength: 3 })
  },
  { requiredKeys: [] }
)
const input = fc.oneof(fc.anything(), fc.jsonValue(), nearValid, fc.array(fc.anything(), { maxLength: 3 }))
const methods = PointsOperationName.options

describe("points fuzz: anything in, never a throw", () => {
  it("createPointsSystem and defineScheme", () => {
    fc.assert(
      fc.property(input, input, (a, b) => {
        expect(failsWell(createPointsSystem(a, b))).toBe(true)
        expect(failsWell(defineScheme(a))).toBe(true)
      })
    )
  })
  for (const m of methods)
    it(`PointsSystem.${m}`, () => {
      fc.assert(
        fc.property(fc.array(input, { maxLength: 3 }), (xs) => {
          const s = system()
          for (const x of xs)
            expect(failsWell((s[m] as (x: unknown) => { ok: boolean; error?: unknown })(x))).toBe(true)
          expect(s.verify().ok).toBe(true)
        }),
        { numRuns: 60 }
      )
    })
  it("restorePointsSystem: junk, and real snapshots with one part replaced by junk", () => {
    const snap = system().snapshot()
    const parts = ["format", "scheme", "options", "operations", "ledgerHead"] as const
    fc.assert(
      fc.property(input, input, fc.nat(), fc.nat(), fc.jsonValue(), (a, b, k, i, junk) => {
        expect(failsWell(restorePointsSystem(a, b as never))).toBe(true)
        const partly: Record<string, unknown> = { ...snap, [parts[k % parts.length]!]: junk }
        expect(failsWell(restorePointsSystem(partly))).toBe(true)
        // One operation's input replaced: refused with a typed error, or a system that verifies.
        const ops = snap.operations.map((o, j) => (j === i % snap.operations.length ? { ...o, input: junk } : o))
        const r = restorePointsSystem({ ...snap, operations: ops })
        expect(failsWell(r)).toBe(true)
        if (r.ok) expect(r.value.verify().ok).toBe(true)
      }),
      { numRuns: 200 }
    )
  })

  it("recordAction, servedMinutes and schemeAt", () => {
    fc.assert(
      fc.property(input, input, input, (a, b, c) => {
        expect(failsWell(recordAction(a, b, c))).toBe(true)
        expect(failsWell(recordAction(undefined, b))).toBe(true)
        expect(failsWell(schemeAt(schemes.nanjing, a))).toBe(true)
        expect(failsWell(verifyRecord(a, c))).toBe(true)
        expect(typeof isReadyToPost(a, c)).toBe("boolean")
      })
    )
    const s = servedMinutes([{ signIn: 5, signOut: 1 }])
    expect(failsWell(s)).toBe(true)
  })

  it("verifyRecord and postRecord on records with one field or history entry replaced by junk", () => {
    const base = approved("r", "a", [{ signIn: 0, signOut: 3_600_000 }])
    const keys = Object.keys(base)
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.jsonValue(), (k, h, junk) => {
        const r: Record<string, unknown> = { ...base }
        if (k % 2 === 0) r[keys[k % keys.length]!] = junk
        else r.history = base.history.map((e, i) => (i === h % base.history.length ? { ...e, ...(junk as object) } : e))
        const v = verifyRecord(r)
        expect(failsWell(v)).toBe(true)
        const s = system()
        expect(failsWell(s.postRecord({ record: r, at: 10 }))).toBe(true)
        // Only the untouched record (or a no-op change) posts.
        if (!v.ok) expect(s.balance("a")).toBe(600)
        expect(s.verify().ok).toBe(true)
      }),
      { numRuns: 300 }
    )
  })
})
