import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { useDepartmentName } from '../../api/reference-data'
import { GuestName } from '../../components/guest-name'
import { Outcome, StatusBadge } from './ObservationStatus'
import { useSuggestionText } from './suggestion'
import { useFormatWhen } from './when'
import { contrast } from '../board/contrast'
import { useHotelTime } from '../../app/hotel-time'

export type CardAction = 'accept' | 'edit' | 'merge' | 'reject'
const shortcut: Record<string, CardAction> = { a: 'accept', e: 'edit', m: 'merge', r: 'reject' }

interface ObservationCardProps {
  observation: ObservationView
  fresh: boolean
  busy: boolean
  onAction: (action: CardAction) => void
  /** Move focus to the next (+1) or previous (−1) card. */
  onMove: (delta: 1 | -1) => void
}

/** One observation in the inbox: who noticed what about whom, and the four decisions. */
export function ObservationCard({ observation: o, fresh, busy, onAction, onMove }: ObservationCardProps) {
  const { t } = useTranslation()
  const formatWhen = useFormatWhen()
  const departmentName = useDepartmentName()
  const hotelTime = useHotelTime()
  const lesson = o.recoveryCase
  const suggestionText = useSuggestionText()
  const open = o.status === 'new'

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || e.nativeEvent.isComposing) return
    const key = e.key.toLowerCase()
    if (key === 'arrowdown' || key === 'j' || key === 'arrowup' || key === 'k') {
      e.preventDefault()
      onMove(key === 'arrowdown' || key === 'j' ? 1 : -1)
    } else if (open && !busy && shortcut[key] && (key !== 'a' || o.suggestion)) {
      e.preventDefault()
      onAction(shortcut[key])
    }
  }

  return (
    <Paper
      component="article"
      withBorder
      p="sm"
      tabIndex={0}
      aria-labelledby={`observation-${o.id}`}
      aria-describedby={`observation-${o.id}-text`}
      onKeyDown={onKeyDown}
      data-testid="observation"
      data-observation-id={o.id}
      data-status={o.status}
      style={fresh ? { borderColor: 'var(--mantine-color-indigo-6)', boxShadow: '0 0 0 1px var(--mantine-color-indigo-6)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="wrap" align="flex-start">
          <Group gap="xs" wrap="wrap">
            <Title order={3} size="h5" id={`observation-${o.id}`}>
              <GuestName guest={o.guest} />
            </Title>
            {o.roomNumber ? <Badge variant="outline">{t('board.room', { room: o.roomNumber })}</Badge> : <Badge variant="outline" color="gray">{t('inbox.notInHouse')}</Badge>}
            {fresh ? <Badge color="indigo" variant="filled">{t('inbox.justIn')}</Badge> : null}
          </Group>
          {open ? null : <StatusBadge status={o.status} />}
        </Group>
        <Text size="sm" c="dimmed">
          {/* A lesson from a recovery case: its author in their own department, and the case it came from. */}
          {t('inbox.from', { staff: o.staff, department: departmentName(lesson ? o.staffDepartment : o.department) })} · <time dateTime={o.createdAt}>{formatWhen(o.createdAt)}</time>
        </Text>
        {lesson ? (
          <Text size="sm" data-testid="observation-recovery-case">
            <Anchor href={`#/recovery/${lesson.id}`} size="sm">
              {t('inbox.fromRecoveryCase', { id: lesson.id, category: t(`recovery.category.${lesson.category}`), date: hotelTime.date(lesson.raisedOn) })}
            </Anchor>
          </Text>
        ) : null}
        <Text fw={500} id={`observation-${o.id}-text`}>“{o.text}”</Text>
        <Text size="sm" data-testid="observation-suggestion">
          {o.suggestion ? t('observe.suggested', { suggestion: suggestionText(o.suggestion) }) : t('inbox.noSuggestion')}
        </Text>
        {open ? (
          <Group gap="xs" wrap="wrap">
            {o.suggestion ? (
              <Button size="xs" color="teal.9" onClick={() => onAction('accept')} loading={busy} aria-keyshortcuts="A">{t('inbox.accept')}</Button>
            ) : null}
            <Button size="xs" variant="default" onClick={() => onAction('edit')} disabled={busy} aria-keyshortcuts="E">
              {o.suggestion ? t('inbox.edit') : t('inbox.makePreference')}
            </Button>
            <Button size="xs" variant="default" onClick={() => onAction('merge')} disabled={busy} aria-keyshortcuts="M">{t('inbox.merge')}</Button>
            <Button size="xs" variant="subtle" color="red" c={contrast.danger} onClick={() => onAction('reject')} disabled={busy} aria-keyshortcuts="R">{t('inbox.reject')}</Button>
          </Group>
        ) : (
          <Outcome observation={o} />
        )}
      </Stack>
    </Paper>
  )
}
