import { useTranslation } from 'react-i18next'
import { formatHotelDateTime, formatHotelDay, useHotelClock } from '../../app/hotel-time'

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['minute', 60],
  ['hour', 3600],
  ['day', 86_400],
]

/** "now", "5 minutes ago", "3 days ago", then the hotel-local calendar date: in the UI language. */
export function useWhen() {
  const { i18n } = useTranslation()
  const zone = useHotelClock().data?.timeZone
  const relative = new Intl.RelativeTimeFormat(i18n.language, { numeric: 'auto' })
  return (iso: string | null | undefined, now = Date.now()): string => {
    if (!iso) return ''
    const at = Date.parse(iso)
    if (Number.isNaN(at)) return iso
    const seconds = Math.round((at - now) / 1000)
    if (Math.abs(seconds) < 60) return relative.format(0, 'second')
    if (Math.abs(seconds) >= 30 * 86_400) return formatHotelDay(iso, i18n.language, zone)
    let [unit, size] = units[0]
    for (const [u, s] of units) if (Math.abs(seconds) >= s) [unit, size] = [u, s]
    return relative.format(Math.round(seconds / size), unit)
  }
}

/** A timestamp in full, for a title or a history row, at the hotel's clock: "23 Nov 2026, 14:05". */
export function useDateTime() {
  const { i18n } = useTranslation()
  const zone = useHotelClock().data?.timeZone
  return (iso: string) => formatHotelDateTime(iso, i18n.language, zone)
}
