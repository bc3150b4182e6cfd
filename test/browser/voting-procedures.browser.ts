import assert from "node:assert/strict"
import type { Page } from "playwright-core"
import type { BrowserSuite } from "./harness.ts"

const text = async (page: Page, root: string, testId: string) => page.locator(root).getByTestId(testId).innerText()

const row = (page: Page, name: string) => page.locator(`jiceng-calton-demo tr[data-candidate="${name}"]`)

export default {
  name: "voting-procedures",
  tests: [
    {
      name: "owners' assembly editor: edit a ballot and the area, watch both decisions and the explanation update",
      path: "/voting-procedures/owners-assembly/",
      run: async (page) => {
        const demo = "jiceng-assembly-demo"
        await page.locator(demo).getByTestId("outcome-4").waitFor()
        assert.equal(await text(page, demo, "outcome-4"), "Item 4: PASSED")
        assert.equal(await text(page, demo, "outcome-6"), "Item 6: FAILED")
        assert.match(await text(page, demo, "reasons-6"), /yes-headcount/)
        assert.match(await text(page, demo, "explanation-6"), /4 × 5 = 20 < 21 = 3 × 7/)
        // Owner f (row 7) returns a yes on item 6: 6 of 8 and 1,700 of 1,900 m² — both ≥ 3/4.
        await page.locator(demo).getByTestId("item6-7").selectOption("yes")
        assert.equal(await text(page, demo, "outcome-6"), "Item 6: PASSED")
        assert.match(await text(page, demo, "reasons-6"), /—/)
        // The developer's area shrinks to 100 m²: item 4's yes side holds 400 of 900 m², not more than half.
        await page.locator(demo).getByTestId("area-0").fill("100")
        assert.equal(await text(page, demo, "outcome-4"), "Item 4: FAILED")
        assert.match(await text(page, demo, "reasons-4"), /yes-area/)
        // A decision before 2021 is judged by the former Property Law.
        await page.locator(demo).getByTestId("decision-date").fill("2020-06-01")
        assert.match(await text(page, demo, "explanation-4"), /former Property Law art\. 76/)
        // Removing an owner and adding one keep the editor consistent.
        await page.locator(demo).getByTestId("add-owner").click()
        assert.equal(await page.locator(demo).locator("tbody tr").count(), 9)
        await page.locator(demo).getByTestId("remove-8").click()
        assert.equal(await page.locator(demo).locator("tbody tr").count(), 8)
      }
    },
    {
      name: "owners' assembly editor: invalid input shows the typed, located validation message",
      path: "/voting-procedures/owners-assembly/",
      run: async (page) => {
        const demo = page.locator("jiceng-assembly-demo")
        await demo.getByTestId("area-2").fill("-5")
        assert.equal(await demo.getByTestId("result-4").getAttribute("data-state"), "error")
        assert.equal(await demo.getByTestId("outcome-4").innerText(), "Invalid input")
        assert.match(await demo.getByTestId("error-4").innerText(), /^owners\[2\]\.units\[0\]\.area: .+/)
        // Two owners with the same id: a duplicate_owner error, not a silent merge.
        await demo.getByTestId("area-2").fill("100")
        await demo.getByTestId("id-3").fill("a")
        assert.match(await demo.getByTestId("error-4").innerText(), /owner a is listed twice \(duplicate_owner\)/)
      }
    },
    {
      name: "owners' assembly editor in 简体中文",
      path: "/zh-cn/voting-procedures/owners-assembly/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = page.locator("jiceng-assembly-demo")
        await demo.getByTestId("outcome-4").waitFor()
        assert.equal(await demo.getByTestId("outcome-4").innerText(), "第 4 项: 通过")
        assert.equal(await demo.getByTestId("outcome-6").innerText(), "第 6 项: 未通过")
        assert.match(await demo.getByTestId("explanation-4").innerText(), /参与表决门槛/)
        await demo.getByTestId("area-1").fill("abc")
        assert.equal(await demo.getByTestId("outcome-4").innerText(), "无效输入")
        assert.match(await demo.getByTestId("error-4").innerText(), /^owners\[1\]\.units\[0\]\.area: /)
      }
    },
    {
      name: "committee election: relatives rule, then a relatives re-vote and a runoff typed in as the count asks",
      path: "/voting-procedures/committee-elections/",
      run: async (page) => {
        const demo = page.locator("jiceng-committee-demo")
        await demo.getByTestId("status").waitFor()
        // A 470, B 450, C 320 of 620 (line > 310); A and B are relatives: B lapses, C takes the seat.
        assert.equal(await demo.getByTestId("status").innerText(), "Complete")
        assert.equal(await demo.getByTestId("elected").innerText(), "Elected: A 470 (first), C 320 (first)")
        assert.match(await demo.getByTestId("explanation").innerText(), /B's election lapses/)
        // A and B tie at 320: they vote again.
        await demo.getByTestId("ballots").fill("320: A, B\n150: C\n150:")
        assert.equal(await demo.getByTestId("status").innerText(), "Re-vote required")
        assert.equal(await demo.getByTestId("next").innerText(), "next round's candidates: A, B")
        assert.match(await demo.getByTestId("reasons").innerText(), /relatives-tie/)
        await demo.getByTestId("revote").fill("300: A\n200: B")
        assert.equal(await demo.getByTestId("status").innerText(), "Runoff required")
        assert.equal(await demo.getByTestId("next").innerText(), "next round's candidates: C")
        // C 400 of 500 in the runoff: 3 × 400 = 1200 ≥ 500.
        await demo.getByTestId("runoff").fill("400: C\n100:")
        assert.equal(await demo.getByTestId("status").innerText(), "Complete")
        assert.equal(await demo.getByTestId("elected").innerText(), "Elected: A 300 (tieRevote), C 400 (runoff)")
        assert.match(await demo.getByTestId("explanation").innerText(), /3 × 400 = 1200 ≥ 500/)
      }
    },
    {
      name: "committee election: invalid input and a round the count never asks for are typed errors",
      path: "/voting-procedures/committee-elections/",
      run: async (page) => {
        const demo = page.locator("jiceng-committee-demo")
        await demo.getByTestId("ballots").fill("300: A, Z")
        assert.equal(await demo.getByTestId("status").innerText(), "Invalid input")
        assert.match(
          await demo.getByTestId("error").innerText(),
          /^ballots\[0\]\.choices\[1\]: unknown candidate Z \(unknown_candidate\)/
        )
        await demo.getByTestId("ballots").fill("300: A, B\n150: B, C\n170: A, C")
        await demo.getByTestId("runoff").fill("10: C")
        assert.match(await demo.getByTestId("error").innerText(), /^runoff\.ballots: .+\(unused_round\)/)
      }
    },
    {
      name: "committee election in 简体中文",
      path: "/zh-cn/voting-procedures/committee-elections/",
      run: async (page) => {
        const demo = page.locator("jiceng-committee-demo")
        await demo.getByTestId("status").waitFor()
        assert.equal(await demo.getByTestId("status").innerText(), "选举完成")
        assert.match(await demo.getByTestId("explanation").innerText(), /B 的当选不成立/)
        await demo.getByTestId("seats").fill("x")
        assert.equal(await demo.getByTestId("status").innerText(), "无效输入")
        assert.match(await demo.getByTestId("error").innerText(), /^seats: /)
      }
    },
    {
      name: "Calton 2007: step through the Scottish STV stages with next and previous",
      path: "/voting-procedures/stv/",
      run: async (page) => {
        const demo = page.locator("jiceng-calton-demo")
        await demo.getByTestId("stage-label").waitFor()
        assert.equal(await demo.getByTestId("stage-label").innerText(), "Stage 1 of 10")
        assert.equal(await demo.getByTestId("prev").isDisabled(), true)
        assert.match(await row(page, "George Redmond").innerText(), /1982\.00000/)
        assert.equal((await demo.getByTestId("chart").locator("svg").count()) > 0, true)
        await demo.getByTestId("next").click()
        assert.equal(await demo.getByTestId("stage-label").innerText(), "Stage 2 of 10")
        assert.match(await demo.getByTestId("stage-action").innerText(), /surplus transfer: George Redmond/)
        assert.match(await row(page, "George Redmond").innerText(), /1300\.00000\s+−682\.00000\s+elected/)
        assert.match(await row(page, "Ruth Simpson").innerText(), /1035\.05847\s+\+407\.05847/)
        assert.match(await demo.getByTestId("stage-explanation").innerText(), /surplus of 682\.00000/)
        for (let i = 0; i < 8; i++) await demo.getByTestId("next").click()
        assert.equal(await demo.getByTestId("stage-label").innerText(), "Stage 10 of 10")
        assert.equal(await demo.getByTestId("next").isDisabled(), true)
        assert.match(await row(page, "Ruth Simpson").innerText(), /1393\.86735.*elected/s)
        assert.match(await row(page, "Alison E Thewliss").innerText(), /1300\.00000.*elected/s)
        assert.match(await row(page, "Fiacra Fullerton").innerText(), /excluded/)
        await demo.getByTestId("prev").click()
        assert.equal(await demo.getByTestId("stage-label").innerText(), "Stage 9 of 10")
      }
    },
    {
      name: "Calton 2007 in 简体中文",
      path: "/zh-cn/voting-procedures/stv/",
      run: async (page) => {
        const demo = page.locator("jiceng-calton-demo")
        await demo.getByTestId("stage-label").waitFor()
        assert.equal(await demo.getByTestId("stage-label").innerText(), "第 1 轮，共 10 轮")
        await demo.getByTestId("next").click()
        assert.match(await row(page, "George Redmond").innerText(), /当选/)
        assert.match(await demo.getByTestId("stage-explanation").innerText(), /第 2 轮：转移 George Redmond 的盈余/)
      }
    }
  ]
} satisfies BrowserSuite
