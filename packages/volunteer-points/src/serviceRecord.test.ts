import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Actor,
  defaultWorkflow,
  findOverlap,
  isReadyToPost,
  type RecordWorkflow,
  recordAction,
  type ServiceRecord,
  type ServiceSession,
  servedMinutes,
  verifyRecord
} from "./serviceRecord.ts"

const H = 3_600_000
const M = 60_000
const volunteer: Actor = { id: "v", roles: ["volunteer"] }
const staff: Actor = { id: "s1", roles: ["organisation"] }
const elder: Actor = { id: "e", roles: ["beneficiary"] }
const codes = (r: { ok: boolean; error?: { issues: ReadonlyArray<{ code: string }> } }) =>
  r.ok ? [] : (r.error?.issues.map((i) => i.code) ?? [])

const draft = (sessions: Array<ServiceSession>): ServiceRecord =>
  getOrThrow(
    recordAction(undefined, {
      type: "draft",
      actor: volunteer,
      at: 0,
      record: { id: "r", volunteer: "v", organisation: "o", beneficiary: "e", sessions }
    })
  )

describe("servedMinutes — time actually served, travel excluded (志愿服务记录办法 2012)", () => {
  it("counts service sessions only, in whole minutes", () => {
    // 8:40–9:00 travel, 9:00–11:15 service, 11:15–11:40 travel, 14:00–15:30:59 service.
    const day = [
      { signIn: 8 * H + 40 * M, signOut: 9 * H, kind: "travel" as const },
      { signIn: 9 * H, signOut: 11 * H + 15 * M },
      { signIn: 11 * H + 15 * M, signOut: 11 * H + 40 * M, kind: "travel" as const },
      { signIn: 14 * H, signOut: 15 * H + 30 * M + 59_000 }
    ]
    // 135 + 90 minutes; the 59 seconds past the last full minute are not credited.
    expect(getOrThrow(servedMinutes(day))).toBe(225)
  })
  it("refuses negative durations, empty sessions and overlapping sign-ins with typed errors", () => {
    expect(codes(servedMinutes([{ signIn: H, signOut: 0 }]))).toEqual(["negative_duration"])
    expect(codes(servedMinutes([{ signIn: H, signOut: H }]))).toEqual(["empty_session"])
    const overlap = servedMinutes([
      { signIn: 0, signOut: 2 * H },
      { signIn: H, signOut: 3 * H }
    ])
    expect(codes(overlap)).toEqual(["overlapping_sessions"])
    expect(overlap.ok ? undefined : overlap.error.issues[0]?.path).toEqual(["sessions", 1])
    expect(
      getOrThrow(
        servedMinutes([
          { signIn: 0, signOut: H },
          { signIn: H, signOut: 2 * H }
        ])
      )
    ).toBe(120)
  })
  it("detects an overlap exactly when some pair of service sessions intersects (property)", () => {
    const session = fc.tuple(fc.nat(100), fc.integer({ min: 1, max: 30 }), fc.boolean()).map(
      ([start, len, travel]): ServiceSession => ({
        signIn: start * M,
        signOut: (start + len) * M,
        ...(travel ? { kind: "travel" as const } : {})
      })
    )
    fc.assert(
      fc.property(fc.array(session, { maxLength: 6 }), fc.array(session, { maxLength: 4 }), (mine, others) => {
        const service = (xs: Array<ServiceSession>) => xs.filter((s) => s.kind !== "travel")
        const a = service(mine)
        const b = service(others)
        let brute = false
        for (let i = 0; i < a.length; i++) {
          for (let j = i + 1; j < a.length; j++)
            if (a[i]!.signIn < a[j]!.signOut && a[j]!.signIn < a[i]!.signOut) brute = true
          for (const o of b) if (a[i]!.signIn < o.signOut && o.signIn < a[i]!.signOut) brute = true
        }
        expect(findOverlap(mine, others) !== undefined).toBe(brute)
      })
    )
  })
  it("never counts travel and equals the sum of service durations when nothing overlaps (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 600 }), fc.boolean()), { maxLength: 8 }), (parts) => {
        let t = 0
        let served = 0
        const sessions: Array<ServiceSession> = parts.map(([len, travel]) => {
          const s: ServiceSession = travel
            ? { signIn: t, signOut: t + len * M, kind: "travel" }
            : { signIn: t, signOut: t + len * M }
          if (!travel) served += len
          t += len * M
          return s
        })
        if (sessions.length === 0) return
        expect(getOrThrow(servedMinutes(sessions))).toBe(served)
      })
    )
  })
})

