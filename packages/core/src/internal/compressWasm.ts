// SHA-256's compression function in WebAssembly (built by scripts/sha256Wasm.ts): about 1.7×
// as fast as the JavaScript one, which matters because hashing is a third of replaying a
// ledger. The module is compiled synchronously on first use and shared; each call copies the
// caller's state and blocks in and the state out, so hashers never share memory.

import { compressJs } from "./compressJs.ts"
import { BLOCKS_AT, SHA256_WASM } from "./sha256Wasm.ts"

type Compress = (h: Int32Array, buf: Uint8Array, end: number) => void

interface Module {
  readonly state: Int32Array
  readonly bytes: Uint8Array
  readonly run: (from: number, to: number) => void
}

let loaded: Module | null | undefined

const instantiate = (): Module | null => {
  try {
    const binary = Uint8Array.from(atob(SHA256_WASM), (c) => c.charCodeAt(0))
    const instance = new WebAssembly.Instance(new WebAssembly.Module(binary), {})
    const memory = instance.exports.memory as WebAssembly.Memory
    return {
      state: new Int32Array(memory.buffer, 0, 8),
      bytes: new Uint8Array(memory.buffer),
      run: instance.exports.compress as (from: number, to: number) => void
    }
  } catch {
    // No WebAssembly here (a --jitless runtime, or a Content-Security-Policy without
    // 'wasm-unsafe-eval'): the JavaScript compression function gives the same digests.
    return null
  }
}

const compressWithModule = (m: Module, h: Int32Array, buf: Uint8Array, end: number): void => {
  const room = m.bytes.length - BLOCKS_AT
  m.state.set(h)
  for (let from = 0; from < end; from += room) {
    const to = Math.min(end, from + room)
    m.bytes.set(buf.subarray(from, to), BLOCKS_AT)
    m.run(BLOCKS_AT, BLOCKS_AT + to - from)
  }
  h.set(m.state)
}

/**
 * The WebAssembly compression function, or undefined where WebAssembly cannot run. Like
 * {@link compressJs}, it compresses the 64-byte blocks of `buf` in [0, end) into `h`.
 */
export const compressWasm = (): Compress | undefined => {
  if (loaded === undefined) loaded = instantiate()
  const m = loaded
  return m === null ? undefined : (h, buf, end) => compressWithModule(m, h, buf, end)
}

/** The fastest compression function this runtime offers. */
export const compress = (): Compress => compressWasm() ?? compressJs
