import { createHash } from "node:crypto"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { canonicalJson, sha256Hex } from "./digest.ts"

describe("sha256Hex", () => {
  it("matches node:crypto on arbitrary strings, including multi-byte and block boundaries (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (s) => {
        return sha256Hex(s) === createHash("sha256").update(s, "utf8").digest("hex")
      })
    )
    for (const n of [55, 56, 63, 64, 65, 119, 120]) {
      const s = "业".repeat(n)
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s).digest("hex"))
    }
  })
})

describe("canonicalJson", () => {
  it("is independent of key order (property)", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse())
        return canonicalJson(obj) === canonicalJson(reversed)
      })
    )
  })
  it("round-trips through JSON.parse (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const normalised = JSON.parse(JSON.stringify(v)) as unknown
        return canonicalJson(JSON.parse(canonicalJson(normalised))) === canonicalJson(normalised)
      })
    )
  })
})
