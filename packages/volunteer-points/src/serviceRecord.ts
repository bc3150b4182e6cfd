import {
  canonicalJson,
  err,
  InvalidInputError,
  type Issue,
  issue,
  JicengError,
  ok,
  type Result,
  validate
} from "@jiceng/core"
import * as z from "zod"
import { LedgerId } from "./LedgerModel.ts"

/**
 * A refusal by the service-record workflow or the points system: the input was well formed
 * but a rule says no (wrong state, missing role, overlapping sign-in, insufficient balance,
 * out of stock…). Nothing was applied. Each issue has a code, a path and a bilingual message.
 *
 * @example
 * ```ts
 * import { PointsError } from "@jiceng/volunteer-points"
 * import { issue } from "@jiceng/core"
 * new PointsError([issue(["sku"], "out_of_stock", "库存不足", "out of stock")])._tag //=> "PointsError"
 * ```
 * @since 0.1.0
 * @category errors
 */
export class PointsError extends JicengError {
  readonly _tag = "PointsError" as const
  override readonly name = "PointsError"
}

export const refuse = (path: ReadonlyArray<string | number>, code: string, zh: string, en: string) =>
  err(new PointsError([issue(path, code, zh, en)]))

/**
 * A time in epoch milliseconds (UTC); the package never reads a clock, so callers pass every
 * time in.
 *
 * @since 0.1.0
 * @category service-records
 */
export const Timestamp = z.int().min(0).max(8_640_000_000_000_000)

/**
 * One sign-in/sign-out pair (签到/签退). `kind: "travel"` marks travel time, which is kept as
 * evidence but never counted: 志愿服务记录办法 (民函〔2012〕340号) counts service time as the time
 * actually served, in hours, excluding travel.
 *
 * @since 0.1.0
 * @category service-records
 */
export const ServiceSession = z.strictObject({
  signIn: Timestamp,
  signOut: Timestamp,
  kind: z.enum(["service", "travel"]).optional()
})
/** @since 0.1.0 @category service-records */
export type ServiceSession = z.infer<typeof ServiceSession>

/**
 * Who must approve a record before it can be posted: the organisation's confirmation
 * (谁记录谁证明, 志愿服务记录与证明出具办法（试行） 2021) and, optionally, the beneficiary's
 * acknowledgement — each by `quorum` distinct actors holding one of `roles`.
 *
 * @example
 * ```ts
 * import { RecordWorkflow, defaultWorkflow } from "@jiceng/volunteer-points"
 * RecordWorkflow.safeParse(defaultWorkflow).success //=> true
 * ```
 * @since 0.1.0
 * @category service-records
 */
export const RecordWorkflow = z.strictObject({
  confirm: z.strictObject({ roles: z.array(LedgerId).min(1).max(50), quorum: z.int().min(1).max(50) }),
  acknowledge: z.strictObject({ roles: z.array(LedgerId).min(1).max(50), quorum: z.int().min(1).max(50) }).nullable()
})
/** @since 0.1.0 @category service-records */
export type RecordWorkflow = z.infer<typeof RecordWorkflow>

/**
 * The default workflow: one organisation confirmation, then one beneficiary acknowledgement.
 *
 * @example
 * ```ts
 * import { defaultWorkflow } from "@jiceng/volunteer-points"
 * defaultWorkflow.confirm.roles //=> ["organisation"]
 * ```
 * @since 0.1.0
 * @category service-records
 */
export const defaultWorkflow: RecordWorkflow = {
  confirm: { roles: ["organisation"], quorum: 1 },
  acknowledge: { roles: ["beneficiary"], quorum: 1 }
}

/**
 * Someone acting on a record: an opaque id and the roles they hold.
 *
 * @since 0.1.0
 * @category service-records
 */
export const Actor = z.strictObject({ id: LedgerId, roles: z.array(LedgerId).max(50) })
/** @since 0.1.0 @category service-records */
export type Actor = z.infer<typeof Actor>

/**
 * The states of a record. Only `posted` hours count anywhere — balances, star levels,
 * certificates and leaderboards.
 *
 * @since 0.1.0
 * @category service-records
 */
export const RecordState = z.enum(["draft", "submitted", "confirmed", "acknowledged", "rejected", "posted", "reversed"])
/** @since 0.1.0 @category service-records */
export type RecordState = z.infer<typeof RecordState>

