import { actorOf, type OperationContext } from '../context'
import type { StayRow } from '../db/tables/stay.table'
import { guestFields } from '../guests/guest.schemas'
import { guestOperations } from '../guests/guest.operations'
import { findGuest } from '../guests/guest.repository'
import { findRoom, findRoomByNumber } from '../rooms/room.repository'
import { inHouseStaysInRoom } from '../stays/stay.repository'
import { newConfirmationNo } from '../stays/confirmation'
import {
  bookingReceived,
  guestCheckedIn,
  guestCheckedOut,
  guestMovedRoom,
  roomPreassigned,
  stayDatesChanged,
  stayReopened,
  stayWithdrawn,
} from '../stays/stay-changes'
import {
  findAdoptableStay,
  findStayByPmsConfirmation,
  listPmsStays,
  listStayEvents,
  replaceCompanions,
  setStayPmsConfirmation,
  updateBookingDetails,
  type StayEventKind,
} from '../stays/stay-event.repository'
import { confirmationTaken, findStay, insertStay } from '../stays/stay.repository'
import { matchArrival, sameNameProfiles, type ArrivalMatch, type MatchRule } from './guest-matching'
import type { StayReportRow } from './report-mapping'
import { cardRemoved } from './card-numbers'
import { insertArrivalMatch, notePmsNumbers } from './pms.repository'

/** A stay row of a PMS report, validated (pms/report-mapping.ts): dates ISO, room upper-case, status normalised, name split. */
export type PmsStayRow = StayReportRow

export type StayReportKind = 'arrivals' | 'in_house' | 'departures'

/** A row problem found against the store (the file itself was fine): reported by line, nothing applied. */
export interface StayReportProblem {
  line: number
  field: string | null
  code: string
  value: string | null
  message: string
}

/** What an import did: events by kind, profiles matched by each rule, arrivals waiting for guest relations. */
export interface StayReportOutcome {
  events: Record<StayEventKind, number>
  matched: Partial<Record<MatchRule, number>>
  newProfiles: number
  unmatched: number
  updated: number
  unchanged: number
  /** Rows the PMS sent that Zhike could not follow (e.g. a closed stay reopened), by line. */
  warnings: { line: number; code: string; message: string }[]
}

/** The status a row means when the report has no status column. */
function statusOf(kind: StayReportKind, row: PmsStayRow): PmsStayRow['status'] {
  if (row.status) return row.status
  if (kind === 'arrivals') return 'reserved'
  if (kind === 'in_house') return 'in_house'
  return null
}

/**
 * Checks a report's rows against the store before anything is applied: every room named exists,
 * an in-house row names its room, each new guest's fields are acceptable, and an in-house report
 * is not empty (an empty one would check every guest out). Returns the problems, by line.
 */
export function checkStayReport(ctx: OperationContext, kind: StayReportKind, rows: readonly PmsStayRow[]): StayReportProblem[] {
  const problems: StayReportProblem[] = []
  if (kind === 'in_house' && rows.length === 0) {
    problems.push({ line: 1, field: null, code: 'empty_in_house', value: null, message: 'An in-house report with no guests would check everyone out; export it again.' })
  }
  // What a report leaves out means something (gone, cancelled), so a partial export would close
  // real bookings. When it would close most of what Zhike holds for its dates, it is refused.
  const missing = missingFromReport(ctx, kind, rows)
  if (missing.closing.length >= 3 && missing.closing.length * 2 > missing.held) {
    const what = kind === 'in_house' ? 'check out' : 'cancel'
    problems.push({
      line: 1,
      field: null,
      code: kind === 'in_house' ? 'mass_check_out' : 'mass_cancellation',
      value: String(missing.closing.length),
      message: `This file would ${what} ${missing.closing.length} of the ${missing.held} PMS bookings Zhike holds for its dates, because they are not in it. A report lists every booking: export the full report from the PMS.`,
    })
  }
  for (const row of rows) {
    const status = statusOf(kind, row)
    if (row.roomNumber && !findRoomByNumber(ctx.sqlite, row.roomNumber)) {
      problems.push({ line: row.line, field: 'roomNumber', code: 'unknown_room', value: row.roomNumber, message: `There is no room ${row.roomNumber} in Zhike.` })
    }
    if (status === 'in_house' && !row.roomNumber) {
      problems.push({ line: row.line, field: 'roomNumber', code: 'in_house_without_room', value: null, message: 'A guest in house needs a room number.' })
    }
    const fields = guestFields.safeParse({ nativeName: row.nativeName, romanName: row.romanName })
    if (!fields.success) {
      problems.push({ line: row.line, field: 'guestName', code: 'bad_name', value: row.guestName, message: fields.error.issues[0]?.message ?? 'The name cannot be read.' })
    }
  }
  return problems
}

