import { getOrThrow } from "@jiceng/core"
import { defineSuite } from "../../../bench/kit.ts"
import { runKernel } from "../src/assessPopulation.ts"
import { assessHousehold, assessPopulation, policies, syntheticPopulation } from "../src/index.ts"
import { resolve } from "../src/internal/resolve.ts"
import { validatePopulation } from "../src/Population.ts"

const N = 1_000_000
const month = "2024-08"
const policy = policies.beijing
const pop = getOrThrow(syntheticPopulation({ seed: 42, size: N }))
const cols = getOrThrow(validatePopulation(pop))
const resolved = getOrThrow(resolve(policy, month))
const S = resolved.line.value

// Hand-written typed-array loop computing the same outputs as the kernel for the Beijing preset
// (no 特困, no deductions, declared support, gap method without rounding, marginal at 1.5 ×,
// 单人保 at 1.5 ×, 渐退 6 months): the baseline the kernel is measured against.
const handWritten = () => {
  const { h, p, start } = cols
  const H = h.count
  const out = {
    status: new Uint8Array(H),
    unitSize: new Uint8Array(H),
    tekunMembers: new Uint8Array(H),
    counted: new Float64Array(H),
    adjusted: new Float64Array(H),
    margin: new Float64Array(H),
    dibao: new Float64Array(H),
    indiv: new Float64Array(H),
    gradual: new Float64Array(H),
    tekun: new Float64Array(H),
    total: new Float64Array(H)
  }
  const {
    wagesFen,
    businessFen,
    propertyFen,
    pensionFen,
    oldAgeAllowanceFen,
    excluded,
    flags,
    disabilityKind,
    disabilityGrade
  } = p
  for (let i = 0; i < H; i++) {
    let n = 0
    let inc = 0
    let cand = 0
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      if (excluded[j] !== 0) continue
      n++
      inc += wagesFen[j]! + businessFen[j]! + propertyFen[j]! + pensionFen[j]! + oldAgeAllowanceFen[j]!
      const g = disabilityGrade[j]!
      if ((flags[j]! & 1) !== 0 || g === 1 || g === 2 || (g === 3 && disabilityKind[j]! >= 5)) cand++
    }
    const f = h.obligorFlags[i]!
    if (h.obligorSize[i]! > 0 && n > 0) {
      const base = (f & 32) !== 0 ? h.obligorJudgmentFen[i]! : (f & 64) !== 0 ? h.obligorAgreementFen[i]! : 0
      inc += Math.max(h.obligorActualFen[i]!, base)
    }
    const assets = h.vehicles[i] === 0 && h.homes[i]! <= 1
    const ceiling = S * n
    let st = assets ? 0 : 64
    let dibao = 0
    let gradual = 0
    let indiv = 0
    if (n > 0 && assets && inc < ceiling) {
      dibao = ceiling - inc
      st |= 1
    } else if (n > 0) {
      const marginal = assets && inc * 2 < 3 * ceiling
      if (marginal) st |= 2
      if (h.prevDibaoFen[i]! > 0 && assets && h.employmentGained[i] === 1 && h.exitMonthsUsed[i]! < 6) {
        gradual = h.prevDibaoFen[i]!
        st |= 8
      } else if (marginal && cand > 0) {
        for (let j = start[i]!; j < start[i + 1]!; j++) {
          if (excluded[j] !== 0) continue
          const g = disabilityGrade[j]!
          if (!((flags[j]! & 1) !== 0 || g === 1 || g === 2 || (g === 3 && disabilityKind[j]! >= 5))) continue
          const own = wagesFen[j]! + businessFen[j]! + propertyFen[j]! + pensionFen[j]! + oldAgeAllowanceFen[j]!
          if (own < S) indiv += S - own
        }
        if (indiv > 0) st |= 4
      }
    }
    out.status[i] = st
    out.unitSize[i] = n
    out.counted[i] = inc
    out.adjusted[i] = inc
    out.margin[i] = inc - ceiling
    out.dibao[i] = dibao
    out.indiv[i] = indiv
    out.gradual[i] = gradual
    out.total[i] = dibao + indiv + gradual
  }
  return out
}

// The baseline must compute the same thing: check it once, before timing.
{
  const a = handWritten()
  const b = runKernel(cols, resolved)
  for (let i = 0; i < N; i++) {
    if (a.total[i] !== b.totalFen[i] || a.status[i] !== b.status[i] || a.counted[i] !== b.countedIncomeFen[i]) {
      throw new Error(`baseline and kernel disagree on row ${i}`)
    }
  }
}

const household = {
  members: [
    { id: "mother", age: 38, employed: true, incomes: [{ kind: "wages", amountFen: 320000 }] },
    { id: "father", age: 40, incomes: [{ kind: "socialAssistance", amountFen: 10000 }] },
    { id: "child", age: 10, incomes: [] }
  ],
  rigidExpenditure: { medical: 30000 },
  obligors: [
    {
      id: "grandpa",
      supports: ["father"],
      age: 66,
      householdIncomeFen: 400000,
      householdSize: 2,
      ownIncomeFen: 200000,
      actualPaidFen: 20000
    }
  ]
}
const options = { month }

// The timed calls must take the success path: an invalid input would time validation errors.
// Check both once, before timing, and that the end-to-end batch equals the kernel.
{
  const e2e = getOrThrow(assessPopulation(pop, policy, options))
  const kernel = runKernel(cols, resolved)
  for (let i = 0; i < N; i++) {
    if (e2e.totalFen[i] !== kernel.totalFen[i] || e2e.status[i] !== kernel.status[i]) {
      throw new Error(`assessPopulation and runKernel disagree on row ${i}`)
    }
  }
  getOrThrow(assessHousehold(household, policy, options))
}

export default [
  defineSuite({
    name: "relief batch: 1,000,000 households (≈2.7M persons)",
    baseline: { name: "hand-written typed-array loop (same outputs, Beijing preset)", items: N, fn: handWritten },
    cases: [
      {
        name: "runKernel (rule kernel on validated columns)",
        items: N,
        unit: "households",
        target: { maxRatio: 1.5 },
        fn: () => runKernel(cols, resolved)
      },
      {
        name: "assessPopulation end to end (raw person/household columns → validation → results)",
        items: N,
        unit: "households",
        target: { minItemsPerSecond: 2_400_000 },
        fn: () => assessPopulation(pop, policy, options)
      }
    ]
  }),
  defineSuite({
    name: "relief single household with full explanation",
    baseline: {
      name: "bare gap arithmetic, no validation or explanation",
      items: 1,
      fn: () => Math.max(0, S * 3 - 330000)
    },
    cases: [
      {
        name: "assessHousehold (zod validation + all programmes + cited bilingual steps)",
        items: 1,
        unit: "households",
        target: { minItemsPerSecond: 100_000 },
        fn: () => assessHousehold(household, policy, options)
      }
    ]
  })
]
