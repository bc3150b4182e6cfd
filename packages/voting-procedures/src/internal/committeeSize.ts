import type { ParameterHistory } from "@jiceng/core"
import { BEIJING_PROPERTY_39, GUIDANCE_2009_31, HANGZHOU_QA_2019, SHANGHAI_PROPERTY_20 } from "./citations.ts"

export const SIZE_RULE_NAMES = ["national2009", "beijing", "shanghai", "hangzhou"] as const
export type SizeRuleName = (typeof SIZE_RULE_NAMES)[number]

/** The lawful sizes of an owners' committee under one rule set. */
export interface CommitteeSizeRule {
  readonly min: number
  readonly max?: number
  readonly odd: boolean
  /** A smaller committee allowed for small estates, by households and/or area (0.01 m²). */
  readonly smallEstate?: {
    readonly members: number
    readonly maxHouseholds?: number
    readonly maxArea?: number
  }
  /** Beijing art. 39: no more alternates than members. */
  readonly alternatesAtMostMembers: boolean
  readonly zh: string
  readonly en: string
}

// `from` is the date each text took effect where known; for Shanghai and Hangzhou it is the
// date of the text read (earlier versions were not compared), so older elections are refused
// rather than silently judged by a later rule.
export const SIZE_RULES: Record<SizeRuleName, ParameterHistory<CommitteeSizeRule>> = {
  national2009: [
    {
      value: {
        min: 5,
        max: 11,
        odd: true,
        alternatesAtMostMembers: false,
        zh: "5 至 11 人单数",
        en: "5 to 11 members, an odd number"
      },
      from: "2010-01-01",
      source: GUIDANCE_2009_31
    }
  ],
  beijing: [
    {
      value: {
        min: 5,
        odd: true,
        smallEstate: { members: 3, maxHouseholds: 100 },
        alternatesAtMostMembers: true,
        zh: "5 人以上单数；户数 100 户以下的可以为 3 人；候补委员不超过委员人数",
        en: "at least 5, an odd number; 3 for estates of 100 households or fewer; no more alternates than members"
      },
      from: "2020-05-01",
      source: BEIJING_PROPERTY_39
    }
  ],
  shanghai: [
    {
      value: {
        min: 5,
        odd: true,
        smallEstate: { members: 3, maxArea: 1_000_000 },
        alternatesAtMostMembers: false,
        zh: "5 人以上单数；建筑面积 1 万平方米以下的可以为 3 人",
        en: "at least 5, an odd number; 3 for estates of 10,000 m² or less"
      },
      from: "2020-12-30",
      source: SHANGHAI_PROPERTY_20
    }
  ],
  hangzhou: [
    {
      value: {
        min: 5,
        max: 11,
        odd: true,
        smallEstate: { members: 3, maxHouseholds: 100 },
        alternatesAtMostMembers: false,
        zh: "5 至 11 人单数；100 户以下的可以为 3 人",
        en: "5 to 11 members, an odd number; 3 for estates of 100 households or fewer"
      },
      from: "2019-02-16",
      source: HANGZHOU_QA_2019
    }
  ]
}

export const isSmallEstate = (rule: CommitteeSizeRule, households: number, area: number): boolean => {
  const s = rule.smallEstate
  if (s === undefined) return false
  return (
    (s.maxHouseholds !== undefined && households <= s.maxHouseholds) || (s.maxArea !== undefined && area <= s.maxArea)
  )
}

/** The smallest lawful committee for this estate under `rule`. */
export const minimumSize = (rule: CommitteeSizeRule, households: number, area: number): number =>
  isSmallEstate(rule, households, area) ? rule.smallEstate!.members : rule.min

export const sizeAllowed = (rule: CommitteeSizeRule, seats: number, households: number, area: number): boolean => {
  if (isSmallEstate(rule, households, area) && seats === rule.smallEstate!.members) return true
  if (rule.odd && seats % 2 === 0) return false
  return seats >= rule.min && (rule.max === undefined || seats <= rule.max)
}
