import { all, qb, type Sqlite } from '../db/query'
import type { PromptFacts } from './promise-report'

/**
 * The prompts issued in [fromInstant, toInstant) (ISO instants; created_at is stored as an ISO
 * instant, so text order is time order), with their rule, department and the stay's room.
 * `department`: that department's prompts and its outlets'. No index on created_at: a report is a
 * manager's occasional read, and one pass over the table keeps the write path as it is.
 */
export function promptsIssuedBetween(sqlite: Sqlite, fromInstant: string, toInstant: string, department?: string): PromptFacts[] {
  let query = qb
    .selectFrom('prompt')
    .innerJoin('rule', 'rule.id', 'prompt.rule_id')
    .innerJoin('department', 'department.code', 'prompt.department_code')
    .innerJoin('stay', 'stay.id', 'prompt.stay_id')
    .leftJoin('room', 'room.id', 'stay.room_id')
    .select([
      'prompt.id',
      'prompt.created_at',
      'prompt.escalate_at',
      'prompt.due_at',
      'prompt.acknowledged_at',
      'prompt.done_at',
      'prompt.declined_at',
      'prompt.decline_reason',
      'prompt.status',
      'prompt.kind',
      'prompt.rule_id',
      'rule.key as rule_key',
      'rule.template_en',
      'rule.template_zh',
      'prompt.department_code',
      'department.name_en',
      'department.name_zh',
      'room.number as room_number',
    ])
    .where('prompt.created_at', '>=', fromInstant)
    .where('prompt.created_at', '<', toInstant)
  if (department) {
    query = query.where((w) => w.or([w('department.code', '=', department), w('department.parent_code', '=', department)]))
  }
  return all(sqlite, query.orderBy('prompt.created_at').orderBy('prompt.id')).map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    escalateAt: r.escalate_at,
    dueAt: r.due_at,
    acknowledgedAt: r.acknowledged_at,
    doneAt: r.done_at,
    declinedAt: r.declined_at,
    declineReason: r.decline_reason,
    status: r.status,
    kind: r.kind,
    ruleId: r.rule_id,
    ruleKey: r.rule_key,
    ruleText: { en: r.template_en, zh: r.template_zh },
    department: r.department_code,
    departmentName: { en: r.name_en, zh: r.name_zh },
    room: r.room_number,
  }))
}