function emptyOutcome(): StayReportOutcome {
  return {
    events: { reservation: 0, pre_arrival: 0, check_in: 0, room_move: 0, dates_changed: 0, check_out: 0, withdrawn: 0 },
    matched: {},
    newProfiles: 0,
    unmatched: 0,
    updated: 0,
    unchanged: 0,
    warnings: [],
  }
}

/**
 * The profile fields a PMS row gives for a new guest. Optional fields the profile would refuse
 * (a malformed email) are left out rather than holding the whole file up.
 */
function newGuestFields(row: PmsStayRow) {
  const optional: Record<string, unknown> = {
    salutation: row.salutation,
    phone: row.phone,
    email: row.email,
    birthDate: row.birthDate,
    nationality: row.nationality,
    company: row.company,
    vip: row.vip === null ? 0 : Math.min(3, Math.max(0, row.vip)),
  }
  const fields: Record<string, unknown> = { nativeName: row.nativeName, romanName: row.romanName }
  for (const [key, value] of Object.entries(optional)) {
    if (value === null || value === undefined) continue
    if (guestFields.safeParse({ ...fields, [key]: value }).success) fields[key] = value
  }
  return guestFields.parse(fields)
}

/**
 * Applies a validated stay report (arrivals, in-house or departures) inside the caller's
 * transaction. Each row is upserted on the PMS confirmation number; a stay the desk made for the
 * same guest and nights is adopted rather than doubled. The difference between the row and the
 * stay becomes stay events (stays/stay-changes.ts), the same ones the desk's actions make, so
 * prompts fire once whichever way the news came. Then what is missing from the report:
 * - in-house: a PMS stay in house that is not listed has left (check-out); a reservation due
 *   before `today` that never arrived is a no-show;
 * - arrivals: a reservation due on a date the report covers that is not listed was cancelled.
 * Arrivals that match no profile, or several, get a new profile and wait in guest relations' queue.
 */
export function applyStayReport(ctx: OperationContext, kind: StayReportKind, reported: readonly PmsStayRow[], today: string): StayReportOutcome {
  const outcome = emptyOutcome()
  const seen = new Set<number>()
  const count = (kind: StayEventKind, n = 1) => (outcome.events[kind] += n)
  const rows = reported.map(withoutScrubbedIdentifiers)
  if (kind === 'in_house') {
    // Those who left go first, so a room that changed hands between two exports is free for
    // the guest now in it (and is not made "vacant dirty" after she checked in).
    const listed = new Set(rows.map((r) => r.confirmation))
    for (const stay of listPmsStays(ctx.sqlite, ['in_house'])) {
      if (listed.has(stay.pms_confirmation!)) continue
      guestCheckedOut(ctx, stay, 'pms')
      count('check_out')
      outcome.warnings.push({ line: 0, code: 'missing_checked_out', message: `Booking ${stay.pms_confirmation} (${guestLabel(ctx, stay)}) is not in the in-house report: checked out.` })
    }
  }
  for (const row of rows) {
    const known = findStayByPmsConfirmation(ctx.sqlite, row.confirmation)
    const stay = known ?? adoptOrCreate(ctx, row, kind, outcome, count)
    if (!stay) continue
    seen.add(stay.id)
    applyRow(ctx, kind, row, stay, outcome, count, known === undefined && stay.origin === 'pms')
  }
  if (kind === 'in_house') {
    for (const stay of listPmsStays(ctx.sqlite, ['reserved'])) {
      if (seen.has(stay.id) || stay.arrival_date >= today) continue
      stayWithdrawn(ctx, stay, 'no_show', 'pms')
      count('withdrawn')
    }
  }
  if (kind === 'arrivals') {
    const covered = new Set(rows.map((r) => r.arrival))
    for (const stay of listPmsStays(ctx.sqlite, ['reserved'])) {
      if (seen.has(stay.id) || !covered.has(stay.arrival_date)) continue
      stayWithdrawn(ctx, stay, 'cancelled', 'pms')
      count('withdrawn')
      outcome.warnings.push({ line: 0, code: 'missing_cancelled', message: `Booking ${stay.pms_confirmation} (${guestLabel(ctx, stay)}, arriving ${stay.arrival_date}) is not in the report: cancelled.` })
    }
  }
  return outcome
}

