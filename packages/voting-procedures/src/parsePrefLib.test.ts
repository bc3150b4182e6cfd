import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parsePrefLib } from "./parsePrefLib.ts"
import { schulze } from "./schulze.ts"

const header = (type: string) =>
  `# FILE NAME: demo.${type}\n# DATA TYPE: ${type}\n# NUMBER ALTERNATIVES: 3\n# ALTERNATIVE NAME 1: Ann\n# ALTERNATIVE NAME 2: Bo\n# ALTERNATIVE NAME 3: Cy\n`

describe("parsePrefLib", () => {
  it("reads soc/soi/toc/toi with {} ties into a profile", () => {
    const toi = parsePrefLib(`${header("toi")}3: 1,{2,3}\n2: 2\n`)
    if (!toi.ok) throw toi.error
    expect(toi.value.profile.toJSON().ballots).toEqual([
      { count: 3, ranking: ["Ann", ["Bo", "Cy"]] },
      { count: 2, ranking: ["Bo"] }
    ])
    expect(toi.value.metadata["FILE NAME"]).toBe("demo.toi")
    const soc = parsePrefLib(`${header("soc")}5: 1,2,3\n4: 3,2,1\n`)
    expect(soc.ok && schulze(soc.value.profile).ok).toBe(true)
  })
  it("checks the data type against the content", () => {
    const r = parsePrefLib(`${header("soc")}1: 1,{2,3}\n2: 1,2\n`)
    expect(r.ok ? [] : r.error.issues.map((i) => i.message.en)).toEqual([
      "line 7, column 1: a soc order may not contain ties",
      "line 8, column 1: a soc order must rank all 3 alternatives"
    ])
  })
  it("gives line and column for bad tokens", () => {
    const r = parsePrefLib(`${header("soi")}2: 1,x\nfoo\n`)
    expect(r.ok ? [] : r.error.issues.map((i) => i.message.en)).toEqual([
      "line 7, column 6: alternative x is out of range 1–3",
      "line 8, column 1: each order line must start with a positive count and a colon"
    ])
  })
  it("never throws (fuzz)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (x) => {
        const r = parsePrefLib(x)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
})
