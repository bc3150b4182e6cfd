import { Sha256Hasher } from "./Sha256Hasher.ts"

/**
 * Serialises a JSON-like value canonically: object keys sorted, no whitespace, `undefined`
 * properties dropped. Two inputs that mean the same thing give the same string, so their
 * {@link sha256Hex} digests match — the basis of reproducible, auditable tallies.
 *
 * @example
 * ```ts
 * import { canonicalJson } from "@jiceng/core"
 * canonicalJson({ b: 1, a: [true, null] }) //=> '{"a":[true,null],"b":1}'
 * ```
 * @since 0.1.0
 * @category digest
 */
export const canonicalJson = (value: unknown): string => {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError(`cannot serialise ${value}`)
    if (typeof value === "bigint") return value.toString()
    return JSON.stringify(value) ?? "null"
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
  return `{${entries.join(",")}}`
}

/**
 * SHA-256 of a string (UTF-8, lone surrogates as U+FFFD like `TextEncoder`), as lowercase
 * hex. Synchronous and dependency-free, so it runs the same in Node, Deno and the browser —
 * used for input digests; {@link Sha256Hasher} hashes typed fields without building a string.
 *
 * @example
 * ```ts
 * import { sha256Hex } from "@jiceng/core"
 * sha256Hex("abc") //=> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 * @since 0.1.0
 * @category digest
 */
export const sha256Hex = (text: string): string => {
  hasher.utf8(text)
  return hasher.digestHex()
}

// One hasher serves every call: each call runs to completion and the digest resets it.
const hasher = new Sha256Hasher()