function guestLabel(ctx: OperationContext, stay: StayRow): string {
  const guest = findGuest(ctx.sqlite, stay.guest_id)
  return guest ? (guest.roman_name ?? guest.native_name) : `guest ${stay.guest_id}`
}

/**
 * The PMS bookings a report's silence would close: in house and not listed (an in-house report),
 * or reserved for a date the arrivals report covers and not listed; and how many it holds there.
 */
function missingFromReport(ctx: OperationContext, kind: StayReportKind, rows: readonly PmsStayRow[]): { closing: StayRow[]; held: number } {
  const listed = new Set(rows.map((r) => r.confirmation))
  if (kind === 'in_house') {
    const held = listPmsStays(ctx.sqlite, ['in_house'])
    return { closing: held.filter((s) => !listed.has(s.pms_confirmation!)), held: held.length }
  }
  if (kind === 'arrivals') {
    const covered = new Set(rows.map((r) => r.arrival))
    const held = listPmsStays(ctx.sqlite, ['reserved']).filter((s) => covered.has(s.arrival_date))
    return { closing: held.filter((s) => !listed.has(s.pms_confirmation!)), held: held.length }
  }
  return { closing: [], held: 0 }
}

/**
 * One booking for a known guest, upserted on its PMS confirmation number exactly as a report row
 * would be (stay.import with a PMS confirmation): the first time it makes the stay and fires its
 * events, again it applies only what differs. Returns the stay and what happened.
 */
export function applyBooking(ctx: OperationContext, row: PmsStayRow, guestId: number): { stay: StayRow; created: boolean; outcome: StayReportOutcome } {
  const outcome = emptyOutcome()
  const count = (kind: StayEventKind) => (outcome.events[kind] += 1)
  const existing = findStayByPmsConfirmation(ctx.sqlite, row.confirmation)
  const stay = existing ?? adoptOrCreate(ctx, row, 'arrivals', outcome, count, guestId)!
  applyRow(ctx, row.status === 'in_house' ? 'in_house' : 'arrivals', row, stay, outcome, count)
  // A stay the desk made and this booking adopted was not created by it.
  return { stay: findStay(ctx.sqlite, stay.id)!, created: !existing && stay.origin === 'pms', outcome }
}

/**
 * A cell that held a card number was scrubbed to "[card removed]": as a profile id, membership
 * number or phone it would match every other such row to one guest, so it counts as empty.
 */
function withoutScrubbedIdentifiers(row: PmsStayRow): PmsStayRow {
  const keep = (v: string | null) => (v !== null && v.includes(cardRemoved) ? null : v)
  return { ...row, profileId: keep(row.profileId), membershipNo: keep(row.membershipNo), phone: keep(row.phone) }
}

