import { all, qb, run, type Sqlite } from '../db/query'

/** A stay as a satisfaction import needs it. */
export interface StayForSatisfaction {
  id: number
  guestId: number
  confirmationNo: string
  pmsConfirmation: string | null
  status: string
  withdrawn: boolean
  arrival: string
  guestErased: boolean
}

const staySelect = () =>
  qb
    .selectFrom('stay')
    .innerJoin('guest', 'guest.id', 'stay.guest_id')
    .select(['stay.id', 'stay.guest_id', 'stay.confirmation_no', 'stay.pms_confirmation', 'stay.status', 'stay.withdrawn_at', 'stay.arrival_date', 'guest.anonymised_at'])

type StaySelected = { id: number; guest_id: number; confirmation_no: string; pms_confirmation: string | null; status: string; withdrawn_at: string | null; arrival_date: string; anonymised_at: string | null }

const toStay = (r: StaySelected): StayForSatisfaction => ({
  id: r.id,
  guestId: r.guest_id,
  confirmationNo: r.confirmation_no,
  pmsConfirmation: r.pms_confirmation,
  status: r.status,
  withdrawn: r.withdrawn_at !== null,
  arrival: r.arrival_date,
  guestErased: r.anonymised_at !== null,
})

/** The stays with these confirmation numbers (Zhike's or the PMS's), compared as written. */
export function staysByConfirmation(sqlite: Sqlite, numbers: readonly string[]): StayForSatisfaction[] {
  const out: StayForSatisfaction[] = []
  for (let i = 0; i < numbers.length; i += 400) {
    const chunk = numbers.slice(i, i + 400)
    out.push(...all(sqlite, staySelect().where((w) => w.or([w('stay.confirmation_no', 'in', chunk), w('stay.pms_confirmation', 'in', chunk)]))).map(toStay))
  }
  return out
}

/** The stays with these ids. */
export function staysById(sqlite: Sqlite, ids: readonly number[]): StayForSatisfaction[] {
  const out: StayForSatisfaction[] = []
  for (let i = 0; i < ids.length; i += 500) out.push(...all(sqlite, staySelect().where('stay.id', 'in', ids.slice(i, i + 500))).map(toStay))
  return out
}

/** The imported records of these stays: what a second import of the same file must not add again. */
export function importedSatisfaction(sqlite: Sqlite, stayIds: readonly number[]): { stayId: number; score: number; comment: string | null; date: string | null }[] {
  const out: { stayId: number; score: number; comment: string | null; date: string | null }[] = []
  for (let i = 0; i < stayIds.length; i += 500) {
    const rows = all(sqlite, qb.selectFrom('satisfaction').select(['stay_id', 'score', 'comment', 'answered_on']).where('source', '=', 'import').where('stay_id', 'in', stayIds.slice(i, i + 500)))
    for (const r of rows) out.push({ stayId: r.stay_id, score: r.score, comment: r.comment, date: r.answered_on })
  }
  return out
}

/** Saves one imported record (source 'import', no staff member: the file's name says where it came from). */
export function insertImportedSatisfaction(
  sqlite: Sqlite,
  row: { guestId: number; stayId: number; score: number; comment: string | null; date: string | null; recordedAt: string; importFile: string },
): void {
  run(
    sqlite,
    qb.insertInto('satisfaction').values({
      guest_id: row.guestId,
      stay_id: row.stayId,
      score: row.score,
      comment: row.comment,
      source: 'import',
      answered_on: row.date,
      recorded_at: row.recordedAt,
      recorded_by: null,
      import_file: row.importFile,
    }),
  )
}
