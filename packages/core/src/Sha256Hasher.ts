// The one SHA-256 (FIPS 180-4) of the project: `sha256Hex` and the volunteer ledger's hash
// chain both run on it. It takes typed fields straight into its buffer, because serialising a
// batch of 8,000 transfers into one string first would cost more than hashing it.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
])

const BUF = 1 << 16 // bytes buffered before compressing; a multiple of 64
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, "0"))

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
 * An incremental SHA-256 over typed fields, synchronous and dependency-free. Encodings:
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
  private readonly w = new Int32Array(64)
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

  /** Starts over, as if new. */
  reset(): void {
    this.h.set([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
    this.pos = 0
    this.total = 0
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
    // Ids are short: a one-byte length goes in directly (this runs three times per transfer).
    if (n < 128 && this.pos < BUF - 1) this.buf[this.pos++] = n
    else this.varint(n)
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

  // The 64 rounds are unrolled eight at a time, with the eight working variables renamed
  // instead of shifted, and the message schedule is extended in place as the rounds need it.
  private compress(end: number): void {
    const h = this.h
    const w = this.w
    const buf = this.buf
    let h0 = h[0]!
    let h1 = h[1]!
    let h2 = h[2]!
    let h3 = h[3]!
    let h4 = h[4]!
    let h5 = h[5]!
    let h6 = h[6]!
    let h7 = h[7]!
    for (let off = 0; off < end; off += 64) {
      for (let i = 0, j = off; i < 16; i++, j += 4)
        w[i] = (buf[j]! << 24) | (buf[j + 1]! << 16) | (buf[j + 2]! << 8) | buf[j + 3]!
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15]!
        const y = w[i - 2]!
        w[i] =
          (w[i - 16]! +
            (((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)) +
            w[i - 7]! +
            (((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10))) |
          0
      }
      let a = h0
      let b = h1
      let c = h2
      let d = h3
      let e = h4
      let f = h5
      let g = h6
      let k = h7
      let t = 0
      for (let i = 0; i < 64; i += 8) {
        t =
          (k +
            (((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))) +
            ((e & f) ^ (~e & g)) +
            K[i]! +
            w[i]!) |
          0
        d = (d + t) | 0
        k =
          (t +
            (((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))) +
            ((a & b) ^ (a & c) ^ (b & c))) |
          0
        t =
          (g +
            (((d >>> 6) | (d << 26)) ^ ((d >>> 11) | (d << 21)) ^ ((d >>> 25) | (d << 7))) +
            ((d & e) ^ (~d & f)) +
            K[i + 1]! +
            w[i + 1]!) |
          0
        c = (c + t) | 0
        g =
          (t +
            (((k >>> 2) | (k << 30)) ^ ((k >>> 13) | (k << 19)) ^ ((k >>> 22) | (k << 10))) +
            ((k & a) ^ (k & b) ^ (a & b))) |
          0
        t =
          (f +
            (((c >>> 6) | (c << 26)) ^ ((c >>> 11) | (c << 21)) ^ ((c >>> 25) | (c << 7))) +
            ((c & d) ^ (~c & e)) +
            K[i + 2]! +
            w[i + 2]!) |
          0
        b = (b + t) | 0
        f =
          (t +
            (((g >>> 2) | (g << 30)) ^ ((g >>> 13) | (g << 19)) ^ ((g >>> 22) | (g << 10))) +
            ((g & k) ^ (g & a) ^ (k & a))) |
          0
        t =
          (e +
            (((b >>> 6) | (b << 26)) ^ ((b >>> 11) | (b << 21)) ^ ((b >>> 25) | (b << 7))) +
            ((b & c) ^ (~b & d)) +
            K[i + 3]! +
            w[i + 3]!) |
          0
        a = (a + t) | 0
        e =
          (t +
            (((f >>> 2) | (f << 30)) ^ ((f >>> 13) | (f << 19)) ^ ((f >>> 22) | (f << 10))) +
            ((f & g) ^ (f & k) ^ (g & k))) |
          0
        t =
          (d +
            (((a >>> 6) | (a << 26)) ^ ((a >>> 11) | (a << 21)) ^ ((a >>> 25) | (a << 7))) +
            ((a & b) ^ (~a & c)) +
            K[i + 4]! +
            w[i + 4]!) |
          0
        k = (k + t) | 0
        d =
          (t +
            (((e >>> 2) | (e << 30)) ^ ((e >>> 13) | (e << 19)) ^ ((e >>> 22) | (e << 10))) +
            ((e & f) ^ (e & g) ^ (f & g))) |
          0
        t =
          (c +
            (((k >>> 6) | (k << 26)) ^ ((k >>> 11) | (k << 21)) ^ ((k >>> 25) | (k << 7))) +
            ((k & a) ^ (~k & b)) +
            K[i + 5]! +
            w[i + 5]!) |
          0
        g = (g + t) | 0
        c =
          (t +
            (((d >>> 2) | (d << 30)) ^ ((d >>> 13) | (d << 19)) ^ ((d >>> 22) | (d << 10))) +
            ((d & e) ^ (d & f) ^ (e & f))) |
          0
        t =
          (b +
            (((g >>> 6) | (g << 26)) ^ ((g >>> 11) | (g << 21)) ^ ((g >>> 25) | (g << 7))) +
            ((g & k) ^ (~g & a)) +
            K[i + 6]! +
            w[i + 6]!) |
          0
        f = (f + t) | 0
        b =
          (t +
            (((c >>> 2) | (c << 30)) ^ ((c >>> 13) | (c << 19)) ^ ((c >>> 22) | (c << 10))) +
            ((c & d) ^ (c & e) ^ (d & e))) |
          0
        t =
          (a +
            (((f >>> 6) | (f << 26)) ^ ((f >>> 11) | (f << 21)) ^ ((f >>> 25) | (f << 7))) +
            ((f & g) ^ (~f & k)) +
            K[i + 7]! +
            w[i + 7]!) |
          0
        e = (e + t) | 0
        a =
          (t +
            (((b >>> 2) | (b << 30)) ^ ((b >>> 13) | (b << 19)) ^ ((b >>> 22) | (b << 10))) +
            ((b & c) ^ (b & d) ^ (c & d))) |
          0
      }
      h0 = (h0 + a) | 0
      h1 = (h1 + b) | 0
      h2 = (h2 + c) | 0
      h3 = (h3 + d) | 0
      h4 = (h4 + e) | 0
      h5 = (h5 + f) | 0
      h6 = (h6 + g) | 0
      h7 = (h7 + k) | 0
    }
    h[0] = h0
    h[1] = h1
    h[2] = h2
    h[3] = h3
    h[4] = h4
    h[5] = h5
    h[6] = h6
    h[7] = h7
  }
}
