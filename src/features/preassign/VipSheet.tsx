import { Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { GuestName } from '../../components/guest-name'
import { useHotelTime } from '../../app/hotel-time'
import type { VipSheetLine } from './preassign-plan'
import './print-sheet.css'

/** The day's VIP arrivals and their rooms, for the housekeeper's and the duty manager's clipboard. */
export function VipSheet({ date, lines, onBack }: { date: string; lines: VipSheetLine[]; onBack: () => void }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const backRef = useRef<HTMLButtonElement>(null)
  useEffect(() => backRef.current?.focus(), [])
  return (
    <Stack gap="md" data-print-sheet component="section" aria-labelledby="vip-sheet-title">
      <Group justify="space-between" data-print-hide>
        <Button ref={backRef} variant="default" onClick={onBack}>{t('desk.preassign.backToPlan')}</Button>
        <Button onClick={() => window.print()}>{t('desk.preassign.printNow')}</Button>
      </Group>
      <Title order={1} size="h2" id="vip-sheet-title">{t('desk.preassign.printTitle', { date: hotelTime.date(date) })}</Title>
      <Text size="sm">{t('desk.preassign.printed', { when: hotelTime.dateTime(new Date().toISOString()) })}</Text>
      {lines.length === 0 ? (
        <Text>{t('desk.preassign.noVip')}</Text>
      ) : (
        <Table withTableBorder withColumnBorders data-testid="vip-sheet">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('desk.preassign.room')}</Table.Th>
              <Table.Th scope="col">{t('desk.preassign.guest')}</Table.Th>
              <Table.Th scope="col">VIP</Table.Th>
              <Table.Th scope="col">{t('desk.preassign.roomType')}</Table.Th>
              <Table.Th scope="col">{t('desk.preassign.alerts')}</Table.Th>
              <Table.Th scope="col">{t('desk.preassign.confirmation')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((line) => (
              <Table.Tr key={line.stayId}>
                <Table.Td>
                  <Text fw={800} size="lg" span>{line.room ?? '—'}</Text>
                  {line.proposed ? <Text size="xs" span> {t('desk.preassign.proposed')}</Text> : null}
                </Table.Td>
                <Table.Td><GuestName guest={line.guest} /></Table.Td>
                <Table.Td>{line.guest.vip}</Table.Td>
                <Table.Td>{line.roomType ?? ''}</Table.Td>
                <Table.Td>{line.alerts ? t('checkin.alertsBadge', { count: line.alerts }) : ''}</Table.Td>
                <Table.Td>{line.confirmation}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
