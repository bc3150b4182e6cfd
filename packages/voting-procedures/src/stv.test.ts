import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { parseBlt } from "./parseBlt.ts"
import { stv } from "./stv.ts"

const data = (f: string) => readFileSync(new URL(`../test-data/${f}`, import.meta.url), "utf8")
const calton = parseBlt(data("glasgow-2007-calton.blt"))
const expected = JSON.parse(data("glasgow-2007-calton.expected.json"))

describe("stv — Glasgow 2007 Calton (Scottish rules)", () => {
  it("parses 5,199 ballots over 10 candidates for 3 seats", () => {
    expect(calton.ok).toBe(true)
    if (!calton.ok) return
    expect(calton.value.seats).toBe(3)
    expect(calton.value.profile.totalBallots).toBe(5199)
    expect(calton.value.title).toBe("CALTON")
  })
  it("elects the official three with the expected quota, first preferences and stage totals", () => {
    if (!calton.ok) throw calton.error
    const r = stv(calton.value.profile, { seats: 3, rule: "scottish" })
    if (!r.ok) throw r.error
    const v = r.value
    expect(v.validBallots).toBe(expected.validBallots)
    expect(v.quota).toBe(`${expected.quota}.00000`)
    const first = v.stages[0]!.votes
    for (const [name, n] of Object.entries(expected.firstPreferences)) expect(first[name]).toBe(`${n}.00000`)
    expect([...v.elected].sort()).toEqual([...expected.elected].sort())
    // The full sequences, not a prefix of our own output: `electionOrder` entries are
    // "<name> (<note>)", so compare the names.
    const electionOrder = (expected.electionOrder as Array<string>).map((e) => e.replace(/ \(.*\)$/, ""))
    expect(electionOrder).toHaveLength(3)
    expect(v.elected).toEqual(electionOrder)
    expect(v.excluded).toEqual(expected.exclusionOrder)
    expect(v.stages.filter((s) => s.action === "exclusion").flatMap((s) => s.candidates)).toEqual(
      expected.exclusionOrder
    )
    const afterGraham = v.stages.find((s) => s.action === "exclusion" && s.candidates[0] === "Paul Graham")!
    const g = expected.stageAfterPaulGrahamExclusion
    expect(afterGraham.votes["Ruth Simpson"]).toBe(g["Ruth Simpson"])
    expect(afterGraham.votes["Fiacra Fullerton"]).toBe(g["Fiacra Fullerton"])
    expect(afterGraham.votes["Scott Gillespie"]).toBe(g["Scott Gillespie"])
    expect(afterGraham.votes["Alison E Thewliss"]).toBe("1360.12945")
    expect(afterGraham.exhausted).toBe(g.nonTransferable)
    const last = v.stages[v.stages.length - 1]!
    const f = expected.droopScottishFinal
    expect(last.votes["George Redmond"]).toBe(f["George Redmond"])
    expect(last.votes["Alison E Thewliss"]).toBe(f["Alison E Thewliss"])
    expect(last.votes["Ruth Simpson"]).toBe(f["Ruth Simpson"])
    expect(last.exhausted).toBe(f.nonTransferable)
    expect(last.loss).toBe(f.residual)
  })
  it("Meek elects the same three", () => {
    if (!calton.ok) throw calton.error
    const r = stv(calton.value.profile, { seats: 3, rule: "meek" })
    if (!r.ok) throw r.error
    expect([...r.value.elected].sort()).toEqual([...expected.elected].sort())
  })
})

describe("stv — Maemo 2018 Q1 (cross-implementation fixture, no verified official result)", () => {
  const maemo = parseBlt(data("maemo-council-2018q1.blt"))
  const exp = JSON.parse(data("maemo-council-2018q1.expected.json"))
  // The fixture records what Droop 0.14 computes, not an official result (its officialResult
  // field says so): these tests show agreement with that reference implementation only.
  it("parses the published fixture: 4 blank ballot lines dropped, first preferences as recorded", () => {
    if (!maemo.ok) throw maemo.error
    expect(exp.officialResult).toMatch(/^NOT verified/)
    expect(maemo.value.profile.blankBallots).toBe(exp.blankBallots)
    expect(maemo.value.profile.totalBallots).toBe(exp.ballotLines)
    const r = stv(maemo.value.profile, { seats: exp.seats, rule: "scottish" })
    if (!r.ok) throw r.error
    const first = Object.fromEntries(Object.entries(exp.firstPreferences).map(([k, n]) => [k, `${n}.00000`]))
    expect(r.value.stages[0]?.votes).toEqual(first)
  })
  it.each([
    ["scottish", "droop-0.14 scotland (quota 12)", "12.00000"],
    ["meek", "droop-0.14 meek (final quota 10.9659)", undefined]
  ] as const)("rule %s matches the result computed by %s", (rule, reference, quota) => {
    if (!maemo.ok) throw maemo.error
    const r = stv(maemo.value.profile, { seats: 3, rule })
    if (!r.ok) throw r.error
    expect(r.value.validBallots).toBe(47)
    expect([...r.value.elected].sort()).toEqual([...exp.electedByImplementations[reference]].sort())
    if (quota !== undefined) expect(r.value.quota).toBe(quota)
  })
})
