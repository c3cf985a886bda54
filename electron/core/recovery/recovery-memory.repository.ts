import type { Sqlite } from '../db/query'
import { statement } from '../db/query'
import type { StayRecoveryFlags } from './recovery.types'

/*
 * What the next stay remembers of a guest's earlier recovery cases, the post-stay fact "this
 * guest had a case on this stay", the arrival and in-house lists' flags, and erasure of the
 * cases' free text. The open-promise terms are written as SQL literals so SQLite can use the
 * partial index recovery_step_open_promise (migration 0017).
 */

const openPromiseTerms = "st.step = 'promise' AND st.promise_text IS NOT NULL AND st.promise_kept_at IS NULL AND st.promise_text <> ''"

/** A promise made to the guest on an earlier stay and not kept yet. */
export interface EarlierOpenPromise {
  stepId: number
  caseId: number
  text: string
  department: string
}

/**
 * The guest's unkept promises made on stays that arrived before `arrival` (never this stay's
 * own), oldest first. A promise step skipped (passed over with a reason) is not a promise.
 */
export function openPromisesOfEarlierStays(sqlite: Sqlite, guestId: number, stayId: number, arrival: string): EarlierOpenPromise[] {
  return statement(
    sqlite,
    `SELECT st.id AS stepId, c.id AS caseId, st.promise_text AS text, COALESCE(st.promise_department, c.department_code) AS department
     FROM recovery_case c
     JOIN recovery_step st ON st.case_id = c.id AND ${openPromiseTerms}
     JOIN stay ps ON ps.id = c.stay_id
     WHERE c.guest_id = :guestId AND c.stay_id <> :stayId AND ps.arrival_date < :arrival AND st.skipped = 0
     ORDER BY c.raised_at, st.id`,
  ).all({ guestId, stayId, arrival }) as EarlierOpenPromise[]
}

/** The departments concerned by the guest's cases on earlier stays raised since `since` (ISO), with their categories. */
export function departmentsOfEarlierCases(
  sqlite: Sqlite,
  guestId: number,
  stayId: number,
  arrival: string,
  since: string,
): { department: string; categories: string[] }[] {
  const rows = statement(
    sqlite,
    `SELECT c.department_code AS department, group_concat(DISTINCT c.category) AS categories
     FROM recovery_case c
     JOIN stay ps ON ps.id = c.stay_id
     WHERE c.guest_id = :guestId AND c.stay_id <> :stayId AND ps.arrival_date < :arrival AND c.raised_at >= :since
     GROUP BY c.department_code
     ORDER BY c.department_code`,
  ).all({ guestId, stayId, arrival, since }) as { department: string; categories: string }[]
  return rows.map((r) => ({ department: r.department, categories: r.categories.split(',').sort() }))
}

/** Did this guest have a recovery case (complaint or incident) on this stay? */
export function guestHadCaseOnStay(sqlite: Sqlite, guestId: number, stayId: number): boolean {
  return statement(sqlite, 'SELECT 1 FROM recovery_case WHERE stay_id = ? AND guest_id = ? LIMIT 1').get(stayId, guestId) !== undefined
}

/**
 * The recovery flags of many stays in one statement (arrival and in-house lists): cases of the
 * guest on earlier stays (arrived before this one), and the guest's promises not kept yet (any
 * stay, this one's too). Stays with neither are absent from the map.
 */
export function recoveryFlagsOfStays(sqlite: Sqlite, stayIds: readonly number[]): Map<number, StayRecoveryFlags> {
  if (stayIds.length === 0) return new Map()
  const rows = statement(sqlite, recoveryFlagsSql).all(JSON.stringify(stayIds)) as { stayId: number; pastCases: number; openPromises: number }[]
  const flags = new Map<number, StayRecoveryFlags>()
  for (const r of rows) {
    if (r.pastCases > 0 || r.openPromises > 0) flags.set(r.stayId, { pastCases: Number(r.pastCases), openPromises: Number(r.openPromises) })
  }
  return flags
}

/** The statement of `recoveryFlagsOfStays` (one parameter: the stay ids as a JSON array); exported for its query-plan test. */
export const recoveryFlagsSql = `SELECT s.id AS stayId,
       (SELECT count(*) FROM recovery_case c JOIN stay ps ON ps.id = c.stay_id
         WHERE c.guest_id = s.guest_id AND c.stay_id <> s.id AND ps.arrival_date < s.arrival_date) AS pastCases,
       (SELECT count(*) FROM recovery_case c JOIN recovery_step st ON st.case_id = c.id AND ${openPromiseTerms}
         WHERE c.guest_id = s.guest_id AND st.skipped = 0) AS openPromises
     FROM stay s
     WHERE s.id IN (SELECT value FROM json_each(?))
       AND EXISTS (SELECT 1 FROM recovery_case c WHERE c.guest_id = s.guest_id)`

/**
 * Erasure: the free text of these guests' recovery cases and satisfaction records goes (a case's
 * description, its steps' notes, the promise's words, the reason a step was taken out of
 * order; satisfaction comments). Kind, category, severity, department, dates, compensation
 * figures and scores stay for the statistics; a promise made stays a promise made (its text is
 * emptied, not removed). Answers how many rows changed.
 */
export function clearRecoveryTextOfGuests(sqlite: Sqlite, ids: readonly number[]): number {
  const list = JSON.stringify(ids)
  const cases = statement(sqlite, "UPDATE recovery_case SET description = '' WHERE guest_id IN (SELECT value FROM json_each(?)) AND description <> ''").run(list).changes
  const steps = statement(
    sqlite,
    `UPDATE recovery_step SET note = NULL,
       promise_text = CASE WHEN promise_text IS NULL THEN NULL ELSE '' END,
       out_of_order_reason = CASE WHEN out_of_order_reason IS NULL THEN NULL ELSE '' END
     WHERE case_id IN (SELECT id FROM recovery_case WHERE guest_id IN (SELECT value FROM json_each(?)))
       AND (note IS NOT NULL OR promise_text <> '' OR out_of_order_reason <> '')`,
  ).run(list).changes
  const scores = statement(sqlite, 'UPDATE satisfaction SET comment = NULL WHERE guest_id IN (SELECT value FROM json_each(?)) AND comment IS NOT NULL').run(list).changes
  return cases + steps + scores
}

/** Has this guest any recovery case at all? (Most guests have none: then nothing more is read.) */
export function guestHasCases(sqlite: Sqlite, guestId: number): boolean {
  return statement(sqlite, 'SELECT 1 FROM recovery_case WHERE guest_id = ? LIMIT 1').get(guestId) !== undefined
}
