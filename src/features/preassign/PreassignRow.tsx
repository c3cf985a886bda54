import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestName } from '../../components/guest-name'
import { notify } from '../../components/notify'
import { readinessWords } from '../checkin/room-reason'
import { chosenRoom, roomChoices, type PlanRow } from './preassign-plan'
import { RoomReasons } from './RoomReasons'

// A badge shows its whole text: it never shrinks to "1 ALE…" in a narrow cell.
const whole = { root: { flexShrink: 0, overflow: 'visible' }, label: { overflow: 'visible' } } as const

/**
 * One reservation of the plan: its proposed room (or an alternative), why, and Apply or Undo;
 * a row of the table, or on a phone a card of its own with the room and Apply in plain sight.
 */
export function PreassignRow({ row, pick, clashes, onPick, onChanged, card = false }: { row: PlanRow; pick: string | undefined; clashes: Set<string>; onPick: (room: string) => void; onChanged: () => Promise<unknown>; card?: boolean }) {
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
  const guest = (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap" align="center">
        <GuestName guest={row.guest} size="sm" />
        {row.guest.vip > 0 ? <Badge color="yellow" variant="filled" c="dark" size="sm" styles={whole}>VIP {row.guest.vip}</Badge> : null}
      </Group>
      <Text size="xs" c="dimmed">{row.pmsConfirmation ? t('desk.row.pms', { number: row.pmsConfirmation }) : row.confirmationNo}</Text>
    </Stack>
  )
  const alerts = row.alerts ? <Badge color="red" variant="filled" size="sm" tt="none" styles={whole}>{t('checkin.alertsBadge', { count: row.alerts })}</Badge> : null
  const roomChoice = (
    <>
      {row.current ? (
        <Badge variant="outline" size="lg" tt="none" styles={whole} data-testid="held-room">{t('desk.preassign.held', { room: row.current })}</Badge>
      ) : choice ? (
        <Select
          aria-label={t('desk.preassign.choice', { name })}
          data={roomChoices(row).map((c) => ({ value: c.room.number, label: `${c.room.number} · ${readinessWords(c, t)}` }))}
          value={choice.room.number}
          onChange={(v) => v && onPick(v)}
          allowDeselect={false}
          size="sm"
          w={card ? '100%' : 200}
          maw={card ? 260 : undefined}
        />
      ) : (
        <Text size="sm" c="dimmed">{t('desk.preassign.noRoom')}</Text>
      )}
      {room && clashes.has(room) ? <Text size="xs" c="red.9" fw={600} role="status">{t('desk.preassign.clash', { room })}</Text> : null}
    </>
  )
  const reasons = !row.current && choice ? <RoomReasons choice={choice} /> : null
  const action = (
    <>
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
    </>
  )

  if (card) {
    return (
      <Paper component="li" withBorder p="sm" data-stay={row.stayId} data-vip={row.guest.vip || undefined}>
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
            {guest}
            <Group gap={4} wrap="wrap" justify="flex-end">
              {alerts}
              {row.roomType ? <Text size="xs" c="dimmed">{t('desk.preassign.roomType')} · {row.roomType}</Text> : null}
            </Group>
          </Group>
          <Group gap="sm" align="center" wrap="wrap">
            <div style={{ flex: 1, minWidth: 160 }}>{roomChoice}</div>
            <div>{action}</div>
          </Group>
          {reasons}
        </Stack>
      </Paper>
    )
  }
  return (
    <Table.Tr data-stay={row.stayId} data-vip={row.guest.vip || undefined}>
      <Table.Td>{guest}</Table.Td>
      <Table.Td>{alerts}</Table.Td>
      <Table.Td>{row.roomType ?? ''}</Table.Td>
      <Table.Td miw={170}>{roomChoice}</Table.Td>
      <Table.Td>{reasons}</Table.Td>
      <Table.Td>{action}</Table.Td>
    </Table.Tr>
  )
}
