import { Alert, Button, Checkbox, Fieldset, Group, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput, Title } from '@mantine/core'
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestCard } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { fieldErrors, refusalMessage } from './profile-errors'
import { toForm, toPatch, type GuestForm } from './guest-form'
import { useProfileMutation } from './use-profile-mutation'
import { IdentityDocumentField } from './IdentityDocumentField'
import { useVocabularyTree } from '../../api/vocabulary-tree'
import { notify } from '../../components/notify'

type TextField = { [K in keyof GuestForm]: GuestForm[K] extends string ? K : never }[keyof GuestForm]

/** Every guest field, editable. A refused save keeps what was typed and marks the fields to fix. */
export function GuestDetailsForm({ guest }: { guest: GuestCard['guest'] }) {
  const { t } = useTranslation()
  const { valuesOf } = useVocabularyTree()
  const saved = useMemo(() => toForm(guest), [guest])
  // Only what the person typed; everything else follows the stored profile (so an undo shows at once).
  const [draft, setDraft] = useState<Partial<GuestForm>>({})
  const [fixed, setFixed] = useState<Set<string>>(new Set())
  const form: GuestForm = { ...saved, ...draft }
  const patch = toPatch(form, saved)
  const dirty = Object.keys(patch).length > 0
  // Keep languages the vocabulary does not know yet (e.g. "pt"), so saving never drops them.
  const known = valuesOf('service', 'language')
  const languageChoices = [...known, ...form.languages.filter((l) => !known.some((k) => k.value === l)).map((l) => ({ value: l, label: l }))]
  const label = (field: string) => t(`profile.field.${field}`, { defaultValue: field })

  const save = useProfileMutation(guest.id, () => call('guest.update', { guestId: guest.id, fields: patch }), () => {
    setDraft({})
    notify({ color: 'green', message: t('profile.saved') })
  })
  const errors = Object.fromEntries(Object.entries(fieldErrors(t, save.error)).filter(([f]) => !fixed.has(f)))
  const set = <K extends keyof GuestForm>(field: K, value: GuestForm[K]) => {
    setDraft((d) => ({ ...d, [field]: value }))
    setFixed((s) => new Set(s).add(field))
  }
  const text = (field: TextField, extra: { type?: string; required?: boolean; description?: string } = {}) => (
    <TextInput label={label(field)} value={form[field]} error={errors[field]} onChange={(e) => set(field, e.currentTarget.value)} {...extra} />
  )
  const formRef = useRef<HTMLFormElement>(null)
  // Refused: once the errors show, take the keyboard to the first field to fix.
  const [refusals, setRefusals] = useState(0)
  useEffect(() => {
    if (refusals) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [refusals])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setFixed(new Set())
    save.mutate(undefined, { onError: () => setRefusals((n) => n + 1) })
  }
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4" id="details-title">{t('profile.details')}</Title>
        <Fieldset legend={t('profile.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('nativeName', { required: true })}
            {text('romanName')}
            <Select label={label('salutation')} data={['mr', 'ms', 'mrs', 'dr', 'prof'].map((v) => ({ value: v, label: t(`salutation.${v}`) }))} value={form.salutation} onChange={(v) => set('salutation', v)} clearable error={errors.salutation} />
            <Select label={label('gender')} data={['m', 'f', 'x'].map((v) => ({ value: v, label: t(`profile.gender.${v}`) }))} value={form.gender} onChange={(v) => set('gender', v)} clearable error={errors.gender} />
            {text('birthDate', { type: 'date' })}
            {text('nationality', { description: t('profile.nationalityHint') })}
            {text('homeCity')}
          </SimpleGrid>
          <IdentityDocumentField
            guestId={guest.id}
            onFile={guest.document}
            type={form.documentType}
            number={form.documentNo}
            remove={form.documentRemove}
            saveError={save.error}
            onType={(v) => set('documentType', v)}
            onNumber={(v) => set('documentNo', v)}
            onRemove={(v) => set('documentRemove', v)}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('profile.contact')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {text('phone', { type: 'tel' })}
            {text('email', { type: 'email' })}
            <MultiSelect label={label('languages')} data={languageChoices} value={form.languages} onChange={(v) => set('languages', v)} error={errors.languages} searchable />
            <Select label={label('vip')} data={['0', '1', '2', '3'].map((v) => ({ value: v, label: t(`profile.vipLevel.${v}`) }))} value={form.vip} onChange={(v) => set('vip', v ?? '0')} allowDeselect={false} error={errors.vip} />
            {text('occupation')}
            {text('company')}
          </SimpleGrid>
          <Textarea mt="sm" label={label('notes')} value={form.notes} error={errors.notes} onChange={(e) => set('notes', e.currentTarget.value)} autosize minRows={2} />
        </Fieldset>
        <Fieldset legend={t('profile.restrictionLegend')}>
          <Stack gap="xs">
            <Checkbox label={label('restricted')} description={t('profile.restrictedHint')} checked={form.restricted} onChange={(e) => set('restricted', e.currentTarget.checked)} />
            <Textarea label={label('restrictionNote')} value={form.restrictionNote} error={errors.restrictionNote} onChange={(e) => set('restrictionNote', e.currentTarget.value)} autosize minRows={1} />
          </Stack>
        </Fieldset>
        {save.isError ? <Alert color="red" role="alert" title={t('profile.notSaved')}>{refusalMessage(t, save.error, label)}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" disabled={!dirty} onClick={() => { setDraft({}); save.reset() }}>{t('profile.discard')}</Button>
          <Button type="submit" disabled={!dirty} loading={save.isPending}>{t('profile.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
