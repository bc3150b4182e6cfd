import { err, InvalidInputError, type Issue, issue, ok, type Result } from "@jiceng/core"
import { DisabilityKind, ExclusionStatus, type Household, type Member, type Obligor } from "./Household.ts"
import { OBLIGOR_FLAG, PERSON_FLAG } from "./internal/rules.ts"
import { type IncomeKind, MAX_FEN } from "./Policy.ts"

/**
 * Household columns of a {@link Population}; every array has `count` entries and missing
 * columns read as zeros. Money is integer fen in `Float64Array`s. One obligor per household
 * (supporting every member) can be given here, where `obligorSize > 0` (the other `obligor*`
 * values of a row without one are never read); households with more obligors list them in
 * {@link ObligorColumns}. `obligorFlags` bits:
 * 1 on dibao, 2 特困, 4 severe disability, 8 lacks capacity/missing/imprisoned, 16 assets within
 * low-income rules, 32 has a judgment (`obligorJudgmentFen`), 64 has an agreement.
 *
 * @example
 * ```ts
 * import type { HouseholdColumns } from "@jiceng/relief-calculator"
 * const h: HouseholdColumns = { count: 1, medicalFen: Float64Array.of(60000) }
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface HouseholdColumns {
  readonly count: number
  /** Index into `groupLabels`, for comparisons by group. */
  readonly group?: Uint8Array
  readonly depositsFen?: Float64Array
  readonly vehicles?: Uint8Array
  readonly homes?: Uint8Array
  readonly medicalFen?: Float64Array
  readonly educationFen?: Float64Array
  readonly disabilityCareFen?: Float64Array
  readonly rentFen?: Float64Array
  readonly employmentCostFen?: Float64Array
  readonly basicLivingFen?: Float64Array
  readonly obligorSize?: Uint8Array
  readonly obligorAge?: Uint8Array
  readonly obligorIncomeFen?: Float64Array
  readonly obligorOwnIncomeFen?: Float64Array
  /**
   * Everyone the obligor supports, in this household and elsewhere; the obligor supports every
   * listed member, so this is at least the household's member count (0 reads as that count).
   */
  readonly obligorSupported?: Uint8Array
  /** 0 reads as 1. */
  readonly obligorChildren?: Uint8Array
  readonly obligorFlags?: Uint8Array
  readonly obligorJudgmentFen?: Float64Array
  readonly obligorAgreementFen?: Float64Array
  readonly obligorActualFen?: Float64Array
  readonly prevDibaoFen?: Float64Array
  readonly exitMonthsUsed?: Uint8Array
  readonly employmentGained?: Uint8Array
}

