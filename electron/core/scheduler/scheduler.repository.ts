import { sql } from 'kysely'
import { all, first, prepared, qb, run, type Sqlite } from '../db/query'
import type { StayRow } from '../db/tables/stay.table'
import type { RuleFacts } from '../prompts/prompt-generation'
import { toRuleFacts } from '../rules/rule.repository'

/** Stays a timed rule fires for, with the room number its prompt names. */
export type FiringStay = StayRow & { room_number: string | null }

function staysWithRoom() {
  return qb.selectFrom('stay').leftJoin('room', 'room.id', 'stay.room_id').selectAll('stay').select('room.number as room_number')
}

/**
 * Stays whose guests may meet a rule on a preference: the main guest holds an active preference
 * of the rule's category (and code), or the stay has an accompanying guest with a profile (checked
 * in full when fired). A rule on guest facts (no category) matches every stay.
 */
function mayMatch(category: string | null, code: string | null) {
  return sql<boolean>`(${category} IS NULL
    OR EXISTS (SELECT 1 FROM preference p WHERE p.guest_id = stay.guest_id AND p.active = 1 AND p.category = ${category} AND (${code} IS NULL OR p.code = ${code}))
    OR EXISTS (SELECT 1 FROM stay_companion c WHERE c.stay_id = stay.id AND c.guest_id IS NOT NULL))`
}

/** A slot's stay query, prepared, keeping its builder so the claim check can be added to it. */
function slotQuery<Q extends ReturnType<typeof staysWithRoom>>(build: (a: DateArgs) => Q) {
  return { build, ...prepared(build) }
}

/** In house on business date `date`: arrived on or before it, leaving after it. */
type DateArgs = { date: string; category: string | null; code: string | null }
const inHouseOn = slotQuery((a: DateArgs) =>
  staysWithRoom()
    .where('stay.status', '=', 'in_house')
    .where('stay.arrival_date', '<=', a.date)
    .where('stay.departure_date', '>', a.date)
    .where(mayMatch(a.category, a.code))
    .orderBy('stay.id'),
)
const reservedArriving = slotQuery((a: DateArgs) =>
  staysWithRoom().where('stay.status', '=', 'reserved').where('stay.arrival_date', '=', a.date).where(mayMatch(a.category, a.code)).orderBy('stay.id'),
)
const checkedOutDeparted = slotQuery((a: DateArgs) =>
  staysWithRoom().where('stay.status', '=', 'checked_out').where('stay.departure_date', '=', a.date).where(mayMatch(a.category, a.code)).orderBy('stay.id'),
)

/** The stays a slot of `trigger` matches on `date` (see timed-firings.ts DueSlot.stayDate) whose guests may meet the rule's preference condition. */
export function staysForSlot(
  sqlite: Sqlite,
  trigger: 'pre_arrival' | 'daily' | 'post_stay',
  date: string,
  match: { category: string | null; code: string | null } = { category: null, code: null },
): FiringStay[] {
  const query = trigger === 'daily' ? inHouseOn : trigger === 'pre_arrival' ? reservedArriving : checkedOutDeparted
  return query.all(sqlite, { date, category: match.category, code: match.code }) as FiringStay[]
}

/** Stays of a slot whose firing of rule `rule` on `keyDate` is not yet claimed (see fireKey). */
const notClaimed = (rule: number, keyDate: string) =>
  sql<boolean>`NOT EXISTS (SELECT 1 FROM scheduled_fire f WHERE f.key = 'rule:' || ${rule} || ':stay:' || stay.id || ':' || ${keyDate})`

