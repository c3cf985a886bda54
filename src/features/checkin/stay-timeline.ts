import type { OutputOf } from '../../../electron/core/api'
import type { Translate } from './room-reason'

export type StayEvent = OutputOf<'stay.details'>['events'][number]

/**
 * How the history says its dates and times: in words, in the UI language, at the hotel's clock
 * (src/app/hotel-time.ts useHotelTime gives both): date('2026-12-04') "4 Dec 2026",
 * when(instant) "14:32" today or "1 Dec, 14:32".
 */
export type StayWords = { date: (day: string) => string; when: (iso: string) => string }

const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null)

/**
 * One line of a stay's history as the desk reads it: "Room 1208 chosen", "Moved from 1208 to
 * 1502", "Departure 4 Dec 2026 → 6 Dec 2026". Who told us (the desk, or a PMS report) is said apart.
 */
export function eventWords(e: Pick<StayEvent, 'kind' | 'detail'>, t: Translate, words: StayWords): string {
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
      const day = (date: string | undefined, none: string) => (date ? words.date(date) : none)
      if (from.arrival && to.arrival && from.arrival !== to.arrival) {
        return t('desk.event.datesMoved', { fromArrival: day(from.arrival, ''), fromDeparture: day(from.departure, ''), toArrival: day(to.arrival, ''), toDeparture: day(to.departure, '') })
      }
      return t('desk.event.departureChanged', { from: day(from.departure, '—'), to: day(to.departure, '—') })
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
export function timelineLines(events: readonly StayEvent[], t: Translate, words: StayWords): { key: string; time: string; words: string; source: string }[] {
  return events
    .map((e, index) => ({ e, index }))
    .reverse()
    .map(({ e, index }) => ({ key: `${index}-${e.kind}`, time: words.when(e.at), words: eventWords(e, t, words), source: e.source === 'desk' && e.staffName ? t('desk.source.deskBy', { name: e.staffName }) : t(`desk.source.${e.source}`) }))
}
