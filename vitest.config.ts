import { defineConfig } from "vitest/config"

export default defineConfig({
  resolve: { conditions: ["@jiceng/source"] },
  ssr: { resolve: { conditions: ["@jiceng/source"] } },
  test: {
    include: ["packages/*/src/**/*.test.ts", "test/unit/**/*.test.ts"],
    testTimeout: 60_000
  }
})
