import type { OperationContext } from '../context'
import type { GuestRow } from '../db/tables/guest.table'
import type { StayRow } from '../db/tables/stay.table'
import { findGuest } from '../guests/guest.repository'
import type { RuleFacts } from '../prompts/prompt-generation'
import { insertPromptDrafts, findPromptView } from '../prompts/prompt.repository'
import { draftsFor } from '../prompts/prompt.service'
import type { PromptView } from '../prompts/prompt.view'
import { findRoom } from '../rooms/room.repository'
import { findRuleByKey, toRuleFacts } from '../rules/rule.repository'
import { listCompanions } from '../stays/stay-event.repository'
import { departmentsOfEarlierCases, guestHasCases, openPromisesOfEarlierStays } from './recovery-memory.repository'
import type { CaseCategory } from './recovery.types'

/*
 * The next stay remembers (issue 13). When a guest with earlier recovery cases books again or
 * checks in, through the one stay-change path (stays/stay-changes.ts), so a stay the desk makes
 * and one a PMS report brings fire the same prompts once (the dedupe keys below):
 * - each promise made on an earlier stay and not kept yet becomes a task for the promise's
 *   department (rule `builtin-recovery-open-promise`), at the reservation already (a quiet room
 *   must be chosen before the guest is in it; due at arrival) and at check-in (a walk-in, a
 *   stay the PMS reports only at arrival): key `<stay>:<rule>:-@promise<step id>`;
 * - each department concerned by the guest's cases of the last two years gets a standing
 *   instruction at check-in (rule `builtin-recovery-last-time`) naming the category in words
 *   ("noise"), never the description: department staff learn no cause beyond that
 *   (least knowledge). Key `<stay>:<rule>:-@dept=<department>`.
 * Both rules have trigger `recovery`: the generator never fires them by itself; they are drawn
 * here with the generator's due times, forms of address (a guest who asked for discretion is not
 * named) and rule conditions, and stored with trigger `recovery`.
 */

export const openPromiseRuleKey = 'builtin-recovery-open-promise'
export const lastTimeRuleKey = 'builtin-recovery-last-time'
/** How far back "last time" looks: cases raised in the last two years. */
export const lastTimeYears = 2

/** The category of a case in words, for "{guest} had a problem with {note} last time". */
export const categoryWords: Record<CaseCategory, { en: string; zh: string }> = {
  room: { en: 'the room', zh: '客房' },
  noise: { en: 'noise', zh: '噪音' },
  food: { en: 'food', zh: '餐饮' },
  service: { en: 'service', zh: '服务' },
  billing: { en: 'billing', zh: '账单' },
  other: { en: 'something else', zh: '其他方面' },
}

/** "noise", "noise and the room", "noise, the room and food" / "噪音、客房". */
export function categoriesInWords(categories: readonly string[], lang: 'en' | 'zh'): string {
  const words = categories.map((c) => categoryWords[c as CaseCategory]?.[lang] ?? categoryWords.other[lang])
  const unique = [...new Set(words)]
  if (lang === 'zh') return unique.join('、')
  return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`
}

/** Braces in staff's words must not read as placeholders when the template is filled. */
function plain(text: string): string {
  return text.replace(/[{}]/g, (b) => (b === '{' ? '（' : '）'))
}

function withNote(rule: RuleFacts, moment: 'reservation' | 'check_in', note: { en: string; zh: string }): RuleFacts {
  return {
    ...rule,
    trigger: moment,
    category: null,
    code: null,
    template: { en: rule.template.en.replaceAll('{note}', plain(note.en)), zh: rule.template.zh.replaceAll('{note}', plain(note.zh)) },
  }
}

function activeRule(ctx: OperationContext, key: string): RuleFacts | null {
  const row = findRuleByKey(ctx.sqlite, key)
  return row && row.active === 1 ? toRuleFacts(row) : null
}

/**
 * Draws and stores what the guest's earlier cases ask of this stay at `moment`, inside the
 * caller's transaction; prompts already stored (same dedupe key) are not made again. Emits
 * `prompt.created` for each new prompt and returns them.
 */
export function rememberEarlierCases(ctx: OperationContext, stay: StayRow, moment: 'reservation' | 'check_in'): PromptView[] {
  if (stay.status !== 'reserved' && stay.status !== 'in_house') return []
  const guests = guestsWithCases(ctx, stay)
  if (guests.length === 0) return []
  const openPromise = activeRule(ctx, openPromiseRuleKey)
  const lastTime = moment === 'check_in' ? activeRule(ctx, lastTimeRuleKey) : null
  if (!openPromise && !lastTime) return []
  const roomNumber = stay.room_id === null ? null : (findRoom(ctx.sqlite, stay.room_id)?.number ?? null)
  const now = ctx.clock.now()
  const since = new Date(now.getTime() - lastTimeYears * 365.25 * 86_400_000).toISOString()
  const made: PromptView[] = []
  for (const guest of guests) {
    const drafts = []
    if (openPromise) {
      for (const promise of openPromisesOfEarlierStays(ctx.sqlite, guest.id, stay.id, stay.arrival_date)) {
        const rule = { ...withNote(openPromise, moment, { en: promise.text, zh: promise.text }), department: promise.department }
        for (const d of draftsFor(ctx, guest, stay, roomNumber, moment, { rules: [rule], occurrence: `promise${promise.stepId}` })) {
          drafts.push({ ...d, trigger: 'recovery' as const })
        }
      }
    }
    if (lastTime) {
      for (const earlier of departmentsOfEarlierCases(ctx.sqlite, guest.id, stay.id, stay.arrival_date, since)) {
        const rule = { ...withNote(lastTime, moment, { en: categoriesInWords(earlier.categories, 'en'), zh: categoriesInWords(earlier.categories, 'zh') }), department: earlier.department }
        for (const d of draftsFor(ctx, guest, stay, roomNumber, moment, { rules: [rule], occurrence: `dept=${earlier.department}` })) {
          drafts.push({ ...d, trigger: 'recovery' as const })
        }
      }
    }
    if (drafts.length === 0) continue
    const ids = insertPromptDrafts(ctx.sqlite, drafts, stay.id, guest.id, now.toISOString())
    for (const id of ids) {
      const prompt = findPromptView(ctx.sqlite, id)
      if (!prompt) continue
      ctx.emit('prompt.created', { prompt })
      made.push(prompt)
    }
  }
  return made
}

/** The main guest and the accompanying guests with a profile who have any recovery case (and are not erased). */
function guestsWithCases(ctx: OperationContext, stay: StayRow): GuestRow[] {
  const ids = [...new Set([stay.guest_id, ...listCompanions(ctx.sqlite, stay.id).flatMap((c) => (c.guestId === null ? [] : [c.guestId]))])]
  return ids.flatMap((id) => {
    if (!guestHasCases(ctx.sqlite, id)) return []
    const guest = findGuest(ctx.sqlite, id)
    return guest && guest.anonymised_at === null ? [guest] : []
  })
}
