import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { Dialog } from '../../components/Dialog'
import { useHotelTime } from '../../app/hotel-time'
import { reinstateFailure } from './reinstate'

/**
 * "Reinstate" for a no-show, asked once more: the guest turned up after all, or was marked too
 * early. Done, the stay is expected again and the prompts the no-show closed are open again.
 */
export function ReinstateButton({ stay, onReinstated }: { stay: { id: number; confirmationNo: string }; onReinstated: () => Promise<unknown> }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const [open, setOpen] = useState(false)
  const reinstate = useMutation({
    mutationFn: () => call('stay.reinstate', { stayId: stay.id }),
    onSuccess: async (value) => {
      setOpen(false)
      notify({ color: 'green', message: t('desk.reinstate.done', { confirmation: stay.confirmationNo, count: value.reopenedPrompts }) })
      await onReinstated()
    },
  })
  return (
    <>
      <Group>
        <Button variant="default" size="xs" onClick={() => { reinstate.reset(); setOpen(true) }} data-testid="reinstate">{t('desk.reinstate.button')}</Button>
      </Group>
      <Dialog opened={open} onClose={() => setOpen(false)} title={t('desk.reinstate.title', { confirmation: stay.confirmationNo })}>
        <Stack gap="sm">
          <Text size="sm">{t('desk.reinstate.text')}</Text>
          {reinstate.isError ? <Alert color="red" role="alert">{reinstateFailure(t, reinstate.error, hotelTime.date, (e) => errorMessage(t, e))}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpen(false)} data-autofocus>{t('desk.reinstate.keep')}</Button>
            <Button onClick={() => reinstate.mutate()} loading={reinstate.isPending} data-testid="confirm-reinstate">{t('desk.reinstate.confirm')}</Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  )
}
