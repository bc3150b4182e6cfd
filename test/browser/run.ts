// Browser tests in real headless Chromium (Debian `chromium` + playwright-core) against the
// built site served on loopback. Usage: node test/browser/run.ts [suite-filter]
// Writes test-results/browser.json ({ passed, failed, skipped }) for the test orchestrator.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { extname, join, normalize } from "node:path"
import { pathToFileURL } from "node:url"
import { chromium } from "playwright-core"
import type { BrowserSuite } from "./harness.ts"

const root = join(import.meta.dirname, "..", "..")
const siteDist = join(root, "site", "dist")
const filter = process.argv[2]
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
const report = (r: { passed: number; failed: number; skipped: string | null }) => {
  mkdirSync(join(root, "test-results"), { recursive: true })
  writeFileSync(join(root, "test-results", `browser${filter ? `-${filter}` : ""}.json`), JSON.stringify(r))
}

if (!existsSync(executablePath)) {
  console.log(
    `\n!!! BROWSER TESTS SKIPPED: no Chromium at ${executablePath}. Install it with \`sudo apt-get install -y chromium\` ` +
      "(or set CHROMIUM_PATH). Skipped: site demo tests and the neutral-bundle smoke test. !!!\n"
  )
  report({ passed: 0, failed: 0, skipped: "chromium not installed" })
  process.exit(0)
}
if (!existsSync(join(siteDist, "index.html"))) {
  console.error("site/dist is missing: run `pnpm site:build` first")
  report({ passed: 0, failed: 1, skipped: null })
  process.exit(1)
}

const types: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".xml": "application/xml"
}
const server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost")
  let file = normalize(join(siteDist, decodeURIComponent(url.pathname)))
  if (!file.startsWith(siteDist)) {
    res.writeHead(403).end()
    return
  }
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html")
  if (!existsSync(file)) {
    res.writeHead(404, { "content-type": "text/html" }).end(readFileSync(join(siteDist, "404.html")))
    return
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file))
})
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

const browser = await chromium.launch({
  executablePath,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync"
  ]
})

let passed = 0
let failed = 0
const files = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith(".browser.ts"))
  .filter((f) => !filter || f.startsWith(filter))
  .sort()
for (const file of files) {
  const suite = (await import(pathToFileURL(join(import.meta.dirname, file)).href)).default as BrowserSuite
  for (const test of suite.tests) {
    const context = await browser.newContext()
    const page = await context.newPage()
    const errors: Array<string> = []
    page.on("pageerror", (e) => errors.push(e.message))
    page.setDefaultTimeout(15_000)
    const started = performance.now()
    try {
      if (test.path !== undefined) await page.goto(baseUrl + test.path)
      await test.run(page, { baseUrl })
      if (errors.length > 0) throw new Error(`uncaught page error: ${errors.join("; ")}`)
      passed++
      console.log(`  ✓ ${suite.name} › ${test.name} (${Math.round(performance.now() - started)} ms)`)
    } catch (e) {
      failed++
      console.log(
        `  ✗ ${suite.name} › ${test.name}\n      ${String((e as Error).stack ?? e)
          .split("\n")
          .slice(0, 6)
          .join("\n      ")}`
      )
      mkdirSync(join(root, "test-results"), { recursive: true })
      await page
        .screenshot({ path: join(root, "test-results", `${suite.name}-${test.name.replace(/\W+/g, "-")}.png`) })
        .catch(() => {})
    } finally {
      await context.close()
    }
  }
}
await browser.close()
server.close()
console.log(`browser: ${passed} passed, ${failed} failed`)
report({ passed, failed, skipped: null })
process.exit(failed === 0 ? 0 : 1)
