import { createRng, err, InvalidInputError, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { createPointsSystem, type Liability, type PointsSystem } from "./createPointsSystem.ts"
import { type Relation, Scheme, schemes } from "./schemes.ts"
import { recordAction, type ServiceRecord } from "./serviceRecord.ts"
import { nationalStarTable, starLevel } from "./starLevel.ts"

const P = z.number().min(0).max(1)

/**
 * Parameters of {@link simulateScheme}. Probabilities are per agent per week; they describe
 * behaviour, not law, so they are plain numbers.
 *
 * @since 0.1.0
 * @category simulation
 */
export const SimulationInput = z.strictObject({
  seed: z.int().min(0).max(0xffff_ffff),
  /** The scheme to run (default: the Beijing time bank). */
  scheme: Scheme.optional(),
  agents: z.int().min(2).max(20_000).optional(),
  weeks: z.int().min(1).max(520).optional(),
  /** Share of agents who are elders needing care (the demand side). */
  elderShare: P.optional(),
  /** Chance a volunteer serves in a given week (1–3 hours, recorded and posted). */
  serviceRate: P.optional(),
  /** Chance an elder asks for care in a given week. */
  demandRate: P.optional(),
  /** Chance a volunteer gifts some of their balance to an elder relative in a given week. */
  giftRate: P.optional(),
  /** Chance a holder donates part of their balance in a given week. */
  donateRate: P.optional(),
  /** Chance a record is rejected by the organisation and never posted. */
  rejectRate: P.optional(),
  /** Units the fund grants each elder at the start (Nanjing's fund for elders living alone). */
  elderGrant: z.int().min(0).max(1_000_000).optional()
})
/** @since 0.1.0 @category simulation */
export type SimulationInput = z.infer<typeof SimulationInput>

/**
 * One week of a simulation: the liability identity's terms (cumulative), flows of the week,
 * time-bank supply and demand, and inequality.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimulationWeek extends Liability {
  readonly week: number
  /** Minutes actually served and posted this week (supply). */
  readonly supplyMinutes: number
  /** Units of care or goods requested this week (demand). */
  readonly demandUnits: number
  /** Units of demand met by a redemption this week. */
  readonly metUnits: number
  /** Units redeemed this week ÷ outstanding at the start of the week (0 when nothing was outstanding). */
  readonly redemptionVelocity: number
  /** Expired ÷ issued, cumulative: the share of issued units never used (breakage). */
  readonly breakage: number
  /** Gini coefficient of holders' balances (0 = equal). */
  readonly gini: number
}

/**
 * The result of a run: one row per week, the final star-level distribution of volunteers
 * (national table, certified hours only), the seed, and whether the ledger verified.
 *
 * @since 0.1.0
 * @category simulation
 */
export interface SimulationResult {
  readonly seed: number
  readonly scheme: string
  readonly weeks: ReadonlyArray<SimulationWeek>
  /** Volunteers per star level, index 0 = no star. */
  readonly stars: ReadonlyArray<number>
  readonly operations: number
  readonly verified: boolean
}

const DAY = 86_400_000
const WEEK = 7 * DAY
const H = 3_600_000

/**
 * The Gini coefficient of non-negative values (0 for all-equal or empty input).
 *
 * @example
 * ```ts
 * import { gini } from "@jiceng/volunteer-points"
 * gini([1, 1, 1, 1]) //=> 0
 * gini([0, 0, 0, 4]) //=> 0.75
 * ```
 * @since 0.1.0
 * @category simulation
 */
export const gini = (values: ReadonlyArray<number>): number => {
  const xs = [...values].sort((a, b) => a - b)
  const n = xs.length
  let sum = 0
  let weighted = 0
  xs.forEach((x, i) => {
    sum += x
    weighted += (i + 1) * x
  })
  return n === 0 || sum === 0 ? 0 : (2 * weighted) / (n * sum) - (n + 1) / n
}

const SYSTEM = { id: "simulation", roles: ["organisation", "beneficiary", "proxy"] }

/**
 * A seeded agent simulation of a scheme for researchers: volunteers serve (each record goes
 * through the workflow and is posted), elders ask for care and redeem what they hold,
 * volunteers gift to elder relatives and donate, lots expire where the scheme says so — every
 * movement a ledger transfer. Reports outstanding liability, breakage, redemption velocity,
 * the Gini of balances, the star distribution and supply against demand, week by week. The
 * same seed always gives the same result.
 *
 * @example
 * ```ts
 * import { simulateScheme } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const run = getOrThrow(simulateScheme({ seed: 7, agents: 30, weeks: 8 }))
 * run.weeks.length //=> 8
 * run.verified //=> true
 * const last = run.weeks[7]!
 * last.issued - last.redeemed - last.expired - last.donated === last.outstanding //=> true
 * ```
 * @since 0.1.0
 * @category simulation
 */
