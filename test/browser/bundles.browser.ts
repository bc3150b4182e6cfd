import assert from "node:assert/strict"
import { join } from "node:path"
import { build } from "esbuild"
import type { BrowserSuite, BrowserTest } from "./harness.ts"

const root = join(import.meta.dirname, "..", "..")
const names = ["core", "voting-procedures", "relief-calculator", "volunteer-points", "governance-model"]

// What jsDelivr's /+esm and Observable serve: code bundled for a neutral platform, from a
// package's directory. esbuild fails the build if the code reaches for a Node built-in.
const neutralBundle = async (name: string, contents: string): Promise<string> => {
  const out = await build({
    stdin: { contents, resolveDir: join(root, "packages", name), loader: "ts" },
    bundle: true,
    platform: "neutral",
    mainFields: ["module", "main"],
    format: "esm",
    write: false,
    logLevel: "silent"
  })
  return out.outputFiles[0]!.text
}

// A ledger run the same way in the page and here: its head hash must not depend on the SHA-256
// behind it (WebAssembly in the browser, node:crypto in Node).
const ledgerScript = `
  const l = getOrThrow(createLedger())
  getOrThrow(l.createAccounts([{ id: "fund", unit: "pts" }, ...Array.from({ length: 50 }, (_, i) => ({ id: "v" + i, unit: "pts" }))]))
  for (let b = 0; b < 5; b++)
    getOrThrow(l.createTransfers(Array.from({ length: 4000 }, (_, i) => ({ id: "t" + b + "-" + i, debitAccountId: "fund", creditAccountId: "v" + (i % 50), amount: 1 + (i % 7) }))))
  const result = { head: l.head(), verified: l.verify().ok }
`

export default {
  name: "bundles",
  tests: [
    ...names.map(
      (name): BrowserTest => ({
        name: `@jiceng/${name} runs as a neutral-platform ESM bundle in Chromium`,
        run: async (page) => {
          const code = await neutralBundle(
            name,
            `import * as m from "./dist/index.js"; globalThis.__smoke = { keys: Object.keys(m).sort() }`
          )
          await page.setContent("<!doctype html><title>smoke</title>")
          await page.addScriptTag({ type: "module", content: code })
          const keys = (
            await page.waitForFunction(() => (globalThis as { __smoke?: { keys: string[] } }).__smoke?.keys)
          ).jsonValue()
          const mod = (await import(join(root, "packages", name, "dist", "index.js"))) as Record<string, unknown>
          assert.deepEqual(await keys, Object.keys(mod).sort())
        }
      })
    ),
    {
      name: "SHA-256 compresses in WebAssembly on Chromium's main thread, and a ledger's hashes match Node's",
      run: async (page) => {
        const code = await neutralBundle(
          "volunteer-points",
          `import { compressWasm } from "../core/src/internal/compressWasm.ts"
           import { createLedger } from "./dist/index.js"
           import { getOrThrow, platformSha256, sha256Hex } from "../core/dist/index.js"
           ${ledgerScript}
           globalThis.__sha = { wasm: compressWasm() !== undefined, platform: platformSha256() !== undefined, abc: sha256Hex("abc"), ...result }`
        )
        await page.setContent("<!doctype html><title>sha</title>")
        await page.addScriptTag({ type: "module", content: code })
        const inPage = (await (
          await page.waitForFunction(() => (globalThis as { __sha?: unknown }).__sha)
        ).jsonValue()) as { wasm: boolean; platform: boolean; abc: string; head: string; verified: boolean }
        const { createLedger } = await import(join(root, "packages", "volunteer-points", "dist", "index.js"))
        const { getOrThrow } = await import(join(root, "packages", "core", "dist", "index.js"))
        const inNode = new Function("createLedger", "getOrThrow", `${ledgerScript}; return result`)(
          createLedger,
          getOrThrow
        )
        assert.deepEqual(inPage, {
          wasm: true,
          platform: false,
          abc: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
          ...inNode
        })
        assert.equal(inNode.verified, true)
      }
    }
  ]
} satisfies BrowserSuite
