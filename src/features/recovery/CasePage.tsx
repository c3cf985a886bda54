import { Alert, Anchor, Badge, Button, Grid, Group, Loader, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseStepKey, CaseView } from '../../../electron/core/recovery/recovery.types'
import { call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { managesRecoveryCases } from '../../app/role-abilities'
import { useSession } from '../../app/session'
import { Dialog } from '../../components/Dialog'
import { notify } from '../../components/notify'
import { pick } from '../../i18n'
import { firstResponseOverdue } from './case-order'
import { needsOutOfOrderReason } from './recovery-steps'
import { caseGuestName, severityColor, statusColor } from './case-words'
import { LessonDialog } from './LessonDialog'
import { assignCase, closeCase, getCase, keepPromise, takeStep } from './recovery-api'
import { StepChecklist } from './StepChecklist'
import { StepForm } from './StepForm'
import { useRefreshRecovery } from './use-recovery'

/** #/recovery/<id>: one case, its six steps, its owner; guest relations and managers work it, the desk reads it. */
export function CasePage({ caseId }: { caseId: number }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const departmentName = useDepartmentName()
  const me = useSession().staff
  const acts = me ? managesRecoveryCases(me.role) : false
  const queryClient = useQueryClient()
  const refresh = useRefreshRecovery()
  const valid = Number.isInteger(caseId) && caseId > 0
  const query = useQuery({ queryKey: ['recovery', 'case', caseId], queryFn: () => getCase(caseId), enabled: valid })
  const [recording, setRecording] = useState<CaseStepKey | null>(null)
  // "Followed up" while an earlier step is still open opens the form, which asks why.
  const [followedUpNow, setFollowedUpNow] = useState(false)
  const record = (step: CaseStepKey, now = false) => {
    setFollowedUpNow(now)
    setRecording(step)
  }
  const [lesson, setLesson] = useState(false)
  const [closing, setClosing] = useState(false)

  const saved = async (view: CaseView) => {
    queryClient.setQueryData(['recovery', 'case', caseId], view)
    await refresh()
  }
  const act = useMutation({
    mutationFn: (what: { kind: 'assign'; ownerId: number } | { kind: 'keep' } | { kind: 'followedUp' } | { kind: 'close'; note: string }) => {
      if (what.kind === 'assign') return assignCase(caseId, what.ownerId)
      if (what.kind === 'keep') return keepPromise(caseId)
      if (what.kind === 'followedUp') return takeStep({ caseId, step: 'follow_up' })
      return closeCase(caseId, what.note || undefined)
    },
    onSuccess: async (view, what) => {
      if (what.kind === 'close') setClosing(false)
      notify({ color: 'green', message: t(`recovery.case.saved.${what.kind}`) })
      await saved(view)
    },
  })

  if (!valid || query.isError) {
    return (
      <Stack gap="sm">
        <Title order={1} size="h2">{t('recovery.case.missingTitle')}</Title>
        <Alert color="red" role="alert">{valid ? errorMessage(t, query.error) : t('recovery.case.noCase')}</Alert>
        <Anchor href="#/recovery">{t('recovery.case.back')}</Anchor>
      </Stack>
    )
  }
  const view = query.data
  if (!view) return <Loader aria-label={t('app.loading')} />
  const overdue = firstResponseOverdue(view, new Date())

  return (
    <Stack gap="md" data-testid="case-page">
      <Anchor href="#/recovery" size="sm">{t('recovery.case.back')}</Anchor>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={1} size="h2">{t('recovery.case.title', { id: view.id, category: t(`recovery.category.${view.category}`) })}</Title>
        <Group gap={4}>
          <Badge c="var(--mantine-color-text)" color={statusColor(view.status)} variant="light" tt="none" data-testid="case-status">{t(`recovery.status.${view.status}`)}</Badge>
          {view.recovered ? <Badge c="var(--mantine-color-text)" color="green" variant="outline" tt="none" data-testid="case-recovered">{t('recovery.recovered')}</Badge> : null}
          <Badge c="var(--mantine-color-text)" variant="light" tt="none">{t(`recovery.kind.${view.kind}`)}</Badge>
          <Badge c="var(--mantine-color-text)" color={severityColor(view.severity)} variant="outline" tt="none">{t(`recovery.severity.${view.severity}`)}</Badge>
        </Group>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="case-what">
              <Stack gap={6}>
                <Title order={2} size="h4" id="case-what">{t('recovery.case.what')}</Title>
                <Text style={{ whiteSpace: 'pre-wrap' }} data-testid="case-description">{view.description}</Text>
                <Text size="sm">
                  {view.guestName ? <Anchor href={`#/guest/${view.guestId}`}>{caseGuestName(view, t)}</Anchor> : caseGuestName(view, t)}
                  {view.roomNumber ? ` · ${t('recovery.room', { room: view.roomNumber })}` : ''}
                  {` · ${t('recovery.case.stay', { arrival: hotelTime.date(view.arrival), departure: hotelTime.date(view.departure) })}`}
                </Text>
                <Text size="sm">{t('recovery.case.department', { department: departmentName(view.department) })}</Text>
                <Text size="sm">{t('recovery.raisedBy', { name: view.raisedBy.name, when: hotelTime.dateTime(view.raisedAt) })}</Text>
                <Text size="sm" c={overdue ? 'var(--mantine-color-error)' : undefined} fw={overdue ? 700 : undefined} data-testid="first-response">
                  {view.firstRespondedAt
                    ? t(view.firstResponseLate ? 'recovery.case.respondedLate' : 'recovery.case.responded', { when: hotelTime.dateTime(view.firstRespondedAt), due: hotelTime.dateTime(view.firstResponseDueAt) })
                    : t(overdue ? 'recovery.case.responseOverdue' : 'recovery.case.responseDue', { due: hotelTime.dateTime(view.firstResponseDueAt) })}
                </Text>
                <Text size="sm">
                  {view.resolvedAt ? t('recovery.case.resolvedAt', { when: hotelTime.dateTime(view.resolvedAt) }) : t('recovery.case.resolutionDue', { due: hotelTime.dateTime(view.resolutionDueAt) })}
                </Text>
                {view.closedAt ? <Text size="sm">{t('recovery.case.closedAt', { when: hotelTime.dateTime(view.closedAt) })}</Text> : null}
              </Stack>
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="case-owner">
              <Stack gap="xs">
                <Title order={2} size="h4" id="case-owner">{t('recovery.case.owner')}</Title>
                <Text data-testid="case-owner">{view.owner ? view.owner.name : t('recovery.noOwner')}</Text>
                {acts && view.status !== 'closed' ? <OwnerChoice view={view} myStaffId={me?.staffId} busy={act.isPending} onAssign={(ownerId) => act.mutate({ kind: 'assign', ownerId })} /> : null}
              </Stack>
            </Paper>
            {view.satisfaction.length > 0 ? (
              <Paper withBorder p="md" component="section" aria-labelledby="case-satisfaction">
                <Title order={2} size="h4" id="case-satisfaction">{t('recovery.satisfaction.title')}</Title>
                {view.satisfaction.map((s) => (
                  <Text size="sm" key={s.id}>{t('recovery.satisfaction.score', { score: s.score })}{s.comment ? ` — ${s.comment}` : ''}</Text>
                ))}
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="md" component="section" aria-labelledby="case-steps">
            <Stack gap="sm">
              <Title order={2} size="h4" id="case-steps">{t('recovery.case.stepsTitle')}</Title>
              {!acts ? <Text size="sm" c="dimmed">{t('recovery.case.readOnly')}</Text> : null}
              {act.isError ? <Alert color="red" role="alert">{errorMessage(t, act.error)}</Alert> : null}
              <StepChecklist
                view={view}
                actions={acts ? { onRecord: (step) => record(step), onKeepPromise: () => act.mutate({ kind: 'keep' }), onFollowedUp: () => (needsOutOfOrderReason(view.steps, 'follow_up') ? record('follow_up', true) : act.mutate({ kind: 'followedUp' })), busy: act.isPending } : null}
              />
              {acts ? (
                <Group gap="sm" wrap="wrap">
                  {view.lessonObservationId === null && view.status !== 'closed' ? <Button variant="light" onClick={() => setLesson(true)}>{t('recovery.lesson.button')}</Button> : null}
                  {view.status === 'resolved' ? <Button color="gray" onClick={() => setClosing(true)}>{t('recovery.case.close')}</Button> : null}
                </Group>
              ) : null}
              {view.lessonObservationId !== null ? <Text size="sm" data-testid="lesson-proposed">{t('recovery.lesson.proposed')}</Text> : null}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
      <Dialog opened={recording !== null} onClose={() => setRecording(null)} title={recording ? t('recovery.case.stepTitle', { position: view.steps.find((s) => s.step === recording)?.position ?? '', name: t(`recovery.steps.${recording}.name`) }) : ''} size="lg">
        {recording ? (
          <StepForm
            view={view}
            step={recording}
            followedUpNow={followedUpNow}
            onCancel={() => setRecording(null)}
            onSaved={async (next) => {
              setRecording(null)
              notify({ color: 'green', message: t('recovery.case.saved.step', { name: t(`recovery.steps.${recording}.name`) }) })
              await saved(next)
            }}
          />
        ) : null}
      </Dialog>
      <LessonDialog caseId={view.id} opened={lesson} onClose={() => setLesson(false)} />
      <CloseDialog opened={closing} onClose={() => setClosing(false)} busy={act.isPending} error={act.isError && act.variables?.kind === 'close' ? errorMessage(t, act.error) : null} onConfirm={(note) => act.mutate({ kind: 'close', note })} />
    </Stack>
  )
}

/** Assign to me, or choose someone from the staff directory (core refuses one who may not work cases). */
function OwnerChoice({ view, myStaffId, busy, onAssign }: { view: CaseView; myStaffId?: number; busy: boolean; onAssign: (ownerId: number) => void }) {
  const { t, i18n } = useTranslation()
  const directory = useQuery({ queryKey: ['staff-directory'], queryFn: () => call('staff.directory', {}), staleTime: 5 * 60_000 })
  const [chosen, setChosen] = useState<string | null>(null)
  const data = (directory.data ?? []).map((s) => ({ value: String(s.id), label: `${s.name} · ${pick(s.departmentName, i18n.language)}` }))
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      {myStaffId !== undefined && view.owner?.id !== myStaffId ? (
        <Button size="sm" onClick={() => onAssign(myStaffId)} loading={busy}>{t('recovery.case.assignToMe')}</Button>
      ) : null}
      <Select label={t('recovery.case.chooseOwner')} data={data} value={chosen} onChange={setChosen} searchable w={240} nothingFoundMessage={t('recovery.case.nobodyFound')} />
      <Button size="sm" variant="default" disabled={!chosen} onClick={() => chosen && onAssign(Number(chosen))}>{t('recovery.case.assign')}</Button>
    </Group>
  )
}

function CloseDialog({ opened, onClose, onConfirm, busy, error }: { opened: boolean; onClose: () => void; onConfirm: (note: string) => void; busy: boolean; error: string | null }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  return (
    <Dialog opened={opened} onClose={onClose} title={t('recovery.case.closeTitle')}>
      <form onSubmit={(e) => { e.preventDefault(); onConfirm(note.trim()) }} aria-label={t('recovery.case.closeTitle')}>
        <Stack gap="sm">
          <Text size="sm">{t('recovery.case.closeHint')}</Text>
          <Textarea label={t('recovery.case.closeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} autosize minRows={2} data-autofocus />
          {error ? <Alert color="red" role="alert">{error}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('recovery.cancel')}</Button>
            <Button type="submit" loading={busy}>{t('recovery.case.close')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
