import { Alert, SegmentedControl, Stack, Text, Title, Group, Loader } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useSession } from '../../app/session'
import { BlockRoomDialog } from './BlockRoomDialog'
import { byFloor, mayBlockRooms, maySetHousekeeping, needsCleaning, type Housekeeping } from './room-status-view'
import { RoomStatusRow, type RoomRowActions } from './RoomStatusRow'

/**
 * The housekeeping board's room status (issue 9): rooms by floor with their code (VC VD OC OD IN
 * PU) in colour and words, "to clean" first; housekeeping sets clean, inspected, dirty or pick-up,
 * and blocks or unblocks with a reason. Shown on the housekeeping board only.
 */
export function RoomStatusPanel({ department }: { department: string }) {
  const { t } = useTranslation()
  const { staff } = useSession()
  const queryClient = useQueryClient()
  const [filter, setFilter] = useState<'todo' | 'all'>('todo')
  const [blocking, setBlocking] = useState<string | null>(null)
  const [said, setSaid] = useState('')
  const shown = department === 'housekeeping'
  // Check-ins and check-outs refetch it (['board'] in api/event-queries.ts); other terminals' status changes every 30 s.
  const rooms = useQuery({ queryKey: ['board', 'rooms'], queryFn: () => call('room.list', {}), enabled: shown, refetchInterval: 30_000 })
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['board', 'rooms'] })
  const setStatus = useMutation({
    mutationFn: (v: { room: string; status: Housekeeping }) => call('room.setHousekeeping', { roomNumber: v.room, status: v.status }),
    onSuccess: (r) => {
      setSaid(t('roomStatus.set', { room: r.roomNumber, status: t(`housekeeping.${r.housekeeping}`) }))
      void refresh()
    },
  })
  const unblock = useMutation({
    mutationFn: (room: string) => call('room.unblock', { roomNumber: room }),
    onSuccess: (r) => {
      setSaid(t('roomBlock.unblocked', { room: r.roomNumber }))
      void refresh()
    },
  })
  const list = useMemo(() => rooms.data ?? [], [rooms.data])
  const toClean = list.filter(needsCleaning).length
  const floors = useMemo(() => byFloor(filter === 'todo' ? list.filter(needsCleaning) : list), [filter, list])
  if (!shown) return null
  const actions: RoomRowActions = {
    canSet: maySetHousekeeping(staff),
    canBlock: mayBlockRooms(staff),
    busy: setStatus.isPending,
    onSet: (room, status) => setStatus.mutate({ room, status }),
    onBlock: setBlocking,
    onUnblock: (room) => unblock.mutate(room),
  }
  const failed = setStatus.error ?? unblock.error ?? rooms.error
  return (
    <Stack component="section" gap="xs" aria-labelledby="room-status-title" data-testid="room-status">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={2} size="h4" id="room-status-title">{t('roomStatus.title')}</Title>
        <Text size="sm" fw={600}>{t('roomStatus.summary', { count: toClean })}</Text>
      </Group>
      <SegmentedControl
        aria-label={t('roomStatus.filter')}
        value={filter}
        onChange={(v) => setFilter(v as 'todo' | 'all')}
        data={[
          { value: 'todo', label: t('roomStatus.toDo') },
          { value: 'all', label: t('roomStatus.all') },
        ]}
      />
      <Text size="sm" role="status" aria-live="polite" data-testid="room-status-said">{said}</Text>
      {failed ? <Alert color="red" role="alert">{errorMessage(t, failed)}</Alert> : null}
      {rooms.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {rooms.isSuccess && floors.length === 0 ? <Text c="dimmed">{t('roomStatus.none')}</Text> : null}
      {floors.map(({ floor, rooms: onFloor }) => (
        <Stack key={floor} gap={0}>
          <Title order={3} size="h6" id={`room-floor-${floor}`}>{t('roomStatus.floor', { floor })}</Title>
          <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={`room-floor-${floor}`}>
            {onFloor.map((room) => <RoomStatusRow key={room.id} room={room} actions={actions} />)}
          </Stack>
        </Stack>
      ))}
      <BlockRoomDialog
        room={blocking}
        onClose={() => setBlocking(null)}
        onBlocked={(message) => {
          setBlocking(null)
          setSaid(message)
          void refresh()
        }}
      />
    </Stack>
  )
}