const HistoryEntry = z.strictObject({
  action: z.string(),
  actor: LedgerId,
  /** The roles the actor acted in; the workflow's checks are re-run against them on replay. */
  roles: z.array(LedgerId).max(50).optional(),
  at: Timestamp,
  reason: z.string().optional()
})

/**
 * A volunteer service record (志愿服务记录) as plain data: opaque ids for the volunteer,
 * organisation and beneficiary, the sessions, the state, who approved it and its full
 * history. Records are values; {@link recordAction} returns a new one for every step. The
 * state, minutes and approvals are derived data: {@link verifyRecord} re-derives them by
 * replaying the history, and nothing accepts a record whose claims do not follow from it.
 *
 * @since 0.1.0
 * @category service-records
 */
export const ServiceRecord = z.strictObject({
  id: LedgerId,
  volunteer: LedgerId,
  organisation: LedgerId,
  beneficiary: LedgerId.optional(),
  /** An activity code chosen by the application (no free text, so no personal data). */
  activity: LedgerId.optional(),
  sessions: z.array(ServiceSession).min(1).max(1000),
  /** The id of the posted record this one corrects, if any. */
  corrects: LedgerId.optional(),
  state: RecordState,
  /** Minutes actually served: Σ (signOut − signIn) over service sessions. */
  minutes: z.int().min(0),
  confirmations: z.array(LedgerId),
  acknowledgements: z.array(LedgerId),
  history: z.array(HistoryEntry)
})
/** @since 0.1.0 @category service-records */
export type ServiceRecord = z.infer<typeof ServiceRecord>

/**
 * A step in a record's life. `draft` creates it; `amend` changes the sessions of a draft or a
 * rejected record (with a reason) and sends it back to draft; `submit`, `confirm`,
 * `acknowledge` and `reject` move it through the workflow. Posting and reversal are done by
 * the points system, because they move points.
 *
 * @since 0.1.0
 * @category service-records
 */
export const RecordAction = z.discriminatedUnion("type", [
  z.strictObject({
    type: z.literal("draft"),
    actor: Actor,
    at: Timestamp,
    // The record's own fields; its state, minutes and approvals are derived, never given.
    record: ServiceRecord.pick({
      id: true,
      volunteer: true,
      organisation: true,
      beneficiary: true,
      activity: true,
      sessions: true,
      corrects: true
    })
  }),
  z.strictObject({
    type: z.literal("amend"),
    actor: Actor,
    at: Timestamp,
    sessions: z.array(ServiceSession).min(1).max(1000),
    reason: z.string().min(1).max(500)
  }),
  z.strictObject({ type: z.literal("submit"), actor: Actor, at: Timestamp }),
  z.strictObject({ type: z.literal("confirm"), actor: Actor, at: Timestamp }),
  z.strictObject({ type: z.literal("acknowledge"), actor: Actor, at: Timestamp }),
  z.strictObject({ type: z.literal("reject"), actor: Actor, at: Timestamp, reason: z.string().min(1).max(500) })
])
/** @since 0.1.0 @category service-records */
export type RecordAction = z.infer<typeof RecordAction>

/**
 * Minutes actually served by a list of sessions, or a typed error: a sign-out before its
 * sign-in (`negative_duration`), an empty session (`empty_session`) or two service sessions
 * that overlap (`overlapping_sessions`; a volunteer cannot serve twice at once). Travel
 * sessions are checked but not counted.
 *
 * @example
 * ```ts
 * import { servedMinutes } from "@jiceng/volunteer-points"
 * const h = 3_600_000
 * servedMinutes([{ signIn: 0, signOut: 2 * h }, { signIn: 2 * h, signOut: 2.5 * h, kind: "travel" }]) //=> { ok: true, value: 120 }
 * servedMinutes([{ signIn: h, signOut: 0 }]).ok //=> false
 * ```
 * @since 0.1.0
 * @category service-records
 */
