import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CaseStepKey, CaseStepView, CaseView } from '../../../electron/core/recovery/recovery.types'
import { useDepartmentName } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'
import { formatMoney } from './recovery-money'
import { stepState, type StepState } from './recovery-steps'

const stateColor: Record<StepState, string> = { done: 'green', skipped: 'gray', waiting: 'blue', next: 'orange', later: 'gray' }

interface Actions {
  onRecord: (step: CaseStepKey) => void
  onKeepPromise: () => void
  onFollowedUp: () => void
  busy: boolean
}

/** The six steps in the hotel's words, each with who and when; `actions` for those who work the case. */
export function StepChecklist({ view, actions }: { view: CaseView; actions: Actions | null }) {
  const { t } = useTranslation()
  return (
    <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('recovery.case.stepsTitle')}>
      {[...view.steps].sort((a, b) => a.position - b.position).map((s) => (
        <StepRow key={s.step} view={view} step={s} actions={actions} />
      ))}
    </Stack>
  )
}

function StepRow({ view, step, actions }: { view: CaseView; step: CaseStepView; actions: Actions | null }) {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  const departmentName = useDepartmentName()
  const state = stepState(view.steps, step)
  const open = view.status === 'open'
  return (
    <Paper component="li" withBorder p="sm" data-testid="case-step" data-step={step.step} data-state={state}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Group gap="xs">
            <Text fw={700}>{t('recovery.case.stepTitle', { position: step.position, name: t(`recovery.steps.${step.step}.name`) })}</Text>
            <Badge c="var(--mantine-color-text)" color={stateColor[state]} variant="light" tt="none" data-testid="step-state">{t(`recovery.stepState.${state}`)}</Badge>
          </Group>
          {step.doneAt ? (
            <Text size="sm" data-testid="step-who">
              {t(step.skipped ? 'recovery.case.skippedBy' : 'recovery.case.doneBy', { name: step.doneBy?.name ?? '—', when: hotelTime.dateTime(step.doneAt) })}
            </Text>
          ) : null}
          {step.compensation ? (
            <Text size="sm" data-testid="step-compensation">
              {t('recovery.case.compensationGiven', { kind: t(`recovery.compensation.${step.compensation.kind}`), value: formatMoney(step.compensation.valueMinor, step.compensation.currency, i18n.language) })}
            </Text>
          ) : null}
          {step.promise ? (
            <Text size="sm" data-testid="step-promise">
              {t(step.promise.keptAt ? 'recovery.case.promiseKept' : 'recovery.case.promiseMade', {
                text: step.promise.text,
                due: hotelTime.date(step.promise.dueDate),
                department: departmentName(step.promise.department),
                kept: step.promise.keptAt ? hotelTime.dateTime(step.promise.keptAt) : '',
              })}
            </Text>
          ) : null}
          {step.followUp ? (
            <Text size="sm" data-testid="step-follow-up">{t('recovery.case.followUpAt', { when: hotelTime.dateTime(step.followUp.at) })}</Text>
          ) : null}
          {step.note ? <Text size="sm" c="dimmed">{step.skipped ? t('recovery.case.skipReason', { note: step.note }) : step.note}</Text> : null}
          {step.outOfOrderReason ? <Text size="sm" c="dimmed" fs="italic">{t('recovery.case.outOfOrderReason', { reason: step.outOfOrderReason })}</Text> : null}
        </Stack>
        {actions && open ? (
          <Group gap="xs">
            {state === 'next' || state === 'later' ? (
              <Button size="xs" variant={state === 'next' ? 'filled' : 'default'} onClick={() => actions.onRecord(step.step)} disabled={actions.busy}
                aria-label={t('recovery.case.recordStep', { name: t(`recovery.steps.${step.step}.name`) })}>
                {t('recovery.case.record')}
              </Button>
            ) : null}
            {state === 'waiting' && step.step === 'promise' ? <Button size="xs" color="green" onClick={actions.onKeepPromise} loading={actions.busy}>{t('recovery.case.keepPromise')}</Button> : null}
            {state === 'waiting' && step.step === 'follow_up' ? <Button size="xs" color="green" onClick={actions.onFollowedUp} loading={actions.busy}>{t('recovery.case.followedUp')}</Button> : null}
          </Group>
        ) : null}
      </Group>
    </Paper>
  )
}
