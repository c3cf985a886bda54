import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface NamedGuest {
  nativeName: string
  romanName: string | null
  salutation?: string | null
}

const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/

/** Native script first (marked with its language so CJK renders with the right glyphs), romanized beside it. */
export function GuestName({ guest, size = 'md', strong = true }: { guest: NamedGuest; size?: string; strong?: boolean }) {
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

/** Sorts guests the way a reader of the UI language expects: pinyin order in Chinese, Latin order in English. */
export function useGuestCollator() {
  const { i18n } = useTranslation()
  const zh = i18n.language.startsWith('zh')
  const collator = new Intl.Collator(zh ? 'zh-CN-u-co-pinyin' : 'en', { sensitivity: 'base', numeric: true })
  return (a: NamedGuest, b: NamedGuest) =>
    zh ? collator.compare(a.nativeName, b.nativeName) : collator.compare(a.romanName ?? a.nativeName, b.romanName ?? b.nativeName)
}