export const servedMinutes = (sessions: ReadonlyArray<ServiceSession>): Result<number, PointsError> => {
  const issues: Array<Issue> = []
  sessions.forEach((s, i) => {
    if (s.signOut < s.signIn)
      issues.push(
        issue(
          ["sessions", i, "signOut"],
          "negative_duration",
          "签退时间早于签到时间",
          "the sign-out is before the sign-in"
        )
      )
    else if (s.signOut === s.signIn)
      issues.push(
        issue(["sessions", i, "signOut"], "empty_session", "签到与签退时间相同", "the session has no duration")
      )
  })
  if (issues.length > 0) return err(new PointsError(issues))
  const overlap = findOverlap(sessions, [])
  if (overlap !== undefined)
    return refuse(
      ["sessions", overlap[1]],
      "overlapping_sessions",
      `第 ${overlap[1]} 段与第 ${overlap[0]} 段签到时间重叠`,
      `session ${overlap[1]} overlaps session ${overlap[0]}`
    )
  let ms = 0
  for (const s of sessions) if (s.kind !== "travel") ms += s.signOut - s.signIn
  // Whole minutes actually served; seconds beyond the last full minute are not credited.
  return ok(Math.floor(ms / 60_000))
}

/**
 * The first pair (i, j) of service sessions that overlap, taking `others` (already posted
 * sessions of the same volunteer) into account: j indexes `sessions`, i indexes `sessions`
 * or, when negative, `others` as −1 − i. Touching ends (one ends when the next starts) are fine.
 */
export const findOverlap = (
  sessions: ReadonlyArray<ServiceSession>,
  others: ReadonlyArray<ServiceSession>
): [number, number] | undefined => {
  const all: Array<[number, number, number]> = []
  sessions.forEach((s, i) => {
    if (s.kind !== "travel") all.push([s.signIn, s.signOut, i])
  })
  others.forEach((s, i) => {
    if (s.kind !== "travel") all.push([s.signIn, s.signOut, -1 - i])
  })
  all.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  let maxEnd = Number.NEGATIVE_INFINITY
  let who = 0
  for (const [start, end, idx] of all) {
    if (start < maxEnd && (idx >= 0 || who >= 0)) return idx >= 0 ? [who, idx] : [idx, who]
    if (end > maxEnd) {
      maxEnd = end
      who = idx
    }
  }
  return undefined
}

const hasRole = (actor: Actor, roles: ReadonlyArray<string>): boolean => actor.roles.some((r) => roles.includes(r))

const stateError = (state: string, action: string) =>
  refuse(
    ["state"],
    "invalid_transition",
    `记录处于“${state}”状态，不能执行“${action}”`,
    `a ${state} record cannot take the "${action}" step`
  )

const readyState = (state: RecordState, workflow: RecordWorkflow): boolean =>
  state === "acknowledged" || (state === "confirmed" && workflow.acknowledge === null)

/**
 * Whether a record has every approval its workflow requires and can be posted: it must
 * replay (see {@link verifyRecord}) to a confirmed record — acknowledged, too, if the
 * workflow has that step. A record that merely says `state: "acknowledged"` is not enough.
 *
 * @example
 * ```ts
 * import { isReadyToPost, recordAction, defaultWorkflow } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const vol = { id: "vol-1", roles: [] }
 * let r = getOrThrow(recordAction(undefined, { type: "draft", actor: vol, at: 0,
 *   record: { id: "rec-1", volunteer: "vol-1", organisation: "org-1", sessions: [{ signIn: 0, signOut: 3_600_000 }] } }))
 * r = getOrThrow(recordAction(r, { type: "submit", actor: vol, at: 1 }))
 * r = getOrThrow(recordAction(r, { type: "confirm", actor: { id: "staff-1", roles: ["organisation"] }, at: 2 }))
 * isReadyToPost(r, defaultWorkflow) //=> false
 * isReadyToPost({ ...r, state: "acknowledged" }, defaultWorkflow) //=> false
 * r = getOrThrow(recordAction(r, { type: "acknowledge", actor: { id: "elder-1", roles: ["beneficiary"] }, at: 3 }))
 * isReadyToPost(r, defaultWorkflow) //=> true
 * ```
 * @since 0.1.0
 * @category service-records
 */
export const isReadyToPost = (record: unknown, workflow: unknown = defaultWorkflow): boolean => {
  const w = RecordWorkflow.safeParse(workflow)
  if (!w.success) return false
  const r = verifyRecord(record, w.data)
  return r.ok && readyState(r.value.state, w.data)
}

