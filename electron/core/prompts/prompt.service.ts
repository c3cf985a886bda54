import type { OperationContext } from '../context'
import { cached } from '../db/store-cache'
import type { GuestRow } from '../db/tables/guest.table'
import type { StayRow } from '../db/tables/stay.table'
import { listDepartments } from '../departments/department.repository'
import { formsOfAddress } from '../guests/form-of-address'
import { findGuest, listActivePreferences, toPreferenceFact } from '../guests/guest.repository'
import { activeRulesFor } from '../rules/rule.repository'
import { listVocabulary, VocabularyLabels } from '../vocabulary/vocabulary.repository'
import { anyRuleMayFire, generatePrompts, triggers, type RuleFacts, type Trigger } from './prompt-generation'
import { countPreviousStays } from './prompt-facts.repository'
import { guestHadCaseOnStay } from '../recovery/recovery-memory.repository'
import { calendarBusinessDate, hotelClockSettings, hotelInstant } from '../hotel-clock'
import { findPromptView, insertPromptDrafts, openPromptTexts, setPromptTexts } from './prompt.repository'
import type { PromptView } from './prompt.view'
import { discreetAddress } from './prompt-visibility'

export const promiseCacheKey = 'department.promises'
export const vocabularyCacheKey = 'vocabulary.labels'
/** The hotel's standard check-in and check-out times, for a stay without an ETA. */
export const standardArrivalTime = '14:00'
export const standardDepartureTime = '12:00'

/** How a rule firing came about: which rules (default: the trigger's active rules), which preferences, which occurrence. */
export interface FiringOptions {
  rules?: readonly RuleFacts[]
  /** Only these preferences (a wish made during the stay). */
  preferenceIds?: readonly number[]
  /** A daily rule's business date: one prompt per day. */
  occurrence?: string
  /** A timed firing: when it was due, and how late it fired (null: on time). */
  firing?: { scheduledFor: Date; lateMinutes: number | null }
  /** Fire as of this instant (a timed firing uses its scheduled time for due times). Default: now. */
  at?: Date
}

/**
 * Creates the prompts the rules produce for a guest's stay at a trigger, inside the caller's
 * transaction. Safe to repeat: prompts already created for the same stay, rule and
 * preference value (and occurrence) are not created again.
 */
export function createPromptsForStay(
  ctx: OperationContext,
  guest: GuestRow,
  stay: StayRow,
  roomNumber: string | null,
  trigger: Trigger,
  options: FiringOptions = {},
): PromptView[] {
  const now = ctx.clock.now()
  // A firing missed while the app was closed counts its promises from when it really fired.
  const drafts = draftsFor(ctx, guest, stay, roomNumber, trigger, options.firing?.lateMinutes ? { ...options, at: now } : options)
  if (drafts.length === 0) return []
  const firing = options.firing ? { scheduledFor: options.firing.scheduledFor.toISOString(), lateMinutes: options.firing.lateMinutes } : null
  const ids = insertPromptDrafts(ctx.sqlite, drafts, stay.id, guest.id, now.toISOString(), firing)
  const views = ids.map((id) => findPromptView(ctx.sqlite, id)).filter((v): v is PromptView => v !== undefined)
  for (const prompt of views) ctx.emit('prompt.created', { prompt })
  return views
}

/** The drafts a firing would make, without storing them (rule.preview uses this too). */
export function draftsFor(ctx: OperationContext, guest: GuestRow, stay: StayRow, roomNumber: string | null, trigger: Trigger, options: FiringOptions = {}) {
  const ackMinutes = cached(ctx.sqlite, promiseCacheKey, () =>
    Object.fromEntries(listDepartments(ctx.sqlite).map((d) => [d.code, d.ack_minutes])),
  )
  const rules = options.rules ?? activeRulesFor(ctx.sqlite, trigger)
  if (rules.length === 0) return []
  const preferences = listActivePreferences(ctx.sqlite, guest.id).map(toPreferenceFact)
  // Most guests meet no rule of a trigger: then there is nothing to word.
  if (!anyRuleMayFire(rules, preferences)) return []
  const labels = cached(ctx.sqlite, vocabularyCacheKey, () => new VocabularyLabels(listVocabulary(ctx.sqlite)))
  const clock = hotelClockSettings(ctx.sqlite)
  const { timeZone } = clock
  const arrivalAt = hotelInstant(stay.arrival_date, validTime(stay.eta) ?? standardArrivalTime, timeZone)
  const departureAt = hotelInstant(stay.departure_date, standardDepartureTime, timeZone)
  const occasion = (code: string) => preferences.filter((p) => p.category === 'occasion' && p.code === code && /^\d{2}-\d{2}$/.test(p.value)).map((p) => p.value)
  return generatePrompts({
    // A guest who asked for discretion is not named in any department's prompt.
    guestName: guest.restricted === 1 ? discreetAddress : formsOfAddress(guest, preferences, stay.id),
    stayId: stay.id,
    roomNumber,
    preferences,
    rules,
    trigger,
    now: options.at ?? ctx.clock.now(),
    ackMinutes,
    valueLabel: (category, code, value, lang) => labels.value(category, code, value, lang),
    facts: {
      vip: guest.vip,
      languages: parseLanguages(guest.languages),
      nationality: guest.nationality,
      previousStays: countPreviousStays(ctx.sqlite, guest.id, stay.id, stay.arrival_date),
      arrival: stay.arrival_date,
      departure: stay.departure_date,
      occasionDates: {
        birthday: [...(guest.birth_date && /^\d{4}-\d{2}-\d{2}$/.test(guest.birth_date) ? [guest.birth_date.slice(5)] : []), ...occasion('birthday')],
        anniversary: occasion('anniversary'),
      },
      // Read only when a rule asks (the post-stay follow-up of a guest who had a problem).
      recoveryCase: rules.some((r) => r.conditions.recoveryCase) ? guestHadCaseOnStay(ctx.sqlite, guest.id, stay.id) : false,
    },
    arrivalAt,
    departureAt,
    words: {
      arrival: { en: hotelWords(arrivalAt, 'en', timeZone), zh: hotelWords(arrivalAt, 'zh', timeZone) },
      departure: { en: hotelWords(departureAt, 'en', timeZone), zh: hotelWords(departureAt, 'zh', timeZone) },
      date: (date, lang) => dateWords(date, lang),
    },
    inHouse: stay.status === 'in_house',
    businessDayStart: (at) => hotelInstant(calendarBusinessDate(at, clock), clock.nightAuditTime, timeZone),
    onlyPreferences: options.preferenceIds ? new Set(options.preferenceIds) : undefined,
    occurrence: options.occurrence,
  })
}

