import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PromptView } from '../../../electron/core/prompts/prompt.view'
import { useVocabulary } from '../../api/reference-data'
import { GuestName } from '../../components/guest-name'
import { pick } from '../../i18n'
import { contrast } from './contrast'

// Text shades chosen for AA contrast on each badge's background (Mantine's light orange and gray fail it).
const priorityLook: Record<string, { color: string; variant: 'filled' | 'light'; c?: string }> = {
  urgent: { color: 'red.9', variant: 'filled' },
  high: { color: 'orange', variant: 'light', c: contrast.warning },
  normal: { color: 'indigo', variant: 'light' },
  low: { color: 'gray', variant: 'light', c: contrast.quiet },
}

function minutesUntil(iso: string, now: number): number {
  return Math.round((Date.parse(iso) - now) / 60_000)
}

export function PromptCard({
  prompt,
  now,
  onAcknowledge,
  onDone,
  onDecline,
  busy,
  fresh = false,
}: {
  prompt: PromptView
  now: number
  /** Arrived while the board was open and nobody has taken it up yet. */
  fresh?: boolean
  onAcknowledge: () => void
  onDone: () => void
  onDecline: () => void
  busy: boolean
}) {
  const { t, i18n } = useTranslation()
  const { label } = useVocabulary()
  const due = minutesUntil(prompt.dueAt, now)
  const open = prompt.status === 'open' || prompt.status === 'acknowledged'
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
  return (
    <Card
      withBorder
      padding="sm"
      component="article"
      tabIndex={-1}
      aria-labelledby={`prompt-${prompt.id}`}
      data-testid="prompt"
      data-prompt-id={prompt.id}
      data-status={prompt.status}
      data-fresh={fresh || undefined}
      style={fresh ? { borderColor: 'var(--mantine-color-teal-8)', borderWidth: 2 } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={650} id={`prompt-${prompt.id}`} style={{ flex: 1 }}>
            {pick(prompt.text, i18n.language)}
          </Text>
          <Badge {...(priorityLook[prompt.priority] ?? priorityLook.normal)}>
            {t(`priority.${prompt.priority}`)}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          {fresh ? <Badge color="teal.9" variant="filled">{t('live.new')}</Badge> : null}
          <GuestName guest={prompt.guest} size="sm" />
          {prompt.roomNumber ? <Badge variant="outline">{t('board.room', { room: prompt.roomNumber })}</Badge> : null}
          {prompt.guest.vip > 0 ? <Badge color="yellow" c="dark" variant="filled">VIP {prompt.guest.vip}</Badge> : null}
          {open ? (
            <Text size="sm" c={due < 0 ? contrast.danger : 'dimmed'} fw={due < 0 ? 700 : 400}>
              {due < 0 ? t('board.overdue', { count: -due }) : t('board.dueIn', { count: due, time: time(prompt.dueAt) })}
            </Text>
          ) : null}
        </Group>
        {prompt.reason ? (
          <Text size="xs" c="dimmed">
            {t('board.because', {
              preference: `${label(prompt.reason.category, prompt.reason.code)}: ${label(prompt.reason.category, prompt.reason.code, prompt.reason.value)}`,
              strength: t(`strength.${prompt.reason.strength}`),
            })}
            {prompt.reason.note ? ` — ${prompt.reason.note}` : ''}
          </Text>
        ) : null}
        {prompt.acknowledged ? <Text size="xs">{t('board.acknowledgedBy', { name: prompt.acknowledged.by, time: time(prompt.acknowledged.at) })}</Text> : null}
        {prompt.done ? <Text size="xs">{t('board.doneBy', { name: prompt.done.by, time: time(prompt.done.at) })}</Text> : null}
        {prompt.declined ? <Text size="xs">{t('board.declinedBy', { name: prompt.declined.by, time: time(prompt.declined.at), reason: prompt.declined.reason })}</Text> : null}
        {prompt.status === 'cancelled' ? <Text size="xs">{t('board.cancelled')}</Text> : null}
        {open ? (
          <Group gap="xs">
            {prompt.status === 'open' ? (
              <Button size="xs" variant="default" onClick={onAcknowledge} loading={busy}>{t('board.acknowledge')}</Button>
            ) : (
              <Badge variant="light" color="indigo">{t('status.acknowledged')}</Badge>
            )}
            <Button size="xs" color="teal.9" onClick={onDone} loading={busy}>{t('board.done')}</Button>
            <Button size="xs" variant="subtle" color="red" c={contrast.danger} onClick={onDecline} disabled={busy}>{t('board.decline')}</Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  )
}
