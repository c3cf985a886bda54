import { actorOf, type OperationContext } from '../context'
import { cached } from '../db/store-cache'
import type { GuestRow } from '../db/tables/guest.table'
import type { StayRow } from '../db/tables/stay.table'
import { listDepartments } from '../departments/department.repository'
import { formsOfAddress } from '../guests/form-of-address'
import { findGuest, listActivePreferences, toPreferenceFact } from '../guests/guest.repository'
import { activeRulesFor } from '../rules/rule.repository'
import { listVocabulary, VocabularyLabels } from '../vocabulary/vocabulary.repository'
import { generatePrompts, triggers, type Trigger } from './prompt-generation'
import { findPromptView, insertPromptDrafts, openPromptTexts, setPromptTexts } from './prompt.repository'
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
  const drafts = draftsFor(ctx, guest, stay, roomNumber, trigger, now)
  const ids = insertPromptDrafts(ctx.sqlite, drafts, stay.id, guest.id, now.toISOString())
  const views = ids.map((id) => findPromptView(ctx.sqlite, id)).filter((v): v is PromptView => v !== undefined)
  for (const prompt of views) ctx.emit('prompt.created', { prompt })
  return views
}

function draftsFor(ctx: OperationContext, guest: GuestRow, stay: Pick<StayRow, 'id'>, roomNumber: string | null, trigger: Trigger, now = ctx.clock.now()) {
  const promises = cached(ctx.sqlite, promiseCacheKey, () =>
    Object.fromEntries(listDepartments(ctx.sqlite).map((d) => [d.code, d.promise_minutes])),
  )
  const labels = cached(ctx.sqlite, vocabularyCacheKey, () => new VocabularyLabels(listVocabulary(ctx.sqlite)))
  const rules = activeRulesFor(ctx.sqlite, trigger)
  const preferences = listActivePreferences(ctx.sqlite, guest.id).map(toPreferenceFact)
  // Most guests meet no rule of a trigger: then there is nothing to word.
  if (!rules.some((r) => preferences.some((p) => p.category === r.category && p.code === r.code))) return []
  return generatePrompts({
    guestName: formsOfAddress(guest, preferences, stay.id),
    stayId: stay.id,
    roomNumber,
    preferences,
    rules,
    trigger,
    now,
    promiseMinutes: promises,
    valueLabel: (category, code, value, lang) => labels.value(category, code, value, lang),
  })
}

/**
 * After a room move, the stay's open prompts follow the guest: their texts are drawn again with
 * the new room (the board reads the room from the stay already). Prompts whose rule has since
 * been switched off keep their text. Emits prompt.updated for each prompt whose text changed.
 */
export function redraftOpenPrompts(ctx: OperationContext, stay: Pick<StayRow, 'id'>, roomNumber: string | null): number {
  const open = openPromptTexts(ctx.sqlite, stay.id)
  let changed = 0
  for (const [key, prompts] of groupBy(open, (p) => `${p.guest_id}:${p.trigger}`)) {
    const [guestId, trigger] = key.split(':')
    const guest = findGuest(ctx.sqlite, Number(guestId))
    if (!guest || !(triggers as readonly string[]).includes(trigger)) continue
    const drafts = new Map(draftsFor(ctx, guest, stay, roomNumber, trigger as Trigger).map((d) => [d.dedupeKey, d]))
    for (const prompt of prompts) {
      const draft = drafts.get(prompt.dedupe_key)
      if (!draft || (draft.text.en === prompt.text_en && draft.text.zh === prompt.text_zh)) continue
      setPromptTexts(ctx.sqlite, prompt.id, draft.text)
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
