// The whole test command (`pnpm test`): typecheck, lint, unit + property + doc tests, build,
// packaging gates, runtime smoke tests (Node 20, Node 24, Deno, Chromium), examples and
// notebooks, the site build and browser tests. Every step runs even if an earlier one failed;
// the last line is `N passed, N failed`, and test-results/summary.json records what was skipped.
import { spawnSync } from "node:child_process"
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { delimiter, join } from "node:path"

const root = join(import.meta.dirname, "..")
const results = join(root, "test-results")
rmSync(results, { recursive: true, force: true })
mkdirSync(results, { recursive: true })

const packages = ["core", "voting-procedures", "relief-calculator", "volunteer-points", "governance-model"]
const steps = []
let passed = 0
let failed = 0
const skipped = []

const run = (cmd, args, options = {}) => {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: options.capture ? "pipe" : "inherit",
    encoding: "utf8",
    ...options
  })
  if (options.capture) process.stdout.write((r.stdout ?? "") + (r.stderr ?? ""))
  return r
}

// A step that counts as one test: it passes when the command exits 0.
const check = (name, cmd, args, options) => {
  console.log(`\n▶ ${name}`)
  const t0 = performance.now()
  const r = run(cmd, args, options)
  const ok = r.status === 0
  ok ? passed++ : failed++
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  steps.push({ name, ok, seconds })
  console.log(`${ok ? "✔" : "✘"} ${name} (${seconds} s)`)
  return r
}

// A step whose runner reports its own counts in a JSON file.
const counted = (name, cmd, args, read) => {
  console.log(`\n▶ ${name}`)
  const t0 = performance.now()
  const r = run(cmd, args)
  const seconds = ((performance.now() - t0) / 1000).toFixed(1)
  let counts
  try {
    counts = read()
  } catch {
    counts = { passed: 0, failed: 1 }
  }
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1 // crashed before reporting
  passed += counts.passed
  failed += counts.failed
  steps.push({ name, ok: counts.failed === 0, seconds, ...counts })
  console.log(
    `${counts.failed === 0 ? "✔" : "✘"} ${name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`
  )
  return counts
}

const systemNode20 = () => {
  const dirs = (process.env.PATH ?? "").split(delimiter).filter((d) => d && !d.includes("node_modules"))
  for (const dir of [...dirs, "/usr/local/bin", "/usr/bin"]) {
    const bin = join(dir, "node")
    if (!existsSync(bin)) continue
    const v = spawnSync(bin, ["--version"], { encoding: "utf8" }).stdout?.trim()
    if (v?.startsWith("v20.")) return bin
  }
  return undefined
}

check("typecheck (tsc, strict)", "pnpm", ["run", "typecheck"])
check("lint and format (biome)", "pnpm", ["run", "lint"])
counted(
  "unit, property and doc tests (vitest + fast-check)",
  "pnpm",
  [
    "exec",
    "vitest",
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${join(results, "vitest.json")}`
  ],
  () => {
    const j = JSON.parse(readFileSync(join(results, "vitest.json"), "utf8"))
    return {
      passed: j.numPassedTests,
      failed: j.numFailedTests + (j.numTotalTestSuites > 0 && !j.success && j.numFailedTests === 0 ? 1 : 0)
    }
  }
)
check("build every package (tsup: ESM + CJS + d.ts)", "pnpm", ["run", "build"])

for (const p of packages) {
  const cwd = join(root, "packages", p)
  check(`@jiceng/${p}: publint --strict`, "pnpm", ["exec", "publint", "--strict"], { cwd })
  check(`@jiceng/${p}: attw --pack --profile node16`, "pnpm", ["exec", "attw", "--pack", ".", "--profile", "node16"], {
    cwd
  })
}

const node20 = systemNode20()
for (const p of packages) {
  check(`@jiceng/${p}: loads as ESM and CJS on Node 24`, process.execPath, ["test/smoke/node.mjs", p])
  if (node20) check(`@jiceng/${p}: loads as ESM and CJS on Node 20`, node20, ["test/smoke/node.mjs", p])
  else {
    failed++
    steps.push({ name: `@jiceng/${p}: Node 20 smoke`, ok: false, seconds: "0" })
    console.log(`✘ @jiceng/${p}: no system Node 20 found on PATH for the Node 20 smoke test`)
  }
}
check("all packages load in Deno", join(root, "node_modules", ".bin", "deno"), [
  "run",
  "-A",
  "--node-modules-dir=manual",
  "test/smoke/deno.ts"
])

const exampleFiles = readdirSync(join(root, "examples"), { recursive: true })
  .map(String)
  .filter((f) => f.endsWith(".mjs") && !f.includes("node_modules"))
  .sort()
for (const f of exampleFiles) {
  check(`example ${f}`, process.execPath, [f], { cwd: join(root, "examples") })
}
const notebookDir = join(root, "examples", "notebooks")
const notebooks = existsSync(notebookDir) ? readdirSync(notebookDir).filter((f) => f.endsWith(".ipynb")) : []
for (const nb of notebooks.sort()) {
  check(`notebook ${nb} (Deno kernel cells)`, process.execPath, ["test/notebooks/run.mjs", `examples/notebooks/${nb}`])
}

check("site build (Astro + Starlight + TypeDoc + Pagefind)", "pnpm", ["run", "site:build"])
const browser = counted(
  "browser tests (headless Chromium + playwright-core)",
  process.execPath,
  ["test/browser/run.ts"],
  () => JSON.parse(readFileSync(join(results, "browser.json"), "utf8"))
)
if (browser.skipped) skipped.push(`browser tests: ${browser.skipped}`)

console.log("\nSummary")
for (const s of steps)
  console.log(
    `  ${s.ok ? "✔" : "✘"} ${s.name}${s.passed !== undefined ? ` (${s.passed} passed, ${s.failed} failed)` : ""} — ${s.seconds} s`
  )
if (skipped.length > 0) console.log(`  SKIPPED: ${skipped.join("; ")}`)
writeFileSync(join(results, "summary.json"), JSON.stringify({ passed, failed, skipped, steps }, null, 2))
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed === 0 ? 0 : 1)
