import { ActionIcon, Badge, Button, Group, Menu, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useHotelTime } from '../../app/hotel-time'
import { codeStyle, housekeepingOrder, nextStatus, type Housekeeping, type RoomStatusView } from './room-status-view'

export interface RoomRowActions {
  canSet: boolean
  canBlock: boolean
  busy: boolean
  onSet: (room: string, status: Housekeeping) => void
  onBlock: (room: string) => void
  onUnblock: (room: string) => void
}

/** One room on the board: its code in colour and words, the likely next status as one button, the rest in a menu. */
export function RoomStatusRow({ room, actions }: { room: RoomStatusView; actions: RoomRowActions }) {
  const { t } = useTranslation()
  const { date } = useHotelTime()
  const next = nextStatus(room)
  const codeWords = t(`roomCode.${room.code}`)
  const block = room.block
  return (
    <li data-room={room.number} data-code={room.code} data-block={block?.kind ?? ''}>
      <Group justify="space-between" wrap="nowrap" gap="xs" py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
        <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
          <Text fw={700} w={52}>{room.number}</Text>
          <Badge {...codeStyle[room.code]} tt="none" size="md" title={codeWords}>
            {room.code} {codeWords}
          </Badge>
          {block ? (
            <Badge variant="filled" color="gray.8" c="white" tt="none" size="md" title={block.reason}>
              {t(`roomBlock.${block.kind}`)}
            </Badge>
          ) : null}
          {room.roomType ? <Text size="xs" c="dimmed">{room.roomType}</Text> : null}
          {block?.reason ? <Text size="xs" c="dimmed" w="100%">{block.reason}</Text> : null}
          {room.upcomingBlock?.from ? <Text size="xs" c="dimmed" w="100%">{t('roomBlock.upcoming', { from: date(room.upcomingBlock.from) })}</Text> : null}
        </Group>
        <Group gap={4} wrap="nowrap">
          {actions.canSet && next ? (
            <Button
              size="xs"
              variant={next === 'clean' ? 'filled' : 'light'}
              disabled={actions.busy}
              onClick={() => actions.onSet(room.number, next)}
              aria-label={t('roomStatus.markRoom', { room: room.number, status: t(`housekeeping.${next}`) })}
            >
              {t(`housekeeping.${next}`)}
            </Button>
          ) : null}
          {actions.canSet || actions.canBlock ? (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={t('roomStatus.actionsFor', { room: room.number })}>⋯</ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                {actions.canSet
                  ? housekeepingOrder
                      .filter((status) => status !== room.housekeeping)
                      .map((status) => (
                        <Menu.Item key={status} onClick={() => actions.onSet(room.number, status)}>
                          {t('roomStatus.setTo', { status: t(`housekeeping.${status}`) })}
                        </Menu.Item>
                      ))
                  : null}
                {actions.canBlock ? (
                  <>
                    {actions.canSet ? <Menu.Divider /> : null}
                    <Menu.Item onClick={() => actions.onBlock(room.number)}>{t('roomBlock.block')}…</Menu.Item>
                    {block || room.upcomingBlock ? <Menu.Item onClick={() => actions.onUnblock(room.number)}>{t('roomBlock.unblock')}</Menu.Item> : null}
                  </>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          ) : null}
        </Group>
      </Group>
    </li>
  )
}
