import type { Citation } from "@jiceng/core"

// Every legal constant in the package points at one of these. `verified: false` marks a text
// seen only as a quotation on a secondary page (see voting-rules.md §0).

export const CIVIL_CODE_278: Citation = {
  title: "中华人民共和国民法典 Civil Code of the PRC",
  article: "art. 278",
  issuer: "全国人民代表大会 NPC",
  date: "2020-05-28",
  url: "https://github.com/LawRefBook/Laws/blob/master/民法典/物权编.md",
  verified: true
}

export const CIVIL_CODE_1259: Citation = {
  title: "中华人民共和国民法典 Civil Code of the PRC",
  article: "art. 1259",
  issuer: "全国人民代表大会 NPC",
  date: "2020-05-28",
  url: "https://github.com/LawRefBook/Laws/blob/master/民法典/附则.md",
  verified: true
}

export const BUILDING_INTERPRETATION: Citation = {
  title:
    "最高人民法院关于审理建筑物区分所有权纠纷案件适用法律若干问题的解释 SPC interpretation on building co-ownership",
  article: "arts. 8–9",
  issuer: "最高人民法院 Supreme People's Court",
  date: "2020-12-29",
  verified: true
}

export const PROPERTY_LAW_76: Citation = {
  title: "中华人民共和国物权法 Property Law of the PRC (repealed 2021-01-01)",
  article: "art. 76",
  issuer: "全国人民代表大会 NPC",
  date: "2007-03-16",
  verified: false
}

export const PROPERTY_REGULATION_12: Citation = {
  title: "物业管理条例 Regulation on Property Management (2018 revision)",
  article: "art. 12",
  issuer: "国务院 State Council",
  date: "2018-03-19",
  verified: true
}

export const GUIDANCE_2009_26: Citation = {
  title: "业主大会和业主委员会指导规则 Guidance Rules for Owners' Assemblies and Committees (建房〔2009〕274号)",
  article: "art. 26",
  issuer: "住房和城乡建设部 MOHURD",
  date: "2009-12-01",
  verified: false
}

export const GUIDANCE_2009_31: Citation = { ...GUIDANCE_2009_26, article: "art. 31" }

export const SHANGHAI_PROPERTY_18: Citation = {
  title: "上海市住宅物业管理规定 Shanghai Residential Property Management Provisions",
  article: "art. 18",
  issuer: "上海市人大常委会 Shanghai People's Congress Standing Committee",
  date: "2020-12-30",
  verified: true
}

export const SHANGHAI_PROPERTY_20: Citation = { ...SHANGHAI_PROPERTY_18, article: "art. 20" }

export const BEIJING_PROPERTY_39: Citation = {
  title: "北京市物业管理条例 Beijing Property Management Regulation",
  article: "art. 39",
  issuer: "北京市人大常委会 Beijing People's Congress Standing Committee",
  date: "2020-03-27",
  verified: true
}

export const BEIJING_PROPERTY_41: Citation = { ...BEIJING_PROPERTY_39, article: "art. 41" }

export const HANGZHOU_LINAN_CANDIDATES: Citation = {
  title: "临安区 水悦花园 业委会候选人条件 Hangzhou Lin'an estate committee candidate rules",
  date: "2025-10-10",
  url: "https://abc.zgwyzxw.cn/news/1694/16843",
  verified: false
}

export const HANGZHOU_QA_2019: Citation = {
  title: "杭州市住房保障和房产管理局 业委会问答 Hangzhou housing bureau Q&A",
  date: "2019-02-16",
  url: "http://fgj.hangzhou.gov.cn/art/2019/2/16/art_1629046_72.html",
  verified: false
}

export const LOCAL_ALTERNATES: Citation = {
  title: "业主委员会候补委员规则（地方示例）Local owners'-committee alternate rules (city unknown)",
  url: "https://m.78911.com.cn/GuiZhangZhiDu/712803-9.html",
  verified: false
}

export const SHENZHEN_PARTY_SHARE: Citation = {
  title: "深圳市住房和建设局 业委会党员比例 Shenzhen housing bureau on party-member share",
  date: "2022-04-01",
  url: "http://m.cdjurui.com/newsinfo_301_18953.html",
  verified: false
}

export const VILLAGE_LAW: Citation = {
  title: "中华人民共和国村民委员会组织法 Organic Law of Villagers' Committees",
  issuer: "全国人民代表大会常务委员会 NPC Standing Committee",
  date: "2018-12-29",
  url: "https://github.com/LawRefBook/Laws/blob/master/宪法相关法/村民委员会组织法(2018-12-29).md",
  verified: true
}

export const RESIDENTS_LAW: Citation = {
  title: "中华人民共和国城市居民委员会组织法 Organic Law of Urban Residents' Committees",
  issuer: "全国人民代表大会常务委员会 NPC Standing Committee",
  date: "2018-12-29",
  url: "https://github.com/LawRefBook/Laws/blob/master/宪法相关法/城市居民委员会组织法(2018-12-29).md",
  verified: true
}

export const ZHEJIANG_VILLAGE_ELECTION: Citation = {
  title: "浙江省村民委员会选举办法 Zhejiang Measures for Villagers' Committee Elections",
  issuer: "浙江省人大常委会 Zhejiang People's Congress Standing Committee",
  date: "2020-07-31",
  verified: true
}

export const article = (c: Citation, a: string): Citation => ({ ...c, article: a })
