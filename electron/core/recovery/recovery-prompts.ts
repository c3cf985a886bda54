import { addMinutes } from '../clock'
import type { OperationContext } from '../context'
import type { GuestRow } from '../db/tables/guest.table'
import type { RuleRow } from '../db/tables/rule.table'
import { findDepartment } from '../departments/department.repository'
import { formsOfAddress } from '../guests/form-of-address'
import { listActivePreferences, toPreferenceFact } from '../guests/guest.repository'
import { calendarBusinessDate, hotelClockSettings, hotelInstant } from '../hotel-clock'
import { noRoomYet, renderTemplate, type PromptDraft } from '../prompts/prompt-generation'
import { findPromptView, insertPromptDrafts } from '../prompts/prompt.repository'
import type { PromptView } from '../prompts/prompt.view'
import { discreetAddress } from '../prompts/prompt-visibility'
import { findRuleByKey } from '../rules/rule.repository'

/*
 * The prompts a recovery case makes, through the rules of trigger 'recovery' (built-in,
 * rules/builtin-rules.ts; managers change their department, priority, minutes and words on the
 * rules screen): the first response to a complaint, a promise made to the guest, a follow-up.
 * The generator never fires these rules; this file words them (with {note}) and stores them with
 * the prompts' own insert, so they escalate and fall overdue through the existing machinery
 * (escalate_at, next_escalation_at, the department's escalation steps).
 */

export const recoveryRuleKeys = {
  firstResponse: 'builtin-recovery-first-response',
  promise: 'builtin-recovery-promise',
  followUp: 'builtin-recovery-follow-up',
} as const
export type RecoveryRuleKey = (typeof recoveryRuleKeys)[keyof typeof recoveryRuleKeys]

/** Used when a store has no first-response rule (switched off): 15 minutes to respond, 24 hours to resolve. */
export const defaultFirstResponse = { ackMinutes: 15, dueMinutes: 24 * 60 } as const

/** The rule's row when it exists and is active; else undefined (no prompt is made). */
function activeRecoveryRule(ctx: OperationContext, key: RecoveryRuleKey): RuleRow | undefined {
  const rule = findRuleByKey(ctx.sqlite, key)
  return rule && rule.active === 1 && rule.trigger === 'recovery' ? rule : undefined
}

/** A department that can take the prompt: the one asked for, else the front office (a hotel without guest relations). */
function liveDepartment(ctx: OperationContext, code: string): { code: string; ackMinutes: number } | null {
  for (const candidate of [code, 'front_office']) {
    const department = findDepartment(ctx.sqlite, candidate)
    if (department && department.active === 1) return { code: department.code, ackMinutes: department.ack_minutes }
  }
  return null
}

/**
 * The first response's promises, in minutes from the moment the case is raised: to respond
 * (the first-response rule's acknowledge minutes, else its department's) and to resolve (its
 * minutes to complete). Defaults when the rule is missing or switched off.
 */
export function firstResponseMinutes(ctx: OperationContext): { ackMinutes: number; dueMinutes: number } {
  const rule = activeRecoveryRule(ctx, recoveryRuleKeys.firstResponse)
  if (!rule) return defaultFirstResponse
  const ack = rule.ack_minutes ?? liveDepartment(ctx, rule.department_code)?.ackMinutes ?? defaultFirstResponse.ackMinutes
  return { ackMinutes: ack, dueMinutes: Math.max(rule.due_minutes, ack) }
}

export interface RecoveryPromptFacts {
  caseId: number
  /** Part of the dedupe key: one prompt per case and slot ('first_response', 'promise', 'follow_up@<at>'). */
  slot: string
  guest: GuestRow
  stayId: number
  roomNumber: string | null
  /** What {note} says: the complaint, the promise, what to follow up. */
  note: string
  /** When it is due; default: the rule's minutes from now. */
  dueAt?: Date
  /** {date}: a business date (the promise's). */
  date?: string
  /** The department that acts (a promise's); default: the rule's. */
  department?: string
  /** The promise to acknowledge runs from now whatever the due day (the first response to a complaint). */
  ackFromNow?: boolean
}

/** Words of a business date: "3 Dec" / "12月3日". */
function dateWords(date: string, lang: 'en' | 'zh'): string {
  const [y, m, d] = date.split('-').map(Number)
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d))
}

/** A note as a prompt quotes it: one line, at most 200 characters. */
function quoted(note: string): string {
  const line = note.replace(/\s+/g, ' ').trim()
  return line.length > 200 ? `${line.slice(0, 199)}…` : line
}

/**
 * Words a recovery prompt from its rule (null when the rule is missing or switched off, or no
 * department can take it). Due at `dueAt` or the rule's minutes from now; the promise to
 * acknowledge counts from now (always for the first response), or from the start of the business
 * day it falls due on (a promise for Friday does not escalate on Monday), and never runs past the due time.
 */
export function recoveryPromptDraft(ctx: OperationContext, key: RecoveryRuleKey, facts: RecoveryPromptFacts): PromptDraft | null {
  const rule = activeRecoveryRule(ctx, key)
  if (!rule) return null
  const department = liveDepartment(ctx, facts.department ?? rule.department_code)
  if (!department) return null
  const now = ctx.clock.now()
  const clock = hotelClockSettings(ctx.sqlite)
  const dueAt = facts.dueAt ?? addMinutes(now, rule.due_minutes)
  const dayStart = hotelInstant(calendarBusinessDate(dueAt, clock), clock.nightAuditTime, clock.timeZone)
  const ackFrom = !facts.ackFromNow && dayStart > now ? dayStart : now
  const ack = addMinutes(ackFrom, rule.ack_minutes ?? department.ackMinutes)
  const preferences = listActivePreferences(ctx.sqlite, facts.guest.id).map(toPreferenceFact)
  // A guest who asked for discretion is not named in any department's prompt.
  const guestName = facts.guest.restricted === 1 ? discreetAddress : formsOfAddress(facts.guest, preferences, facts.stayId)
  const words = (lang: 'en' | 'zh') => ({
    guest: guestName[lang],
    room: facts.roomNumber ?? noRoomYet[lang],
    note: quoted(facts.note),
    date: facts.date ? dateWords(facts.date, lang) : '',
  })
  return {
    dedupeKey: `recovery:${facts.caseId}:${facts.slot}`,
    ruleId: rule.id,
    preferenceId: null,
    department: department.code,
    trigger: 'recovery',
    kind: 'task',
    priority: rule.priority as PromptDraft['priority'],
    text: { en: renderTemplate(rule.template_en, words('en')), zh: renderTemplate(rule.template_zh, words('zh')) },
    dueAt,
    escalateAt: ack < dueAt ? ack : dueAt,
  }
}

/**
 * Stores a recovery prompt (inside the caller's transaction) and announces it as every new
 * prompt is announced (prompt.created). Null when there is no draft or it already exists.
 */
export function insertRecoveryPrompt(ctx: OperationContext, draft: PromptDraft | null, guestId: number, stayId: number): PromptView | null {
  if (!draft) return null
  const [id] = insertPromptDrafts(ctx.sqlite, [draft], stayId, guestId, ctx.clock.now().toISOString())
  if (id === undefined) return null
  const prompt = findPromptView(ctx.sqlite, id)
  if (prompt) ctx.emit('prompt.created', { prompt })
  return prompt ?? null
}
