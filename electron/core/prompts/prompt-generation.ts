import { addMinutes } from '../clock'
import { appliesToStay, isNegative, type PreferenceFact } from '../guests/preference'

/** When rules run: a booking received, a room assigned before arrival (prepare the room), the guest checked in. */
export const triggers = ['reservation', 'pre_arrival', 'check_in'] as const
export type Trigger = (typeof triggers)[number]
export const priorities = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof priorities)[number]
/** Which preferences a rule fires for: liked ones, avoided ones, or both (an allergy alert). */
export const polarities = ['wanted', 'unwanted', 'any'] as const
export type Polarity = (typeof polarities)[number]

/** A guest who "never" wants lilies must not be sent lilies: a rule fires only for its polarity. */
export function firesFor(polarity: Polarity, preference: Pick<PreferenceFact, 'strength'>): boolean {
  if (polarity === 'any') return true
  return isNegative(preference.strength) === (polarity === 'unwanted')
}

export interface RuleFacts {
  id: number
  trigger: Trigger
  category: string
  code: string
  /** Null matches any value. */
  value: string | null
  department: string
  priority: Priority
  dueMinutes: number
  template: { en: string; zh: string }
  polarity: Polarity
}

export interface PromptDraft {
  dedupeKey: string
  ruleId: number
  preferenceId: number
  department: string
  trigger: Trigger
  priority: Priority
  text: { en: string; zh: string }
  dueAt: Date
  escalateAt: Date
}

export interface PromptSituation {
  guestName: { en: string; zh: string }
  stayId: number
  roomNumber: string | null
  preferences: readonly PreferenceFact[]
  rules: readonly RuleFacts[]
  trigger: Trigger
  now: Date
  /** Minutes each department promises to act in; the escalation time follows from it. */
  promiseMinutes: Readonly<Record<string, number>>
  /** Labels of stored values, so "{value}" reads "orchid" / "兰花", not a code. */
  valueLabel: (category: string, code: string, value: string, lang: 'en' | 'zh') => string
}

/** Fills {guest}, {room} and {value}; an unknown placeholder stays visible so a manager notices it. */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/**
 * Turns a guest's preferences into department prompts for one trigger. Pure: the same
 * situation always gives the same drafts, and the dedupe key makes storing them idempotent.
 */
export function generatePrompts(situation: PromptSituation): PromptDraft[] {
  const drafts: PromptDraft[] = []
  const room = situation.roomNumber ?? '—'
  for (const rule of situation.rules) {
    if (rule.trigger !== situation.trigger) continue
    for (const preference of situation.preferences) {
      if (!appliesToStay(preference, situation.stayId)) continue
      if (preference.category !== rule.category || preference.code !== rule.code) continue
      if (rule.value !== null && rule.value !== preference.value) continue
      if (!firesFor(rule.polarity, preference)) continue
      const text = {
        en: renderTemplate(rule.template.en, {
          guest: situation.guestName.en,
          room,
          value: situation.valueLabel(preference.category, preference.code, preference.value, 'en'),
        }),
        zh: renderTemplate(rule.template.zh, {
          guest: situation.guestName.zh,
          room,
          value: situation.valueLabel(preference.category, preference.code, preference.value, 'zh'),
        }),
      }
      const dueAt = addMinutes(situation.now, rule.dueMinutes)
      const promise = situation.promiseMinutes[rule.department] ?? rule.dueMinutes
      drafts.push({
        dedupeKey: `${situation.stayId}:${rule.id}:${preference.id}`,
        ruleId: rule.id,
        preferenceId: preference.id,
        department: rule.department,
        trigger: rule.trigger,
        priority: rule.priority,
        text,
        dueAt,
        escalateAt: addMinutes(situation.now, Math.max(rule.dueMinutes, promise)),
      })
    }
  }
  const rank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 }
  return drafts.sort((a, b) => rank[a.priority] - rank[b.priority] || a.dedupeKey.localeCompare(b.dedupeKey))
}
