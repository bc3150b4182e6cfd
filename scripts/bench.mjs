// Runs the TypeScript benchmark runner on the workspace sources with Node's type stripping.
import { spawnSync } from "node:child_process"

const r = spawnSync(
  process.execPath,
  ["--conditions=@jiceng/source", "--disable-warning=ExperimentalWarning", "bench/run.ts", ...process.argv.slice(2)],
  { stdio: "inherit" }
)
process.exit(r.status ?? 1)
