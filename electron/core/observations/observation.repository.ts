import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { NewObservationRow } from '../db/tables/observation.table'
import type { ObservationView } from './observation.view'
import { calendarBusinessDate, hotelClockSettings } from '../hotel-clock'

export function insertObservation(sqlite: Sqlite, row: NewObservationRow): number {
  return run(sqlite, qb.insertInto('observation').values(row)).lastInsertRowid
}

function views() {
  return qb
    .selectFrom('observation')
    .innerJoin('guest', 'guest.id', 'observation.guest_id')
    .innerJoin('staff as author', 'author.id', 'observation.staff_id')
    .leftJoin('staff as reviewer', 'reviewer.id', 'observation.reviewed_by')
    .leftJoin('stay', 'stay.id', 'observation.stay_id')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .leftJoin('recovery_case as rc', 'rc.id', 'observation.recovery_case_id')
    .select([
      'observation.id',
      'observation.guest_id',
      'guest.native_name',
      'guest.roman_name',
      'guest.restricted as guest_restricted',
      'observation.stay_id',
      'room.number as room_number',
      'observation.department_code',
      'author.name as author',
      'observation.staff_id',
      'author.department_code as author_department',
      'rc.id as case_id',
      'rc.category as case_category',
      'rc.raised_at as case_raised_at',
      'observation.text',
      'observation.suggested_category',
      'observation.suggested_code',
      'observation.suggested_value',
      'observation.suggested_strength',
      'observation.suggested_scope',
      'observation.status',
      'observation.preference_id',
      'observation.reject_reason',
      'observation.reviewed_at',
      'reviewer.name as reviewer',
      'observation.created_at',
    ])
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof views>['execute']>>[number]

function toView(r: ViewRow, dateOf: (iso: string) => string): ObservationView {
  return {
    id: r.id,
    guestId: r.guest_id,
    guest: { nativeName: r.native_name, romanName: r.roman_name, restricted: r.guest_restricted === 1 },
    stayId: r.stay_id,
    roomNumber: r.room_number,
    department: r.department_code,
    staff: r.author,
    staffId: r.staff_id,
    staffDepartment: r.author_department,
    recoveryCase:
      r.case_id !== null && r.case_category !== null && r.case_raised_at !== null
        ? { id: r.case_id, category: r.case_category, raisedAt: r.case_raised_at, raisedOn: dateOf(r.case_raised_at) }
        : null,
    text: r.text,
    suggestion:
      r.suggested_category && r.suggested_code && r.suggested_value
        ? { category: r.suggested_category, code: r.suggested_code, value: r.suggested_value, strength: r.suggested_strength ?? 'preferred', scope: r.suggested_scope ?? 'always' }
        : null,
    status: r.status as ObservationView['status'],
    preferenceId: r.preference_id,
    rejectReason: r.reject_reason,
    reviewedAt: r.reviewed_at,
    reviewedBy: r.reviewer,
    createdAt: r.created_at,
  }
}

/** The business date (night audit to night audit) of an instant, the hotel's clock read once. */
function businessDates(sqlite: Sqlite): (iso: string) => string {
  let settings: ReturnType<typeof hotelClockSettings> | undefined
  return (iso) => calendarBusinessDate(new Date(iso), (settings ??= hotelClockSettings(sqlite)))
}

/** The recovery case each observation was proposed from (a lesson), by observation id. */
export function recoveryCasesOfObservations(sqlite: Sqlite, observationIds: readonly number[]): Map<number, { id: number; category: string; raisedOn: string }> {
  const out = new Map<number, { id: number; category: string; raisedOn: string }>()
  if (observationIds.length === 0) return out
  const dateOf = businessDates(sqlite)
  const rows = all(
    sqlite,
    qb
      .selectFrom('observation')
      .innerJoin('recovery_case as rc', 'rc.id', 'observation.recovery_case_id')
      .select(['observation.id', 'rc.id as case_id', 'rc.category', 'rc.raised_at'])
      .where('observation.id', 'in', observationIds),
  )
  for (const r of rows) out.set(r.id, { id: r.case_id, category: r.category, raisedOn: dateOf(r.raised_at) })
  return out
}

const one = prepared((a: { id: number }) => views().where('observation.id', '=', a.id))
export function findObservationView(sqlite: Sqlite, id: number): ObservationView | undefined {
  const row = one.first(sqlite, { id })
  return row ? toView(row, businessDates(sqlite)) : undefined
}

export function listObservations(
  sqlite: Sqlite,
  filter: { status?: string; staffId?: number; guestId?: number; department?: string },
  limit: number,
): ObservationView[] {
  let q = views()
  if (filter.status) q = q.where('observation.status', '=', filter.status)
  if (filter.staffId) q = q.where('observation.staff_id', '=', filter.staffId)
  if (filter.guestId) q = q.where('observation.guest_id', '=', filter.guestId)
  if (filter.department) q = q.where('observation.department_code', '=', filter.department)
  const dateOf = businessDates(sqlite)
  return all(sqlite, q.orderBy('observation.id', filter.status === 'new' ? 'asc' : 'desc').limit(limit)).map((r) => toView(r, dateOf))
}

/** How many observations each department sent, and what became of them. */
export function countsByDepartment(sqlite: Sqlite): { department: string; status: string; n: number }[] {
  return all(
    sqlite,
    qb
      .selectFrom('observation')
      .select((eb) => ['department_code as department', 'status', eb.fn.countAll<number>().as('n')])
      .groupBy(['department_code', 'status']),
  ).map((r) => ({ department: r.department, status: r.status, n: Number(r.n) }))
}

export function setObservationOutcome(
  sqlite: Sqlite,
  id: number,
  outcome: { status: 'accepted' | 'merged' | 'rejected'; preferenceId?: number | null; rejectReason?: string | null; at: string; by: number },
): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('observation')
        .set({
          status: outcome.status,
          preference_id: outcome.preferenceId ?? null,
          reject_reason: outcome.rejectReason ?? null,
          reviewed_at: outcome.at,
          reviewed_by: outcome.by,
        })
        .where('id', '=', id)
        .where('status', '=', 'new'),
    ).changes === 1
  )
}

export function countObservationsOfGuest(sqlite: Sqlite, guestId: number): number {
  return Number(all(sqlite, qb.selectFrom('observation').select((eb) => eb.fn.countAll<number>().as('n')).where('guest_id', '=', guestId))[0]?.n ?? 0)
}
