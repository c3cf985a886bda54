import { Alert, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { ArrivalMatchCard } from './ArrivalMatchCard'

/**
 * Guest relations' queue of PMS arrivals that matched no profile, or several: link each to the
 * guest's profile (a merge, undoable like any) or confirm a new guest. Nothing is merged silently.
 */
export function ArrivalQueuePage() {
  const { t } = useTranslation()
  const matches = useQuery({ queryKey: ['arrival-matches'], queryFn: () => call('arrivals.matches', { limit: 50 }) })
  const items = matches.data ?? []
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('desk.queue.title')}</Title>
      <Text size="sm" maw={760}>{t('desk.queue.intro')}</Text>
      {matches.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {matches.isError ? <Alert color="red" role="alert">{errorMessage(t, matches.error)}</Alert> : null}
      {matches.isSuccess && items.length === 0 ? (
        <Paper withBorder p="lg" data-testid="arrival-queue-empty">
          <Text>{t('desk.queue.empty')}</Text>
        </Paper>
      ) : null}
      {items.length > 0 ? (
        <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('desk.queue.listLabel')} data-testid="arrival-queue">
          {items.map((item) => (
            <li key={item.matchId}>
              <ArrivalMatchCard item={item} />
            </li>
          ))}
        </Stack>
      ) : null}
    </Stack>
  )
}
