import assert from "node:assert/strict"
import type { Page } from "playwright-core"
import type { BrowserSuite } from "./harness.ts"

const balance = async (page: Page, id: string): Promise<string> =>
  page.locator(`jiceng-ledger-playground tr[data-account="${id}"] td[data-col="balance"]`).innerText()

const points = (page: Page) => page.locator("jiceng-points-playground")
const holderBalance = async (page: Page, id: string): Promise<string> =>
  points(page).locator(`tr[data-holder="${id}"] td[data-col="balance"]`).innerText()

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
        assert.match(await result.innerText(), /^\[0\]\.amount: /)
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
      name: "points playground: record, confirm, acknowledge, post, gift, redeem, expire, verify",
      path: "/volunteer-points/",
      run: async (page) => {
        const demo = points(page)
        const result = demo.getByTestId("result")
        const state = demo.getByTestId("record-state")
        await demo.getByTestId("verify").waitFor()
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) passed/)
        await demo.getByTestId("hours").fill("2")
        await demo.getByTestId("record").click()
        assert.equal(await state.getAttribute("data-state"), "submitted")
        assert.match(await state.innerText(), /vol-a, 120 min/)
        // Nothing counts before the record is posted.
        await demo.getByTestId("post").click()
        assert.equal(await result.getAttribute("data-state"), "error")
        assert.equal(await holderBalance(page, "vol-a"), "0")
        await demo.getByTestId("confirm").click()
        assert.equal(await state.getAttribute("data-state"), "confirmed")
        await demo.getByTestId("acknowledge").click()
        assert.equal(await state.getAttribute("data-state"), "acknowledged")
        await demo.getByTestId("post").click()
        assert.equal(await state.getAttribute("data-state"), "posted")
        // 2 h × 10 points per hour (Kunshan), one lot.
        assert.match(await result.innerText(), /posted 20 points, new lot: p:rec-1 ×20/)
        assert.equal(await holderBalance(page, "vol-a"), "20")
        assert.equal(await demo.locator('tr[data-holder="vol-a"] td[data-col="certified"]').innerText(), "120")
        await demo.getByTestId("points").fill("5")
        await demo.getByTestId("gift").click()
        assert.match(await result.innerText(), /gifted 5 points, consuming lots: p:rec-1 ×5/)
        await demo.getByTestId("redeem").click()
        assert.match(await result.innerText(), /redeemed, consuming lots: p:rec-1 ×15/)
        assert.equal(await holderBalance(page, "vol-a"), "0")
        assert.equal(await holderBalance(page, "vol-b"), "5")
        // The gift keeps its lot's dates: it expires 30 days after the record was posted.
        for (let i = 0; i < 3; i++) await demo.getByTestId("advance").click()
        await demo.getByTestId("expire").click()
        assert.match(await result.innerText(), /expired: g:gift-\d+\/0 ×5/)
        assert.equal(await holderBalance(page, "vol-b"), "0")
        const liability = demo.getByTestId("liability")
        assert.match(await liability.innerText(), /issued 20 − redeemed 15 − expired 5 − donated 0 = outstanding 0/)
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) passed/)
        assert.equal(await demo.getByTestId("verify").getAttribute("data-state"), "ok")
      }
    },
    {
      name: "points playground: invalid hours and overspending are refused with bilingual messages",
      path: "/volunteer-points/",
      run: async (page) => {
        const demo = points(page)
        const result = demo.getByTestId("result")
        await demo.getByTestId("hours").fill("-1")
        await demo.getByTestId("record").click()
        assert.equal(await result.getAttribute("data-state"), "error")
        assert.match(await result.innerText(), /signOut: the sign-out is before the sign-in/)
        await demo.getByTestId("redeem").click()
        assert.match(await result.innerText(), /insufficient balance: 0 held, 15 needed/)
        await demo.getByTestId("points").fill("abc")
        await demo.getByTestId("gift").click()
        assert.match(await result.innerText(), /^amount: /)
        assert.equal(await demo.getByTestId("record-state").getAttribute("data-state"), "none")
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) passed/)
      }
    },
    {
      name: "the zh-cn page shows the points playground in Chinese",
      path: "/zh-cn/volunteer-points/",
      run: async (page) => {
        const demo = points(page)
        const result = demo.getByTestId("result")
        await demo.getByTestId("verify").waitFor()
        assert.match(await demo.getByTestId("verify").innerText(), /verify\(\) 通过/)
        await demo.getByTestId("hours").fill("1.5")
        for (const op of ["record", "confirm", "acknowledge", "post"]) await demo.getByTestId(op).click()
        assert.match(await demo.getByTestId("record-state").innerText(), /已记入/)
        assert.match(await result.innerText(), /已记入 15 积分/)
        assert.equal(await holderBalance(page, "vol-a"), "15")
        await demo.getByTestId("order").selectOption("fefo")
        assert.match(await result.innerText(), /已按新顺序重置演示/)
        assert.equal(await holderBalance(page, "vol-a"), "0")
        await demo.getByTestId("hours").fill("abc")
        await demo.getByTestId("record").click()
        assert.equal(await result.getAttribute("data-state"), "error")
        await demo.getByTestId("redeem").click()
        assert.match(await result.innerText(), /余额不足/)
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
