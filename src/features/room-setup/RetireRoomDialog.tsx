import { Alert, Button, Group, List, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { Dialog } from '../../components/Dialog'

interface HeldBy {
  confirmationNo: string
  arrival: string
  departure: string
}

/**
 * Asks before a room is retired, and says plainly why it cannot be (a guest in house, or the
 * reservations that hold it, listed).
 */
export function RetireRoomDialog({
  number,
  occupied = false,
  onClose,
  onRetired,
}: {
  number: string | null
  /** The room list says a guest is in house: the dialog says so at once and offers no retire button. */
  occupied?: boolean
  onClose: () => void
  onRetired: (message: string) => void
}) {
  const { t } = useTranslation()
  const retire = useMutation({
    mutationFn: (roomNumber: string) => call('room.retire', { roomNumber }),
    onSuccess: (result) => onRetired(t('roomSetup.retiredDone', { number: result.roomNumber })),
  })
  const { reset } = retire
  useEffect(() => reset(), [number, reset])
  const error = retire.error
  const refused = error instanceof ApiError && error.code === 'ROOM_IN_USE' ? (error.details ?? {}) : null
  const inUse = refused ?? (occupied ? { reason: 'in_house' } : null)
  const held = (inUse?.reservations as HeldBy[] | undefined) ?? []
  return (
    <Dialog opened={number !== null} onClose={onClose} title={t('roomSetup.retireDialog.title', { number })}>
      <Stack gap="sm">
        {inUse ? null : <Text size="sm">{t('roomSetup.retireDialog.body', { number })}</Text>}
        {inUse ? (
          <Alert color="red" role="alert" data-testid="retire-refused">
            {inUse.reason === 'in_house' ? (
              t('roomSetup.retireDialog.inHouse', { number })
            ) : (
              <>
                <Text size="sm">{t('roomSetup.retireDialog.reserved', { number })}</Text>
                <List size="sm" mt={4}>
                  {held.map((h) => (
                    <List.Item key={h.confirmationNo}>{t('roomSetup.retireDialog.reservation', { confirmation: h.confirmationNo, arrival: h.arrival, departure: h.departure })}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        ) : retire.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(t, error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('roomSetup.retireDialog.cancel')}
          </Button>
          {inUse ? null : (
            <Button color="red" onClick={() => number && retire.mutate(number)} loading={retire.isPending} data-testid="retire-confirm">
              {t('roomSetup.retireDialog.confirm')}
            </Button>
          )}
        </Group>
      </Stack>
    </Dialog>
  )
}
