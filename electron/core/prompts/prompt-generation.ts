import { addMinutes } from '../clock'
import { appliesToStay, isNegative, type PreferenceFact } from '../guests/preference'
import { conditionsHold, nightsOf, occasionDuringStay, type GuestStayFacts, type RuleConditions } from '../rules/rule-conditions'

/**
 * When rules run, at every moment of a stay:
 * - reservation: a booking received;
 * - pre_arrival: a room assigned before arrival (prepare the room), or, with `offsetDays` and
 *   `atTime`, N days before arrival at that hotel time (the scheduler);
 * - check_in: the guest checked in;
 * - in_stay: a preference added or accepted while the guest is in house (the check-in rules
 *   also run then, for that preference);
 * - daily: every day of the stay at `atTime` (the scheduler);
 * - room_move: the guest moved rooms;
 * - check_out: the guest left;
 * - post_stay: N days after departure at `atTime` (the scheduler);
 * - recovery: fired by the recovery service itself (a complaint's first response, a promise made
 *   to the guest, a follow-up: recovery/recovery-prompts.ts), never by the generator, the
 *   scheduler or a rule preview. Only its templates may use {note}.
 */
export const triggers = ['reservation', 'pre_arrival', 'check_in', 'in_stay', 'daily', 'room_move', 'check_out', 'post_stay', 'recovery'] as const
export type Trigger = (typeof triggers)[number]
/** Triggers the scheduler fires at a hotel time rather than at a stay event. */
export const timedTriggers = ['daily', 'post_stay'] as const satisfies readonly Trigger[]
export const priorities = ['low', 'normal', 'high', 'urgent'] as const
export type Priority = (typeof priorities)[number]
/** Which preferences a rule fires for: liked ones, avoided ones, or both (an allergy alert). */
export const polarities = ['wanted', 'unwanted', 'any'] as const
export type Polarity = (typeof polarities)[number]
/** task: acted on and done; standing: a standing instruction, shown for the whole stay, acknowledged once, never overdue. */
export const ruleKinds = ['task', 'standing'] as const
export type RuleKind = (typeof ruleKinds)[number]
/** What a template may name. Anything else in braces is refused when the rule is saved. */
export const placeholders = ['guest', 'room', 'value', 'arrival', 'departure', 'nights', 'vip', 'date', 'note'] as const
/** Placeholders only some triggers fill: {note} (what the case or the promise says) on trigger 'recovery' only. */
export const placeholdersOfTrigger: Readonly<Record<string, readonly Trigger[]>> = { note: ['recovery'] }

/** A guest who "never" wants lilies must not be sent lilies: a rule fires only for its polarity. */
export function firesFor(polarity: Polarity, preference: Pick<PreferenceFact, 'strength'>): boolean {
  if (polarity === 'any') return true
  return isNegative(preference.strength) === (polarity === 'unwanted')
}

export interface RuleFacts {
  id: number
  kind: RuleKind
  trigger: Trigger
  /** Null: a rule on the guest's facts alone (a VIP level, a birthday), one prompt per stay. */
  category: string | null
  /** Null: every preference of the category (with the polarity), e.g. every avoided food. */
  code: string | null
  /** Null matches any value. */
  value: string | null
  department: string
  priority: Priority
  /** Minutes to acknowledge; null: the department's promise. */
  ackMinutes: number | null
  /** Minutes to complete (a task). */
  dueMinutes: number
  template: { en: string; zh: string }
  polarity: Polarity
  conditions: RuleConditions
  /** pre_arrival: days before arrival; post_stay: days after departure. */
  offsetDays: number | null
  /** 'HH:MM' hotel time of a timed trigger. */
  atTime: string | null
  position: number
}

