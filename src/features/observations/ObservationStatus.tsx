import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { formatWhen } from './when'

const look: Record<ObservationView['status'], { color: string; mark: string }> = {
  new: { color: 'gray.7', mark: '…' },
  accepted: { color: 'teal.9', mark: '✓' },
  merged: { color: 'indigo.8', mark: '⇄' },
  rejected: { color: 'red.9', mark: '✗' },
}

/** The status in words (with a mark), never by colour alone. */
export function StatusBadge({ status }: { status: ObservationView['status'] }) {
  const { t } = useTranslation()
  return (
    // Outline with dark shades: light badges' tinted background fails AA contrast.
    <Badge color={look[status].color} variant="outline" data-testid="observation-status">
      <span aria-hidden>{look[status].mark} </span>
      {t(`feedback.status.${status}`)}
    </Badge>
  )
}

/** What became of an observation, and who decided: the feedback its author reads. */
export function Outcome({ observation }: { observation: ObservationView }) {
  const { t, i18n } = useTranslation()
  const by = { name: observation.reviewedBy ?? '', time: observation.reviewedAt ? formatWhen(observation.reviewedAt, i18n.language) : '' }
  const text =
    observation.status === 'new'
      ? t('feedback.waiting')
      : observation.status === 'rejected'
        ? t('feedback.rejected', { ...by, reason: observation.rejectReason ?? '' })
        : t(`feedback.${observation.status}`, by)
  return (
    <Text size="sm" c={observation.status === 'rejected' ? 'red.9' : undefined} data-testid="observation-outcome">
      {text}
    </Text>
  )
}
