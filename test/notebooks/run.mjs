// Executes the code cells of a Jupyter notebook written for the Deno kernel, in order, as one
// Deno module — against the BUILT packages: `npm:@jiceng/<name>[@version][/effect]` specifiers
// are mapped to packages/<name>/dist, everything else resolves from the workspace's node_modules.
// Usage: node test/notebooks/run.mjs examples/notebooks/<name>.ipynb
import { spawnSync } from "node:child_process"
import { readFileSync, rmSync, writeFileSync } from "node:fs"
import { basename, dirname, join } from "node:path"
import { pathToFileURL } from "node:url"

const root = join(import.meta.dirname, "..", "..")
const notebookPath = join(root, process.argv[2])
const notebook = JSON.parse(readFileSync(notebookPath, "utf8"))
const source = notebook.cells
  .filter((c) => c.cell_type === "code")
  .map((c, i) => `// --- cell ${i + 1}\n${Array.isArray(c.source) ? c.source.join("") : c.source}`)
  .join("\n\n")
  .replace(/(["'])npm:@jiceng\/([a-z-]+)(?:@[^/"']+)?(\/effect)?\1/g, (_, q, name, effect) => {
    const file = join(root, "packages", name, "dist", effect ? "effect.js" : "index.js")
    return `${q}${pathToFileURL(file).href}${q}`
  })
  .replace(
    /(["'])npm:((?:@[\w.-]+\/)?[\w.-]+)(?:@[^/"']+)?((?:\/[^"']*)?)\1/g,
    (_, q, name, sub) => `${q}${name}${sub}${q}`
  )

const script = join(dirname(notebookPath), `.run-${basename(notebookPath, ".ipynb")}.ts`)
writeFileSync(script, source)
const deno = join(root, "node_modules", ".bin", "deno")
const r = spawnSync(deno, ["run", "-A", "--node-modules-dir=manual", script], {
  stdio: "inherit",
  cwd: dirname(notebookPath)
})
rmSync(script, { force: true })
process.exit(r.status ?? 1)
