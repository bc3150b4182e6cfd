import { err, InvalidInputError, type Issue, issue, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import type { IllegalTransitionError } from "./errors.ts"
import { type CaseState, createWorkflow, type WorkflowTemplate } from "./workflow.ts"
import { calendarCores, type WorkingCalendar } from "./workingCalendar.ts"

const Id = z.string().min(1).max(200)

/**
 * What Open311 needs to know about one request that the workflow events do not carry: its
 * service type, description and location.
 *
 * @since 0.1.0
 * @category open data
 */
export const Open311RequestInfo = z.object({
  caseId: Id,
  serviceCode: Id.optional(),
  serviceName: z.string().min(1).max(500).optional(),
  description: z.string().max(4000).optional(),
  address: z.string().max(1000).optional(),
  addressId: z.string().max(200).optional(),
  zipcode: z.string().max(20).optional(),
  lat: z.number().min(-90).max(90).optional(),
  long: z.number().min(-180).max(180).optional(),
  mediaUrl: z.string().max(2000).optional(),
  serviceNotice: z.string().max(1000).optional()
})
/** @since 0.1.0 @category open data */
export type Open311RequestInfo = z.infer<typeof Open311RequestInfo>

/**
 * Options of {@link toOpen311}.
 *
 * - `requests`: service type, description and location per case (Open311 fields the events lack).
 * - `utcOffset` (default `"+08:00"`, China Standard Time): GeoReport v2 datetimes are W3C
 *   datetimes with an offset, and event times are local.
 * - `lang` (default `"en"`): language of `service_name` defaults and `status_notes`.
 * - `closedStates`: states reported as `closed`. Default: terminal states and every state that
 *   can only be reached through one of the template's `metrics.close` events (so a 12345 case
 *   is closed from 办结 on, through the return visit and rating, and open again if reopened).
 * - `calendar`: a {@link WorkingCalendar}; when given, an open case whose state has a deadline
 *   gets it as `expected_datetime`.
 * - `allOrNothing` (default `false`): an open case whose deadline the calendar cannot count (a
 *   year without a holiday notice in strict mode) is exported without `expected_datetime` (the
 *   field is optional in GeoReport v2) and its `status_notes` say why; with `true` such a case
 *   fails the whole export instead.
 *
 * @since 0.1.0
 * @category open data
 */
export const Open311Options = z
  .object({
    requests: z.array(Open311RequestInfo).optional(),
    utcOffset: z
      .string()
      .regex(/^[+-](0\d|1[0-4]):[0-5]\d$/)
      .optional(),
    lang: z.enum(["en", "zh"]).optional(),
    closedStates: z.array(Id).optional(),
    calendar: z.custom<WorkingCalendar>((v) => typeof v === "object" && v !== null && calendarCores.has(v as never), {
      message: "calendar must come from workingCalendar()"
    }),
    allOrNothing: z.boolean()
  })
  .partial()
  .optional()
/** @since 0.1.0 @category open data */
export type Open311Options = z.infer<typeof Open311Options>

/**
 * One service request in the GeoReport v2 `service_requests` JSON shape. Optional fields are
 * present only when known.
 *
 * @since 0.1.0
 * @category open data
 */
export interface Open311ServiceRequest {
  readonly service_request_id: string
  readonly status: "open" | "closed"
  readonly status_notes: string
  readonly service_name: string
  readonly service_code: string
  readonly description?: string
  readonly agency_responsible: string
  readonly service_notice?: string
  readonly requested_datetime: string
  readonly updated_datetime: string
  readonly expected_datetime?: string
  readonly address?: string
  readonly address_id?: string
  readonly zipcode?: string
  readonly lat?: number
  readonly long?: number
  readonly media_url?: string
}

const levelZh = { community: "社区", street: "街道", district: "区", city: "市" } as const

// States reachable from the initial state without taking a close event are open; the rest
// (only reachable through a close) are closed.
const defaultClosed = (t: WorkflowTemplate): Set<string> => {
  const closing = new Set(t.metrics?.close ?? [])
  const open = new Set<string>([t.initial])
  const queue = [t.initial]
  for (let s = queue.pop(); s !== undefined; s = queue.pop())
    for (const x of t.transitions)
      if (x.to !== undefined && !closing.has(x.event) && x.from.includes(s) && !open.has(x.to)) {
        open.add(x.to)
        queue.push(x.to)
      }
  const closed = new Set(t.states.filter((s) => s.terminal === true || !open.has(s.id)).map((s) => s.id))
  return closed
}

/**
 * Export service requests as Open311 GeoReport v2 `service_requests`: replay the workflow
 * events, then give each case its `status` (open/closed), `status_notes` (the workflow state),
 * request, update and expected datetimes (W3C, with the UTC offset), the unit of the latest
 * event as `agency_responsible`, and the service type and location from `options.requests`
 * (the template id and name when none is given).
 *
 * @example
 * ```ts
 * import { toOpen311, workflowTemplates } from "@jiceng/governance-model"
 * const r = toOpen311(workflowTemplates.hotline12345, [
 *   { caseId: "h1", event: "intake", actor: "op", role: "operator", unit: "12345", at: "2025-03-03T09:00" }
 * ], { requests: [{ caseId: "h1", serviceCode: "noise", description: "夜间施工噪声", lat: 39.9, long: 116.4 }] })
 * r.ok && r.value[0]?.requested_datetime //=> "2025-03-03T09:00:00+08:00"
 * r.ok && r.value[0]?.status //=> "open"
 * ```
 * @since 0.1.0
 * @category open data
 */
export const toOpen311 = (
  template: unknown,
  events: unknown,
  options?: unknown
): Result<ReadonlyArray<Open311ServiceRequest>, InvalidInputError | IllegalTransitionError> => {
  const opts = validate(Open311Options, options)
  if (!opts.ok) return opts
  const wf = createWorkflow(template)
  if (!wf.ok) return wf
  const t = wf.value.template
  const o = opts.value ?? {}
  const issues: Array<Issue> = []
  const info = new Map<string, Open311RequestInfo>()
  o.requests?.forEach((r, i) => {
    if (info.has(r.caseId))
      issues.push(
        issue(
          ["options", "requests", i, "caseId"],
          "duplicate_code",
          `案件 ${r.caseId} 的服务信息重复`,
          `request info for case ${r.caseId} is given twice`
        )
      )
    info.set(r.caseId, r)
  })
  o.closedStates?.forEach((s, i) => {
    if (!t.states.some((x) => x.id === s))
      issues.push(
        issue(
          ["options", "closedStates", i],
          "unknown_state",
          `状态 ${s} 未在模板中声明`,
          `state ${s} is not declared in the template`
        )
      )
  })
  if (issues.length > 0) return err(new InvalidInputError(issues))
  const cases = wf.value.replay(events)
  if (!cases.ok) return cases
  const closed = o.closedStates ? new Set(o.closedStates) : defaultClosed(t)
  const offset = o.utcOffset ?? "+08:00"
  const lang = o.lang ?? "en"
  const stateName = new Map(t.states.map((s) => [s.id, s.name]))
  const stamp = (local: string) => `${local}${offset}`

  // The agency is the unit of the latest event of each case (the log order breaks time ties).
  const agency = new Map<string, string>()
  for (const e of events as ReadonlyArray<{ caseId: string; unit: string }>) agency.set(e.caseId, e.unit)

  const out: Array<Open311ServiceRequest> = []
  const undated: Array<Issue> = []
  for (const s of cases.value.values() as Iterable<CaseState>) {
    const meta = info.get(s.caseId)
    const isClosed = closed.has(s.state)
    let expected: string | undefined
    let unknownDue: Issue | undefined
    if (!isClosed && o.calendar) {
      const d = wf.value.deadline(s, o.calendar)
      if (d.ok) {
        if (d.value) expected = stamp(d.value.due)
      } else {
        // The deadline is unknown, not absent: say so on this case rather than fail them all.
        const reasons = d.error.issues.map((i) => ({ ...i, path: ["cases", s.caseId, "expected_datetime"] }))
        unknownDue = reasons[0]
        if (o.allOrNothing === true) undated.push(...reasons)
      }
    }
    const name = stateName.get(s.state)
    const notes =
      lang === "zh"
        ? `状态：${name?.zh ?? s.state}；层级：${levelZh[s.level]}${unknownDue ? `；预计办结时间未知：${unknownDue.message.zh}` : ""}`
        : `state: ${name?.en ?? s.state}; level: ${s.level}${unknownDue ? `; expected time unknown: ${unknownDue.message.en}` : ""}`
    out.push({
      service_request_id: s.caseId,
      status: isClosed ? "closed" : "open",
      status_notes: notes,
      service_name: meta?.serviceName ?? t.name[lang],
      service_code: meta?.serviceCode ?? t.id,
      ...(meta?.description === undefined ? {} : { description: meta.description }),
      agency_responsible: agency.get(s.caseId) ?? "",
      ...(meta?.serviceNotice === undefined ? {} : { service_notice: meta.serviceNotice }),
      requested_datetime: stamp(s.openedAt),
      updated_datetime: stamp(s.updatedAt),
      ...(expected === undefined ? {} : { expected_datetime: expected }),
      ...(meta?.address === undefined ? {} : { address: meta.address }),
      ...(meta?.addressId === undefined ? {} : { address_id: meta.addressId }),
      ...(meta?.zipcode === undefined ? {} : { zipcode: meta.zipcode }),
      ...(meta?.lat === undefined ? {} : { lat: meta.lat }),
      ...(meta?.long === undefined ? {} : { long: meta.long }),
      ...(meta?.mediaUrl === undefined ? {} : { media_url: meta.mediaUrl })
    })
  }
  if (undated.length > 0) return err(new InvalidInputError(undated))
  return ok(out)
}
