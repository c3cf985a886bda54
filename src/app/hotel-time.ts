import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../api/client'
import { businessDayFrom, formatHotelDate, formatHotelDateTime, formatHotelDay, formatHotelTime, formatHotelWhen } from './hotel-time-format'

export { businessDayFrom, formatHotelDate, formatHotelDateTime, formatHotelDay, formatHotelTime, formatHotelWhen, hotelDateOf, hotelLocale } from './hotel-time-format'

/*
 * Every time a screen shows is a hotel time: formatted in the hotel's time zone (hotel.clock),
 * never the device's. A phone set to another zone, or a hub on a UTC server, shows the same
 * times as the front desk.
 */

/** The hotel's clock as hotel.clock answers it; refreshed every minute. */
export function useHotelClock() {
  return useQuery({ queryKey: ['hotel-clock'], queryFn: () => call('hotel.clock', {}), staleTime: 60_000, refetchInterval: 60_000 })
}

/** The hotel's day `offset` days from its business date (0 today, 1 tomorrow); null until hotel.clock answers. */
export function useBusinessDay(offset = 0): string | null {
  return businessDayFrom(useHotelClock().data, offset)
}

/** Hook form: formatters bound to the UI language and the hotel's zone. */
export function useHotelTime() {
  const { i18n } = useTranslation()
  const clock = useHotelClock()
  const zone = clock.data?.timeZone
  return {
    clock: clock.data,
    time: (iso: string) => formatHotelTime(iso, i18n.language, zone),
    when: (iso: string, now?: Date) => formatHotelWhen(iso, i18n.language, zone, now),
    date: (date: string) => formatHotelDate(date, i18n.language),
    dateTime: (iso: string) => formatHotelDateTime(iso, i18n.language, zone),
    day: (iso: string) => formatHotelDay(iso, i18n.language, zone),
  }
}
