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
const mergeDemo = (page: Page) => page.locator("jiceng-grid-merge-demo")
const orgDemo = (page: Page) => page.locator("jiceng-organisation-demo")
const deliberationDemo = (page: Page) => page.locator("jiceng-deliberation-demo")
const cell = (demo: Locator, table: string, code: string, col: string): Promise<string> =>
  demo.locator(`[data-testid=${table}] tr[data-code="${code}"] td[data-col="${col}"]`).innerText()
const issueCodes = async (demo: Locator): Promise<Array<string>> =>
  demo.locator("[data-testid=issues] li").evaluateAll((items) => items.map((li) => li.getAttribute("data-code") ?? ""))

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
          /buildings\[\d+\]\.households: building B\d+-\d+ has \d+ households, above the grid maximum 70/
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
    },
    {
      name: "多网合一 demo: three layers merge into one plan within the band; base layer and map view switch",
      path: "/governance-model/grids/",
      run: async (page) => {
        const demo = mergeDemo(page)
        const status = demo.getByTestId("merge-status")
        const map = demo.locator("[data-testid=merge-map] svg")
        await map.first().waitFor()
        // Seed 2: 4,226 households; the public-order layer covers them all and is first, so it is the base.
        assert.equal(
          await status.innerText(),
          "Unified plan: 12 grids for 4226 households, 12/12 within 300–400; base layer public order 综治 (small grids): 2501/4226 of its households (59.18%) stay in their matched grid."
        )
        const layerCell = (id: string, col: string) =>
          demo.locator(`[data-testid=merge-layers] tr[data-layer="${id}"] td[data-col=${col}]`).innerText()
        // City-management grids (500–750) are larger than the band: every one is split.
        assert.equal(await layerCell("城管", "kept"), "0/4226 (0.00%)")
        assert.equal(await layerCell("城管", "split"), "7/7")
        assert.equal(await layerCell("党建", "kept"), "1055/4226 (24.96%)")
        assert.equal(
          await demo.locator('[data-testid=merge-overlaps] tr[data-pair="综治/党建"] td').innerText(),
          "2295/4226 (54.31%)"
        )
        assert.equal(await map.getAttribute("data-grids"), "12")
        await demo.getByTestId("merge-base").selectOption("党建")
        assert.equal(await layerCell("党建", "kept"), "2602/4226 (61.57%)")
        assert.match(await status.innerText(), /base layer party building 党建/)
        await demo.getByTestId("merge-view").selectOption("城管")
        assert.equal(await map.getAttribute("data-grids"), "7")
        await demo.getByTestId("merge-view").selectOption("党建")
        assert.equal(await map.getAttribute("data-grids"), "20")
        await demo.getByTestId("merge-min").fill("40")
        await demo.getByTestId("merge-max").fill("70")
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.match(
          await status.innerText(),
          /^Cannot merge \(InfeasibleBandError\)\nbuildings\[3\]\.households: building B000-003 has 78 households, above the grid maximum 70/
        )
        assert.equal(await map.count(), 0)
        await demo.getByTestId("merge-max").fill("abc")
        assert.match(await status.innerText(), /\noptions\.max: /)
        await demo.getByTestId("merge-min").fill("300")
        await demo.getByTestId("merge-max").fill("400")
        assert.equal(await status.getAttribute("data-state"), "ok")
      }
    },
    {
      name: "多网合一 demo: the zh-cn page merges the layers and reports errors in Chinese",
      path: "/zh-cn/governance-model/grids/",
      run: async (page) => {
        const demo = mergeDemo(page)
        const status = demo.getByTestId("merge-status")
        await demo.locator("[data-testid=merge-map] svg").first().waitFor()
        assert.match(
          await status.innerText(),
          /^统一方案：12 个网格，共 4226 户，12\/12 个在 300–400 户区间内；基准图层为综治网格（小）/
        )
        assert.match(
          await demo.locator('[data-testid=merge-layers] tr[data-layer="城管"] th').innerText(),
          /城管网格（大）/
        )
        await demo.getByTestId("merge-min").fill("40")
        await demo.getByTestId("merge-max").fill("70")
        assert.match(await status.innerText(), /楼栋 B000-003 有 78 户，超过网格上限 70，且楼栋不可拆分/)
      }
    },
    {
      name: "organisation demo: the valid community rolls up, and editing the JSON updates the rollup",
      path: "/governance-model/organisation/",
      run: async (page) => {
        const demo = orgDemo(page)
        const status = demo.getByTestId("status")
        await demo.locator("[data-testid=rollup-units] tr[data-code=C]").waitFor()
        assert.equal(await status.getAttribute("data-state"), "ok")
        assert.equal(
          await status.innerText(),
          "Valid: 4 buildings, 534 households, 6 people, 4 party members (3 full), 1 liaison households."
        )
        // 1号楼 180 + 2号楼 150 + 3号楼 (4 listed households) = 阳光小区 334; grids 330 + 204 = community 534.
        assert.equal(await cell(demo, "rollup-units", "Y", "households"), "334")
        assert.equal(await cell(demo, "rollup-units", "G1", "households"), "330")
        assert.equal(await cell(demo, "rollup-units", "G2", "households"), "204")
        assert.equal(await cell(demo, "rollup-units", "C", "households"), "534")
        assert.equal(await cell(demo, "rollup-units", "B3", "party"), "4 (3)")
        assert.equal(await cell(demo, "rollup-units", "B3", "liaison"), "1")
        assert.equal(await cell(demo, "rollup-orgs", "PB", "members"), "3 (3)")
        assert.equal(await cell(demo, "rollup-orgs", "RC", "members"), "5 (3)")
        assert.equal(await demo.locator("[data-testid=issues] li").count(), 0)
        const editor = demo.getByTestId("json")
        const json = await editor.inputValue()
        assert.ok(json.includes('"households": 180'))
        await editor.fill(json.replace('"households": 180', '"households": 200'))
        assert.equal(await cell(demo, "rollup-units", "G1", "households"), "350")
        assert.equal(await cell(demo, "rollup-units", "C", "households"), "554")
        assert.match(await status.innerText(), /^Valid: 4 buildings, 554 households/)
      }
    },
    {
      name: "organisation demo: every problem is listed at once with its path, in both languages; options clear some",
      path: "/governance-model/organisation/",
      run: async (page) => {
        const demo = orgDemo(page)
        const status = demo.getByTestId("status")
        await demo.locator("[data-testid=rollup-units] tr[data-code=C]").waitFor()
        await demo.getByTestId("preset-broken").click()
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.match(await status.innerText(), /^Problems found: 6 \(OrganisationError\)/)
        assert.deepEqual((await issueCodes(demo)).sort(), [
          "branch_too_few_full_members",
          "committee_size",
          "duplicate_code",
          "grid_spans_communities",
          "skipped_level",
          "unknown_parent"
        ])
        const branch = demo.locator('[data-testid=issues] li[data-code="branch_too_few_full_members"]')
        assert.match(
          await branch.innerText(),
          /^party\[1\] party branch PB has 2 full members, fewer than 3 \(Constitution of the Communist Party of China, art\. 30;/
        )
        assert.match(await branch.locator(".alt").innerText(), /党支部 PB 只有 2 名正式党员，少于 3 名/)
        assert.match(
          await demo.locator('[data-testid=issues] li[data-code="committee_size"]').innerText(),
          /^bodies\[0\] RC \(residentsCommittee\) has 4 seats; the rule is 5–9/
        )
        assert.match(
          await demo.locator('[data-testid=issues] li[data-code="grid_spans_communities"]').innerText(),
          /^units\[4\] grid G2 spans several communities: C, C2/
        )
        assert.equal(await demo.locator("[data-testid=rollup-units] tr").count(), 0)
        // Buildings directly under a community become allowed; a two-member branch too.
        await demo.getByTestId("skip-compound").check()
        assert.match(await status.innerText(), /^Problems found: 5 /)
        assert.ok(!(await issueCodes(demo)).includes("skipped_level"))
        await demo.getByTestId("min-full").fill("2")
        assert.match(await status.innerText(), /^Problems found: 4 /)
        await demo.getByTestId("min-full").fill("x")
        assert.match(await status.innerText(), /\(InvalidInputError\)/)
        assert.match(await demo.locator("[data-testid=issues] li").first().innerText(), /^minFullMembersPerBranch /)
        await demo.getByTestId("min-full").fill("3")
        await demo.getByTestId("json").fill("{ units: [")
        assert.match(await status.innerText(), /^The JSON does not parse: /)
        await demo.getByTestId("preset-valid").click()
        assert.equal(await status.getAttribute("data-state"), "ok")
        assert.equal(await cell(demo, "rollup-units", "C", "households"), "534")
      }
    },
    {
      name: "organisation demo: the zh-cn page lists the problems in Chinese with the English below",
      path: "/zh-cn/governance-model/organisation/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = orgDemo(page)
        const status = demo.getByTestId("status")
        await demo.locator("[data-testid=rollup-units] tr[data-code=C]").waitFor()
        assert.match(await status.innerText(), /^模型有效：4 栋楼、534 户、6 人/)
        assert.equal(await demo.locator("[data-testid=rollup-units] tr[data-code=G1] td").nth(2).innerText(), "网格")
        await demo.getByTestId("preset-broken").click()
        assert.match(await status.innerText(), /^发现 6 个问题（OrganisationError）/)
        const dup = demo.locator('[data-testid=issues] li[data-code="duplicate_code"]')
        assert.match(await dup.innerText(), /^bodies\[1\]\.code 编码 Y 重复（已用于 units\.2）/)
        assert.match(await dup.locator(".alt").innerText(), /code Y is used twice \(first at units\.2\)/)
        assert.match(
          await demo.locator('[data-testid=issues] li[data-code="unknown_parent"]').innerText(),
          /^units\[12\]\.parent B4 的上级 G9 不存在/
        )
      }
    },
    {
      name: "deliberation demo: a matter is routed by the 1+3 rules as its facts change; bad input is a typed error",
      path: "/governance-model/deliberation/",
      run: async (page) => {
        const demo = deliberationDemo(page)
        const route = demo.getByTestId("route")
        const procedure = demo.getByTestId("procedure")
        await route.waitFor()
        // 30 of 600 households ≤ 1/10, no public resources: the parties concerned.
        assert.equal(await route.getAttribute("data-route"), "partiesConcerned")
        assert.match(await route.innerText(), /small-group matter/)
        assert.equal(await procedure.getAttribute("data-procedure"), "")
        assert.match(await demo.locator("[data-testid=reasons] li[data-code=small_group]").innerText(), /30\/600/)
        // 100/600 is above 1/10 and below 1/3, disputed between two sides: a joint meeting mediates.
        await demo.getByTestId("affected").fill("100")
        assert.equal(await route.getAttribute("data-route"), "joint")
        assert.equal(await procedure.getAttribute("data-procedure"), "mediation")
        await demo.getByTestId("parties").fill("12")
        assert.equal(await procedure.getAttribute("data-procedure"), "coordination")
        await demo.getByTestId("public").check()
        assert.equal(await procedure.getAttribute("data-procedure"), "hearing")
        await demo.getByTestId("disputed").uncheck()
        assert.equal(await route.getAttribute("data-route"), "governmentLed")
        assert.match(await procedure.innerText(), /no joint meeting/)
        await demo.getByTestId("units").fill("3")
        assert.equal(await route.getAttribute("data-route"), "joint")
        assert.ok((await demo.locator("[data-testid=reasons] li[data-code=several_units]").count()) === 1)
        const status = demo.getByTestId("matter-status")
        await demo.getByTestId("affected").fill("700")
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.equal(await status.innerText(), "affectedHouseholds: affected households 700 exceed the community's 600")
        assert.equal(await demo.locator("[data-testid=matter-result] tr").count(), 0)
        await demo.getByTestId("affected").fill("100")
        await demo.getByTestId("small-share").fill("abc")
        assert.match(await status.innerText(), /^smallGroupShare: /)
        await demo.getByTestId("small-share").fill("1/5")
        assert.equal(await status.getAttribute("data-state"), "ok")
      }
    },
    {
      name: "deliberation demo: a survey is judged exactly against 80% with the number of answers still needed",
      path: "/governance-model/deliberation/",
      run: async (page) => {
        const demo = deliberationDemo(page)
        const verdict = demo.getByTestId("verdict")
        await demo.locator("[data-testid=survey-chart] svg").first().waitFor()
        // 70 + 8 of 100 = 78% < 80%: two more satisfied answers needed.
        assert.equal(await demo.getByTestId("rate").innerText(), "78/100 = 78.00%")
        assert.equal(await verdict.getAttribute("data-passes"), "false")
        assert.equal(
          await verdict.innerText(),
          "Fails: 2 more satisfied answers needed (unsatisfied answers turned satisfied)"
        )
        assert.match(
          await demo.getByTestId("explanation").innerText(),
          /satisfied 78\/100, needs at least 4\/5: fails, 2 short/
        )
        await demo.getByTestId("count-basically").uncheck()
        assert.equal(await demo.getByTestId("rate").innerText(), "70/100 = 70.00%")
        assert.equal(await verdict.getAttribute("data-shortfall"), "10")
        // Exactly 80%: at least passes, more than fails by one.
        await demo.getByTestId("satisfied").fill("80")
        await demo.getByTestId("basically").fill("0")
        await demo.getByTestId("unsatisfied").fill("20")
        assert.equal(await verdict.getAttribute("data-passes"), "true")
        assert.equal(await verdict.innerText(), "Passes")
        await demo.getByTestId("kind").selectOption("moreThan")
        assert.equal(await verdict.getAttribute("data-shortfall"), "1")
        const status = demo.getByTestId("survey-status")
        // A threshold above 100% can never be met: the library refuses it with a typed error.
        await demo.getByTestId("threshold").fill("6/5")
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.match(await status.innerText(), /^threshold: the threshold 6\/5 is above 100%/)
        await demo.getByTestId("threshold").fill("4/0")
        assert.equal(await status.getAttribute("data-state"), "error")
        assert.match(await status.innerText(), /^threshold\.denominator: Too small/)
        assert.equal(await demo.locator("[data-testid=survey-chart] svg").count(), 0)
        await demo.getByTestId("threshold").fill("4/5")
        await demo.getByTestId("satisfied").fill("-1")
        assert.match(await status.innerText(), /^satisfied: Too small/)
        await demo.getByTestId("satisfied").fill("80")
        assert.equal(await status.getAttribute("data-state"), "ok")
        await demo.locator("[data-testid=survey-chart] svg").first().waitFor()
      }
    },
    {
      name: "deliberation demo: the zh-cn page routes and judges in Chinese",
      path: "/zh-cn/governance-model/deliberation/",
      run: async (page) => {
        assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN")
        const demo = deliberationDemo(page)
        await demo.getByTestId("route").waitFor()
        assert.equal(await demo.getByTestId("route").innerText(), "小众事：利益相关方自主协商")
        assert.match(
          await demo.locator("[data-testid=reasons] li").first().innerText(),
          /^只涉及 30\/600 户（不超过 1\/10）/
        )
        assert.equal(
          await demo.getByTestId("verdict").innerText(),
          "未达标：还需 2 份满意答卷（由不满意转为满意）才能达标"
        )
        await demo.getByTestId("affected").fill("700")
        assert.equal(
          await demo.getByTestId("matter-status").innerText(),
          "affectedHouseholds: 受影响户数 700 超过社区户数 600"
        )
        await demo.getByTestId("unsatisfied").fill("abc")
        assert.match(await demo.getByTestId("survey-status").innerText(), /^unsatisfied: /)
      }
    }
  ]
} satisfies BrowserSuite