const REPLAYABLE = new Set(["amend", "submit", "confirm", "acknowledge", "reject"])

/**
 * Re-derives a record from its history and returns it if every claim follows: the first
 * entry drafts it, each later entry is replayed through the workflow with the roles it was
 * taken in (so the volunteer can never have confirmed or acknowledged, every confirmer
 * holds a confirming role, the quorum counts distinct actors, times never go backwards),
 * and the replayed state, minutes, confirmations and acknowledgements must equal the
 * record's. A `post` or `reverse` entry written by the points system may close the history.
 * Identity is the application's business: the check proves the record is consistent with
 * its workflow, not that each actor id belongs to the person it names.
 *
 * @example
 * ```ts
 * import { recordAction, verifyRecord } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const vol = { id: "vol-1", roles: [] }
 * const r = getOrThrow(recordAction(undefined, { type: "draft", actor: vol, at: 0,
 *   record: { id: "rec-1", volunteer: "vol-1", organisation: "org-1", sessions: [{ signIn: 0, signOut: 3_600_000 }] } }))
 * verifyRecord(r).ok //=> true
 * const forged = { ...r, state: "acknowledged", confirmations: ["vol-1"], acknowledgements: ["vol-1"] }
 * verifyRecord(forged).ok //=> false
 * verifyRecord({ ...r, minutes: 600 }).ok //=> false
 * ```
 * @since 0.1.0
 * @category service-records
 */
export const verifyRecord = (
  record: unknown,
  workflow: unknown = defaultWorkflow
): Result<ServiceRecord, InvalidInputError | PointsError> => {
  const w = validate(RecordWorkflow, workflow)
  if (!w.ok) return err(new InvalidInputError(w.error.issues.map((i) => ({ ...i, path: ["workflow", ...i.path] }))))
  const parsed = validate(ServiceRecord, record)
  if (!parsed.ok) return parsed
  return replay(parsed.value, w.value)
}

const tampered = (path: ReadonlyArray<string | number>, zh: string, en: string) =>
  refuse(path, "record_tampered", `记录与其历史不符：${zh}`, `the record does not follow from its history: ${en}`)

const replay = (claimed: ServiceRecord, flow: RecordWorkflow): Result<ServiceRecord, PointsError> => {
  const h = claimed.history
  const first = h[0]
  if (first === undefined || first.action !== "draft")
    return tampered(["history", 0], "第一条历史必须是起草", "the first history entry must be the draft")
  const actorOf = (e: (typeof h)[number]): Actor => ({ id: e.actor, roles: e.roles ?? [] })
  const content: ServiceRecord = { ...claimed }
  const draftRecord: Extract<RecordAction, { type: "draft" }>["record"] = {
    id: content.id,
    volunteer: content.volunteer,
    organisation: content.organisation,
    sessions: content.sessions
  }
  if (content.beneficiary !== undefined) draftRecord.beneficiary = content.beneficiary
  if (content.activity !== undefined) draftRecord.activity = content.activity
  if (content.corrects !== undefined) draftRecord.corrects = content.corrects
  // Every amendment is replayed with the final sessions: an amendment resets all approvals,
  // so earlier sessions cannot affect anything the record now claims.
  const started = step(undefined, { type: "draft", actor: actorOf(first), at: first.at, record: draftRecord }, flow)
  if (!started.ok) return err(prefixed(started.error, ["history", 0]))
  let r = started.value
  for (let k = 1; k < h.length; k++) {
    const e = h[k]!
    const actor = actorOf(e)
    if ((e.action === "post" || e.action === "reverse") && e.actor === "ledger") {
      // Written by the points system; the workflow states are terminal after them.
      const allowed = e.action === "post" ? readyState(r.state, flow) : r.state === "posted"
      if (!allowed || e.at < h[k - 1]!.at)
        return tampered(["history", k], `第 ${k} 条记入/冲正记录位置不当`, `entry ${k} posts or reverses out of turn`)
      r = { ...r, state: e.action === "post" ? "posted" : "reversed", history: [...r.history, e] }
      continue
    }
    if (!REPLAYABLE.has(e.action))
      return tampered(["history", k, "action"], `未知的步骤“${e.action}”`, `unknown step "${e.action}"`)
    const reason = e.reason ?? ""
    const action: RecordAction =
      e.action === "amend"
        ? { type: "amend", actor, at: e.at, sessions: content.sessions, reason }
        : e.action === "reject"
          ? { type: "reject", actor, at: e.at, reason }
          : { type: e.action as "submit" | "confirm" | "acknowledge", actor, at: e.at }
    const next = step(r, action, flow)
    if (!next.ok) return err(prefixed(next.error, ["history", k]))
    r = next.value
  }
  for (const field of ["minutes", "state", "confirmations", "acknowledgements", "history"] as const)
    if (canonicalJson(r[field]) !== canonicalJson(claimed[field]))
      return field === "minutes"
        ? refuse(
            ["minutes"],
            "minutes_mismatch",
            "记录的时长与签到签退时间不符",
            "the record's minutes do not match its sessions"
          )
        : tampered([field], `“${field}”与重放结果不同`, `its ${field} differ from the replayed ones`)
  return ok(claimed)
}