function validTime(eta: string | null): string | null {
  return eta && /^([01]\d|2[0-3]):[0-5]\d$/.test(eta) ? eta : null
}

function parseLanguages(stored: string): string[] {
  // Most stores hold "zh,en"; a thrown JSON error per prompt is costly, so only a list is parsed as JSON.
  if (!stored.trimStart().startsWith('[')) return stored.split(/[,\s]+/).filter(Boolean)
  try {
    const parsed: unknown = JSON.parse(stored)
    return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : []
  } catch {
    return stored.split(/[,\s]+/).filter(Boolean)
  }
}

/** "1 Dec 14:30" / "12月1日 14:30", in the hotel's zone: what a prompt's text says. */
export function hotelWords(at: Date, lang: 'en' | 'zh', timeZone: string): string {
  return formatter(lang, timeZone, true).format(at)
}

function dateWords(date: string, lang: 'en' | 'zh'): string {
  const [y, m, d] = date.split('-').map(Number)
  return formatter(lang, 'UTC', false).format(Date.UTC(y, m - 1, d))
}

// Building an Intl.DateTimeFormat costs about a millisecond; prompts are drawn by the thousand.
const formatters = new Map<string, Intl.DateTimeFormat>()
function formatter(lang: 'en' | 'zh', timeZone: string, withTime: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${withTime}`
  let f = formatters.get(key)
  if (!f) {
    const locale = lang === 'en' ? 'en-GB' : 'zh-CN'
    f = new Intl.DateTimeFormat(locale, withTime ? { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } : { month: 'short', day: 'numeric', timeZone })
    if (formatters.size > 50) formatters.clear()
    formatters.set(key, f)
  }
  return f
}

/**
 * After a room move or a change of dates, the stay's open prompts follow the guest: their texts
 * are drawn again with the new room and dates, and work due at arrival moves with the arrival. Prompts whose rule has since
 * been switched off keep their text. Emits prompt.updated for each prompt whose text changed.
 */
export function redraftOpenPrompts(ctx: OperationContext, stay: StayRow, roomNumber: string | null): number {
  const open = openPromptTexts(ctx.sqlite, stay.id)
  let changed = 0
  for (const [key, prompts] of groupBy(open, (p) => `${p.guest_id}:${p.trigger}:${p.dedupe_key.split('@')[1] ?? ''}`)) {
    const [guestId, trigger, occurrence] = key.split(':')
    const guest = findGuest(ctx.sqlite, Number(guestId))
    if (!guest || !(triggers as readonly string[]).includes(trigger)) continue
    const drafts = new Map(draftsFor(ctx, guest, stay, roomNumber, trigger as Trigger, { occurrence: occurrence || undefined }).map((d) => [d.dedupeKey, d]))
    for (const prompt of prompts) {
      const draft = drafts.get(prompt.dedupe_key)
      if (!draft) continue
      // Work due at arrival (or, for a standing instruction, at departure) moves with the dates.
      const follows = prompt.kind === 'standing' || prompt.trigger === 'reservation' || prompt.trigger === 'pre_arrival'
      const dueAt = follows && draft.dueAt.toISOString() !== prompt.due_at ? draft.dueAt.toISOString() : undefined
      if (!dueAt && draft.text.en === prompt.text_en && draft.text.zh === prompt.text_zh) continue
      setPromptTexts(ctx.sqlite, prompt.id, draft.text, dueAt ? { dueAt, escalateAt: draft.escalateAt.toISOString() } : undefined)
      const view = findPromptView(ctx.sqlite, prompt.id)
      if (view) ctx.emit('prompt.updated', { prompt: view })
      changed++
    }
  }
  return changed
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}
