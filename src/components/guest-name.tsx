import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface NamedGuest {
  nativeName: string
  romanName: string | null
  salutation?: string | null
  /** A guest who asked for discretion, seen by department staff: no names, the word "guest". */
  withheld?: boolean
}

const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/

/** Native script first (marked with its language so CJK renders with the right glyphs), romanized beside it. */
export function GuestName({ guest, size = 'md', strong = true }: { guest: NamedGuest; size?: string; strong?: boolean }) {
  const { t } = useTranslation()
  if (guest.withheld) {
    return (
      <Text span size={size} fw={strong ? 650 : 400} title={t('board.guestWithheldWhy')}>
        {t('board.guestWithheld')}
      </Text>
    )
  }
  const hasNative = cjk.test(guest.nativeName)
  const roman = guest.romanName && guest.romanName !== guest.nativeName ? guest.romanName : null
  return (
    <Text span size={size} fw={strong ? 650 : 400}>
      <span lang={hasNative ? 'zh' : undefined}>{guest.nativeName}</span>
      {roman ? (
        <Text span c="dimmed" size="sm" ml={6} fw={400}>
          {roman}
        </Text>
      ) : null}
    </Text>
  )
}
