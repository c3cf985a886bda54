import type { ObservationView } from './observations/observation.view'
import type { PromptView } from './prompts/prompt.view'
import type { NightAuditCompleted } from './night-audit/night-audit.report'
import type { EscalationNotify } from './promises/escalation-steps'

/** Everything core announces. Transports forward these unchanged (IPC send, SSE). */
export interface CoreEvents {
  'prompt.created': { prompt: PromptView }
  'prompt.updated': { prompt: PromptView }
  'observation.created': { observation: ObservationView }
  'observation.updated': { observation: ObservationView }
  /** `event`: which stay event it was (stays/stay-event.repository.ts), the same from the desk or the PMS. */
  /** A room's housekeeping status or block changed (desk, housekeeping board, PMS room-status report, check-out). */
  'room.changed': { roomNumber: string; housekeeping: string; block: string | null }
  /** A PMS report was imported (upload, watch folder or API), applied or rejected: managers' import screens refresh. */
  'pms.imported': { importId: number; kind: string; fileName: string; status: string }
  'stay.changed': { stayId: number; guestId: number; status: string; roomNumber: string | null; event?: string }
  /** A prompt broke its promise to acknowledge (level: escalation steps taken); `notify`: whom the steps just taken name. */
  'prompt.escalated': { prompt: PromptView; notify: EscalationNotify[]; level: number }
  /** The night audit closed a business date (the report: nightAudit.list). */
  'night_audit.completed': NightAuditCompleted
}
export type CoreEventName = keyof CoreEvents
export interface CoreEvent<K extends CoreEventName = CoreEventName> {
  /** The event's place in the store's event log (table core_event): increasing, kept 48 h, sent as SSE `id:`. */
  id: number
  name: K
  payload: CoreEvents[K]
}

type Listener = (event: CoreEvent) => void

/**
 * One in-process bus. Events are logged inside the transaction that caused them and published
 * only after the outermost transaction commits (db/transaction.ts), so a listener never hears of
 * a change that was rolled back.
 */
export class EventBus {
  private listeners = new Set<Listener>()

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event)
      } catch (error) {
        console.error('[events] a listener failed', error)
      }
    }
  }
}
