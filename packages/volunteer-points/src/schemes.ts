import {
  Citation,
  type InvalidInputError,
  IsoDate,
  type ParameterHistory,
  type Result,
  type ValueInForce,
  validate,
  valueAt
} from "@jiceng/core"
import * as z from "zod"
import { LedgerId } from "./LedgerModel.ts"

/**
 * Text in both languages.
 *
 * @since 0.1.0
 * @category schemes
 */
export const Bilingual = z.strictObject({ zh: z.string().min(1).max(200), en: z.string().min(1).max(200) })
/** @since 0.1.0 @category schemes */
export type Bilingual = z.infer<typeof Bilingual>

/**
 * An id short enough to be prefixed into a ledger id (1–100 characters): holders, merchants,
 * items, regions and operations.
 *
 * @example
 * ```ts
 * import { ShortId } from "@jiceng/volunteer-points"
 * ShortId.safeParse("vol-0001").success //=> true
 * ```
 * @since 0.1.0
 * @category schemes
 */
export const ShortId = z.string().min(1).max(100)
/** @since 0.1.0 @category schemes */
export type ShortId = z.infer<typeof ShortId>

/**
 * How the giver and the receiver of a gift (赠与) or withdrawal are related. The ledger never
 * stores it; the caller declares it per operation and the scheme decides what is allowed.
 *
 * @example
 * ```ts
 * import { Relation } from "@jiceng/volunteer-points"
 * Relation.safeParse("grandparent").success //=> true
 * ```
 * @since 0.1.0
 * @category schemes
 */
export const Relation = z.enum(["self", "spouse", "parent", "grandparent", "child", "grandchild", "sibling", "friend"])
/** @since 0.1.0 @category schemes */
export type Relation = z.infer<typeof Relation>

/**
 * One item of a redemption catalogue (兑换目录): a merchant's offer priced in the scheme's unit,
 * with an optional stock (absent: unlimited) and the region the merchant is in (for 通存通兑).
 *
 * @since 0.1.0
 * @category schemes
 */
export const CatalogueItem = z.strictObject({
  sku: ShortId,
  merchant: ShortId,
  name: Bilingual,
  price: z.int().min(1).max(1_000_000_000),
  stock: z.int().min(0).max(1_000_000_000).optional(),
  region: ShortId.optional()
})
/** @since 0.1.0 @category schemes */
export type CatalogueItem = z.infer<typeof CatalogueItem>

const RoundingSchema = z.enum(["floor", "ceil", "trunc", "halfUp", "halfEven"])

/**
 * A points or time-bank scheme as data: how served hours become units, how lots are spent and
 * whether they expire, caps, the redemption catalogue and minimum, withdrawal ages, who may
 * receive gifts, and a citation per legal constant (`citations`, keyed by parameter path; a
 * citation with `verified: false` marks a value from a secondary source).
 *
 * @since 0.1.0
 * @category schemes
 */
