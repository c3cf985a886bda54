import { Alert, Button, Stack } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { notifications } from '@mantine/notifications'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { minutesLeft } from './desk-words'
import { nothingLeftToUndo, undoFailureMessage, undoNoticeId, type UndoAction } from './undo-notices'

export type { UndoAction } from './undo-notices'

/**
 * "Undo check-out (9 min left)": shown while core's undo window is open (stay.details' `undo`),
 * gone when it closes. Lives in the stay panel and in the success notice (outside the query
 * provider, so it calls the store itself and leaves refreshing to `onUndone`).
 */
export function UndoButton({ stayId, action, until, onUndone, size = 'sm' }: { stayId: number; action: UndoAction; until: string; onUndone: () => Promise<unknown> | void; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation()
  const [now, setNow] = useState(() => Date.now())
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<unknown>(null)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 5_000)
    return () => clearInterval(timer)
  }, [])
  const left = minutesLeft(until, now)
  if (left === 0 && !error) return null
  const undo = async () => {
    setPending(true)
    setError(null)
    try {
      if (action === 'check_out') {
        const value = await call('stay.undoCheckOut', { stayId })
        notify({ color: 'green', message: t('desk.undo.checkOutDone', { room: value.roomNumber, count: value.reopenedPrompts }) })
      } else {
        const value = await call('stay.undoCheckIn', { stayId })
        notify({ color: 'green', message: t('desk.undo.checkInDone', { room: value.roomNumber ?? '', count: value.withdrawnPrompts }) })
      }
      // Whichever Undo was pressed, the notice offering it is spent.
      notifications.hide(undoNoticeId(stayId, action))
      await onUndone()
    } catch (e) {
      setError(e)
      // Undone already (elsewhere, or on another desk): show the stay as it is now.
      if (nothingLeftToUndo(e)) await onUndone()
    } finally {
      setPending(false)
    }
  }
  return (
    <Stack gap={4} align="flex-start">
      {left > 0 && !nothingLeftToUndo(error) ? (
        <Button size={size} variant="default" onClick={() => void undo()} loading={pending} data-testid={`undo-${action}`}>
          {t(action === 'check_out' ? 'desk.undo.checkOut' : 'desk.undo.checkIn', { count: left })}
        </Button>
      ) : null}
      {error ? <Alert color="red" role="alert" p="xs">{undoFailureMessage(t, error, action, (e) => errorMessage(t, e))}</Alert> : null}
    </Stack>
  )
}
