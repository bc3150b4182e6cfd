/**
 * A seeded service-request simulation for the five-order demo (五单式: 点单—派单—接单/抢单—晒单).
 * Pure: every random draw comes from the seeded generator and "now" is the end of the window,
 * so the same inputs always give the same log. The rules (states, roles, deadlines, escalation,
 * the working-day calendar and the three rates) are the library's; this file only invents
 * residents and when they act.
 */
import { createRng, type Issue, validate } from "@jiceng/core"
import {
  type CaseState,
  createWorkflow,
  type ServiceMetrics,
  serviceMetrics,
  type WorkflowEvent,
  workflowTemplates,
  workingCalendar
} from "@jiceng/governance-model"
import * as z from "zod"

/** Demo controls, validated here so bad input gets the kernel's bilingual messages. */
export const SimulationInput = z.object({
  seed: z.string().min(1).max(40),
  requests: z.coerce.number().int().min(1).max(200),
  start: z.iso.date(),
  weeks: z.coerce.number().int().min(1).max(8),
  latePercent: z.coerce.number().int().min(0).max(100),
  // Passed to serviceMetrics unchecked, so the library's own validation answers bad values.
  responseWithinDays: z.unknown(),
  basicallySatisfiedCounts: z.boolean()
})
export type SimulationInput = z.infer<typeof SimulationInput>

export interface CalendarStripe {
  readonly date: string
  readonly kind: "workday" | "weekend" | "holiday" | "makeUpWorkday"
  readonly name?: { readonly zh: string; readonly en: string }
}

export interface Simulation {
  readonly events: ReadonlyArray<WorkflowEvent>
  readonly escalations: ReadonlyArray<WorkflowEvent & { readonly level: string }>
  readonly cases: ReadonlyArray<CaseState>
  readonly metrics: ServiceMetrics
  readonly now: string
  readonly days: ReadonlyArray<CalendarStripe>
}

const MINUTE = 60_000
const DAY = 1_440 * MINUTE

// Wall-clock local times as UTC milliseconds: the library works in local civil time, so the
// simulation never needs a time zone.
const parseLocal = (s: string): number => {
  const [d = "", t = "00:00:00"] = s.split("T")
  const [y = 0, mo = 1, da = 1] = d.split("-").map(Number)
  const [h = 0, mi = 0, se = 0] = t.split(":").map(Number)
  return Date.UTC(y, mo - 1, da, h, mi, se)
}
const formatLocal = (ms: number): string => new Date(ms).toISOString().slice(0, 16)

// People act in the daytime: a time after 20:00 or before 08:00 moves to the next 08:00–09:00.
const daytime = (ms: number, jitter: number): number => {
  const minuteOfDay = Math.floor((ms % DAY) / MINUTE)
  if (minuteOfDay >= 8 * 60 && minuteOfDay < 20 * 60) return ms
  const day = ms - (ms % DAY) + (minuteOfDay >= 20 * 60 ? DAY : 0)
  return day + (8 * 60 + jitter) * MINUTE
}

/** Milliseconds of a local `YYYY-MM-DDTHH:mm[:ss]` (for plotting on a UTC scale). */
export const localMillis = parseLocal

const residents = ["王女士", "李大爷", "张先生", "刘阿姨", "陈同学", "赵师傅", "孙奶奶", "周老师"]
const departments = ["物业公司", "街道城管科", "区水务所", "社区卫生站"]
const volunteers = ["党员志愿者甲", "党员志愿者乙", "在职党员丙"]

/**
 * Run the simulation: requests arrive over `weeks` weeks from `start`; a `latePercent` share is
 * handled late (a slow dispatch or a slow completion). Before every action, and once more at
 * the end of the window, the workflow fires the deadlines that passed (`fireOverdue`), which
 * escalates the case one level up the 社区—街道—区—市 chain.
 */
