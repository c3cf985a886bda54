import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { RoomSuggestions } from './RoomSuggestions'

/**
 * Beside a PMS the desk ranks and chooses a room here, then keys its number into the PMS: the
 * stay follows when the PMS's in-house report arrives. The chosen room is shown large, to copy.
 */
export function UseThisRoom({ stayId, roomNumber, onChanged }: { stayId: number; roomNumber: string | null; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [choosing, setChoosing] = useState(roomNumber === null)
  const [copied, setCopied] = useState('')
  const numberRef = useRef<HTMLParagraphElement>(null)
  const copyRef = useRef<HTMLButtonElement>(null)
  // What this desk just chose, shown at once; the stay's own answer replaces it when refetched.
  const [picked, setPicked] = useState<string | null | undefined>(undefined)
  const shown = picked !== undefined ? picked : roomNumber
  useEffect(() => setPicked(undefined), [roomNumber])
  const assign = useMutation({
    mutationFn: (room: string | null) => call('stay.assignRoom', { stayId, roomNumber: room }),
    onSuccess: async (value, room) => {
      setCopied('')
      setPicked(value.roomNumber)
      if (room === null) {
        notify({ color: 'green', message: t('desk.useRoom.released', { room: shown }) })
        setChoosing(true)
      } else {
        notify({ color: 'green', message: t('desk.useRoom.done', { room: value.roomNumber }) })
        setChoosing(false)
        // One more keystroke copies the number: the Copy button takes focus.
        requestAnimationFrame(() => copyRef.current?.focus())
      }
      await onChanged()
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.code === 'ROOM_HAS_STAY' || error.code === 'ROOM_OCCUPIED')) void queryClient.invalidateQueries({ queryKey: ['suggest'] })
    },
  })

  // Selecting the number first means a refused clipboard still leaves it ready for Ctrl+C.
  const copy = async (room: string) => {
    const node = numberRef.current
    if (node) {
      const range = document.createRange()
      range.selectNodeContents(node)
      const selection = window.getSelection()
      selection?.removeAllRanges()
      selection?.addRange(range)
    }
    try {
      await navigator.clipboard.writeText(room)
      setCopied(t('desk.useRoom.copied', { room }))
    } catch {
      setCopied(t('desk.useRoom.copyFailed'))
    }
  }

  const error = assign.isError ? <Alert color="red" role="alert">{errorMessage(t, assign.error)}</Alert> : null
  if (shown && !choosing) {
    return (
      <Paper withBorder p="md" data-testid="use-room-chosen">
        <Stack gap="xs">
          <Text size="sm" fw={600}>{t('desk.useRoom.chosenTitle')}</Text>
          <Group gap="md" align="center">
            <Text ref={numberRef} span fz={44} fw={800} lh={1} ff="monospace" data-testid="chosen-room-number">{shown}</Text>
            <Button ref={copyRef} onClick={() => void copy(shown)} aria-describedby="use-room-hint">{t('desk.useRoom.copy')}</Button>
          </Group>
          <Text size="sm" role="status" aria-live="polite" data-testid="copy-status">{copied}</Text>
          <Text size="sm" id="use-room-hint">{t('desk.useRoom.hint')}</Text>
          <Group gap="xs">
            <Button variant="default" size="xs" onClick={() => setChoosing(true)}>{t('desk.useRoom.another')}</Button>
            <Button variant="subtle" size="xs" color="red" onClick={() => assign.mutate(null)} loading={assign.isPending}>{t('desk.useRoom.release')}</Button>
          </Group>
          {error}
        </Stack>
      </Paper>
    )
  }
  return (
    <>
      <RoomSuggestions stayId={stayId} verb="useRoom" onCheckIn={(room) => assign.mutate(room)} pending={assign.isPending} error={assign.error} />
    </>
  )
}
