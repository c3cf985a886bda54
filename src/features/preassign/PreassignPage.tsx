import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { notify } from '../../components/notify'
import { useBusinessDay, useHotelTime } from '../../app/hotel-time'
import { clashingRooms, rowsToApply, vipSheet } from './preassign-plan'
import { PreassignRow } from './PreassignRow'
import { VipSheet } from './VipSheet'

/**
 * Pre-assignment: a day's arrivals (tomorrow by default) get rooms in one pass, VIPs first, each
 * choice explained; the desk reviews, applies (or picks an alternative) and can undo, so rooms
 * are prepared before the guests arrive. The VIP list prints for the morning meeting.
 */
export function PreassignPage() {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const queryClient = useQueryClient()
  // Tomorrow at the hotel (its business date + 1), not on the device: chosen once the clock is known.
  const tomorrow = useBusinessDay(1)
  const [date, setDate] = useState('')
  useEffect(() => {
    if (tomorrow && date === '') setDate(tomorrow)
  }, [tomorrow, date])
  const [picks, setPicks] = useState<Record<number, string>>({})
  const [printing, setPrinting] = useState(false)
  const plan = useQuery({ queryKey: ['preassign', date], queryFn: () => call('stay.preassignPlan', { date }), enabled: date !== '' })
  const rows = useMemo(() => plan.data ?? [], [plan.data])
  const pending = rowsToApply(rows, picks)
  const clashes = clashingRooms(rows, picks)
  // On a phone each reservation is a card: the wide table would hide the room and Apply off to the side.
  const phone = useMediaQuery('(max-width: 47.99em)', false, { getInitialValueInEffect: false }) ?? false

  const refresh = () => Promise.all(['preassign', 'arrivals', 'stay-details', 'suggest', 'card'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
  const applyAll = useMutation({
    // One at a time, in the plan's order (VIPs first): a refusal leaves the others applied.
    mutationFn: async () => {
      const failed: string[] = []
      for (const row of pending) {
        try {
          await call('stay.assignRoom', row)
        } catch {
          failed.push(row.roomNumber)
        }
      }
      return { applied: pending.length - failed.length, failed }
    },
    onSuccess: async ({ applied, failed }) => {
      if (applied > 0) notify({ color: 'green', message: t('desk.preassign.appliedAll', { count: applied }) })
      if (failed.length > 0) notify({ color: 'red', message: t('desk.preassign.someFailed', { rooms: failed.join(', ') }) })
      setPicks({})
      await refresh()
    },
  })

  if (printing) return <VipSheet date={date} lines={vipSheet(rows, picks)} onBack={() => setPrinting(false)} />
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('desk.preassign.title')}</Title>
      <Text size="sm" maw={760}>{t('desk.preassign.intro')}</Text>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <TextInput
          type="date"
          label={t('desk.preassign.date')}
          value={date}
          onChange={(e) => {
            setDate(e.currentTarget.value)
            setPicks({})
          }}
          w={180}
        />
        <Button onClick={() => applyAll.mutate()} loading={applyAll.isPending} disabled={pending.length === 0} data-testid="apply-all">
          {t('desk.preassign.applyAll', { count: pending.length })}
        </Button>
        <Button variant="default" onClick={() => setPrinting(true)} disabled={rows.length === 0} data-testid="print-vip">
          {t('desk.preassign.print')}
        </Button>
      </Group>
      {applyAll.isError ? <Alert color="red" role="alert">{errorMessage(t, applyAll.error)}</Alert> : null}
      {plan.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {plan.isError ? <Alert color="red" role="alert">{errorMessage(t, plan.error)}</Alert> : null}
      {plan.isSuccess && rows.length === 0 ? (
        <Paper withBorder p="lg">
          <Text c="dimmed">{t('desk.preassign.none')}</Text>
        </Paper>
      ) : null}
      {rows.length > 0 && phone ? (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('desk.preassign.tableLabel', { date: hotelTime.date(date) })} data-testid="preassign-plan">
          {rows.map((row) => (
            <PreassignRow
              key={row.stayId}
              card
              row={row}
              pick={picks[row.stayId]}
              clashes={clashes}
              onPick={(room) => setPicks({ ...picks, [row.stayId]: room })}
              onChanged={refresh}
            />
          ))}
        </Stack>
      ) : null}
      {rows.length > 0 && !phone ? (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="sm" striped aria-label={t('desk.preassign.tableLabel', { date: hotelTime.date(date) })} data-testid="preassign-plan">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('desk.preassign.guest')}</Table.Th>
                <Table.Th scope="col">{t('desk.preassign.alerts')}</Table.Th>
                <Table.Th scope="col">{t('desk.preassign.roomType')}</Table.Th>
                <Table.Th scope="col">{t('desk.preassign.room')}</Table.Th>
                <Table.Th scope="col">{t('desk.preassign.why')}</Table.Th>
                <Table.Th scope="col">{t('desk.preassign.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <PreassignRow
                  key={row.stayId}
                  row={row}
                  pick={picks[row.stayId]}
                  clashes={clashes}
                  onPick={(room) => setPicks({ ...picks, [row.stayId]: room })}
                  onChanged={refresh}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  )
}
