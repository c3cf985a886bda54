import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseStepKey, CaseView, CompensationKind } from '../../../electron/core/recovery/recovery.types'
import { compensationKinds } from './recovery-words'
import { departmentChoices } from '../../api/department-labels'
import { useDepartments, useDepartmentWording } from '../../api/reference-data'
import { useHotelTime } from '../../app/hotel-time'
import { addDaysTo } from '../../app/hotel-time-format'
import { BusinessDateField } from '../../components/BusinessDateField'
import { takeStep, type StepInput } from './recovery-api'
import { formatMoney, toMinor } from './recovery-money'
import { refusedFields, type RecoveryField } from './recovery-errors'
import { stepProblems, type StepProblem } from './step-checks'
import { earlierOpenSteps } from './recovery-steps'
import { hotelInstant } from './recovery-time'
import { useRefusal } from './use-recovery'

const shownFields: readonly RecoveryField[] = ['note', 'outOfOrderReason', 'compensationKind', 'compensationValue', 'promiseText', 'promiseDueDate', 'promiseDepartment', 'followUpAt', 'step']

interface Draft {
  note: string
  skipped: boolean
  outOfOrderReason: string
  compensationKind: CompensationKind
  value: string
  promiseText: string
  promiseDueDate: string
  promiseDepartment: string
  followUpDate: string
  followUpTime: string
  followedUpNow: boolean
}

/**
 * Records one step of a case: a note; the solution; the compensation (kind and value, typed in the
 * hotel's currency); the promise (text, due date, department); the follow-up (date and time at
 * the hotel). Skipping needs a reason, and so does a step taken before an earlier one.
 */
