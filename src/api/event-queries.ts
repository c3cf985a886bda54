import type { CoreEvent } from '../../electron/core/events'
import type { ObservationView } from '../../electron/core/observations/observation.view'
import type { PromptView } from '../../electron/core/prompts/prompt.view'

/**
 * The one place that says which screens' data an event touches: the query keys (prefixes) to
 * refetch. Screens key their queries as listed here; a new screen that shows what an event
 * changes adds its key in this file (tested in test/unit/event-queries.test.ts).
 *
 *   ['board', department, 'open'|'closed']    prompt.board
 *   ['card', guestId]  ['history', guestId]   guest.card, guest.history
 *   ['observations', 'inbox'|'mine'|guestId]  observation.inbox / mine / ofGuest
 *   ['arrivals'] ['in-house'] ['search', text] ['in-house-lookup', text]
 *   ['suggest', stayId]                       room.suggest (depends on every vacant room)
 *   ['stay-details', stayId] ['preassign', date] ['arrival-matches']   stay.details, stay.preassignPlan, arrivals.matches
 *   ['board', 'rooms']                        room.list on the housekeeping board
 *   ['pms-imports']                           pms.imports (recent report imports)
 *   ['escalations'] ['declined']              prompt.escalations, prompt.declinedQueue
 *
 * Invalidating a prefix refetches the queries on screen now and marks the rest stale, so a wide
 * key is cheap; a missing one leaves a screen showing what is no longer true.
 */
export type QueryKeyPrefix = readonly (string | number)[]

export function queryKeysFor(event: CoreEvent): QueryKeyPrefix[] {
  switch (event.name) {
    case 'prompt.created':
    case 'prompt.updated': {
      const { prompt } = event.payload as { prompt: PromptView }
      // The card counts the prompts done for the guest; an outlet's prompt is on F&B's board too.
      // Acknowledged or done, it leaves the managers' escalations; declined, it joins guest relations' queue.
      const keys: QueryKeyPrefix[] = [['board', prompt.department], ['card', prompt.guestId], ['escalations']]
      if (prompt.parentDepartment) keys.push(['board', prompt.parentDepartment])
      if (prompt.status === 'declined') keys.push(['declined'])
      return keys
    }
    case 'prompt.escalated': {
      const { prompt } = event.payload as { prompt: PromptView }
      const keys: QueryKeyPrefix[] = [['escalations'], ['board', prompt.department]]
      if (prompt.parentDepartment) keys.push(['board', prompt.parentDepartment])
      return keys
    }
    case 'observation.created':
    case 'observation.updated': {
      const { observation } = event.payload as { observation: ObservationView }
      const keys: QueryKeyPrefix[] = [['observations'], ['card', observation.guestId]]
      // Accepted or merged, it became (or confirmed) a preference: the profile, its history, the
      // alerts on the desk's lists and the room ranking may all change.
      if (observation.status === 'accepted' || observation.status === 'merged') {
        keys.push(['history', observation.guestId], ['arrivals'], ['in-house'], ['suggest'])
      }
      return keys
    }
    case 'stay.changed': {
      const { guestId } = event.payload as { guestId: number }
      // A room taken or freed changes every stay's suggestions; a check-out closes prompts.
      // A stay's details and history, the pre-assignment plan and guest relations' arrival queue
      // (a PMS report adds to it) follow too.
      return [['arrivals'], ['in-house'], ['search'], ['in-house-lookup'], ['card', guestId], ['suggest'], ['board'], ['stay-details'], ['preassign'], ['arrival-matches']]
    }
    case 'pms.imported':
      // The watch folder (or another manager) imported a report: the recent imports list.
      return [['pms-imports'], ['arrival-matches']]
    case 'room.changed':
      // A room cleaned, dirtied or blocked: the housekeeping board and the desk's ranking.
      return [['board', 'rooms'], ['suggest']]
    default:
      return []
  }
}
