import { statement, type Sqlite } from '../db/query'

/** One guest the retention period would anonymise. */
export interface RetentionCandidate {
  guestId: number
  nativeName: string
  romanName: string | null
  /** The latest departure date of any of their stays (YYYY-MM-DD), null: never stayed. */
  lastDeparture: string | null
  /** When their profile last changed (ISO 8601 UTC): the row or its change history, whichever is later. */
  lastChange: string
}

/**
 * Live guests (not merged away, not anonymised) inactive since before `cutoff` (YYYY-MM-DD, the
 * business date less the retention period): no stay of theirs departs on or after it, none is
 * in house or reserved, they are no companion on a stay in house or reserved, and neither their
 * profile nor its change history changed on or after it. A profile merged into them counts as
 * theirs (its stays moved to them).
 */
const candidatesSql = `
  SELECT g.id AS guestId, g.native_name AS nativeName, g.roman_name AS romanName,
         (SELECT max(s.departure_date) FROM stay s WHERE s.guest_id = g.id) AS lastDeparture,
         max(g.updated_at, coalesce((SELECT c.at FROM guest_change c WHERE c.guest_id = g.id ORDER BY c.id DESC LIMIT 1), '')) AS lastChange
  FROM guest g
  WHERE g.merged_into IS NULL AND g.anonymised_at IS NULL
    AND substr(g.updated_at, 1, 10) < :cutoff
    AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.guest_id = g.id AND (s.departure_date >= :cutoff OR s.status IN ('in_house', 'reserved')))
    AND NOT EXISTS (SELECT 1 FROM stay_companion sc JOIN stay s ON s.id = sc.stay_id WHERE sc.guest_id = g.id AND s.status IN ('in_house', 'reserved'))
    AND coalesce((SELECT substr(c.at, 1, 10) FROM guest_change c WHERE c.guest_id = g.id ORDER BY c.id DESC LIMIT 1), '') < :cutoff`

/** How many guests the retention period would anonymise now. */
export function countRetentionCandidates(sqlite: Sqlite, cutoff: string): number {
  return statement(sqlite, `SELECT count(*) FROM (${candidatesSql})`).pluck().get({ cutoff }) as number
}

/** A page of them, longest inactive first (then by id). */
export function retentionCandidates(sqlite: Sqlite, cutoff: string, limit: number, offset = 0): RetentionCandidate[] {
  return statement(sqlite, `${candidatesSql} ORDER BY coalesce(lastDeparture, substr(lastChange, 1, 10)), g.id LIMIT :limit OFFSET :offset`).all({
    cutoff,
    limit,
    offset,
  }) as RetentionCandidate[]
}

/** Every one of them: ids only, in id order. */
export function retentionCandidateIds(sqlite: Sqlite, cutoff: string): number[] {
  return statement(sqlite, `SELECT guestId FROM (${candidatesSql}) ORDER BY guestId`).pluck().all({ cutoff }) as number[]
}
