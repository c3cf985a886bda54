import { Alert, Button, Group, NumberInput, Select, Stack, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { duplicateCheckInput, PossibleDuplicates, type DuplicateCandidate } from '../guests/PossibleDuplicates'
import { Dialog } from '../../components/Dialog'
import { useFieldErrors } from './use-field-errors'
import { useHotelClock } from '../../app/hotel-time'
import { addDaysTo } from '../../app/hotel-time-format'


const empty = { nativeName: '', romanName: '', salutation: null as string | null, phone: '', nights: 1 as number | string, party: 1 as number | string }

/** A guest with no reservation: a few fields, then straight to room choice. */
export function WalkInDialog({ opened, onClose, onCreated }: { opened: boolean; onClose: () => void; onCreated: (guestId: number, stayId: number, name: string) => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [form, setForm] = useState(empty)
  // A walk-in arrives on the hotel's business date (before the night audit, still yesterday's).
  const businessDate = useHotelClock().data?.businessDate
  const create = useMutation({
    mutationFn: () =>
      call('stay.walkIn', {
        guest: {
          nativeName: form.nativeName,
          romanName: form.romanName || null,
          salutation: (form.salutation as 'mr' | null) ?? null,
          phone: form.phone || null,
        },
        nights: Number(form.nights),
        party: Number(form.party),
      }),
    onSuccess: async (value) => {
      await queryClient.invalidateQueries({ queryKey: ['arrivals'] })
      onCreated(value.guestId, value.stayId, form.nativeName)
      setForm(empty)
    },
  })
  // "This guest may already exist": the desk picks the existing profile, and the stay is made for it.
  const existing = useMutation({
    mutationFn: async (guest: DuplicateCandidate) => {
      // Asked of the hotel's clock if it has not answered yet: never the device's date.
      const arrival = businessDate ?? (await call('hotel.clock', {})).businessDate
      return call('stay.reserve', { guestId: guest.id, arrival, departure: addDaysTo(arrival, Number(form.nights) || 1), party: Number(form.party) || 1 })
    },
    onSuccess: async (value, guest) => {
      await queryClient.invalidateQueries({ queryKey: ['arrivals'] })
      onCreated(guest.id, value.stayId, guest.nativeName)
      setForm(empty)
    },
  })
  // A clerk who submits before the warning had time to appear is asked once: the same check runs
  // on submit, and a second submit of the same draft creates the new guest.
  const draft = { nativeName: form.nativeName, romanName: form.romanName, phone: form.phone }
  const draftKey = JSON.stringify(duplicateCheckInput(draft))
  const [warnedFor, setWarnedFor] = useState<string | null>(null)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const input = duplicateCheckInput(draft)
    if (input.nativeName !== '' && warnedFor !== draftKey) {
      const matches = await queryClient
        .fetchQuery({ queryKey: ['possible-duplicates', input], queryFn: () => call('guest.possibleDuplicates', input) })
        .catch(() => [])
      if (matches.length > 0) {
        setWarnedFor(draftKey)
        return
      }
    }
    create.mutate()
  }
  const warned = warnedFor === draftKey
  const placed = useFieldErrors(create.error, ['nativeName', 'romanName', 'phone', 'nights', 'party'])
  const nameMissing = create.isError && form.nativeName.trim() === ''
  return (
    <Dialog opened={opened} onClose={onClose} title={t('walkIn.title')}>
      <form onSubmit={submit} ref={placed.formRef}>
        <Stack gap="sm">
          <TextInput name="nativeName" label={t('fields.nativeName')} required data-autofocus value={form.nativeName} error={nameMissing ? t('walkIn.nameRequired') : placed.fieldError('nativeName')} onChange={(e) => setForm({ ...form, nativeName: e.currentTarget.value })} />
          <TextInput name="romanName" error={placed.fieldError('romanName')} label={t('fields.romanName')} value={form.romanName} onChange={(e) => setForm({ ...form, romanName: e.currentTarget.value })} />
          <Group grow>
            <Select label={t('fields.salutation')} data={['mr', 'ms', 'mrs', 'dr', 'prof'].map((v) => ({ value: v, label: t(`salutation.${v}`) }))} value={form.salutation} onChange={(v) => setForm({ ...form, salutation: v })} clearable />
            <TextInput name="phone" error={placed.fieldError('phone')} label={t('fields.phone')} type="tel" value={form.phone} onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })} />
          </Group>
          <PossibleDuplicates draft={draft} onPick={(guest) => existing.mutate(guest)} pickLabel={t('duplicates.useExisting')} />
          {existing.isError ? <Alert color="red" role="alert">{errorMessage(t, existing.error)}</Alert> : null}
          <Group grow>
            <NumberInput name="nights" error={placed.fieldError('nights')} label={t('fields.nights')} min={1} max={90} value={form.nights} onChange={(v) => setForm({ ...form, nights: v })} />
            <NumberInput name="party" error={placed.fieldError('party')} label={t('fields.party')} min={1} max={12} value={form.party} onChange={(v) => setForm({ ...form, party: v })} />
          </Group>
          {placed.general && !nameMissing ? <Alert color="red" role="alert">{placed.general}</Alert> : null}
          {warned ? <Alert color="yellow" role="alert" data-testid="walk-in-may-exist">{t('walkIn.mayExist')}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={create.isPending}>{t(warned ? 'walkIn.createAnyway' : 'walkIn.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
