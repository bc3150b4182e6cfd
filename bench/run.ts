// Runs every packages/*/bench/*.bench.ts suite and prints, per case, ops/s, items/s and the
// time ratio to the suite's baseline measured in the same run; writes bench/results.json.
// Usage: pnpm bench [filter]
import { readdirSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { pathToFileURL } from "node:url"
import type { BenchCase, BenchSuite } from "./kit.ts"

const root = join(import.meta.dirname, "..")
const filter = process.argv[2]
const minTimeMs = Number(process.env.BENCH_MIN_MS ?? 400)

let sink: unknown
const measure = (c: BenchCase): { opsPerSecond: number; msPerOp: number; samples: number } => {
  for (let i = 0; i < 3; i++) sink = c.fn() // warm-up
  let calls = 0
  const start = performance.now()
  let elapsed = 0
  const times: Array<number> = []
  while (elapsed < minTimeMs || calls < 5) {
    const t0 = performance.now()
    sink = c.fn()
    times.push(performance.now() - t0)
    calls++
    elapsed = performance.now() - start
  }
  times.sort((a, b) => a - b)
  const median = times[Math.floor(times.length / 2)] ?? elapsed / calls
  return { opsPerSecond: 1000 / median, msPerOp: median, samples: calls }
}

const files: Array<string> = []
for (const pkg of readdirSync(join(root, "packages"))) {
  const dir = join(root, "packages", pkg, "bench")
  let entries: Array<string> = []
  try {
    entries = readdirSync(dir)
  } catch {
    continue
  }
  for (const f of entries) if (f.endsWith(".bench.ts")) files.push(join(dir, f))
}

const fmt = (n: number): string =>
  n >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)}k` : n.toFixed(n < 10 ? 3 : 1)

const results: Array<Record<string, unknown>> = []
let missed = 0
for (const file of files.sort()) {
  const rel = relative(root, file)
  if (filter && !rel.includes(filter)) continue
  const mod = (await import(pathToFileURL(file).href)) as { default: BenchSuite | ReadonlyArray<BenchSuite> }
  const suites = Array.isArray(mod.default) ? (mod.default as ReadonlyArray<BenchSuite>) : [mod.default as BenchSuite]
  for (const suite of suites) {
    console.log(`\n${rel} — ${suite.name}`)
    const base = measure(suite.baseline)
    console.log(
      `  baseline  ${suite.baseline.name.padEnd(44)} ${fmt(base.opsPerSecond).padStart(9)} ops/s  ${base.msPerOp.toFixed(3)} ms/op`
    )
    for (const c of suite.cases) {
      const m = measure(c)
      const ratio = m.msPerOp / base.msPerOp
      const itemsPerSecond = c.items ? c.items * m.opsPerSecond : undefined
      const t = c.target
      const checks: Array<[string, boolean]> = []
      if (t?.minItemsPerSecond !== undefined && itemsPerSecond !== undefined)
        checks.push([`≥ ${fmt(t.minItemsPerSecond)} ${c.unit ?? "items"}/s`, itemsPerSecond >= t.minItemsPerSecond])
      if (t?.maxMsPerOp !== undefined) checks.push([`≤ ${t.maxMsPerOp} ms`, m.msPerOp <= t.maxMsPerOp])
      if (t?.maxRatio !== undefined) checks.push([`≤ ${t.maxRatio}× baseline`, ratio <= t.maxRatio])
      const verdict = checks.map(([label, okay]) => `${okay ? "MET" : "MISSED"} ${label}`).join(", ")
      if (checks.some(([, okay]) => !okay)) missed++
      console.log(
        `  case      ${c.name.padEnd(44)} ${fmt(m.opsPerSecond).padStart(9)} ops/s  ${m.msPerOp.toFixed(3)} ms/op  ` +
          `${ratio.toFixed(2)}× baseline time` +
          (itemsPerSecond !== undefined ? `  ${fmt(itemsPerSecond)} ${c.unit ?? "items"}/s` : "") +
          (verdict ? `  [${verdict}]` : "")
      )
      results.push({
        file: rel,
        suite: suite.name,
        case: c.name,
        baseline: suite.baseline.name,
        opsPerSecond: m.opsPerSecond,
        msPerOp: m.msPerOp,
        baselineMsPerOp: base.msPerOp,
        ratioToBaseline: ratio,
        itemsPerSecond,
        unit: c.unit,
        target: c.target,
        targetMet: checks.every(([, okay]) => okay)
      })
    }
  }
}
void sink
writeFileSync(
  join(root, "bench", "results.json"),
  `${JSON.stringify({ node: process.version, date: new Date().toISOString(), results }, null, 2)}\n`
)
console.log(`\n${results.length} cases, ${missed} missed their target; wrote bench/results.json`)