/**
 * Applies one workflow step to a record (or creates it with `draft`) and returns the new
 * record; the input is never mutated. Draft → submitted → confirmed (by `quorum` distinct
 * organisation actors) → acknowledged (by the beneficiary) is the happy path; `reject` sends a
 * submitted or confirmed record to `rejected`, and `amend` brings a draft or rejected record
 * back to `draft` with corrected sessions and clears its approvals. A volunteer can never
 * confirm or acknowledge their own record.
 *
 * @example
 * ```ts
 * import { recordAction, defaultWorkflow } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const h = 3_600_000
 * const vol = { id: "vol-1", roles: ["volunteer"] }
 * let r = getOrThrow(recordAction(undefined, { type: "draft", actor: vol, at: 3 * h,
 *   record: { id: "rec-1", volunteer: "vol-1", organisation: "org-1", sessions: [{ signIn: 0, signOut: 2 * h }] } }))
 * r = getOrThrow(recordAction(r, { type: "submit", actor: vol, at: 3 * h }))
 * r = getOrThrow(recordAction(r, { type: "confirm", actor: { id: "staff-1", roles: ["organisation"] }, at: 4 * h }))
 * r = getOrThrow(recordAction(r, { type: "acknowledge", actor: { id: "elder-1", roles: ["beneficiary"] }, at: 5 * h }))
 * r.state //=> "acknowledged"
 * r.minutes //=> 120
 * recordAction(r, { type: "confirm", actor: vol, at: 6 * h }).ok //=> false
 * ```
 * @since 0.1.0
 * @category service-records
 */
export const recordAction = (
  record: unknown,
  action: unknown,
  workflow: unknown = defaultWorkflow
): Result<ServiceRecord, InvalidInputError | PointsError> => {
  const a = validate(RecordAction, action)
  if (!a.ok) return a
  const w = validate(RecordWorkflow, workflow)
  if (!w.ok) return err(new InvalidInputError(w.error.issues.map((i) => ({ ...i, path: ["workflow", ...i.path] }))))
  if (a.value.type === "draft") {
    if (record !== undefined)
      return refuse(["record"], "record_exists", "记录已存在，不能重新起草", "the record already exists")
    return step(undefined, a.value, w.value)
  }
  const parsed = validate(ServiceRecord, record)
  if (!parsed.ok)
    return err(new InvalidInputError(parsed.error.issues.map((i) => ({ ...i, path: ["record", ...i.path] }))))
  // The record's claims are re-derived before anything builds on them.
  const verified = replay(parsed.value, w.value)
  if (!verified.ok) return err(prefixed(verified.error, ["record"]))
  return step(verified.value, a.value, w.value)
}

