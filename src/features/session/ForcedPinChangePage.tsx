import { Alert, Button, Card, Center, Group, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { LanguageSelect } from '../../components/LanguageSelect'
import { notify } from '../../components/notify'
import { ChangePinForm } from './ChangePinForm'

/**
 * After signing in with a temporary PIN (an administrator reset it): choose a new PIN, or sign
 * out. Core refuses everything else until then (PIN_CHANGE_REQUIRED).
 */
export function ForcedPinChangePage() {
  const { t } = useTranslation()
  const { staff, signOut } = useSession()
  if (!staff) return null
  return (
    <Center component="main" mih="100vh" p="md">
      <Card withBorder shadow="sm" w={440} maw="100%" p="xl">
        <Stack>
          <div>
            <Title order={1} size="h2">{t('pinChange.forcedTitle')}</Title>
            <Text c="dimmed">{staff.name}</Text>
          </div>
          <Alert color="blue" styles={{ message: { color: 'var(--mantine-color-text)' } }}>{t('pinChange.forcedIntro')}</Alert>
          <ChangePinForm staff={staff} submitLabel={t('pinChange.forcedSubmit')} onChanged={() => notify({ color: 'green', message: t('pinChange.done') })} />
          <Group justify="space-between">
            <Button variant="subtle" onClick={() => signOut().catch((error: unknown) => notify({ color: 'red', message: errorMessage(t, error) }))}>
              {t('nav.signOut')}
            </Button>
            <LanguageSelect />
          </Group>
        </Stack>
      </Card>
    </Center>
  )
}
