import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseBlt } from "./parseBlt.ts"

describe("parseBlt", () => {
  it("reads withdrawn candidates, ties, skipped ranks, ids and comments", () => {
    const r = parseBlt('# demo\n3 1\n-2\n(a) 2 1 2=3 0\n1 - 3 0\n1 2 0\n0\n"A" "B"\n"C"\n"T"\n')
    if (!r.ok) throw r.error
    expect(r.value.profile.toJSON()).toEqual({
      candidates: ["A", "B", "C"],
      withdrawn: ["B"],
      ballots: [
        { count: 2, ranking: ["A", "C"] },
        { count: 1, ranking: ["C"] },
        { count: 1, ranking: [] }
      ]
    })
    expect(r.value.profile.blankBallots).toBe(1)
    expect(r.value.title).toBe("T")
  })
  it("reports malformed files with line and column", () => {
    const cases: Array<[string, string]> = [
      ["", "line 1, column 1: the file is empty"],
      [
        "x 1\n",
        "line 1, column 1: the first line must be two positive integers, candidates and seats (seats ≤ candidates)"
      ],
      ['2 1\n1 1 2\n0\n"A"\n"B"\n', "line 2, column 6: a ballot line must end with 0"],
      ['2 1\n1 1 1 0\n0\n"A"\n"B"\n', "line 2, column 5: candidate 1 is ranked twice"],
      ['2 1\n1.5 1 0\n0\n"A"\n"B"\n', "line 2, column 1: ballot weight must be a positive integer"],
      ['2 1\n1 1 0\n0\n"A"\n', "line 5, column 1: expected 2 candidate names, found 1"],
      ["2 1\n1 1 0\n", "line 3, column 1: missing the lone 0 that ends the ballots"]
    ]
    for (const [text, message] of cases) {
      const r = parseBlt(text)
      expect(r.ok ? "" : r.error.issues[0]?.message.en).toBe(message)
    }
  })
  it("never throws on arbitrary strings or values (fuzz)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
        const r = parseBlt(x)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})
