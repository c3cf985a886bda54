import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { useFormatWhen } from './when'
import { contrast } from '../board/contrast'

const look: Record<ObservationView['status'], { color: string; mark: string }> = {
  new: { color: contrast.muted, mark: '…' },
  accepted: { color: contrast.success, mark: '✓' },
  merged: { color: contrast.info, mark: '⇄' },
  rejected: { color: contrast.danger, mark: '✗' },
}

/** The status in words (with a mark), never by colour alone. */
export function StatusBadge({ status }: { status: ObservationView['status'] }) {
  const { t } = useTranslation()
  return (
    // Outline, not light: a light badge's tinted background fails AA contrast.
    <Badge color={look[status].color} variant="outline" data-testid="observation-status">
      <span aria-hidden>{look[status].mark} </span>
      {t(`feedback.status.${status}`)}
    </Badge>
  )
}

/** What became of an observation, and who decided: the feedback its author reads. */
export function Outcome({ observation }: { observation: ObservationView }) {
  const { t } = useTranslation()
  const formatWhen = useFormatWhen()
  const by = { name: observation.reviewedBy ?? '', time: observation.reviewedAt ? formatWhen(observation.reviewedAt) : '' }
  const text =
    observation.status === 'new'
      ? t('feedback.waiting')
      : observation.status === 'rejected'
        ? t('feedback.rejected', { ...by, reason: observation.rejectReason ?? '' })
        : t(`feedback.${observation.status}`, by)
  return (
    <Text size="sm" c={observation.status === 'rejected' ? contrast.danger : undefined} data-testid="observation-outcome">
      {text}
    </Text>
  )
}
