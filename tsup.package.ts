import { defineConfig } from "tsup"

// One build for every @jiceng package: the `.` and `./effect` entries as ESM + CJS with
// declarations. Dependencies stay external so consumers deduplicate zod and effect.
export default defineConfig({
  entry: { index: "src/index.ts", effect: "src/effect.ts" },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  treeshake: true,
  clean: true,
  target: "es2022",
  external: ["effect", "zod", /^@jiceng\//]
})
