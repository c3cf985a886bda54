import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { GuestRow } from '../db/tables/guest.table'

const byProfileId = prepared((a: { id: string }) => qb.selectFrom('guest').selectAll().where('pms_profile_id', '=', a.id))
export function guestWithPmsProfileId(sqlite: Sqlite, profileId: string): GuestRow | undefined {
  return byProfileId.first(sqlite, { id: profileId })
}

const byMembership = prepared((a: { no: string }) => qb.selectFrom('guest').select('id').where('membership_no', '=', a.no).limit(20))
export function guestsWithMembershipNo(sqlite: Sqlite, membershipNo: string): number[] {
  return byMembership.all(sqlite, { no: membershipNo }).map((r) => r.id)
}

/**
 * Records the PMS's numbers on a profile where it has none yet (a number already there is
 * never overwritten: two PMS profiles of one guest are the PMS's duplicates, not ours to fix).
 * Returns the fields written. A profile id another guest holds is left alone.
 */
export function notePmsNumbers(sqlite: Sqlite, guest: GuestRow, numbers: { profileId: string | null; membershipNo: string | null }): string[] {
  const set: { pms_profile_id?: string; membership_no?: string } = {}
  if (numbers.profileId && !guest.pms_profile_id && !guestWithPmsProfileId(sqlite, numbers.profileId)) set.pms_profile_id = numbers.profileId
  if (numbers.membershipNo && !guest.membership_no) set.membership_no = numbers.membershipNo
  if (Object.keys(set).length === 0) return []
  run(sqlite, qb.updateTable('guest').set(set).where('id', '=', guest.id))
  return Object.keys(set)
}

export interface ArrivalMatchRow {
  id: number
  stayId: number
  status: 'open' | 'linked' | 'created'
  reason: 'unmatched' | 'ambiguous'
  candidates: number[]
  createdAt: string
}

export function insertArrivalMatch(sqlite: Sqlite, m: { stayId: number; reason: 'unmatched' | 'ambiguous'; candidates: number[]; at: string }): number {
  return run(
    sqlite,
    qb
      .insertInto('arrival_match')
      .values({ stay_id: m.stayId, status: 'open', reason: m.reason, candidates: JSON.stringify(m.candidates), created_at: m.at }),
  ).lastInsertRowid
}

function toMatch(r: { id: number; stay_id: number; status: string; reason: string; candidates: string; created_at: string }): ArrivalMatchRow {
  return {
    id: r.id,
    stayId: r.stay_id,
    status: r.status as ArrivalMatchRow['status'],
    reason: r.reason as ArrivalMatchRow['reason'],
    candidates: JSON.parse(r.candidates) as number[],
    createdAt: r.created_at,
  }
}

export function findArrivalMatch(sqlite: Sqlite, id: number): ArrivalMatchRow | undefined {
  const r = all(sqlite, qb.selectFrom('arrival_match').selectAll().where('id', '=', id))[0]
  return r ? toMatch(r) : undefined
}

export function openArrivalMatchOfStay(sqlite: Sqlite, stayId: number): ArrivalMatchRow | undefined {
  const r = all(sqlite, qb.selectFrom('arrival_match').selectAll().where('stay_id', '=', stayId).where('status', '=', 'open'))[0]
  return r ? toMatch(r) : undefined
}

// A booking cancelled, or a no-show, no longer needs a profile linked: it leaves the queue.
const stillComing = ['reserved', 'in_house', 'checked_out']

export function listOpenArrivalMatches(sqlite: Sqlite, limit: number): ArrivalMatchRow[] {
  return all(
    sqlite,
    qb
      .selectFrom('arrival_match')
      .innerJoin('stay', 'stay.id', 'arrival_match.stay_id')
      .selectAll('arrival_match')
      .where('arrival_match.status', '=', 'open')
      .where('stay.status', 'in', stillComing)
      .orderBy('arrival_match.id')
      .limit(limit),
  ).map(toMatch)
}

export function countOpenArrivalMatches(sqlite: Sqlite): number {
  return Number(
    all(
      sqlite,
      qb
        .selectFrom('arrival_match')
        .innerJoin('stay', 'stay.id', 'arrival_match.stay_id')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('arrival_match.status', '=', 'open')
        .where('stay.status', 'in', stillComing),
    )[0]?.n ?? 0,
  )
}

export function resolveArrivalMatch(sqlite: Sqlite, id: number, status: 'linked' | 'created', at: string, by: number | null): boolean {
  return (
    run(sqlite, qb.updateTable('arrival_match').set({ status, resolved_at: at, resolved_by: by }).where('id', '=', id).where('status', '=', 'open')).changes ===
    1
  )
}

export function setStayGuest(sqlite: Sqlite, stayId: number, guestId: number): void {
  run(sqlite, qb.updateTable('stay').set({ guest_id: guestId }).where('id', '=', stayId))
}

export function insertPmsImport(
  sqlite: Sqlite,
  i: { kind: string; fileName: string; checksum: string; via: string; at: string; staffId: number | null; rows: number; status: string; report: unknown },
): number {
  return run(
    sqlite,
    qb.insertInto('pms_import').values({
      kind: i.kind,
      file_name: i.fileName,
      checksum: i.checksum,
      via: i.via,
      at: i.at,
      staff_id: i.staffId,
      rows: i.rows,
      status: i.status,
      report: JSON.stringify(i.report),
    }),
  ).lastInsertRowid
}

export function listPmsImports(sqlite: Sqlite, limit: number) {
  return all(sqlite, qb.selectFrom('pms_import').selectAll().orderBy('id', 'desc').limit(limit))
}
