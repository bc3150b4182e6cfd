import { createHash } from "node:crypto"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { Hasher } from "./Hasher.ts"

// Reference encoding built independently with Node's Buffer and crypto.
const varint = (n: number): Array<number> => {
  const out: Array<number> = []
  while (n >= 128) {
    out.push((n % 128) | 128)
    n = Math.floor(n / 128)
  }
  out.push(n)
  return out
}
const wellFormedUtf8 = (s: string): Buffer => Buffer.from(s, "utf8")

describe("Hasher", () => {
  it("matches node:crypto SHA-256 over the documented encoding (property)", () => {
    const h = new Hasher()
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 40 }), fc.maxSafeNat()), { maxLength: 30 }),
        (fields) => {
          const parts: Array<Buffer> = []
          for (const f of fields) {
            if (typeof f === "number") {
              h.varint(f)
              parts.push(Buffer.from(varint(f)))
            } else {
              h.string(f)
              parts.push(Buffer.from(varint(f.length)), wellFormedUtf8(f))
            }
          }
          return h.digestHex() === createHash("sha256").update(Buffer.concat(parts)).digest("hex")
        }
      )
    )
  })
  it("handles strings longer than its buffer and messages spanning many blocks", () => {
    const h = new Hasher()
    for (const n of [0, 55, 56, 64, 30_000, 200_000]) {
      const s = "a文😀".repeat(n)
      h.string(s)
      const want = createHash("sha256")
        .update(Buffer.concat([Buffer.from(varint(s.length)), Buffer.from(s, "utf8")]))
        .digest("hex")
      expect(h.digestHex()).toBe(want)
    }
  })
})
