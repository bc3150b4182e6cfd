import { createRng, err, type InvalidInputError, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import { OBLIGOR_FLAG, PERSON_FLAG } from "./internal/rules.ts"
import type { Population } from "./Population.ts"

/**
 * Options of {@link syntheticPopulation}: a seed, a number of households, and the dibao line
 * the income distributions are scaled to (default ¥1,450 a month).
 *
 * @example
 * ```ts
 * import { SyntheticOptions } from "@jiceng/relief-calculator"
 * SyntheticOptions.safeParse({ seed: 1, size: -5 }).success //=> false
 * ```
 * @since 0.1.0
 * @category populations
 */
export const SyntheticOptions = z.object({
  seed: z.union([z.int(), z.string()]),
  size: z.int().min(0).max(5_000_000),
  lineFen: z.int().min(1000).max(10_000_000).optional()
})
/** @since 0.1.0 @category populations */
export type SyntheticOptions = z.infer<typeof SyntheticOptions>

/** Household types of a synthetic population, in `groupLabels` order. */
const GROUPS = [
  "single elderly 独居老人",
  "elderly couple 老年夫妇",
  "family with children 有子女家庭",
  "with a disabled member 有残疾成员",
  "single adult 单身成年人"
]

/**
 * A seeded generator of plausible — and clearly synthetic — households for demos, tests and
 * notebooks: five household types, incomes scaled to the line, some medical and education
 * spending, relatives living apart, disabilities and self-care limits. Equal seeds give equal
 * populations. Not survey data: never use it to estimate real caseloads.
 *
 * @example
 * ```ts
 * import { syntheticPopulation } from "@jiceng/relief-calculator"
 * const a = syntheticPopulation({ seed: 7, size: 100 })
 * const b = syntheticPopulation({ seed: 7, size: 100 })
 * a.ok && b.ok && a.value.persons.count === b.value.persons.count //=> true
 * a.ok && a.value.synthetic //=> true
 * ```
 * @since 0.1.0
 * @category populations
 */
export const syntheticPopulation = (options: unknown): Result<Population, InvalidInputError> => {
  const o = validate(SyntheticOptions, options)
  if (!o.ok) return err(o.error)
  const { seed, size } = o.value
  const line = o.value.lineFen ?? 145000
  const rng = createRng(seed)
  const type = new Uint8Array(size)
  const members = new Uint8Array(size)
  let P = 0
  for (let i = 0; i < size; i++) {
    const u = rng.float()
    const t = u < 0.15 ? 0 : u < 0.3 ? 1 : u < 0.7 ? 2 : u < 0.85 ? 3 : 4
    type[i] = t
    members[i] = t === 0 || t === 4 ? 1 : t === 1 ? 2 : t === 2 ? rng.int(3, 5) : rng.int(2, 4)
    P += members[i]!
  }
  // Log-normal amounts with the given mean; the second argument is the log-scale spread.
  const money = (mean: number, spread: number): number =>
    Math.round(mean * Math.exp(rng.normal(-(spread * spread) / 2, spread)))
  const hs = {
    count: size,
    group: type,
    depositsFen: new Float64Array(size),
    vehicles: new Uint8Array(size),
    homes: new Uint8Array(size),
    medicalFen: new Float64Array(size),
    educationFen: new Float64Array(size),
    disabilityCareFen: new Float64Array(size),
    obligorSize: new Uint8Array(size),
    obligorAge: new Uint8Array(size),
    obligorIncomeFen: new Float64Array(size),
    obligorOwnIncomeFen: new Float64Array(size),
    obligorSupported: new Uint8Array(size),
    obligorFlags: new Uint8Array(size),
    obligorActualFen: new Float64Array(size),
    prevDibaoFen: new Float64Array(size),
    exitMonthsUsed: new Uint8Array(size),
    employmentGained: new Uint8Array(size)
  }
  const ps = {
    count: P,
    household: new Int32Array(P),
    age: new Uint8Array(P),
    wagesFen: new Float64Array(P),
    pensionFen: new Float64Array(P),
    basicPensionFen: new Float64Array(P),
    disabilityKind: new Uint8Array(P),
    disabilityGrade: new Uint8Array(P),
    flags: new Uint8Array(P),
    selfCareFailed: new Uint8Array(P)
  }
  let j = 0
  for (let i = 0; i < size; i++) {
    const t = type[i]!
    const n = members[i]!
    const elderly = t === 0 || t === 1
    for (let k = 0; k < n; k++, j++) {
      ps.household[j] = i
      if (elderly) {
        ps.age[j] = rng.int(60, 92)
        ps.pensionFen[j] = rng.chance(0.9) ? money(line * 2.2, 0.5) : 0
        ps.basicPensionFen[j] = money(line * 0.12, 0.2)
        if (rng.chance(0.3)) ps.selfCareFailed[j] = rng.int(1, 6)
      } else if (k < (t === 2 || t === 3 ? 2 : 1) || t === 4) {
        ps.age[j] = rng.int(22, 59)
        const working = rng.chance(0.85)
        ps.wagesFen[j] = working ? money(line * 3.5, 0.6) : 0
        if (working) ps.flags[j]! |= PERSON_FLAG.employed
      } else {
        ps.age[j] = t === 2 ? rng.int(0, 17) : rng.int(10, 59)
      }
      if (rng.chance(0.02)) ps.flags[j]! |= PERSON_FLAG.catastrophicIllness
    }
    if (t === 3) {
      // One member of a type-3 household holds a disability certificate.
      const d = j - 1 - rng.int(0, n - 1)
      ps.disabilityKind[d] = rng.int(1, 6)
      ps.disabilityGrade[d] = rng.int(1, 4)
      ps.flags[d]! &= ~PERSON_FLAG.employed
      ps.wagesFen[d] = 0
      hs.disabilityCareFen[i] = rng.chance(0.5) ? money(line * 0.2, 0.5) : 0
    }
    if (rng.chance(0.2)) hs.medicalFen[i] = money(line * 0.4, 0.8)
    if (t === 2 && rng.chance(0.3)) hs.educationFen[i] = money(line * 0.3, 0.5)
    hs.depositsFen[i] = money(line * 6, 1)
    hs.homes[i] = rng.chance(0.05) ? 2 : 1
    hs.vehicles[i] = rng.chance(0.05) ? 1 : 0
    if (elderly && rng.chance(0.6)) {
      hs.obligorSize[i] = rng.int(1, 4)
      hs.obligorAge[i] = rng.int(30, 65)
      hs.obligorIncomeFen[i] = money(line * 2.2 * hs.obligorSize[i]!, 0.6)
      hs.obligorOwnIncomeFen[i] = Math.round(hs.obligorIncomeFen[i]! / 2)
      hs.obligorSupported[i] = n + rng.int(0, 3)
      hs.obligorFlags[i] = rng.chance(0.05) ? OBLIGOR_FLAG.dibao : 0
      hs.obligorActualFen[i] = rng.chance(0.5) ? money(line * 0.2, 0.5) : 0
    }
    if (!elderly && rng.chance(0.03)) {
      hs.prevDibaoFen[i] = money(line * 0.5, 0.3) || 100
      hs.exitMonthsUsed[i] = rng.int(0, 6)
      hs.employmentGained[i] = 1
    }
  }
  return ok({ synthetic: true, groupLabels: GROUPS, households: hs, persons: ps })
}
