import { all, first, qb, run, type Sqlite } from '../db/query'
import type { NewSatisfactionRow } from '../db/tables/recovery.table'
import type { SatisfactionView } from './recovery.types'

/*
 * A guest's satisfaction with a stay (score 1–5 and a comment), entered by staff
 * (satisfaction.record) or imported from a survey file (satisfaction.import). Several records per
 * stay are allowed; the latest counts.
 */

/** Stores one record as given (the caller validated it). Returns its id. */
export function insertSatisfaction(sqlite: Sqlite, row: NewSatisfactionRow): number {
  return run(sqlite, qb.insertInto('satisfaction').values(row)).lastInsertRowid
}

function views() {
  return qb
    .selectFrom('satisfaction')
    .innerJoin('stay', 'stay.id', 'satisfaction.stay_id')
    .leftJoin('staff', 'staff.id', 'satisfaction.recorded_by')
    .select([
      'satisfaction.id',
      'satisfaction.stay_id',
      'satisfaction.score',
      'satisfaction.comment',
      'satisfaction.source',
      'satisfaction.recorded_at',
      'satisfaction.recorded_by',
      'staff.name as recorded_by_name',
      'stay.arrival_date',
      'stay.departure_date',
    ])
}
type ViewRow = Awaited<ReturnType<ReturnType<typeof views>['execute']>>[number]

function toView(r: ViewRow): SatisfactionView {
  return {
    id: r.id,
    stayId: r.stay_id,
    score: r.score,
    comment: r.comment,
    source: r.source === 'import' ? 'import' : 'staff',
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by !== null ? { id: r.recorded_by, name: r.recorded_by_name ?? '' } : null,
    arrival: r.arrival_date,
    departure: r.departure_date,
  }
}

/** A guest's satisfaction records, newest first (at most `limit`). */
export function satisfactionOfGuest(sqlite: Sqlite, guestId: number, limit: number): SatisfactionView[] {
  return all(sqlite, views().where('satisfaction.guest_id', '=', guestId).orderBy('satisfaction.recorded_at', 'desc').orderBy('satisfaction.id', 'desc').limit(limit)).map(toView)
}

/** A stay's satisfaction records, newest first. */
export function satisfactionOfStay(sqlite: Sqlite, stayId: number): SatisfactionView[] {
  return all(sqlite, views().where('satisfaction.stay_id', '=', stayId).orderBy('satisfaction.recorded_at', 'desc').orderBy('satisfaction.id', 'desc')).map(toView)
}

export function findSatisfaction(sqlite: Sqlite, id: number): SatisfactionView | undefined {
  const row = first(sqlite, views().where('satisfaction.id', '=', id))
  return row ? toView(row) : undefined
}

/**
 * A guest's average score over their stays: the latest record of each stay counts once.
 * Null when the guest has none.
 */
export function averageScoreOfGuest(sqlite: Sqlite, guestId: number): number | null {
  const rows = all(sqlite, qb.selectFrom('satisfaction').select(['stay_id', 'score']).where('guest_id', '=', guestId).orderBy('recorded_at', 'desc').orderBy('id', 'desc'))
  const latest = new Map<number, number>()
  for (const r of rows) if (!latest.has(r.stay_id)) latest.set(r.stay_id, r.score)
  if (latest.size === 0) return null
  const sum = [...latest.values()].reduce((a, b) => a + b, 0)
  return Math.round((sum / latest.size) * 10) / 10
}
