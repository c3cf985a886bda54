import { Accordion, Alert, Badge, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { RetireRoomDialog } from './RetireRoomDialog'
import { RoomDialog } from './RoomDialog'
import { RoomImportPanel } from './RoomImportPanel'
import { listRooms, reinstateRoom, type RoomListItem } from './room-setup-api'
import { findRooms, roomsByFloor } from './room-groups'

const roomsKey = ['room-setup', 'rooms'] as const
/** Up to this many rooms, every floor is open at first. */
const smallHotel = 40

/**
 * The manager's desk: the hotel's rooms (issue 11). Rooms in service by floor with their facts,
 * add and edit in a dialog, retire with confirmation (retired rooms listed apart, reinstated with
 * one button), and "Import from a file…" with the column mapping and the bad-row report.
 */
export function RoomSetupPage() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const rooms = useQuery({ queryKey: roomsKey, queryFn: listRooms })
  const [editing, setEditing] = useState<RoomListItem | null>(null)
  const [adding, setAdding] = useState(false)
  const [retiring, setRetiring] = useState<string | null>(null)
  const [importing, setImporting] = useState(false)

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: roomsKey })
    void queryClient.invalidateQueries({ queryKey: ['board', 'rooms'] })
  }
  const done = (message: string) => {
    notify({ message, color: 'teal' })
    refresh()
  }
  const reinstate = useMutation({
    mutationFn: reinstateRoom,
    onSuccess: (result) => done(t('roomSetup.reinstated', { number: result.roomNumber })),
  })

  const { inService, retired, floors } = useMemo(() => roomsByFloor(rooms.data ?? []), [rooms.data])
  // Floors open: all of a small hotel's; a large one's on demand (or found by number).
  // A floor that appears later (a new hotel's first import) opens too while the hotel is small.
  const [openFloors, setOpenFloors] = useState<string[]>([])
  const [seenFloors, setSeenFloors] = useState<string[]>([])
  useEffect(() => {
    if (!rooms.data) return
    const fresh = floors.map((f) => String(f.floor)).filter((floor) => !seenFloors.includes(floor))
    if (fresh.length === 0) return
    setSeenFloors((seen) => [...seen, ...fresh])
    if (inService.length <= smallHotel) setOpenFloors((open) => [...open, ...fresh])
  }, [rooms.data, seenFloors, inService.length, floors])
  const [find, setFind] = useState('')
  const finding = find.trim() !== ''
  const shownFloors = useMemo(() => (finding ? findRooms(floors, find) : floors), [finding, floors, find])
  const describe = (room: RoomListItem) =>
    [t(`roomSetup.facing.${room.facing}`, { defaultValue: room.facing }), t(`roomSetup.bed.${room.bed}`, { defaultValue: room.bed }), room.view ? t(`roomSetup.view.${room.view}`, { defaultValue: room.view }) : null]
      .filter(Boolean)
      .join(' · ')
  const extras = (room: RoomListItem) =>
    [room.features.length ? room.features.map((f) => t(`roomSetup.feature.${f}`, { defaultValue: f })).join(', ') : t('roomSetup.noFeatures'), room.roomType ? t('roomSetup.type', { type: room.roomType }) : null]
      .filter(Boolean)
      .join(' · ')

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1}>{t('nav.rooms')}</Title>
        <Text size="sm">{t('roomSetup.intro')}</Text>
        {rooms.data ? (
          <Text size="sm" fw={600} data-testid="room-summary">
            {t('roomSetup.summary', { count: inService.length, floors: t('roomSetup.floorCount', { count: floors.length }) })}
            {retired.length > 0 ? ` · ${t('roomSetup.summaryRetired', { count: retired.length })}` : ''}
          </Text>
        ) : null}
      </Stack>
      <Group gap="sm">
        <Button onClick={() => setAdding(true)} data-testid="room-add">
          {t('roomSetup.add')}
        </Button>
        <Button variant={importing ? 'filled' : 'default'} onClick={() => setImporting((v) => !v)} aria-expanded={importing} aria-controls="room-import-panel" data-testid="room-import-open">
          {importing ? t('roomSetup.closeImport') : t('roomSetup.importFile')}
        </Button>
      </Group>
      {importing ? (
        <div id="room-import-panel">
          <RoomImportPanel onImported={refresh} />
        </div>
      ) : null}
      {rooms.isPending ? <Loader aria-label={t('nav.rooms')} /> : null}
      {rooms.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, rooms.error)}
        </Alert>
      ) : null}
      {reinstate.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, reinstate.error)}
        </Alert>
      ) : null}
      {rooms.data && inService.length === 0 ? <Text data-testid="rooms-empty">{t('roomSetup.empty')}</Text> : null}

      {inService.length > 0 ? (
        <TextInput
          label={t('roomSetup.find')}
          description={t('roomSetup.findHint')}
          value={find}
          onChange={(e) => setFind(e.currentTarget.value)}
          maw={320}
          autoComplete="off"
          data-testid="room-find"
        />
      ) : null}
      {finding && shownFloors.length === 0 ? <Text size="sm">{t('roomSetup.noneFound', { text: find.trim() })}</Text> : null}
      <Accordion multiple variant="separated" order={2} value={finding ? shownFloors.map((f) => String(f.floor)) : openFloors} onChange={(v) => !finding && setOpenFloors(v)} chevronPosition="left">
        {shownFloors.map(({ floor, rooms: onFloor }) => {
          const open = finding || openFloors.includes(String(floor))
          return (
            <Accordion.Item key={floor} value={String(floor)} data-testid={`floor-${floor}`}>
              <Accordion.Control>
                {t('roomSetup.floor', { floor })}
                <Text span size="sm" c="dimmed">
                  {' · '}
                  {t('roomSetup.roomCount', { count: onFloor.length })}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                {/* Only open floors are drawn: a 500-room hotel stays quick to read and to check. */}
                {open ? (
                  <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {onFloor.map((room) => (
                      <Paper key={room.id} withBorder p="sm" component="li" data-testid={`room-${room.number}`}>
                        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                          <Stack gap={2} style={{ minWidth: 0 }}>
                            <Group gap={6}>
                              <Text fw={700} size="lg">
                                {room.number}
                              </Text>
                              {room.occupancy === 'occupied' ? (
                                <Badge variant="light" color="indigo" styles={{ label: { color: 'var(--mantine-color-text)' } }}>
                                  {t('roomSetup.occupied')}
                                </Badge>
                              ) : null}
                            </Group>
                            <Text size="sm">{describe(room)}</Text>
                            <Text size="sm" c="dimmed">
                              {extras(room)}
                            </Text>
                          </Stack>
                          <Group gap={4} wrap="nowrap">
                            <Button size="xs" variant="default" onClick={() => setEditing(room)} aria-label={t('roomSetup.editRoom', { number: room.number })}>
                              {t('roomSetup.edit')}
                            </Button>
                            <Button size="xs" variant="subtle" color="red" onClick={() => setRetiring(room.number)} aria-label={t('roomSetup.retireRoom', { number: room.number })}>
                              {t('roomSetup.retire')}
                            </Button>
                          </Group>
                        </Group>
                      </Paper>
                    ))}
                  </SimpleGrid>
                ) : null}
              </Accordion.Panel>
            </Accordion.Item>
          )
        })}
      </Accordion>

      {retired.length > 0 ? (
        <Stack gap="xs" component="section" aria-labelledby="retired-rooms" data-testid="retired-rooms">
          <Title order={2} size="h3" id="retired-rooms">
            {t('roomSetup.retiredTitle', { count: retired.length })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('roomSetup.retiredHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {retired.map((room) => (
              <Paper key={room.id} withBorder p="sm" component="li" bg="var(--mantine-color-gray-0)" data-testid={`retired-${room.number}`}>
                <Group justify="space-between" wrap="nowrap" gap="xs">
                  <Stack gap={2}>
                    <Text fw={700}>{room.number}</Text>
                    <Text size="sm">
                      {t('roomSetup.floor', { floor: room.floor })} · {describe(room)}
                    </Text>
                    <Text size="sm">{t('roomSetup.retiredOn', { date: (room.retiredAt ?? '').slice(0, 10) })}</Text>
                  </Stack>
                  <Group gap={4} wrap="nowrap">
                    <Button size="xs" variant="default" onClick={() => setEditing(room)} aria-label={t('roomSetup.editRoom', { number: room.number })}>
                      {t('roomSetup.edit')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => reinstate.mutate(room.number)} loading={reinstate.isPending && reinstate.variables === room.number} aria-label={t('roomSetup.reinstateRoom', { number: room.number })}>
                      {t('roomSetup.reinstate')}
                    </Button>
                  </Group>
                </Group>
              </Paper>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}

      <RoomDialog
        opened={adding || editing !== null}
        room={editing}
        onClose={() => {
          setAdding(false)
          setEditing(null)
        }}
        onSaved={(message) => {
          setAdding(false)
          setEditing(null)
          done(message)
        }}
      />
      <RetireRoomDialog
        number={retiring}
        occupied={retiring !== null && (rooms.data ?? []).some((r) => r.number === retiring && r.occupancy === 'occupied')}
        onClose={() => setRetiring(null)}
        onRetired={(message) => {
          setRetiring(null)
          done(message)
        }}
      />
    </Stack>
  )
}
