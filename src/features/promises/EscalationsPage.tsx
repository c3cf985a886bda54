import { Alert, Anchor, Badge, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { GuestName } from '../../components/guest-name'
import { pick } from '../../i18n'
import { contrast } from '../board/contrast'
import { NotificationAsk } from './NotificationAsk'

/**
 * The lead's and the duty manager's view: prompts not acknowledged within their promise, newest
 * escalation first, live (the list refetches on prompt events: api/event-queries.ts).
 */
export function EscalationsPage() {
  const { t, i18n } = useTranslation()
  const departmentName = useDepartmentName()
  const { when } = useHotelTime()
  const list = useQuery({ queryKey: ['escalations'], queryFn: () => call('prompt.escalations', {}), refetchInterval: 60_000 })
  const items = list.data ?? []
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Title order={1} size="h2">{t('promises.escalationsTitle')}</Title>
        {list.data ? <Text c="dimmed" role="status">{t('promises.escalationsCount', { count: items.length })}</Text> : null}
      </Group>
      <Text size="sm">{t('promises.escalationsIntro')}</Text>
      <NotificationAsk />
      {list.isError ? <Alert color="red" role="alert">{errorMessage(t, list.error)}</Alert> : null}
      {list.isLoading ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {list.data && items.length === 0 ? <Text c="dimmed" py="md">{t('promises.escalationsEmpty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        {items.map(({ prompt, level, escalatedAt, overdueAt }) => (
          <Card key={prompt.id} withBorder padding="sm" component="article" aria-labelledby={`escalation-${prompt.id}`} data-testid="escalation" data-prompt-id={prompt.id}>
            <Stack gap={6}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={650} id={`escalation-${prompt.id}`} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>{pick(prompt.text, i18n.language)}</Text>
                <Badge color="red.9" variant="filled" style={{ flexShrink: 0 }}>{level > 0 ? t('promises.level', { level }) : t('promises.levelNone')}</Badge>
              </Group>
              <Group gap="xs" wrap="wrap">
                <Badge variant="light" color="indigo">{departmentName(prompt.department)}</Badge>
                <GuestName guest={prompt.guest} size="sm" />
                {prompt.roomNumber ? <Badge variant="outline">{t('board.room', { room: prompt.roomNumber })}</Badge> : null}
                {prompt.guest.vip > 0 ? <Badge color="yellow" c="dark" variant="filled">VIP {prompt.guest.vip}</Badge> : null}
              </Group>
              <Text size="sm">{t('promises.escalatedAt', { time: when(escalatedAt) })} · {t('promises.ackPromise', { time: when(prompt.escalateAt) })}</Text>
              <Text size="sm" fw={600} c={prompt.status === 'open' ? contrast.danger : undefined}>
                {prompt.status === 'open' ? t('promises.notAcknowledged') : t('board.acknowledgedBy', { name: prompt.acknowledged?.by ?? '', time: when(prompt.acknowledged?.at ?? escalatedAt) })}
              </Text>
              {overdueAt ? <Text size="sm" c={contrast.danger} fw={700}>{t('promises.overdueAt', { time: when(overdueAt) })}</Text> : null}
              {prompt.assignedTo ? <Text size="xs">{t('board.assignedTo', { name: prompt.assignedTo.name })}</Text> : null}
              <Anchor href={`#/board/${encodeURIComponent(prompt.department)}`} size="sm">
                {t('promises.openBoard', { department: departmentName(prompt.department) })}
              </Anchor>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  )
}
