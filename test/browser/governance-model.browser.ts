import assert from "node:assert/strict"
import type { Locator, Page } from "playwright-core"
import type { BrowserSuite } from "./harness.ts"

const metric = (demo: Locator, key: string): Promise<string> => demo.locator(`tr[data-metric="${key}"] td`).innerText()
const rate = (demo: Locator, key: string): Promise<string> => demo.locator(`tr[data-rate="${key}"] td.num`).innerText()
const gridDemo = (page: Page) => page.locator("jiceng-grid-partition-demo")
const simDemo = (page: Page) => page.locator("jiceng-service-simulator-demo")
const escalations = async (demo: Locator): Promise<number> => {
  const m = /; (\d+) escalations/.exec(await demo.getByTestId("status").innerText())
  assert.ok(m, "the summary states the number of escalations")
  return Number(m[1])
}
const fraction = /^(\d+)\/(\d+) = \d+\.\d\d%$/

export default {
  name: "governance-model",
  tests: [
    {
      name: "grid demo: a generated district is drawn with Plot and every grid meets the band",
      path: "/governance-model/grids/",
      run: async (page) => {
        const demo = gridDemo(page)
        await demo.locator("[data-testid=map] svg").first().waitFor()
        // 2 × 2 communities of 8 × 10 buildings: one rect per building, plus Plot's frame.
        assert.ok((await demo.locator("[data-testid=map] svg rect").count()) >= 320)
        assert.equal(await metric(demo, "coverage"), "320/320")
        const compliance = await metric(demo, "compliance")
        const m = /^(\d+)\/(\d+) \(100\.00%\)$/.exec(compliance)
        assert.ok(m && m[1] === m[2] && Number(m[1]) > 0, compliance)
        assert.equal(await metric(demo, "contiguity"), "none")
        assert.equal(await metric(demo, "crossings"), "none")
        assert.equal(await metric(demo, "split-buildings"), "none")
        assert.equal(await demo.getByTestId("status").getAttribute("data-state"), "ok")
      }
    },
    {
      name: "grid demo: re-seed, resize and re-band update the map and the metrics (with stability)",
      path: "/governance-model/grids/",
      run: async (page) => {
        const demo = gridDemo(page)
        await demo.locator("[data-testid=map] svg").first().waitFor()
        const households = await metric(demo, "households")
        await demo.getByTestId("reseed").click()
        assert.equal(await demo.getByTestId("seed").inputValue(), "2")
        assert.notEqual(await metric(demo, "households"), households)
        await demo.getByTestId("layout").selectOption("3x3")
        assert.equal(await metric(demo, "coverage"), "720/720")
        assert.equal(await demo.locator("tr[data-metric=stability]").count(), 0)
        await demo.getByTestId("min").fill("320")
        await demo.getByTestId("max").fill("420")
        assert.match(await demo.locator("tr[data-metric=compliance] th").innerText(), /320–420/)
        assert.match(await metric(demo, "compliance"), /^(\d+)\/\1 \(100\.00%\)$/)
        // Same district, new band: the plan is compared with the one before.
        assert.match(await metric(demo, "stability"), /^\d+\/\d+ \(\d+\.\d\d%\)$/)
        assert.equal(await demo.locator("[data-testid=map] svg").count(), 1)
      }
    },
    {
      name: "grid demo: an infeasible band shows the typed error and marks the blocking buildings",
      path: "/governance-model/grids/",
      run: async (page) => {
        const demo = gridDemo(page)
        const status = demo.getByTestId("status")
        await demo.locator("[data-testid=map] svg").first().waitFor()
        await demo.getByTestId("min").fill("40")
        await demo.getByTestId("max").fill("70")
        assert.equal(await status.getAttribute("data-state"), "error")
        const text = await status.innerText()
        assert.match(text, /InfeasibleBandError/)
        assert.match(
          text,
          /buildings\.\d+\.households: building B\d+-\d+ has \d+ households, above the grid maximum 70/
        )
        assert.match(text, /\n… and \d+ more\nBlocking buildings or communities are shown in red\.$/)
        assert.equal(await demo.locator("[data-testid=metrics] tr").count(), 0)
        assert.ok((await demo.locator('[data-testid=map] svg rect[fill="#e45756"]').count()) > 0)
        await demo.getByTestId("min").fill("300")
        await demo.getByTestId("max").fill("310")
        assert.match(await status.innerText(), /no whole number k gives 300·k ≤ \d+ ≤ 310·k|no contiguous division/)
        await demo.getByTestId("min").fill("abc")
        assert.match(await status.innerText(), /^options\.min: /)
        await demo.getByTestId("min").fill("300")
        await demo.getByTestId("max").fill("400")
        assert.equal(await status.getAttribute("data-state"), "ok")
      }
    },
    {
      name: "grid demo: the zh-cn page shows the map, the metrics and the error in Chinese",
      path: "/zh-cn/governance-model/grids/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = gridDemo(page)
        await demo.locator("[data-testid=map] svg").first().waitFor()
        assert.match(await demo.locator("tr[data-metric=compliance] th").innerText(), /户数区间达标/)
        assert.equal(await metric(demo, "contiguity"), "无")
        await demo.getByTestId("min").fill("40")
        await demo.getByTestId("max").fill("70")
        assert.match(await demo.getByTestId("status").innerText(), /超过网格上限 70，且楼栋不可拆分/)
      }
    },
    {
      name: "simulator: requests run on the five-order template; escalations on the timeline; 三率 with denominators",
      path: "/governance-model/service-requests/",
      run: async (page) => {
        const demo = simDemo(page)
        await demo.locator("[data-testid=timeline] svg").first().waitFor()
        assert.match(await demo.getByTestId("status").innerText(), /^40 requests, \d+ dispatched, \d+ published/)
        assert.ok((await escalations(demo)) > 0)
        for (const key of ["response", "resolution", "satisfaction"]) {
          const m = fraction.exec(await rate(demo, key))
          assert.ok(m && Number(m[1]) <= Number(m[2]) && Number(m[2]) <= 40, key)
        }
        assert.match(await demo.locator("tr[data-rate=response] td").last().innerText(), /÷ dispatched cases/)
        // Escalations are drawn as diamonds coloured by level, with the level in the legend.
        assert.match(await demo.getByTestId("timeline").innerText(), /street/)
        await demo.getByTestId("late").fill("0")
        assert.equal(await escalations(demo), 0)
        assert.match(await rate(demo, "response"), /^(\d+)\/\1 = 100\.00%$/)
      }
    },
    {
      name: "simulator: parameters change the rates, and bad input gets a bilingual typed message",
      path: "/governance-model/service-requests/",
      run: async (page) => {
        const demo = simDemo(page)
        const status = demo.getByTestId("status")
        await demo.locator("[data-testid=timeline] svg").first().waitFor()
        const before = fraction.exec(await rate(demo, "satisfaction"))
        await demo.getByTestId("basic").uncheck()
        const after = fraction.exec(await rate(demo, "satisfaction"))
        assert.ok(before && after && Number(after[1]) <= Number(before[1]) && after[2] === before[2])
        await demo.getByTestId("requests").fill("abc")
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.match(await status.innerText(), /^requests: Invalid input/)
        assert.equal(await demo.locator("[data-testid=timeline] svg").count(), 0)
        await demo.getByTestId("requests").fill("12")
        await demo.getByTestId("response-days").fill("-1")
        assert.match(await status.innerText(), /^responseWithin\.workingDays: Too small/)
        await demo.getByTestId("response-days").fill("1")
        await demo.getByTestId("start").fill("2030-03-04")
        assert.match(await status.innerText(), /no holiday notice covers 2030/)
        await demo.getByTestId("start").fill("2025-09-15")
        assert.equal(await status.getAttribute("data-state"), "ok")
        assert.match(await status.innerText(), /^12 requests/)
        await demo.locator("[data-testid=timeline] svg").first().waitFor()
      }
    },
    {
      name: "simulator: the zh-cn page runs the same simulation in Chinese",
      path: "/zh-cn/governance-model/service-requests/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = simDemo(page)
        await demo.locator("[data-testid=timeline] svg").first().waitFor()
        assert.match(await demo.getByTestId("status").innerText(), /^40 件诉求/)
        assert.match(await demo.locator("tr[data-rate=response] th").innerText(), /响应率/)
        assert.match(await demo.locator("tr[data-rate=response] td").last().innerText(), /÷ 已派单案件数/)
        await demo.getByTestId("start").fill("2030-03-04")
        assert.match(await demo.getByTestId("status").innerText(), /2030 年没有节假日通知/)
      }
    }
  ]
} satisfies BrowserSuite
