import { parseNationality } from './nationality'
import { splitPmsName, type Salutation } from './pms-name'
import type { StayReportKind } from './report-fields'
import type { RowReader } from './report-row-reader'
import { parseCount, parseEta, parseReportDate, parseStayStatus, parseVip, splitCompanions, type DateOrder, type StayStatus } from './report-values'

/** One stay from an arrivals, in-house or departures report, checked and in Zhike's terms. */
export interface StayReportRow {
  line: number
  /** The PMS's confirmation number, as printed. */
  confirmation: string
  profileId: string | null
  membershipNo: string | null
  /** The name as the PMS prints it ("ZHANG/WEI MR"). */
  guestName: string
  /** For guest.create: the native-script name if the report has one, else the name as read (see splitPmsName). */
  nativeName: string
  /** "SURNAME Given", or null when the name's order is unknown or it is native script only. */
  romanName: string | null
  salutation: Salutation | null
  phone: string | null
  email: string | null
  /** ISO date. */
  birthDate: string | null
  /** ISO 3166-1 alpha-2. */
  nationality: string | null
  /** 0–9 as the PMS grades it (guest profiles keep 0–3: the apply step caps it). */
  vip: number | null
  /** ISO dates; departure is after arrival. */
  arrival: string
  departure: string
  /** Upper-case. */
  roomType: string | null
  /** Upper-case. */
  roomNumber: string | null
  /** Null only in a departures report without a status column (the report does not say who has left). */
  status: StayStatus | null
  /** Adults + children, at least 1, at most 12. */
  party: number
  /** HH:MM. */
  eta: string | null
  company: string | null
  source: string | null
  remarks: string | null
  /** Accompanying guests' names, at most 11. */
  companions: string[]
}

const salutationWords: Record<string, Salutation> = {
  MR: 'mr', MISTER: 'mr', MS: 'ms', MISS: 'ms', MRS: 'mrs', DR: 'dr', PROF: 'prof',
  先生: 'mr', 女士: 'ms', 小姐: 'ms', 夫人: 'mrs', 太太: 'mrs', 博士: 'dr', 教授: 'prof',
}
const phonePattern = /^[+\d\s()./-]*$/
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const roomNumberPattern = /^[0-9A-Za-z-]{1,10}$/
const roomTypePattern = /^[0-9A-Za-z_-]{1,12}$/

function readDate(row: RowReader, field: 'arrival' | 'departure' | 'birthDate', order: DateOrder, required: boolean): string | null {
  const text = row.text(field)
  // No column at all is said once, at the header line (validateReport).
  if (row.cell(field) === null) return null
  if (text === null) {
    if (required) row.error(field, 'required', `${field} is empty.`)
    return null
  }
  const read = parseReportDate(text, order)
  if ('date' in read) return read.date
  const why = read.problem === 'ambiguous_date' ? 'could be day/month or month/day: choose the date order' : 'is not a date'
  if (required) row.error(field, read.problem, `${field} "${text}" ${why}.`)
  else row.warn(field, read.problem, `${field} "${text}" ${why}; it is left out.`)
  return null
}

