// `pnpm start`: build the packages and the docs site, then serve the site at http://localhost:4321.
import { spawnSync } from "node:child_process"

const step = (args) => {
  const r = spawnSync("pnpm", args, { stdio: "inherit" })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
step(["run", "build"])
step(["run", "site:build"])
console.log("\n  Jiceng docs: http://localhost:4321/  (简体中文: http://localhost:4321/zh-cn/)  — Ctrl+C to stop\n")
step(["--filter", "@jiceng/site", "exec", "astro", "preview", "--port", "4321", "--host", "localhost"])
