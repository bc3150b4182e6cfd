import { defineConfig } from "tsup"

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
