/** The hotel clock form's pure parts (test/unit/hotel-clock-form.test.ts). */

/** 'HH:MM' on a 24-hour clock. */
export function clockTimeOk(time: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(time)
}

/** Every IANA zone the runtime knows, searchable by the city typed with spaces ("Hong Kong" finds Asia/Hong_Kong). */
export function timeZoneChoices(zones: readonly string[] = supportedZones()): { value: string; label: string }[] {
  return zones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))
}

function supportedZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] }
  const zones = intl.supportedValuesOf?.('timeZone') ?? []
  // Chromium leaves UTC out of its list; a hotel's store may still hold it.
  return zones.includes('UTC') ? zones : [...zones, 'UTC']
}
