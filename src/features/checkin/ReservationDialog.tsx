import { Alert, Button, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestName, type NamedGuest } from '../../components/guest-name'
import { notify } from '../../components/notify'
import { Dialog } from '../guests/Dialog'

function isoDay(offset: number): string {
  const d = new Date()
  d.setDate(d.getDate() + offset)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** A reservation for the selected guest on later dates. */
export function ReservationDialog({ opened, guestId, guest, onClose, onCreated }: { opened: boolean; guestId: number; guest: NamedGuest; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [form, setForm] = useState({ arrival: isoDay(1), departure: isoDay(3), party: 1 as number | string })
  const reserve = useMutation({
    mutationFn: () => call('stay.reserve', { guestId, arrival: form.arrival, departure: form.departure, party: Number(form.party) }),
    onSuccess: async (value) => {
      notify({ color: 'green', message: t('reservation.done', { confirmation: value.confirmationNo }) })
      await Promise.all(['card', 'arrivals'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
      onCreated()
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    reserve.mutate()
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('reservation.title')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text>
            <GuestName guest={guest} />
          </Text>
          <Group grow>
            <TextInput type="date" label={t('fields.arrival')} required data-autofocus value={form.arrival} onChange={(e) => setForm({ ...form, arrival: e.currentTarget.value })} />
            <TextInput type="date" label={t('fields.departure')} required value={form.departure} onChange={(e) => setForm({ ...form, departure: e.currentTarget.value })} />
          </Group>
          <NumberInput label={t('fields.party')} min={1} max={12} value={form.party} onChange={(v) => setForm({ ...form, party: v })} />
          {reserve.isError ? <Alert color="red" role="alert">{errorMessage(t, reserve.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={reserve.isPending}>{t('reservation.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
