// Test fixtures shared by the points-system tests (not part of the package build).
import { getOrThrow } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { recordAction, type ServiceRecord, type ServiceSession } from "../serviceRecord.ts"

/** Drafts a record and takes it through submit → confirm → acknowledge (the default workflow). */
export const approved = (id: string, volunteer: string, sessions: Array<ServiceSession>, at = 0): ServiceRecord => {
  const vol = { id: volunteer, roles: ["volunteer"] }
  let r = getOrThrow(
    recordAction(undefined, {
      type: "draft",
      actor: vol,
      at,
      record: { id, volunteer, organisation: "org-1", beneficiary: "elder-1", sessions }
    })
  )
  r = getOrThrow(recordAction(r, { type: "submit", actor: vol, at }))
  r = getOrThrow(recordAction(r, { type: "confirm", actor: { id: "staff-1", roles: ["organisation"] }, at }))
  return getOrThrow(recordAction(r, { type: "acknowledge", actor: { id: "elder-1", roles: ["beneficiary"] }, at }))
}

describe("fixtures", () => {
  it("approved() gives a record ready to post", () => {
    expect(approved("r", "v", [{ signIn: 0, signOut: 60_000 }]).state).toBe("acknowledged")
  })
})
