import assert from "node:assert/strict"
import type { BrowserSuite } from "./harness.ts"

export default {
  name: "core",
  tests: [
    {
      name: "threshold demo shows the exact result and where floats go wrong",
      path: "/core/",
      run: async (page) => {
        const demo = page.locator("jiceng-threshold-demo")
        const result = demo.getByTestId("result")
        // 6004799503160659 / 9007199254740989 is just below 2/3, but the float quotient rounds up to it.
        await result.waitFor()
        assert.match(await result.innerText(), /exact cross-multiplication: not met/)
        assert.match(await result.innerText(), /floating-point shortcut: met ✗/)
        await demo.getByTestId("part").fill("6004799503160660")
        assert.match(await result.innerText(), /exact cross-multiplication: met/)
        await demo.getByTestId("part").fill("2")
        await demo.getByTestId("whole").fill("4")
        await demo.getByTestId("fraction").selectOption("1/2")
        await demo.getByTestId("kind").selectOption("moreThan")
        assert.match(await result.innerText(), /not met \(2 × 2 > 1 × 4\)/)
      }
    },
    {
      name: "invalid input gets a bilingual validation message, not a wrong answer",
      path: "/core/",
      run: async (page) => {
        const demo = page.locator("jiceng-threshold-demo")
        await demo.getByTestId("whole").fill("-3")
        assert.equal(await demo.getByTestId("result").getAttribute("data-state"), "error")
        assert.match(await demo.getByTestId("result").innerText(), /^whole: Too small/)
      }
    },
    {
      name: "switching to 简体中文 shows the same demo in Chinese",
      path: "/core/",
      run: async (page) => {
        await page.locator("starlight-lang-select select").first().selectOption({ label: "简体中文" })
        await page.waitForURL(/\/zh-cn\/core\/$/)
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = page.locator("jiceng-threshold-demo")
        assert.match(await demo.getByTestId("result").innerText(), /精确交叉相乘: 未达到/)
        await demo.getByTestId("whole").fill("abc")
        assert.match(await demo.getByTestId("result").innerText(), /无效输入/)
      }
    },
    {
      name: "Pagefind search finds pages in English and Chinese",
      path: "/",
      run: async (page) => {
        await page.locator("button[data-open-modal]").first().click()
        await page.locator("dialog[open] input").fill("threshold")
        await page.locator(".pagefind-ui__result-link").first().waitFor()
        assert.ok((await page.locator(".pagefind-ui__result-link").count()) > 0)
        await page.goto(`${page.url().replace(/\/$/, "")}/zh-cn/`)
        await page.locator("button[data-open-modal]").first().click()
        await page.locator("dialog[open] input").fill("阈值")
        await page.locator(".pagefind-ui__result-link").first().waitFor()
        const first = await page.locator(".pagefind-ui__result-link").first().getAttribute("href")
        assert.match(first ?? "", /zh-cn/)
      }
    }
  ]
} satisfies BrowserSuite
