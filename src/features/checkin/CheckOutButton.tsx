import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useHotelClock } from '../../app/hotel-time'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { Dialog } from '../../components/Dialog'
import { checkOutQuestion, nightsEarly } from './desk-words'
import { UndoButton } from './UndoButton'
import { undoNoticeId } from './undo-notices'

/**
 * Check-out, asked once more: "Due out on 4 Dec — check out 3 nights early?" when the departure
 * is after the hotel's business date. Done, the notice offers Undo for as long as core allows.
 */
export function CheckOutButton({ stay, room, onCheckedOut, onUndone }: { stay: { id: number; departure: string }; room: string | null; onCheckedOut: () => Promise<unknown>; onUndone: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation()
  const clock = useHotelClock()
  const businessDate = clock.data?.businessDate
  const [open, setOpen] = useState(false)
  const checkOut = useMutation({
    mutationFn: () => call('stay.checkOut', { stayId: stay.id }),
    onSuccess: async (value) => {
      setOpen(false)
      const id = undoNoticeId(stay.id, 'check_out')
      // The undo window is core's (stay.details' `undo`), never a second copy of its length here.
      const until = (await call('stay.details', { stayId: stay.id }).catch(() => null))?.undo?.until ?? null
      notify({
        id,
        color: 'green',
        title: t('checkout.done'),
        autoClose: 20_000,
        message: (
          <Stack gap={6} align="flex-start">
            <Text size="sm">{t('desk.checkOut.promptsClosed', { count: value.cancelledPrompts })}</Text>
            {until ? <UndoButton stayId={stay.id} action="check_out" until={until} size="xs" onUndone={async () => { notifications.hide(id); await onUndone() }} /> : null}
          </Stack>
        ),
      })
      await onCheckedOut()
    },
  })
  const early = businessDate ? nightsEarly(stay.departure, businessDate) : 0
  return (
    <>
      <Button variant="default" color="red" onClick={() => { checkOut.reset(); setOpen(true) }} data-testid="check-out">
        {t('checkout.button', { room })}
      </Button>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t('desk.checkOut.title', { room: room ?? '' })}>
        <Stack gap="sm">
          <Text size="sm" fw={early > 0 ? 700 : undefined} data-testid="check-out-question">
            {businessDate ? checkOutQuestion({ departure: stay.departure, room }, businessDate, i18n.language, t) : t('desk.checkOut.dueToday', { room: room ?? '' })}
          </Text>
          <Text size="sm">{t('desk.checkOut.closes')}</Text>
          {checkOut.isError ? <Alert color="red" role="alert">{errorMessage(t, checkOut.error)}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>{t('desk.checkOut.keep')}</Button>
            <Button color="red" onClick={() => checkOut.mutate()} loading={checkOut.isPending} data-testid="confirm-check-out">
              {t(early > 0 ? 'desk.checkOut.confirmEarly' : 'desk.checkOut.confirm', { count: early })}
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  )
}
