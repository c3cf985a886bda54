import { Badge, Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { GuestName } from '../../components/guest-name'

/** An accompanying guest: a profile (so a spouse's allergy is on file) or just a name. */
export interface Companion {
  key: string
  guestId: number | null
  name: string
}

/** Adds accompanying guests by name, or by finding their profile with the guest search. */
export function CompanionPicker({ companions, onChange, excludeGuestId }: { companions: Companion[]; onChange: (next: Companion[]) => void; excludeGuestId: number }) {
  const { t } = useTranslation()
  const [name, setName] = useState('')
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text.trim(), 150)
  const hits = useQuery({
    queryKey: ['search', debounced, 'companion'],
    queryFn: () => call('guest.search', { text: debounced, limit: 5 }),
    enabled: debounced !== '',
  })
  const taken = new Set(companions.flatMap((c) => (c.guestId ? [c.guestId] : [])))
  const found = (hits.data ?? []).filter((h) => h.guestId !== excludeGuestId && !taken.has(h.guestId))
  const addName = () => {
    if (!name.trim()) return
    onChange([...companions, { key: `n${Date.now()}`, guestId: null, name: name.trim() }])
    setName('')
  }
  return (
    <Stack gap={6} component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Text component="legend" size="sm" fw={500} p={0}>{t('desk.reservation.companions')}</Text>
      <Text size="xs" c="dimmed">{t('desk.reservation.companionsHint')}</Text>
      {companions.length > 0 ? (
        <Group gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="companions">
          {companions.map((c) => (
            <li key={c.key}>
              <Badge variant="default" tt="none" size="lg" pr={4} rightSection={<CloseButton size="xs" aria-label={t('desk.reservation.remove', { name: c.name })} onClick={() => onChange(companions.filter((x) => x.key !== c.key))} />}>
                {c.name}
                {c.guestId ? ` · ${t('desk.reservation.withProfile')}` : ''}
              </Badge>
            </li>
          ))}
        </Group>
      ) : null}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('desk.reservation.companionName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter adds the name, not the reservation.
            if (e.key === 'Enter') {
              e.preventDefault()
              addName()
            }
          }}
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={addName} disabled={!name.trim()}>{t('desk.reservation.addName')}</Button>
      </Group>
      <TextInput
        label={t('desk.reservation.findProfile')}
        placeholder={t('desk.reservation.findProfileHint')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.preventDefault()
        }}
      />
      {debounced && found.length > 0 ? (
        <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('desk.reservation.findProfile')}>
          {found.map((h) => (
            <li key={h.guestId}>
              <Group gap="xs" wrap="nowrap" justify="space-between">
                <GuestName guest={h} size="sm" />
                <Button
                  size="compact-xs"
                  variant="light"
                  onClick={() => {
                    onChange([...companions, { key: `g${h.guestId}`, guestId: h.guestId, name: h.nativeName }])
                    setText('')
                  }}
                >
                  {t('desk.reservation.addProfile', { name: h.nativeName })}
                </Button>
              </Group>
            </li>
          ))}
        </Stack>
      ) : null}
    </Stack>
  )
}
