import { createHash } from "node:crypto"
import { afterEach, describe, expect, it, vi } from "vitest"
import { isPlatformSha256, platformSha256 } from "./PlatformSha256.ts"
import { Sha256Hasher } from "./Sha256Hasher.ts"

// Detection is cached per module instance, so each stubbed runtime gets a fresh one.
const detectWith = async (getBuiltinModule: (id: string) => unknown) => {
  vi.spyOn(process, "getBuiltinModule").mockImplementation(getBuiltinModule as typeof process.getBuiltinModule)
  vi.resetModules()
  return (await import("./PlatformSha256.ts")).platformSha256()
}

describe("isPlatformSha256", () => {
  it("accepts a SHA-256 factory and refuses other algorithms, throwing or fake factories and non-functions", () => {
    expect(isPlatformSha256(() => createHash("sha256"))).toBe(true)
    for (const f of [
      () => createHash("sha1"),
      () => createHash("sha512"),
      () => {
        throw new Error("no crypto")
      },
      () => ({ update: () => undefined, digest: () => "0".repeat(64) }),
      "sha256",
      undefined
    ])
      expect(isPlatformSha256(f)).toBe(false)
  })
})

describe("platformSha256", () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.resetModules()
  })

  it("finds node:crypto in Node, and hashes what the built-in SHA-256 hashes", () => {
    const factory = platformSha256()
    expect(factory).toBeDefined()
    const text = "基层 jiceng-ledger/1 😀"
    const native = new Sha256Hasher(factory)
    const builtIn = new Sha256Hasher()
    native.utf8(text)
    builtIn.utf8(text)
    expect(native.digestHex()).toBe(builtIn.digestHex())
    expect(platformSha256()).toBe(factory)
  })

  it("asks the runtime for node:crypto only, through getBuiltinModule", async () => {
    const asked: Array<string> = []
    const found = await detectWith((id) => {
      asked.push(id)
      return { createHash }
    })
    expect(found).toBeDefined()
    expect(asked).toEqual(["node:crypto"])
  })

  it("is undefined where the runtime has no synchronous SHA-256 (a browser), or a broken one", async () => {
    expect(await detectWith(() => undefined)).toBeUndefined()
    expect(await detectWith(() => ({}))).toBeUndefined()
    expect(await detectWith(() => ({ createHash: () => createHash("sha1") }))).toBeUndefined()
    expect(
      await detectWith(() => {
        throw new Error("not allowed")
      })
    ).toBeUndefined()
  })
})
