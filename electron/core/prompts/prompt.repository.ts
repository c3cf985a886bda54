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
    preferenceId: number
    department: string
    trigger: string
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
        created_at: a.createdAt,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing()),
)

/** Stores drafts; ones already stored (same stay, rule, preference) are skipped. Returns new ids. */
export function insertPromptDrafts(
  sqlite: Sqlite,
  drafts: readonly PromptDraft[],
  stayId: number,
  guestId: number,
  createdAt: string,
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

function promptViews() {
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
    .select([
      'prompt.id',
      'prompt.stay_id',
      'prompt.guest_id',
      'guest.native_name',
      'guest.roman_name',
      'guest.vip',
      'room.number as room_number',
      'prompt.department_code',
      'department.parent_code',
      'prompt.trigger',
      'prompt.text_en',
      'prompt.text_zh',
      'prompt.priority',
      'prompt.status',
      'prompt.due_at',
      'prompt.escalate_at',
      'prompt.created_at',
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
    ])
}
type PromptViewRow = Awaited<ReturnType<ReturnType<typeof promptViews>['execute']>>[number]

function toView(r: PromptViewRow): PromptView {
  return {
    id: r.id,
    stayId: r.stay_id,
    guestId: r.guest_id,
    guest: { nativeName: r.native_name, romanName: r.roman_name, vip: r.vip },
    roomNumber: r.room_number,
    department: r.department_code,
    parentDepartment: r.parent_code,
    trigger: r.trigger,
    text: { en: r.text_en, zh: r.text_zh },
    priority: r.priority as PromptView['priority'],
    status: r.status as PromptView['status'],
    dueAt: r.due_at,
    escalateAt: r.escalate_at,
    createdAt: r.created_at,
    reason: r.category
      ? { category: r.category, code: r.code ?? '', value: r.value ?? '', strength: r.strength ?? '', note: r.note }
      : null,
    acknowledged: r.acknowledged_at ? { at: r.acknowledged_at, by: r.acknowledged_by ?? '' } : null,
    done: r.done_at ? { at: r.done_at, by: r.done_by ?? '' } : null,
    declined: r.declined_at ? { at: r.declined_at, by: r.declined_by ?? '', reason: r.decline_reason ?? '' } : null,
  }
}

const oneView = prepared((a: { id: number }) => promptViews().where('prompt.id', '=', a.id))
export function findPromptView(sqlite: Sqlite, id: number): PromptView | undefined {
  const row = oneView.first(sqlite, { id })
  return row ? toView(row) : undefined
}

const priorityRank = sql<number>`CASE prompt.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`

/** A department's board, its outlets' prompts included: open work by priority then due time, or the latest closed work. */
export function listBoard(sqlite: Sqlite, department: string, which: 'open' | 'closed', limit: number): PromptView[] {
  // IN (the department and its outlets) keeps the lookup on prompt_by_department.
  const q = promptViews().where('prompt.department_code', 'in', (eb) =>
    eb.selectFrom('department as board').select('board.code').where((w) => w.or([w('board.code', '=', department), w('board.parent_code', '=', department)])),
  )
  const rows =
    which === 'open'
      ? all(sqlite, q.where('prompt.status', 'in', ['open', 'acknowledged']).orderBy(priorityRank).orderBy('prompt.due_at').limit(limit))
      : all(sqlite, q.where('prompt.status', 'in', ['done', 'declined', 'cancelled']).orderBy('prompt.id', 'desc').limit(limit))
  return rows.map(toView)
}

export function listPromptsOfStay(sqlite: Sqlite, stayId: number): PromptView[] {
  return all(sqlite, promptViews().where('prompt.stay_id', '=', stayId).orderBy('prompt.id')).map(toView)
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
  return run(sqlite, qb.updateTable('prompt').set(set).where('id', '=', id).where('status', 'in', [...from])).changes === 1
}

/** When a guest leaves, work still open for the stay no longer applies. Returns the ids closed. */
export function cancelOpenPromptsOfStay(sqlite: Sqlite, stayId: number): number[] {
  const ids = all(
    sqlite,
    qb.selectFrom('prompt').select('id').where('stay_id', '=', stayId).where('status', 'in', ['open', 'acknowledged']),
  ).map((r) => r.id)
  if (ids.length > 0) {
    run(sqlite, qb.updateTable('prompt').set({ status: 'cancelled' }).where('id', 'in', ids))
  }
  return ids
}

/** The texts of a stay's open and acknowledged prompts, to draw them again after a room move. */
export function openPromptTexts(sqlite: Sqlite, stayId: number) {
  return all(
    sqlite,
    qb
      .selectFrom('prompt')
      .select(['id', 'dedupe_key', 'guest_id', 'trigger', 'text_en', 'text_zh'])
      .where('stay_id', '=', stayId)
      .where('status', 'in', ['open', 'acknowledged'])
      .orderBy('id'),
  )
}

export function setPromptTexts(sqlite: Sqlite, id: number, text: { en: string; zh: string }): void {
  run(sqlite, qb.updateTable('prompt').set({ text_en: text.en, text_zh: text.zh }).where('id', '=', id))
}

/** Opens again the prompts a withdrawal closed (a reserved stay's prompts are closed only by it). Returns their ids. */
export function reopenCancelledPrompts(sqlite: Sqlite, stayId: number): number[] {
  const ids = all(sqlite, qb.selectFrom('prompt').select('id').where('stay_id', '=', stayId).where('status', '=', 'cancelled')).map((r) => r.id)
  if (ids.length > 0) run(sqlite, qb.updateTable('prompt').set({ status: 'open' }).where('id', 'in', ids))
  return ids
}