export interface PromptDraft {
  dedupeKey: string
  ruleId: number
  preferenceId: number | null
  department: string
  trigger: Trigger
  kind: RuleKind
  priority: Priority
  text: { en: string; zh: string }
  dueAt: Date
  /** The promise to acknowledge: then it escalates. */
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
  /** Minutes each department promises to acknowledge in (used when a rule names none). */
  ackMinutes: Readonly<Record<string, number>>
  /** Labels of stored values, so "{value}" reads "orchid" / "兰花", not a code. */
  valueLabel: (category: string, code: string, value: string, lang: 'en' | 'zh') => string
  /** The guest and the stay, for rule conditions and placeholders. */
  facts: GuestStayFacts
  /** When the guest arrives (ETA or the hotel's check-in time) and leaves: hotel instants. */
  arrivalAt: Date
  departureAt: Date
  /** Dates and times in words, per language, for {arrival}, {departure} and {date}. */
  words: { arrival: { en: string; zh: string }; departure: { en: string; zh: string }; date: (date: string, lang: 'en' | 'zh') => string }
  /** The guest is already in house: work before arrival is due from now, not at the arrival time. */
  inHouse?: boolean
  /**
   * The start of the hotel business day an instant belongs to (the night-audit time on its
   * business date, in the hotel's zone). The promise to acknowledge counts from when the work is
   * the department's to see; undefined: from now.
   */
  businessDayStart?: (at: Date) => Date
  /** Only these preferences (a wish made during the stay); undefined: all. */
  onlyPreferences?: ReadonlySet<number>
  /** A repeated firing (a daily rule's business date): part of the dedupe key. */
  occurrence?: string
}

/** Fills the placeholders; an unknown one stays visible (rule.create refuses them anyway). */
export function renderTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole)
}

/**
 * What is wrong with a template's braces: each placeholder it names that Zhike does not know
 * ({rooom}, {客人}, { room }), and '{' or '}' left over once the known ones are taken out (an
 * unclosed {room, a doubled {{room}}). Empty when the template is sound.
 */
export function unknownPlaceholders(template: string): string[] {
  const named = [...template.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]).filter((name) => !(placeholders as readonly string[]).includes(name))
  if (named.length > 0) return named
  const rest = template.replace(/\{(\w+)\}/g, '')
  return /[{}]/.test(rest) ? [rest.includes('{') ? '{' : '}'] : []
}

/** Does a rule's preference condition match this preference? */
export function ruleMatchesPreference(rule: RuleFacts, preference: PreferenceFact): boolean {
  if (rule.category === null) return false
  if (preference.category !== rule.category) return false
  if (rule.code !== null && preference.code !== rule.code) return false
  if (rule.value !== null && rule.value !== preference.value) return false
  if (!firesFor(rule.polarity, preference)) return false
  if (rule.conditions.strengths && !rule.conditions.strengths.includes(preference.strength)) return false
  if (rule.conditions.exceptCodes?.includes(preference.code)) return false
  return true
}

/** Work before arrival is due when the guest arrives; anything else, the rule's minutes from now. */
function dueFor(rule: RuleFacts, situation: PromptSituation): Date {
  if (rule.kind === 'standing') return situation.departureAt
  const fromNow = addMinutes(situation.now, rule.dueMinutes)
  if (!situation.inHouse && (situation.trigger === 'reservation' || situation.trigger === 'pre_arrival')) {
    return situation.arrivalAt > fromNow ? situation.arrivalAt : fromNow
  }
  return fromNow
}

/**
 * When the promise to acknowledge starts to run: now, or, for work that falls due on a later
 * business day (a reservation made today for May), the start of that day, so the prompt does
 * not escalate months early. A standing instruction is the department's to see from the
 * arrival day (the board shows it from then).
 */
function ackCountsFrom(rule: RuleFacts, situation: PromptSituation, dueAt: Date): Date {
  if (!situation.businessDayStart) return situation.now
  const start = situation.businessDayStart(rule.kind === 'standing' ? situation.arrivalAt : dueAt)
  return start > situation.now ? start : situation.now
}

/** What {room} says for a stay with no room yet: templates read "room {room}" and "{room}房". */
export const noRoomYet = { en: 'TBA', zh: '待定' } as const

