import starlight from "@astrojs/starlight"
import { defineConfig } from "astro/config"
import starlightTypeDoc, { typeDocSidebarGroup } from "starlight-typedoc"

const packages = ["core", "voting-procedures", "relief-calculator", "volunteer-points", "governance-model"]
const labels = {
  core: ["Core kernel", "核心"],
  "voting-procedures": ["Voting procedures", "表决与选举"],
  "relief-calculator": ["Relief calculator", "社会救助计算"],
  "volunteer-points": ["Volunteer points", "志愿积分"],
  "governance-model": ["Governance model", "治理模型"]
}

// Demos import the workspace packages from their TypeScript sources (the `@jiceng/source`
// export condition), so the docs always show the code in this checkout.
const sourceFirst = (defaults) => ["@jiceng/source", ...defaults]

export default defineConfig({
  site: "http://localhost:4321",
  vite: {
    resolve: { conditions: sourceFirst(["module", "browser", "development|production"]) },
    ssr: { resolve: { conditions: sourceFirst(["module", "node", "development|production"]) } }
  },
  integrations: [
    starlight({
      title: { en: "Jiceng", "zh-CN": "基层 Jiceng" },
      customCss: ["./src/styles/demo.css"],
      description: "The working rules of Chinese community governance as tested, explainable TypeScript.",
      defaultLocale: "root",
      locales: {
        root: { label: "English", lang: "en" },
        "zh-cn": { label: "简体中文", lang: "zh-CN" }
      },
      plugins: [
        starlightTypeDoc({
          entryPoints: packages.map((p) => `../packages/${p}/src/index.ts`),
          tsconfig: "./tsconfig.typedoc.json",
          output: "api",
          sidebar: { label: "API reference", collapsed: true },
          // Type errors are the typecheck step's job; the docs build should not duplicate it.
          typeDoc: {
            entryPointStrategy: "resolve",
            excludePrivate: true,
            excludeInternal: true,
            skipErrorChecking: true
          }
        })
      ],
      sidebar: [
        { label: "Start here", translations: { "zh-CN": "开始" }, items: [{ slug: "getting-started" }] },
        ...packages.map((p) => ({
          label: labels[p][0],
          translations: { "zh-CN": labels[p][1] },
          items: [{ autogenerate: { directory: p } }]
        })),
        typeDocSidebarGroup
      ]
    })
  ]
})
