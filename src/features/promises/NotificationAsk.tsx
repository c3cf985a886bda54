import { Alert, Button, Group, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { desktopNoticeState } from './escalation-alerts'

const askedKey = 'zhike.notificationsAsked'

function askedBefore(): boolean {
  try {
    return localStorage.getItem(askedKey) === '1'
  } catch {
    return true
  }
}

/**
 * Asks once, politely and only when the manager chooses, whether desktop notices may be shown.
 * Whatever the answer, the page's own notice still appears (EscalationAlerts).
 */
export function NotificationAsk() {
  const { t } = useTranslation()
  const api = typeof Notification === 'undefined' ? undefined : Notification
  const [state, setState] = useState(() => desktopNoticeState(api, askedBefore()))
  if (state !== 'ask') return null
  const done = () => {
    try {
      localStorage.setItem(askedKey, '1')
    } catch {
      // Asked again next time: not harmful.
    }
    setState(desktopNoticeState(api, true))
  }
  return (
    <Alert color="indigo" variant="light" data-testid="notification-ask">
      <Text size="sm" mb="xs">{t('promises.notifyAsk')}</Text>
      <Group gap="xs">
        <Button size="xs" onClick={() => void Notification.requestPermission().finally(done)}>{t('promises.notifyAllow')}</Button>
        <Button size="xs" variant="default" onClick={done}>{t('promises.notifyLater')}</Button>
      </Group>
    </Alert>
  )
}
