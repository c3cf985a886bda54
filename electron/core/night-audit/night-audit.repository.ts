import { sql } from 'kysely'
import { all, first, qb, run, type Sqlite } from '../db/query'
import type { NightAuditRow } from '../db/tables/promise.table'
import type { AuditStayLine } from './night-audit.report'

function stayLines() {
  return qb
    .selectFrom('stay')
    .innerJoin('guest', 'guest.id', 'stay.guest_id')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .select([
      'stay.id',
      'stay.confirmation_no',
      'stay.guest_id',
      'guest.native_name',
      'guest.roman_name',
      'room.number as room_number',
      'stay.arrival_date',
      'stay.departure_date',
    ])
}
type StayLineRow = Awaited<ReturnType<ReturnType<typeof stayLines>['execute']>>[number]

function toLine(r: StayLineRow): AuditStayLine {
  return {
    stayId: r.id,
    confirmationNo: r.confirmation_no,
    guestId: r.guest_id,
    guestName: { nativeName: r.native_name, romanName: r.roman_name },
    roomNumber: r.room_number,
    arrival: r.arrival_date,
    departure: r.departure_date,
  }
}

/** In-house stays due out on or before `date` (not checked out). */
export function listDueOutNotCheckedOut(sqlite: Sqlite, date: string): AuditStayLine[] {
  return all(sqlite, stayLines().where('stay.status', '=', 'in_house').where('stay.departure_date', '<=', date).orderBy('stay.departure_date').orderBy('room.number')).map(toLine)
}

/** Reservations arriving on or before `date` that never arrived. */
export function listNoShows(sqlite: Sqlite, date: string): AuditStayLine[] {
  return all(sqlite, stayLines().where('stay.status', '=', 'reserved').where('stay.arrival_date', '<=', date).orderBy('stay.arrival_date').orderBy('stay.id')).map(toLine)
}

/** How many in-house stays are due out on or before `date` and have not checked out (what `listDueOutNotCheckedOut` would list). */
export function countDueOutNotCheckedOut(sqlite: Sqlite, date: string): number {
  const row = first(sqlite, qb.selectFrom('stay').select(sql<number>`count(*)`.as('n')).where('status', '=', 'in_house').where('departure_date', '<=', date))
  return Number(row?.n ?? 0)
}

/** How many reservations arriving on or before `date` have not arrived (what `listNoShows` would list). */
export function countNoShows(sqlite: Sqlite, date: string): number {
  const row = first(sqlite, qb.selectFrom('stay').select(sql<number>`count(*)`.as('n')).where('status', '=', 'reserved').where('arrival_date', '<=', date))
  return Number(row?.n ?? 0)
}

/** Open and acknowledged task prompts per department (standing instructions are never carried: they hold for the stay). */
export function countCarriedOverPrompts(sqlite: Sqlite): { department: string; open: number; acknowledged: number }[] {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select([
        'department_code',
        sql<number>`sum(case when status = 'open' then 1 else 0 end)`.as('open'),
        sql<number>`sum(case when status = 'acknowledged' then 1 else 0 end)`.as('acknowledged'),
      ])
      .where('status', 'in', ['open', 'acknowledged'])
      .where('kind', '=', 'task')
      .groupBy('department_code')
      .orderBy('department_code'),
  ).map((r) => ({ department: r.department_code, open: Number(r.open), acknowledged: Number(r.acknowledged) }))
}

export function nightAuditExists(sqlite: Sqlite, businessDate: string): boolean {
  return first(sqlite, qb.selectFrom('night_audit').select('business_date').where('business_date', '=', businessDate)) !== undefined
}

export function insertNightAudit(sqlite: Sqlite, row: NightAuditRow): void {
  run(sqlite, qb.insertInto('night_audit').values(row))
}

/** The most recent audits, newest business date first. */
export function listNightAudits(sqlite: Sqlite, limit: number): NightAuditRow[] {
  return all(sqlite, qb.selectFrom('night_audit').selectAll().orderBy('business_date', 'desc').limit(limit))
}