export const Scheme = z
  .strictObject({
    id: LedgerId,
    version: z.int().min(1),
    kind: z.enum(["communityPoints", "timeBank"]),
    name: Bilingual,
    /** The ledger unit; amounts are safe integers of it (minutes for time banks). */
    unit: LedgerId,
    /** How one displayed unit (a point, a time coin) is stored: e.g. 60 when the unit is minutes. */
    display: z.strictObject({ per: z.int().min(1).max(1_000_000), name: Bilingual }),
    effective: z.strictObject({ from: IsoDate, to: IsoDate.optional() }),
    earning: z.strictObject({
      /** Units credited per hour actually served (志愿服务记录办法 2012: hours, travel excluded). */
      unitsPerHour: z.int().min(1).max(1_000_000),
      /** Rounding of minutes × unitsPerHour / 60; default "floor" never credits unserved time. */
      rounding: RoundingSchema
    }),
    lots: z.strictObject({
      /** Which lots a spend consumes first: oldest issued (FIFO) or soonest expiring (FEFO). */
      order: z.enum(["fifo", "fefo"]),
      /** Days after issue when a lot's remainder expires; absent: never (the time-bank default). */
      expiryDays: z.int().min(1).max(36_500).optional(),
      /** Whether a gift keeps the giver's issue and expiry dates ("carry") or starts afresh ("reset"). */
      giftProvenance: z.enum(["carry", "reset"])
    }),
    cap: z
      .strictObject({
        amount: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
        /** "balance": a storage cap on what a holder holds; "earnedPerYear": on what a holder earns per calendar year (UTC+8). */
        basis: z.enum(["balance", "earnedPerYear"]),
        /** What happens to units above the cap: refused, or credited to the donation pool. */
        overflow: z.enum(["reject", "donate"])
      })
      .optional(),
    redemption: z.strictObject({
      /** The balance a holder must have reached before redeeming at all (Changsha: 5 h). */
      minimumBalance: z.int().min(0).max(Number.MAX_SAFE_INTEGER),
      catalogue: z.array(CatalogueItem).max(10_000)
    }),
    withdrawal: z
      .strictObject({
        /** Age from which a beneficiary may draw service (Beijing 60, Shanghai 65). */
        minAge: z.int().min(0).max(150),
        /** Lower age for people in special hardship (Shanghai 60). */
        hardshipMinAge: z.int().min(0).max(150).optional(),
        /** Whose care the holder may pay for. */
        beneficiaries: z.array(Relation).min(1)
      })
      .optional(),
    /** Relations a holder may gift units to; empty: gifts are not allowed. */
    gifts: z.strictObject({ relations: z.array(Relation) }),
    /** Whether holders may donate to the scheme's donation pool (捐赠). */
    donations: z.boolean(),
    citations: z.record(z.string(), Citation)
  })
  .check((ctx) => {
    const s = ctx.value
    if (s.effective.to !== undefined && s.effective.to <= s.effective.from)
      ctx.issues.push({
        code: "custom",
        input: s,
        path: ["effective", "to"],
        message: "empty period",
        params: {
          code: "empty_period",
          zh: `结束日期 ${s.effective.to} 不晚于开始日期 ${s.effective.from}`,
          en: `end ${s.effective.to} is not after start ${s.effective.from}`
        }
      })
    const skus = new Set<string>()
    const regionOf = new Map<string, string>()
    s.redemption.catalogue.forEach((item, i) => {
      if (skus.has(item.sku))
        ctx.issues.push({
          code: "custom",
          input: item,
          path: ["redemption", "catalogue", i, "sku"],
          message: "duplicate sku",
          params: { code: "duplicate_sku", zh: `商品编号 ${item.sku} 重复`, en: `sku ${item.sku} appears twice` }
        })
      skus.add(item.sku)
      const region = item.region ?? DEFAULT_REGION
      const seen = regionOf.get(item.merchant)
      if (seen !== undefined && seen !== region)
        ctx.issues.push({
          code: "custom",
          input: item,
          path: ["redemption", "catalogue", i, "region"],
          message: "merchant in two regions",
          params: {
            code: "merchant_region_conflict",
            zh: `商户 ${item.merchant} 被列在两个地区`,
            en: `merchant ${item.merchant} is listed in two regions`
          }
        })
      regionOf.set(item.merchant, region)
    })
    const w = s.withdrawal
    if (w?.hardshipMinAge !== undefined && w.hardshipMinAge > w.minAge)
      ctx.issues.push({
        code: "custom",
        input: w,
        path: ["withdrawal", "hardshipMinAge"],
        message: "hardship age above the general age",
        params: {
          code: "hardship_age_above_general",
          zh: "困难人员的兑换年龄不应高于一般年龄",
          en: "the hardship withdrawal age should not exceed the general one"
        }
      })
  })
/** @since 0.1.0 @category schemes */
export type Scheme = z.infer<typeof Scheme>

/** The region holders and merchants are in when none is given. */
export const DEFAULT_REGION = "default"

/**
 * Validates a scheme of your own (自定义方案), typically a preset spread with your changes, and
 * returns it or a typed error with a bilingual issue per problem.
 *
 * @example
 * ```ts
 * import { defineScheme, schemes } from "@jiceng/volunteer-points"
 * const base = schemes.kunshan[0]!.value
 * const mine = defineScheme({ ...base, id: "my-estate", lots: { ...base.lots, expiryDays: 365 } })
 * mine.ok //=> true
 * defineScheme({ ...base, earning: { unitsPerHour: 0, rounding: "floor" } }).ok //=> false
 * ```
 * @since 0.1.0
 * @category schemes
 */
export const defineScheme = (input: unknown): Result<Scheme, InvalidInputError> => validate(Scheme, input)

const item = (sku: string, merchant: string, zh: string, en: string, price: number, stock?: number): CatalogueItem =>
  stock === undefined ? { sku, merchant, name: { zh, en }, price } : { sku, merchant, name: { zh, en }, price, stock }

const MCA_2012: Citation = {
  title: "志愿服务记录办法 (民函〔2012〕340号)",
  issuer: "民政部",
  date: "2012-10-01",
  url: "https://www.gov.cn/jrzg/2012-09/27/content_2234139.htm",
  verified: false
}

