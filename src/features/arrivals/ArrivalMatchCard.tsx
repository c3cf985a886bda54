import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestName } from '../../components/guest-name'
import { notify } from '../../components/notify'
import { useHotelTime } from '../../app/hotel-time'
import { comparedFacts, factAgrees, type ArrivalMatchItem, type MatchPerson } from './arrival-match'

/** A person's facts as guest relations compares them; each candidate's marked same or different from the arrival's. */
function PersonFacts({ person, arrival }: { person: MatchPerson; arrival?: MatchPerson }) {
  const { t } = useTranslation()
  const { date } = useHotelTime()
  return (
    <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 10, rowGap: 2, margin: 0 }}>
      {comparedFacts.map((fact) => {
        const agrees = arrival ? factAgrees(fact, arrival, person) : null
        return (
          <div key={fact} style={{ display: 'contents' }}>
            <Text component="dt" size="sm" c="dimmed">{t(`desk.queue.${fact}`)}</Text>
            <Text component="dd" size="sm" m={0} fw={agrees ? 700 : undefined}>
              {person[fact] ? (fact === 'birthDate' ? date(person[fact]) : person[fact]) : t('desk.queue.notGiven')}
              {agrees === true ? <Text span size="xs" c="green.9"> ✓ {t('desk.queue.agrees')}</Text> : null}
              {agrees === false ? <Text span size="xs" c="dimmed"> ≠ {t('desk.queue.differs')}</Text> : null}
            </Text>
          </div>
        )
      })}
    </dl>
  )
}

function Person({ person }: { person: MatchPerson }) {
  return (
    <Group gap={6}>
      <GuestName guest={person} />
      {person.vip > 0 ? <Badge color="yellow" variant="filled" c="dark" size="sm">VIP {person.vip}</Badge> : null}
    </Group>
  )
}

/** One arrival waiting: the PMS booking and the arrival beside the profiles it may be. */
export function ArrivalMatchCard({ item }: { item: ArrivalMatchItem }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const queryClient = useQueryClient()
  const refresh = () => Promise.all(['arrival-matches', 'arrivals', 'in-house', 'search', 'card', 'stay-details', 'duplicates'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
  const link = useMutation({
    mutationFn: (guest: MatchPerson) => call('arrivals.link', { matchId: item.matchId, guestId: guest.guestId }),
    onSuccess: async (_, guest) => {
      notify({ color: 'green', message: t('desk.queue.linked', { name: guest.nativeName }) })
      await refresh()
    },
  })
  const keepNew = useMutation({
    mutationFn: () => call('arrivals.keepNew', { matchId: item.matchId }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('desk.queue.kept', { name: item.arrival.nativeName }) })
      await refresh()
    },
  })
  const busy = link.isPending || keepNew.isPending
  const failed = link.error ?? keepNew.error
  const titleId = `arrival-${item.matchId}`
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId} data-match={item.matchId}>
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id={titleId}>
            {item.stay.pmsConfirmation ? t('desk.queue.booking', { number: item.stay.pmsConfirmation }) : t('desk.queue.noPmsNumber')}
          </Title>
          <Badge variant="light" color={item.reason === 'ambiguous' ? 'orange' : 'gray'} c="dark.9" tt="none" size="lg">
            {t(`desk.queue.reason_${item.reason}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('desk.queue.dates', { arrival: hotelTime.date(item.stay.arrival), departure: hotelTime.date(item.stay.departure) })} · {t(`status.${item.stay.status}`)}
          {item.stay.roomNumber ? ` · ${item.stay.status === 'in_house' ? t('checkin.inRoom', { room: item.stay.roomNumber }) : t('desk.row.chosen', { room: item.stay.roomNumber })}` : ''}
          {' · '}
          {t('desk.queue.receivedAt', { when: hotelTime.when(item.createdAt) })}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: Math.min(4, item.candidates.length + 1) }} spacing="sm">
          <Paper p="sm" bg="var(--mantine-color-default-hover)" radius="sm" data-testid="arrival-person">
            <Stack gap={6}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">{t('desk.queue.arrival')}</Text>
              <Person person={item.arrival} />
              <PersonFacts person={item.arrival} />
              <Button variant="default" onClick={() => keepNew.mutate()} loading={keepNew.isPending} disabled={busy} aria-label={t('desk.queue.newGuestFor', { name: item.arrival.nativeName })}>
                {t('desk.queue.newGuest')}
              </Button>
            </Stack>
          </Paper>
          {item.candidates.map((c) => (
            <Paper key={c.guestId} withBorder p="sm" radius="sm" data-testid="arrival-candidate">
              <Stack gap={6}>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed">{t('desk.queue.candidates')}</Text>
                <Person person={c} />
                <PersonFacts person={c} arrival={item.arrival} />
                <Button onClick={() => link.mutate(c)} loading={link.isPending && link.variables?.guestId === c.guestId} disabled={busy} aria-label={t('desk.queue.sameAs', { name: c.nativeName })}>
                  {t('desk.queue.same')}
                </Button>
              </Stack>
            </Paper>
          ))}
        </SimpleGrid>
        {item.candidates.length === 0 ? <Text size="sm" c="dimmed">{t('desk.queue.noCandidates')}</Text> : null}
        {failed ? <Alert color="red" role="alert">{errorMessage(t, failed)}</Alert> : null}
      </Stack>
    </Paper>
  )
}
