// SHA-256's compression function (FIPS 180-4 §6.2.2) in JavaScript, for where WebAssembly is
// not available (a `--jitless` runtime, a Content-Security-Policy without 'wasm-unsafe-eval').
// The 64 rounds are unrolled eight at a time, with the eight working variables renamed instead
// of shifted.

/** The round constants K (FIPS 180-4 §4.2.2). */
export const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
])

const w = new Int32Array(64)

/** Compresses the 64-byte blocks of `buf` in [0, end) into the state `h` (H0..H7). */
export const compressJs = (h: Int32Array, buf: Uint8Array, end: number): void => {
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
