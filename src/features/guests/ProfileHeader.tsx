import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestCard } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestAlerts } from '../../components/GuestAlerts'
import { useProfileMutation } from './use-profile-mutation'
import { notify } from '../../components/notify'
import { nationalityName } from '../checkin/nationality'
import { PrintCardButton } from '../print/PrintLinks'

/** Back to where the user came from: the previous screen when there is one, else check-in. */
function back(e: MouseEvent) {
  if (window.history.length > 1) {
    e.preventDefault()
    window.history.back()
  }
}

/** The profile's one h1 (native name and romanized), VIP and restriction, undo, then alerts in plain sight. */
export function ProfileHeader({ card }: { card: GuestCard }) {
  const { t, i18n } = useTranslation()
  const { guest } = card
  const undo = useProfileMutation(guest.id, () => call('guest.undo', { guestId: guest.id }), (result) =>
    notify({ color: 'green', message: t('profile.undone', { what: t(`history.action.${result.undone.replace('.', '_')}`, { defaultValue: result.undone }) }) }),
  )
  const facts = [guest.salutation ? t(`salutation.${guest.salutation}`) : null, guest.occupation, guest.company, guest.homeCity, nationalityName(guest.nationality, i18n.language)].filter(Boolean)

  return (
    <Stack gap="sm">
      <Anchor href="#/checkin" onClick={back} size="sm" w="fit-content">← {t('profile.back')}</Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={1} size="h2" data-testid="profile-name">
            <span lang={/[\u3400-\u9fff]/.test(guest.nativeName) ? 'zh' : undefined}>{guest.nativeName}</span>
            {guest.romanName && guest.romanName !== guest.nativeName ? (
              <Text span inherit c="dimmed" fw={500} fz="0.75em" ml="xs">{guest.romanName}</Text>
            ) : null}
          </Title>
          {facts.length ? <Text size="sm" c="dimmed">{facts.join(' · ')}</Text> : null}
          <Group gap={6} mt={6} data-testid="profile-badges">
            {guest.vip > 0 ? <Badge color="yellow" c="dark" variant="filled">{t('profile.vipBadge', { level: guest.vip })}</Badge> : null}
            {guest.restricted ? <Badge color="red.9" variant="filled">{t('profile.restrictedBadge')}</Badge> : null}
            <Badge variant="outline">{t('card.stays', { count: card.stats.stays })}</Badge>
          </Group>
        </div>
        <Stack gap={4} align="flex-end">
          <Group gap="xs">
            <PrintCardButton guestId={guest.id} />
            <Button variant="default" onClick={() => undo.mutate(undefined)} loading={undo.isPending}>↶ {t('profile.undo')}</Button>
          </Group>
          {undo.isError ? <Text size="sm" c="red.8" role="alert">{errorMessage(t, undo.error)}</Text> : null}
        </Stack>
      </Group>
      <GuestAlerts card={card} testId="profile-alerts" />
    </Stack>
  )
}
