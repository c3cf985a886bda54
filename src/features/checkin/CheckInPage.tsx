import { Button, Grid, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { ConfirmPreferences } from './ConfirmPreferences'
import { GuestCardPanel } from './GuestCardPanel'
import { recoveryOfStay } from '../recovery/recovery-api'
import { GuestList, type GuestListItem } from './GuestList'
import { matchHint } from './match-hint'
import { arrivalFacts } from './arrival-row'
import { ReservationDialog } from './ReservationDialog'
import { StayPanel } from './StayPanel'
import { WalkInDialog } from './WalkInDialog'
import { mayHandleStays } from './stay-permission'
import { deskMakesStays } from './desk-actions'
import { useDeskMode } from './use-desk-mode'
import { useSession } from '../../app/session'
import { useHotelTime } from '../../app/hotel-time'
import { BriefingPackButton } from '../print/PrintLinks'

export function CheckInPage() {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const handlesStays = mayHandleStays(useSession().staff?.role)
  // Beside a PMS, reservations and walk-ins are made in the PMS; the desk chooses rooms.
  const makesStays = deskMakesStays(useDeskMode(), handlesStays)
  const searchRef = useRef<HTMLInputElement>(null)
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text, 120)
  const [selected, setSelected] = useState<GuestListItem | null>(null)
  const [dialog, setDialog] = useState<'walkIn' | 'reservation' | null>(null)
  // New reservation without a guest chosen says why and puts the cursor in the search (issue 13 #15).
  const [needsGuest, setNeedsGuest] = useState(false)

  const arrivals = useQuery({ queryKey: ['arrivals'], queryFn: () => call('stay.arrivals', {}) })
  const inHouse = useQuery({ queryKey: ['in-house'], queryFn: () => call('stay.inHouse', {}) })
  const search = useQuery({
    queryKey: ['search', debounced],
    queryFn: () => call('guest.search', { text: debounced, limit: 20 }),
    enabled: debounced.trim() !== '',
    placeholderData: (previous) => previous,
  })

  // Live changes (a check-in at another desk) refetch these lists: see api/event-queries.ts.

  useHotkeys([['/', () => searchRef.current?.focus()]])

  const stayItem = (s: NonNullable<typeof arrivals.data>[number]): GuestListItem => ({
    key: `stay-${s.stayId}`,
    guestId: s.guestId,
    stayId: s.stayId,
    guest: s.guest,
    detail: `${s.confirmationNo} · ${t('checkin.nights', { count: nightsBetween(s.arrival, s.departure) })} · ${t('checkin.party', { count: s.party })}`,
    status: s.status,
    roomNumber: s.roomNumber,
    alerts: s.alerts,
    facts: arrivalFacts(s, t),
    recovery: recoveryOfStay(s),
  })
  // Core lists arrivals in the order the desk reads them (expected, VIPs, then names in pinyin
  // order: electron/core/guests/name-order.ts); sorting again here would lose the VIPs.
  const arrivalItems = (arrivals.data ?? []).map(stayItem)
  const inHouseItems = (inHouse.data ?? []).map(stayItem)
  const hits: GuestListItem[] = (search.data ?? []).map((h) => ({
    key: `guest-${h.guestId}`,
    guestId: h.guestId,
    stayId: h.stay?.id ?? null,
    guest: h,
    detail: h.stay
      ? h.stay.status === 'in_house'
        ? t('checkin.hitInHouse', { room: h.stay.roomNumber })
        : t('checkin.hitArriving', { date: hotelTime.date(h.stay.arrival) })
      : (h.company ?? t('checkin.hitNoStay')),
    matchHint: h.restricted ? `${matchHint(h.matchedBy, t)} · ${t('checkin.hitRestricted')}` : matchHint(h.matchedBy, t),
    status: h.stay?.status,
    roomNumber: h.stay?.roomNumber,
  }))
  const searching = text.trim() !== ''
  // Enter opens the first hit for what is typed now, even if the answer is still on its way.
  const [openFirst, setOpenFirst] = useState(false)
  const answered = debounced === text && search.isSuccess && !search.isPlaceholderData && !search.isFetching
  useEffect(() => {
    if (!openFirst || !answered) return
    setOpenFirst(false)
    if (hits[0]) setSelected(hits[0])
  }, [openFirst, answered]) // hits derive from search.data, which "answered" tracks

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1} size="h2">{t('checkin.title')}</Title>
        <Group gap="xs">
          <BriefingPackButton />
          <BriefingPackButton vip />
          {makesStays ? (
            <>
              <Button variant="default" onClick={() => setDialog('walkIn')}>{t('checkin.walkIn')}</Button>
              <Button
                variant="default"
                onClick={() => {
                  if (selected) setDialog('reservation')
                  else {
                    setNeedsGuest(true)
                    searchRef.current?.focus()
                  }
                }}
                aria-describedby={!selected && needsGuest ? 'new-reservation-needs-guest' : undefined}
                data-testid="new-reservation"
              >
                {t('checkin.newReservation')}
              </Button>
            </>
          ) : null}
        </Group>
      </Group>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Paper withBorder p="sm">
            <Text id="new-reservation-needs-guest" role="status" size="sm" fw={600} mb={needsGuest && !selected ? 'xs' : 0}>
              {needsGuest && !selected ? t('checkin.newReservationNeedsGuest') : ''}
            </Text>
            <TextInput
              ref={searchRef}
              label={t('checkin.searchLabel')}
              description={t('checkin.searchHint')}
              placeholder={t('checkin.searchPlaceholder')}
              value={text}
              autoFocus
              onChange={(e) => {
                setText(e.currentTarget.value)
                setOpenFirst(false)
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  if (answered && hits[0]) setSelected(hits[0])
                  else if (!answered) setOpenFirst(true)
                }
                if (e.key === 'Escape') setText('')
                if (e.key === 'ArrowDown') {
                  e.preventDefault()
                  e.currentTarget.closest('.mantine-Paper-root')?.querySelector<HTMLButtonElement>('button[data-guest-item]')?.focus()
                }
              }}
              mb="sm"
            />
            {searching ? (
              <section aria-label={t('checkin.results')}>
                <Text size="sm" fw={600} mb={4} aria-live="polite">
                  {search.isFetching && !search.data ? t('app.loading') : t('checkin.resultCount', { count: hits.length })}
                </Text>
                <GuestList items={hits} selectedKey={selected?.key ?? null} onOpen={setSelected} label={t('checkin.results')} />
              </section>
            ) : (
              <Tabs defaultValue="arrivals">
                <Tabs.List>
                  <Tabs.Tab value="arrivals">{t('checkin.arrivals', { count: arrivalItems.length })}</Tabs.Tab>
                  <Tabs.Tab value="inHouse">{t('checkin.inHouse', { count: inHouseItems.length })}</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="arrivals" pt="xs">
                  <GuestList items={arrivalItems} selectedKey={selected?.key ?? null} onOpen={setSelected} label={t('checkin.arrivalsList')} />
                </Tabs.Panel>
                <Tabs.Panel value="inHouse" pt="xs">
                  <GuestList items={inHouseItems} selectedKey={selected?.key ?? null} onOpen={setSelected} label={t('checkin.inHouseList')} />
                </Tabs.Panel>
              </Tabs>
            )}
          </Paper>
        </Grid.Col>
        {selected ? (
          <>
            {/* The card beside the list on a wide desk screen, so alerts are read before a room is chosen. */}
            <Grid.Col span={{ base: 12, md: 7, lg: 4 }}>
              <GuestCardPanel guestId={selected.guestId} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7, lg: 4 }} offset={{ base: 0, md: 5, lg: 0 }}>
              <Stack gap="md">
                {/* Asked first: what the guest confirms or retires changes the room suggestions below. */}
                <ConfirmPreferences guestId={selected.guestId} />
                <StayPanel key={`${selected.key}`} guestId={selected.guestId} stayId={selected.stayId} onBack={() => { setSelected(null); searchRef.current?.focus() }} />
              </Stack>
            </Grid.Col>
          </>
        ) : (
          <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
            <Paper withBorder p="xl">
              <Text c="dimmed">{t('checkin.pickSomeone')}</Text>
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      <WalkInDialog
        opened={dialog === 'walkIn'}
        onClose={() => setDialog(null)}
        onCreated={(guestId, stayId, name) => {
          setDialog(null)
          setSelected({ key: `stay-${stayId}`, guestId, stayId, guest: { nativeName: name, romanName: null, vip: 0 }, detail: '' })
        }}
      />
      {selected ? (
        <ReservationDialog
          opened={dialog === 'reservation'}
          guestId={selected.guestId}
          guest={selected.guest}
          onClose={() => setDialog(null)}
          onCreated={() => setDialog(null)}
        />
      ) : null}
    </Stack>
  )
}

function nightsBetween(arrival: string, departure: string): number {
  return Math.round((Date.parse(departure) - Date.parse(arrival)) / 86_400_000)
}