/**
 * Person columns of a {@link Population}: `household` is each person's household row and must
 * be non-decreasing (persons grouped by household). `disabilityKind` is 0 (none) or 1–6 in the
 * order of `DisabilityKind`; `excluded` is 0 or 1–4 in the order of `ExclusionStatus`; `flags`
 * bits: 1 catastrophic illness, 2 employed, 4 chose the orphan benefit, 8 already receives 特困
 * support granted as a minor, 16 in school (compulsory, senior high or secondary vocational).
 *
 * @example
 * ```ts
 * import type { PersonColumns } from "@jiceng/relief-calculator"
 * const p: PersonColumns = { count: 1, household: Int32Array.of(0), age: Uint8Array.of(70) }
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface PersonColumns {
  readonly count: number
  readonly household: Int32Array
  readonly age: Uint8Array
  readonly wagesFen?: Float64Array
  readonly businessFen?: Float64Array
  readonly propertyFen?: Float64Array
  readonly pensionFen?: Float64Array
  readonly basicPensionFen?: Float64Array
  readonly oldAgeAllowanceFen?: Float64Array
  readonly assistanceFen?: Float64Array
  readonly disabilityKind?: Uint8Array
  readonly disabilityGrade?: Uint8Array
  readonly flags?: Uint8Array
  readonly excluded?: Uint8Array
  readonly selfCareFailed?: Uint8Array
}

/**
 * Obligor columns of a {@link Population}: relatives living apart who owe support
 * (赡养/抚养/扶养义务人), any number per household, each supporting every member of its
 * household. `household` must be non-decreasing (obligors grouped by household) and `size` is
 * the obligor's own household size (1–50). Flags and money as in the `obligor*` household
 * columns; `supported` (everyone the obligor supports) is at least the household's member count,
 * and 0 reads as that count; 0 in `children` reads as 1. Together with a household-column
 * obligor, a household has at most 20.
 *
 * @example
 * ```ts
 * import type { ObligorColumns } from "@jiceng/relief-calculator"
 * // Two sons of household 0, one of them on dibao.
 * const o: ObligorColumns = { count: 2, household: Int32Array.of(0, 0), size: Uint8Array.of(3, 2), age: Uint8Array.of(45, 62), flags: Uint8Array.of(0, 1) }
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface ObligorColumns {
  readonly count: number
  readonly household: Int32Array
  readonly size: Uint8Array
  readonly age?: Uint8Array
  readonly incomeFen?: Float64Array
  readonly ownIncomeFen?: Float64Array
  readonly supported?: Uint8Array
  readonly children?: Uint8Array
  readonly flags?: Uint8Array
  readonly judgmentFen?: Float64Array
  readonly agreementFen?: Float64Array
  readonly actualFen?: Float64Array
}

/**
 * A columnar population (typed arrays, struct of arrays) for batch assessment: raw person
 * records grouped into households, and optionally an obligor table for households with
 * several relatives living apart. `synthetic: true` labels generated data.
 *
 * @example
 * ```ts
 * import type { Population } from "@jiceng/relief-calculator"
 * const pop: Population = {
 *   households: { count: 1 },
 *   persons: { count: 2, household: Int32Array.of(0, 0), age: Uint8Array.of(40, 9), wagesFen: Float64Array.of(200000, 0) }
 * }
 * ```
 * @since 0.1.0
 * @category populations
 */
export interface Population {
  readonly synthetic?: boolean
  readonly groupLabels?: ReadonlyArray<string>
  readonly households: HouseholdColumns
  readonly persons: PersonColumns
  readonly obligors?: ObligorColumns
}

type Req<T> = { readonly [K in keyof T]-?: Exclude<T[K], undefined> }

/**
 * The obligor columns read per obligor, under one shape for both places an obligor can be
 * given: the `obligor*` household columns (indexed by household row) and the obligor table
 * (indexed by table row). Flags are {@link OBLIGOR_FLAG} bits.
 */
export interface ObligorView {
  readonly age: Uint8Array
  readonly ownIncomeFen: Float64Array
  readonly incomeFen: Float64Array
  readonly size: Uint8Array
  readonly supported: Uint8Array
  readonly children: Uint8Array
  readonly flags: Uint8Array
  readonly judgmentFen: Float64Array
  readonly agreementFen: Float64Array
  readonly actualFen: Float64Array
}

// One literal, so both views share a hidden class and the kernel's reads stay monomorphic.
const obligorView = (c: ObligorView): ObligorView => ({
  age: c.age,
  ownIncomeFen: c.ownIncomeFen,
  incomeFen: c.incomeFen,
  size: c.size,
  supported: c.supported,
  children: c.children,
  flags: c.flags,
  judgmentFen: c.judgmentFen,
  agreementFen: c.agreementFen,
  actualFen: c.actualFen
})

/** A validated population with every column present and person offsets per household. */
export interface Columns {
  readonly h: Req<HouseholdColumns>
  readonly p: Req<PersonColumns>
  readonly o: Req<ObligorColumns>
  /** The household-column obligor of row i (present where `obligorSize[i] > 0`). */
  readonly householdObligor: ObligorView
  /** The obligor table, row by row. */
  readonly tableObligors: ObligorView
  /** Persons of household i are start[i] … start[i+1]−1. */
  readonly start: Int32Array
  /** Obligors (table rows) of household i are ostart[i] … ostart[i+1]−1. */
  readonly ostart: Int32Array
  readonly groupLabels: ReadonlyArray<string>
  /** Person income columns the caller actually supplied (the rest are shared zeros). */
  readonly incomeColumns: ReadonlyArray<(typeof PERSON_INCOME_COLUMNS)[number]>
}

