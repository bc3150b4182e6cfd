import assert from "node:assert/strict"
import type { Page } from "playwright-core"
import type { BrowserSuite } from "./harness.ts"

const balance = async (page: Page, id: string): Promise<string> =>
  page.locator(`jiceng-ledger-playground tr[data-account="${id}"] td[data-col="balance"]`).innerText()

export default {
  name: "volunteer-points",
  tests: [
    {
      name: "ledger playground: earn, gift, overspend, verify",
      path: "/volunteer-points/",
      run: async (page) => {
        const demo = page.locator("jiceng-ledger-playground")
        const result = demo.getByTestId("result")
        await demo.getByTestId("verify").waitFor()
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) passed/)
        await demo.getByTestId("amount").fill("120")
        await demo.getByTestId("earn").click()
        assert.match(await result.innerText(), /earn-1: created/)
        assert.equal(await balance(page, "vol-a"), "120")
        await demo.getByTestId("amount").fill("45")
        await demo.getByTestId("gift").click()
        assert.equal(await balance(page, "vol-a"), "75")
        assert.equal(await balance(page, "vol-b"), "45")
        await demo.getByTestId("amount").fill("76")
        await demo.getByTestId("redeem").click()
        assert.match(await result.innerText(), /exceeds_credits — insufficient balance/)
        assert.equal(await result.getAttribute("data-state"), "refused")
        assert.equal(await balance(page, "vol-a"), "75")
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) passed/)
      }
    },
    {
      name: "ledger playground: a reservation expires on the demo clock and cannot be posted",
      path: "/volunteer-points/",
      run: async (page) => {
        const demo = page.locator("jiceng-ledger-playground")
        const result = demo.getByTestId("result")
        await demo.getByTestId("amount").fill("60")
        await demo.getByTestId("earn").click()
        await demo.getByTestId("amount").fill("50")
        await demo.getByTestId("hold").click()
        assert.match(await result.innerText(), /created/)
        const available = page.locator('jiceng-ledger-playground tr[data-account="vol-a"] td').nth(2)
        assert.equal(await available.innerText(), "10")
        await demo.getByTestId("advance").click()
        assert.equal(await available.innerText(), "60")
        await demo.getByTestId("post").click()
        assert.match(await result.innerText(), /pending_transfer_expired/)
        await demo.getByTestId("correct").click()
        assert.match(await result.innerText(), /correct-\d+: created/)
        assert.equal(await balance(page, "vol-a"), "0")
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) passed/)
      }
    },
    {
      name: "ledger playground: invalid amounts get a bilingual validation message and change nothing",
      path: "/volunteer-points/",
      run: async (page) => {
        const demo = page.locator("jiceng-ledger-playground")
        const result = demo.getByTestId("result")
        await demo.getByTestId("amount").fill("1.5")
        await demo.getByTestId("earn").click()
        assert.equal(await result.getAttribute("data-state"), "error")
        assert.match(await result.innerText(), /^0\.amount: /)
        assert.equal(await balance(page, "vol-a"), "0")
      }
    },
    {
      name: "the zh-cn page shows the playground in Chinese",
      path: "/zh-cn/volunteer-points/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = page.locator("jiceng-ledger-playground")
        await demo.getByTestId("verify").waitFor()
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) 通过/)
        await demo.getByTestId("amount").fill("30")
        await demo.getByTestId("redeem").click()
        assert.match(await demo.getByTestId("result").innerText(), /余额不足/)
        await demo.getByTestId("amount").fill("-3")
        await demo.getByTestId("earn").click()
        assert.equal(await demo.getByTestId("result").getAttribute("data-state"), "error")
      }
    },
    {
      name: "simulation: runs on load, reruns with another seed and scheme, and charts with Plot",
      path: "/volunteer-points/simulation/",
      run: async (page) => {
        const demo = page.locator("jiceng-simulation-demo")
        const status = demo.getByTestId("status")
        await demo.locator("[data-testid=plot-liability] svg").first().waitFor()
        assert.match(await status.innerText(), /verify\(\) passed · seed 2025/)
        assert.equal(await status.getAttribute("data-state"), "ok")
        for (const id of ["plot-supply", "plot-gini", "plot-stars"])
          assert.ok((await demo.locator(`[data-testid=${id}] svg`).count()) >= 1, id)
        const before = await status.getAttribute("data-outstanding")
        await demo.getByTestId("seed").fill("7")
        await demo.getByTestId("scheme").selectOption("expiring")
        await demo.getByTestId("weeks").fill("40")
        await demo.getByTestId("run").click()
        assert.match(await status.innerText(), /seed 7/)
        assert.notEqual(await status.getAttribute("data-outstanding"), before)
        assert.match(await status.innerText(), /breakage: [1-9]/)
      }
    },
    {
      name: "simulation: invalid parameters give a bilingual validation message and clear the charts",
      path: "/volunteer-points/simulation/",
      run: async (page) => {
        const demo = page.locator("jiceng-simulation-demo")
        await demo.locator("[data-testid=plot-liability] svg").first().waitFor()
        await demo.getByTestId("agents").fill("1")
        await demo.getByTestId("run").click()
        const status = demo.getByTestId("status")
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.match(await status.innerText(), /Invalid parameters:\nagents: /)
        assert.equal(await demo.locator("[data-testid=plot-liability] svg").count(), 0)
      }
    },
    {
      name: "the zh-cn simulation page runs in Chinese",
      path: "/zh-cn/volunteer-points/simulation/",
      run: async (page) => {
        const demo = page.locator("jiceng-simulation-demo")
        await demo.locator("[data-testid=plot-liability] svg").first().waitFor()
        assert.match(await demo.getByTestId("status").innerText(), /verify\(\) 通过/)
        await demo.getByTestId("weeks").fill("abc")
        await demo.getByTestId("run").click()
        assert.match(await demo.getByTestId("status").innerText(), /参数无效/)
      }
    }
  ]
} satisfies BrowserSuite
