import { useTranslation } from 'react-i18next'
import { formatHotelWhen, useHotelClock } from '../../app/hotel-time'

/** A short hotel time: "14:05" on the hotel's today, "3 Nov, 14:05" on another day, in the hotel's zone (hotel.clock). */
export function formatWhen(iso: string, language: string, timeZone?: string, now = new Date()): string {
  return formatHotelWhen(iso, language, timeZone, now)
}

/** formatWhen bound to the UI language and the hotel's zone. */
export function useFormatWhen(): (iso: string) => string {
  const { i18n } = useTranslation()
  const zone = useHotelClock().data?.timeZone
  return (iso) => formatWhen(iso, i18n.language, zone)
}
