import { statement, type Sqlite } from '../db/query'
import { personIds, tablesWithGuestId } from './erasure.repository'

const json = (ids: readonly number[]) => JSON.stringify(ids)

/** Tables `guestAccessRecord` reads by name; every other table with a guest_id column is listed under `otherRecords`. */
const readTables = new Set(['guest', 'preference', 'stay', 'stay_companion', 'observation', 'prompt', 'guest_change', 'guest_merge', 'audit_log', 'guest_token', 'guest_match_key', 'recovery_case', 'satisfaction'])

type Row = Record<string, unknown>

/**
 * Everything Zhike holds about one guest (the right of access: PIPL Art. 45, GDPR Art. 15), as
 * one JSON-ready object: the profile with every column (the whole document number), profiles
 * merged into it, preferences (retired ones too), stays with their room, companions and events,
 * stays they accompanied, observations, prompts, recovery cases with their six steps (what was
 * promised, compensation given) and satisfaction scores, the change history, merges (ids and dates: a
 * merge's snapshot holds the other profile too), the audit rows about them (who saw or changed
 * what, when, from where) and rows of any other table keyed by guest (consent records…). Null
 * for an unknown guest.
 */
export function guestAccessRecord(sqlite: Sqlite, guestId: number): Row | null {
  const guest = statement(sqlite, 'SELECT * FROM guest WHERE id = ?').get(guestId) as Row | undefined
  if (!guest) return null
  const ids = personIds(sqlite, guestId)
  const list = json(ids)
  const rows = (sql: string) => statement(sqlite, sql).all(list) as Row[]
  const stays = rows(
    `SELECT stay.*, room.number AS room_number FROM stay LEFT JOIN room ON room.id = stay.room_id
     WHERE stay.guest_id IN (SELECT value FROM json_each(?)) ORDER BY stay.arrival_date, stay.id`,
  )
  const stayIds = json(stays.map((s) => Number(s.id)))
  const companions = statement(sqlite, 'SELECT * FROM stay_companion WHERE stay_id IN (SELECT value FROM json_each(?)) ORDER BY stay_id, position').all(stayIds) as Row[]
  const events = statement(sqlite, 'SELECT * FROM stay_event WHERE stay_id IN (SELECT value FROM json_each(?)) ORDER BY stay_id, id').all(stayIds) as Row[]
  const otherRecords: Record<string, Row[]> = {}
  for (const table of tablesWithGuestId(sqlite)) {
    if (readTables.has(table)) continue
    const found = statement(sqlite, `SELECT * FROM "${table.replace(/"/g, '""')}" WHERE guest_id IN (SELECT value FROM json_each(?))`).all(list) as Row[]
    if (found.length > 0) otherRecords[table] = found
  }
  return {
    guest,
    mergedProfiles: ids.length > 1 ? rows('SELECT * FROM guest WHERE id IN (SELECT value FROM json_each(?)) AND merged_into IS NOT NULL ORDER BY id') : [],
    preferences: rows('SELECT * FROM preference WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY id'),
    stays: stays.map((stay) => ({
      ...stay,
      companions: companions.filter((c) => c.stay_id === stay.id),
      events: events.filter((e) => e.stay_id === stay.id),
    })),
    accompanied: rows(
      `SELECT stay.id AS stay_id, stay.arrival_date, stay.departure_date, stay.status, stay_companion.name
       FROM stay_companion JOIN stay ON stay.id = stay_companion.stay_id
       WHERE stay_companion.guest_id IN (SELECT value FROM json_each(?)) ORDER BY stay.arrival_date`,
    ),
    observations: rows('SELECT * FROM observation WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY id'),
    prompts: rows(
      `SELECT id, stay_id, department_code, kind, trigger, text_en, text_zh, priority, status, created_at, due_at, acknowledged_at, done_at, declined_at, decline_reason
       FROM prompt WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    recoveryCases: recoveryCasesWithSteps(sqlite, list),
    satisfaction: rows('SELECT * FROM satisfaction WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY id'),
    changeHistory: rows('SELECT * FROM guest_change WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY id'),
    merges: statement(
      sqlite,
      `SELECT id, survivor_id, merged_id, at, staff_id, undone_at, undone_by FROM guest_merge
       WHERE survivor_id IN (SELECT value FROM json_each(:ids)) OR merged_id IN (SELECT value FROM json_each(:ids)) ORDER BY id`,
    ).all({ ids: list }) as Row[],
    audit: rows(
      `SELECT audit_log.*, staff.name AS staff_name FROM audit_log LEFT JOIN staff ON staff.id = audit_log.staff_id
       WHERE audit_log.guest_id IN (SELECT value FROM json_each(?)) ORDER BY audit_log.id`,
    ),
    otherRecords,
  }
}

/** The guest's recovery cases (complaints, incidents), each with its six steps in order. */
function recoveryCasesWithSteps(sqlite: Sqlite, guestIds: string): Row[] {
  const cases = statement(sqlite, 'SELECT * FROM recovery_case WHERE guest_id IN (SELECT value FROM json_each(?)) ORDER BY id').all(guestIds) as Row[]
  const steps = statement(
    sqlite,
    'SELECT * FROM recovery_step WHERE case_id IN (SELECT value FROM json_each(?)) ORDER BY case_id, position',
  ).all(JSON.stringify(cases.map((c) => Number(c.id)))) as Row[]
  return cases.map((c) => ({ ...c, steps: steps.filter((step) => step.case_id === c.id) }))
}
