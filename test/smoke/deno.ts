// Deno smoke test: the built ESM entries of every package load in Deno (as a Jupyter Deno
// kernel would load them through `npm:`). Run: deno run -A --node-modules-dir=manual test/smoke/deno.ts
declare const Deno: { readonly version: { readonly deno: string }; exit(code: number): never }

const names = ["core", "voting-procedures", "relief-calculator", "volunteer-points", "governance-model"]
let failed = 0
for (const name of names) {
  try {
    const main = await import(new URL(`../../packages/${name}/dist/index.js`, import.meta.url).href)
    const effect = await import(new URL(`../../packages/${name}/dist/effect.js`, import.meta.url).href)
    if (Object.keys(main).length === 0 || Object.keys(effect).length === 0) throw new Error("empty exports")
    console.log(`ok @jiceng/${name} in Deno ${Deno.version.deno}: ${Object.keys(main).length} exports`)
  } catch (e) {
    failed++
    console.log(`FAIL @jiceng/${name} in Deno: ${e}`)
  }
}
Deno.exit(failed === 0 ? 0 : 1)
