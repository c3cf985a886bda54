import { Alert, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { formatWhen } from '../observations/when'
import { useHotelClock } from '../../app/hotel-time'
import { unlockInput } from './terminal-display'

interface Lockout {
  code: string | null
  address: string
  failures: number
  until: string
}

/** Sign-ins waiting after wrong PINs, each with an Unlock (its staff code, or its whole address). */
export function LockoutsSection() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  // A lockout ends at a hotel time, whatever zone this device is set to.
  const timeZone = useHotelClock().data?.timeZone
  // Waits end by themselves, so the list is looked at again now and then.
  const lockouts = useQuery({ queryKey: ['lockouts'], queryFn: () => call('staff.lockouts', {}), refetchInterval: 30_000 })
  const target = (l: Lockout) => (l.code !== null ? l.code : l.address)
  const unlock = useMutation({
    mutationFn: (l: Lockout) => call('staff.unlock', unlockInput(l)),
    onSuccess: (_, l) => {
      notify({ message: t('settings.lockouts.unlocked', { target: target(l) }), color: 'green' })
      void queryClient.invalidateQueries({ queryKey: ['lockouts'] })
    },
  })
  const rows = lockouts.data ?? []
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="lockouts-title">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Title order={2} size="h3" id="lockouts-title">{t('settings.lockouts.title')}</Title>
          <Button size="compact-sm" variant="default" onClick={() => void lockouts.refetch()} loading={lockouts.isFetching}>
            {t('settings.lockouts.refresh')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">{t('settings.lockouts.intro')}</Text>
        {lockouts.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {lockouts.isError ? <Alert color="red" role="alert">{errorMessage(t, lockouts.error)}</Alert> : null}
        {unlock.isError ? <Alert color="red" role="alert">{errorMessage(t, unlock.error)}</Alert> : null}
        {lockouts.isSuccess && rows.length === 0 ? <Text data-testid="lockouts-empty">{t('settings.lockouts.empty')}</Text> : null}
        {rows.length > 0 ? (
          // A list, not a table: on a phone each lockout keeps its Unlock button in view.
          <Stack component="ul" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-labelledby="lockouts-title" data-testid="lockouts">
            {rows.map((l) => (
              <Paper component="li" withBorder p="sm" key={`${l.code ?? '*'}@${l.address}`} data-testid="lockout">
                <Group justify="space-between" gap="sm">
                  <div>
                    <Text fw={600} ff={l.code !== null ? 'monospace' : undefined}>{l.code ?? t('settings.lockouts.wholeAddress')}</Text>
                    <Text size="sm" c="dimmed">
                      {t('settings.lockouts.detail', { address: l.address, count: l.failures, until: formatWhen(l.until, i18n.language, timeZone) })}
                    </Text>
                  </div>
                  <Button
                    size="compact-md"
                    variant="default"
                    onClick={() => unlock.mutate(l)}
                    loading={unlock.isPending && unlock.variables === l}
                    aria-label={l.code !== null ? t('settings.lockouts.unlockCode', { code: l.code }) : t('settings.lockouts.unlockAddress', { address: l.address })}
                  >
                    {t('settings.lockouts.unlock')}
                  </Button>
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  )
}