const KUNSHAN: Citation = {
  title: "昆山市志愿服务积分兑换 (report, 2025)",
  url: "http://wm.jschina.com.cn/9654/202507/t20250722_8506591.shtml",
  date: "2025-07-22",
  verified: false
}
const CHANGSHA: Citation = {
  title: "长沙市开福区“爱星社”志愿服务积分平台 (report, 2023)",
  url: "https://arts.icswb.com/h/100037/20230826/828523.html",
  date: "2023-08-26",
  verified: false
}
const BEIJING: Citation = {
  title: "北京市养老服务时间银行实施方案（试行）",
  issuer: "北京市民政局",
  date: "2022-06-01",
  url: "http://www.tyjgjz.com/cn/Instant/municipal/202201/t20220120_7133389.html",
  verified: false
}
const NANJING: Citation = {
  title: "南京市养老服务时间银行实施方案",
  issuer: "南京市民政局",
  date: "2019-07-01",
  url: "http://www.isenbj.cn/e/action/ShowInfo.php?classid=14&id=108504",
  verified: false
}
// The Gulou district pilot, for who may draw on Nanjing's time: self, spouse or direct relatives aged 60+.
const NANJING_GULOU: Citation = {
  title: "鼓楼区时间银行试点 (report, 2018)",
  url: "http://dz.xdkb.net/html/2018-10/18/content_495567.htm",
  verified: false
}
const SHANGHAI: Citation = {
  title: "“沪助养老时光汇”管理办法",
  issuer: "上海市民政局",
  date: "2026-01-12",
  url: "http://www.shfzb.com.cn/shfzb/h5/html5/2026-01/12/content_150404_3031241.htm",
  verified: false
}

const coin = { per: 60, name: { zh: "时间币", en: "time coins" } }
const hour = { per: 60, name: { zh: "小时", en: "hours" } }
const careItem = (sku: string, zh: string, en: string, hours: number): CatalogueItem =>
  item(sku, "care-platform", zh, en, hours * 60)

const kunshan: Scheme = {
  id: "kunshan-points",
  version: 1,
  kind: "communityPoints",
  name: { zh: "昆山志愿服务积分", en: "Kunshan volunteer points" },
  unit: "points",
  display: { per: 1, name: { zh: "积分", en: "points" } },
  effective: { from: "2025-07-01" },
  earning: { unitsPerHour: 10, rounding: "floor" },
  lots: { order: "fifo", giftProvenance: "carry" },
  redemption: {
    minimumBalance: 0,
    catalogue: [
      item("rice-5kg", "kunshan-store", "大米 5 公斤", "rice, 5 kg", 800, 100),
      item("cooker", "kunshan-store", "电饭煲", "rice cooker", 3800, 10)
    ]
  },
  gifts: { relations: [] },
  donations: true,
  citations: {
    "earning.unitsPerHour": KUNSHAN,
    "redemption.catalogue": KUNSHAN,
    "earning.rounding": MCA_2012
  }
}

const changsha: Scheme = {
  id: "changsha-aixingshe",
  version: 1,
  kind: "communityPoints",
  name: { zh: "长沙开福区爱星社", en: "Changsha Kaifu Aixingshe" },
  unit: "minutes",
  display: hour,
  effective: { from: "2023-08-01" },
  earning: { unitsPerHour: 60, rounding: "floor" },
  lots: { order: "fifo", giftProvenance: "carry" },
  redemption: {
    minimumBalance: 5 * 60,
    catalogue: [
      item("haircut", "barber-1", "理发一次（1 小时）", "a haircut (1 h)", 60),
      item("meal", "canteen-1", "社区食堂套餐（30 分钟）", "community canteen meal (30 min)", 30)
    ]
  },
  gifts: { relations: [] },
  donations: false,
  citations: { "redemption.minimumBalance": CHANGSHA, "earning.unitsPerHour": MCA_2012 }
}

const beijing: Scheme = {
  id: "beijing-time-bank",
  version: 1,
  kind: "timeBank",
  name: { zh: "北京市养老服务时间银行", en: "Beijing elder-care time bank" },
  unit: "minutes",
  display: coin,
  effective: { from: "2022-06-01" },
  earning: { unitsPerHour: 60, rounding: "floor" },
  lots: { order: "fifo", giftProvenance: "carry" },
  redemption: {
    minimumBalance: 0,
    catalogue: [careItem("care-hour", "上门助老服务 1 小时", "one hour of home care", 1)]
  },
  withdrawal: { minAge: 60, beneficiaries: ["self", "spouse"] },
  gifts: { relations: ["parent", "grandparent"] },
  donations: true,
  citations: {
    "earning.unitsPerHour": BEIJING,
    "withdrawal.minAge": BEIJING,
    "withdrawal.beneficiaries": BEIJING,
    "gifts.relations": BEIJING,
    "lots.expiryDays": { ...BEIJING, article: "no expiry stated in the sources reviewed" }
  }
}

