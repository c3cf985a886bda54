// How a cell of a PMS report is read: dates, times, status codes, VIP levels, room status.
// Each parser takes trimmed cell text and answers a value, or null when it cannot read it.

export const dateOrders = ['ymd', 'dmy', 'mdy'] as const
export type DateOrder = (typeof dateOrders)[number]

export const stayStatuses = ['reserved', 'in_house', 'checked_out', 'cancelled', 'no_show'] as const
export type StayStatus = (typeof stayStatuses)[number]

export const housekeepingStates = ['clean', 'dirty', 'inspected', 'pickup'] as const
export type Housekeeping = (typeof housekeepingStates)[number]

export type BlockKind = 'out_of_order' | 'out_of_service'

const pad = (n: number) => String(n).padStart(2, '0')

function isoOf(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1 || day > 31) return null
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCMonth() !== month - 1) return null // 31 April, 29 February 2027
  return `${year}-${pad(month)}-${pad(day)}`
}

// Two-digit years: 00–49 are 20xx, 50–99 are 19xx (a birth date of '65 is 1965).
const fullYear = (y: string) => (y.length === 4 ? Number(y) : Number(y) + (Number(y) < 50 ? 2000 : 1900))

const months: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 }

// A time after the date ("2026-12-01 14:30", "01/12/2026 2:30 PM") is allowed and ignored.
const timeTail = String.raw`(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]\.?M\.?)?(?:Z|[+-]\d{2}:?\d{2})?)?`
const ymd = new RegExp(String.raw`^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})${timeTail}$`, 'i')
const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s*\d{1,2}[:时点].*)?$/
const compact = /^(\d{4})(\d{2})(\d{2})$/
const opera = new RegExp(String.raw`^(\d{1,2})[-/. ]?([A-Z]{3})[A-Z]*\.?[-/., ]*(\d{4}|\d{2})${timeTail}$`, 'i')
const monthFirst = new RegExp(String.raw`^([A-Z]{3})[A-Z]*\.?[-/ ]+(\d{1,2}),?[-/ ]+(\d{4})${timeTail}$`, 'i')
const numeric = new RegExp(String.raw`^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4}|\d{2})${timeTail}$`, 'i')
const serial = /^\d{5}(?:\.\d+)?$/

/** Why a date could not be read: unreadable, or day/month that only the date order can settle. */
export type DateProblem = 'bad_date' | 'ambiguous_date'

/**
 * A report's date as ISO YYYY-MM-DD. Reads 2026-12-01, 2026/12/1, 2026.12.01, 20261201,
 * 2026年12月1日, 01-DEC-26 and 01-DEC-2026 (OPERA), Dec 1, 2026, Excel serial numbers of five
 * digits (10000–80000: 1927–2119), and dd/mm/yyyy or
 * mm/dd/yyyy: a value only one order can read (13/12/2026) is read that way, an ambiguous one
 * (01/12/2026) follows `order` ('dmy' or 'mdy'; with 'ymd' it is 'ambiguous_date'). A time after
 * the date is ignored. Answers `{ date }` or `{ problem }`.
 */
export function parseReportDate(text: string, order: DateOrder): { date: string } | { problem: DateProblem } {
  const value = text.trim()
  const found = (iso: string | null) => (iso ? { date: iso } : { problem: 'bad_date' as const })
  let m = ymd.exec(value) ?? chinese.exec(value) ?? compact.exec(value)
  if (m) return found(isoOf(Number(m[1]), Number(m[2]), Number(m[3])))
  if ((m = opera.exec(value)) && months[m[2].toUpperCase()]) return found(isoOf(fullYear(m[3]), months[m[2].toUpperCase()], Number(m[1])))
  if ((m = monthFirst.exec(value)) && months[m[1].toUpperCase()]) return found(isoOf(Number(m[3]), months[m[1].toUpperCase()], Number(m[2])))
  if ((m = numeric.exec(value))) {
    const [a, b, year] = [Number(m[1]), Number(m[2]), fullYear(m[3])]
    if (a > 12 && b <= 12) return found(isoOf(year, b, a))
    if (b > 12 && a <= 12) return found(isoOf(year, a, b))
    if (a === b) return found(isoOf(year, a, b))
    if (order === 'dmy') return found(isoOf(year, b, a))
    if (order === 'mdy') return found(isoOf(year, a, b))
    return { problem: 'ambiguous_date' }
  }
  if (serial.test(value)) {
    const days = Math.floor(Number(value))
    if (days >= 10000 && days <= 80000) {
      const d = new Date(Date.UTC(1899, 11, 30) + days * 86_400_000)
      return found(isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()))
    }
  }
  return { problem: 'bad_date' }
}