/** A row whose confirmation Zhike has not seen: the desk's stay for the same guest and nights, or a new stay. */
function adoptOrCreate(
  ctx: OperationContext,
  row: PmsStayRow,
  kind: StayReportKind,
  outcome: StayReportOutcome,
  count: (kind: StayEventKind) => void,
  knownGuestId?: number,
): StayRow | undefined {
  const actor = actorOf(ctx)
  const match: ArrivalMatch =
    knownGuestId !== undefined
      ? { kind: 'matched', guestId: knownGuestId, rule: 'profile_id' }
      : matchArrival(ctx.sqlite, {
          profileId: row.profileId,
          membershipNo: row.membershipNo,
          nativeName: row.nativeName,
          romanName: row.romanName,
          phone: row.phone,
          birthDate: row.birthDate,
        })
  let guestId: number
  if (match.kind === 'matched') {
    guestId = match.guestId
    if (knownGuestId === undefined) outcome.matched[match.rule] = (outcome.matched[match.rule] ?? 0) + 1
    notePmsNumbers(ctx.sqlite, findGuest(ctx.sqlite, guestId)!, { profileId: row.profileId, membershipNo: row.membershipNo })
    followPmsVip(ctx, guestId, row.vip)
    const adoptable = findAdoptableStay(ctx.sqlite, guestId, row.arrival)
    if (adoptable) {
      setStayPmsConfirmation(ctx.sqlite, adoptable.id, row.confirmation)
      return findStay(ctx.sqlite, adoptable.id)
    }
  } else {
    guestId = guestOperations['guest.create'].handler(ctx, newGuestFields(row)).id
    notePmsNumbers(ctx.sqlite, findGuest(ctx.sqlite, guestId)!, { profileId: row.profileId, membershipNo: row.membershipNo })
    outcome.newProfiles++
  }
  const status = statusOf(kind, row)
  const at = ctx.clock.now().toISOString()
  // A booking first seen already closed (a departures report, a cancellation) is kept as history: no prompts.
  const closed = status === 'checked_out' || status === 'cancelled' || status === 'no_show'
  const room = row.roomNumber ? findRoomByNumber(ctx.sqlite, row.roomNumber) : undefined
  const stayId = insertStay(ctx.sqlite, {
    confirmation_no: newConfirmationNo((no) => confirmationTaken(ctx.sqlite, no)),
    pms_confirmation: row.confirmation,
    guest_id: guestId,
    arrival_date: row.arrival,
    departure_date: row.departure,
    party_size: row.party,
    room_id: closed && status === 'checked_out' ? (room?.id ?? null) : null,
    status: closed ? status : 'reserved',
    checked_in_at: status === 'checked_out' ? at : null,
    checked_out_at: status === 'checked_out' ? at : null,
    withdrawn_at: status === 'cancelled' || status === 'no_show' ? at : null,
    created_at: at,
    created_by: actor.staffId,
    room_type: row.roomType,
    eta: row.eta,
    membership_no: row.membershipNo,
    company: row.company,
    source: row.source,
    remarks: row.remarks,
    origin: 'pms',
  })
  replaceCompanions(
    ctx.sqlite,
    stayId,
    row.companions.map((n) => ({ guestId: null, name: n })),
  )
  if (match.kind !== 'matched') {
    // Nothing matched: profiles of the same name are shown beside it all the same (never linked by name alone).
    const candidates = match.kind === 'ambiguous' ? match.candidates : sameNameProfiles(ctx.sqlite, row).filter((id) => id !== guestId)
    insertArrivalMatch(ctx.sqlite, { stayId, reason: match.kind, candidates, at })
    outcome.unmatched++
  }
  const stay = findStay(ctx.sqlite, stayId)!
  if (!closed) {
    bookingReceived(ctx, stay, 'pms')
    count('reservation')
  }
  return findStay(ctx.sqlite, stayId)
}

/**
 * The PMS's word wins, but a room it puts a guest in while Zhike has another guest in house
 * there (a share, or a stay the desk made that the PMS does not list) is said in the report.
 */
function noteSharedRoom(ctx: OperationContext, row: PmsStayRow, stay: StayRow, roomId: number, outcome: StayReportOutcome): void {
  const other = inHouseStaysInRoom(ctx.sqlite, roomId).filter((s) => s.id !== stay.id)
  for (const s of other) {
    outcome.warnings.push({
      line: row.line,
      code: 'room_shared',
      message: `Room ${row.roomNumber} already has stay ${s.pms_confirmation ?? s.confirmation_no} in house; both are now in house there. Check the PMS if that is not a share.`,
    })
  }
}

function withdrawnByPms(ctx: OperationContext, stay: StayRow): boolean {
  const last = listStayEvents(ctx.sqlite, stay.id).at(-1)
  return last?.kind === 'withdrawn' && last.source === 'pms'
}

/** The PMS grades VIPs (0–9); a profile keeps 0–3. A matched guest takes the PMS's level, through guest.update (so it is in the history). */
function followPmsVip(ctx: OperationContext, guestId: number, vip: number | null): void {
  if (vip === null) return
  const level = Math.min(3, Math.max(0, vip))
  if (findGuest(ctx.sqlite, guestId)?.vip === level) return
  guestOperations['guest.update'].handler(ctx, { guestId, fields: { vip: level } })
}

