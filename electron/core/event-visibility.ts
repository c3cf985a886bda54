import type { Actor } from './context'
import type { CoreEvent } from './events'
import { roleAllows, seesAllDepartments } from './staff/roles'

/** Which events a signed-in person may receive: department staff hear only their own board (and its outlets'). */
export function eventVisibleTo(actor: Actor | null, event: CoreEvent): boolean {
  if (!actor) return false
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
