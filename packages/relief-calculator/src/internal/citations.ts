import type { Citation } from "@jiceng/core"

// Source tags follow /work/shared/domain/relief-rules.md §0. `verified: false` marks values read
// only in a secondary source (news page, mirror, Q&A) and never checked against the instrument.

const S1 = "社会救助暂行办法 Interim Measures on Social Assistance (State Council Decree 649)"
const S2 = "最低生活保障审核确认办法 Measures for Reviewing and Confirming the Minimum Living Allowance (MCA)"
const S3 = "特困人员认定办法 Measures for Recognising People in Extreme Poverty (MCA, 民发〔2021〕43号)"
const S4 = "刚性支出困难家庭认定办法 Measures for Recognising Rigid-Expenditure Hardship Households (MCA)"
const S5 = "关于进一步做好最低生活保障等社会救助兜底保障工作的通知 (MCA and others, 2022)"

// Full-text copies the notes were read from (relief-rules.md §0).
const U1 = "https://github.com/LawRefBook/Laws/blob/master/行政法规/社会救助暂行办法(2019-03-02).md"
const U2 = "https://github.com/passwordgloo/Comet-law/blob/main/docs/department/1.1.1.md"
const U3 = "https://github.com/passwordgloo/Comet-law/blob/main/docs/department/1.2.md"
const U4 = "https://github.com/passwordgloo/Comet-law/blob/main/docs/department/1.1.3.md"
const U5 = "https://github.com/passwordgloo/Comet-law/blob/main/docs/policy/2.2.md"
const U6 = "https://github.com/passwordgloo/Comet-law/blob/main/docs/policy/2.3.md"
const U8 =
  "https://github.com/LawRefBook/Laws/blob/master/DLC/上海地方法规/地方性法规/上海/上海市社会救助条例(2024-12-31).md"
const U9 =
  "https://github.com/LawRefBook/Laws/blob/master/DLC/浙江地方法规/地方性法规/浙江/浙江省社会救助条例(2020-09-24).md"

// One factory per national instrument, so its title, issuer, date and copy are stated once.
// The date is the instrument's own (S1: 2019 revision; S3: issued 2021-04-26, see §0; S2 and S4:
// in force from).
const instrument =
  (title: string, issuer: string, date: string, url: string) =>
  (article: string): Citation => ({ title, article, issuer, date, url, verified: true })
const s1 = instrument(S1, "State Council", "2019-03-02", U1)
const s2 = instrument(S2, "Ministry of Civil Affairs", "2021-07-01", U2)
const s3 = instrument(S3, "Ministry of Civil Affairs", "2021-04-26", U3)
const s4 = instrument(S4, "Ministry of Civil Affairs", "2025-01-01", U4)

