// Runs every JSDoc `@example` in packages/*/src, and every ```ts snippet in a package README,
// as a test. Lines of the form
// `expression //=> expected` (or an `//=> expected` line under a one-line expression) become
// deep-equality assertions, so documentation cannot drift from behaviour.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { join, relative } from "node:path"
import { pathToFileURL } from "node:url"
import { describe, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const packagesDir = join(root, "packages")

const sourceFiles = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return e.name === "internal" ? [] : sourceFiles(p)
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") ? [p] : []
  })

interface Example {
  readonly pkg: string
  readonly file: string
  readonly line: number
  readonly code: string
}

const examples: Array<Example> = []
for (const pkg of readdirSync(packagesDir)) {
  const src = join(packagesDir, pkg, "src")
  for (const file of sourceFiles(src)) {
    const lines = readFileSync(file, "utf8").split("\n")
    for (let i = 0; i < lines.length; i++) {
      if (!/^\s*\*\s*```(ts|typescript)\b/.test(lines[i]!)) continue
      const body: Array<string> = []
      let j = i + 1
      for (; j < lines.length && !/^\s*\*\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.replace(/^\s*\* ?/, ""))
      examples.push({ pkg, file: relative(root, file), line: i + 1, code: body.join("\n") })
      i = j
    }
  }
}

// Each package README's ```ts snippets must run as written, too.
for (const pkg of readdirSync(packagesDir)) {
  const readme = join(packagesDir, pkg, "README.md")
  let text: string
  try {
    text = readFileSync(readme, "utf8")
  } catch {
    continue
  }
  const lines = text.split("\n")
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(ts|typescript)\s*$/.test(lines[i]!)) continue
    const body: Array<string> = []
    let j = i + 1
    for (; j < lines.length && !/^```\s*$/.test(lines[j]!); j++) body.push(lines[j]!)
    examples.push({ pkg, file: relative(root, readme), line: i + 1, code: body.join("\n") })
    i = j
  }
}

const toModule = (ex: Example): string => {
  const out: Array<string> = ['import { expect as __expect } from "vitest"']
  for (const raw of ex.code.split("\n")) {
    const line = raw
      .replace(
        /from "@jiceng\/([a-z-]+)\/effect"/,
        (_, p: string) => `from "${join(packagesDir, p, "src", "effect.ts")}"`
      )
      .replace(/from "@jiceng\/([a-z-]+)"/, (_, p: string) => `from "${join(packagesDir, p, "src", "index.ts")}"`)
    const alone = /^\s*\/\/=>\s*(.+)$/.exec(line)
    const inline = /^(.*\S)\s*\/\/=>\s*(.+)$/.exec(line)
    if (alone) {
      const expr = out.pop() ?? ""
      out.push(`__expect(${expr.trim()}).toEqual(${alone[1]})`)
    } else if (inline && !inline[1]!.trimStart().startsWith("//")) {
      out.push(`__expect(${inline[1]!.trim()}).toEqual(${inline[2]})`)
    } else out.push(line)
  }
  return out.join("\n")
}

describe("JSDoc examples", () => {
  for (const ex of examples) {
    it(`${ex.file}:${ex.line}`, async () => {
      const dir = join(packagesDir, ex.pkg, ".doctest")
      mkdirSync(dir, { recursive: true })
      const target = join(dir, `${ex.file.replace(/[^\w]+/g, "_")}_${ex.line}.ts`)
      writeFileSync(target, toModule(ex))
      try {
        await import(pathToFileURL(target).href)
      } finally {
        rmSync(target, { force: true })
      }
    })
  }
})
