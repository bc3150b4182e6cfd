// Runtime smoke test: every built package loads as ESM and as CJS (both `.` and `./effect`),
// and the `.` entry never loads `effect`. Plain JS so it runs on Node 20 as well as Node 24.
// Usage: node test/smoke/node.mjs <package-dir-name>
import assert from "node:assert/strict"
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"

const name = process.argv[2]
const pkgDir = join(fileURLToPath(new URL("../../packages/", import.meta.url)), name)
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"))
// Self-reference by name resolves through the package's own exports map, as a consumer's would.
const selfRequire = createRequire(join(pkgDir, "package.json"))
const cjsMain = selfRequire(pkg.name)
const cjsEffect = selfRequire(`${pkg.name}/effect`)
assert.ok(Object.keys(cjsMain).length > 0, "CJS entry exports nothing")
assert.ok(Object.keys(cjsEffect).length > 0, "CJS ./effect exports nothing")

const esmMain = await import(pathToFileURL(join(pkgDir, pkg.exports["."].import.default)).href)
const esmEffect = await import(pathToFileURL(join(pkgDir, pkg.exports["./effect"].import.default)).href)
assert.deepEqual(Object.keys(esmMain).sort(), Object.keys(cjsMain).sort(), "ESM and CJS export different names")
assert.ok(Object.keys(esmEffect).length > 0, "ESM ./effect exports nothing")

// The `.` entry (JS and types) must not reference effect; only ./effect may.
for (const file of ["index.js", "index.cjs", "index.d.ts", "index.d.cts"]) {
  const text = readFileSync(join(pkgDir, "dist", file), "utf8")
  assert.doesNotMatch(text, /from ["']effect|require\(["']effect/, `dist/${file} imports effect`)
}
assert.throws(() => selfRequire(`${pkg.name}/internal/anything`), /not exported|ERR_PACKAGE_PATH_NOT_EXPORTED/i)
console.log(
  `ok ${pkg.name} on Node ${process.version}: ${Object.keys(esmMain).length} exports (ESM = CJS), ./effect loads`
)