export function StepForm({ view, step, onSaved, onCancel, followedUpNow = false }: { view: CaseView; step: CaseStepKey; onSaved: (next: CaseView) => void; onCancel: () => void; followedUpNow?: boolean }) {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  const today = hotelTime.clock?.businessDate ?? ''
  const zone = hotelTime.clock?.timeZone ?? 'Asia/Shanghai'
  const departments = useDepartments()
  const choices = departmentChoices(departments.data ?? [], useDepartmentWording())
  const earlier = earlierOpenSteps(view.steps, step)
  const [draft, setDraft] = useState<Draft>({
    note: '', skipped: false, outOfOrderReason: '', compensationKind: 'amenity', value: '',
    promiseText: '', promiseDueDate: today, promiseDepartment: view.department,
    followUpDate: today ? addDaysTo(today, 1) : '', followUpTime: '10:00', followedUpNow,
  })
  const [tried, setTried] = useState(false)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const minor = toMinor(draft.value, view.currency)
  const followUpAt = hotelInstant(draft.followUpDate, draft.followUpTime, zone)
  const problemList = stepProblems(
    { ...draft, step, outOfOrder: earlier.length > 0, currency: view.currency },
    hotelTime.clock ? { businessDate: today, timeZone: zone, now: new Date() } : null,
  )
  const problems: Partial<Record<StepProblem['field'], string>> = {}
  for (const p of problemList) {
    problems[p.field] ??= p.key === 'valueTooLarge'
      ? t('recovery.step.valueTooLarge', { max: formatMoney(Number(p.values?.maxMinor), view.currency, i18n.language) })
      : t(`recovery.step.${p.key}`, p.values)
  }
  const formRef = useRef<HTMLFormElement>(null)
  /** Puts the cursor in the field a problem or a refusal names (the first, in the form's order). */
  const focusField = (field: string) => {
    if (field === 'followUpAt' && /^([01]\d|2[0-3]):[0-5]\d$/.test(draft.followUpTime.trim())) field = 'followUpDate'
    const el = formRef.current?.querySelector<HTMLElement>(`[name="${field}"], [data-field="${field}"] input`)
    el?.focus()
  }

  const save = useMutation({
    mutationFn: () => {
      const input: StepInput = { caseId: view.id, step }
      if (draft.note.trim()) input.note = draft.note.trim()
      if (draft.skipped) input.skipped = true
      if (earlier.length > 0) input.outOfOrderReason = draft.outOfOrderReason.trim()
      if (!draft.skipped && step === 'compensation') input.compensation = { kind: draft.compensationKind, valueMinor: minor ?? -1 }
      if (!draft.skipped && step === 'promise') input.promise = { text: draft.promiseText.trim(), dueDate: draft.promiseDueDate, department: draft.promiseDepartment }
      if (!draft.skipped && step === 'follow_up' && !draft.followedUpNow && followUpAt) input.followUp = { at: followUpAt }
      return takeStep(input)
    },
    onSuccess: onSaved,
    onError: (error) => {
      const first = refusedFields(error).find((f) => shownFields.includes(f))
      if (first) setTimeout(() => focusField(first), 0)
    },
  })
  const refusal = useRefusal(save.error, shownFields)
  const fieldError = (name: StepProblem['field']) => (tried ? problems[name] : undefined) ?? refusal.field(name)

  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    setTried(true)
    if (problemList.length > 0) focusField(problemList[0].field)
    else if (!save.isPending) save.mutate()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.nativeEvent.isComposing) {
      e.preventDefault()
      submit()
    }
    if (e.key === 'Escape') onCancel()
  }
  const stepName = t(`recovery.steps.${step}.name`)

  return (
    <form ref={formRef} onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('recovery.step.formLabel', { step: stepName })} data-testid="step-form">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t(`recovery.steps.${step}.hint`)}</Text>
        {earlier.length > 0 ? (
          <TextInput
            name="outOfOrderReason"
            label={t('recovery.step.outOfOrder', { steps: earlier.map((s) => t(`recovery.steps.${s}.name`)).join(t('recovery.listSeparator')) })}
            description={t('recovery.step.outOfOrderHint')}
            value={draft.outOfOrderReason}
            onChange={(e) => set({ outOfOrderReason: e.currentTarget.value })}
            required
            maxLength={500}
            data-autofocus
            error={fieldError('outOfOrderReason')}
          />
        ) : null}
        <Switch label={t('recovery.step.skip')} checked={draft.skipped} onChange={(e) => set({ skipped: e.currentTarget.checked })} />
        {!draft.skipped && step === 'compensation' ? (
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <NativeSelect
              name="compensationKind"
              label={t('recovery.step.compensationKind')}
              data={compensationKinds.map((k) => ({ value: k, label: t(`recovery.compensation.${k}`) }))}
              value={draft.compensationKind}
              onChange={(e) => set({ compensationKind: e.currentTarget.value as CompensationKind })}
              error={refusal.field('compensationKind')}
            />
            <TextInput
              name="compensationValue"
              label={t('recovery.step.compensationValue', { currency: view.currency })}
              description={minor !== null ? formatMoney(minor, view.currency, i18n.language) : t('recovery.step.valueHint')}
              value={draft.value}
              onChange={(e) => set({ value: e.currentTarget.value })}
              inputMode="decimal"
              required
              error={fieldError('compensationValue')}
            />
          </SimpleGrid>
        ) : null}
        {!draft.skipped && step === 'promise' ? (
          <>
            <TextInput
              name="promiseText"
              label={t('recovery.step.promiseText')}
              placeholder={t('recovery.step.promisePlaceholder')}
              value={draft.promiseText}
              onChange={(e) => set({ promiseText: e.currentTarget.value })}
              required
              maxLength={300}
              error={fieldError('promiseText')}
            />
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <div data-field="promiseDueDate">
                <BusinessDateField label={t('recovery.step.promiseDueDate')} value={draft.promiseDueDate} onChange={(promiseDueDate) => set({ promiseDueDate })} error={Boolean(fieldError('promiseDueDate'))} />
                {fieldError('promiseDueDate') ? <Text size="xs" c="var(--mantine-color-error)" role="alert">{fieldError('promiseDueDate')}</Text> : null}
              </div>
              <NativeSelect
                name="promiseDepartment"
                label={t('recovery.step.promiseDepartment')}
                data={choices}
                value={draft.promiseDepartment}
                onChange={(e) => set({ promiseDepartment: e.currentTarget.value })}
                error={refusal.field('promiseDepartment')}
              />
            </SimpleGrid>
          </>
        ) : null}
        {!draft.skipped && step === 'follow_up' ? (
          <>
            <Switch label={t('recovery.step.followedUpNow')} checked={draft.followedUpNow} onChange={(e) => set({ followedUpNow: e.currentTarget.checked })} />
            {!draft.followedUpNow ? (
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <div data-field="followUpDate">
                  <BusinessDateField label={t('recovery.step.followUpDate')} value={draft.followUpDate} onChange={(followUpDate) => set({ followUpDate })} error={Boolean(fieldError('followUpAt'))} />
                </div>
                <TextInput
                  name="followUpAt"
                  label={t('recovery.step.followUpTime')}
                  description={t('recovery.step.followUpTimeHint')}
                  value={draft.followUpTime}
                  onChange={(e) => set({ followUpTime: e.currentTarget.value })}
                  placeholder="10:00"
                  inputMode="numeric"
                  maxLength={5}
                  required
                  error={fieldError('followUpAt')}
                />
              </SimpleGrid>
            ) : null}
          </>
        ) : null}
        <Textarea
          name="note"
          label={draft.skipped ? t('recovery.step.skipReason') : t(`recovery.steps.${step}.noteLabel`)}
          value={draft.note}
          onChange={(e) => set({ note: e.currentTarget.value })}
          required={draft.skipped}
          autosize
          minRows={2}
          maxRows={5}
          maxLength={1000}
          data-autofocus={earlier.length === 0 ? true : undefined}
          error={fieldError('note')}
        />
        {refusal.general || refusal.field('step') ? <Alert color="red" role="alert" title={t('recovery.step.notSaved')}>{refusal.general ?? refusal.field('step')}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>{t('recovery.cancel')}</Button>
          <Button type="submit" loading={save.isPending} aria-keyshortcuts="Control+Enter">
            {draft.skipped ? t('recovery.step.saveSkip') : step === 'promise' ? t('recovery.step.savePromise') : step === 'follow_up' && !draft.followedUpNow ? t('recovery.step.saveFollowUp') : t('recovery.step.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