type SlotArgs = { date: string; category: string | null; code: string | null; rule: number; keyDate: string }
// Ids only: the firing reads its stay again inside its own transaction.
const idsOnly = <Q extends ReturnType<typeof staysWithRoom>>(q: Q) => q.clearSelect().select('stay.id')
const unclaimedQueries = {
  daily: prepared((a: SlotArgs) => idsOnly(inHouseOn.build(a)).where(notClaimed(a.rule, a.keyDate))),
  pre_arrival: prepared((a: SlotArgs) => idsOnly(reservedArriving.build(a)).where(notClaimed(a.rule, a.keyDate))),
  post_stay: prepared((a: SlotArgs) => idsOnly(checkedOutDeparted.build(a)).where(notClaimed(a.rule, a.keyDate))),
}

/**
 * The stays one slot (a rule due on a date) would fire for and that no process has claimed yet:
 * staysForSlot with the claim key checked in the same query (one statement per slot).
 */
export function unclaimedStaysForSlot(
  sqlite: Sqlite,
  slot: { trigger: 'pre_arrival' | 'daily' | 'post_stay'; stayDate: string; ruleId: number; keyDate: string },
  match: { category: string | null; code: string | null },
): { id: number }[] {
  return unclaimedQueries[slot.trigger].all(sqlite, { date: slot.stayDate, category: match.category, code: match.code, rule: slot.ruleId, keyDate: slot.keyDate }) as { id: number }[]
}

const timedRulesBetween = prepared((a: { from: string; to: string }) =>
  qb
    .selectFrom('rule')
    .selectAll()
    .where('active', '=', 1)
    .where('trigger', 'in', ['pre_arrival', 'daily', 'post_stay'])
    .where('at_time', '>=', a.from)
    .where('at_time', '<=', a.to)
    .orderBy('at_time')
    .orderBy('id'),
)

/**
 * Active timed rules (pre-arrival with days and a time, daily and post-stay with a time) whose
 * time of day lies in one of `ranges` ('HH:MM', inclusive; see dueTimeRanges). A rule with a
 * damaged time is never read.
 */
export function timedRulesAt(sqlite: Sqlite, ranges: readonly (readonly [string, string])[]): RuleFacts[] {
  const rules: RuleFacts[] = []
  for (const [from, to] of ranges) {
    for (const row of timedRulesBetween.all(sqlite, { from, to })) {
      const facts = toRuleFacts(row)
      if (!facts.atTime || !/^([01]\d|2[0-3]):[0-5]\d$/.test(facts.atTime)) continue
      if (facts.trigger === 'pre_arrival' && facts.offsetDays === null) continue
      rules.push(facts)
    }
  }
  return rules
}

const claim = prepared((a: { key: string; dueAt: string; firedAt: string; lateMinutes: number | null }) =>
  qb.insertInto('scheduled_fire').values({ key: a.key, due_at: a.dueAt, fired_at: a.firedAt, late_minutes: a.lateMinutes }).onConflict((oc) => oc.column('key').doNothing()),
)

/** Claims one firing: true the first time its key is seen in this store, false ever after. */
export function claimFiring(sqlite: Sqlite, key: string, dueAt: string, firedAt: string, lateMinutes: number | null): boolean {
  return claim.run(sqlite, { key, dueAt, firedAt, lateMinutes }).changes === 1
}

const claimed = prepared((a: { key: string }) => qb.selectFrom('scheduled_fire').select('key').where('key', '=', a.key))
export function isClaimed(sqlite: Sqlite, key: string): boolean {
  return claimed.first(sqlite, { key }) !== undefined
}

/** Claims older than `before` (their stays are long gone): pruned so the table stays small. */
export function pruneClaims(sqlite: Sqlite, before: string): number {
  return run(sqlite, qb.deleteFrom('scheduled_fire').where('due_at', '<', before)).changes
}

export function countClaims(sqlite: Sqlite): number {
  return Number(first(sqlite, qb.selectFrom('scheduled_fire').select((eb) => eb.fn.countAll<number>().as('n')))?.n ?? 0)
}

export function listClaims(sqlite: Sqlite) {
  return all(sqlite, qb.selectFrom('scheduled_fire').selectAll().orderBy('due_at').orderBy('key'))
}
