import { compress } from "./internal/compressWasm.ts"
import type { PlatformSha256 } from "./PlatformSha256.ts"

// The one SHA-256 (FIPS 180-4) of the project: `sha256Hex` and the volunteer ledger's hash
// chain both run on it. It takes typed fields straight into its buffer, because serialising a
// batch of 8,000 transfers into one string first would cost more than hashing it.

const BUF = 1 << 16 // bytes buffered before compressing; a multiple of 64
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"))

/**
 * An incremental SHA-256 over typed fields, synchronous and dependency-free; it compresses in
 * WebAssembly where the runtime allows it and in JavaScript otherwise. Encodings:
 * `varint` is unsigned LEB128 of a non-negative safe integer; `string` is a varint of the
 * length in UTF-16 code units, then UTF-8 with lone surrogates kept as three bytes (the
 * `jiceng-ledger/1` hash-chain encoding); `utf8` is plain UTF-8 with lone surrogates replaced
 * by U+FFFD, as `TextEncoder` does. Given a platform SHA-256, it hands its bytes to that
 * instead of compressing them itself (same digests, several times faster).
 *
 * @example
 * ```ts
 * import { Sha256Hasher } from "@jiceng/core"
 * const h = new Sha256Hasher()
 * h.utf8("abc")
 * h.digestHex() //=> "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
 * ```
 * @since 0.1.0
 * @category digest
 */
export class Sha256Hasher {
  private readonly h = new Int32Array(8)
  // Chosen on first use, so that importing the module compiles nothing.
  private compressor: ((h: Int32Array, buf: Uint8Array, end: number) => void) | undefined = undefined
  private readonly buf = new Uint8Array(BUF)
  private pos = 0
  private total = 0
  // With a platform SHA-256, the buffer is handed to it instead of compressed here.
  private readonly native: (() => PlatformSha256) | undefined
  private sink: PlatformSha256 | undefined = undefined

  constructor(native?: () => PlatformSha256) {
    this.native = native
    this.reset()
  }

  private compress(end: number): void {
    this.compressor ??= compress()
    this.compressor(this.h, this.buf, end)
  }

  /** Starts over, as if new. */
  reset(): void {
    this.h.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
    this.pos = 0
    this.total = 0
    this.sink = undefined
  }

  private byte(b: number): void {
    this.buf[this.pos++] = b
    if (this.pos === BUF) this.flush()
  }

  private flush(): void {
    if (this.native !== undefined) {
      this.sink ??= this.native()
      this.sink.update(this.buf.subarray(0, this.pos))
      this.total += this.pos
      this.pos = 0
      return
    }
    const full = this.pos & ~63
    this.compress(full)
    this.total += full
    this.buf.copyWithin(0, full, this.pos)
    this.pos -= full
  }

  /** Adds a non-negative safe integer as unsigned LEB128. */
  varint(n: number): void {
    if (BUF - this.pos < 10) this.flush()
    const buf = this.buf
    let p = this.pos
    while (n >= 0x80000000) {
      buf[p++] = (n % 128) | 128
      n = Math.floor(n / 128)
    }
    while (n >= 128) {
      buf[p++] = (n & 127) | 128
      n >>>= 7
    }
    buf[p++] = n
    this.pos = p
  }

  /** Adds a string as its UTF-16 length (varint), then UTF-8 with lone surrogates kept as three bytes. */
  string(s: string): void {
    const n = s.length
    // Ids are short and mostly ASCII, and this runs three times per transfer: a short ASCII
    // string is copied here, in a method small enough for the caller to inline.
    if (n < 128 && this.pos + n + 1 < BUF) {
      const buf = this.buf
      const start = this.pos
      let p = start
      buf[p++] = n
      let i = 0
      while (i < n) {
        const c = s.charCodeAt(i)
        if (c >= 0x80) break
        buf[p++] = c
        i++
      }
      if (i === n) {
        this.pos = p
        return
      }
    }
    this.varint(n)
    this.encode(s, false)
  }