/**
 * An expected time of arrival as HH:MM (24 hours): "14:30", "14:30:00", "14.30", "1430", "930",
 * "2:30 PM", "2 pm", "14时30分", "14点", "下午2:30", or a date and time ("2026-12-01 14:30").
 * Null when it is not a time of day.
 */
export function parseEta(text: string): string | null {
  let value = text.trim().toUpperCase().replace(/\s+/g, ' ')
  const dated = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T](.+)$/.exec(value)
  if (dated) value = dated[1]
  let pm: boolean | null = null
  const half = /^(上午|早上|凌晨|下午|晚上|中午)\s*/.exec(value)
  if (half) {
    pm = half[1] === '下午' || half[1] === '晚上' || half[1] === '中午'
    value = value.slice(half[0].length)
  }
  const suffix = /\s*([AP])\.?M\.?$/.exec(value)
  if (suffix) {
    pm = suffix[1] === 'P'
    value = value.slice(0, suffix.index)
  }
  const m = /^(\d{1,2})(?:[:.时点](\d{2})?(?::\d{2}(?:\.\d+)?)?分?)?$/.exec(value) ?? /^(\d{1,2})(\d{2})$/.exec(value)
  if (!m) return null
  let hours = Number(m[1])
  const minutes = Number(m[2] ?? 0)
  if (minutes > 59) return null
  if (pm !== null) {
    if (hours < 1 || hours > 12) return null
    hours = (hours % 12) + (pm ? 12 : 0)
  }
  if (hours > 23) return null
  return `${pad(hours)}:${pad(minutes)}`
}

const statusCodes: Record<string, StayStatus> = {}
const addCodes = (status: StayStatus, codes: string) => codes.split(' ').forEach((c) => (statusCodes[c] = status))
addCodes('reserved', 'RESERVED RESERVATION RES R DUEIN DI DUE EXPECTED ARRIVAL ARRIVING CONFIRMED CONF GUARANTEED GTD 6PM TENTATIVE OPTIONAL INQUIRED ENQUIRED 预订 预定 预抵 预到 待到 将到 确认 已确认')
addCodes('in_house', 'CHECKEDIN CHECKIN INHOUSE INH I CI DUEOUT DO STAYOVER SO STARTED 在住 已入住 入住 住店 在店 续住 预离')
addCodes('checked_out', 'CHECKEDOUT CHECKOUT CO O DEPARTED OUT PROCESSED 离店 已离店 已退房 退房 结账 已结账')
addCodes('cancelled', 'CANCELLED CANCELED CANCEL CXL CAN X 取消 已取消')
addCodes('no_show', 'NOSHOW NS N 未到 应到未到 未抵 NOSHOWED')

/**
 * A PMS's reservation status as Zhike's: RESERVED / DUE IN / DI / 预订 / 预抵 → reserved;
 * CHECKED IN / IN HOUSE / INH / I / DUE OUT / 在住 / 已入住 → in_house; CHECKED OUT / CO / O / 离店 /
 * 已退房 → checked_out; CANCELLED / CXL / X / 取消 → cancelled; NO SHOW / NS / N / 未到 / 应到未到 →
 * no_show. Case, spaces, dashes and underscores do not matter. Null when the code is unknown.
 */
