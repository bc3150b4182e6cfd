// Civil dates and times in one fixed zone (China Standard Time, UTC+8, no daylight saving since
// 1991), as integers: days since 1970-01-01 and seconds since 1970-01-01T00:00 local. Pure
// arithmetic (Hinnant's days-from-civil), so no `Date`, no host time zone, no clock.

export const SECONDS_PER_DAY = 86_400

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

export const daysFromCivil = (y: number, m: number, d: number): number => {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

export const civilFromDays = (z0: number): [number, number, number] => {
  const z = z0 + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp + (mp < 10 ? 3 : -9)
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d]
}

const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31

/** Day number of an ISO date, or `undefined` if it is not a real calendar date. */
export const parseDay = (s: string): number | undefined => {
  const m = DATE_RE.exec(s)
  if (!m) return undefined
  const y = Number(m[1])
  const mo = Number(m[2])
  const d = Number(m[3])
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined
  return daysFromCivil(y, mo, d)
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0")

export const formatDay = (day: number): string => {
  const [y, m, d] = civilFromDays(day)
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7

/** Seconds since the epoch (local civil time) of `YYYY-MM-DDTHH:mm[:ss]`, or `undefined`. */
export const parseLocalDateTime = (s: string): number | undefined => {
  const t = checkedSeconds(s)
  return Number.isNaN(t) ? undefined : t
}

export const formatLocalDateTime = (seconds: number): string => {
  const day = Math.floor(seconds / SECONDS_PER_DAY)
  const rest = seconds - day * SECONDS_PER_DAY
  const h = Math.floor(rest / 3600)
  const mi = Math.floor((rest % 3600) / 60)
  const se = rest % 60
  return `${formatDay(day)}T${pad(h)}:${pad(mi)}:${pad(se)}`
}

/** `HH:mm` → seconds after midnight, or `undefined`; `24:00` is allowed as the end of a day. */
export const parseClock = (s: string): number | undefined => {
  const m = /^(\d{2}):(\d{2})$/.exec(s)
  if (!m) return undefined
  const h = Number(m[1])
  const mi = Number(m[2])
  if (mi > 59 || h > 24 || (h === 24 && mi !== 0)) return undefined
  return h * 3600 + mi * 60
}

let lastDateKey = -1
let lastDays = 0

/**
 * The one parser of `YYYY-MM-DDTHH:mm[:ss]` with a real calendar date, allocation-free: its
 * seconds since the epoch (local civil time), or `NaN`. Remembers the last date's day number,
 * because event logs hold long runs of the same day. Validation, replay and metrics all use it.
 */
export const checkedSeconds = (s: string): number => {
  const len = s.length
  if (len !== 16 && len !== 19) return Number.NaN
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84 || s.charCodeAt(13) !== 58)
    return Number.NaN
  // A non-digit makes its field negative whatever its place (-100 was not enough: "20X5" read as
  // the year 1005).
  const d = (i: number) => {
    const c = s.charCodeAt(i) - 48
    return c >= 0 && c <= 9 ? c : -100_000
  }
  const y = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3)
  const mo = d(5) * 10 + d(6)
  const day = d(8) * 10 + d(9)
  const h = d(11) * 10 + d(12)
  const mi = d(14) * 10 + d(15)
  if (y < 0 || mo < 1 || mo > 12 || day < 1 || h < 0 || h > 23 || mi < 0 || mi > 59) return Number.NaN
  let se = 0
  if (len === 19) {
    if (s.charCodeAt(16) !== 58) return Number.NaN
    se = d(17) * 10 + d(18)
    if (se < 0 || se > 59) return Number.NaN
  }
  const key = y * 10_000 + mo * 100 + day
  if (key !== lastDateKey) {
    if (day > 28 && day > daysInMonth(y, mo)) return Number.NaN
    lastDays = daysFromCivil(y, mo, day)
    lastDateKey = key
  }
  return lastDays * SECONDS_PER_DAY + h * 3600 + mi * 60 + se
}