/** One workflow step on a record already known to be consistent (or a draft); never mutates. */
const step = (
  record: ServiceRecord | undefined,
  act: RecordAction,
  flow: RecordWorkflow
): Result<ServiceRecord, PointsError> => {
  if (act.type === "draft") {
    const minutes = servedMinutes(act.record.sessions)
    if (!minutes.ok) return err(prefixed(minutes.error, ["record"]))
    const r: ServiceRecord = {
      ...act.record,
      state: "draft",
      minutes: minutes.value,
      confirmations: [],
      acknowledgements: [],
      history: [{ action: "draft", actor: act.actor.id, roles: act.actor.roles, at: act.at }]
    }
    return ok(r)
  }
  if (record === undefined) return refuse(["record"], "record_missing", "记录不存在", "there is no record to act on")
  const r = record
  const last = r.history[r.history.length - 1]
  if (last !== undefined && act.at < last.at)
    return refuse(
      ["at"],
      "time_went_backwards",
      `步骤时间 ${act.at} 早于上一步 ${last.at}`,
      `at ${act.at} is before the previous step's time ${last.at}`
    )
  const log = (extra: Partial<ServiceRecord>, reason?: string): ServiceRecord => ({
    ...r,
    ...extra,
    history: [
      ...r.history,
      reason === undefined
        ? { action: act.type, actor: act.actor.id, roles: act.actor.roles, at: act.at }
        : { action: act.type, actor: act.actor.id, roles: act.actor.roles, at: act.at, reason }
    ]
  })
  const own = act.actor.id === r.volunteer
  switch (act.type) {
    case "amend": {
      if (r.state !== "draft" && r.state !== "rejected") return stateError(r.state, "amend")
      const minutes = servedMinutes(act.sessions)
      if (!minutes.ok) return minutes
      return ok(
        log(
          { sessions: act.sessions, minutes: minutes.value, state: "draft", confirmations: [], acknowledgements: [] },
          act.reason
        )
      )
    }
    case "submit":
      if (r.state !== "draft") return stateError(r.state, "submit")
      return ok(log({ state: "submitted" }))
    case "confirm": {
      if (r.state !== "submitted") return stateError(r.state, "confirm")
      if (own || !hasRole(act.actor, flow.confirm.roles))
        return refuse(
          ["actor"],
          "not_authorised",
          `只有${flow.confirm.roles.join("、")}角色（且非志愿者本人）可以确认记录`,
          `only ${flow.confirm.roles.join(", ")} (not the volunteer) may confirm a record`
        )
      if (r.confirmations.includes(act.actor.id))
        return refuse(["actor"], "already_approved", "该人员已确认过此记录", "this actor already confirmed the record")
      const confirmations = [...r.confirmations, act.actor.id]
      return ok(log({ confirmations, state: confirmations.length >= flow.confirm.quorum ? "confirmed" : "submitted" }))
    }
    case "acknowledge": {
      const ack = flow.acknowledge
      if (ack === null)
        return refuse(["type"], "not_required", "本流程不需要服务对象确认", "this workflow has no acknowledgement step")
      if (r.state !== "confirmed") return stateError(r.state, "acknowledge")
      // Someone qualifying only as "beneficiary" must be this record's beneficiary; other
      // acknowledging roles (e.g. a "proxy" agency named by the 街道, as Beijing allows) may act for them.
      const qualifying = ack.roles.filter((role) => act.actor.roles.includes(role))
      const forThem =
        r.beneficiary === undefined || act.actor.id === r.beneficiary || qualifying.some((q) => q !== "beneficiary")
      if (own || qualifying.length === 0 || !forThem)
        return refuse(
          ["actor"],
          "not_authorised",
          "只有服务对象本人（或其代办人）可以确认接受服务",
          "only the beneficiary (or their proxy) may acknowledge the service"
        )
      if (r.acknowledgements.includes(act.actor.id))
        return refuse(
          ["actor"],
          "already_approved",
          "该人员已确认过此记录",
          "this actor already acknowledged the record"
        )
      const acknowledgements = [...r.acknowledgements, act.actor.id]
      return ok(log({ acknowledgements, state: acknowledgements.length >= ack.quorum ? "acknowledged" : "confirmed" }))
    }
    case "reject": {
      if (r.state !== "submitted" && r.state !== "confirmed") return stateError(r.state, "reject")
      const roles = [...flow.confirm.roles, ...(flow.acknowledge?.roles ?? [])]
      if (own || !hasRole(act.actor, roles))
        return refuse(["actor"], "not_authorised", "无权驳回此记录", "this actor may not reject the record")
      return ok(log({ state: "rejected" }, act.reason))
    }
  }
}

const prefixed = (e: PointsError, path: ReadonlyArray<string | number>): PointsError =>
  new PointsError(e.issues.map((i) => ({ ...i, path: [...path, ...i.path] })))
