import {
  err,
  InvalidInputError,
  type IsoDate,
  type Issue,
  issue,
  ok,
  type ParameterHistory,
  type Ratio,
  type Result,
  valueAt
} from "@jiceng/core"
import { article, VILLAGE_LAW, ZHEJIANG_VILLAGE_ELECTION } from "./citations.ts"

/** The thresholds and counting rules of a residents' or villagers' committee election that come from the law. */
export interface CommitteeElectionLaw {
  /** Turnout for a valid election: more than this share of registered voters vote. */
  readonly turnout: Ratio
  /** Win line of the first round: more than this share of the ballots cast. */
  readonly winLine: Ratio
  /** Runoff (另行选举) floor: at least this share of the ballots cast in that round. */
  readonly runoffFloor: Ratio
  /** Runoff candidates = unfilled seats + this many (差额). */
  readonly runoffExtraCandidates: number
  /** Members needed for the remaining seats to stay vacant. */
  readonly minMembersToLeaveVacancy: number
  /** A round with more ballots than voters is void. */
  readonly ballotsExceedVotersVoids: boolean
}

const HALF: Ratio = { numerator: 1, denominator: 2 }
const THIRD: Ratio = { numerator: 1, denominator: 3 }
const ART_15 = article(VILLAGE_LAW, "art. 15")

// Each default with its source and the period it is in force. `from` is the date of the text
// read (voting-rules.md §0: the Villagers' Committees Law as amended 2018-12-29, V12, and the
// Zhejiang measures as published 2020-07-31, V13); earlier versions were not compared, so an
// election dated before them is refused unless the caller states that rule — the same policy
// as the owners' committee size rules. Residents' committee elections have no national
// thresholds (Residents' Committees Law art. 8) and take the same defaults as named parameters.
export const COMMITTEE_ELECTION_DEFAULTS: {
  readonly [K in keyof CommitteeElectionLaw]: ParameterHistory<CommitteeElectionLaw[K]>
} = {
  // More than half of registered voters vote: the election is valid (art. 15).
  turnout: [{ value: HALF, from: "2018-12-29", source: ART_15 }],
  // "参加投票的村民过半数的选票" (art. 15).
  winLine: [{ value: HALF, from: "2018-12-29", source: ART_15 }],
  // "不得少于已投选票总数的三分之一" (art. 15; Zhejiang art. 29).
  runoffFloor: [{ value: THIRD, from: "2018-12-29", source: ART_15 }],
  // 另行选举 with more candidates than seats (差额), taken in vote order (Zhejiang art. 29).
  runoffExtraCandidates: [{ value: 1, from: "2020-07-31", source: article(ZHEJIANG_VILLAGE_ELECTION, "art. 29") }],
  // With at least 3 members elected the remaining posts may stay vacant (Zhejiang art. 30).
  minMembersToLeaveVacancy: [{ value: 3, from: "2020-07-31", source: article(ZHEJIANG_VILLAGE_ELECTION, "art. 30") }],
  // More ballots returned than voters voids that vote (Zhejiang art. 27).
  ballotsExceedVotersVoids: [{ value: true, from: "2020-07-31", source: article(ZHEJIANG_VILLAGE_ELECTION, "art. 27") }]
}

type Given = { readonly [K in keyof CommitteeElectionLaw]?: CommitteeElectionLaw[K] | undefined }
type Default = <K extends keyof CommitteeElectionLaw>(key: K) => CommitteeElectionLaw[K] | undefined

/** Each rule the caller states, else `dflt` of it; `undefined` when some default is missing. */
const resolve = (given: Given, dflt: Default): CommitteeElectionLaw | undefined => {
  const law = {
    turnout: given.turnout ?? dflt("turnout"),
    winLine: given.winLine ?? dflt("winLine"),
    runoffFloor: given.runoffFloor ?? dflt("runoffFloor"),
    runoffExtraCandidates: given.runoffExtraCandidates ?? dflt("runoffExtraCandidates"),
    minMembersToLeaveVacancy: given.minMembersToLeaveVacancy ?? dflt("minMembersToLeaveVacancy"),
    ballotsExceedVotersVoids: given.ballotsExceedVotersVoids ?? dflt("ballotsExceedVotersVoids")
  }
  return Object.values(law).includes(undefined) ? undefined : (law as CommitteeElectionLaw)
}

/** The election's rules: each one the caller states, else the latest default (there always is one). */
export const latestCommitteeElectionLaw = (given: Given): CommitteeElectionLaw =>
  resolve(given, (key) => COMMITTEE_ELECTION_DEFAULTS[key].at(-1)?.value)!

/**
 * The election's rules: each one the caller states, else the default in force on `date`, else —
 * without a date — the latest default. A default not in force on the date is an error at
 * `rules.<name>` (state the rule to count such an election); a lapsed one is refused too,
 * never silently reused.
 */
export const committeeElectionLaw = (
  given: Given,
  date: IsoDate | undefined
): Result<CommitteeElectionLaw, InvalidInputError> => {
  if (date === undefined) return ok(latestCommitteeElectionLaw(given))
  const issues: Array<Issue> = []
  const law = resolve(given, (key) => {
    const lookup = valueAt(COMMITTEE_ELECTION_DEFAULTS[key], date, { name: key, onStale: "error" })
    if (lookup.ok) return lookup.value.value
    for (const i of lookup.error.issues) issues.push(issue(["rules", key], i.code, i.message.zh, i.message.en))
    return undefined
  })
  return law === undefined ? err(new InvalidInputError(issues)) : ok(law)
}
