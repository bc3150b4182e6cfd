import { type Citation, err, type InvalidInputError, IsoDate, ok, type Result, validate } from "@jiceng/core"
import * as z from "zod"
import type { PointsSystem } from "./createPointsSystem.ts"
import { ShortId } from "./schemes.ts"
import { PointsError, refuse } from "./serviceRecord.ts"
import { nationalStarTable, starLevel } from "./starLevel.ts"

const Text = z.string().min(1).max(200)

/**
 * A request for a volunteer service certificate (志愿服务记录证明). Identity fields are supplied
 * at print time by the caller and never stored by the ledger. `consent` must be true: the
 * certificate is issued at the volunteer's request (志愿服务条例 art. 19) and their information
 * is not disclosed without consent (art. 20, article number to verify). Only records that
 * `organisation` recorded are certified — "whoever records, certifies" (谁记录谁证明,
 * 志愿服务记录与证明出具办法（试行）, 民政部令第67号, 2021).
 *
 * @since 0.1.0
 * @category certificates
 */
export const CertificateRequest = z.strictObject({
  volunteer: ShortId,
  organisation: ShortId,
  consent: z.boolean(),
  number: z.string().min(1).max(64),
  date: IsoDate,
  identity: z.strictObject({
    name: Text,
    idType: Text,
    idNumber: Text,
    volunteerNumber: Text.optional()
  }),
  issuer: z.strictObject({ name: Text, personInCharge: Text, handler: Text, contact: Text })
})
/** @since 0.1.0 @category certificates */
export type CertificateRequest = z.infer<typeof CertificateRequest>

/**
 * The data of a certificate, in the four groups of the 2021 办法 (exact fields to verify):
 * the volunteer's identity, the service (each posted record and the total time actually
 * served), the issuer, and the certificate's number and date.
 *
 * @since 0.1.0
 * @category certificates
 */
export interface Certificate {
  readonly number: string
  readonly date: string
  readonly volunteer: CertificateRequest["identity"]
  readonly issuer: CertificateRequest["issuer"] & { readonly organisation: string }
  readonly service: {
    readonly records: ReadonlyArray<{
      readonly id: string
      readonly activity: string | undefined
      readonly from: number
      readonly to: number
      readonly minutes: number
    }>
    readonly totalMinutes: number
    /** Whole hours and remaining minutes, e.g. 12 h 30 min — never a rounded float. */
    readonly hours: { readonly whole: number; readonly minutes: number }
    readonly stars: number
  }
  readonly basis: ReadonlyArray<Citation>
}

const BASIS: ReadonlyArray<Citation> = [
  { title: "志愿服务条例", article: "art. 19", issuer: "国务院令第685号", date: "2017-12-01" },
  {
    title: "志愿服务记录与证明出具办法（试行）",
    issuer: "民政部令第67号",
    date: "2021-02-01",
    url: "http://m.fjcv.org/page179?article_id=1124&pagenum=all",
    verified: false
  }
]

/**
 * Builds the data of a service certificate from the posted, unreversed records the issuing
 * organisation recorded for a volunteer — drafts, rejected and reversed records never appear.
 * Refuses without the volunteer's consent or when there is nothing to certify.
 *
 * @example
 * ```ts
 * import { certificateData, createPointsSystem, schemes } from "@jiceng/volunteer-points"
 * import { getOrThrow } from "@jiceng/core"
 * const bank = getOrThrow(createPointsSystem(schemes.beijing[0]!.value))
 * bank.openHolders([{ id: "v-1" }])
 * const request = {
 *   volunteer: "v-1", organisation: "org-1", consent: true, number: "2025-001", date: "2025-03-01",
 *   identity: { name: "张三", idType: "居民身份证", idNumber: "110101…" },
 *   issuer: { name: "某社区志愿服务队", personInCharge: "李四", handler: "王五", contact: "010-0000" }
 * }
 * certificateData(bank, request).ok //=> false
 * certificateData(bank, { ...request, consent: false }).ok //=> false
 * ```
 * @since 0.1.0
 * @category certificates
 */
export const certificateData = (
  system: PointsSystem,
  request: unknown
): Result<Certificate, InvalidInputError | PointsError> => {
  const parsed = validate(CertificateRequest, request)
  if (!parsed.ok) return parsed
  const r = parsed.value
  if (!r.consent)
    return refuse(
      ["consent"],
      "consent_required",
      "出具证明须经志愿者本人申请或同意",
      "a certificate needs the volunteer's consent"
    )
  const records = system
    .postedRecords(r.volunteer)
    .filter((p) => !p.reversed && p.record.organisation === r.organisation)
    .map((p) => ({
      id: p.record.id,
      activity: p.record.activity,
      from: Math.min(...p.record.sessions.map((s) => s.signIn)),
      to: Math.max(...p.record.sessions.map((s) => s.signOut)),
      minutes: p.record.minutes
    }))
  if (records.length === 0)
    return err(
      new PointsError([
        {
          path: ["volunteer"],
          code: "nothing_to_certify",
          message: {
            zh: "该组织没有为此志愿者记入任何服务记录",
            en: "this organisation has posted no service record for the volunteer"
          }
        }
      ])
    )
  const totalMinutes = records.reduce((a, x) => a + x.minutes, 0)
  return ok({
    number: r.number,
    date: r.date,
    volunteer: r.identity,
    issuer: { ...r.issuer, organisation: r.organisation },
    service: {
      records,
      totalMinutes,
      hours: { whole: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 },
      stars: starLevel(Math.floor(totalMinutes / 60), nationalStarTable)
    },
    basis: BASIS
  })
}
