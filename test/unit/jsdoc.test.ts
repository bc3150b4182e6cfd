// Every public export carries JSDoc with a summary, `@since` and `@category`, and every exported
// function or class a runnable `@example` (engineering-notes §6, rule 7). The
// examples themselves run in doctest.test.ts.
import { join } from "node:path"
import ts from "typescript"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const packages = ["core", "voting-procedures", "relief-calculator", "volunteer-points", "governance-model"]
const entries = packages.flatMap((p) => [
  join(root, "packages", p, "src", "index.ts"),
  join(root, "packages", p, "src", "effect.ts")
])

const program = ts.createProgram(entries, {
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ["@jiceng/source"],
  allowImportingTsExtensions: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  skipLibCheck: true,
  types: []
})
const checker = program.getTypeChecker()

interface Problem {
  readonly entry: string
  readonly name: string
  readonly missing: ReadonlyArray<string>
}

const problemsOf = (entry: string): Array<Problem> => {
  const sf = program.getSourceFile(entry)
  if (!sf) return [{ entry, name: "(file)", missing: ["source file"] }]
  const moduleSymbol = checker.getSymbolAtLocation(sf)
  if (!moduleSymbol) return []
  const out: Array<Problem> = []
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported
    // A schema and its type share one name; the documentation may sit on either declaration.
    const tags = symbol.getJsDocTags(checker)
    const summary = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim()
    // Functions and classes need an example; schemas and other constants are covered by the
    // examples of the functions that take them.
    const callable =
      (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class)) !== 0 ||
      ((symbol.flags & ts.SymbolFlags.Variable) !== 0 && checker.getTypeOfSymbol(symbol).getCallSignatures().length > 0)
    const has = (name: string) => tags.some((t) => t.name === name)
    const missing = [
      ...(summary === "" ? ["summary"] : []),
      ...(has("since") ? [] : ["@since"]),
      ...(has("category") ? [] : ["@category"]),
      ...(callable && !has("example") ? ["@example"] : [])
    ]
    if (missing.length > 0) out.push({ entry: entry.slice(root.length + 1), name: exported.name, missing })
  }
  return out
}

describe("public API documentation", () => {
  for (const entry of entries) {
    it(`${entry.slice(root.length + 1)}: every export has a summary, @since, @category, and functions an @example`, () => {
      expect(problemsOf(entry).map((p) => `${p.name}: missing ${p.missing.join(", ")}`)).toEqual([])
    })
  }
})
