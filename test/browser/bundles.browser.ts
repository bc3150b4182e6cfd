import assert from "node:assert/strict"
import { join } from "node:path"
import { build } from "esbuild"
import type { BrowserSuite } from "./harness.ts"

const root = join(import.meta.dirname, "..", "..")
const names = ["core", "voting-procedures", "relief-calculator", "volunteer-points", "governance-model"]

// What jsDelivr's /+esm and Observable serve: the built ESM entry bundled for a neutral
// platform. esbuild fails the build if the entry reaches for a Node built-in.
const neutralBundle = async (name: string): Promise<string> => {
  const out = await build({
    stdin: {
      contents: `import * as m from "./dist/index.js"; globalThis.__smoke = { keys: Object.keys(m).sort() }`,
      resolveDir: join(root, "packages", name),
      loader: "js"
    },
    bundle: true,
    platform: "neutral",
    mainFields: ["module", "main"],
    format: "esm",
    write: false,
    logLevel: "silent"
  })
  return out.outputFiles[0]!.text
}

export default {
  name: "bundles",
  tests: names.map((name) => ({
    name: `@jiceng/${name} runs as a neutral-platform ESM bundle in Chromium`,
    run: async (page) => {
      const code = await neutralBundle(name)
      await page.setContent("<!doctype html><title>smoke</title>")
      await page.addScriptTag({ type: "module", content: code })
      const keys = (
        await page.waitForFunction(() => (globalThis as { __smoke?: { keys: string[] } }).__smoke?.keys)
      ).jsonValue()
      const mod = (await import(join(root, "packages", name, "dist", "index.js"))) as Record<string, unknown>
      assert.deepEqual(await keys, Object.keys(mod).sort())
    }
  }))
} satisfies BrowserSuite