/** Reads one row of a stay report. Returns null when the row has errors (they are recorded). */
export function readStayRow(row: RowReader, kind: StayReportKind, order: DateOrder): StayReportRow | null {
  // The booking's key as the PMS printed it, even when it looks like a card number.
  const checked = row.limited('confirmation', 40)
  const confirmation = checked === null ? null : (row.identifier('confirmation') ?? checked)
  if (row.cell('confirmation') === '') row.error('confirmation', 'required', 'the confirmation number is empty.')
  const guestName = row.limited('guestName', 120)
  if (row.cell('guestName') === '') row.error('guestName', 'required', 'the guest name is empty.')
  else if (guestName !== null && !/[\p{L}\p{N}]/u.test(guestName)) row.error('guestName', 'bad_name', `the guest name "${guestName}" holds no letters.`)
  const name = splitPmsName(guestName ?? '', row.limited('nativeName', 80))
  if ([...name.nativeName].length > 80 || [...(name.romanName ?? '')].length > 80) row.error('guestName', 'too_long', 'the guest name is longer than 80 characters.')

  let salutation = name.salutation
  const salutationText = row.text('salutation')
  if (salutationText) {
    const word = salutationWords[salutationText.replace(/\.$/, '').toUpperCase()]
    if (word) salutation = word
    else row.warn('salutation', 'bad_salutation', `the title "${salutationText}" is not Mr, Mrs, Ms, Dr or Prof; it is left out.`)
  }

  let phone = row.limited('phone', 40)
  if (phone !== null && !(phonePattern.test(phone) && phone.replace(/\D/g, '').length >= 5)) {
    row.warn('phone', 'bad_phone', `the phone "${phone}" is not a phone number; it is left out.`)
    phone = null
  }
  let email = row.limited('email', 120)
  if (email !== null && !emailPattern.test(email)) {
    row.warn('email', 'bad_email', `the email "${email}" is not an email address; it is left out.`)
    email = null
  }
  const birthDate = readDate(row, 'birthDate', order, false)
  const nationalityText = row.text('nationality')
  const nationality = nationalityText ? parseNationality(nationalityText) : null
  if (nationalityText && !nationality) row.warn('nationality', 'bad_nationality', `the nationality "${nationalityText}" names no country Zhike knows; it is left out.`)

  const vipText = row.text('vip')
  const vip = vipText === null ? null : parseVip(vipText)
  if (vipText !== null && vip === null) row.error('vip', 'bad_vip', `the VIP code "${vipText}" is not a level 0–9 (such as 3, VIP3 or V3).`)

  const arrival = readDate(row, 'arrival', order, true)
  const departure = readDate(row, 'departure', order, true)
  if (arrival && departure && departure <= arrival) row.error('departure', 'dates_out_of_order', `departure ${departure} is not after arrival ${arrival}.`)

  const roomTypeText = row.text('roomType')
  if (roomTypeText !== null && !roomTypePattern.test(roomTypeText)) row.error('roomType', 'bad_room_type', `the room type "${roomTypeText}" may hold only letters, digits, - and _ (at most 12).`)
  const roomNumberText = row.text('roomNumber')
  if (roomNumberText !== null && !roomNumberPattern.test(roomNumberText)) row.error('roomNumber', 'bad_room_number', `the room number "${roomNumberText}" may hold only letters, digits and - (at most 10).`)

  const statusText = row.text('status')
  let status: StayStatus | null = kind === 'arrivals' ? 'reserved' : kind === 'in_house' ? 'in_house' : null
  if (statusText !== null) {
    status = parseStayStatus(statusText)
    if (!status) row.error('status', 'bad_status', `the status "${statusText}" is not one Zhike knows (reserved, in house, checked out, cancelled, no show).`)
  }
  if (status === 'in_house' && !roomNumberText) row.error('roomNumber', 'room_required', 'a guest in house needs a room number.')

  const party = readParty(row)
  const etaText = row.text('eta')
  const eta = etaText === null ? null : parseEta(etaText)
  if (etaText !== null && eta === null) row.error('eta', 'bad_time', `the arrival time "${etaText}" is not a time such as 14:30, 2:30 PM or 1430.`)

  const profileId = row.limited('profileId', 40)
  const membershipNo = row.limited('membershipNo', 40)
  const company = row.limited('company', 120)
  const source = row.limited('source', 60)
  let remarks = row.text('remarks')
  if (remarks !== null && [...remarks].length > 1000) {
    row.warn('remarks', 'remarks_cut', 'the remarks are longer than 1,000 characters; only the first 1,000 are kept.')
    remarks = [...remarks].slice(0, 1000).join('')
  }
  let companions = splitCompanions(row.text('companions') ?? '')
  if (companions.some((c) => [...c].length > 120)) row.error('companions', 'too_long', 'an accompanying guest’s name is longer than 120 characters.')
  if (companions.length > 11) {
    row.warn('companions', 'companions_cut', `${companions.length} accompanying guests are listed; the first 11 are kept.`)
    companions = companions.slice(0, 11)
  }

  if (row.hasErrors || confirmation === null || guestName === null || !arrival || !departure || party === null) return null
  return {
    line: row.line,
    confirmation,
    profileId,
    membershipNo,
    guestName,
    nativeName: name.nativeName,
    romanName: name.romanName,
    salutation,
    phone,
    email,
    birthDate,
    nationality,
    vip,
    arrival,
    departure,
    roomType: roomTypeText?.toUpperCase() ?? null,
    roomNumber: roomNumberText?.toUpperCase() ?? null,
    status,
    party,
    eta,
    company,
    source,
    remarks,
    companions,
  }
}

/** Adults + children (at least 1). An adults cell of "2/1" is 2 adults and 1 child, as Chinese PMSs print 人数. */
function readParty(row: RowReader): number | null {
  let adultsText = row.text('adults')
  let childrenText = row.text('children')
  const both = adultsText ? /^(\d{1,2})\s*[/+]\s*(\d{1,2})$/.exec(adultsText) : null
  if (both && !childrenText) [adultsText, childrenText] = [both[1], both[2]]
  const adults = adultsText === null ? 0 : parseCount(adultsText)
  const children = childrenText === null ? 0 : parseCount(childrenText)
  if (adults === null) row.error('adults', 'bad_number', `the number of adults "${adultsText}" is not a whole number.`)
  if (children === null) row.error('children', 'bad_number', `the number of children "${childrenText}" is not a whole number.`)
  if (adults === null || children === null) return null
  const party = Math.max(1, adults + children)
  if (party > 12) {
    row.error('adults', 'bad_party', `a party of ${party} is more than the 12 guests a stay holds.`)
    return null
  }
  return party
}
