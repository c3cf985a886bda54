import { Text } from '@mantine/core'

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
