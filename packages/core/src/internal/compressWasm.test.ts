import { readFileSync } from "node:fs"
import fc from "fast-check"
import { afterEach, describe, expect, it, vi } from "vitest"
import { sha256WasmBytes, sha256WasmSource } from "../../scripts/sha256Wasm.ts"
import { compressJs } from "./compressJs.ts"
import { compress, compressWasm } from "./compressWasm.ts"

const FIPS_H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]

describe("compressWasm", () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.resetModules()
  })

  it("runs here, and FIPS 180-4's one-block example 'abc' comes out right", () => {
    const run = compressWasm()
    expect(run).toBeDefined()
    const block = new Uint8Array(64)
    block.set([0x61, 0x62, 0x63, 0x80])
    block[63] = 24 // the message length in bits
    const h = Int32Array.from(FIPS_H0)
    run!(h, block, 64)
    expect(Array.from(h, (x) => (x >>> 0).toString(16).padStart(8, "0")).join("")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )
  })

  it("agrees with the JavaScript compression function on any state and blocks (property)", () => {
    const run = compressWasm()!
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { minLength: 8, maxLength: 8 }),
        fc.uint8Array({ maxLength: 64 * 40 }),
        (state, bytes) => {
          const end = bytes.length & ~63
          const a = Int32Array.from(state)
          const b = Int32Array.from(state)
          run(a, bytes, end)
          compressJs(b, bytes, end)
          expect(Array.from(a)).toEqual(Array.from(b))
        }
      )
    )
  })

  it("handles more blocks than fit in its memory at once", () => {
    const bytes = Uint8Array.from({ length: 64 * 5000 }, (_, i) => (i * 31) & 255)
    const a = Int32Array.from(FIPS_H0)
    const b = Int32Array.from(FIPS_H0)
    compressWasm()!(a, bytes, bytes.length)
    compressJs(b, bytes, bytes.length)
    expect(Array.from(a)).toEqual(Array.from(b))
  })

  it("is built from scripts/sha256Wasm.ts, and small enough for Chrome to compile synchronously", async () => {
    const committed = readFileSync(new URL("./sha256Wasm.ts", import.meta.url), "utf8")
    expect(committed).toBe(await sha256WasmSource())
    // Chrome refuses synchronous compilation of modules over 4 KB on the main thread.
    expect((await sha256WasmBytes()).length).toBeLessThan(4096)
  })

  it("falls back to JavaScript where WebAssembly cannot compile (e.g. a strict CSP)", async () => {
    vi.stubGlobal("WebAssembly", {
      Module: () => {
        throw new Error("Wasm code generation disallowed by embedder")
      }
    })
    vi.resetModules()
    const fresh = await import("./compressWasm.ts")
    const freshJs = await import("./compressJs.ts")
    expect(fresh.compressWasm()).toBeUndefined()
    expect(fresh.compress()).toBe(freshJs.compressJs)
    // The module loaded before the stub still uses WebAssembly.
    expect(compress()).not.toBe(compressJs)
  })
})
