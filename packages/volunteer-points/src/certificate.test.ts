import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { certificateData } from "./certificate.ts"
import { createPointsSystem } from "./createPointsSystem.ts"
import { approved } from "./internal/fixtures.test.ts"
import { leaderboard } from "./leaderboard.ts"
import { schemes } from "./schemes.ts"
import { recordAction } from "./serviceRecord.ts"

const H = 3_600_000
const request = {
  volunteer: "v1",
  organisation: "org-1",
  consent: true,
  number: "KF-2025-0001",
  date: "2025-03-01",
  identity: { name: "张三", idType: "居民身份证", idNumber: "000000000000000000" },
  issuer: { name: "开福区志愿服务队", personInCharge: "李四", handler: "王五", contact: "0731-0000000" }
}

const bank = () => {
  const s = getOrThrow(createPointsSystem(schemes.beijing[0]!.value))
  getOrThrow(s.openHolders(["v1", "v2", "v3", "v4"].map((id) => ({ id }))))
  return s
}

describe("certificateData — 谁记录谁证明", () => {
  it("certifies only posted, unreversed records of the issuing organisation, in exact hours and minutes", () => {
    const s = bank()
    getOrThrow(s.postRecord({ record: approved("r1", "v1", [{ signIn: 0, signOut: 2 * H }]), at: 2 * H }))
    getOrThrow(s.postRecord({ record: approved("r2", "v1", [{ signIn: 3 * H, signOut: 3.5 * H }]), at: 4 * H }))
    getOrThrow(s.postRecord({ record: approved("r3", "v1", [{ signIn: 5 * H, signOut: 6 * H }]), at: 6 * H }))
    getOrThrow(s.reverseRecord({ id: "x", recordId: "r3", reason: "duplicate entry", at: 7 * H }))
    // A record of another organisation and an unposted one are not certified here.
    const other = getOrThrow(
      recordAction(undefined, {
        type: "draft",
        actor: { id: "v1", roles: [] },
        at: 0,
        record: { id: "r4", volunteer: "v1", organisation: "org-2", sessions: [{ signIn: 8 * H, signOut: 9 * H }] }
      })
    )
    expect(other.state).toBe("draft")
    const c = getOrThrow(certificateData(s, request))
    expect(c.service.records.map((r) => [r.id, r.minutes])).toEqual([
      ["r1", 120],
      ["r2", 30]
    ])
    expect(c.service.totalMinutes).toBe(150)
    expect(c.service.hours).toEqual({ whole: 2, minutes: 30 })
    expect(c.issuer.organisation).toBe("org-1")
    expect(c.volunteer.name).toBe("张三")
  })
  it("refuses without consent or when nothing was posted", () => {
    const s = bank()
    const codes = (x: unknown) => {
      const r = certificateData(s, x)
      return r.ok ? [] : r.error.issues.map((i) => i.code)
    }
    expect(codes({ ...request, consent: false })).toEqual(["consent_required"])
    expect(codes(request)).toEqual(["nothing_to_certify"])
  })
})

describe("leaderboard — pseudonyms and consent", () => {
  it("ranks consenting volunteers by certified time under pseudonyms, with shared ranks for ties", () => {
    const s = bank()
    getOrThrow(s.postRecord({ record: approved("a", "v1", [{ signIn: 0, signOut: 150 * H }]), at: 150 * H }))
    getOrThrow(s.postRecord({ record: approved("b", "v2", [{ signIn: 0, signOut: 50 * H }]), at: 150 * H }))
    getOrThrow(s.postRecord({ record: approved("c", "v3", [{ signIn: 0, signOut: 50 * H }]), at: 150 * H }))
    getOrThrow(s.postRecord({ record: approved("d", "v4", [{ signIn: 0, signOut: 400 * H }]), at: 400 * H }))
    const board = getOrThrow(
      leaderboard(s, { consents: { v1: true, v2: true, v3: true, v4: false }, salt: "kaifu-2025" })
    )
    expect(board.map((e) => [e.rank, e.minutes, e.stars])).toEqual([
      [1, 9000, 1],
      [2, 3000, 0],
      [2, 3000, 0]
    ])
    const text = JSON.stringify(board)
    for (const id of ["v1", "v2", "v3", "v4"]) expect(text).not.toContain(id)
    // The same salt gives the same pseudonyms; another salt gives others.
    const again = getOrThrow(leaderboard(s, { consents: { v1: true }, salt: "kaifu-2025" }))
    expect(again[0]?.pseudonym).toBe(board[0]?.pseudonym)
    const other = getOrThrow(leaderboard(s, { consents: { v1: true }, salt: "another-salt" }))
    expect(other[0]?.pseudonym).not.toBe(board[0]?.pseudonym)
  })
  it("never shows a holder without consent, and only certified time (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 600 })), { minLength: 1, maxLength: 6 }),
        (vols) => {
          const s = getOrThrow(createPointsSystem(schemes.beijing[0]!.value))
          const consents: Record<string, boolean> = {}
          vols.forEach(([consent, minutes], i) => {
            getOrThrow(s.openHolders([{ id: `h${i}` }]))
            consents[`h${i}`] = consent
            // Points issued without a record never count as service time.
            getOrThrow(s.issue({ id: `g${i}`, holder: `h${i}`, amount: 999, at: 0 }))
            getOrThrow(
              s.postRecord({ record: approved(`r${i}`, `h${i}`, [{ signIn: 0, signOut: minutes * 60_000 }]), at: 0 })
            )
          })
          const board = getOrThrow(leaderboard(s, { consents, salt: "property-salt", limit: 100 }))
          expect(board.length).toBe(vols.filter(([c]) => c).length)
          expect(board.map((e) => e.minutes).sort((a, b) => a - b)).toEqual(
            vols
              .filter(([c]) => c)
              .map(([, m]) => m)
              .sort((a, b) => a - b)
          )
        }
      ),
      { numRuns: 50 }
    )
  })
})
