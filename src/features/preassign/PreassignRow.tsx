import { Alert, Badge, Button, Select, Stack, Table, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestName } from '../../components/guest-name'
import { notify } from '../../components/notify'
import { readinessWords } from '../checkin/room-reason'
import { chosenRoom, roomChoices, type PlanRow } from './preassign-plan'
import { RoomReasons } from './RoomReasons'

/** One reservation of the plan: its proposed room (or an alternative), why, and Apply or Undo. */
export function PreassignRow({ row, pick, clashes, onPick, onChanged }: { row: PlanRow; pick: string | undefined; clashes: Set<string>; onPick: (room: string) => void; onChanged: () => Promise<unknown> }) {
  const { t } = useTranslation()
  const name = row.guest.nativeName
  const choice = chosenRoom(row, pick ? { [row.stayId]: pick } : {})
  const assign = useMutation({
    mutationFn: (room: string | null) => call('stay.assignRoom', { stayId: row.stayId, roomNumber: room }),
    onSuccess: async (value, room) => {
      notify({ color: 'green', message: room ? t('desk.preassign.applied', { room: value.roomNumber, name }) : t('desk.preassign.undone', { room: row.current }) })
      await onChanged()
    },
  })
  const room = row.current ?? choice?.room.number ?? null
  return (
    <Table.Tr data-stay={row.stayId} data-vip={row.guest.vip || undefined}>
      <Table.Td>
        <Stack gap={2}>
          <span>
            <GuestName guest={row.guest} size="sm" />{' '}
            {row.guest.vip > 0 ? <Badge color="yellow" variant="filled" c="dark" size="sm">VIP {row.guest.vip}</Badge> : null}
          </span>
          <Text size="xs" c="dimmed">{row.pmsConfirmation ? t('desk.row.pms', { number: row.pmsConfirmation }) : row.confirmationNo}</Text>
        </Stack>
      </Table.Td>
      <Table.Td>{row.alerts ? <Badge color="red" variant="filled" size="sm">{t('checkin.alertsBadge', { count: row.alerts })}</Badge> : null}</Table.Td>
      <Table.Td>{row.roomType ?? ''}</Table.Td>
      <Table.Td miw={170}>
        {row.current ? (
          <Badge variant="outline" size="lg" tt="none" data-testid="held-room">{t('desk.preassign.held', { room: row.current })}</Badge>
        ) : choice ? (
          <Select
            aria-label={t('desk.preassign.choice', { name })}
            data={roomChoices(row).map((c) => ({ value: c.room.number, label: `${c.room.number} · ${readinessWords(c, t)}` }))}
            value={choice.room.number}
            onChange={(v) => v && onPick(v)}
            allowDeselect={false}
            size="sm"
            w={200}
          />
        ) : (
          <Text size="sm" c="dimmed">{t('desk.preassign.noRoom')}</Text>
        )}
        {room && clashes.has(room) ? <Text size="xs" c="red.9" fw={600} role="status">{t('desk.preassign.clash', { room })}</Text> : null}
      </Table.Td>
      <Table.Td>{!row.current && choice ? <RoomReasons choice={choice} /> : null}</Table.Td>
      <Table.Td>
        {row.current ? (
          <Button size="xs" variant="default" onClick={() => assign.mutate(null)} loading={assign.isPending} aria-label={t('desk.preassign.undoFor', { room: row.current, name })}>
            {t('desk.preassign.undo')}
          </Button>
        ) : choice ? (
          <Button size="xs" onClick={() => assign.mutate(choice.room.number)} loading={assign.isPending} aria-label={t('desk.preassign.applyFor', { room: choice.room.number, name })}>
            {t('desk.preassign.apply')}
          </Button>
        ) : null}
        {assign.isError ? <Alert color="red" role="alert" p="xs" mt={4}>{errorMessage(t, assign.error)}</Alert> : null}
      </Table.Td>
    </Table.Tr>
  )
}
