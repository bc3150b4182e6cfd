import fc from "fast-check"
import { describe, expect, it } from "vitest"
import * as z from "zod"
import { InvalidInputError } from "./JicengError.ts"
import { getOrThrow } from "./Result.ts"
import { validate } from "./validate.ts"

const Member = z.object({ id: z.string().min(1), age: z.int().min(0).max(130) })

describe("validate", () => {
  it("returns the parsed value", () => {
    expect(validate(Member, { id: "a", age: 3 })).toEqual({ ok: true, value: { id: "a", age: 3 } })
  })
  it("returns bilingual issues with paths and codes", () => {
    const r = validate(z.object({ members: z.array(Member) }), { members: [{ id: "a", age: -1 }] })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error).toBeInstanceOf(InvalidInputError)
    expect(r.error._tag).toBe("InvalidInputError")
    expect(r.error.issues[0]?.path).toEqual(["members", 0, "age"])
    expect(r.error.issues[0]?.code).toBe("too_small")
    expect(r.error.issues[0]?.message.en).toMatch(/>=0/)
    expect(r.error.issues[0]?.message.zh).toMatch(/过小/)
    expect(r.error.message).toBe(`members[0].age: ${r.error.issues[0]?.message.en}`)
  })
  it("does not leak the rejected input into issues", () => {
    const r = validate(Member, { id: "secret-id-card-110101", age: "x" })
    expect(JSON.stringify(!r.ok && r.error.toJSON())).not.toContain("secret")
  })
  it("never throws on arbitrary JSON (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = validate(Member, input)
        return r.ok || r.error.issues.length > 0
      })
    )
  })
  it("has a throwing twin for notebooks", () => {
    expect(() => getOrThrow(validate(Member, null))).toThrow(InvalidInputError)
  })
})
