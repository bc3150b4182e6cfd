import { getOrThrow } from "@jiceng/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { escalationLevels } from "./escalation.ts"
import { type CaseState, createWorkflow, type WorkflowEvent, type WorkflowTemplate } from "./workflow.ts"
import { workflowTemplates } from "./workflowTemplates.ts"
import { workingCalendar } from "./workingCalendar.ts"

const cal = getOrThrow(workingCalendar())
const five = getOrThrow(createWorkflow(workflowTemplates.fiveOrder))
const hotline = getOrThrow(createWorkflow(workflowTemplates.hotline12345))
const proc = getOrThrow(createWorkflow(workflowTemplates.procurement))

const ev = (
  caseId: string,
  event: string,
  role: string,
  at: string,
  extra: Partial<WorkflowEvent> = {}
): WorkflowEvent => ({
  caseId,
  event,
  actor: `${role}-1`,
  role,
  unit: `${role}-unit`,
  at,
  ...extra
})

describe("templates", () => {
  it("all shipped templates compile", () => {
    for (const t of Object.values(workflowTemplates)) expect(createWorkflow(t).ok).toBe(true)
  })
  it("reports every template problem at once", () => {
    const bad: WorkflowTemplate = {
      ...workflowTemplates.fiveOrder,
      initial: "nowhere",
      transitions: [
        ...workflowTemplates.fiveOrder.transitions,
        { event: "order", name: { zh: "x", en: "x" }, from: ["new"], to: "ghost", roles: ["mayor"] }
      ]
    }
    const r = createWorkflow(bad)
    expect(r.ok).toBe(false)
    if (!r.ok)
      expect(r.error.issues.map((i) => i.code).sort()).toEqual([
        "ambiguous_transition",
        "unknown_role",
        "unknown_state",
        "unknown_state"
      ])
  })
})

describe("five-order mode", () => {
  const log = [
    ev("r1", "order", "resident", "2025-03-03T09:00"),
    ev("r1", "dispatch", "community", "2025-03-03T10:00"),
    ev("r1", "grab", "volunteer", "2025-03-03T10:30"),
    ev("r1", "complete", "volunteer", "2025-03-04T16:00"),
    ev("r1", "publish", "community", "2025-03-04T17:00"),
    ev("r1", "rate", "resident", "2025-03-05T09:00", { data: { rating: "satisfied" } })
  ]
  it("replays a full case to its terminal state", () => {
    const s = getOrThrow(five.replay(log)).get("r1") as CaseState
    expect(s).toMatchObject({ state: "rated", terminal: true, level: "community", events: 6 })
    expect(s.counts).toMatchObject({ order: 1, grab: 1 })
  })
  it("rejects an illegal transition naming state, event and allowed events", () => {
    const r = five.replay([log[0], ev("r1", "publish", "community", "2025-03-03T10:00")])
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error._tag).toBe("IllegalTransitionError")
      const i = r.error.issues[0]
      expect(i?.path).toEqual(["events", 1, "event"])
      expect(i?.message.en).toContain('state "ordered"')
      expect(i?.message.en).toContain('"publish"')
      expect(i?.message.en).toContain("dispatch, grab, escalate")
      expect(i?.message.zh).toContain("允许的事件")
    }
  })
  it("rejects the wrong role and a rating without data", () => {
    const r1 = five.replay([ev("r1", "order", "community", "2025-03-03T09:00")])
    expect(r1.ok || r1.error.issues[0]?.code).toBe("role_not_allowed")
    const r2 = five.replay([...log.slice(0, 5), ev("r1", "rate", "resident", "2025-03-05T09:00")])
    expect(r2.ok || r2.error.issues[0]?.path).toEqual(["events", 5, "data", "rating"])
  })
  it("rejects time running backwards in a case", () => {
    const r = five.replay([log[0], ev("r1", "dispatch", "community", "2025-03-02T10:00")])
    expect(r.ok || r.error.issues[0]?.code).toBe("time_before_previous")
  })
  it("escalates one level per overdue working day and stops at the city", () => {
    // Ordered Friday 7 Mar 2025 16:00, never dispatched; 1 working day per level, the start day
    // not counted (Civil Code art. 201), ending at 24:00. Community: due Mon 10 → street at
    // Tue 11 00:00; street: the 11th is its start day, due Wed 12 → district at Thu 13 00:00;
    // district: due Fri 14 → city at Sat 15 00:00; then no level above the city.
    const s0 = getOrThrow(five.replay([ev("x", "order", "resident", "2025-03-07T16:00")])).get("x") as CaseState
    const out = getOrThrow(five.fireOverdue(s0, "2025-03-20T12:00", cal))
    expect(out.events.map((e) => e.at)).toEqual(["2025-03-11T00:00:00", "2025-03-13T00:00:00", "2025-03-15T00:00:00"])
    expect(out.state.level).toBe("city")
    expect(five.allowed(out.state).map((a) => a.event)).toEqual(["dispatch", "grab"])
    // The fired events are ordinary events: replaying them gives the same state.
    const replayed = getOrThrow(five.replay([ev("x", "order", "resident", "2025-03-07T16:00"), ...out.events]))
    expect(replayed.get("x")).toEqual(out.state)
  })
})

