import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { Dialog } from '../../components/Dialog'
import type { StayActions } from './desk-actions'
import { RoomSuggestions } from './RoomSuggestions'
import { useFieldErrors } from './use-field-errors'
import { useHotelTime } from '../../app/hotel-time'

type Open = 'cancel' | 'noShow' | 'move' | 'departure' | null

/**
 * The standalone desk's changes to a stay: cancel or record a no-show (each asked once more),
 * move an in-house guest (from the ranked rooms or a typed number), change the departure.
 */
export function StayChanges({ stay, actions, onChanged }: { stay: { id: number; confirmationNo: string; departure: string }; actions: StayActions; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const [open, setOpen] = useState<Open>(null)
  const [departure, setDeparture] = useState(stay.departure)
  const close = () => setOpen(null)
  const done = async (message: string) => {
    notify({ color: 'green', message })
    close()
    await onChanged()
  }
  const withdraw = useMutation({
    mutationFn: (noShow: boolean) => call('stay.cancel', { stayId: stay.id, noShow }),
    onSuccess: (_, noShow) => done(t(noShow ? 'desk.actions.noShowDone' : 'desk.actions.cancelled', { confirmation: stay.confirmationNo })),
  })
  const move = useMutation({
    mutationFn: (roomNumber: string) => call('stay.moveRoom', { stayId: stay.id, roomNumber }),
    onSuccess: (value) => done(t('desk.actions.moved', { room: value.roomNumber, count: value.promptsMoved })),
  })
  const dates = useMutation({
    mutationFn: () => call('stay.changeDates', { stayId: stay.id, departure }),
    onSuccess: (value) => done(t('desk.actions.departureSaved', { date: hotelTime.date(value.departure) })),
  })
  // A refusal about the dates, or about the room being held on the new nights, is the departure's.
  const datesErrors = useFieldErrors(dates.error, ['departure'], 'departure')
  const show = (which: Open) => {
    withdraw.reset()
    move.reset()
    dates.reset()
    setDeparture(stay.departure)
    setOpen(which)
  }
  const saveDeparture = (e: FormEvent) => {
    e.preventDefault()
    dates.mutate()
  }
  if (!actions.cancel && !actions.noShow && !actions.moveRoom && !actions.changeDeparture) return null
  const noShow = open === 'noShow'
  return (
    <Stack gap="xs" component="section" aria-label={t('desk.actions.title')}>
      <Group gap="xs">
        {actions.moveRoom ? <Button variant="default" size="xs" onClick={() => show('move')}>{t('desk.actions.moveRoom')}</Button> : null}
        {actions.changeDeparture ? <Button variant="default" size="xs" onClick={() => show('departure')}>{t('desk.actions.changeDeparture')}</Button> : null}
        {actions.noShow ? <Button variant="default" size="xs" onClick={() => show('noShow')}>{t('desk.actions.noShow')}</Button> : null}
        {actions.cancel ? <Button variant="default" size="xs" color="red" onClick={() => show('cancel')}>{t('desk.actions.cancel')}</Button> : null}
      </Group>

      <Dialog opened={open === 'cancel' || noShow} onClose={close} title={t(noShow ? 'desk.actions.noShowTitle' : 'desk.actions.cancelTitle', { confirmation: stay.confirmationNo })}>
        <Stack gap="sm">
          <Text size="sm">{t(noShow ? 'desk.actions.noShowText' : 'desk.actions.cancelText')}</Text>
          {withdraw.isError ? <Alert color="red" role="alert">{errorMessage(t, withdraw.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>{t('desk.actions.keep')}</Button>
            <Button color="red" onClick={() => withdraw.mutate(noShow)} loading={withdraw.isPending}>{t(noShow ? 'desk.actions.noShow' : 'desk.actions.cancel')}</Button>
          </Group>
        </Stack>
      </Dialog>

      <Dialog opened={open === 'move'} onClose={close} title={t('desk.actions.moveTitle')}>
        <Stack gap="sm">
          {open === 'move' ? <RoomSuggestions stayId={stay.id} verb="move" onCheckIn={(room) => move.mutate(room)} pending={move.isPending} error={move.error} /> : null}
        </Stack>
      </Dialog>

      <Dialog opened={open === 'departure'} onClose={close} title={t('desk.actions.changeDeparture')}>
        <form onSubmit={saveDeparture} ref={datesErrors.formRef}>
          <Stack gap="sm">
            <TextInput type="date" name="departure" label={t('desk.actions.newDeparture')} required data-autofocus value={departure} onChange={(e) => setDeparture(e.currentTarget.value)} error={datesErrors.fieldError('departure')} />
            {datesErrors.general ? <Alert color="red" role="alert">{datesErrors.general}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('app.cancel')}</Button>
              <Button type="submit" loading={dates.isPending} disabled={!departure}>{t('desk.actions.saveDeparture')}</Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </Stack>
  )
}
