import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { LockoutsSection } from './LockoutsSection'
import { TerminalsSection } from './TerminalsSection'

/** The administrator's settings: serving department terminals, and locked sign-ins. */
export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={860}>
      <div>
        <Title order={1} size="h2">{t('settings.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.intro')}</Text>
      </div>
      <TerminalsSection />
      <LockoutsSection />
    </Stack>
  )
}
