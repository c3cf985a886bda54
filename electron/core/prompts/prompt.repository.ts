import { sql } from 'kysely'
import { all, prepared, qb, run, type Sqlite } from '../db/query'
import type { PromptDraft } from './prompt-generation'
import type { PromptView } from './prompt.view'

const insertDraft = prepared(
  (a: {
    dedupeKey: string
    stayId: number
    guestId: number
    ruleId: number
    preferenceId: number | null
    department: string
    trigger: string
    kind: string
    scheduledFor: string | null
    lateMinutes: number | null
    textEn: string
    textZh: string
    priority: string
    dueAt: string
    escalateAt: string
    createdAt: string
  }) =>
    qb
      .insertInto('prompt')
      .values({
        dedupe_key: a.dedupeKey,
        stay_id: a.stayId,
        guest_id: a.guestId,
        rule_id: a.ruleId,
        preference_id: a.preferenceId,
        department_code: a.department,
        trigger: a.trigger,
        text_en: a.textEn,
        text_zh: a.textZh,
        priority: a.priority,
        status: 'open',
        due_at: a.dueAt,
        escalate_at: a.escalateAt,
        next_escalation_at: a.escalateAt,
        created_at: a.createdAt,
        kind: a.kind,
        scheduled_for: a.scheduledFor,
        late_minutes: a.lateMinutes,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing()),
)

/**
 * Stores drafts; ones already stored (same dedupe key: stay, rule, preference value, occurrence)
 * are skipped. A timed firing passes when it was scheduled for and how late it fired. Returns new ids.
 */
export function insertPromptDrafts(
  sqlite: Sqlite,
  drafts: readonly PromptDraft[],
  stayId: number,
  guestId: number,
  createdAt: string,
  firing: { scheduledFor: string; lateMinutes: number | null } | null = null,
): number[] {
  const ids: number[] = []
  for (const d of drafts) {
    const result = insertDraft.run(sqlite, {
      dedupeKey: d.dedupeKey,
      stayId,
      guestId,
      ruleId: d.ruleId,
      preferenceId: d.preferenceId,
      department: d.department,
      trigger: d.trigger,
      kind: d.kind,
      scheduledFor: firing?.scheduledFor ?? null,
      lateMinutes: firing?.lateMinutes ?? null,
      textEn: d.text.en,
      textZh: d.text.zh,
      priority: d.priority,
      dueAt: d.dueAt.toISOString(),
      escalateAt: d.escalateAt.toISOString(),
      createdAt,
    })
    if (result.changes === 1) ids.push(result.lastInsertRowid)
  }
  return ids
}

/** Every prompt with what its screens show; exported for other prompt repositories (queues) to filter. */
export function promptViews() {
  return qb
    .selectFrom('prompt')
    .innerJoin('guest', 'guest.id', 'prompt.guest_id')
    .innerJoin('stay', 'stay.id', 'prompt.stay_id')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .innerJoin('department', 'department.code', 'prompt.department_code')
    .leftJoin('preference', 'preference.id', 'prompt.preference_id')
    .leftJoin('staff as ack', 'ack.id', 'prompt.acknowledged_by')
    .leftJoin('staff as fin', 'fin.id', 'prompt.done_by')
    .leftJoin('staff as dec', 'dec.id', 'prompt.declined_by')
    .leftJoin('staff as asg', 'asg.id', 'prompt.assigned_to')
    .leftJoin('staff as rdr', 'rdr.id', 'prompt.decline_read_by')
    .select([
      'prompt.id',
      'prompt.stay_id',
      'prompt.guest_id',
      'guest.native_name',
      'guest.roman_name',
      'guest.vip',
      'guest.restricted as guest_restricted',
      'room.number as room_number',
      'room.floor as room_floor',
      'prompt.department_code',
      'department.parent_code',
      'prompt.trigger',
      'prompt.kind',
      'prompt.text_en',
      'prompt.text_zh',
      'prompt.priority',
      'prompt.status',
      'prompt.due_at',
      'prompt.escalate_at',
      'prompt.created_at',
      'prompt.escalated_at',
      'prompt.escalation_level',
      'prompt.overdue_at',
      'prompt.assigned_to',
      'asg.name as assigned_name',
      'prompt.scheduled_for',
      'prompt.late_minutes',
      'preference.category',
      'preference.code',
      'preference.value',
      'preference.strength',
      'preference.note',
      'prompt.acknowledged_at',
      'ack.name as acknowledged_by',
      'prompt.done_at',
      'fin.name as done_by',
      'prompt.declined_at',
      'dec.name as declined_by',
      'prompt.decline_reason',
      'prompt.decline_read_at',
      'rdr.name as decline_read_by',
    ])
}
type PromptViewRow = Awaited<ReturnType<ReturnType<typeof promptViews>['execute']>>[number]

export function toPromptView(r: PromptViewRow): PromptView {
  return {
    id: r.id,
    stayId: r.stay_id,
    guestId: r.guest_id,
    guest: { nativeName: r.native_name, romanName: r.roman_name, vip: r.vip, restricted: r.guest_restricted === 1 },
    roomNumber: r.room_number,
    floor: r.room_floor,
    department: r.department_code,
    parentDepartment: r.parent_code,
    trigger: r.trigger,
    kind: r.kind === 'standing' ? 'standing' : 'task',
    text: { en: r.text_en, zh: r.text_zh },
    priority: r.priority as PromptView['priority'],
    status: r.status as PromptView['status'],
    dueAt: r.due_at,
    escalateAt: r.escalate_at,
    createdAt: r.created_at,
    escalatedAt: r.escalated_at,
    escalationLevel: r.escalation_level,
    overdueAt: r.overdue_at,
    assignedTo: r.assigned_to !== null ? { id: r.assigned_to, name: r.assigned_name ?? '' } : null,
    scheduledFor: r.scheduled_for,
    lateMinutes: r.late_minutes,
    reason: r.category
      ? { category: r.category, code: r.code ?? '', value: r.value ?? '', strength: r.strength ?? '', note: r.note }
      : null,
    acknowledged: r.acknowledged_at ? { at: r.acknowledged_at, by: r.acknowledged_by ?? '' } : null,
    done: r.done_at ? { at: r.done_at, by: r.done_by ?? '' } : null,
    declined: r.declined_at ? { at: r.declined_at, by: r.declined_by ?? '', reason: r.decline_reason ?? '' } : null,
    declineRead: r.decline_read_at ? { at: r.decline_read_at, by: r.decline_read_by ?? '' } : null,
  }
}

const oneView = prepared((a: { id: number }) => promptViews().where('prompt.id', '=', a.id))
export function findPromptView(sqlite: Sqlite, id: number): PromptView | undefined {
  const row = oneView.first(sqlite, { id })
  return row ? toPromptView(row) : undefined
}

const priorityRank = sql<number>`CASE prompt.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`

export interface BoardFilter {
  /** Only prompts for rooms on this floor. */
  floor?: number
  /** Only tasks assigned to this staff member, or to no one. Standing instructions are everyone's and always shown. */
  assignedTo?: number | 'unassigned'
}

/**
 * A department's board, its outlets' prompts included.
 *
 * 'open': first the standing instructions (allergy alerts, hearing needs) of guests in house or
 * arriving by `today` (the business date), acknowledged or not, by priority then room; then open
 * and acknowledged tasks by priority, escalated ones first within a priority, then the newest
 * first among urgent tasks (created_at desc) and the soonest due first among the others (due_at).
 * A standing instruction of a later reservation waits for its arrival day.
 *
 * 'closed': the latest done, declined and closed prompts.
 */
export function listBoard(
  sqlite: Sqlite,
  department: string,
  which: 'open' | 'closed',
  limit: number,
  options: { today: string; filter?: BoardFilter },
): PromptView[] {
  // IN (the department and its outlets) keeps the lookup on prompt_by_department.
  let q = promptViews().where('prompt.department_code', 'in', (eb) =>
    eb.selectFrom('department as board').select('board.code').where((w) => w.or([w('board.code', '=', department), w('board.parent_code', '=', department)])),
  )
  const filter = options.filter ?? {}
  if (filter.floor !== undefined) q = q.where('room.floor', '=', filter.floor)
  const assigned = filter.assignedTo
  if (assigned !== undefined) {
    q = q.where((w) =>
      w.or([w('prompt.kind', '=', 'standing'), assigned === 'unassigned' ? w('prompt.assigned_to', 'is', null) : w('prompt.assigned_to', '=', assigned)]),
    )
  }
  if (which === 'closed') {
    return all(sqlite, q.where('prompt.status', 'in', ['done', 'declined', 'cancelled']).orderBy('prompt.id', 'desc').limit(limit)).map(toPromptView)
  }
  const rows = all(
    sqlite,
    q
      .where('prompt.status', 'in', ['open', 'acknowledged'])
      .where((w) =>
        w.or([
          w('prompt.kind', '!=', 'standing'),
          w('stay.status', '=', 'in_house'),
          w.and([w('stay.status', '=', 'reserved'), w('stay.arrival_date', '<=', options.today)]),
        ]),
      )
      .orderBy(sql`CASE prompt.kind WHEN 'standing' THEN 0 ELSE 1 END`)
      .orderBy(priorityRank)
      .orderBy(sql`CASE WHEN prompt.kind = 'task' AND prompt.escalated_at IS NOT NULL THEN 0 ELSE 1 END`)
      .orderBy(sql`CASE WHEN prompt.kind = 'task' AND prompt.priority = 'urgent' THEN prompt.created_at END`, 'desc')
      .orderBy(sql`CASE WHEN prompt.kind = 'standing' THEN room.number END`)
      .orderBy('prompt.due_at')
      .orderBy('prompt.id')
      .limit(limit),
  )
  return rows.map(toPromptView)
}

export function listPromptsOfStay(sqlite: Sqlite, stayId: number): PromptView[] {
  return all(sqlite, promptViews().where('prompt.stay_id', '=', stayId).orderBy('prompt.id')).map(toPromptView)
}

export function updatePromptStatus(
  sqlite: Sqlite,
  id: number,
  from: readonly string[],
  change:
    | { status: 'acknowledged'; at: string; by: number }
    | { status: 'done'; at: string; by: number }
    | { status: 'declined'; at: string; by: number; reason: string },
): boolean {
  const set =
    change.status === 'acknowledged'
      ? { status: change.status, acknowledged_at: change.at, acknowledged_by: change.by }
      : change.status === 'done'
        ? { status: change.status, done_at: change.at, done_by: change.by }
        : { status: change.status, declined_at: change.at, declined_by: change.by, decline_reason: change.reason }
  let q = qb.updateTable('prompt').set(set).where('id', '=', id).where('status', 'in', [...from])
  // A standing instruction is never done: it closes when the stay ends.
  if (change.status === 'done') q = q.where('kind', '!=', 'standing')
  return run(sqlite, q).changes === 1
}

/** Assigns an open or acknowledged prompt to a staff member (null: to no one). False when it is closed. */
export function assignPrompt(sqlite: Sqlite, id: number, staffId: number | null, at: string): boolean {
  return (
    run(
      sqlite,
      qb
        .updateTable('prompt')
        .set({ assigned_to: staffId, assigned_at: staffId === null ? null : at })
        .where('id', '=', id)
        .where('status', 'in', ['open', 'acknowledged']),
    ).changes === 1
  )
}

/** Active staff who may be given a department's prompts: its own and, for an outlet, its parent department's. By name. */
export function listAssignees(sqlite: Sqlite, departments: readonly string[]): { id: number; name: string; department: string }[] {
  if (departments.length === 0) return []
  return all(
    sqlite,
    qb
      .selectFrom('staff')
      .select(['id', 'name', 'department_code as department'])
      .where('active', '=', 1)
      .where('department_code', 'in', [...departments])
      .orderBy('name')
      .orderBy('id'),
  )
}

/**
 * Why a prompt was closed without being done: the guest checked out, the reservation was
 * cancelled (withdrawn) or marked a no-show, or the moment that made it was undone. Only the
 * same news undone opens a prompt again: undoing a check-out never reopens a prompt an undone
 * check-in withdrew.
 */
export type CancelReason = 'check_out' | 'withdrawn' | 'no_show' | 'undone'

/** Work still open for the stay no longer applies (the guest left, the booking was withdrawn). Returns the ids closed. */
export function cancelOpenPromptsOfStay(sqlite: Sqlite, stayId: number, reason: CancelReason): number[] {
  let q = qb.selectFrom('prompt').select('id').where('stay_id', '=', stayId).where('status', 'in', ['open', 'acknowledged'])
  // A complaint's follow-up call (recovery/recovery-prompts.ts) is made after the guest has left.
  if (reason === 'check_out') q = q.where((w) => w.not(w.and([w('trigger', '=', 'recovery'), w('dedupe_key', 'like', 'recovery:%:follow_up@%')])))
  const ids = all(sqlite, q).map((r) => r.id)
  if (ids.length > 0) {
    run(sqlite, qb.updateTable('prompt').set({ status: 'cancelled', cancel_reason: reason }).where('id', 'in', ids))
  }
  return ids
}

/** The texts of a stay's open and acknowledged prompts, to draw them again after a room move. */
export function openPromptTexts(sqlite: Sqlite, stayId: number) {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select(['id', 'dedupe_key', 'guest_id', 'trigger', 'text_en', 'text_zh', 'due_at', 'kind'])
      .where('stay_id', '=', stayId)
      .where('status', 'in', ['open', 'acknowledged'])
      .orderBy('id'),
  )
}

