import type { OperationContext } from '../context'
import { findGuest } from '../guests/guest.repository'
import type { RuleFacts } from '../prompts/prompt-generation'
import { createPromptsForStay } from '../prompts/prompt.service'
import type { PromptView } from '../prompts/prompt.view'
import { findRoom } from '../rooms/room.repository'
import { listCompanions } from '../stays/stay-event.repository'
import { findStay } from '../stays/stay.repository'
import type { DueSlot } from './timed-firings'

/** One rule due for one stay, claimed under `key`. */
export interface PlannedFiring {
  key: string
  slot: DueSlot
  rule: RuleFacts
  stayId: number
}

/** The status a stay must still have when its firing runs: a cancelled stay or a guest gone gets nothing. */
const statusFor: Record<DueSlot['trigger'], string> = { pre_arrival: 'reserved', daily: 'in_house', post_stay: 'checked_out' }

/**
 * Fires one claimed rule for a stay's main guest and each accompanying guest with a profile,
 * inside the caller's transaction, as of its scheduled time (due times count from then).
 */
export function fireSlot(ctx: OperationContext, firing: PlannedFiring, lateMinutes: number | null): PromptView[] {
  const stay = findStay(ctx.sqlite, firing.stayId)
  if (!stay || stay.status !== statusFor[firing.slot.trigger]) return []
  const room = stay.room_id === null ? null : (findRoom(ctx.sqlite, stay.room_id)?.number ?? null)
  const guestIds = [...new Set([stay.guest_id, ...listCompanions(ctx.sqlite, stay.id).flatMap((c) => (c.guestId === null ? [] : [c.guestId]))])]
  return guestIds.flatMap((id) => {
    const guest = findGuest(ctx.sqlite, id)
    if (!guest) return []
    return createPromptsForStay(ctx, guest, stay, room, firing.slot.trigger, {
      rules: [firing.rule],
      occurrence: firing.slot.trigger === 'daily' ? firing.slot.keyDate : undefined,
      firing: { scheduledFor: firing.slot.dueAt, lateMinutes },
      at: firing.slot.dueAt,
    })
  })
}
