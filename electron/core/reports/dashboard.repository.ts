import { sql, type CompiledQuery } from 'kysely'
import { qb, statement, type Sqlite } from '../db/query'
import type { ArrivalFact, ArrivalPreference, DateBucket, ObservationCount, PreferenceCount, RepeatCount } from './dashboard'

/*
 * The dashboard's aggregates: every figure is counted in SQL, so a 200,000-guest hotel sends the
 * screen dozens of rows, not its history. Lists of buckets are bound as one JSON parameter
 * (json_each), so each statement's text is fixed and prepared once. Query plans (EXPLAIN QUERY
 * PLAN, test/integration/dashboard.test.ts) are in docs/architecture.md, "The manager's desk".
 */

/** Every statement the dashboard runs, by name, as it last ran (for EXPLAIN QUERY PLAN). */
const lastRun = new Map<string, { sql: string; parameters: readonly unknown[] }>()

function rows<T>(sqlite: Sqlite, name: string, compiled: CompiledQuery<T>): T[] {
  lastRun.set(name, { sql: compiled.sql, parameters: compiled.parameters })
  return statement(sqlite, compiled.sql).all(...(compiled.parameters as unknown[])) as T[]
}

/** The query plans of the statements the last dashboard ran, by name (a test and the docs read them). */
export function dashboardQueryPlans(sqlite: Sqlite): Record<string, string[]> {
  return Object.fromEntries(
    [...lastRun].map(([name, q]) => [name, (sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...(q.parameters as unknown[])) as { detail: string }[]).map((r) => r.detail)]),
  )
}

const bucketTable = (buckets: readonly DateBucket[]) =>
  sql`SELECT json_extract(value, '$.key') AS key, json_extract(value, '$.first') AS first, json_extract(value, '$.past') AS past FROM json_each(${JSON.stringify(buckets)})`

/**
 * For each bucket of business dates: the guests who had a night in it (a stay in house or checked
 * out with arrival < past and departure > first), and of them those whose second stay ever (in
 * house or checked out, by arrival) arrived before the bucket ended. Checked-out stays are read
 * by arrival from `lookBackDays` before the earliest bucket (stay_by_status), so a checked-out stay
 * longer than that is not seen in its later months; stays in house are all read.
 */
export function repeatGuestCounts(sqlite: Sqlite, buckets: readonly DateBucket[], lookBackFrom: string): RepeatCount[] {
  if (buckets.length === 0) return []
  const latestPast = buckets.reduce((m, b) => (b.past > m ? b.past : m), buckets[0].past)
  return rows<RepeatCount>(
    sqlite,
    'repeatGuests',
    sql`
      WITH bucket AS MATERIALIZED (${bucketTable(buckets)}),
      visit AS (
        SELECT guest_id, arrival_date, departure_date FROM stay
        WHERE status = 'checked_out' AND arrival_date >= ${lookBackFrom} AND arrival_date < ${latestPast}
        UNION ALL
        SELECT guest_id, arrival_date, departure_date FROM stay
        WHERE status = 'in_house' AND arrival_date < ${latestPast}
      ),
      present AS (
        SELECT DISTINCT bucket.key, bucket.past, visit.guest_id FROM bucket
        JOIN visit ON visit.arrival_date < bucket.past AND visit.departure_date > bucket.first
      ),
      second AS MATERIALIZED (
        SELECT guest_id, (
          SELECT s.arrival_date FROM stay s
          WHERE s.guest_id = g.guest_id AND s.status IN ('in_house', 'checked_out')
          ORDER BY s.arrival_date LIMIT 1 OFFSET 1
        ) AS second_arrival
        FROM (SELECT DISTINCT guest_id FROM present) g
      )
      SELECT present.key AS key, count(*) AS guests,
        coalesce(sum(second.second_arrival IS NOT NULL AND second.second_arrival < present.past), 0) AS repeatGuests
      FROM present JOIN second ON second.guest_id = present.guest_id
      GROUP BY present.key`.compile(qb),
  )
}

/**
 * Active preferences on guest profiles, counted by category, code and strength. Read from the
 * partial index preference_counted alone (migration 0011), already grouped; `active = 1` is a
 * literal because SQLite uses a partial index only for a term it can see at prepare time.
 */
export function activePreferenceCounts(sqlite: Sqlite): PreferenceCount[] {
  return rows(
    sqlite,
    'preferences',
    qb
      .selectFrom('preference')
      .where(sql<boolean>`active = 1`)
      .groupBy(['category', 'code'])
      .select((eb) => [
        'category',
        'code',
        eb.fn.sum<number>(sql`strength = 'required'`).as('required'),
        eb.fn.sum<number>(sql`strength = 'preferred'`).as('preferred'),
        eb.fn.sum<number>(sql`strength = 'avoid'`).as('avoid'),
        eb.fn.sum<number>(sql`strength = 'never'`).as('never'),
      ])
      .compile(),
  )
}

/**
 * Observations recorded in each week (weeks as ISO instants of their first and past midnights in
 * the hotel's zone), by department and outcome. Read through observation_by_status (status,
 * created_at): one range per status.
 */
