import * as Effect from "effect/Effect"
import * as Exit from "effect/Exit"
import { describe, expect, it } from "vitest"
import {
  Calendar,
  calendarLayer,
  classifyMatter,
  createWorkflow,
  fromResult,
  partitionGrids,
  selectProjects,
  serviceMetrics,
  validateOrganisation
} from "../effect.ts"
import { workflowTemplates } from "../workflowTemplates.ts"

describe("effect wrappers", () => {
  it("succeed with the value and fail with the typed error", () => {
    expect(Effect.runSync(partitionGrids([{ id: "a", households: 350, community: "c" }], [])).grids).toHaveLength(1)
    const exit = Effect.runSyncExit(partitionGrids([{ id: "a", households: 450, community: "c" }], []))
    expect(Exit.isFailure(exit)).toBe(true)
    expect(Effect.runSync(createWorkflow(workflowTemplates.fiveOrder)).template.id).toBe("fiveOrder")
    expect(Effect.runSync(serviceMetrics([])).cases).toBe(0)
  })
  it("wraps the organisation and deliberation entry points", () => {
    const bad = Effect.runSyncExit(
      validateOrganisation({ units: [{ code: "B", name: "b", kind: "building", parent: "nowhere" }] })
    )
    expect(Exit.isFailure(bad)).toBe(true)
    if (Exit.isFailure(bad)) expect(JSON.stringify(bad.cause)).toContain("OrganisationError")
    const m = { id: "m", affectedHouseholds: 1, communityHouseholds: 100, publicResources: false, disputed: true }
    expect(Effect.runSync(classifyMatter(m)).route).toBe("partiesConcerned")
    expect(Effect.runSync(selectProjects([{ id: "a", cost: 5, score: 1 }], { budget: 5 })).selected).toEqual(["a"])
  })
  it("provides the calendar as a service", () => {
    const due = Effect.gen(function* () {
      const cal = yield* Calendar
      return yield* fromResult(cal.deadline("2025-01-27T10:00", { workingDays: 5 }))
    })
    expect(Effect.runSync(Effect.provide(due, calendarLayer())).due).toBe("2025-02-10T23:59:59")
  })
})
