import { Alert, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { call } from '../../api/client'
import { GuestName } from '../../components/guest-name'
import { useReasonText } from './duplicate-reasons'
import { useHotelTime } from '../../app/hotel-time'

export type DuplicateCandidate = OutputOf<'guest.possibleDuplicates'>[number]['guest']

interface Draft {
  nativeName: string
  romanName?: string
  phone?: string
  email?: string
}

// Only send what the store would accept as a phone, so a half-typed number never errors.
const usablePhone = (phone = '') => (/^[+\d\s()./-]*$/.test(phone.normalize('NFKC')) && phone.replace(/\D/g, '').length >= 5 ? phone : undefined)

/** What `guest.possibleDuplicates` is asked for a draft: trimmed, and only a phone or email the store would accept. */
export function duplicateCheckInput(draft: Draft) {
  return {
    nativeName: draft.nativeName.trim(),
    romanName: draft.romanName?.trim() || undefined,
    phone: usablePhone(draft.phone?.trim()),
    email: draft.email?.includes('@') ? draft.email.trim() : undefined,
  }
}

/** As a new guest's name and phone are typed: "This guest may already exist", with the candidates. */
export function PossibleDuplicates({ draft, onPick, pickLabel }: { draft: Draft; onPick: (guest: DuplicateCandidate) => void; pickLabel: string }) {
  const { t } = useTranslation()
  const { date } = useHotelTime()
  const reasonText = useReasonText()
  const [typedKey] = useDebouncedValue(JSON.stringify(draft), 250)
  const typed = JSON.parse(typedKey) as Draft
  const input = duplicateCheckInput(typed)
  const matches = useQuery({
    queryKey: ['possible-duplicates', input],
    queryFn: () => call('guest.possibleDuplicates', input),
    enabled: input.nativeName !== '',
    placeholderData: (previous) => previous,
  })
  const list = input.nativeName === '' ? [] : (matches.data ?? [])
  return (
    <div aria-live="polite">
      {list.length > 0 ? (
        <Alert color="yellow" variant="light" title={<Text span inherit c="var(--mantine-color-text)"><span aria-hidden>⚠ </span>{t('duplicates.mayExist')}</Text>} data-testid="possible-duplicates">
          <Stack gap="xs">
            {list.map((m) => (
              <Group key={m.guest.id} justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <GuestName guest={m.guest} size="sm" />
                  <Text size="xs">{[m.guest.phone, m.guest.email, m.guest.company, m.guest.birthDate ? date(m.guest.birthDate) : null].filter(Boolean).join(' · ')}</Text>
                  <Text size="xs">{m.reasons.filter((r) => r.outcome !== 'different').map(reasonText).join(t('profile.listSeparator'))}</Text>
                </div>
                <Button size="xs" variant="default" onClick={() => onPick(m.guest)}>
                  {pickLabel}<VisuallyHidden> {m.guest.nativeName} {m.guest.romanName ?? ''}</VisuallyHidden>
                </Button>
              </Group>
            ))}
          </Stack>
        </Alert>
      ) : null}
    </div>
  )
}
