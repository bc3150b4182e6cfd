/**
 * A platform SHA-256 hash object, in the shape of Node's `crypto.createHash("sha256")` (also
 * in Deno and Bun): what {@link Sha256Hasher} hands its bytes to when one is given.
 *
 * @since 0.1.0
 * @category digest
 */
export interface PlatformSha256 {
  update(data: Uint8Array): unknown
  digest(encoding: "hex"): string
}

/**
 * Whether `factory` is a function returning a working SHA-256 hash object: it is called once
 * and must hash FIPS 180-2's example "abc" (appendix B.1) right. Anything else — another
 * algorithm, a throwing or fake factory — is refused.
 *
 * @example
 * ```ts
 * import { createHash } from "node:crypto"
 * import { isPlatformSha256 } from "@jiceng/core"
 * isPlatformSha256(() => createHash("sha256")) //=> true
 * isPlatformSha256(() => createHash("sha1")) //=> false
 * ```
 * @since 0.1.0
 * @category digest
 */
export const isPlatformSha256 = (factory: unknown): factory is () => PlatformSha256 => {
  if (typeof factory !== "function") return false
  try {
    const h = (factory as () => PlatformSha256)()
    h.update(new Uint8Array([0x61, 0x62, 0x63]))
    return h.digest("hex") === "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
  } catch {
    return false
  }
}

interface NodeLikeProcess {
  readonly getBuiltinModule?: (id: string) => unknown
}

let found: (() => PlatformSha256) | null | undefined

/**
 * The runtime's own SHA-256, where it offers one synchronously: `node:crypto`'s `createHash`,
 * reached through `process.getBuiltinModule` (Node ≥ 20.16, Deno, Bun) so that nothing is
 * imported and bundles for the browser stay clean. Undefined elsewhere — browsers have only
 * Web Crypto, whose digest is asynchronous. Native SHA-256 uses the processor's SHA
 * instructions where it has them: several times the speed of any JavaScript or WebAssembly.
 *
 * @example
 * ```ts
 * import { platformSha256, Sha256Hasher } from "@jiceng/core"
 * const h = new Sha256Hasher(platformSha256())
 * h.utf8("abc")
 * h.digestHex() //=> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 * @since 0.1.0
 * @category digest
 */
export const platformSha256 = (): (() => PlatformSha256) | undefined => {
  if (found === undefined) found = detect() ?? null
  return found ?? undefined
}

const detect = (): (() => PlatformSha256) | undefined => {
  try {
    const process = (globalThis as { readonly process?: NodeLikeProcess }).process
    const crypto = process?.getBuiltinModule?.("node:crypto") as
      | { readonly createHash?: (algorithm: string) => PlatformSha256 }
      | undefined
    const createHash = crypto?.createHash
    if (typeof createHash !== "function") return undefined
    const factory = () => createHash("sha256")
    return isPlatformSha256(factory) ? factory : undefined
  } catch {
    return undefined
  }
}
