import { Alert, List, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { GuestCard } from '../../electron/core/guests/guest.card'
import { usePreferenceText } from '../features/checkin/GuestCardPanel'

interface GuestAlertsProps {
  card: Pick<GuestCard, 'guest' | 'alerts'>
  testId: string
}

/** What every desk must see first: a restricted profile, then hearing, mobility and allergies, in words. */
export function GuestAlerts({ card: { guest, alerts }, testId }: GuestAlertsProps) {
  const { t } = useTranslation()
  const text = usePreferenceText()
  if (alerts.length === 0 && !guest.restricted) return null
  return (
    <Alert color="red" variant="light" title={<Text span inherit c="red.9">{t('card.alerts')}</Text>} role="note" data-testid={testId}>
      <List size="sm" spacing={2}>
        {guest.restricted ? (
          <List.Item>
            <Text span fw={700}>{t('profile.restrictedBadge')}</Text>
            {guest.restrictionNote ? ` — ${guest.restrictionNote}` : null}
          </List.Item>
        ) : null}
        {alerts.map((a) => (
          <List.Item key={a.id}>
            <Text span fw={700}>{text(a)}</Text> <Text span size="xs">({t(`strength.${a.strength}`)})</Text>
            {a.note ? <Text span size="xs"> — {a.note}</Text> : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
