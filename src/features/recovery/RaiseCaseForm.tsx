import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CaseCategory, CaseKind, CaseSeverity, RaisedFrom } from '../../../electron/core/recovery/recovery.types'
import { caseCategories, caseKinds, caseSeverities } from './recovery-words'
import { departmentChoices } from '../../api/department-labels'
import { useDepartments, useDepartmentWording } from '../../api/reference-data'
import { notify } from '../../components/notify'
import { isCaseView, raiseCase, type RaisedByRoom } from './recovery-api'
import type { CaseView } from './recovery-api'
import { useRefreshRecovery, useRefusal } from './use-recovery'
import { ChoiceButtons } from './ChoiceButtons'
import { refusedFields, type RecoveryField } from './recovery-errors'

interface Draft {
  roomNumber: string
  description: string
  kind: CaseKind
  category: CaseCategory | ''
  severity: CaseSeverity
  department: string
}

export interface RaiseCaseFormProps {
  /** The stay, when known (desk, guest card); without it the form asks for the room (a board). */
  stay?: { stayId: number; guestId: number }
  from: RaisedFrom
  /** The department concerned, chosen first (a board's own department). */
  department?: string
  onRaised?: (answer: CaseView | RaisedByRoom) => void
  onCancel?: () => void
}

/**
 * Report a problem in a few seconds: what happened, complaint or incident, category, severity
 * and the department concerned. Enter in a single-line field or Ctrl+Enter anywhere sends; on a
 * refusal every word typed stays, and the field at fault says why.
 */
export function RaiseCaseForm({ stay, from, department, onRaised, onCancel }: RaiseCaseFormProps) {
  const { t } = useTranslation()
  const departments = useDepartments()
  const wording = useDepartmentWording()
  const choices = departmentChoices(departments.data ?? [], wording)
  const refresh = useRefreshRecovery()
  const byRoom = !stay
  const [draft, setDraft] = useState<Draft>({ roomNumber: '', description: '', kind: byRoom ? 'incident' : 'complaint', category: '', severity: 'minor', department: department ?? '' })
  const [tried, setTried] = useState(false)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const roomRef = useRef<HTMLInputElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const departmentRef = useRef<HTMLSelectElement>(null)
  const categoryRef = useRef<HTMLButtonElement>(null)
  const refs: Partial<Record<RecoveryField, { current: HTMLElement | null }>> = { roomNumber: roomRef, description: textRef, department: departmentRef, category: categoryRef }

  const raise = useMutation({
    mutationFn: () =>
      raiseCase({
        ...(stay ? { stayId: stay.stayId, guestId: stay.guestId } : { roomNumber: draft.roomNumber.trim() }),
        kind: draft.kind,
        category: draft.category as CaseCategory,
        severity: draft.severity,
        department: draft.department,
        description: draft.description.trim(),
        raisedFrom: from,
      }),
    onSuccess: async (answer) => {
      notify({
        color: 'green',
        title: t('recovery.raise.sentTitle'),
        message: isCaseView(answer) ? t('recovery.raise.sent', { id: answer.id }) : t('recovery.raise.sentByRoom', { room: answer.roomNumber ?? draft.roomNumber.trim() }),
      })
      await refresh()
      onRaised?.(answer)
    },
    // A refusal that names a field puts the cursor there (a room not found: the Room field).
    onError: (error) => {
      const first = refusedFields(error).map((f) => refs[f]?.current).find(Boolean)
      if (first) setTimeout(() => first.focus(), 0)
    },
  })
  const refusal = useRefusal(raise.error, ['roomNumber', 'stayId', 'guestId', 'description', 'kind', 'category', 'severity', 'department'])

  const roomMissing = byRoom && draft.roomNumber.trim() === ''
  const textMissing = draft.description.trim().length === 0
  const departmentMissing = draft.department === ''
  const categoryMissing = draft.category === ''
  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    setTried(true)
    if (roomMissing) roomRef.current?.focus()
    else if (textMissing) textRef.current?.focus()
    else if (categoryMissing) categoryRef.current?.focus()
    else if (departmentMissing) departmentRef.current?.focus()
    else if (!raise.isPending) raise.mutate()
  }
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.defaultPrevented) return
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault()
      submit()
    }
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('recovery.raise.formLabel')} data-testid="raise-case-form">
      <Stack gap="sm">
        {byRoom ? (
          <TextInput
            ref={roomRef}
            name="roomNumber"
            label={t('recovery.raise.room')}
            description={t('recovery.raise.roomHint')}
            value={draft.roomNumber}
            onChange={(e) => {
              set({ roomNumber: e.currentTarget.value })
              if (raise.isError) raise.reset() // the refusal was about the room typed before
            }}
            inputMode="text"
            autoComplete="off"
            required
            maxLength={10}
            data-autofocus
            error={(tried && roomMissing ? t('recovery.raise.roomMissing') : undefined) ?? refusal.field('roomNumber')}
          />
        ) : null}
        <Textarea
          ref={textRef}
          name="description"
          label={t('recovery.raise.what')}
          placeholder={t('recovery.raise.whatPlaceholder')}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={2000}
          data-autofocus={byRoom ? undefined : true}
          error={(tried && textMissing ? t('recovery.raise.whatMissing') : undefined) ?? refusal.field('description')}
        />
        <div>
          <ChoiceButtons
            name="kind"
            label={t('recovery.raise.kind')}
            choices={caseKinds.map((k) => ({ value: k, label: t(`recovery.kind.${k}`) }))}
            value={draft.kind}
            onChange={(kind) => set({ kind })}
            cols={{ base: 2, xs: 2 }}
            error={refusal.field('kind')}
          />
          <Text size="xs" c="dimmed" mt={2}>{t(`recovery.kindHint.${draft.kind}`)}</Text>
        </div>
        <ChoiceButtons
          ref={categoryRef}
          name="category"
          label={t('recovery.raise.category')}
          choices={caseCategories.map((c) => ({ value: c, label: t(`recovery.category.${c}`) }))}
          value={draft.category}
          onChange={(category) => set({ category })}
          required
          cols={{ base: 3, xs: 6 }}
          error={(tried && categoryMissing ? t('recovery.raise.categoryMissing') : undefined) ?? refusal.field('category')}
        />
        <NativeSelect
          ref={departmentRef}
          name="department"
          label={t('recovery.raise.department')}
          data={[{ value: '', label: t('recovery.raise.chooseDepartment'), disabled: true }, ...choices]}
          value={draft.department}
          onChange={(e) => set({ department: e.currentTarget.value })}
          required
          error={(tried && departmentMissing ? t('recovery.raise.departmentMissing') : undefined) ?? refusal.field('department')}
        />
        <ChoiceButtons
          name="severity"
          label={t('recovery.raise.severity')}
          choices={caseSeverities.map((v) => ({ value: v, label: t(`recovery.severity.${v}`) }))}
          value={draft.severity}
          onChange={(severity) => set({ severity })}
          error={refusal.field('severity')}
        />
        {refusal.general || refusal.field('stayId') || refusal.field('guestId') ? (
          <Alert color="red" role="alert" title={t('recovery.raise.notSent')}>
            {refusal.general ?? refusal.field('stayId') ?? refusal.field('guestId')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {onCancel ? <Button variant="default" onClick={onCancel}>{t('recovery.cancel')}</Button> : null}
          <Button type="submit" loading={raise.isPending} aria-keyshortcuts="Control+Enter">{t('recovery.raise.send')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
