import type { Actor } from './context'
import type { CoreEvent } from './events'
import { roleAllows, seesAllDepartments } from './staff/roles'
import { promptAsSeenBy } from './prompts/prompt-visibility'
import type { PromptView } from './prompts/prompt.view'
import { observationAsSeenBy } from './observations/observation-visibility'
import type { ObservationView } from './observations/observation.view'

/** Which events a signed-in person may receive: department staff hear only their own board (and its outlets'). */
export function eventVisibleTo(actor: Actor | null, event: CoreEvent): boolean {
  // A temporary PIN opens nothing but the PIN change: no live events either.
  if (!actor || actor.mustChangePin) return false
  if (event.name === 'prompt.created' || event.name === 'prompt.updated') {
    // F&B's office hears its outlets' prompts (the view carries the outlet's parent department).
    const { prompt } = event.payload as { prompt: { department: string; parentDepartment?: string | null } }
    return seesAllDepartments(actor.role) || prompt.department === actor.department || prompt.parentDepartment === actor.department
  }
  if (event.name === 'observation.created' || event.name === 'observation.updated') {
    const { observation } = event.payload as { observation: { department: string; staffId: number } }
    return roleAllows(actor.role, 'observation.review') || observation.department === actor.department || observation.staffId === actor.staffId
  }
  // Room status is no one's personal data: every board that shows rooms hears it.
  if (event.name === 'room.changed') return true
  if (event.name === 'pms.imported') return roleAllows(actor.role, 'hotel.write')
  if (event.name === 'prompt.escalated') {
    // Managers (the lead's and duty manager's view), guest relations when a step names them, and the prompt's own department.
    const { prompt, notify } = event.payload as { prompt: { department: string; parentDepartment?: string | null }; notify: string[] }
    if (actor.role === 'manager' || actor.role === 'admin') return true
    if (actor.role === 'guest_relations' && notify.includes('guest_relations')) return true
    return prompt.department === actor.department || prompt.parentDepartment === actor.department
  }
  if (event.name === 'night_audit.completed') return actor.role === 'manager' || actor.role === 'admin' || actor.role === 'front_desk'
  return seesAllDepartments(actor.role)
}

/**
 * An event as this person may see it (call only when `eventVisibleTo` is true): a prompt in it is
 * redacted for the viewer's role (`promptAsSeenBy`: department staff never see the cause, nor a
 * restricted guest's name), and so is an observation (`observationAsSeenBy`). Other events pass unchanged.
 */
export function eventAsSeenBy(actor: Actor, event: CoreEvent): CoreEvent {
  const { observation } = event.payload as { observation?: ObservationView }
  if (observation && typeof observation === 'object') {
    const seen = observationAsSeenBy(actor.role, observation)
    return seen === observation ? event : ({ ...event, payload: { ...event.payload, observation: seen } } as CoreEvent)
  }
  const payload = event.payload as { prompt?: PromptView }
  if (!payload.prompt || typeof payload.prompt !== 'object') return event
  const seen = promptAsSeenBy(actor.role, payload.prompt)
  return seen === payload.prompt ? event : ({ ...event, payload: { ...payload, prompt: seen } } as CoreEvent)
}