/** The person income columns and the income kind each one carries. */
export const PERSON_INCOME_COLUMNS = [
  ["wagesFen", "wages"],
  ["businessFen", "business"],
  ["propertyFen", "property"],
  ["pensionFen", "pension"],
  ["basicPensionFen", "basicPensionCentral"],
  ["oldAgeAllowanceFen", "oldAgeAllowance"],
  ["assistanceFen", "socialAssistance"]
] as const satisfies ReadonlyArray<readonly [keyof PersonColumns, IncomeKind]>

const H_MONEY = [
  "depositsFen",
  "medicalFen",
  "educationFen",
  "disabilityCareFen",
  "rentFen",
  "employmentCostFen",
  "basicLivingFen",
  "obligorIncomeFen",
  "obligorOwnIncomeFen",
  "obligorJudgmentFen",
  "obligorAgreementFen",
  "obligorActualFen",
  "prevDibaoFen"
] as const
const H_SMALL = [
  ["group", 255],
  ["vehicles", 100],
  ["homes", 100],
  ["obligorSize", 50],
  ["obligorAge", 130],
  ["obligorSupported", 50],
  ["obligorChildren", 30],
  ["obligorFlags", 127],
  ["exitMonthsUsed", 24],
  ["employmentGained", 1]
] as const
const P_SMALL = [
  ["age", 130],
  ["disabilityKind", 6],
  ["disabilityGrade", 4],
  ["flags", 31],
  ["excluded", 4],
  ["selfCareFailed", 6]
] as const

const O_MONEY = ["incomeFen", "ownIncomeFen", "judgmentFen", "agreementFen", "actualFen"] as const
const O_SMALL = [
  ["age", 130],
  ["supported", 50],
  ["children", 30],
  ["flags", 127]
] as const
/** Obligors per household (Household.obligors has at most 20). */
const MAX_OBLIGORS = 20

const MAX_ISSUES = 20

// Missing columns read as zeros. The kernel never writes to inputs, so one zero array per type
// and length is shared between calls instead of allocating megabytes per batch.
const zeros = new Map<string, Float64Array | Uint8Array | Int32Array>()
const zeroColumn = <A extends Float64Array | Uint8Array | Int32Array>(
  ctor: { new (n: number): A; readonly name: string },
  n: number
): A => {
  const key = `${ctor.name}:${n}`
  let z = zeros.get(key)
  if (z === undefined) {
    if (zeros.size > 8) zeros.clear()
    z = new ctor(n)
    zeros.set(key, z)
  }
  return z as A
}

/** Index of the first entry that is not integer fen in [0, MAX_FEN], or −1. */
const badMoney = (c: Float64Array): number => {
  for (let i = 0; i < c.length; i++) {
    const v = c[i]!
    if (!(v >= 0 && v <= MAX_FEN && Math.trunc(v) === v)) return i
  }
  return -1
}
/** Index of the first entry above `max`, or −1. */
const aboveMax = (c: Uint8Array, max: number): number => {
  for (let i = 0; i < c.length; i++) if (c[i]! > max) return i
  return -1
}

