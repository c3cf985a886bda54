import { Alert, Badge, Group, Loader, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { call } from '../../api/client'
import { subscribe } from '../../api/live-events'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { GuestName } from '../../components/guest-name'
import { Outcome, StatusBadge } from './ObservationStatus'
import { useSuggestionText } from './suggestion'
import { useFormatWhen } from './when'
import { notify } from '../../components/notify'

/**
 * Keeps "my observations" fresh and tells me, wherever I am working, when guest relations
 * decides one. Each screen that lists them or may be open meanwhile calls it once.
 */
export function useObservationOutcomes(): void {
  const { t } = useTranslation()
  const { staff } = useSession()
  useEffect(
    () =>
      subscribe((event) => {
        if (event.name !== 'observation.updated' && event.name !== 'observation.created') return
        const { observation } = event.payload as { observation: ObservationView }
        // The list itself is refetched for every observation event (api/event-queries.ts).
        if (observation.staffId !== staff?.staffId) return
        if (event.name === 'observation.updated') {
          notify({
            color: observation.status === 'rejected' ? 'red' : 'green',
            title: t('feedback.decidedTitle'),
            message: t(`feedback.decided.${observation.status}`, { guest: observation.guest.nativeName, text: observation.text }),
          })
        }
      }),
    [staff?.staffId, t],
  )
}

/** What I reported and what became of it, kept up to date as guest relations decide. */
export function MyObservations({ titleShown = true }: { titleShown?: boolean }) {
  const { t } = useTranslation()
  const formatWhen = useFormatWhen()
  const suggestionText = useSuggestionText()
  const mine = useQuery({ queryKey: ['observations', 'mine'], queryFn: () => call('observation.mine', { limit: 50 }) })
  return (
    <Stack component="section" aria-labelledby="mine-title" gap="sm">
      {/* Under a tab of the same name the title is for screen readers only. */}
      {titleShown ? (
        <Title order={2} size="h4" id="mine-title">{t('feedback.title')}</Title>
      ) : (
        <VisuallyHidden component="h2" id="mine-title">{t('feedback.title')}</VisuallyHidden>
      )}
      {mine.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {mine.isError ? <Alert color="red" role="alert">{errorMessage(t, mine.error)}</Alert> : null}
      {mine.data?.length === 0 ? <Text c="dimmed">{t('feedback.none')}</Text> : null}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="mine-title">
        {(mine.data ?? []).map((o) => (
          <Paper component="li" withBorder p="sm" key={o.id} data-testid="my-observation" data-status={o.status}>
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Group gap="xs" wrap="wrap">
                  <GuestName guest={o.guest} size="sm" />
                  {o.roomNumber ? <Badge variant="outline">{t('board.room', { room: o.roomNumber })}</Badge> : null}
                </Group>
                <StatusBadge status={o.status} />
              </Group>
              <Text size="sm">“{o.text}”</Text>
              {o.suggestion ? <Text size="xs" c="dimmed">{t('observe.suggested', { suggestion: suggestionText(o.suggestion) })}</Text> : null}
              <Outcome observation={o} />
              <Text size="xs" c="dimmed"><time dateTime={o.createdAt}>{t('feedback.reportedAt', { time: formatWhen(o.createdAt) })}</time></Text>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </Stack>
  )
}