describe("recordAction — draft → submitted → confirmed → acknowledged", () => {
  it("walks the default workflow and keeps the history", () => {
    let r = draft([{ signIn: 0, signOut: 2 * H }])
    expect([r.state, r.minutes]).toEqual(["draft", 120])
    r = getOrThrow(recordAction(r, { type: "submit", actor: volunteer, at: 1 }))
    r = getOrThrow(recordAction(r, { type: "confirm", actor: staff, at: 2 }))
    expect(isReadyToPost(r, defaultWorkflow)).toBe(false)
    r = getOrThrow(recordAction(r, { type: "acknowledge", actor: elder, at: 3 }))
    expect(r.state).toBe("acknowledged")
    expect(isReadyToPost(r, defaultWorkflow)).toBe(true)
    expect(r.history.map((h) => h.action)).toEqual(["draft", "submit", "confirm", "acknowledge"])
  })
  it("rejection sends a record back; an amendment with a reason restarts it and clears approvals", () => {
    let r = draft([{ signIn: 0, signOut: 3 * H }])
    r = getOrThrow(recordAction(r, { type: "submit", actor: volunteer, at: 1 }))
    r = getOrThrow(recordAction(r, { type: "confirm", actor: staff, at: 2 }))
    expect(codes(recordAction(r, { type: "reject", actor: volunteer, at: 3, reason: "x" }))).toEqual(["not_authorised"])
    r = getOrThrow(recordAction(r, { type: "reject", actor: elder, at: 3, reason: "left at 2 h" }))
    expect(r.state).toBe("rejected")
    expect(codes(recordAction(r, { type: "submit", actor: volunteer, at: 4 }))).toEqual(["invalid_transition"])
    const bad = recordAction(r, {
      type: "amend",
      actor: volunteer,
      at: 4,
      sessions: [{ signIn: 2 * H, signOut: 0 }],
      reason: "fix"
    })
    expect(codes(bad)).toEqual(["negative_duration"])
    r = getOrThrow(
      recordAction(r, {
        type: "amend",
        actor: volunteer,
        at: 4,
        sessions: [{ signIn: 0, signOut: 2 * H }],
        reason: "fix"
      })
    )
    expect([r.state, r.minutes, r.confirmations]).toEqual(["draft", 120, []])
    expect(r.history.at(-1)).toEqual({ action: "amend", actor: "v", roles: ["volunteer"], at: 4, reason: "fix" })
  })
  it("only the named beneficiary, or a proxy role the workflow allows, may acknowledge", () => {
    const flow: RecordWorkflow = { ...defaultWorkflow, acknowledge: { roles: ["beneficiary", "proxy"], quorum: 1 } }
    let r = draft([{ signIn: 0, signOut: H }])
    r = getOrThrow(recordAction(r, { type: "submit", actor: volunteer, at: 1 }, flow))
    r = getOrThrow(recordAction(r, { type: "confirm", actor: staff, at: 2 }, flow))
    const stranger = { id: "someone-else", roles: ["beneficiary"] }
    expect(codes(recordAction(r, { type: "acknowledge", actor: stranger, at: 3 }, flow))).toEqual(["not_authorised"])
    const agency = { id: "street-office", roles: ["proxy"] }
    expect(getOrThrow(recordAction(r, { type: "acknowledge", actor: agency, at: 3 }, flow)).state).toBe("acknowledged")
  })
  it("never reaches a postable state without the quorum of distinct, authorised actors (property)", () => {
    const actors: Array<Actor> = [
      volunteer,
      staff,
      { id: "s2", roles: ["organisation"] },
      elder,
      { id: "x", roles: [] }
    ]
    const step = fc.record({
      type: fc.constantFrom("submit", "confirm", "acknowledge", "reject", "amend"),
      actor: fc.constantFrom(...actors)
    })
    const flow: RecordWorkflow = {
      confirm: { roles: ["organisation"], quorum: 2 },
      acknowledge: { roles: ["beneficiary"], quorum: 1 }
    }
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), (steps) => {
        let r = draft([{ signIn: 0, signOut: H }])
        for (const [i, s] of steps.entries()) {
          const before = JSON.stringify(r)
          const action =
            s.type === "reject"
              ? { type: s.type, actor: s.actor, at: i, reason: "r" }
              : s.type === "amend"
                ? { type: s.type, actor: s.actor, at: i, reason: "r", sessions: [{ signIn: 0, signOut: H }] }
                : { type: s.type, actor: s.actor, at: i }
          const next = recordAction(r, action, flow)
          expect(JSON.stringify(r)).toBe(before)
          if (next.ok) r = next.value
          if (isReadyToPost(r, flow)) {
            expect(new Set(r.confirmations).size).toBeGreaterThanOrEqual(2)
            expect(r.confirmations.every((c) => c === "s1" || c === "s2")).toBe(true)
            expect(r.acknowledgements).toEqual(["e"])
          }
        }
      })
    )
  })
})