  /** Adds a string as UTF-8, lone surrogates replaced by U+FFFD (as `TextEncoder` does). */
  utf8(s: string): void {
    this.encode(s, true)
  }

  private encode(s: string, wellFormed: boolean): void {
    const n = s.length
    if (BUF - this.pos < 3 * n + 8) {
      this.flush()
      if (BUF - this.pos < 3 * n + 8) {
        this.encodeSlow(s, wellFormed)
        return
      }
    }
    const buf = this.buf
    let p = this.pos
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c < 0x80) buf[p++] = c
      else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6)
        buf[p++] = 0x80 | (c & 63)
      } else {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0
        if (c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          buf[p++] = 0xf0 | (cp >> 18)
          buf[p++] = 0x80 | ((cp >> 12) & 63)
          buf[p++] = 0x80 | ((cp >> 6) & 63)
          buf[p++] = 0x80 | (cp & 63)
          i++
        } else {
          const u = wellFormed && c >= 0xd800 && c < 0xe000 ? 0xfffd : c
          buf[p++] = 0xe0 | (u >> 12)
          buf[p++] = 0x80 | ((u >> 6) & 63)
          buf[p++] = 0x80 | (u & 63)
        }
      }
    }
    this.pos = p
    if (p === BUF) this.flush()
  }

  // The same encoding byte by byte, for strings longer than the buffer.
  private encodeSlow(s: string, wellFormed: boolean): void {
    const n = s.length
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i)
      if (c < 0x80) this.byte(c)
      else if (c < 0x800) {
        this.byte(0xc0 | (c >> 6))
        this.byte(0x80 | (c & 63))
      } else {
        const d = i + 1 < n ? s.charCodeAt(i + 1) : 0
        if (c >= 0xd800 && c < 0xdc00 && d >= 0xdc00 && d < 0xe000) {
          const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00)
          this.byte(0xf0 | (cp >> 18))
          this.byte(0x80 | ((cp >> 12) & 63))
          this.byte(0x80 | ((cp >> 6) & 63))
          this.byte(0x80 | (cp & 63))
          i++
        } else {
          const u = wellFormed && c >= 0xd800 && c < 0xe000 ? 0xfffd : c
          this.byte(0xe0 | (u >> 12))
          this.byte(0x80 | ((u >> 6) & 63))
          this.byte(0x80 | (u & 63))
        }
      }
    }
  }

  /** Finishes the digest as lowercase hex and resets the hasher. */
  digestHex(): string {
    if (this.native !== undefined) {
      const sink = this.sink ?? this.native()
      sink.update(this.buf.subarray(0, this.pos))
      this.sink = undefined
      this.pos = 0
      this.total = 0
      return sink.digest("hex")
    }
    // Padding (FIPS 180-4 §5.1.1): 0x80, zeros up to 56 mod 64, then the length in bits as a
    // 64-bit big-endian integer, written straight into the buffer.
    if (BUF - this.pos < 72) this.flush()
    const buf = this.buf
    const length = this.total + this.pos
    let p = this.pos
    buf[p++] = 0x80
    const end = ((p + 8 + 63) & ~63) - 8
    buf.fill(0, p, end)
    p = end
    const bits = length * 8
    const hi = Math.floor(bits / 0x100000000)
    const lo = bits >>> 0
    buf[p++] = hi >>> 24
    buf[p++] = (hi >>> 16) & 255
    buf[p++] = (hi >>> 8) & 255
    buf[p++] = hi & 255
    buf[p++] = lo >>> 24
    buf[p++] = (lo >>> 16) & 255
    buf[p++] = (lo >>> 8) & 255
    buf[p++] = lo & 255
    this.compress(p)
    const h = this.h
    let out = ""
    for (let i = 0; i < 8; i++) {
      const w = h[i]!
      out += HEX[w >>> 24]! + HEX[(w >>> 16) & 255]! + HEX[(w >>> 8) & 255]! + HEX[w & 255]!
    }
    this.reset()
    return out
  }
}
