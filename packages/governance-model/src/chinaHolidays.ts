import type { HolidayNotice } from "./workingCalendar.ts"

const issuer = "国务院办公厅"

const h = (zh: string, en: string, from: string, to: string = from) => ({ name: { zh, en }, from, to })

/**
 * China's public holidays and make-up workdays (调休上班日), one State Council General Office
 * notice (国务院办公厅关于 N 年部分节假日安排的通知) per year, 2023–2026, with the notice as the
 * citation. The holiday periods list every day off in the notice, weekends included; the
 * make-up workdays are the weekend days the notice turns into working days. Since 2025 the
 * schedule follows the revised 全国年节及纪念日放假办法 (State Council decision of 2024-11-10,
 * in force 2025-01-01: Spring Festival Eve and 2 May added). The citations are marked
 * `verified: false`: they were transcribed from the notices as republished, not from the
 * gov.cn originals; the 2026 notice's document number is not recorded. Add later years by passing your own notices to {@link workingCalendar}.
 *
 * @example
 * ```ts
 * import { chinaHolidayNotices } from "@jiceng/governance-model"
 * chinaHolidayNotices.map((n) => n.year) //=> [2023, 2024, 2025, 2026]
 * ```
 * @since 0.1.0
 * @category calendar
 */
export const chinaHolidayNotices: ReadonlyArray<HolidayNotice> = [
  {
    year: 2023,
    holidays: [
      h("元旦", "New Year's Day", "2022-12-31", "2023-01-02"),
      h("春节", "Spring Festival", "2023-01-21", "2023-01-27"),
      h("清明节", "Qingming Festival", "2023-04-05"),
      h("劳动节", "Labour Day", "2023-04-29", "2023-05-03"),
      h("端午节", "Dragon Boat Festival", "2023-06-22", "2023-06-24"),
      h("中秋节、国庆节", "Mid-Autumn Festival and National Day", "2023-09-29", "2023-10-06")
    ],
    makeUpWorkdays: ["2023-01-28", "2023-01-29", "2023-04-23", "2023-05-06", "2023-06-25", "2023-10-07", "2023-10-08"],
    source: {
      title: "国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号）",
      issuer,
      date: "2022-12-08",
      verified: false
    }
  },
  {
    year: 2024,
    holidays: [
      h("元旦", "New Year's Day", "2024-01-01"),
      h("春节", "Spring Festival", "2024-02-10", "2024-02-17"),
      h("清明节", "Qingming Festival", "2024-04-04", "2024-04-06"),
      h("劳动节", "Labour Day", "2024-05-01", "2024-05-05"),
      h("端午节", "Dragon Boat Festival", "2024-06-10"),
      h("中秋节", "Mid-Autumn Festival", "2024-09-15", "2024-09-17"),
      h("国庆节", "National Day", "2024-10-01", "2024-10-07")
    ],
    makeUpWorkdays: [
      "2024-02-04",
      "2024-02-18",
      "2024-04-07",
      "2024-04-28",
      "2024-05-11",
      "2024-09-14",
      "2024-09-29",
      "2024-10-12"
    ],
    source: {
      title: "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
      issuer,
      date: "2023-10-25",
      verified: false
    }
  },
  {
    year: 2025,
    holidays: [
      h("元旦", "New Year's Day", "2025-01-01"),
      h("春节", "Spring Festival", "2025-01-28", "2025-02-04"),
      h("清明节", "Qingming Festival", "2025-04-04", "2025-04-06"),
      h("劳动节", "Labour Day", "2025-05-01", "2025-05-05"),
      h("端午节", "Dragon Boat Festival", "2025-05-31", "2025-06-02"),
      h("国庆节、中秋节", "National Day and Mid-Autumn Festival", "2025-10-01", "2025-10-08")
    ],
    makeUpWorkdays: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
    source: {
      title: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
      issuer,
      date: "2024-11-12",
      verified: false
    }
  },
  {
    year: 2026,
    holidays: [
      h("元旦", "New Year's Day", "2026-01-01", "2026-01-03"),
      h("春节", "Spring Festival", "2026-02-15", "2026-02-23"),
      h("清明节", "Qingming Festival", "2026-04-04", "2026-04-06"),
      h("劳动节", "Labour Day", "2026-05-01", "2026-05-05"),
      h("端午节", "Dragon Boat Festival", "2026-06-19", "2026-06-21"),
      h("中秋节", "Mid-Autumn Festival", "2026-09-25", "2026-09-27"),
      h("国庆节", "National Day", "2026-10-01", "2026-10-07")
    ],
    makeUpWorkdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    // The document number (国办发明电〔2025〕…号) is not in the project's notes; it is left
    // out rather than guessed, and the citation stays unverified.
    source: {
      title: "国务院办公厅关于2026年部分节假日安排的通知",
      issuer,
      date: "2025-11-04",
      verified: false
    }
  }
]