describe("a case state with an unknown escalation level", () => {
  const s0 = getOrThrow(five.replay([ev("x", "order", "resident", "2025-03-07T16:00")])).get("x") as CaseState
  const bogus = { ...s0, level: "province" } as unknown as CaseState
  it("is rejected by apply, replay-from and fireOverdue with a typed error naming the level", () => {
    const a = five.apply(bogus, ev("x", "dispatch", "community", "2025-03-07T17:00"))
    expect(a.ok || [a.error._tag, a.error.issues[0]?.code, a.error.issues[0]?.path]).toEqual([
      "InvalidInputError",
      "unknown_level",
      ["state", "level"]
    ])
    expect(a.ok || a.error.issues[0]?.message.en).toContain("province")
    const r = five.replay([ev("x", "dispatch", "community", "2025-03-07T17:00")], new Map([["x", bogus]]))
    expect(r.ok || [r.error.issues[0]?.code, r.error.issues[0]?.path]).toEqual([
      "unknown_level",
      ["from", "x", "level"]
    ])
    const f = five.fireOverdue(bogus, "2025-03-20T12:00", cal)
    expect(f.ok || f.error.issues[0]?.code).toBe("unknown_level")
  })
  it("allows no event", () => {
    expect(five.allowed(bogus)).toEqual([])
  })
  it("any level that is not one of the four is rejected by every typed entry point (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string().filter((x) => !(escalationLevels as ReadonlyArray<string>).includes(x)),
          fc.constant(undefined),
          fc.integer()
        ),
        (level) => {
          const s = { ...s0, level } as unknown as CaseState
          const next = ev("x", "dispatch", "community", "2025-03-07T17:00")
          for (const r of [
            five.apply(s, next),
            five.replay([next], new Map([["x", s]])),
            five.deadline(s, cal),
            five.fireOverdue(s, "2025-03-20T12:00", cal)
          ])
            expect(r.ok || r.error.issues.map((i) => i.code)).toEqual(["unknown_level"])
          expect(five.allowed(s)).toEqual([])
        }
      )
    )
  })
  it("a state of another template is rejected too", () => {
    const other = { ...s0, state: "nowhere" }
    const a = five.apply(other, ev("x", "dispatch", "community", "2025-03-07T17:00"))
    expect(a.ok || [a.error.issues[0]?.code, a.error.issues[0]?.path]).toEqual(["unknown_state", ["state", "state"]])
  })
})

describe("procurement: third-party acceptance is independent", () => {
  const base = [
    ev("p", "order", "resident", "2025-03-03T09:00"),
    ev("p", "contract", "government", "2025-03-04T09:00"),
    { ...ev("p", "accept", "socialOrganisation", "2025-03-05T09:00"), actor: "阳光爱心服务队" },
    { ...ev("p", "deliver", "socialOrganisation", "2025-03-20T09:00"), actor: "阳光爱心服务队" }
  ]
  it("the deliverer cannot verify its own work, even registered as a third party", () => {
    const r = proc.replay([
      ...base,
      { ...ev("p", "verify", "thirdParty", "2025-03-21T09:00"), actor: "阳光爱心服务队", data: { resolved: true } }
    ])
    expect(r.ok || r.error.issues[0]?.path).toEqual(["events", 4, "actor"])
  })
  it("payment only after verification", () => {
    const r = proc.replay([...base, ev("p", "pay", "government", "2025-03-21T09:00")])
    expect(r.ok || r.error.issues[0]?.code).toBe("illegal_transition")
    const good = proc.replay([
      ...base,
      { ...ev("p", "verify", "thirdParty", "2025-03-21T09:00"), data: { resolved: true } },
      ev("p", "pay", "government", "2025-03-25T09:00")
    ])
    expect(getOrThrow(good).get("p")?.state).toBe("paid")
  })
})

