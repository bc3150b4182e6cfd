// Architectural rules that every package's sources must keep (engineering-notes §2, §6):
// the `.` entry never imports effect; rules never read the clock, draw randomness or do I/O.
import { readdirSync, readFileSync } from "node:fs"
import { join, relative } from "node:path"
import { describe, expect, it } from "vitest"

const root = join(import.meta.dirname, "..", "..")
const files = (dir: string): Array<string> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name)
    if (e.isDirectory()) return files(p)
    return e.name.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(e.name) ? [p] : []
  })
const sources = readdirSync(join(root, "packages")).flatMap((pkg) => files(join(root, "packages", pkg, "src")))
const isEffectEntry = (file: string) => /[\\/]src[\\/](effect\.ts|effect[\\/])/.test(file)
const strip = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "")

describe("package sources", () => {
  it("import effect (or another package's ./effect) only from ./effect entries", () => {
    const offenders = sources.filter(
      (f) =>
        !isEffectEntry(f) &&
        /from\s+["'](effect|@jiceng\/[a-z-]+\/effect)(\/[^"']*)?["']|import\(["'](effect|@jiceng\/[a-z-]+\/effect)/.test(
          strip(readFileSync(f, "utf8"))
        )
    )
    expect(offenders.map((f) => relative(root, f))).toEqual([])
  })
  it("never read the clock, draw randomness or import Node built-ins", () => {
    const banned = /\bDate\.now\(|new Date\(\s*\)|Math\.random\(|performance\.now\(|from\s+["']node:|require\(/
    const offenders = sources.filter((f) => banned.test(strip(readFileSync(f, "utf8"))))
    expect(offenders.map((f) => relative(root, f))).toEqual([])
  })
  it("reach the runtime's own modules in one place only: core's platform SHA-256 (node:crypto's createHash)", () => {
    const users = sources.filter((f) => /getBuiltinModule/.test(strip(readFileSync(f, "utf8"))))
    expect(users.map((f) => relative(root, f))).toEqual([join("packages", "core", "src", "PlatformSha256.ts")])
    const text = strip(readFileSync(users[0]!, "utf8"))
    expect(text.match(/["']node:[a-z_]+["']/g)).toEqual(['"node:crypto"'])
  })
})
