import { Alert, Button, Group, NumberInput, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { GuestName, type NamedGuest } from '../../components/guest-name'
import { notify } from '../../components/notify'
import { Dialog } from '../../components/Dialog'
import { CompanionPicker, type Companion } from './CompanionPicker'
import { isoDay } from './desk-actions'
import { useHotelClock } from '../../app/hotel-time'
import { addDaysTo } from '../../app/hotel-time-format'
import { useFieldErrors } from './use-field-errors'

const blank = () => ({
  arrival: isoDay(1),
  departure: isoDay(3),
  party: 1 as number | string,
  eta: '',
  roomType: '',
  company: '',
  membershipNo: '',
  source: '',
  remarks: '',
})

// Companions' refusals go to the form's alert: the picker has no single field to mark.
const formFields = Object.keys(blank())

/** A reservation for the selected guest on later dates, with what the booking carries (all optional) and who comes along. */
export function ReservationDialog({ opened, guestId, guest, onClose, onCreated }: { opened: boolean; guestId: number; guest: NamedGuest; onClose: () => void; onCreated: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [form, setForm] = useState(blank)
  const [companions, setCompanions] = useState<Companion[]>([])
  // Default dates count from the hotel's business date, once it is known, unless already changed.
  const businessDate = useHotelClock().data?.businessDate
  useEffect(() => {
    if (!opened || !businessDate) return
    const device = blank()
    setForm((f) => (f.arrival === device.arrival && f.departure === device.departure ? { ...f, arrival: addDaysTo(businessDate, 1), departure: addDaysTo(businessDate, 3) } : f))
  }, [opened, businessDate])
  const field = (key: keyof ReturnType<typeof blank>) => ({
    name: key,
    error: placed.fieldError(key),
    value: form[key] as string,
    onChange: (e: { currentTarget: { value: string } }) => setForm({ ...form, [key]: e.currentTarget.value }),
  })
  const reserve = useMutation({
    mutationFn: (anotherRoom: boolean) =>
      call('stay.reserve', {
        guestId,
        arrival: form.arrival,
        departure: form.departure,
        party: Number(form.party),
        anotherRoom,
        eta: form.eta || null,
        roomType: form.roomType || null,
        company: form.company || null,
        membershipNo: form.membershipNo || null,
        source: form.source || null,
        remarks: form.remarks || null,
        companions: companions.map((c) => (c.guestId ? { guestId: c.guestId } : { name: c.name })),
      }),
    onSuccess: async (value) => {
      notify({ color: 'green', message: t('reservation.done', { confirmation: value.confirmationNo }) })
      await Promise.all(['card', 'arrivals', 'preassign'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
      setForm(blank())
      setCompanions([])
      onCreated()
    },
  })
  const submit = (e: FormEvent) => {
    e.preventDefault()
    reserve.mutate(false)
  }
  // One profile may hold two rooms at once: the desk says so, once, rather than being refused.
  const hasStay = reserve.error instanceof ApiError && reserve.error.code === 'GUEST_HAS_STAY' ? reserve.error : null
  const placed = useFieldErrors(hasStay ? null : reserve.error, formFields)
  return (
    <Dialog opened={opened} onClose={onClose} title={t('reservation.title')}>
      <form onSubmit={submit} ref={placed.formRef}>
        <Stack gap="sm">
          <Text>
            <GuestName guest={guest} />
          </Text>
          <Group grow>
            <TextInput type="date" label={t('fields.arrival')} required data-autofocus {...field('arrival')} />
            <TextInput type="date" label={t('fields.departure')} required {...field('departure')} />
          </Group>
          <Group grow>
            <NumberInput name="party" error={placed.fieldError('party')} label={t('fields.party')} min={1} max={12} value={form.party} onChange={(v) => setForm({ ...form, party: v })} />
            <TextInput type="time" label={t('desk.reservation.eta')} {...field('eta')} />
          </Group>
          <Group grow>
            <TextInput label={t('desk.reservation.roomType')} maxLength={12} {...field('roomType')} />
            <TextInput label={t('desk.reservation.membership')} maxLength={40} {...field('membershipNo')} />
          </Group>
          <Group grow>
            <TextInput label={t('desk.reservation.company')} maxLength={120} {...field('company')} />
            <TextInput label={t('desk.reservation.source')} maxLength={60} {...field('source')} />
          </Group>
          <Textarea label={t('desk.reservation.remarks')} autosize minRows={2} maxLength={1000} {...field('remarks')} />
          <CompanionPicker companions={companions} onChange={setCompanions} excludeGuestId={guestId} />
          {hasStay ? (
            <Alert color="yellow" role="alert" title={t('desk.reservation.anotherRoomTitle')} data-testid="guest-has-stay">
              <Stack gap="xs">
                <Text size="sm">{t('desk.reservation.anotherRoomText', { name: guest.nativeName, confirmationNo: String(hasStay.details?.confirmationNo ?? '') })}</Text>
                <Group>
                  <Button size="xs" onClick={() => reserve.mutate(true)} loading={reserve.isPending}>{t('desk.reservation.anotherRoom')}</Button>
                </Group>
              </Stack>
            </Alert>
          ) : placed.general ? (
            <Alert color="red" role="alert">{placed.general}</Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
            <Button type="submit" loading={reserve.isPending}>{t('reservation.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