describe("12345 hotline", () => {
  it("an extension adds 10 working days to the handling deadline, once", () => {
    const log = [
      ev("h", "intake", "operator", "2025-03-03T09:00"),
      ev("h", "dispatch", "operator", "2025-03-03T09:10"),
      ev("h", "sign", "handlingUnit", "2025-03-03T11:00"),
      ev("h", "extend", "handlingUnit", "2025-03-06T11:00", { data: { reason: "需协调多个部门" } })
    ]
    const s = getOrThrow(hotline.replay(log)).get("h") as CaseState
    // Signed Mon 3 Mar; 5 + 10 = 15 working days: 4–7, 10–14, 17–21, 24 Mar → Mon 24 Mar.
    expect(getOrThrow(hotline.deadline(s, cal))?.due).toBe("2025-03-24T23:59:59")
    const again = hotline.apply(s, ev("h", "extend", "handlingUnit", "2025-03-07T11:00", { data: { reason: "再延" } }))
    expect(again.ok || again.error.issues[0]?.code).toBe("guard_failed")
  })
})

// A random walk that only takes allowed events gives a log; replaying it must reproduce the
// states the walk reached, and any undeclared event must be refused.
const walk = (wf: typeof five, seeds: ReadonlyArray<number>) => {
  const log: Array<WorkflowEvent> = []
  const states = new Map<string, CaseState>()
  let t = Date.UTC(2025, 2, 3, 1, 0) / 1000
  for (const [k, s] of seeds.entries()) {
    const caseId = `c${s % 3}`
    const cur = states.get(caseId) ?? wf.initial(caseId, "2025-03-03T09:00")
    const allowed = wf.allowed(cur)
    if (allowed.length === 0) continue
    const a = allowed[s % allowed.length]
    if (!a) continue
    t += 600
    const at = new Date(t * 1000 + 8 * 3600_000).toISOString().slice(0, 19)
    const e: WorkflowEvent = {
      caseId,
      event: a.event,
      actor: `actor${k}`,
      role: a.roles[s % a.roles.length] ?? "",
      unit: "u",
      at,
      data: { rating: "satisfied", resolved: true, reason: "r" }
    }
    const next = wf.apply(cur, e)
    if (!next.ok) continue // a guard (e.g. maxTimes) refused it: not part of the log
    states.set(caseId, next.value)
    log.push(e)
  }
  return { log, states }
}

describe("properties", () => {
  const all = Object.values(workflowTemplates).map((t) => getOrThrow(createWorkflow(t)))
  it("replaying the event log reproduces the state (and resuming from a snapshot equals replaying all)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.array(fc.nat(), { maxLength: 60 }),
        fc.nat({ max: 60 }),
        (wf, seeds, cut) => {
          const { log, states } = walk(wf, seeds)
          const replayed = getOrThrow(wf.replay(log))
          expect([...replayed.entries()].sort()).toEqual([...states.entries()].sort())
          const k = Math.min(cut, log.length)
          const half = getOrThrow(wf.replay(log.slice(0, k)))
          expect(getOrThrow(wf.replay(log.slice(k), half))).toEqual(replayed)
        }
      )
    )
  })
  it("only declared transitions are taken: an event not allowed in the current state is refused", () => {
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.array(fc.nat(), { maxLength: 30 }), fc.string(), (wf, seeds, name) => {
        const { states } = walk(wf, seeds)
        for (const s of states.values()) {
          const allowed = new Set(wf.allowed(s).map((a) => a.event))
          const declared = wf.template.transitions.map((x) => x.event)
          for (const event of [...declared, name || "x"]) {
            if (allowed.has(event)) continue
            const r = wf.apply(s, {
              caseId: s.caseId,
              event,
              actor: "a",
              role: "system",
              unit: "u",
              at: "2027-01-01T00:00"
            })
            if (r.ok) return false
          }
        }
        return true
      })
    )
  })
  it("escalation always goes exactly one level up and stops at the top", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (seeds) => {
        const { log } = walk(five, seeds)
        let prev = new Map<string, number>()
        for (let i = 1; i <= log.length; i++) {
          const cur = getOrThrow(five.replay(log.slice(0, i)))
          const e = log[i - 1] as WorkflowEvent
          const before = prev.get(e.caseId) ?? 0
          const after = escalationLevels.indexOf(cur.get(e.caseId)?.level ?? "community")
          if (e.event === "escalate" ? after !== before + 1 : after !== before) return false
          prev = new Map([...cur].map(([k, v]) => [k, escalationLevels.indexOf(v.level)]))
        }
        return true
      }),
      { numRuns: 50 }
    )
  })
  it("fuzz: createWorkflow and replay never throw", () => {
    fc.assert(
      fc.property(fc.anything(), fc.jsonValue(), (a, b) => {
        const w = createWorkflow(a)
        if (!w.ok) expect(w.error.issues.length).toBeGreaterThan(0)
        const r = five.replay(b)
        if (!r.ok) expect(r.error.issues.length).toBeGreaterThan(0)
        const r2 = five.replay([b])
        if (!r2.ok) expect(r2.error.issues.length).toBeGreaterThan(0)
      })
    )
  })
})
