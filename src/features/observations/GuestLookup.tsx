import { Combobox, Group, Loader, Text, TextInput, useCombobox } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useEffect, type Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { call } from '../../api/client'
import { useSession } from '../../app/session'
import { readsGuestProfiles } from '../../app/role-abilities'

const cjk = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/

export type InHouseGuest = OutputOf<'guest.inHouseLookup'>[number]

interface GuestLookupProps {
  query: string
  onQueryChange: (text: string) => void
  chosen: InHouseGuest | null
  onChoose: (guest: InHouseGuest | null) => void
  error?: string
  inputRef?: Ref<HTMLInputElement>
  autoFocus?: boolean
}

/** Find an in-house guest as you type a room number or a name; Enter takes the first match. */
export function GuestLookup({ query, onQueryChange, chosen, onChoose, error, inputRef, autoFocus }: GuestLookupProps) {
  const { staff } = useSession()
  // Department staff find guests by room number only (core answers nothing else to them).
  const byRoomOnly = staff ? !readsGuestProfiles(staff.role) : false
  const { t } = useTranslation()
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })
  const [text] = useDebouncedValue(query.trim(), 80)
  const lookup = useQuery({
    queryKey: ['in-house-lookup', text],
    queryFn: () => call('guest.inHouseLookup', { text }),
    enabled: text !== '',
    placeholderData: (previous) => previous,
  })
  const results = text === '' ? [] : (lookup.data ?? [])

  useEffect(() => {
    if (combobox.dropdownOpened) combobox.selectFirstOption()
    // Only when new matches arrive: the highlighted match is what Enter takes.
  }, [lookup.data])

  const choose = (guest: InHouseGuest) => {
    onChoose(guest)
    onQueryChange(guest.roomNumber ?? guest.nativeName)
    combobox.closeDropdown()
  }

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(value) => {
        const guest = results.find((g) => String(g.stayId) === value)
        if (guest) choose(guest)
      }}
    >
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          label={t(byRoomOnly ? 'observe.whoRoom' : 'observe.who')}
          placeholder={t(byRoomOnly ? 'observe.whoPlaceholderRoom' : 'observe.whoPlaceholder')}
          description={chosen ? <ChosenGuest guest={chosen} /> : t(byRoomOnly ? 'observe.whoHintRoom' : 'observe.whoHint')}
          value={query}
          required
          autoFocus={autoFocus}
          data-autofocus={autoFocus || undefined}
          autoComplete="off"
          error={error}
          rightSection={lookup.isFetching ? <Loader size="xs" aria-label={t('app.loading')} /> : null}
          onChange={(e) => {
            const next = e.currentTarget.value
            onQueryChange(next)
            if (chosen && next.trim() !== (chosen.roomNumber ?? chosen.nativeName)) onChoose(null)
            if (next.trim()) combobox.openDropdown()
            else combobox.closeDropdown()
          }}
          onFocus={() => query.trim() && !chosen && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') combobox.closeDropdown()
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={text === '' || lookup.data === undefined}>
        <Combobox.Options aria-label={t('observe.matches')}>
          {results.map((g) => (
            <Combobox.Option value={String(g.stayId)} key={g.stayId}>
              {/* Plain inherited colours: the highlighted option is filled, where dimmed text would be unreadable. */}
              <Group gap="sm" wrap="nowrap">
                <Text span fw={700} miw={44}>{g.roomNumber ?? '—'}</Text>
                <Text span lang={cjk.test(g.nativeName) ? 'zh' : undefined} fw={600}>{g.withheld ? t('board.guestWithheld') : g.nativeName}</Text>
                {g.romanName && g.romanName !== g.nativeName ? <Text span size="sm">{g.romanName}</Text> : null}
              </Group>
            </Combobox.Option>
          ))}
          {results.length === 0 ? <Combobox.Empty>{t('observe.noMatch')}</Combobox.Empty> : null}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}

function ChosenGuest({ guest }: { guest: InHouseGuest }) {
  const { t } = useTranslation()
  const roman = guest.romanName && guest.romanName !== guest.nativeName ? ` ${guest.romanName}` : ''
  return (
    <Text span size="sm" c="var(--mantine-color-text)" data-testid="chosen-guest">
      {'✓ '}
      {guest.roomNumber ? `${t('board.room', { room: guest.roomNumber })} · ` : ''}
      <Text span inherit fw={600} lang={cjk.test(guest.nativeName) ? 'zh' : undefined}>{guest.withheld ? t('board.guestWithheld') : guest.nativeName}</Text>
      {roman}
    </Text>
  )
}
