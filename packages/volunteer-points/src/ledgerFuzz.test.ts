import { getOrThrow, JicengError } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { createLedger, restoreLedger } from "./createLedger.ts"

// Every public ledger entry point takes anything without throwing: either a typed error with
// at least one issue, or a valid result.
const failsWell = (r: { ok: boolean; error?: unknown }): boolean =>
  r.ok ||
  (r.error instanceof JicengError &&
    r.error.issues.length >= 1 &&
    r.error.issues.every((i) => i.message.zh !== "" && i.message.en !== ""))

const ledger = () => {
  const l = getOrThrow(createLedger())
  getOrThrow(
    l.createAccounts([
      { id: "a", unit: "u" },
      { id: "b", unit: "u", debitsMustNotExceedCredits: true }
    ])
  )
  return l
}
const input = fc.oneof(
  fc.anything(),
  fc.jsonValue(),
  fc.array(fc.anything(), { maxLength: 4 }),
  fc.array(fc.jsonValue(), { maxLength: 4 })
)

describe("ledger fuzz: anything in, never a throw", () => {
  it("createLedger", () => {
    fc.assert(fc.property(fc.anything(), (x) => failsWell(createLedger(x as never))))
  })
  it("createAccounts", () => {
    fc.assert(fc.property(input, (x) => failsWell(ledger().createAccounts(x))))
  })
  it("createTransfers", () => {
    fc.assert(
      fc.property(input, (x) => {
        const l = ledger()
        const r = l.createTransfers(x)
        return failsWell(r) && l.verify().ok
      })
    )
  })
  it("correct", () => {
    fc.assert(fc.property(input, (x) => failsWell(ledger().correct(x))))
  })
  it("restoreLedger", () => {
    fc.assert(fc.property(input, (x) => failsWell(restoreLedger(x))))
  })
  it("restoreLedger on a snapshot with one value replaced", () => {
    const l = ledger()
    getOrThrow(l.createTransfers([{ id: "t", debitAccountId: "a", creditAccountId: "b", amount: 5 }]))
    const snap = l.snapshot()
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue(), (k, v) => {
        const s = JSON.parse(JSON.stringify(snap))
        const ev = s.batches[1].events[0]
        const keys = Object.keys(ev)
        ev[keys[k % keys.length]!] = v
        const r = restoreLedger(s)
        return failsWell(r) && (r.ok ? JSON.stringify(r.value.snapshot()) === JSON.stringify(snap) : true)
      })
    )
  })
  it("a clock that throws or returns garbage gives a typed error", () => {
    for (const value of [Number.NaN, 1.5, "soon", undefined]) {
      const l = getOrThrow(createLedger({ clock: () => value as number }))
      const r = l.createAccounts([{ id: "a", unit: "u" }])
      expect(!r.ok && r.error.issues[0]?.code).toBe("invalid_clock")
    }
    const l = getOrThrow(
      createLedger({
        clock: () => {
          throw new Error("no time")
        }
      })
    )
    expect(l.tick().ok).toBe(false)
  })
})