export const simulateRequests = (raw: unknown): { ok: true; value: Simulation } | { ok: false; issues: Issue[] } => {
  const parsed = validate(SimulationInput, raw)
  if (!parsed.ok) return { ok: false, issues: [...parsed.error.issues] }
  const p = parsed.value
  const cal = workingCalendar()
  const wf = createWorkflow(workflowTemplates.fiveOrder)
  if (!cal.ok) return { ok: false, issues: [...cal.error.issues] }
  if (!wf.ok) return { ok: false, issues: [...wf.error.issues] }
  const rng = createRng(p.seed)
  const t0 = parseLocal(`${p.start}T00:00`)
  const windowDays = p.weeks * 7
  const nowMs = t0 + windowDays * DAY - MINUTE
  const now = formatLocal(nowMs)

  const days: Array<CalendarStripe> = []
  for (let i = 0; i < windowDays; i++) {
    const date = formatLocal(t0 + i * DAY).slice(0, 10)
    const d = cal.value.day(date)
    if (!d.ok) return { ok: false, issues: [...d.error.issues] }
    days.push({ date, kind: d.value.kind, ...(d.value.name ? { name: d.value.name } : {}) })
  }

  const arrivals = Array.from({ length: p.requests }, () => t0 + rng.int(0, windowDays - 1) * DAY)
    .map((day) => day + rng.int(8 * 60, 20 * 60) * MINUTE)
    .sort((a, b) => a - b)

  const events: Array<WorkflowEvent> = []
  const escalations: Array<WorkflowEvent & { level: string }> = []
  const cases: Array<CaseState> = []
  for (const [i, arrival] of arrivals.entries()) {
    const caseId = `R${String(i + 1).padStart(3, "0")}`
    const late = rng.chance(p.latePercent / 100)
    // A late case is slow at one step: dispatch (派单), acceptance (接单) or completion (办结).
    const slow = late ? rng.pick(["dispatch", "accept", "complete"] as const) : undefined
    const grab = rng.chance(0.3)
    const resident = rng.pick(residents)
    const handler = grab ? rng.pick(volunteers) : rng.pick(departments)
    const unit = `${rng.int(1, 24)}号楼`
    const quick = () => rng.int(10, 240) * MINUTE
    const slowly = () => rng.int(2, 6) * DAY + rng.int(0, 480) * MINUTE
    let at = arrival
    const plan: Array<{ event: string; actor: string; role: string; unit: string; after: number; data?: object }> = [
      { event: "order", actor: resident, role: "resident", unit, after: 0 },
      ...(grab
        ? [
            {
              event: "grab",
              actor: handler,
              role: "volunteer",
              unit: "东山社区党委",
              after: slow === "dispatch" || slow === "accept" ? slowly() : quick()
            }
          ]
        : [
            {
              event: "dispatch",
              actor: "李主任",
              role: "community",
              unit: "东山社区",
              after: slow === "dispatch" ? slowly() : quick()
            },
            {
              event: "accept",
              actor: handler,
              role: "department",
              unit: handler,
              after: slow === "accept" ? slowly() : quick()
            }
          ]),
      {
        event: "complete",
        actor: handler,
        role: grab ? "volunteer" : "department",
        unit: handler,
        after: (slow === "complete" ? rng.int(8, 20) : rng.int(1, 3)) * DAY + rng.int(0, 480) * MINUTE
      },
      { event: "publish", actor: "李主任", role: "community", unit: "东山社区", after: rng.int(1, 8) * 60 * MINUTE }
    ]
    const unhappy = late ? rng.chance(0.6) : rng.chance(0.1)
    plan.push({
      event: "rate",
      actor: resident,
      role: "resident",
      unit,
      after: rng.int(1, 2) * DAY,
      data: {
        rating: unhappy ? (rng.chance(0.5) ? "unsatisfied" : "basicallySatisfied") : "satisfied",
        resolved: !(unhappy && rng.chance(0.5))
      }
    })
    let state: CaseState | undefined
    for (const step of plan) {
      at = daytime(at + step.after, rng.int(0, 59))
      if (at > nowMs) break
      const when = formatLocal(at)
      if (state) {
        const fired = wf.value.fireOverdue(state, when, cal.value)
        if (!fired.ok) return { ok: false, issues: [...fired.error.issues] }
        state = fired.value.state
        events.push(...fired.value.events)
        escalations.push(...levelled(fired.value.events, state.level))
      }
      const ev = { caseId, event: step.event, actor: step.actor, role: step.role, unit: step.unit, at: when }
      const event = (step.data ? { ...ev, data: step.data } : ev) as WorkflowEvent
      const next = wf.value.apply(state, event)
      if (!next.ok) return { ok: false, issues: [...next.error.issues] }
      state = next.value
      events.push(event)
    }
    if (state) {
      const fired = wf.value.fireOverdue(state, now, cal.value)
      if (!fired.ok) return { ok: false, issues: [...fired.error.issues] }
      state = fired.value.state
      events.push(...fired.value.events)
      escalations.push(...levelled(fired.value.events, state.level))
      cases.push(state)
    }
  }
  const metrics = serviceMetrics(events, {
    mapping: workflowTemplates.fiveOrder.metrics,
    responseWithin: { workingDays: p.responseWithinDays },
    basicallySatisfiedCounts: p.basicallySatisfiedCounts
  })
  if (!metrics.ok) return { ok: false, issues: [...metrics.error.issues] }
  return { ok: true, value: { events, escalations, cases, metrics: metrics.value, now, days } }
}

const LEVELS = ["community", "street", "district", "city"]

// fireOverdue returns the escalations in order and the final level; walk back to label each.
const levelled = (fired: ReadonlyArray<WorkflowEvent>, finalLevel: string) => {
  const top = LEVELS.indexOf(finalLevel)
  return fired.map((e, i) => ({ ...e, level: LEVELS[top - (fired.length - 1 - i)] ?? finalLevel }))
}