export function parseStayStatus(text: string): StayStatus | null {
  return statusCodes[text.toUpperCase().replace(/[\s_\-.]/g, '')] ?? null
}

/**
 * A VIP level 0–9: "3", "VIP3", "VIP 3", "V3", "VIP-3"; "VIP" or "贵宾" alone is 1; "", "N",
 * "NO", "NONE", "-" and "非VIP" are 0. Null when unreadable ("GOLD").
 */
export function parseVip(text: string): number | null {
  const value = text.toUpperCase().replace(/\s+/g, '')
  if (['', 'N', 'NO', 'NONE', '-', '0', '非VIP', '否', '无'].includes(value)) return 0
  if (['VIP', 'Y', 'YES', '贵宾', '是'].includes(value)) return 1
  const m = /^(?:VVIP|VIP|V|贵宾)?-?([0-9])(?:\.0+)?$/.exec(value)
  return m ? Number(m[1]) : null
}

/** A count of guests: "2", "2.0", "2人". Null when it is not a whole number 0–99. */
export function parseCount(text: string): number | null {
  const m = /^(\d{1,2})(?:\.0+)?\s*(?:人|位|PAX)?$/i.exec(text.trim())
  return m ? Number(m[1]) : null
}

const housekeepingCodes: Record<string, Housekeeping> = {}
const addHousekeeping = (state: Housekeeping, codes: string) => codes.split(' ').forEach((c) => (housekeepingCodes[c] = state))
addHousekeeping('clean', 'VC OC CLEAN CL C VACANTCLEAN OCCUPIEDCLEAN 空净 住净 净 干净 空净房 住净房 清洁')
addHousekeeping('dirty', 'VD OD DIRTY DI D VACANTDIRTY OCCUPIEDDIRTY 空脏 住脏 脏 空脏房 住脏房')
addHousekeeping('inspected', 'IP INS INSP INSPECTED VCI VI 已查 查房 已检查 检查 空净已查')
addHousekeeping('pickup', 'PU PICKUP PICKEDUP 简扫 小清')

/**
 * A housekeeping status: VC/OC/空净/住净/Clean → clean; VD/OD/空脏/住脏/Dirty → dirty;
 * IP/INS/已查/Inspected → inspected; PU/Pickup → pickup. Null when unknown.
 */
export function parseHousekeeping(text: string): Housekeeping | null {
  return housekeepingCodes[text.toUpperCase().replace(/[\s_\-.]/g, '')] ?? null
}

const blockCodes: Record<string, BlockKind | 'none'> = {}
const addBlock = (kind: BlockKind | 'none', codes: string) => codes.split(' ').forEach((c) => (blockCodes[c] = kind))
addBlock('out_of_order', 'OOO OO OUTOFORDER 维修 维修房 坏房 故障 故障房')
addBlock('out_of_service', 'OOS OS OUTOFSERVICE 停用 停用房 锁房 锁定 暂停使用')
addBlock('none', 'NONE NO N - 无 正常 否 0')

/**
 * A room block: OOO/OO/Out of Order/维修房 → out_of_order; OOS/Out of Service/停用/锁房 →
 * out_of_service; empty, "None", "-", 无, 正常 → 'none'. Null when unknown.
 */
export function parseBlock(text: string): BlockKind | 'none' | null {
  if (text.trim() === '') return 'none'
  return blockCodes[text.toUpperCase().replace(/[\s_\-.]/g, '')] ?? null
}

/**
 * Accompanying guests' names from one cell: split on ; ； ， 、 | and line breaks, never on "/" or
 * ",", which sit inside one PMS name ("ZHANG/WEI", "Kowalska, Anna").
 */
export function splitCompanions(text: string): string[] {
  return text
    .split(/[;；，、|\n]/)
    .map((name) => name.trim())
    .filter((name) => name !== '')
}
