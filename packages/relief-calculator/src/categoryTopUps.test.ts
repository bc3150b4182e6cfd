import { getOrThrow } from "@jiceng/core"
import { describe, expect, it } from "vitest"
import { assessHousehold } from "./assessHousehold.ts"
import { assessPopulation } from "./assessPopulation.ts"
import { definePolicy, type Policy } from "./Policy.ts"
import { householdFromRow } from "./Population.ts"
import { policies } from "./policies.ts"

// Illustrative 分类施保 in the Shanghai manner (上海市社会救助条例 art. 16 names the categories;
// the amounts here are made up): Beijing's ¥1,450 line, the elderly +10% of the line (¥145),
// minors +¥50, the severely disabled +¥300.
const src = { title: "illustrative 分类施保 (上海市社会救助条例 art. 16 pattern)", verified: false }
const withTopUps = (stacking: "highest" | "sum"): Policy =>
  getOrThrow(
    definePolicy(
      {
        id: `topups-${stacking}`,
        name: { zh: "分类施保示例", en: "Top-up example" },
        parameters: {
          categoryTopUps: [
            {
              value: {
                elderlyAge: 60,
                stacking,
                items: [
                  { category: "elderly", amount: { kind: "lineShare", rate: { numerator: 1, denominator: 10 } } },
                  { category: "minor", amount: { kind: "amount", amountFen: 5000 } },
                  { category: "severeDisability", amount: { kind: "amount", amountFen: 30000 } }
                ]
              },
              from: "2024-07-01",
              source: src
            }
          ]
        }
      },
      policies.beijing
    )
  )
const grandmother = { id: "grandmother", age: 70, incomes: [{ kind: "pension", amountFen: 80000 }] }
const grandson = { id: "grandson", age: 12, incomes: [], disability: { kind: "physical", grade: 2 } }
const month = { month: "2024-08" }

describe("分类施保 (categoryTopUps)", () => {
  it("tops up each member of a dibao household by the highest category", () => {
    // Dibao: 1,450 × 2 − 800 = 2,100. Grandmother elderly 145; grandson max(minor 50, severe 300) = 300.
    const r = getOrThrow(assessHousehold({ members: [grandmother, grandson] }, withTopUps("highest"), month))
    expect(r.dibao.amountFen).toBe(210000)
    expect(r.categoryTopUp.members).toEqual([
      { id: "grandmother", categories: ["elderly"], amountFen: 14500 },
      { id: "grandson", categories: ["minor", "severeDisability"], amountFen: 30000 }
    ])
    expect(r.categoryTopUp.amountFen).toBe(44500)
    expect(r.totalFen).toBe(254500)
    const step = r.steps.find((s) => s.id === "categoryTopUp")
    expect(step?.payment).toBe(true)
    expect(step?.text.en).toBe(
      "Category top-ups (highest category): grandmother (elderly) ¥145.00; grandson (minor, severeDisability) ¥300.00; total ¥445.00."
    )
    expect(step?.text.zh).toContain("grandson（未成年人、重度残疾人）¥300.00")
    expect(r.steps.at(-1)?.text.en).toContain("category top-ups ¥445.00")
  })

  it("sums the categories when stacking is 'sum'", () => {
    const r = getOrThrow(assessHousehold({ members: [grandmother, grandson] }, withTopUps("sum"), month))
    expect(r.categoryTopUp.amountFen).toBe(14500 + 35000)
  })

  it("gives nothing to a household that is not on dibao, and nothing without the parameter", () => {
    const richer = { ...grandmother, incomes: [{ kind: "pension", amountFen: 300000 }] }
    const r = getOrThrow(assessHousehold({ members: [richer, grandson] }, withTopUps("highest"), month))
    expect(r.dibao.eligible).toBe(false)
    expect(r.categoryTopUp).toEqual({ amountFen: 0, members: [] })
    const plain = getOrThrow(assessHousehold({ members: [grandmother, grandson] }, policies.beijing, month))
    expect(plain.categoryTopUp.amountFen).toBe(0)
    expect(plain.steps.some((s) => s.id === "categoryTopUp")).toBe(false)
  })

  it("is applied identically by the batch kernel", () => {
    const pop = {
      households: { count: 2 },
      persons: {
        count: 3,
        household: Int32Array.of(0, 0, 1),
        age: Uint8Array.of(70, 12, 40),
        pensionFen: Float64Array.of(80000, 0, 0),
        wagesFen: Float64Array.of(0, 0, 900000),
        disabilityKind: Uint8Array.of(0, 1, 0),
        disabilityGrade: Uint8Array.of(0, 2, 0)
      }
    }
    const policy = withTopUps("highest")
    const b = getOrThrow(assessPopulation(pop, policy, month))
    expect(Array.from(b.categoryTopUpFen)).toEqual([44500, 0])
    const single = getOrThrow(assessHousehold(getOrThrow(householdFromRow(pop, 0)), policy, month))
    expect(b.totalFen[0]).toBe(single.totalFen)
  })

  it("rejects a category listed twice, with a bilingual message", () => {
    const r = definePolicy(
      {
        id: "dup",
        name: { zh: "重复", en: "dup" },
        parameters: {
          categoryTopUps: [
            {
              value: {
                elderlyAge: 60,
                stacking: "sum",
                items: [
                  { category: "minor", amount: { kind: "amount", amountFen: 1 } },
                  { category: "minor", amount: { kind: "amount", amountFen: 2 } }
                ]
              },
              from: "2024-07-01",
              source: src
            }
          ]
        }
      },
      policies.beijing
    )
    expect(r.ok ? [] : r.error.issues.map((i) => [i.path.join("."), i.code, i.message.zh])).toEqual([
      ["parameters.categoryTopUps.0.value.items", "duplicate_category", "分类施保类别重复"]
    ])
  })
})
