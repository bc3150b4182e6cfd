import type { Citation, ParameterHistory } from "@jiceng/core"
import * as z from "zod"
import { pushIssue } from "./internal/refine.ts"

// The schema behind {@link CommitteeSize}: what `committeeSizes` options accept.
export const CommitteeSizeSchema = z
  .object({
    min: z.int().min(1).max(1000),
    max: z.int().min(1).max(1000).optional(),
    odd: z.boolean()
  })
  .check((ctx) => {
    const { min, max } = ctx.value
    if (max !== undefined && max < min)
      pushIssue(
        ctx,
        ["max"],
        "empty_range",
        `委员人数上限 ${max} 小于下限 ${min}`,
        `the most members allowed, ${max}, is below the fewest, ${min}`
      )
  })

/**
 * The lawful size of a committee: `min` to `max` members (`max` absent = no ceiling, otherwise
 * `min` ≤ `max`), an odd number when `odd`.
 *
 * @since 0.1.0
 * @category organisation
 */
export type CommitteeSize = Readonly<z.infer<typeof CommitteeSizeSchema>>

const RESIDENTS_LAW: Citation = {
  title: "中华人民共和国城市居民委员会组织法 Organic Law of Urban Residents' Committees",
  article: "第七条 art. 7",
  issuer: "全国人民代表大会常务委员会 NPC Standing Committee",
  date: "2018-12-29",
  url: "https://github.com/LawRefBook/Laws/blob/master/宪法相关法/城市居民委员会组织法(2018-12-29).md",
  verified: true
}

const VILLAGERS_LAW: Citation = {
  title: "中华人民共和国村民委员会组织法 Organic Law of Villagers' Committees",
  article: "第六条 art. 6",
  issuer: "全国人民代表大会常务委员会 NPC Standing Committee",
  date: "2018-12-29",
  url: "https://github.com/LawRefBook/Laws/blob/master/宪法相关法/村民委员会组织法(2018-12-29).md",
  verified: true
}

const OWNERS_GUIDANCE: Citation = {
  title: "业主大会和业主委员会指导规则 Guidance Rules on Owners' Assemblies and Owners' Committees (建房〔2009〕274号)",
  article: "第三十一条 art. 31",
  issuer: "住房和城乡建设部 Ministry of Housing and Urban-Rural Development",
  date: "2009-12-01",
  verified: false
}

const PARTY_CONSTITUTION: Citation = {
  title: "中国共产党章程 Constitution of the Communist Party of China",
  article: "第三十条 art. 30",
  issuer: "中国共产党第二十次全国代表大会 20th National Congress",
  date: "2022-10-22",
  verified: true
}

const BRANCH_REGULATIONS: Citation = {
  title: "中国共产党支部工作条例（试行） Regulations on the Work of Party Branches (Trial)",
  article: "第五条 art. 5",
  issuer: "中共中央 CPC Central Committee",
  date: "2018-10-28",
  verified: false
}

/**
 * Committee sizes by body kind, each dated and cited: a residents' committee (居民委员会) has
 * 5–9 members (chair, vice-chairs and members; 城市居民委员会组织法 art. 7), a villagers'
 * committee (村民委员会) 3–7 (村民委员会组织法 art. 6), an owners' committee (业主委员会) 5–11,
 * an odd number (指导规则 2009 art. 31; Beijing and Shanghai allow more and, for small estates,
 * fewer — pass `committeeSizes` to apply a local rule).
 *
 * @example
 * ```ts
 * import { committeeSizeRules } from "@jiceng/governance-model"
 * committeeSizeRules.residentsCommittee[0]?.value //=> { min: 5, max: 9, odd: false }
 * ```
 * @since 0.1.0
 * @category organisation
 */
export const committeeSizeRules: {
  readonly residentsCommittee: ParameterHistory<CommitteeSize>
  readonly villagersCommittee: ParameterHistory<CommitteeSize>
  readonly ownersCommittee: ParameterHistory<CommitteeSize>
} = {
  // The 1989 law already fixed 5–9 (art. 7); the 2018 amendment (term length) kept it.
  residentsCommittee: [{ value: { min: 5, max: 9, odd: false }, from: "1990-01-01", source: RESIDENTS_LAW }],
  villagersCommittee: [{ value: { min: 3, max: 7, odd: false }, from: "1998-11-04", source: VILLAGERS_LAW }],
  ownersCommittee: [{ value: { min: 5, max: 11, odd: true }, from: "2010-01-01", source: OWNERS_GUIDANCE }]
}

/**
 * The fewest full (正式, not probationary) party members a party branch (党支部) needs: three.
 * The Party Constitution (art. 30) requires a basic-level organisation wherever there are three
 * or more full members; the branch regulations say a unit with fewer joins a neighbouring unit's
 * members in a joint branch (联合党支部) instead.
 *
 * @example
 * ```ts
 * import { branchMinimumFullMembers } from "@jiceng/governance-model"
 * branchMinimumFullMembers[0]?.value //=> 3
 * ```
 * @since 0.1.0
 * @category organisation
 */
// The three-member rule has stood in the Constitution since 1982 (then also art. 30); the
// citation is to the text in force (2022). The branch regulations (2018) repeat it.
export const branchMinimumFullMembers: ParameterHistory<number> = [
  { value: 3, from: "1982-09-06", source: PARTY_CONSTITUTION }
]

// Citations quoted in validation messages.
export const orgCitations = { PARTY_CONSTITUTION, BRANCH_REGULATIONS } as const
