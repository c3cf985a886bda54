import type { OutputOf } from '../../../electron/core/api'
import type { Translate } from './room-reason'

export type StayEvent = OutputOf<'stay.details'>['events'][number]

/** "2026-12-01 14:32" in the desk's local time, from an ISO instant. */
export function eventTime(at: string): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const two = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`
}

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/**
 * One line of a stay's history as the desk reads it: "Room 1208 chosen", "Moved from 1208 to
 * 1502", "Departure 12-04 → 12-06". Who told us (the desk, or a PMS report) is said apart.
 */
export function eventWords(e: Pick<StayEvent, 'kind' | 'detail'>, t: Translate): string {
  const d = e.detail ?? {}
  switch (e.kind) {
    case 'reservation':
      return t('desk.event.reservation')
    case 'pre_arrival': {
      const to = text(d.to)
      return to ? t('desk.event.roomChosen', { room: to }) : t('desk.event.roomReleased', { room: text(d.from) ?? '' })
    }
    case 'check_in':
      return text(d.room) ? t('desk.event.checkInRoom', { room: d.room }) : t('desk.event.checkIn')
    case 'room_move':
      return t('desk.event.roomMove', { from: text(d.from) ?? '—', to: text(d.to) ?? '—' })
    case 'dates_changed': {
      const from = (d.from ?? {}) as { arrival?: string; departure?: string }
      const to = (d.to ?? {}) as { arrival?: string; departure?: string }
      if (from.arrival && to.arrival && from.arrival !== to.arrival) {
        return t('desk.event.datesMoved', { fromArrival: from.arrival, fromDeparture: from.departure ?? '', toArrival: to.arrival, toDeparture: to.departure ?? '' })
      }
      return t('desk.event.departureChanged', { from: from.departure ?? '—', to: to.departure ?? '—' })
    }
    case 'check_out':
      return t('desk.event.checkOut')
    case 'withdrawn':
      return d.status === 'no_show' ? t('desk.event.noShow') : t('desk.event.cancelled')
    case 'check_out_undone':
      return t('desk.event.checkOutUndone')
    case 'check_in_undone':
      return t('desk.event.checkInUndone')
    default:
      return e.kind
  }
}

/** Newest first, each with its time, its words and where the news came from (the desk names who). */
export function timelineLines(events: readonly StayEvent[], t: Translate): { key: string; time: string; words: string; source: string }[] {
  return events
    .map((e, index) => ({ e, index }))
    .reverse()
    .map(({ e, index }) => ({ key: `${index}-${e.kind}`, time: eventTime(e.at), words: eventWords(e, t), source: e.source === 'desk' && e.staffName ? t('desk.source.deskBy', { name: e.staffName }) : t(`desk.source.${e.source}`) }))
}