/** Validates a population and fills missing columns with zeros; all-or-nothing. */
export const validatePopulation = (input: unknown): Result<Columns, InvalidInputError> => {
  const issues: Array<Issue> = []
  const add = (path: Array<string | number>, code: string, zh: string, en: string) => {
    if (issues.length < MAX_ISSUES) issues.push(issue(path, code, zh, en))
  }
  const fail = () => err(new InvalidInputError(issues))
  if (typeof input !== "object" || input === null) {
    add([], "invalid_type", "人口数据必须是对象", "a population must be an object")
    return fail()
  }
  const pop = input as Record<string, unknown>
  const hs = pop.households as Record<string, unknown> | undefined
  const ps = pop.persons as Record<string, unknown> | undefined
  if (typeof hs !== "object" || hs === null || typeof ps !== "object" || ps === null) {
    add([], "invalid_type", "缺少 households 或 persons 列", "households and persons columns are required")
    return fail()
  }
  const nh = hs.count
  const np = ps.count
  if (!Number.isSafeInteger(nh) || (nh as number) < 0 || (nh as number) > 50_000_000) {
    add(
      ["households", "count"],
      "invalid_count",
      "户数必须是非负整数",
      "household count must be a non-negative integer"
    )
  }
  if (!Number.isSafeInteger(np) || (np as number) < 0 || (np as number) > 500_000_000) {
    add(["persons", "count"], "invalid_count", "人数必须是非负整数", "person count must be a non-negative integer")
  }
  if (issues.length > 0) return fail()
  const H = nh as number
  const P = np as number
  const labels = pop.groupLabels
  if (labels !== undefined && (!Array.isArray(labels) || labels.some((l) => typeof l !== "string"))) {
    add(["groupLabels"], "invalid_type", "groupLabels 必须是字符串数组", "groupLabels must be an array of strings")
  }
  const column = <A extends Float64Array | Uint8Array | Int32Array>(
    table: Record<string, unknown>,
    tableName: string,
    name: string,
    ctor: { new (n: number): A; readonly name: string },
    n: number,
    required: boolean
  ): A | undefined => {
    const v = table[name]
    if (v === undefined) {
      if (required) add([tableName, name], "missing_column", `缺少列 ${name}`, `column ${name} is required`)
      return zeroColumn(ctor, n)
    }
    if (!(v instanceof ctor)) {
      add([tableName, name], "invalid_type", `列 ${name} 必须是 ${ctor.name}`, `column ${name} must be a ${ctor.name}`)
      return undefined
    }
    if (v.length !== n) {
      add(
        [tableName, name],
        "invalid_length",
        `列 ${name} 长度为 ${v.length}，应为 ${n}`,
        `column ${name} has length ${v.length}, expected ${n}`
      )
      return undefined
    }
    return v
  }
  const h: Record<string, Float64Array | Uint8Array> = {}
  for (const name of H_MONEY) {
    const c = column(hs, "households", name, Float64Array, H, false)
    if (c === undefined) continue
    h[name] = c
    const bad = hs[name] === undefined ? -1 : badMoney(c)
    if (bad >= 0)
      add(
        ["households", name, bad],
        "invalid_money",
        `金额必须是非负整数分，实为 ${c[bad]}`,
        `amount must be non-negative integer fen, got ${c[bad]}`
      )
  }
  for (const [name, max] of H_SMALL) {
    const c = column(hs, "households", name, Uint8Array, H, false)
    if (c === undefined) continue
    h[name] = c
    const bad = hs[name] === undefined ? -1 : aboveMax(c, max)
    if (bad >= 0) add(["households", name, bad], "too_big", `${name} 不能超过 ${max}`, `${name} must be at most ${max}`)
  }
  if (labels !== undefined && Array.isArray(labels) && hs.group !== undefined && h.group !== undefined) {
    const g = h.group
    for (let i = 0; i < H; i++) {
      if (g[i]! >= labels.length) {
        add(["households", "group", i], "unknown_group", `分组 ${g[i]} 没有标签`, `group ${g[i]} has no label`)
        break
      }
    }
  }
  const p: Record<string, Float64Array | Uint8Array | Int32Array> = {}
  for (const [name] of PERSON_INCOME_COLUMNS) {
    const c = column(ps, "persons", name, Float64Array, P, false)
    if (c === undefined) continue
    p[name] = c
    const bad = ps[name] === undefined ? -1 : badMoney(c)
    if (bad >= 0)
      add(
        ["persons", name, bad],
        "invalid_money",
        `金额必须是非负整数分，实为 ${c[bad]}`,
        `amount must be non-negative integer fen, got ${c[bad]}`
      )
  }
  for (const [name, max] of P_SMALL) {
    const c = column(ps, "persons", name, Uint8Array, P, name === "age")
    if (c === undefined) continue
    p[name] = c
    const bad = ps[name] === undefined ? -1 : aboveMax(c, max)
    if (bad >= 0) add(["persons", name, bad], "too_big", `${name} 不能超过 ${max}`, `${name} must be at most ${max}`)
  }
  const kind = p.disabilityKind
  const grade = p.disabilityGrade
  if (kind !== undefined && grade !== undefined) {
    for (let i = 0; i < P; i++) {
      if ((kind[i] === 0) !== (grade[i] === 0)) {
        add(
          ["persons", "disabilityGrade", i],
          "inconsistent_disability",
          "残疾类别与等级须同时填写",
          "disability kind and grade must be given together"
        )
        break
      }
    }
  }
  const hh = column(ps, "persons", "household", Int32Array, P, true)
  const start = new Int32Array(H + 1)
  if (hh !== undefined && issues.length === 0) {
    let prev = 0
    let run = 0
    for (let i = 0; i < P; i++) {
      const x = hh[i]!
      if (x < prev || x >= H) {
        add(
          ["persons", "household", i],
          x >= H || x < 0 ? "unknown_household" : "unsorted_persons",
          x >= H || x < 0 ? `人员指向不存在的户 ${x}` : "人员须按户号非递减排列",
          x >= H || x < 0
            ? `person points to unknown household ${x}`
            : "persons must be grouped by household in non-decreasing order"
        )
        break
      }
      if (x !== prev) run = 0
      run++
      if (run > 50) {
        add(["persons", "household", i], "too_big", `第 ${x} 户超过 50 人`, `household ${x} has more than 50 members`)
        break
      }
      start[x + 1]!++
      prev = x
    }
    for (let i = 0; i < H && issues.length === 0; i++) {
      if (start[i + 1] === 0) {
        add(["households", i], "empty_household", `第 ${i} 户没有成员`, `household ${i} has no members`)
        break
      }
      start[i + 1]! += start[i]!
    }
  }
  const ostart = new Int32Array(H + 1)
  const o: Record<string, Float64Array | Uint8Array | Int32Array> = {}
  let NO = 0
  let tableSupportedGiven = false
  const os = pop.obligors
  if (os !== undefined) {
    if (typeof os !== "object" || os === null) {
      add(["obligors"], "invalid_type", "obligors 必须是列对象", "obligors must be an object of columns")
    } else {
      const ot = os as Record<string, unknown>
      const no = ot.count
      if (!Number.isSafeInteger(no) || (no as number) < 0 || (no as number) > 50_000_000) {
        add(
          ["obligors", "count"],
          "invalid_count",
          "义务人数必须是非负整数",
          "obligor count must be a non-negative integer"
        )
      } else {
        NO = no as number
        tableSupportedGiven = ot.supported !== undefined
        for (const name of O_MONEY) {
          const c = column(ot, "obligors", name, Float64Array, NO, false)
          if (c === undefined) continue
          o[name] = c
          const bad = ot[name] === undefined ? -1 : badMoney(c)
          if (bad >= 0)
            add(
              ["obligors", name, bad],
              "invalid_money",
              `金额必须是非负整数分，实为 ${c[bad]}`,
              `amount must be non-negative integer fen, got ${c[bad]}`
            )
        }
        for (const [name, max] of O_SMALL) {
          const c = column(ot, "obligors", name, Uint8Array, NO, false)
          if (c === undefined) continue
          o[name] = c
          const bad = ot[name] === undefined ? -1 : aboveMax(c, max)
          if (bad >= 0)
            add(["obligors", name, bad], "too_big", `${name} 不能超过 ${max}`, `${name} must be at most ${max}`)
        }
        const size = column(ot, "obligors", "size", Uint8Array, NO, true)
        if (size !== undefined) {
          o.size = size
          for (let k = 0; k < NO; k++) {
            if (size[k]! < 1 || size[k]! > 50) {
              add(
                ["obligors", "size", k],
                "invalid_size",
                "义务人家庭人数须在 1 到 50 之间",
                "an obligor's household size must be 1 to 50"
              )
              break
            }
          }
        }
        const oh = column(ot, "obligors", "household", Int32Array, NO, true)
        if (oh !== undefined && issues.length === 0) {
          o.household = oh
          let prev = 0
          for (let k = 0; k < NO; k++) {
            const x = oh[k]!
            if (x < prev || x >= H) {
              const unknown = x >= H || x < 0
              add(
                ["obligors", "household", k],
                unknown ? "unknown_household" : "unsorted_obligors",
                unknown ? `义务人指向不存在的户 ${x}` : "义务人须按户号非递减排列",
                unknown
                  ? `obligor points to unknown household ${x}`
                  : "obligors must be grouped by household in non-decreasing order"
              )
              break
            }
            ostart[x + 1]!++
            prev = x
          }
          const colObligor = h.obligorSize as Uint8Array | undefined
          for (let i = 0; i < H && issues.length === 0; i++) {
            if (ostart[i + 1]! + (colObligor !== undefined && colObligor[i]! > 0 ? 1 : 0) > MAX_OBLIGORS) {
              add(
                ["obligors", "household"],
                "too_many_obligors",
                `第 ${i} 户的义务人超过 ${MAX_OBLIGORS} 名`,
                `household ${i} has more than ${MAX_OBLIGORS} obligors`
              )
              break
            }
            ostart[i + 1]! += ostart[i]!
          }
        }
      }
    }
  }
  if (issues.length === 0) {
    // Every obligor supports every listed member, so the people it supports cannot be fewer.
    // Only supplied columns, and only rows that hold an obligor: obligorSupported is never read
    // on a household without one, so any value is valid there (e.g. a column filled with 1s).
    const tooFew = (table: string, name: string, row: number, supported: number, members: number) =>
      add(
        [table, name, row],
        "supported_persons_too_small",
        `受赡（抚、扶）养总人数 ${supported} 不能少于本户成员数 ${members}`,
        `${name} ${supported} cannot be less than the household's ${members} members`
      )
    if (hs.obligorSupported !== undefined) {
      const hs1 = h.obligorSupported as Uint8Array
      const size1 = h.obligorSize as Uint8Array
      for (let i = 0; i < H; i++) {
        if (size1[i] === 0 || hs1[i] === 0) continue
        const m = start[i + 1]! - start[i]!
        if (hs1[i]! < m) {
          tooFew("households", "obligorSupported", i, hs1[i]!, m)
          break
        }
      }
    }
    const os1 = o.supported as Uint8Array | undefined
    const oh1 = o.household as Int32Array | undefined
    if (tableSupportedGiven && os1 !== undefined && oh1 !== undefined) {
      for (let k = 0; k < NO; k++) {
        const x = oh1[k]!
        const m = start[x + 1]! - start[x]!
        if (os1[k]! > 0 && os1[k]! < m) {
          tooFew("obligors", "supported", k, os1[k]!, m)
          break
        }
      }
    }
  }
  if (issues.length > 0) return fail()
  if (o.household === undefined) o.household = zeroColumn(Int32Array, NO)
  if (o.size === undefined) o.size = zeroColumn(Uint8Array, NO)
  const hc = { count: H, ...h } as unknown as Req<HouseholdColumns>
  const oc = { count: NO, ...o } as unknown as Req<ObligorColumns>
  return ok({
    h: hc,
    p: { count: P, ...p } as unknown as Req<PersonColumns>,
    o: oc,
    householdObligor: obligorView({
      age: hc.obligorAge,
      ownIncomeFen: hc.obligorOwnIncomeFen,
      incomeFen: hc.obligorIncomeFen,
      size: hc.obligorSize,
      supported: hc.obligorSupported,
      children: hc.obligorChildren,
      flags: hc.obligorFlags,
      judgmentFen: hc.obligorJudgmentFen,
      agreementFen: hc.obligorAgreementFen,
      actualFen: hc.obligorActualFen
    }),
    tableObligors: obligorView(oc),
    start,
    ostart,
    groupLabels: (labels as ReadonlyArray<string> | undefined) ?? ["all"],
    incomeColumns: PERSON_INCOME_COLUMNS.filter(([name]) => ps[name] !== undefined)
  })
}