const nanjing: Scheme = {
  id: "nanjing-time-bank",
  version: 1,
  kind: "timeBank",
  name: { zh: "南京市养老服务时间银行", en: "Nanjing elder-care time bank" },
  unit: "minutes",
  display: hour,
  effective: { from: "2019-07-01" },
  earning: { unitsPerHour: 60, rounding: "floor" },
  lots: { order: "fifo", giftProvenance: "carry" },
  cap: { amount: 1500 * 60, basis: "balance", overflow: "donate" },
  redemption: {
    minimumBalance: 0,
    catalogue: [careItem("care-hour", "助老服务 1 小时", "one hour of elder care", 1)]
  },
  withdrawal: { minAge: 60, beneficiaries: ["self", "spouse", "parent", "grandparent"] },
  gifts: { relations: ["spouse", "parent", "grandparent"] },
  donations: true,
  citations: {
    "cap.amount": NANJING,
    "cap.overflow": NANJING,
    "earning.unitsPerHour": { ...NANJING, article: "time is deposited in hours of service" },
    "withdrawal.minAge": NANJING,
    "withdrawal.beneficiaries": NANJING_GULOU,
    "gifts.relations": NANJING_GULOU
  }
}

const shanghai: Scheme = {
  id: "shanghai-time-bank",
  version: 1,
  kind: "timeBank",
  name: { zh: "沪助养老时光汇", en: "Shanghai elder-care time bank" },
  unit: "minutes",
  display: coin,
  effective: { from: "2026-01-12" },
  earning: { unitsPerHour: 60, rounding: "floor" },
  lots: { order: "fifo", giftProvenance: "carry" },
  redemption: {
    minimumBalance: 0,
    catalogue: [careItem("care-package", "非专业照护服务包（2 小时）", "non-professional care package (2 h)", 2)]
  },
  withdrawal: {
    minAge: 65,
    hardshipMinAge: 60,
    beneficiaries: ["self", "spouse", "parent", "grandparent", "sibling", "friend"]
  },
  gifts: { relations: ["spouse", "parent", "grandparent", "child", "grandchild", "sibling", "friend"] },
  donations: true,
  citations: {
    "earning.unitsPerHour": {
      ...SHANGHAI,
      article: "time coins per hour of service are not stated in the report; one coin per hour, as in Beijing, assumed"
    },
    "withdrawal.minAge": SHANGHAI,
    "withdrawal.hardshipMinAge": SHANGHAI,
    "withdrawal.beneficiaries": {
      ...SHANGHAI,
      article: "gifts to family or friends; the beneficiaries follow the gift rule"
    },
    "gifts.relations": SHANGHAI,
    "effective.from": { ...SHANGHAI, article: "date of the newspaper report; the instrument's own date is unverified" }
  }
}

/**
 * The presets, each a {@link ParameterHistory} of scheme versions with the period each was in
 * force and its main source. Every value is from a secondary report (`verified: false`):
 * check the instrument before relying on it. Time banks have no expiry (none of the sources
 * reviewed states one). Nanjing's 1,500-hour cap is a storage cap on the balance, as the
 * sources describe it; use `basis: "earnedPerYear"` in your own scheme for an annual cap.
 *
 * @example
 * ```ts
 * import { schemes } from "@jiceng/volunteer-points"
 * schemes.nanjing[0]!.value.cap //=> { amount: 90000, basis: "balance", overflow: "donate" }
 * schemes.shanghai[0]!.value.withdrawal?.minAge //=> 65
 * ```
 * @since 0.1.0
 * @category schemes
 */
export const schemes: {
  readonly kunshan: ParameterHistory<Scheme>
  readonly changsha: ParameterHistory<Scheme>
  readonly beijing: ParameterHistory<Scheme>
  readonly nanjing: ParameterHistory<Scheme>
  readonly shanghai: ParameterHistory<Scheme>
} = {
  kunshan: [{ value: kunshan, from: kunshan.effective.from, source: KUNSHAN }],
  changsha: [{ value: changsha, from: changsha.effective.from, source: CHANGSHA }],
  beijing: [{ value: beijing, from: beijing.effective.from, source: BEIJING }],
  nanjing: [{ value: nanjing, from: nanjing.effective.from, source: NANJING }],
  shanghai: [{ value: shanghai, from: shanghai.effective.from, source: SHANGHAI }]
}

/**
 * The version of a scheme in force on `date`, with a warning when the date lies after the
 * last known version's end; a date before the first version is a typed error.
 *
 * @example
 * ```ts
 * import { schemeAt, schemes } from "@jiceng/volunteer-points"
 * schemeAt(schemes.beijing, "2024-03-01").ok //=> true
 * schemeAt(schemes.beijing, "2020-01-01").ok //=> false
 * ```
 * @since 0.1.0
 * @category schemes
 */
export const schemeAt = (
  history: ParameterHistory<Scheme>,
  date: unknown
): Result<ValueInForce<Scheme>, InvalidInputError> => {
  const d = validate(IsoDate, date)
  if (!d.ok) return d
  return valueAt(history, d.value, { name: history[0]?.value.id ?? "scheme", onStale: "warn" })
}
