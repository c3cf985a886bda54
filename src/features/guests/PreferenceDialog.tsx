import { Alert, Button, Group, Radio, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestCard, PreferenceView } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { usePreferenceText } from '../checkin/GuestCardPanel'
import { fieldErrors, refusalMessage } from './profile-errors'
import { useProfileMutation } from './use-profile-mutation'
import { useVocabularyTree } from '../../api/vocabulary-tree'
import { notify } from '../../components/notify'
import { Dialog } from '../../components/Dialog'
import { useHotelTime } from '../../app/hotel-time'

const strengths = ['required', 'preferred', 'avoid', 'never'] as const
type Strength = (typeof strengths)[number]

interface Draft {
  category: string | null
  code: string | null
  value: string
  strength: Strength
  scope: 'always' | 'stay'
  stayId: string | null
  note: string
}

/** Add a preference (category → code → value), or edit one (value, strength, scope, note). */
export function PreferenceDialog({ guestId, stays, editing, onClose }: { guestId: number; stays: GuestCard['stays']; editing: PreferenceView | null; onClose: () => void }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const tree = useVocabularyTree()
  const text = usePreferenceText()
  const openStays = stays.filter((s) => s.status === 'reserved' || s.status === 'in_house')
  const [draft, setDraft] = useState<Draft>(() => ({
    category: editing?.category ?? null,
    code: editing?.code ?? null,
    value: editing?.value ?? '',
    strength: (editing?.strength as Strength) ?? 'preferred',
    scope: (editing?.scope as Draft['scope']) ?? 'always',
    stayId: editing?.stayId ? String(editing.stayId) : openStays[0] ? String(openStays[0].id) : null,
    note: editing?.note ?? '',
  }))
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))
  const label = (field: string) => t(`preference.field.${field}`, { defaultValue: field })
  const values = draft.category && draft.code ? tree.valuesOf(draft.category, draft.code) : []
  const stayId = draft.scope === 'stay' && draft.stayId ? Number(draft.stayId) : null

  const save = useProfileMutation(
    guestId,
    async (): Promise<unknown> =>
      editing
        ? call('preference.update', { preferenceId: editing.id, value: draft.value, strength: draft.strength, scope: draft.scope, stayId, note: draft.note || null })
        : call('preference.add', { guestId, category: draft.category ?? '', code: draft.code ?? '', value: draft.value, strength: draft.strength, scope: draft.scope, stayId, note: draft.note || null }),
    () => {
      notify({ color: 'green', message: editing ? t('preference.updated') : t('preference.added') })
      onClose()
    },
  )
  const errors = fieldErrors(t, save.error)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    save.mutate(undefined)
  }

  return (
    <Dialog opened onClose={onClose} title={editing ? t('preference.editTitle', { preference: text(editing) }) : t('preference.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {editing ? null : (
            <>
              <Select label={label('category')} data={tree.categories} value={draft.category} onChange={(v) => set({ category: v, code: null, value: '' })} required searchable data-autofocus error={errors.category} />
              <Select label={label('code')} data={draft.category ? tree.codesOf(draft.category) : []} value={draft.code} onChange={(v) => set({ code: v, value: '' })} required searchable disabled={!draft.category} error={errors.code} />
            </>
          )}
          {values.length > 0 ? (
            <Select label={label('value')} data={values} value={draft.value || null} onChange={(v) => set({ value: v ?? '' })} required searchable error={errors.value} />
          ) : (
            <TextInput label={label('value')} description={t('preference.freeValue')} value={draft.value} onChange={(e) => set({ value: e.currentTarget.value })} required data-autofocus={editing ? true : undefined} error={errors.value} />
          )}
          <Radio.Group label={label('strength')} value={draft.strength} onChange={(v) => set({ strength: v as Strength })}>
            <Group gap="md" mt={4}>
              {strengths.map((s) => <Radio key={s} value={s} label={t(`strength.${s}`)} />)}
            </Group>
          </Radio.Group>
          <Radio.Group label={label('scope')} value={draft.scope} onChange={(v) => set({ scope: v as Draft['scope'] })}>
            <Group gap="md" mt={4}>
              <Radio value="always" label={t('preference.always')} />
              <Radio value="stay" label={t('card.thisStay')} disabled={stays.length === 0} />
            </Group>
          </Radio.Group>
          {draft.scope === 'stay' ? (
            <Select
              label={label('stayId')}
              data={stays.map((s) => ({ value: String(s.id), label: `${s.confirmationNo} · ${hotelTime.date(s.arrival)} → ${hotelTime.date(s.departure)} · ${t(`status.${s.status}`)}` }))}
              value={draft.stayId}
              onChange={(v) => set({ stayId: v })}
              required
              error={errors.stayId}
            />
          ) : null}
          <Textarea label={label('note')} value={draft.note} onChange={(e) => set({ note: e.currentTarget.value })} autosize minRows={2} error={errors.note} />
          {save.isError ? <Alert color="red" role="alert">{refusalMessage(t, save.error, label)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{editing ? t('preference.saveEdit') : t('preference.add')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