/**
 * Converts household row `i` of a population to the object form {@link assessHousehold}
 * takes, with member ids `p<personIndex>` — the bridge that lets a batch result be explained
 * household by household, and checked against the single-household path.
 *
 * @example
 * ```ts
 * import { householdFromRow } from "@jiceng/relief-calculator"
 * const pop = { households: { count: 1 }, persons: { count: 1, household: Int32Array.of(0), age: Uint8Array.of(70) } }
 * householdFromRow(pop, 0).ok && householdFromRow(pop, 0).value.members[0]!.age //=> 70
 * ```
 * @since 0.1.0
 * @category populations
 */
export const householdFromRow = (population: unknown, row: number): Result<Household, InvalidInputError> => {
  const v = validatePopulation(population)
  if (!v.ok) return v
  if (!Number.isSafeInteger(row) || row < 0 || row >= v.value.h.count) {
    return err(
      new InvalidInputError([
        issue(["row"], "unknown_household", `没有第 ${row} 户`, `there is no household row ${row}`)
      ])
    )
  }
  return ok(rowToHousehold(v.value, row))
}

/** Obligor `k` of a view as the object form, supporting every member of its household. */
const obligorAt = (v: ObligorView, k: number, id: string, supports: ReadonlyArray<string>): Obligor => {
  const f = v.flags[k]!
  const o: { -readonly [K in keyof Obligor]: Obligor[K] } = {
    id,
    supports: [...supports],
    age: v.age[k]!,
    householdIncomeFen: v.incomeFen[k]!,
    householdSize: v.size[k]!,
    ownIncomeFen: v.ownIncomeFen[k]!,
    // 0 reads as the household's member count, and 0 children as 1.
    supportedPersons: v.supported[k]! || supports.length,
    childrenCount: v.children[k]! || 1,
    isDibao: (f & OBLIGOR_FLAG.dibao) !== 0,
    isTekun: (f & OBLIGOR_FLAG.tekun) !== 0,
    severeDisability: (f & OBLIGOR_FLAG.severeDisability) !== 0,
    lacksCapacity: (f & OBLIGOR_FLAG.lacksCapacity) !== 0,
    lowIncomeAssets: (f & OBLIGOR_FLAG.lowIncomeAssets) !== 0,
    actualPaidFen: v.actualFen[k]!
  }
  if ((f & OBLIGOR_FLAG.judgment) !== 0) o.judgmentFen = v.judgmentFen[k]!
  if ((f & OBLIGOR_FLAG.agreement) !== 0) o.agreementFen = v.agreementFen[k]!
  return o
}