export const cite = {
  s1art9: s1("art. 9"),
  s1art12: s1("art. 12"),
  s1art15: s1("art. 15"),
  s1art47: s1("arts. 47–49"),
  s2art7: s2("art. 7"),
  s2art8: s2("art. 8"),
  s2art13: s2("art. 13"),
  s2art14: s2("art. 14"),
  s2art23: s2("art. 23"),
  s2art33: s2("art. 33"),
  s3art4: s3("arts. 4–8"),
  s3art5: s3("art. 5"),
  s3art6: s3("art. 6"),
  s3art8: s3("art. 8"),
  s3art9: s3("art. 9"),
  s3art24: s3("art. 24 and its note (minors supported until 18, longer while in school)"),
  s3art22: s3("arts. 20–23"),
  s4art4: s4("arts. 4–5"),
  // S5 and S6: the notes give only the year (in the title) — no day, no document number.
  s5: {
    title: S5,
    article: "§1(1), §1(3)",
    issuer: "Ministry of Civil Affairs and three other bodies",
    url: U5,
    verified: true
  },
  s6: {
    title:
      "关于加强低收入人口动态监测做好分层分类社会救助工作的意见 (forwarded by the General Office of the State Council, 2023)",
    article: "§1(2), §2(1)",
    url: U6,
    verified: true
  },
  s9art39: {
    title: "浙江省社会救助条例 Zhejiang Social Assistance Regulation",
    article: "art. 39",
    date: "2020-09-24",
    url: U9,
    verified: true
  },
  s8art29: {
    title: "上海市社会救助条例 Shanghai Social Assistance Regulation",
    article: "art. 29",
    date: "2024-12-31",
    url: U8,
    verified: true
  },
  s11: {
    title: "Municipal civil-affairs Q&A on support owed by obligated relatives (city unidentified)",
    date: "2023-09-27",
    url: "http://pepoverse.com/hdjl/hdzsk/mzj/202309/t20230927_2944020.htm",
    verified: false
  },
  s12: {
    title: "Rural dibao implementing rule with a support-fee formula (locality unknown)",
    url: "http://www.fymate.net/html/text/lar/170436/17043662_3.html",
    verified: false
  },
  s13: { title: "District rule with a 20% support-fee formula (excerpt)", date: "2013-10-28", verified: false },
  s14: {
    title: "Q&A: 30% support-fee formula on the low-income line",
    url: "https://pfbkw.com/guwen/falv/kowz9k.html",
    verified: false
  },
  s15: {
    title: "Unofficial 50% / 40% support-fee template (widely copied, no official origin found)",
    url: "http://jichuang.mbahome.com/industry/2023/0811/5470.html",
    verified: false
  },
  s16: {
    title: "衡阳 Hengyang: income deductions for severely disabled or ill members",
    url: "http://sichuanhong.com/content/202511/4569289.html",
    verified: false
  },
  s18: {
    title: "济南 Jinan 2020 dibao and 特困 standards (济南日报)",
    date: "2020-04-01",
    url: "http://huibaoxi.com.cn/content/qcyw/content-108-30352-1.html",
    verified: false
  },
  s19: {
    title: "潍坊 Weifang 2021 standards (潍坊晚报)",
    date: "2021-01-01",
    url: "http://cocokvip.com/content/2021-04/15/content_2517911.htm",
    verified: false
  },
  s20: {
    title: "东营 Dongying 2019 standards",
    date: "2019-10-01",
    url: "http://news.dongyingnews.cn/system/2019/10/30/010723924.shtml",
    verified: false
  },
  s21: { title: "绵阳 Mianyang 2020 standards (绵阳日报, excerpt)", date: "2020-07-01", verified: false },
  // S24 and S25: the notes give no date for either page (S24's "from 2024-07" is the claimed
  // start of the standard, which its official URL, dated 2024-12, contradicts; §9.2).
  s24: {
    title: "北京 Beijing dibao standard 1450 yuan from 2024-07 (third-party dataset citing beijing.gov.cn)",
    url: "https://www.beijing.gov.cn/zhengce/zhengcefagui/202412/t20241231_3977722.html",
    verified: false
  },
  s25: {
    title:
      "北京 Beijing temporary assistance: 急难型 ≤ 3 months of the dibao standard per person (third-party dataset)",
    url: "https://www.beijing.gov.cn/zhengce/zhengcefagui/202009/t20200909_2042924.html",
    verified: false
  },
  s28: {
    title: "深圳龙华 Shenzhen Longhua temporary-assistance Q&A",
    url: "https://www.szlhq.gov.cn/xxgk/zcfg/zcwjk/zcwd/bsfw/content/post_11824899.html",
    verified: false
  },
  s29: {
    title:
      "County temporary-assistance page (xxhjd): ≤ 6 × the urban monthly line per person; township approves ≤ 3 ×; one application per cause per year",
    url: "http://qingfeng.xxhjd.gov.cn/index.php/index/hmzcxxy/contentid/2115/id/68",
    verified: false
  },
  s33: {
    title: "临时救助 types (急难型 / 支出型) and the expenditure-type income and asset test (mirrored local Q&A)",
    url: "http://www.listarc.com/gzcy/hdzsk/mzj/202211/t20221130_2813490.htm",
    verified: false
  },
  s32: {
    title: "Asset exclusions of an unnamed city (vehicles, 2+ homes)",
    url: "https://ddtbk.com/qita/2458769a4acb7c95cdf58813b2e1a25b.html",
    verified: false
  },
  essay6: {
    title:
      "基层社会治理难题破解 essay 6: composite standard (income net of rigid expenditure; support counted only when actually paid) — a reform proposal, not law",
    verified: false
  },
  jicengDefault: {
    title: "Jiceng documented default where no rule was found (relief-rules.md §9) — configure for your locality",
    verified: false
  }
} satisfies Record<string, Citation>