export const simulateScheme = (input: unknown): Result<SimulationResult, InvalidInputError> => {
  const parsed = validate(SimulationInput, input)
  if (!parsed.ok) return parsed
  const p = parsed.value
  const scheme = p.scheme ?? schemes.beijing[0]!.value
  const created = createPointsSystem(scheme)
  if (!created.ok) return created
  const s = created.value
  const rng = createRng(p.seed)
  const n = p.agents ?? 200
  const elders = Math.max(1, Math.round(n * (p.elderShare ?? 0.2)))
  const volunteers = n - elders
  const serviceRate = p.serviceRate ?? 0.3
  const demandRate = p.demandRate ?? 0.25
  const giftRate = p.giftRate ?? 0.05
  const donateRate = p.donateRate ?? 0.01
  const rejectRate = p.rejectRate ?? 0.05
  const ages = Array.from({ length: n }, (_, i) => (i < volunteers ? rng.int(18, 75) : rng.int(60, 95)))
  const ids = Array.from({ length: n }, (_, i) => (i < volunteers ? `v${i}` : `e${i - volunteers}`))
  const opened = s.openHolders(ids.map((id) => ({ id })))
  if (!opened.ok) return err(asInvalid(opened.error))
  const catalogue = scheme.redemption.catalogue
  if (catalogue.length === 0)
    return err(
      new InvalidInputError([
        {
          path: ["scheme", "redemption", "catalogue"],
          code: "empty_catalogue",
          message: { zh: "兑换目录为空", en: "the catalogue is empty" }
        }
      ])
    )
  const giftRelation: Relation | undefined = (["parent", "friend", "spouse"] as const).find((r) =>
    scheme.gifts.relations.includes(r)
  )
  let seq = 0
  let at = 0
  const tick = () => {
    at += 1
    seq++
    return { id: `s${seq}`, at }
  }
  if (p.elderGrant !== undefined && p.elderGrant > 0)
    for (let e = volunteers; e < n; e++) s.issue({ ...tick(), holder: ids[e], amount: p.elderGrant })

  const weeks: Array<SimulationWeek> = []
  let prev = s.liability()
  for (let w = 0; w < (p.weeks ?? 52); w++) {
    const start = w * WEEK
    at = Math.max(at, start + 6 * DAY)
    let supply = 0
    let demand = 0
    let met = 0
    // Supply: volunteers serve on their weekday, 1–3 hours; the organisation confirms, the
    // beneficiary acknowledges, and the record is posted — unless it is rejected.
    for (let v = 0; v < volunteers; v++) {
      if (!rng.chance(serviceRate)) continue
      const signIn = start + (v % 5) * DAY + 9 * H
      const hours = rng.int(1, 3)
      const record = approve(`w${w}-v${v}`, ids[v]!, signIn, signIn + hours * H, rng.chance(rejectRate))
      if (record === undefined) continue
      const r = s.postRecord({ record, at: tick().at })
      if (r.ok) supply += record.minutes
    }
    // Demand: elders (and volunteers old enough) ask for care or goods and redeem if they can.
    for (let i = 0; i < n; i++) {
      const elder = i >= volunteers
      if (!(elder ? rng.chance(demandRate) : rng.chance(demandRate / 10))) continue
      const item = rng.pick(catalogue)
      demand += item.price
      const beneficiary =
        scheme.withdrawal === undefined ? {} : { beneficiary: { relation: "self" as const, age: ages[i]! } }
      const r = s.redeem({ ...tick(), holder: ids[i], sku: item.sku, ...beneficiary })
      if (r.ok) met += r.value.amount
    }
    // Gifts to an elder relative, and donations.
    for (let v = 0; v < volunteers; v++) {
      const bal = s.balance(ids[v]!) ?? 0
      if (bal <= 1) continue
      if (giftRelation !== undefined && rng.chance(giftRate))
        s.gift({
          ...tick(),
          from: ids[v],
          to: ids[volunteers + rng.int(0, elders - 1)],
          relation: giftRelation,
          amount: Math.ceil(bal / 2)
        })
      else if (scheme.donations && rng.chance(donateRate))
        s.donate({ ...tick(), holder: ids[v], amount: Math.ceil(bal / 4) })
    }
    at = Math.max(at, start + WEEK - 1)
    s.expire({ at })
    const l = s.liability()
    weeks.push({
      week: w + 1,
      ...l,
      supplyMinutes: supply,
      demandUnits: demand,
      metUnits: met,
      redemptionVelocity: prev.outstanding === 0 ? 0 : (l.redeemed - prev.redeemed) / prev.outstanding,
      breakage: l.issued === 0 ? 0 : l.expired / l.issued,
      gini: gini(ids.map((id) => s.balance(id) ?? 0))
    })
    prev = l
  }
  const stars = [0, 0, 0, 0, 0, 0]
  for (let v = 0; v < volunteers; v++) {
    const k = starLevel(Math.floor(s.certifiedMinutes(ids[v]!) / 60), nationalStarTable)
    stars[k] = (stars[k] ?? 0) + 1
  }
  return ok({ seed: p.seed, scheme: scheme.id, weeks, stars, operations: seq, verified: verified(s) })
}

const verified = (s: PointsSystem): boolean => s.verify().ok

const approve = (
  id: string,
  volunteer: string,
  signIn: number,
  signOut: number,
  reject: boolean
): ServiceRecord | undefined => {
  const vol = { id: volunteer, roles: ["volunteer"] }
  let r = recordAction(undefined, {
    type: "draft",
    actor: vol,
    at: signOut,
    record: { id, volunteer, organisation: "org", sessions: [{ signIn, signOut }] }
  })
  if (r.ok) r = recordAction(r.value, { type: "submit", actor: vol, at: signOut })
  if (r.ok && reject) return undefined
  if (r.ok) r = recordAction(r.value, { type: "confirm", actor: SYSTEM, at: signOut })
  if (r.ok) r = recordAction(r.value, { type: "acknowledge", actor: SYSTEM, at: signOut })
  return r.ok ? r.value : undefined
}

const asInvalid = (e: { issues: InvalidInputError["issues"] }): InvalidInputError => new InvalidInputError(e.issues)