export const rowToHousehold = (c: Columns, i: number): Household => {
  const { h, p } = c
  const members: Array<Member> = []
  for (let j = c.start[i]!; j < c.start[i + 1]!; j++) {
    const incomes: Array<Member["incomes"][number]> = []
    for (const [col, kind] of PERSON_INCOME_COLUMNS) {
      const amount = p[col][j]!
      if (amount > 0) incomes.push({ kind, amountFen: amount })
    }
    const f = p.flags[j]!
    const m: { -readonly [K in keyof Member]: Member[K] } = { id: `p${j}`, age: p.age[j]!, incomes }
    if (p.disabilityKind[j]! > 0)
      m.disability = { kind: DisabilityKind.options[p.disabilityKind[j]! - 1]!, grade: p.disabilityGrade[j]! }
    if ((f & PERSON_FLAG.catastrophicIllness) !== 0) m.catastrophicIllness = true
    if ((f & PERSON_FLAG.employed) !== 0) m.employed = true
    if ((f & PERSON_FLAG.choseOrphanBenefit) !== 0) m.choseOrphanBenefit = true
    if ((f & PERSON_FLAG.alreadyTekunAsMinor) !== 0) m.alreadyTekunAsMinor = true
    if ((f & PERSON_FLAG.inSchool) !== 0) m.inSchool = true
    if (p.excluded[j]! > 0) m.excluded = ExclusionStatus.options[p.excluded[j]! - 1]!
    if (p.selfCareFailed[j]! > 0) m.selfCareFailed = p.selfCareFailed[j]!
    members.push(m)
  }
  const out: { -readonly [K in keyof Household]: Household[K] } = {
    members,
    assets: { depositsFen: h.depositsFen[i]!, vehicles: h.vehicles[i]!, homes: h.homes[i]! },
    rigidExpenditure: {
      medical: h.medicalFen[i]!,
      education: h.educationFen[i]!,
      disabilityCare: h.disabilityCareFen[i]!,
      rent: h.rentFen[i]!,
      employmentCost: h.employmentCostFen[i]!,
      basicLiving: h.basicLivingFen[i]!
    }
  }
  const ids = members.map((m) => m.id)
  const obligors: Array<Obligor> = []
  if (h.obligorSize[i]! > 0) obligors.push(obligorAt(c.householdObligor, i, "obligor", ids))
  for (let k = c.ostart[i]!; k < c.ostart[i + 1]!; k++) obligors.push(obligorAt(c.tableObligors, k, `obligor${k}`, ids))
  if (obligors.length > 0) out.obligors = obligors
  if (h.prevDibaoFen[i]! > 0) {
    out.previous = {
      dibaoFen: h.prevDibaoFen[i]!,
      exitMonthsUsed: h.exitMonthsUsed[i]!,
      employmentGained: h.employmentGained[i] === 1
    }
  }
  return out
}