/**
 * Turns a guest's preferences and facts into department prompts for one trigger. Pure: the same
 * situation always gives the same drafts, and the dedupe key (stay, rule, preference's
 * category.code=value, occurrence) makes storing them idempotent, so two identical preferences
 * give one prompt.
 */
export function generatePrompts(situation: PromptSituation): PromptDraft[] {
  const drafts = new Map<string, PromptDraft>()
  // A stay with no room yet says so in the prompt's language (the room follows when one is given).
  const room = (lang: 'en' | 'zh') => situation.roomNumber ?? noRoomYet[lang]
  const nights = String(nightsOf(situation.facts.arrival, situation.facts.departure))
  const vip = String(situation.facts.vip)
  const occurrence = situation.occurrence ? `@${situation.occurrence}` : ''
  for (const rule of situation.rules) {
    if (rule.trigger !== situation.trigger) continue
    // The recovery service words its own prompts (recovery/recovery-prompts.ts): never fired here.
    if (rule.trigger === 'recovery') continue
    if (!conditionsHold(rule.conditions, situation.facts)) continue
    const occasionDate = rule.conditions.occasion ? occasionDateOf(rule.conditions.occasion, situation.facts) : null
    const words = (lang: 'en' | 'zh', value: string) => ({
      guest: situation.guestName[lang],
      room: room(lang),
      value,
      arrival: situation.words.arrival[lang],
      departure: situation.words.departure[lang],
      nights,
      vip,
      date: occasionDate ? situation.words.date(occasionDate, lang) : situation.words.arrival[lang],
    })
    const add = (key: string, preference: PreferenceFact | null) => {
      if (drafts.has(key)) return
      const dueAt = dueFor(rule, situation)
      const ack = addMinutes(ackCountsFrom(rule, situation, dueAt), rule.ackMinutes ?? situation.ackMinutes[rule.department] ?? 10)
      const value = (lang: 'en' | 'zh') => (preference ? situation.valueLabel(preference.category, preference.code, preference.value, lang) : '')
      drafts.set(key, {
        dedupeKey: key,
        ruleId: rule.id,
        preferenceId: preference?.id ?? null,
        department: rule.department,
        trigger: rule.trigger,
        kind: rule.kind,
        priority: rule.priority,
        text: { en: renderTemplate(rule.template.en, words('en', value('en'))), zh: renderTemplate(rule.template.zh, words('zh', value('zh'))) },
        dueAt,
        escalateAt: ack < dueAt ? ack : dueAt,
      })
    }
    if (rule.category === null) {
      if (situation.onlyPreferences) continue
      add(`${situation.stayId}:${rule.id}:-${occurrence}`, null)
      continue
    }
    for (const preference of situation.preferences) {
      if (situation.onlyPreferences && !situation.onlyPreferences.has(preference.id)) continue
      if (!appliesToStay(preference, situation.stayId)) continue
      if (!ruleMatchesPreference(rule, preference)) continue
      add(`${situation.stayId}:${rule.id}:${preference.category}.${preference.code}=${preference.value}${occurrence}`, preference)
    }
  }
  const rank: Record<Priority, number> = { urgent: 0, high: 1, normal: 2, low: 3 }
  return [...drafts.values()].sort((a, b) => rank[a.priority] - rank[b.priority] || a.dedupeKey.localeCompare(b.dedupeKey))
}

function occasionDateOf(occasion: 'birthday' | 'anniversary', facts: GuestStayFacts): string | null {
  for (const monthDay of facts.occasionDates[occasion]) {
    const date = occasionDuringStay(monthDay, facts.arrival, facts.departure)
    if (date) return date
  }
  return null
}

/** Does any rule of this list possibly concern these preferences or this guest? (Most guests meet none.) */
export function anyRuleMayFire(rules: readonly RuleFacts[], preferences: readonly PreferenceFact[]): boolean {
  return rules.some((r) => r.category === null || preferences.some((p) => p.category === r.category && (r.code === null || p.code === r.code)))
}
