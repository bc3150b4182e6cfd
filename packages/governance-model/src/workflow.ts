import { err, InvalidInputError, type Issue, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { IllegalTransitionError } from "./errors.ts"
import { type EscalationLevel, escalationLevels } from "./escalation.ts"
import { CaseStore, LazyCaseMap } from "./internal/caseStore.ts"
import { checkedSeconds, formatLocalDateTime, parseLocalDateTime } from "./internal/time.ts"
import { LocalDateTime } from "./LocalDateTime.ts"
import { calendarCores, type Deadline, TimeLimit, type WorkingCalendar } from "./workingCalendar.ts"

const Id = z.string().min(1).max(200)
const Bilingual = z.object({ zh: z.string().min(1), en: z.string().min(1) })

/**
 * A guard on a transition, as data: `maxTimes` (the event may happen at most `times` times in a
 * case, e.g. one extension), `actorNotFrom` (the actor must differ from everyone who performed
 * the listed events: independent third-party acceptance), `requiresData` (the event must carry
 * `rating`, `resolved` or `reason`).
 *
 * @since 0.1.0
 * @category workflows
 */
export const WorkflowGuard = z.discriminatedUnion("type", [
  z.object({ type: z.literal("maxTimes"), times: z.int().min(0).max(1000) }),
  z.object({ type: z.literal("actorNotFrom"), events: z.array(Id).min(1) }),
  z.object({ type: z.literal("requiresData"), field: z.enum(["rating", "resolved", "reason"]) })
])
/** @since 0.1.0 @category workflows */
export type WorkflowGuard = z.infer<typeof WorkflowGuard>

/**
 * A state of a workflow. A `deadline` starts when the case enters the state (or escalates in
 * it); when it passes, `onOverdue` is the event {@link Workflow.fireOverdue} fires.
 *
 * @since 0.1.0
 * @category workflows
 */
export const WorkflowStateDef = z.object({
  id: Id,
  name: Bilingual,
  terminal: z.boolean().optional(),
  deadline: z.object({ limit: TimeLimit, onOverdue: Id }).optional()
})
/** @since 0.1.0 @category workflows */
export type WorkflowStateDef = z.infer<typeof WorkflowStateDef>

/**
 * A declared transition: `event` moves a case from any state in `from` to `to` (omit `to` to
 * stay), performed by one of `roles`. `escalates` moves the case one level up the four-level
 * linkage; `extendsBy` adds working days to the state's deadline (延期).
 *
 * @since 0.1.0
 * @category workflows
 */
export const WorkflowTransition = z.object({
  event: Id,
  name: Bilingual,
  from: z.array(Id).min(1),
  to: Id.optional(),
  roles: z.array(Id).min(1),
  guards: z.array(WorkflowGuard).optional(),
  escalates: z.boolean().optional(),
  extendsBy: z.object({ workingDays: z.int().min(1).max(365) }).optional()
})
/** @since 0.1.0 @category workflows */
export type WorkflowTransition = z.infer<typeof WorkflowTransition>

/**
 * Which events of a template feed {@link serviceMetrics}.
 *
 * @since 0.1.0
 * @category metrics
 */
export const MetricsMapping = z.object({
  dispatch: z.array(Id).min(1),
  response: z.array(Id).min(1),
  close: z.array(Id).min(1),
  rating: z.array(Id).min(1)
})
/** @since 0.1.0 @category metrics */
export type MetricsMapping = z.infer<typeof MetricsMapping>

/**
 * A workflow as data: states, transitions with roles and guards, the initial state, the
 * escalation level cases start at, and the citations behind its time limits.
 *
 * @since 0.1.0
 * @category workflows
 */
export const WorkflowTemplate = z.object({
  id: Id,
  name: Bilingual,
  roles: z.array(z.object({ id: Id, name: Bilingual })).min(1),
  states: z.array(WorkflowStateDef).min(1),
  initial: Id,
  transitions: z.array(WorkflowTransition).min(1),
  startLevel: z.enum(["community", "street", "district", "city"]).optional(),
  metrics: MetricsMapping.optional(),
  sources: z.array(z.object({ title: z.string().min(1), note: z.string().optional() })).optional()
})
/** @since 0.1.0 @category workflows */
export type WorkflowTemplate = z.infer<typeof WorkflowTemplate>

/**
 * Satisfaction as recorded at the return visit (回访): 满意 / 基本满意 / 不满意.
 *
 * @since 0.1.0
 * @category workflows
 */
export const Satisfaction = z.enum(["satisfied", "basicallySatisfied", "unsatisfied"])
/** @since 0.1.0 @category workflows */
export type Satisfaction = z.infer<typeof Satisfaction>

/**
 * One transition of one case: who (actor, role, unit), when (local time), what (event), and
 * optional data (a rating, whether it was resolved, a reason).
 *
 * @example
 * ```ts
 * import { WorkflowEvent } from "@jiceng/governance-model"
 * WorkflowEvent.safeParse({ caseId: "c1", event: "order", actor: "王女士", role: "resident", unit: "3号楼", at: "2025-03-03T09:00" }).success //=> true
 * ```
 * @since 0.1.0
 * @category workflows
 */
export const WorkflowEvent = z.object({
  caseId: Id,
  event: Id,
  actor: Id,
  role: Id,
  unit: Id,
  at: LocalDateTime,
  data: z
    .object({ rating: Satisfaction.optional(), resolved: z.boolean().optional(), reason: z.string().optional() })
    .optional()
})
/** @since 0.1.0 @category workflows */
export type WorkflowEvent = z.infer<typeof WorkflowEvent>

/**
 * The state of one case after replaying its events.
 *
 * @since 0.1.0
 * @category workflows
 */
export interface CaseState {
  readonly caseId: string
  readonly state: string
  readonly terminal: boolean
  readonly level: EscalationLevel
  readonly openedAt: string
  readonly updatedAt: string
  /** When the current state's deadline clock started (entering the state or escalating). */
  readonly since: string
  readonly events: number
  /** How many times each event happened. */
  readonly counts: Readonly<Record<string, number>>
  /** Working days added to the current deadline by extensions. */
  readonly extensionWorkingDays: number
  /** Actors of the events named by `actorNotFrom` guards. */
  readonly actors: Readonly<Record<string, ReadonlyArray<string>>>
}

/**
 * An event allowed in a state, with the roles that may perform it.
 *
 * @since 0.1.0
 * @category workflows
 */
export interface AllowedEvent {
  readonly event: string
  readonly name: { readonly zh: string; readonly en: string }
  readonly roles: ReadonlyArray<string>
  readonly to: string
}

/**
 * A compiled workflow. All methods are pure and return `Result`s.
 *
 * @since 0.1.0
 * @category workflows
 */
export interface Workflow {
  readonly template: WorkflowTemplate
  /** The state of a case before its first event. */
  readonly initial: (caseId: string, at: string) => CaseState
  /** Events allowed in the case's current state (as SeeClickFix exposes transitions). */
  readonly allowed: (state: CaseState) => ReadonlyArray<AllowedEvent>
  /** Apply one event to a case (`undefined` = a new case). */
  readonly apply: (
    state: CaseState | undefined,
    event: WorkflowEvent
  ) => Result<CaseState, InvalidInputError | IllegalTransitionError>
  /**
   * Replay an event log (in log order) into the state of every case, optionally continuing from
   * earlier states. All or nothing: any invalid or illegal event fails the whole replay, and every
   * such event is reported.
   */
  readonly replay: (
    events: unknown,
    from?: ReadonlyMap<string, CaseState>
  ) => Result<ReadonlyMap<string, CaseState>, InvalidInputError | IllegalTransitionError>
  /** The deadline of the case's current state, if it has one. */
  readonly deadline: (
    state: CaseState,
    calendar: WorkingCalendar
  ) => Result<(Deadline & { readonly onOverdue: string }) | undefined, InvalidInputError>
  /**
   * Fire the `onOverdue` events of every deadline that passed before `now`, one after another
   * (each escalation restarts the clock one level up), as `actor`. Returns the new state and the
   * events it fired.
   */
  readonly fireOverdue: (
    state: CaseState,
    now: string,
    calendar: WorkingCalendar,
    actor?: { readonly actor: string; readonly role: string; readonly unit: string }
  ) => Result<
    { readonly state: CaseState; readonly events: ReadonlyArray<WorkflowEvent> },
    InvalidInputError | IllegalTransitionError
  >
}

// ---------------------------------------------------------------------------------------------
// Compilation

interface CompiledTransition {
  readonly def: WorkflowTransition
  readonly to: number // -1 = stay
  readonly roles: ReadonlySet<string>
  readonly maxTimes: number
  readonly notFrom: ReadonlyArray<number>
  readonly requires: ReadonlyArray<"rating" | "resolved" | "reason">
  /** No count, data or independence guard: the replay's fast path needs no closer look. */
  readonly plain: boolean
}

interface Compiled {
  readonly states: ReadonlyArray<WorkflowStateDef>
  readonly stateIndex: ReadonlyMap<string, number>
  readonly eventIds: ReadonlyArray<string>
  readonly eventIndex: ReadonlyMap<string, number>
  readonly table: Int32Array
  readonly transitions: ReadonlyArray<CompiledTransition>
  readonly tracked: ReadonlyArray<number> // event indices whose actors are kept
  readonly initial: number
  readonly startLevel: number
}

// Never calls a user-supplied toString: a fuzzed value may make String(x) throw.
const show = (x: unknown): string => (typeof x === "string" ? x.slice(0, 40) : typeof x)

const checkTemplate = (t: WorkflowTemplate): Array<Issue> => {
  const issues: Array<Issue> = []
  const states = new Set<string>()
  t.states.forEach((s, i) => {
    if (states.has(s.id))
      issues.push(issue(["states", i, "id"], "duplicate_state", `状态 ${s.id} 重复`, `state ${s.id} is declared twice`))
    states.add(s.id)
  })
  const roles = new Set(t.roles.map((r) => r.id))
  if (!states.has(t.initial))
    issues.push(
      issue(["initial"], "unknown_state", `初始状态 ${t.initial} 未声明`, `initial state ${t.initial} is not declared`)
    )
  const events = new Set(t.transitions.map((x) => x.event))
  const seen = new Set<string>()
  const terminal = new Set(t.states.filter((s) => s.terminal).map((s) => s.id))
  t.transitions.forEach((x, i) => {
    x.from.forEach((f, j) => {
      if (!states.has(f))
        issues.push(
          issue(["transitions", i, "from", j], "unknown_state", `状态 ${f} 未声明`, `state ${f} is not declared`)
        )
      if (terminal.has(f))
        issues.push(
          issue(
            ["transitions", i, "from", j],
            "from_terminal",
            `终止状态 ${f} 不能再有转移`,
            `terminal state ${f} cannot have outgoing transitions`
          )
        )
      const key = `${f}\u0000${x.event}`
      if (seen.has(key))
        issues.push(
          issue(
            ["transitions", i, "event"],
            "ambiguous_transition",
            `状态 ${f} 下事件 ${x.event} 声明了两次`,
            `event ${x.event} is declared twice from state ${f}`
          )
        )
      seen.add(key)
    })
    if (x.to !== undefined && !states.has(x.to))
      issues.push(
        issue(["transitions", i, "to"], "unknown_state", `状态 ${x.to} 未声明`, `state ${x.to} is not declared`)
      )
    x.roles.forEach((r, j) => {
      if (!roles.has(r))
        issues.push(
          issue(["transitions", i, "roles", j], "unknown_role", `角色 ${r} 未声明`, `role ${r} is not declared`)
        )
    })
    x.guards?.forEach((g, j) => {
      if (g.type === "actorNotFrom")
        for (const e of g.events)
          if (!events.has(e))
            issues.push(
              issue(["transitions", i, "guards", j], "unknown_event", `事件 ${e} 未声明`, `event ${e} is not declared`)
            )
    })
  })
  t.states.forEach((s, i) => {
    const on = s.deadline?.onOverdue
    if (on !== undefined && !seen.has(`${s.id}\u0000${on}`))
      issues.push(
        issue(
          ["states", i, "deadline", "onOverdue"],
          "unknown_event",
          `状态 ${s.id} 的超期事件 ${on} 不是该状态允许的事件`,
          `overdue event ${on} of state ${s.id} is not allowed in that state`
        )
      )
  })
  return issues
}

const compile = (t: WorkflowTemplate): Compiled => {
  const stateIndex = new Map(t.states.map((s, i) => [s.id, i] as const))
  const eventIds = [...new Set(t.transitions.map((x) => x.event))]
  const eventIndex = new Map(eventIds.map((e, i) => [e, i] as const))
  const table = new Int32Array(t.states.length * eventIds.length).fill(-1)
  const tracked = new Set<number>()
  const transitions = t.transitions.map((def, k): CompiledTransition => {
    for (const f of def.from) table[(stateIndex.get(f) ?? 0) * eventIds.length + (eventIndex.get(def.event) ?? 0)] = k
    let maxTimes = Number.POSITIVE_INFINITY
    const notFrom: Array<number> = []
    const requires: Array<"rating" | "resolved" | "reason"> = []
    for (const g of def.guards ?? []) {
      if (g.type === "maxTimes") maxTimes = Math.min(maxTimes, g.times)
      else if (g.type === "requiresData") requires.push(g.field)
      else
        for (const e of g.events) {
          const ix = eventIndex.get(e) ?? 0
          notFrom.push(ix)
          tracked.add(ix)
        }
    }
    return {
      def,
      to: def.to === undefined ? -1 : (stateIndex.get(def.to) ?? 0),
      roles: new Set(def.roles),
      maxTimes,
      notFrom,
      requires,
      plain: maxTimes === Number.POSITIVE_INFINITY && notFrom.length === 0 && requires.length === 0
    }
  })
  return {
    states: t.states,
    stateIndex,
    eventIds,
    eventIndex,
    table,
    transitions,
    tracked: [...tracked],
    initial: stateIndex.get(t.initial) ?? 0,
    startLevel: escalationLevels.indexOf(t.startLevel ?? "community")
  }
}

// ---------------------------------------------------------------------------------------------
// Replay

const isNonEmpty = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 200

// A structural check equivalent to `WorkflowEvent` except that `at` is only checked to be a
// string: the hot loops parse and check it in one pass with `checkedSeconds`. Anything they
// reject is re-validated with the zod schema so the error messages come from one place.
const fastEventShape = (e: unknown): boolean => {
  if (typeof e !== "object" || e === null) return false
  const o = e as Record<string, unknown>
  if (
    !isNonEmpty(o.caseId) ||
    !isNonEmpty(o.event) ||
    !isNonEmpty(o.actor) ||
    !isNonEmpty(o.role) ||
    !isNonEmpty(o.unit) ||
    typeof o.at !== "string"
  )
    return false
  const d = o.data
  if (d === undefined) return true
  if (typeof d !== "object" || d === null || Array.isArray(d)) return false
  const data = d as Record<string, unknown>
  const r = data.rating
  if (r !== undefined && r !== "satisfied" && r !== "basicallySatisfied" && r !== "unsatisfied") return false
  if (data.resolved !== undefined && typeof data.resolved !== "boolean") return false
  if (data.reason !== undefined && typeof data.reason !== "string") return false
  return true
}

/**
 * Validate an event log and parse each event's time once, in the same pass: the events and
 * their times in seconds (`seconds[i]` for `events[i]`). Fast structural check; zod for the
 * messages when anything fails.
 */
export const validateEventTimes = (
  events: unknown
): Result<{ readonly events: ReadonlyArray<WorkflowEvent>; readonly seconds: Float64Array }, InvalidInputError> => {
  if (Array.isArray(events)) {
    const seconds = new Float64Array(events.length)
    let lastAt: string | undefined
    let lastSec = 0
    let i = 0
    for (; i < events.length; i++) {
      const e = events[i]
      if (!fastEventShape(e)) break
      const at = (e as WorkflowEvent).at
      if (at !== lastAt) {
        lastSec = checkedSeconds(at)
        if (Number.isNaN(lastSec)) break
        lastAt = at
      }
      seconds[i] = lastSec
    }
    if (i === events.length) return ok({ events: events as ReadonlyArray<WorkflowEvent>, seconds })
  }
  const r = validate(z.array(WorkflowEvent), events)
  if (!r.ok) return r
  // The schema and the fast check accept the same logs; should they ever differ, parse here.
  return ok({ events: r.value, seconds: Float64Array.from(r.value, (e) => checkedSeconds(e.at)) })
}

/** Validate an event log (see {@link validateEventTimes}). */
export const validateEvents = (events: unknown): Result<ReadonlyArray<WorkflowEvent>, InvalidInputError> => {
  const r = validateEventTimes(events)
  return r.ok ? ok(r.value.events) : r
}

const NO_ACTORS: Readonly<Record<string, ReadonlyArray<string>>> = Object.freeze({})

const quote = (xs: ReadonlyArray<string>): string => (xs.length === 0 ? "—" : xs.join(", "))

/**
 * Compile a workflow template: check it (unknown states, roles or events, ambiguous or
 * terminal-state transitions, overdue events not allowed where they fire — all reported at
 * once) and return a {@link Workflow} that applies and replays events.
 *
 * @example
 * ```ts
 * import { createWorkflow, workflowTemplates } from "@jiceng/governance-model"
 * const wf = createWorkflow(workflowTemplates.fiveOrder)
 * if (!wf.ok) throw wf.error
 * const log = [
 *   { caseId: "r1", event: "order", actor: "王女士", role: "resident", unit: "3号楼", at: "2025-03-03T09:00" },
 *   { caseId: "r1", event: "dispatch", actor: "李主任", role: "community", unit: "东山社区", at: "2025-03-03T10:00" }
 * ]
 * const cases = wf.value.replay(log)
 * cases.ok && cases.value.get("r1")?.state //=> "dispatched"
 * ```
 * @since 0.1.0
 * @category workflows
 */
export const createWorkflow = (template: unknown): Result<Workflow, InvalidInputError> => {
  const parsed = validate(WorkflowTemplate, template)
  if (!parsed.ok) return parsed
  const t = parsed.value
  const problems = checkTemplate(t)
  if (problems.length > 0) return err(new InvalidInputError(problems))
  const c = compile(t)
  const E = c.eventIds.length

  const allowedIn = (state: number, level: number): Array<AllowedEvent> => {
    const out: Array<AllowedEvent> = []
    if (state < 0 || level < 0) return out
    for (let e = 0; e < E; e++) {
      const k = c.table[state * E + e] ?? -1
      if (k < 0) continue
      const tr = c.transitions[k]
      if (!tr || (tr.def.escalates && level >= escalationLevels.length - 1)) continue
      out.push({
        event: tr.def.event,
        name: tr.def.name,
        roles: tr.def.roles,
        to: tr.to < 0 ? (c.states[state]?.id ?? "") : (c.states[tr.to]?.id ?? "")
      })
    }
    return out
  }

  const norm = (at: string): string => (at.length === 16 ? `${at}:00` : at)

  // A state handed back in must be one this template can reach: a known state and one of the
  // four levels (an unknown level must not silently restart at the community).
  const checkState = (s: unknown, key: string, at: ReadonlyArray<string>): Array<Issue> => {
    const out: Array<Issue> = []
    const x = (typeof s === "object" && s !== null ? s : {}) as Partial<Record<keyof CaseState, unknown>>
    const state = x.state
    const level = x.level
    if (typeof state !== "string" || !c.stateIndex.has(state))
      out.push(
        issue(
          [...at, "state"],
          "unknown_state",
          `案件 ${key} 的状态“${show(state)}”不是模板 ${t.id} 的状态`,
          `case ${key}: state "${show(state)}" is not a state of template ${t.id}`
        )
      )
    if (typeof level !== "string" || !(escalationLevels as ReadonlyArray<string>).includes(level))
      out.push(
        issue(
          [...at, "level"],
          "unknown_level",
          `案件 ${key} 的层级“${show(level)}”不是 社区/街道/区/市（community/street/district/city）之一`,
          `case ${key}: level "${show(level)}" is not one of community, street, district, city`
        )
      )
    if (typeof x.caseId !== "string" || typeof x.updatedAt !== "string" || typeof x.since !== "string")
      out.push(
        issue([...at], "invalid_state", `案件 ${key} 的状态记录不完整`, `case ${key}: the state record is incomplete`)
      )
    return out
  }
  const top = escalationLevels.length - 1
  const tracked = new Uint8Array(E)
  for (const ix of c.tracked) tracked[ix] = 1
  const trs = c.transitions
  const table = c.table

  const seed = (st: CaseStore, s: CaseState): void => {
    const ix = st.add(
      s.caseId,
      c.stateIndex.get(s.state) ?? c.initial,
      Math.max(0, escalationLevels.indexOf(s.level)),
      parseLocalDateTime(s.updatedAt) ?? 0,
      s.openedAt
    )
    st.updatedAt[ix] = s.updatedAt
    st.sinceAt[ix] = s.since
    st.events[ix] = s.events
    st.extension[ix] = s.extensionWorkingDays
    for (const [ev, n] of Object.entries(s.counts)) {
      const e = c.eventIndex.get(ev)
      if (e !== undefined) st.counts[ix * E + e] = n
    }
    const actors = new Map<number, Array<string>>()
    for (const [ev, list] of Object.entries(s.actors)) {
      const e = c.eventIndex.get(ev)
      if (e !== undefined) actors.set(e, [...list])
    }
    if (actors.size > 0) st.actors.set(ix, actors)
  }

  const stateOf = (st: CaseStore, ix: number): CaseState => {
    const counts: Record<string, number> = {}
    const base = ix * E
    for (let e = 0; e < E; e++) {
      const n = st.counts[base + e] ?? 0
      if (n > 0) counts[c.eventIds[e] ?? ""] = n
    }
    let actors: Record<string, ReadonlyArray<string>> = NO_ACTORS
    const tracked = st.actors.get(ix)
    if (tracked) {
      actors = {}
      for (const [e, list] of tracked) actors[c.eventIds[e] ?? ""] = [...list]
    }
    const def = c.states[st.state[ix] ?? 0]
    return {
      caseId: st.ids[ix] ?? "",
      state: def?.id ?? "",
      terminal: def?.terminal === true,
      level: escalationLevels[st.level[ix] ?? 0] ?? "community",
      openedAt: norm(st.openedAt[ix] ?? ""),
      updatedAt: norm(st.updatedAt[ix] ?? ""),
      since: norm(st.sinceAt[ix] ?? ""),
      events: st.events[ix] ?? 0,
      counts,
      extensionWorkingDays: st.extension[ix] ?? 0,
      actors
    }
  }

  // Why an event is illegal for case `ix` (cold path: only called when the fast check fails or
  // a guard needs a closer look), or `undefined` when it is legal.
  const explain = (st: CaseStore, ix: number, ev: WorkflowEvent, e: number, at: number, i: number) => {
    const state = st.state[ix] ?? 0
    const level = st.level[ix] ?? 0
    const caseId = st.ids[ix] ?? ""
    const k = e < 0 ? -1 : (table[state * E + e] ?? -1)
    if (k < 0) {
      const allowed = allowedIn(state, level).map((a) => a.event)
      return issue(
        ["events", i, "event"],
        "illegal_transition",
        `案件 ${caseId} 处于“${c.states[state]?.id ?? ""}”状态，不允许事件“${ev.event}”；允许的事件：${quote(allowed)}`,
        `case ${caseId} is in state "${c.states[state]?.id ?? ""}", where event "${ev.event}" is not allowed; allowed events: ${quote(allowed)}`
      )
    }
    const tr = trs[k] as CompiledTransition
    if (!tr.roles.has(ev.role))
      return issue(
        ["events", i, "role"],
        "role_not_allowed",
        `事件“${ev.event}”须由 ${quote(tr.def.roles)} 执行，不能由角色“${ev.role}”执行`,
        `event "${ev.event}" must be performed by ${quote(tr.def.roles)}, not by role "${ev.role}"`
      )
    const updated = st.updated[ix] ?? 0
    if ((st.events[ix] ?? 0) > 0 && at < updated)
      return issue(
        ["events", i, "at"],
        "time_before_previous",
        `案件 ${caseId} 的事件时间 ${ev.at} 早于上一事件 ${formatLocalDateTime(updated)}`,
        `case ${caseId}: event time ${ev.at} is before the previous event at ${formatLocalDateTime(updated)}`
      )
    if (tr.def.escalates && level >= top)
      return issue(
        ["events", i, "event"],
        "at_top_level",
        `案件 ${caseId} 已在市级，无法再上报`,
        `case ${caseId} is already at the city level and cannot escalate further`
      )
    if ((st.counts[ix * E + e] ?? 0) >= tr.maxTimes)
      return issue(
        ["events", i, "event"],
        "guard_failed",
        `事件“${ev.event}”在一个案件中最多 ${tr.maxTimes} 次`,
        `event "${ev.event}" may happen at most ${tr.maxTimes} time(s) in a case`
      )
    for (const f of tr.requires)
      if (ev.data?.[f] === undefined)
        return issue(
          ["events", i, "data", f],
          "guard_failed",
          `事件“${ev.event}”须填写 ${f}`,
          `event "${ev.event}" must carry data.${f}`
        )
    const seen = st.actors.get(ix)
    for (const x of tr.notFrom)
      if (seen?.get(x)?.includes(ev.actor))
        return issue(
          ["events", i, "actor"],
          "guard_failed",
          `${ev.actor} 已执行过“${c.eventIds[x]}”，不能再执行“${ev.event}”（须独立）`,
          `${ev.actor} performed "${c.eventIds[x]}" and so cannot perform "${ev.event}" (independence)`
        )
    return undefined
  }

  // Apply a legal event (transition `k`, event index `e`) to case `ix`.
  const commit = (st: CaseStore, ix: number, ev: WorkflowEvent, e: number, k: number, at: number): void => {
    const tr = trs[k] as CompiledTransition
    const n = st.events[ix] as number
    // A case opens at its first event.
    if (n === 0) st.openedAt[ix] = st.sinceAt[ix] = ev.at
    const state = st.state[ix] as number
    const moved = tr.to >= 0 && tr.to !== state
    if (tr.to >= 0) st.state[ix] = tr.to
    const escalates = tr.def.escalates === true
    if (escalates) st.level[ix] = (st.level[ix] as number) + 1
    if (moved || escalates) {
      st.sinceAt[ix] = ev.at
      st.extension[ix] = 0
    }
    if (tr.def.extendsBy) st.extension[ix] = (st.extension[ix] as number) + tr.def.extendsBy.workingDays
    st.updated[ix] = at
    st.updatedAt[ix] = ev.at
    st.events[ix] = n + 1
    st.counts[ix * E + e] = (st.counts[ix * E + e] as number) + 1
    if (tracked[e] === 1) {
      let m = st.actors.get(ix)
      if (!m) {
        m = new Map()
        st.actors.set(ix, m)
      }
      const list = m.get(e)
      if (list) list.push(ev.actor)
      else m.set(e, [ev.actor])
    }
  }

  const replay: Workflow["replay"] = (events, from) => {
    if (!Array.isArray(events)) {
      const v = validateEvents(events)
      return v.ok
        ? err(new InvalidInputError([issue([], "invalid_type", "须为事件数组", "expected an array of events")]))
        : v
    }
    const log = events as ReadonlyArray<WorkflowEvent>
    if (from) {
      const bad: Array<Issue> = []
      const f = from as Partial<ReadonlyMap<unknown, unknown>>
      if (typeof f.entries !== "function" || typeof f.values !== "function")
        bad.push(issue(["from"], "invalid_type", "须为案件状态的 Map", "expected a Map of case states"))
      else
        for (const [k, s] of (from as ReadonlyMap<unknown, unknown>).entries())
          if (bad.length < 100) bad.push(...checkState(s, show(k), ["from", show(k)]))
      if (bad.length > 0) return err(new InvalidInputError(bad))
    }
    const st = new CaseStore(E, Math.min(1 << 20, Math.max(64, (from?.size ?? 0) + (log.length >> 2))))
    if (from) for (const s of from.values()) seed(st, s)
    const issues: Array<Issue> = []
    // One-entry caches: logs repeat the same event names and often the same timestamps.
    let lastName = ""
    let lastE = -1
    let lastAt: string | undefined
    let lastSec = 0
    for (let i = 0; i < log.length; i++) {
      const ev = log[i] as WorkflowEvent
      let sec = lastSec
      if (!fastEventShape(ev) || (ev.at !== lastAt && Number.isNaN((sec = checkedSeconds(ev.at))))) {
        const v = validateEvents(events)
        return v.ok
          ? err(new InvalidInputError([issue(["events", i], "invalid_input", "事件无效", "invalid event")]))
          : v
      }
      lastAt = ev.at
      lastSec = sec
      const at = lastSec
      let ix = st.index.get(ev.caseId)
      if (ix === undefined) ix = st.add(ev.caseId, c.initial, c.startLevel, at, ev.at)
      if (st.broken[ix] === 1) continue
      if (ev.event !== lastName) {
        lastName = ev.event
        lastE = c.eventIndex.get(lastName) ?? -1
      }
      const e = lastE
      const k = e < 0 ? -1 : (table[(st.state[ix] as number) * E + e] as number)
      const tr = k < 0 ? undefined : (trs[k] as CompiledTransition)
      // Fast path: declared transition, allowed role, time moving forward, no guard to evaluate.
      if (
        tr?.plain &&
        tr.roles.has(ev.role) &&
        ((st.events[ix] as number) === 0 || at >= (st.updated[ix] as number)) &&
        (!tr.def.escalates || (st.level[ix] as number) < top)
      ) {
        commit(st, ix, ev, e, k, at)
        continue
      }
      const bad = explain(st, ix, ev, e, at, i)
      if (bad === undefined) commit(st, ix, ev, e, k, at)
      else {
        st.broken[ix] = 1
        if (issues.length < 100) issues.push(bad)
      }
    }
    if (issues.length > 0) return err(new IllegalTransitionError(issues))
    return ok(new LazyCaseMap(st, (ix) => stateOf(st, ix)))
  }

  const apply: Workflow["apply"] = (state, event) => {
    if (state !== undefined) {
      const bad = checkState(state, show((state as Partial<CaseState>).caseId), ["state"])
      if (bad.length > 0) return err(new InvalidInputError(bad))
    }
    const r = replay([event], state ? new Map([[state.caseId, state]]) : undefined)
    if (!r.ok) return r
    const s = r.value.get((event as WorkflowEvent).caseId)
    return s ? ok(s) : err(new InvalidInputError([issue(["caseId"], "unknown_case", "案件不存在", "no such case")]))
  }

  const deadline: Workflow["deadline"] = (state, calendar) => {
    const bad = checkState(state, show((state as Partial<CaseState> | undefined)?.caseId), ["state"])
    if (bad.length > 0) return err(new InvalidInputError(bad))
    const def = c.states[c.stateIndex.get(state.state) ?? -1]?.deadline
    if (!def) return ok(undefined)
    const limit =
      "workingDays" in def.limit && state.extensionWorkingDays > 0
        ? { workingDays: def.limit.workingDays + state.extensionWorkingDays }
        : def.limit
    const d = calendar.deadline(state.since, limit)
    return d.ok ? ok({ ...d.value, onOverdue: def.onOverdue }) : d
  }

  const fireOverdue: Workflow["fireOverdue"] = (
    state,
    now,
    calendar,
    actor = { actor: "system", role: "system", unit: "system" }
  ) => {
    const nowSec = parseLocalDateTime(now)
    const core = calendarCores.get(calendar)
    if (nowSec === undefined || core === undefined)
      return err(
        new InvalidInputError([
          issue(
            nowSec === undefined ? ["now"] : ["calendar"],
            "invalid_input",
            nowSec === undefined ? "当前时间无效" : "日历须由 workingCalendar 创建",
            nowSec === undefined ? "now is not a valid local date-time" : "calendar must come from workingCalendar"
          )
        ])
      )
    let s = state
    const fired: Array<WorkflowEvent> = []
    for (let guard = 0; guard < 64; guard++) {
      const d = deadline(s, calendar)
      if (!d.ok) return d
      if (d.value === undefined) break
      const due = parseLocalDateTime(d.value.due) ?? 0
      // Someone acted after the deadline (or the overdue event already fired): nothing to fire.
      if (nowSec <= due || (parseLocalDateTime(s.updatedAt) ?? 0) > due) break
      const allowed = allowedIn(c.stateIndex.get(s.state) ?? 0, escalationLevels.indexOf(s.level))
      if (!allowed.some((a) => a.event === d.value?.onOverdue)) break
      const ev: WorkflowEvent = {
        caseId: s.caseId,
        event: d.value.onOverdue,
        ...actor,
        at: formatLocalDateTime(due + 1)
      }
      const next = apply(s, ev)
      if (!next.ok) return next
      fired.push(ev)
      s = next.value
    }
    return ok({ state: s, events: fired })
  }

  return ok({
    template: t,
    initial: (caseId, at) => {
      const st = new CaseStore(E, 1)
      st.add(caseId, c.initial, c.startLevel, parseLocalDateTime(at) ?? 0, at)
      return stateOf(st, 0)
    },
    allowed: (state) =>
      checkState(state, "", ["state"]).length > 0
        ? []
        : allowedIn(c.stateIndex.get(state.state) ?? -1, escalationLevels.indexOf(state.level)),
    apply,
    replay,
    deadline,
    fireOverdue
  })
}
