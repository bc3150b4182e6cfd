// Builds the SHA-256 compression function (FIPS 180-4 §6.2.2) that Sha256Hasher runs in
// WebAssembly, and writes the module's bytes into src/internal/sha256Wasm.ts:
//
//   pnpm --filter @jiceng/core run build:wasm
//
// The text format is generated rather than written out because the 16 rounds of each pass are
// unrolled with the eight working variables renamed instead of shifted. It stays under 4 KB,
// the largest module Chrome will compile synchronously on the main thread. A test rebuilds the
// bytes and compares them with the committed file, so the two cannot drift apart.
//
// Memory: the state H0..H7 at byte 0, the round constants K at STATE_BYTES, and the message
// blocks from BLOCKS_AT; compress(from, to) runs over the 64-byte blocks in [from, to).

import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import wabt from "wabt"
import { K } from "../src/internal/compressJs.ts"

/** Where the message blocks start in the module's memory. */
export const BLOCKS_AT = 1024
const K_AT = 32

const get = (name: string) => `(local.get $${name})`
const rotr = (x: string, n: number) => `(i32.rotr ${x} (i32.const ${n}))`
const xor3 = (a: string, b: string, c: string) => `(i32.xor (i32.xor ${a} ${b}) ${c})`
const w = (t: number) => `w${t & 15}`

/** The module in WebAssembly text format. */
export const sha256Wat = (): string => {
  const kBytes = Array.from(new Uint8Array(K.buffer), (b) => `\\${b.toString(16).padStart(2, "0")}`).join("")
  const out: Array<string> = []
  const emit = (line: string) => out.push(line)
  emit(`(module`)
  emit(`  (memory (export "memory") 2)`)
  emit(`  (data (i32.const ${K_AT}) "${kBytes}")`)
  emit(`  (func (export "compress") (param $p i32) (param $end i32)`)
  emit(`    (local $a i32) (local $b i32) (local $c i32) (local $d i32)`)
  emit(`    (local $e i32) (local $f i32) (local $g i32) (local $h i32)`)
  emit(`    (local $t i32) (local $x i32) (local $round i32)`)
  emit(`    ${Array.from({ length: 16 }, (_, i) => `(local $w${i} i32)`).join(" ")}`)
  emit(`    (block $done (loop $block`)
  emit(`      (br_if $done (i32.ge_u ${get("p")} ${get("end")}))`)
  // The message words are big-endian; memory is little-endian.
  for (let i = 0; i < 16; i++) {
    emit(`      (local.set $x (i32.load offset=${i * 4} ${get("p")}))`)
    emit(
      `      (local.set $w${i} (i32.or (i32.and (i32.rotl ${get("x")} (i32.const 8)) (i32.const 0x00ff00ff)) (i32.and ${rotr(get("x"), 8)} (i32.const 0xff00ff00))))`
    )
  }
  const v = ["a", "b", "c", "d", "e", "f", "g", "h"]
  for (let i = 0; i < 8; i++) emit(`      (local.set $${v[i]} (i32.load offset=${i * 4} (i32.const 0)))`)
  emit(`      (local.set $round (i32.const 0))`)
  // Four passes of 16 rounds; from the second on, each pass first extends the schedule in place.
  emit(`      (loop $pass`)
  emit(`        (if ${get("round")} (then`)
  for (let t = 16; t < 32; t++) {
    const x15 = get(w(t - 15))
    const x2 = get(w(t - 2))
    const s0 = xor3(rotr(x15, 7), rotr(x15, 18), `(i32.shr_u ${x15} (i32.const 3))`)
    const s1 = xor3(rotr(x2, 17), rotr(x2, 19), `(i32.shr_u ${x2} (i32.const 10))`)
    emit(`          (local.set $${w(t)} (i32.add (i32.add ${get(w(t))} ${s0}) (i32.add ${get(w(t - 7))} ${s1})))`)
  }
  emit(`        ))`)
  let r = [...v]
  for (let t = 0; t < 16; t++) {
    const [a, b, c, d, e, f, g, h] = r.map(get) as [string, string, string, string, string, string, string, string]
    const S1 = xor3(rotr(e, 6), rotr(e, 11), rotr(e, 25))
    const ch = `(i32.xor ${g} (i32.and ${e} (i32.xor ${f} ${g})))`
    const k = `(i32.load offset=${K_AT + t * 4} ${get("round")})`
    emit(`        (local.set $t (i32.add (i32.add ${h} ${S1}) (i32.add ${ch} (i32.add ${k} ${get(w(t))}))))`)
    emit(`        (local.set $${r[3]} (i32.add ${d} ${get("t")}))`)
    const S0 = xor3(rotr(a, 2), rotr(a, 13), rotr(a, 22))
    const maj = `(i32.or (i32.and ${a} ${b}) (i32.and ${c} (i32.or ${a} ${b})))`
    emit(`        (local.set $${r[7]} (i32.add ${get("t")} (i32.add ${S0} ${maj})))`)
    r = [r[7]!, ...r.slice(0, 7)]
  }
  emit(`        (local.set $round (i32.add ${get("round")} (i32.const 64)))`)
  emit(`        (br_if $pass (i32.lt_u ${get("round")} (i32.const 256))))`)
  for (let i = 0; i < 8; i++)
    emit(
      `      (i32.store offset=${i * 4} (i32.const 0) (i32.add (i32.load offset=${i * 4} (i32.const 0)) ${get(v[i]!)}))`
    )
  emit(`      (local.set $p (i32.add ${get("p")} (i32.const 64)))`)
  emit(`      (br $block)))`)
  emit(`  )`)
  emit(`)`)
  return out.join("\n")
}

/** The module's bytes. */
export const sha256WasmBytes = async (): Promise<Uint8Array> => {
  const module = (await wabt()).parseWat("sha256.wat", sha256Wat())
  try {
    module.validate()
    return new Uint8Array(module.toBinary({}).buffer)
  } finally {
    module.destroy()
  }
}

/** The TypeScript source of src/internal/sha256Wasm.ts. */
export const sha256WasmSource = async (): Promise<string> => {
  const bytes = await sha256WasmBytes()
  const base64 = Buffer.from(bytes).toString("base64")
  const lines = base64.match(/.{1,100}/g) ?? []
  return [
    "// Generated by packages/core/scripts/sha256Wasm.ts; do not edit (a test rebuilds it and compares).",
    "",
    `/** The SHA-256 compression function as a WebAssembly module: ${bytes.length} bytes, base64. */`,
    "export const SHA256_WASM =",
    lines.map((l, i) => `  "${l}"${i < lines.length - 1 ? " +" : ""}`).join("\n"),
    "",
    `/** Where the module's memory holds the message blocks. */`,
    `export const BLOCKS_AT = ${BLOCKS_AT}`,
    ""
  ].join("\n")
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const target = fileURLToPath(new URL("../src/internal/sha256Wasm.ts", import.meta.url))
  writeFileSync(target, await sha256WasmSource())
  console.log(`wrote ${target}`)
}
