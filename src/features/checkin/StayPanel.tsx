import { Alert, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { pick } from '../../i18n'
import { RoomSuggestions } from './RoomSuggestions'
import { mayHandleStays } from './stay-permission'
import { stayActions } from './desk-actions'
import { StayBooking } from './StayBooking'
import { StayChanges } from './StayChanges'
import { UseThisRoom } from './UseThisRoom'
import { CheckOutButton } from './CheckOutButton'
import { ReinstateButton } from './ReinstateButton'
import { mayReinstate } from './reinstate'
import { UndoButton } from './UndoButton'
import { mayOfferUndo, outdatedUndoNotices, undoNoticeId } from './undo-notices'
import { notifications } from '@mantine/notifications'
import { useDeskMode } from './use-desk-mode'
import { notify } from '../../components/notify'
import { useSession } from '../../app/session'
import { useHotelTime } from '../../app/hotel-time'
import { RaiseProblemButton } from '../recovery/RaiseProblemButton'
import { RecoveryFlags } from '../recovery/RecoveryFlags'
import { recoveryOfCard } from '../recovery/recovery-api'

/**
 * What the desk can do for this guest's current stay, by the hotel's mode (desk-actions.ts):
 * standalone, choose a room and check in, cancel, move, change the departure, check out; beside a
 * PMS, choose the room to key into the PMS. Below, the booking, its guests and its history.
 */
export function StayPanel({ guestId, stayId, onBack }: { guestId: number; stayId: number | null; onBack: () => void }) {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  // Check-in opens on the arrival's business date at the hotel (hotel.clock), not the device's date.
  // Until the clock answers, no action that depends on the date is offered (never the device's date).
  const today = () => hotelTime.clock?.businessDate ?? ''
  const signedIn = useSession().staff
  const handlesStays = mayHandleStays(signedIn?.role)
  const queryClient = useQueryClient()
  const departmentName = useDepartmentName()
  const card = useQuery({ queryKey: ['card', guestId], queryFn: () => call('guest.card', { guestId }) })
  const [result, setResult] = useState<Awaited<ReturnType<typeof call<'stay.checkIn'>>> | null>(null)
  // The stay this panel shows stays shown after its check-out, so its Undo is at hand.
  const [shownStayId, setShownStayId] = useState(stayId)
  const mode = useDeskMode()
  const refresh = () =>
    Promise.all(['card', 'arrivals', 'in-house', 'search', 'stay-details', 'preassign'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))

  const checkIn = useMutation({
    mutationFn: (roomNumber: string) => call('stay.checkIn', { stayId: stay!.id, roomNumber }),
    onSuccess: async (value) => {
      setResult(value)
      notify({ id: undoNoticeId(stay!.id, 'check_in'), color: 'green', title: t('checkin.done', { room: value.roomNumber }), message: t('checkin.promptsSent', { count: value.prompts.length }) })
      await refresh()
    },
    // Taken meanwhile (its event may still be on its way): re-rank, so the room leaves the list.
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'ROOM_OCCUPIED') void queryClient.invalidateQueries({ queryKey: ['suggest'] })
    },
  })

  const stays = card.data?.stays ?? []
  // A check-out or check-in undone by any path (this panel, the notice, another desk) takes its
  // notice away, so no one presses a stale Undo.
  const statuses = stays.map((s) => `${s.id}:${s.status}`).join(',')
  useEffect(() => {
    for (const id of outdatedUndoNotices(stays)) notifications.hide(id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [statuses])
  // Without a current stay, a no-show whose nights are not over (the night audit's, another desk's) is shown, to be reinstated.
  const stay = shownStayId
    ? stays.find((s) => s.id === shownStayId)
    : (stays.find((s) => s.status === 'in_house' || s.status === 'reserved') ?? stays.find((s) => s.status === 'no_show' && today() !== '' && s.departure > today()))
  const details = useQuery({ queryKey: ['stay-details', stay?.id], queryFn: () => call('stay.details', { stayId: stay!.id }), enabled: stay !== undefined })
  if (!card.data) return null
  // The room of a reserved stay is the one chosen before arrival, never the room the guest is in.
  const roomNumber = details.data?.roomNumber ?? stay?.roomNumber ?? null
  // Core lets only the one who checked the guest in or out, or a manager, undo it (UNDO_NOT_YOURS).
  const offer = details.data?.stayId === stay?.id ? details.data?.undo : null
  const undo = offer && mayOfferUndo(signedIn, details.data?.events, offer.action) ? offer : null
  const actions = stay && mode && hotelTime.clock ? stayActions({ mode, status: stay.status, arrival: stay.arrival, today: today(), handlesStays }) : null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stay-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="stay-title">
            {stay ? t('stay.title', { confirmation: stay.confirmationNo }) : t('stay.none')}
          </Title>
          <Button variant="subtle" size="xs" onClick={onBack} aria-keyshortcuts="Escape">{t('app.back')}</Button>
        </Group>
        {stay ? (
          <Group gap="xs">
            <Badge variant="light">{t(`status.${stay.status}`)}</Badge>
            <Text size="sm">{t('stay.dates', { arrival: hotelTime.date(stay.arrival), departure: hotelTime.date(stay.departure), count: stay.party })}</Text>
            {roomNumber && stay.status === 'in_house' ? <Text size="sm" fw={700}>{t('stay.room', { room: roomNumber })}</Text> : null}
            {roomNumber && stay.status === 'reserved' ? <Text size="sm" fw={700} data-testid="room-chosen">{t('desk.row.chosen', { room: roomNumber })}</Text> : null}
          </Group>
        ) : null}
        {/* Issue 13: a problem last time, a promise still open; and "Report a problem" for a guest in house or gone. */}
        <RecoveryFlags history={recoveryOfCard(card.data)} stayId={stay?.id ?? null} />
        {stay && (stay.status === 'in_house' || stay.status === 'checked_out') ? (
          <Group gap="xs">
            <RaiseProblemButton stay={{ stayId: stay.id, guestId }} from="desk" size="xs" guestName={card.data.guest.nativeName} roomNumber={roomNumber} />
          </Group>
        ) : null}
        {mode === 'with_pms' && handlesStays && stay ? <Text size="sm" c="dimmed" data-testid="with-pms-hint">{t('desk.mode.withPms')}</Text> : null}

        {stay && undo?.action === 'check_out' && stay.status === 'checked_out' ? (
          <Group gap="sm" data-testid="undo-check-out-bar">
            <Text size="sm">{t('desk.undo.checkedOut', { room: roomNumber ?? '' })}</Text>
            <UndoButton stayId={stay.id} action="check_out" until={undo.until} onUndone={refresh} />
          </Group>
        ) : null}
        {stay && undo?.action === 'check_in' && stay.status === 'in_house' ? (
          <UndoButton stayId={stay.id} action="check_in" until={undo.until} onUndone={async () => {
            // The ranking made while in house lacks the guest's own room: rank afresh, never from that.
            queryClient.removeQueries({ queryKey: ['suggest', stay.id] })
            setResult(null)
            await refresh()
          }} />
        ) : null}
        {result && stay?.status !== 'reserved' ? (
          <Alert color="green" title={t('checkin.done', { room: result.roomNumber })} data-testid="checkin-result" styles={{ label: { color: 'var(--mantine-color-text)' } }}>
            <Text size="sm">{t('checkin.promptsSent', { count: result.prompts.length })}</Text>
            <List size="sm">
              {result.prompts.map((p) => (
                <List.Item key={p.id}>
                  <Text span fw={600}>{departmentName(p.department)}:</Text> {pick(p.text, i18n.language)}
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}

        {stay?.status === 'reserved' && stay.arrival <= today() && !handlesStays ? <Text size="sm" c="dimmed">{t('checkin.deskOnly')}</Text> : null}
        {stay && actions?.checkIn ? (
          <>
            {/* A room chosen before arrival is ranked first among the suggestions ("pre-assigned to this stay"). */}
            <RoomSuggestions stayId={stay.id} onCheckIn={(room) => checkIn.mutate(room)} pending={checkIn.isPending} error={checkIn.error} />
          </>
        ) : null}
        {stay && actions?.useRoom && details.data ? <UseThisRoom key={stay.id} stayId={stay.id} roomNumber={roomNumber} onChanged={refresh} /> : null}
        {stay?.status === 'reserved' && stay.arrival > today() && mode !== 'with_pms' ? <Text size="sm">{t('stay.arrivesLater', { date: hotelTime.date(stay.arrival) })}</Text> : null}
        {stay && actions && !result ? <StayChanges key={`${stay.id}-${stay.status}-${stay.departure}`} stay={{ id: stay.id, confirmationNo: stay.confirmationNo, departure: stay.departure }} actions={actions} onChanged={refresh} /> : null}
        {stay && mode && mayReinstate({ mode, status: stay.status, departure: stay.departure, today: today(), handlesStays }) ? (
          <ReinstateButton stay={{ id: stay.id, confirmationNo: stay.confirmationNo }} onReinstated={refresh} />
        ) : null}
        {stay && actions?.checkOut && !result ? (
          <Group>
            <CheckOutButton
              stay={{ id: stay.id, departure: stay.departure }}
              room={roomNumber}
              onCheckedOut={async () => {
                setShownStayId(stay.id)
                await refresh()
              }}
              onUndone={refresh}
            />
          </Group>
        ) : null}
        {details.data ? <StayBooking details={details.data} /> : null}
      </Stack>
    </Paper>
  )
}