describe("verifyRecord — a record's state and approvals are re-derived from its history", () => {
  const ready = (): ServiceRecord => {
    let r = draft([{ signIn: 0, signOut: 10 * H }])
    r = getOrThrow(recordAction(r, { type: "submit", actor: volunteer, at: 1 }))
    r = getOrThrow(recordAction(r, { type: "confirm", actor: staff, at: 2 }))
    return getOrThrow(recordAction(r, { type: "acknowledge", actor: elder, at: 3 }))
  }

  it("accepts what the workflow produced and refuses forged claims", () => {
    const r = ready()
    expect(getOrThrow(verifyRecord(r))).toEqual(r)
    expect(isReadyToPost(r, defaultWorkflow)).toBe(true)
    // The reviewer's forgery: acknowledged, 600 minutes, no approvals and no history.
    const bare = { ...r, confirmations: [], acknowledgements: [], history: [] }
    expect(codes(verifyRecord(bare))).toEqual(["record_tampered"])
    expect(isReadyToPost(bare, defaultWorkflow)).toBe(false)
    // Self-approval written into the approval lists only.
    expect(codes(verifyRecord({ ...r, confirmations: ["v"], acknowledgements: ["v"] }))).toEqual(["record_tampered"])
    // Self-approval written into the history too: replay refuses the volunteer as confirmer.
    const self = r.history.map((e) => (e.action === "confirm" || e.action === "acknowledge" ? { ...e, actor: "v" } : e))
    expect(codes(verifyRecord({ ...r, confirmations: ["v"], acknowledgements: ["v"], history: self }))).toEqual([
      "not_authorised"
    ])
    // A confirmer who did not hold a confirming role.
    const noRole = r.history.map((e) => (e.action === "confirm" ? { ...e, roles: ["volunteer"] } : e))
    expect(codes(verifyRecord({ ...r, history: noRole }))).toEqual(["not_authorised"])
    // Minutes that do not match the sessions; a state bumped past the approvals.
    expect(codes(verifyRecord({ ...r, minutes: 601 }))).toEqual(["minutes_mismatch"])
    const confirmed = getOrThrow(
      recordAction(draft([{ signIn: 0, signOut: H }]), { type: "submit", actor: volunteer, at: 1 })
    )
    const c2 = getOrThrow(recordAction(confirmed, { type: "confirm", actor: staff, at: 2 }))
    expect(codes(verifyRecord({ ...c2, state: "acknowledged" }))).toEqual(["record_tampered"])
    // History out of time order.
    const late = r.history.map((e, k) => (k === 1 ? { ...e, at: 99 } : e))
    expect(codes(verifyRecord({ ...r, history: late }))).toEqual(["time_went_backwards"])
    expect(codes(recordAction({ ...r, minutes: 5 }, { type: "reject", actor: staff, at: 9, reason: "x" }))).toEqual([
      "minutes_mismatch"
    ])
  })

  it("refuses every single forgery of a ready record (property)", () => {
    const mutation = fc.oneof(
      fc.record({
        k: fc.constant("state" as const),
        state: fc.constantFrom("draft", "submitted", "confirmed", "rejected", "posted")
      }),
      fc.record({
        k: fc.constantFrom("confirmations" as const, "acknowledgements" as const),
        id: fc.constantFrom("v", "s1", "s2", "e", "x")
      }),
      fc.record({
        k: fc.constant("minutes" as const),
        delta: fc.integer({ min: -600, max: 600 }).filter((d) => d !== 0)
      }),
      fc.record({ k: fc.constant("drop" as const), at: fc.nat(3) }),
      fc.record({ k: fc.constant("roles" as const), at: fc.integer({ min: 2, max: 3 }) }),
      fc.record({ k: fc.constant("self" as const), at: fc.integer({ min: 2, max: 3 }) })
    )
    fc.assert(
      fc.property(mutation, (m) => {
        const r = ready()
        let f: ServiceRecord
        switch (m.k) {
          case "state":
            f = { ...r, state: m.state }
            break
          case "confirmations":
          case "acknowledgements":
            f = { ...r, [m.k]: [...r[m.k], m.id] }
            break
          case "minutes":
            f = { ...r, minutes: r.minutes + m.delta }
            break
          case "drop":
            f = { ...r, history: r.history.filter((_, k) => k !== m.at) }
            break
          case "roles":
            f = { ...r, history: r.history.map((e, k) => (k === m.at ? { ...e, roles: [] } : e)) }
            break
          case "self":
            f = {
              ...r,
              history: r.history.map((e, k) => (k === m.at ? { ...e, actor: "v" } : e)),
              ...(m.at === 2 ? { confirmations: ["v"] } : { acknowledgements: ["v"] })
            }
        }
        return !verifyRecord(f).ok && !isReadyToPost(f, defaultWorkflow)
      })
    )
  })
})
