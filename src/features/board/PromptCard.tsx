import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PromptView } from '../../../electron/core/prompts/prompt.view'
import { useVocabulary } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'
import { GuestName } from '../../components/guest-name'
import { pick } from '../../i18n'
import { AssignMenu } from './AssignMenu'
import { doneLateBy, promiseState } from './board-order'
import { contrast } from './contrast'

// Text shades chosen for AA contrast on each badge's background (Mantine's light orange and gray fail it).
const priorityLook: Record<string, { color: string; variant: 'filled' | 'light'; c?: string }> = {
  urgent: { color: 'red.9', variant: 'filled' },
  high: { color: 'orange', variant: 'light', c: contrast.warning },
  normal: { color: 'indigo', variant: 'light' },
  low: { color: 'gray', variant: 'light', c: contrast.quiet },
}

export function PromptCard({
  prompt,
  now,
  onAcknowledge,
  onDone,
  onDecline,
  onAssign,
  busy,
  fresh = false,
  myStaffId,
  handsOut = false,
}: {
  prompt: PromptView
  now: number
  /** Arrived while the board was open and nobody has taken it up yet. */
  fresh?: boolean
  onAcknowledge: () => void
  onDone: () => void
  onDecline: () => void
  /** Assign the prompt to an attendant (null: to no one); absent where assigning is not offered. */
  onAssign?: (staffId: number | null) => void
  busy: boolean
  myStaffId?: number
  /** The signed-in role may hand prompts to others (see AssignMenu). */
  handsOut?: boolean
}) {
  const { t, i18n } = useTranslation()
  const { label } = useVocabulary()
  const { time, when } = useHotelTime()
  const open = prompt.status === 'open' || prompt.status === 'acknowledged'
  const standing = prompt.kind === 'standing'
  const promise = promiseState(prompt, now)
  const late = doneLateBy(prompt)
  const escalated = prompt.escalatedAt !== null
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
      data-kind={prompt.kind}
      data-escalated={escalated ? prompt.escalationLevel : undefined}
      data-fresh={fresh || undefined}
      style={
        fresh
          ? { borderColor: 'var(--mantine-color-teal-8)', borderWidth: 2 }
          : escalated && open
            ? { borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 }
            : standing
              ? { borderLeft: '4px solid var(--mantine-color-indigo-7)' }
              : undefined
      }
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={650} id={`prompt-${prompt.id}`} style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
            {pick(prompt.text, i18n.language)}
          </Text>
          <Badge {...(priorityLook[prompt.priority] ?? priorityLook.normal)} style={{ flexShrink: 0 }}>
            {t(`priority.${prompt.priority}`)}
          </Badge>
        </Group>
        <Group gap="xs" wrap="wrap">
          {fresh ? <Badge color="teal.9" variant="filled">{t('live.new')}</Badge> : null}
          {standing ? <Badge color="indigo.8" variant="filled">{t('board.standingBadge')}</Badge> : null}
          {escalated ? (
            <Badge color="red.9" variant="filled" data-testid="escalated" title={t('board.escalatedAt', { time: when(prompt.escalatedAt!) })}>
              {prompt.escalationLevel > 0 ? t('board.escalatedLevel', { level: prompt.escalationLevel }) : t('board.escalated')}
            </Badge>
          ) : null}
          <GuestName guest={prompt.guest} size="sm" />
          {prompt.roomNumber ? <Badge variant="outline">{t('board.room', { room: prompt.roomNumber })}</Badge> : null}
          {prompt.guest.vip > 0 ? <Badge color="yellow" c="dark" variant="filled">VIP {prompt.guest.vip}</Badge> : null}
          {promise.state === 'overdue' ? (
            <Text size="sm" c={contrast.danger} fw={700} data-testid="overdue">{t('board.overdue', { count: promise.minutes })}</Text>
          ) : promise.state === 'due' ? (
            <Text size="sm" c="dimmed">{t('board.dueIn', { count: promise.minutes, time: time(prompt.dueAt) })}</Text>
          ) : null}
        </Group>
        {standing && open ? <Text size="xs" c="dimmed">{t('board.standingHint')}</Text> : null}
        {prompt.reason ? (
          <Text size="xs" c="dimmed">
            {t('board.because', {
              preference: `${label(prompt.reason.category, prompt.reason.code)}: ${label(prompt.reason.category, prompt.reason.code, prompt.reason.value)}`,
              strength: t(`strength.${prompt.reason.strength}`),
            })}
            {prompt.reason.note ? ` — ${prompt.reason.note}` : ''}
          </Text>
        ) : null}
        {prompt.lateMinutes ? <Text size="xs" c={contrast.warning}>{t('board.firedLate', { count: prompt.lateMinutes })}</Text> : null}
        {prompt.assignedTo ? (
          <Text size="xs" fw={600} data-testid="assigned">
            {prompt.assignedTo.id === myStaffId ? t('board.assignedToMe') : t('board.assignedTo', { name: prompt.assignedTo.name })}
          </Text>
        ) : null}
        {prompt.acknowledged ? <Text size="xs">{t('board.acknowledgedBy', { name: prompt.acknowledged.by, time: when(prompt.acknowledged.at) })}</Text> : null}
        {prompt.done ? <Text size="xs">{t('board.doneBy', { name: prompt.done.by, time: when(prompt.done.at) })}</Text> : null}
        {late !== null ? <Text size="xs" c={contrast.danger} fw={700} data-testid="done-late">{t('board.doneLate', { count: late })}</Text> : null}
        {prompt.declined ? <Text size="xs">{t('board.declinedBy', { name: prompt.declined.by, time: when(prompt.declined.at), reason: prompt.declined.reason })}</Text> : null}
        {prompt.status === 'cancelled' ? <Text size="xs">{standing ? t('board.standingClosed') : t('board.cancelled')}</Text> : null}
        {open ? (
          <Group gap="xs" wrap="wrap">
            {prompt.status === 'open' ? (
              <Button size="xs" variant="default" onClick={onAcknowledge} loading={busy}>{t('board.acknowledge')}</Button>
            ) : (
              <Badge variant="light" color="indigo">{t('status.acknowledged')}</Badge>
            )}
            {/* A standing instruction is acknowledged once and stays until the guest leaves: no Done. */}
            {standing ? null : <Button size="xs" color="teal.9" onClick={onDone} loading={busy}>{t('board.done')}</Button>}
            {standing || !onAssign ? null : <AssignMenu prompt={prompt} myStaffId={myStaffId} onAssign={onAssign} disabled={busy} handsOut={handsOut} />}
            {standing ? null : <Button size="xs" variant="subtle" color="red" c={contrast.danger} onClick={onDecline} disabled={busy}>{t('board.decline')}</Button>}
          </Group>
        ) : null}
      </Stack>
    </Card>
  )
}
