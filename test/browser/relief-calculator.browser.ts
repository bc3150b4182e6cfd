import assert from "node:assert/strict"
import type { Locator } from "playwright-core"
import type { BrowserSuite } from "./harness.ts"

/** Waits until the locator's text matches (the demos re-render on a timer after input). */
const until = async (locator: Locator, pattern: RegExp, timeoutMs = 5000): Promise<string> => {
  const end = Date.now() + timeoutMs
  let text = ""
  while (Date.now() < end) {
    text = await locator.innerText().catch(() => "")
    if (pattern.test(text)) return text
    await new Promise((r) => setTimeout(r, 50))
  }
  assert.fail(`expected ${pattern} within ${timeoutMs} ms; last text:\n${text}`)
}

const number = async (locator: Locator): Promise<number> => Number((await locator.innerText()).replace(/[^\d.]/g, ""))

export default {
  name: "relief-calculator",
  tests: [
    {
      name: "household calculator: R1 gap, the margin when ineligible, and the composite standard",
      path: "/relief-calculator/",
      run: async (page) => {
        const demo = page.locator("jiceng-household-calculator")
        const summary = demo.getByTestId("summary")
        // relief-rules.md §7 R1: ¥1,450 × 3 − ¥3,200 = ¥1,150.
        await until(summary, /Monthly total: ¥1150\.00/)
        assert.match(await summary.innerText(), /eligible for dibao \(below the line by ¥1150\.00\)/)
        const amount = demo.locator('li[data-step="dibao.amount"]')
        assert.match(await amount.innerText(), /¥1450\.00 × 3 − ¥3200\.00 = ¥1150\.00/)
        assert.match(await amount.innerText(), /社会救助暂行办法.*art\. 12/)
        assert.match(
          await amount.innerText(),
          /dibaoLine = 145000 \(in force 2024-07-01 until 2025-07-01, unverified\)/
        )
        // Wages ¥4,500: ¥150 above ¥1,450 × 3.
        await demo.getByTestId("member-0-wages").fill("4500")
        await until(summary, /not eligible for dibao — counted income above the line by ¥150\.00/)
        assert.match(
          await demo.locator('li[data-step="dibao.eligibility"]').innerText(),
          /Counted income ¥4500\.00 is ¥150\.00 above the line ¥1450\.00 × 3 = ¥4350\.00/
        )
        assert.match(await summary.innerText(), /Recognised as: marginal household/)
        // ¥600 medical spending counts only under the composite standard: 4,350 − 3,900 = 450.
        await demo.getByTestId("medical").fill("600")
        await until(summary, /above the line by ¥150\.00/)
        await demo.getByTestId("composite").check()
        await until(summary, /Dibao: ¥450\.00/)
        assert.match(await demo.locator('li[data-step="deductions"]').innerText(), /essay 6/)
      }
    },
    {
      name: "household calculator: R8 特困 through an unable obligor (Jinan 2020) → ¥1,810",
      path: "/relief-calculator/",
      run: async (page) => {
        const demo = page.locator("jiceng-household-calculator")
        const summary = demo.getByTestId("summary")
        await until(summary, /Monthly total/)
        await demo.getByTestId("policy").selectOption("jinanUrban")
        // The national measures start 2021-07-01, after Jinan's 2020 line was last reviewed: a stale warning.
        assert.equal(await demo.getByTestId("month").inputValue(), "2021-08")
        await demo.getByTestId("remove-member-2").click()
        await demo.getByTestId("remove-member-1").click()
        await demo.getByTestId("member-0-id").fill("man")
        await demo.getByTestId("member-0-age").fill("68")
        await demo.getByTestId("member-0-wages").fill("0")
        await demo.getByTestId("member-0-pension").fill("300")
        await demo.getByTestId("member-0-employed").uncheck()
        await demo.getByTestId("member-0-selfCare").fill("4")
        await demo.getByTestId("has-obligor").check()
        await demo.getByTestId("obligor-age").fill("63")
        await demo.getByTestId("obligor-dibao").check()
        // 1,110 basic + 700 full care.
        await until(summary, /Monthly total: ¥1810\.00/)
        assert.match(await summary.innerText(), /extreme-poverty support/)
        assert.match(await summary.innerText(), /Warnings: dibaoLine: dibaoLine's last value ended 2021-04-01/)
        assert.match(
          await demo.locator('li[data-step="tekun.man"]').innerText(),
          /basic ¥1110\.00 \+ care ¥700\.00 = ¥1810\.00/
        )
      }
    },
    {
      name: "household calculator: rigid-expenditure hardship is reported as not assessed without a disposable-income line",
      path: "/relief-calculator/",
      run: async (page) => {
        const demo = page.locator("jiceng-household-calculator")
        const summary = demo.getByTestId("summary")
        await until(summary, /Monthly total/)
        // 2025-03: the 2025 measures are in force; wages ¥9,000 > 1.5 × ¥1,450 × 3, so neither dibao nor marginal.
        await demo.getByTestId("month").fill("2025-03")
        await demo.getByTestId("member-0-wages").fill("9000")
        const step = demo.locator('li[data-step="rigidHardship"]')
        await until(step, /Not assessed: the policy has no disposableIncomeLine/)
        assert.match(await summary.innerText(), /rigid-expenditure hardship not assessed/)
      }
    },
    {
      name: "household calculator: invalid input gets a message with its path, in English",
      path: "/relief-calculator/",
      run: async (page) => {
        const demo = page.locator("jiceng-household-calculator")
        const summary = demo.getByTestId("summary")
        await until(summary, /Monthly total/)
        await demo.getByTestId("member-1-age").fill("-3")
        await until(summary, /Invalid input:\nmembers\[1\]\.age: /)
        assert.equal(await summary.getAttribute("data-state"), "error")
        assert.equal(await demo.getByTestId("steps").locator("li").count(), 0)
        await demo.getByTestId("member-1-age").fill("40")
        await demo.getByTestId("add-member").click()
        await demo.getByTestId("member-3-id").fill("mother")
        await until(summary, /members\[3\]\.id: member id mother appears twice/)
        await demo.getByTestId("remove-member-3").click()
        await demo.getByTestId("month").fill("2019-01")
        await until(summary, /no_value_in_force|dibaoLine/)
      }
    },
    {
      name: "household calculator: the zh-cn page explains in Chinese",
      path: "/zh-cn/relief-calculator/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = page.locator("jiceng-household-calculator")
        const summary = demo.getByTestId("summary")
        await until(summary, /每月合计: ¥1150\.00/)
        assert.match(await summary.innerText(), /符合低保条件/)
        assert.match(await demo.locator('li[data-step="dibao.eligibility"]').innerText(), /核算收入 ¥3200\.00 低于/)
        await demo.getByTestId("member-0-wages").fill("4500")
        await until(summary, /计入收入高于标准 ¥150\.00/)
        await demo.getByTestId("member-0-age").fill("abc")
        await until(summary, /输入有误/)
      }
    },
    {
      name: "programme pages list every preset's dated, cited parameters (EN and zh-cn)",
      path: "/relief-calculator/dibao/",
      run: async (page, { baseUrl }) => {
        const line = page.locator('table[data-param="dibaoLine"]')
        assert.match(await line.innerText(), /beijing\s+¥1450\.00\s+2024-07-01\s+2025-07-01/)
        assert.match(await line.innerText(), /✗ unverified/)
        assert.match(
          await page.locator('table[data-param="incomeRules"]').innerText(),
          /basicPensionCentral.*2021-07-01\s+2026-01-01/
        )
        for (const slug of [
          "marginal",
          "tekun",
          "rigid-hardship",
          "gradual-exit",
          "support",
          "temporary",
          "comparison"
        ]) {
          const res = await page.goto(`${baseUrl}/relief-calculator/${slug}/`)
          assert.equal(res?.status(), 200, slug)
          const zh = await page.goto(`${baseUrl}/zh-cn/relief-calculator/${slug}/`)
          assert.equal(zh?.status(), 200, `zh-cn ${slug}`)
        }
        await page.goto(`${baseUrl}/zh-cn/relief-calculator/support/`)
        assert.match(
          await page.locator('table[data-param="supportVariants"]').innerText(),
          /方案 D.*30%|方案 D[\s\S]*3\/10/
        )
        assert.match(await page.locator('table[data-param="supportVariants"]').innerText(), /未核实/)
      }
    },
    {
      name: "policy comparison: tables and Observable Plot charts for a seeded population",
      path: "/relief-calculator/comparison/",
      run: async (page) => {
        const demo = page.locator("jiceng-policy-comparison")
        const status = demo.getByTestId("status")
        await until(status, /Synthetic data .* 20000 Households/)
        await demo.getByTestId("plot-changes").locator("svg").first().waitFor()
        await demo.getByTestId("plot-coverage").locator("svg").first().waitFor()
        const covered = (col: "a" | "b") => number(demo.locator(`tr[data-row="covered"] td[data-col="${col}"]`))
        const a = await covered("a")
        const b = await covered("b")
        assert.ok(a > 0 && b > a, `composite covers more: ${a} → ${b}`)
        assert.match(await demo.getByTestId("totals").innerText(), /Newly covered \d+ · No longer covered 0/)
        assert.equal(await demo.getByTestId("groups").locator("tr[data-group]").count(), 5)
        assert.match(await demo.getByTestId("groups").innerText(), /single elderly/)
        // A different seed and size: a different population, same structure.
        await demo.getByTestId("size").fill("5000")
        await until(status, / 5000 Households/)
        const a5 = await covered("a")
        await demo.getByTestId("seed").fill("7")
        await until(status, / 5000 Households/)
        await page.waitForTimeout(400)
        assert.notEqual(await covered("a"), 0)
        assert.ok(a5 < a, "a quarter of the households covers fewer of them")
        // A reform that changes nothing: no histogram, equal coverage.
        for (const id of ["medical", "education", "disabilityCare", "actualOnly"]) await demo.getByTestId(id).uncheck()
        await until(demo.getByTestId("plot-changes"), /No household's amount changes\./)
        assert.equal(await covered("a"), await covered("b"))
      }
    },
    {
      name: "policy comparison: invalid controls get bilingual messages",
      path: "/relief-calculator/comparison/",
      run: async (page) => {
        const demo = page.locator("jiceng-policy-comparison")
        const status = demo.getByTestId("status")
        await until(status, /Synthetic data/)
        await demo.getByTestId("size").fill("60000")
        await until(status, /size: the demo handles at most 50,000 households/)
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.equal(await demo.getByTestId("plot-changes").locator("svg").count(), 0)
        await demo.getByTestId("size").fill("2000")
        await demo.getByTestId("medical-cap").fill("-5")
        await until(status, /reform\.parameters\.deductions\[0\]\.value\.items\[0\]\.capFen/)
        await demo.getByTestId("medical-cap").fill("100")
        await until(status, /Synthetic data/)
        await demo.getByTestId("month").fill("2010-01")
        await until(status, /Invalid input/)
      }
    },
    {
      name: "policy comparison: the zh-cn page",
      path: "/zh-cn/relief-calculator/comparison/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = page.locator("jiceng-policy-comparison")
        await until(demo.getByTestId("status"), /合成数据/)
        await demo.getByTestId("plot-coverage").locator("svg").first().waitFor()
        assert.match(await demo.getByTestId("groups").innerText(), /独居老人/)
        assert.match(await demo.getByTestId("totals").innerText(), /覆盖率/)
        await demo.getByTestId("size").fill("0.5")
        await until(demo.getByTestId("status"), /输入有误/)
      }
    }
  ]
} satisfies BrowserSuite