export function observationCounts(sqlite: Sqlite, weeks: readonly DateBucket[]): ObservationCount[] {
  if (weeks.length === 0) return []
  const from = weeks[0].first
  const past = weeks[weeks.length - 1].past
  return rows<ObservationCount>(
    sqlite,
    'observations',
    sql`
      WITH week AS MATERIALIZED (${bucketTable(weeks)})
      SELECT week.key AS week, o.department_code AS department,
        sum(o.status = 'accepted') AS accepted, sum(o.status = 'merged') AS merged,
        sum(o.status = 'rejected') AS rejected, sum(o.status = 'new') AS open
      FROM observation o
      JOIN week ON o.created_at >= week.first AND o.created_at < week.past
      WHERE o.status IN ('new', 'accepted', 'merged', 'rejected') AND o.created_at >= ${from} AND o.created_at < ${past}
      GROUP BY week.key, o.department_code`.compile(qb),
  )
}

export interface UnfulfilledGuestRow {
  guestId: number
  nativeName: string
  romanName: string | null
  vip: number
  declined: number
  overdue: number
  total: number
  lastAt: string
}

/**
 * The guests with the most unfulfilled needs among prompts issued in [fromInstant, pastInstant):
 * a prompt declined by its department, or a task still not done (open or acknowledged) past its
 * promised time (`due_at` before `now`). Cancelled prompts and standing instructions never count
 * as overdue. Most first; ties: the latest need first.
 */
export function unfulfilledByGuest(sqlite: Sqlite, fromInstant: string, pastInstant: string, now: string, limit: number): UnfulfilledGuestRow[] {
  return rows<UnfulfilledGuestRow>(
    sqlite,
    'unfulfilled',
    sql`
      WITH need AS (
        SELECT guest_id, status = 'declined' AS declined, created_at FROM prompt
        WHERE created_at >= ${fromInstant} AND created_at < ${pastInstant}
          AND (status = 'declined' OR (kind = 'task' AND status IN ('open', 'acknowledged') AND due_at < ${now}))
      ),
      per_guest AS (
        SELECT guest_id, sum(declined) AS declined, sum(NOT declined) AS overdue, count(*) AS total, max(created_at) AS last_at
        FROM need GROUP BY guest_id ORDER BY total DESC, last_at DESC, guest_id LIMIT ${limit}
      )
      SELECT g.id AS guestId, g.native_name AS nativeName, g.roman_name AS romanName, g.vip AS vip,
        p.declined AS declined, p.overdue AS overdue, p.total AS total, p.last_at AS lastAt
      FROM per_guest p JOIN guest g ON g.id = p.guest_id
      ORDER BY p.total DESC, p.last_at DESC, g.id`.compile(qb),
  )
}

/** How many guests have an unfulfilled need (as unfulfilledByGuest counts them) in the range. */
export function unfulfilledGuestCount(sqlite: Sqlite, fromInstant: string, pastInstant: string, now: string): number {
  const [row] = rows<{ guests: number }>(
    sqlite,
    'unfulfilledCount',
    sql`
      SELECT count(DISTINCT guest_id) AS guests FROM prompt
      WHERE created_at >= ${fromInstant} AND created_at < ${pastInstant}
        AND (status = 'declined' OR (kind = 'task' AND status IN ('open', 'acknowledged') AND due_at < ${now}))`.compile(qb),
  )
  return row?.guests ?? 0
}

/**
 * Stays arriving on business dates `first`..`last` (both included) that are expected (reserved) or
 * have already arrived (in house), with the guest's VIP level and names (stay_by_arrival).
 */
export function arrivalsBetween(sqlite: Sqlite, first: string, last: string): ArrivalFact[] {
  return rows(
    sqlite,
    'arrivals',
    qb
      .selectFrom('stay')
      .innerJoin('guest', 'guest.id', 'stay.guest_id')
      .where('stay.arrival_date', '>=', first)
      .where('stay.arrival_date', '<=', last)
      .where('stay.status', 'in', ['reserved', 'in_house'])
      .select(['stay.id as stayId', 'stay.guest_id as guestId', 'stay.arrival_date as arrival', 'guest.vip as vip', 'guest.native_name as nativeName', 'guest.roman_name as romanName'])
      .orderBy('stay.arrival_date')
      .orderBy('stay.id')
      .compile(),
  )
}

/** The active preferences that apply to those stays (always, or made for that stay), per stay (preference_by_guest). */
export function arrivalPreferences(sqlite: Sqlite, first: string, last: string): ArrivalPreference[] {
  return rows(
    sqlite,
    'arrivalPreferences',
    qb
      .selectFrom('stay')
      .innerJoin('preference', (join) => join.onRef('preference.guest_id', '=', 'stay.guest_id').on('preference.active', '=', 1))
      .where('stay.arrival_date', '>=', first)
      .where('stay.arrival_date', '<=', last)
      .where('stay.status', 'in', ['reserved', 'in_house'])
      .where((w) => w.or([w('preference.scope', '=', 'always'), w('preference.stay_id', '=', w.ref('stay.id'))]))
      .select(['stay.id as stayId', 'preference.category', 'preference.code', 'preference.value', 'preference.strength'])
      .orderBy('stay.id')
      .orderBy('preference.id')
      .compile(),
  )
}
