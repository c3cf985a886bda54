import { Badge, Box, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { GuestCard } from '../../../electron/core/guests/guest.card'
import { call } from '../../api/client'
import { useDepartmentName } from '../../api/reference-data'
import { useWhen } from './when'
import { useHotelTime } from '../../app/hotel-time'

/** How well we know this guest: stays, nights, rooms, service delivered, and what staff noticed. */
export function StaysSection({ card }: { card: GuestCard }) {
  const { t } = useTranslation()
  const when = useWhen()
  const { date } = useHotelTime()
  const departmentName = useDepartmentName()
  const { stats, stays } = card
  const observations = useQuery({ queryKey: ['observations', card.guest.id], queryFn: () => call('observation.ofGuest', { guestId: card.guest.id }) })
  const facts: [string, string | number][] = [
    [t('stats.stays'), stats.stays],
    [t('stats.nights'), stats.nights],
    [t('stats.firstStay'), stats.firstStay ? date(stats.firstStay) : t('history.empty')],
    [t('stats.lastStay'), stats.lastStay ? date(stats.lastStay) : t('history.empty')],
    [t('stats.rooms'), stats.roomsUsed.join(', ') || t('history.empty')],
    [t('stats.prompts'), stats.promptsFulfilled],
    [t('stats.observations'), stats.observations],
  ]

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="stays-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="stays-title">{t('stats.title')}</Title>
        <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="xs" m={0} data-testid="guest-stats">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed">{label}</Text>
              <Text component="dd" m={0} fw={700}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
        {stays.length > 0 ? (
          // A region that scrolls sideways on a phone takes keyboard focus, so its arrows scroll it.
          <Box role="region" aria-label={t('stats.staysCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
            <Table striped withTableBorder verticalSpacing={4} fz="sm" miw={420}>
              <Table.Caption>{t('stats.staysCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stats.confirmation')}</Table.Th>
                  <Table.Th>{t('stats.dates')}</Table.Th>
                  <Table.Th>{t('stats.room')}</Table.Th>
                  <Table.Th>{t('stats.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stays.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>{s.confirmationNo}</Table.Td>
                    <Table.Td>{date(s.arrival)} → {date(s.departure)}</Table.Td>
                    <Table.Td>{s.roomNumber ?? t('history.empty')}</Table.Td>
                    <Table.Td>{t(`status.${s.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        ) : (
          <Text size="sm" c="dimmed">{t('card.firstVisit')}</Text>
        )}
        {(observations.data ?? []).length > 0 ? (
          <>
            <Title order={3} size="h6">{t('stats.noticed')}</Title>
            <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
              {observations.data!.slice(0, 10).map((o) => (
                <li key={o.id}>
                  <Text size="sm">“{o.text}”</Text>
                  <Text size="xs" c="dimmed">
                    {o.staff} · {departmentName(o.department)} · {when(o.createdAt)} <Badge size="xs" variant="default">{t(`stats.observation.${o.status}`)}</Badge>
                  </Text>
                </li>
              ))}
            </Stack>
          </>
        ) : null}
      </Stack>
    </Paper>
  )
}
