import * as Effect from "effect/Effect"
import { describe, expect, it } from "vitest"
import { electOwnersCommittee, stv, tallyOwnersAssembly } from "../effect.ts"

describe("effect wrappers", () => {
  it("succeed with the value and fail with the tagged error", () => {
    const owners = ["a", "b", "c"].map((id) => ({ id, units: [{ id, area: 10_000 }] }))
    const r = Effect.runSync(
      tallyOwnersAssembly({ decisionDate: "2024-06-01", matter: 4, owners, ballots: [{ owner: "a", vote: "yes" }] })
    )
    expect(r.reasons).toEqual(["quorum-headcount", "quorum-area"])
    const tag = Effect.runSync(
      stv({ candidates: [] }, { seats: 1 }).pipe(
        Effect.map(() => "ok"),
        Effect.catchTag("InvalidInputError", (e) => Effect.succeed(e._tag))
      )
    )
    expect(tag).toBe("InvalidInputError")
  })
  it("electOwnersCommittee succeeds with the committee and fails with the typed size error", () => {
    const owners = ["a", "b", "c", "d", "e", "f"].map((id) => ({ id, units: [{ id, area: 10_000 }] }))
    const input = {
      electionDate: "2024-06-01",
      seats: 3,
      owners,
      candidates: [{ id: "a" }, { id: "b" }, { id: "c" }],
      ballots: owners.slice(0, 4).map((o) => ({ owner: o.id, choices: ["a", "b", "c"] })),
      rules: { sizeRule: "shanghai" as const }
    }
    expect(Effect.runSync(electOwnersCommittee(input)).status).toBe("complete")
    const failure = Effect.runSync(Effect.flip(electOwnersCommittee({ ...input, seats: 4 })))
    expect([failure._tag, failure.issues[0]?.code]).toEqual(["InvalidInputError", "committee_size"])
  })
})