/** Brings one stay in line with its row: details quietly, dates, room and status as stay events. */
function applyRow(
  ctx: OperationContext,
  kind: StayReportKind,
  row: PmsStayRow,
  initial: StayRow,
  outcome: StayReportOutcome,
  count: (kind: StayEventKind) => void,
  /** The row made the stay just now: it is new, neither updated nor unchanged. */
  isNew = false,
): void {
  let stay = initial
  const tally = (changed: boolean) => {
    if (isNew) return
    if (changed) outcome.updated++
    else outcome.unchanged++
  }
  const reread = () => (stay = findStay(ctx.sqlite, stay.id)!)
  const changedDetails = updateBookingDetails(ctx.sqlite, stay, {
    party: row.party,
    roomType: row.roomType ?? undefined,
    eta: row.eta ?? undefined,
    membershipNo: row.membershipNo ?? undefined,
    company: row.company ?? undefined,
    source: row.source ?? undefined,
    remarks: row.remarks ?? undefined,
  })
  const companionsChanged =
    row.companions.length > 0 &&
    replaceCompanions(
      ctx.sqlite,
      stay.id,
      row.companions.map((n) => ({ guestId: null, name: n })),
    )
  let changed = changedDetails.length > 0 || companionsChanged
  reread()
  const status = statusOf(kind, row)
  // A booking the PMS's silence withdrew (missing from one report) that a later report lists as
  // expected or in house: the PMS's latest word wins, and the stay is a reservation again.
  if ((stay.status === 'cancelled' || stay.status === 'no_show') && (status === 'reserved' || status === 'in_house') && withdrawnByPms(ctx, stay)) {
    stayReopened(ctx, stay, 'pms')
    count('reservation')
    changed = true
    reread()
  }
  const closed = stay.status === 'checked_out' || stay.status === 'cancelled' || stay.status === 'no_show'
  if (closed) {
    if (status !== null && status !== stay.status) {
      outcome.warnings.push({ line: row.line, code: 'stay_closed', message: `Stay ${row.confirmation} is already ${stay.status}; the report says ${status}. Left as it is.` })
    }
    tally(changed)
    return
  }
  // Dates: an in-house stay keeps the arrival it checked in on.
  const arrival = stay.status === 'in_house' ? stay.arrival_date : row.arrival
  if (arrival !== stay.arrival_date || row.departure !== stay.departure_date) {
    if (row.departure > arrival) {
      stayDatesChanged(ctx, stay, arrival, row.departure, 'pms')
      count('dates_changed')
      changed = true
      reread()
    }
  }
  const room = row.roomNumber ? findRoomByNumber(ctx.sqlite, row.roomNumber) : undefined
  if (stay.status === 'reserved') {
    if (status === 'reserved' || status === null) {
      // A report without a room never takes back the room the desk chose.
      if (room && room.id !== stay.room_id) {
        roomPreassigned(ctx, stay, room, 'pms')
        count('pre_arrival')
        changed = true
      }
    } else if (status === 'in_house' || status === 'checked_out') {
      // A departure report may name no room: the room chosen before arrival is the one slept in.
      const into = room ?? (stay.room_id === null ? undefined : findRoom(ctx.sqlite, stay.room_id))
      if (!into) {
        outcome.warnings.push({ line: row.line, code: 'no_room', message: `Stay ${row.confirmation} left without Zhike knowing its room; recorded nothing.` })
        return
      }
      noteSharedRoom(ctx, row, stay, into.id, outcome)
      guestCheckedIn(ctx, stay, into, 'pms')
      count('check_in')
      reread()
      changed = true
      if (status === 'checked_out') {
        guestCheckedOut(ctx, stay, 'pms')
        count('check_out')
      }
    } else if (status === 'cancelled' || status === 'no_show') {
      stayWithdrawn(ctx, stay, status, 'pms')
      count('withdrawn')
      changed = true
    }
  } else if (stay.status === 'in_house') {
    if (status === 'in_house' || status === null) {
      if (room && room.id !== stay.room_id) {
        noteSharedRoom(ctx, row, stay, room.id, outcome)
        guestMovedRoom(ctx, stay, room, 'pms')
        count('room_move')
        changed = true
      }
    } else if (status === 'checked_out') {
      guestCheckedOut(ctx, stay, 'pms')
      count('check_out')
      changed = true
    } else {
      outcome.warnings.push({ line: row.line, code: 'already_in_house', message: `Stay ${row.confirmation} is in house in Zhike; the report says ${status}. Left as it is.` })
    }
  }
  tally(changed)
}
