import { Alert, Anchor, Badge, Blockquote, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { GuestName } from '../../components/guest-name'
import { notify } from '../../components/notify'
import { pick } from '../../i18n'

/**
 * Guest relations' queue: prompts a department declined, with the reason it gave (what the
 * decline dialog promises). Marking one read takes it off the queue; the list is live
 * (api/event-queries.ts refetches ['declined'] on prompt events).
 */
export function DeclinedPage() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const departmentName = useDepartmentName()
  const { when } = useHotelTime()
  const queue = useQuery({ queryKey: ['declined'], queryFn: () => call('prompt.declinedQueue', {}) })
  const read = useMutation({
    mutationFn: (promptId: number) => call('prompt.readDecline', { promptId }),
    onSuccess: () => {
      notify({ color: 'teal', message: t('promises.markedRead'), autoClose: 3000 })
      return queryClient.invalidateQueries({ queryKey: ['declined'] })
    },
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
  })
  const prompts = queue.data?.prompts ?? []
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Title order={1} size="h2">{t('promises.declinedTitle')}</Title>
        {queue.data ? <Text c="dimmed" role="status">{t('promises.declinedCount', { count: queue.data.total })}</Text> : null}
      </Group>
      <Text size="sm">{t('promises.declinedIntro')}</Text>
      {queue.isError ? <Alert color="red" role="alert">{errorMessage(t, queue.error)}</Alert> : null}
      {queue.isLoading ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {queue.data && prompts.length === 0 ? <Text c="dimmed" py="md">{t('promises.declinedEmpty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {prompts.map((prompt) => (
          <Card key={prompt.id} withBorder padding="sm" component="article" aria-labelledby={`declined-${prompt.id}`} data-testid="declined" data-prompt-id={prompt.id}>
            <Stack gap={6}>
              <Text fw={650} id={`declined-${prompt.id}`} style={{ overflowWrap: 'anywhere' }}>{pick(prompt.text, i18n.language)}</Text>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color="indigo">{departmentName(prompt.department)}</Badge>
                <Anchor href={`#/guest/${prompt.guestId}`} size="sm"><GuestName guest={prompt.guest} size="sm" /></Anchor>
                {prompt.roomNumber ? <Badge variant="outline">{t('board.room', { room: prompt.roomNumber })}</Badge> : null}
              </Group>
              {prompt.declined ? (
                <>
                  <Text size="sm">{t('promises.declinedBy', { name: prompt.declined.by, time: when(prompt.declined.at) })}</Text>
                  <Blockquote p="xs" color="red" cite={t('promises.reason')} data-testid="decline-reason" style={{ overflowWrap: 'anywhere' }}>
                    {prompt.declined.reason}
                  </Blockquote>
                </>
              ) : null}
              <Group justify="flex-end">
                <Button size="xs" variant="default" onClick={() => read.mutate(prompt.id)} loading={read.isPending && read.variables === prompt.id}>
                  {t('promises.markRead')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