/**
 * Draws an open prompt again: its text, and when it moved with the stay's dates its promises
 * (due time, and the acknowledge promise with its next escalation step unless it has already
 * escalated), ISO instants.
 */
export function setPromptTexts(sqlite: Sqlite, id: number, text: { en: string; zh: string }, moved?: { dueAt: string; escalateAt: string }): void {
  run(
    sqlite,
    qb
      .updateTable('prompt')
      .set((eb) => ({
        text_en: text.en,
        text_zh: text.zh,
        ...(moved
          ? {
              due_at: moved.dueAt,
              overdue_at: null,
              escalate_at: eb.case().when('escalated_at', 'is', null).then(moved.escalateAt).else(eb.ref('escalate_at')).end(),
              next_escalation_at: eb.case().when('escalated_at', 'is', null).then(moved.escalateAt).else(eb.ref('next_escalation_at')).end(),
            }
          : {}),
      }))
      .where('id', '=', id),
  )
}

/**
 * Opens again the prompts of a stay closed for `reason` (and only those), acknowledged ones as
 * acknowledged, and forgets the reason. Prompts of `exceptTriggers` stay closed. Returns their ids.
 */
export function reopenPromptsCancelledFor(sqlite: Sqlite, stayId: number, reason: CancelReason, exceptTriggers: readonly string[] = []): number[] {
  let q = qb
    .selectFrom('prompt')
    .select(['id', 'acknowledged_at'])
    .where('stay_id', '=', stayId)
    .where('status', '=', 'cancelled')
    .where('cancel_reason', '=', reason)
  if (exceptTriggers.length > 0) q = q.where('trigger', 'not in', [...exceptTriggers])
  const rows = all(sqlite, q)
  const acknowledged = rows.filter((r) => r.acknowledged_at !== null).map((r) => r.id)
  const open = rows.filter((r) => r.acknowledged_at === null).map((r) => r.id)
  if (acknowledged.length > 0) run(sqlite, qb.updateTable('prompt').set({ status: 'acknowledged', cancel_reason: null }).where('id', 'in', acknowledged))
  if (open.length > 0) run(sqlite, qb.updateTable('prompt').set({ status: 'open', cancel_reason: null }).where('id', 'in', open))
  return rows.map((r) => r.id)
}

/**
 * Withdraws a stay's open and acknowledged prompts whose trigger is one of `triggers` (or, with
 * `except`, any but those) after a check-in or check-out was undone, and frees their dedupe keys
 * so the same moment done again prompts afresh. Returns their ids.
 */
export function withdrawPromptsOfTriggers(sqlite: Sqlite, stayId: number, triggers: readonly string[], except = false): number[] {
  if (triggers.length === 0 && !except) return []
  let q = qb.selectFrom('prompt').select('id').where('stay_id', '=', stayId).where('status', 'in', ['open', 'acknowledged'])
  if (triggers.length > 0) q = q.where('trigger', except ? 'not in' : 'in', [...triggers])
  const ids = all(sqlite, q).map((r) => r.id)
  if (ids.length > 0) {
    run(
      sqlite,
      qb
        .updateTable('prompt')
        .set((eb) => ({ status: 'cancelled', cancel_reason: 'undone', dedupe_key: sql<string>`${eb.ref('dedupe_key')} || ':undone' || ${eb.ref('id')}` }))
        .where('id', 'in', ids),
    )
  }
  return ids
}
