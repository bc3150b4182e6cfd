import { createHash } from "node:crypto"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { sha256Hex } from "./digest.ts"
import { Sha256Hasher } from "./Sha256Hasher.ts"

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

describe("Sha256Hasher", () => {
  it("matches node:crypto SHA-256 over the documented encoding (property)", () => {
    const h = new Sha256Hasher()
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
    const h = new Sha256Hasher()
    for (const n of [0, 55, 56, 64, 30_000, 200_000]) {
      const s = "a文😀".repeat(n)
      h.string(s)
      const want = createHash("sha256")
        .update(Buffer.concat([Buffer.from(varint(s.length)), Buffer.from(s, "utf8")]))
        .digest("hex")
      expect(h.digestHex()).toBe(want)
    }
  })
  it("utf8 and sha256Hex match node:crypto over any UTF-16 string, lone surrogates included (property)", () => {
    const h = new Sha256Hasher()
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.string({ unit: "binary", maxLength: 20 }),
        (a, b) => {
          // Buffer encodes lone surrogates as U+FFFD, like TextEncoder.
          const want = createHash("sha256")
            .update(Buffer.from(a + b, "utf8"))
            .digest("hex")
          h.utf8(a)
          h.utf8(b)
          return h.digestHex() === want && sha256Hex(a + b) === want
        }
      )
    )
  })
  it("hands its bytes to a platform SHA-256 when given one, with the same digests (property)", () => {
    const native = new Sha256Hasher(() => createHash("sha256"))
    const plain = new Sha256Hasher()
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 40 }), fc.maxSafeNat()), { maxLength: 30 }),
        (fields) => {
          for (const h of [native, plain]) for (const f of fields) typeof f === "number" ? h.varint(f) : h.string(f)
          return native.digestHex() === plain.digestHex()
        }
      )
    )
  })
  it("reset() discards everything added so far, including bytes already handed to a platform SHA-256", () => {
    for (const h of [new Sha256Hasher(), new Sha256Hasher(() => createHash("sha256"))]) {
      h.utf8("x".repeat(200_000)) // more than the buffer holds: some bytes have left it
      h.reset()
      h.utf8("abc")
      expect(h.digestHex()).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
  })
  it("keeps every byte of many short fields that run across its buffer's end, at every alignment", () => {
    const h = new Sha256Hasher()
    for (let offset = 0; offset < 24; offset++) {
      const parts: Array<Buffer> = []
      h.string("p".repeat(offset))
      parts.push(Buffer.from(varint(offset)), Buffer.from("p".repeat(offset)))
      // About 200 KB: mostly short ASCII ids of 1 to 9 characters back to back, some non-ASCII
      // ones, and a varint now and then, so the buffer's end falls inside every kind of field.
      for (let i = 0; i < 30_000; i++) {
        const s = i % 97 === 0 ? `志愿者${i}` : `t${i}abcdefgh`.slice(0, 1 + (i % 9))
        h.string(s)
        parts.push(Buffer.from(varint(s.length)), Buffer.from(s, "utf8"))
        if (i % 50 === 0) {
          h.varint(i)
          parts.push(Buffer.from(varint(i)))
        }
      }
      expect(h.digestHex()).toBe(createHash("sha256").update(Buffer.concat(parts)).digest("hex"))
    }
  })
})
