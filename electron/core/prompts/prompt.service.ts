import { actorOf, type OperationContext } from '../context'
import { cached } from '../db/store-cache'
import type { GuestRow } from '../db/tables/guest.table'
import type { StayRow } from '../db/tables/stay.table'
import { listDepartments } from '../departments/department.repository'
import { formsOfAddress } from '../guests/form-of-address'
import { listActivePreferences, toPreferenceFact } from '../guests/guest.repository'
import { activeRulesFor } from '../rules/rule.repository'
import { listVocabulary, VocabularyLabels } from '../vocabulary/vocabulary.repository'
import { generatePrompts, type Trigger } from './prompt-generation'
import { findPromptView, insertPromptDrafts } from './prompt.repository'
import type { PromptView } from './prompt.view'

export const promiseCacheKey = 'department.promises'
export const vocabularyCacheKey = 'vocabulary.labels'

/**
 * Creates the prompts the rules produce for a guest's stay at a trigger, inside the caller's
 * transaction. Safe to repeat: prompts already created for the same stay, rule and
 * preference are not created again.
 */
export function createPromptsForStay(
  ctx: OperationContext,
  guest: GuestRow,
  stay: StayRow,
  roomNumber: string | null,
  trigger: Trigger,
): PromptView[] {
  actorOf(ctx)
  const now = ctx.clock.now()
  const promises = cached(ctx.sqlite, promiseCacheKey, () =>
    Object.fromEntries(listDepartments(ctx.sqlite).map((d) => [d.code, d.promise_minutes])),
  )
  const labels = cached(ctx.sqlite, vocabularyCacheKey, () => new VocabularyLabels(listVocabulary(ctx.sqlite)))
  const drafts = generatePrompts({
    guestName: formsOfAddress(guest, listActivePreferences(ctx.sqlite, guest.id).map(toPreferenceFact), stay.id),
    stayId: stay.id,
    roomNumber,
    preferences: listActivePreferences(ctx.sqlite, guest.id).map(toPreferenceFact),
    rules: activeRulesFor(ctx.sqlite, trigger),
    trigger,
    now,
    promiseMinutes: promises,
    valueLabel: (category, code, value, lang) => labels.value(category, code, value, lang),
  })
  const ids = insertPromptDrafts(ctx.sqlite, drafts, stay.id, guest.id, now.toISOString())
  const views = ids.map((id) => findPromptView(ctx.sqlite, id)).filter((v): v is PromptView => v !== undefined)
  for (const prompt of views) ctx.emit('prompt.created', { prompt })
  return views
}
