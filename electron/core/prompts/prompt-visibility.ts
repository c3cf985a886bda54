import type { Role } from '../staff/roles'
import { roleAllows, seesGuestDetails } from '../staff/roles'
import type { PromptView } from './prompt.view'

/** How a prompt names a guest who asked for discretion (a restricted profile), in both languages. */
export const discreetAddress = { en: 'Guest', zh: '客人' } as const

/**
 * A prompt as one role may see it (least knowledge, PIPL Art. 6 "minimum necessary", GDPR Art. 5(1)(c)):
 * - department staff (attendants and leads) get what to do and where, never why: the preference
 *   that caused it (`reason`: "access / hard of hearing") is removed, because a health need is
 *   sensitive personal information (PIPL Art. 28, GDPR Art. 9);
 * - a restricted profile's names are withheld from anyone who may not open restricted profiles
 *   but reads guest data only through prompts (department staff): `guest.withheld` is set.
 * - the cause of a restricted guest's prompt is removed for every role without guest.restricted
 *   (the front desk sees what to do, not the closed profile's needs).
 * Other roles see the view as it is. Answers a new object; the input is not changed.
 */
export function promptAsSeenBy(role: Role, prompt: PromptView): PromptView {
  const withhold = prompt.guest.restricted === true && !roleAllows(role, 'guest.restricted')
  // The front desk sees a prompt's cause, but not a restricted guest's (their profile is closed to it).
  if (seesGuestDetails(role)) return withhold ? { ...prompt, reason: null } : prompt
  return {
    ...prompt,
    reason: null,
    guest: withhold ? { nativeName: '', romanName: null, vip: prompt.guest.vip, withheld: true } : { ...prompt.guest, restricted: undefined },
  }
}
