import { Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'

// Placeholder until the screen lands; replaced in this same change.
export function InboxPage() {
  const { t } = useTranslation()
  return <Title order={1} size="h2">{t('nav.inbox')}</Title>
}
